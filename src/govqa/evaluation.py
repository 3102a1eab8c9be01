"""Retrieval metrics on question sets in the shared FORMAT (hit@k, recall@k, MRR, per kind).

Matching follows the retrieval issue's rule, with FORMAT.md's normalisation: a passage matches a
gold item when the document ids agree and at least half of the normalised quote appears
contiguously in the passage's normalised text. (FORMAT.md's own checker, which validates gold
quotes against whole pages, requires the whole quote.)
"""

from __future__ import annotations

import datetime
import json
import statistics
import subprocess
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from govqa.answering.extractive import Answerer
from govqa.claim_scores import CLAIM_SUMMARY, ClaimOutcome, check_counts, claim_metrics, claim_outcome, claim_sets
from govqa.errors import ConfigError
from govqa.records import Answer, Passage
from govqa.settings import PROJECT_ROOT
from govqa.text import letters_and_digits

KS = (1, 3, 5, 10)


def half_match(quote: str, text: str) -> bool:
    """At least half of the normalised quote stands contiguously in the normalised text."""
    q, t = letters_and_digits(quote), letters_and_digits(text)
    if not q:
        return False
    half = (len(q) + 1) // 2
    return any(q[i : i + half] in t for i in range(len(q) - half + 1))


def load_questions(path: Path) -> list[dict[str, Any]]:
    items = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
        except json.JSONDecodeError as exc:
            raise ConfigError(f"{path}:{n}: not valid JSON ({exc}); see FORMAT.md.") from exc
        for key in ("id", "kind", "question", "gold"):
            if key not in item:
                raise ConfigError(f"{path}:{n}: missing field {key!r}; see FORMAT.md.")
        items.append(item)
    return items


@dataclass
class QuestionResult:
    id: str
    kind: str
    gold: int
    first_hit: int | None  # 1-based rank of the first matching passage
    found_at: list[int | None]  # per gold item, 1-based rank of its first match


@dataclass
class Report:
    results: list[QuestionResult] = field(default_factory=list)

    def _answerable(self, kind: str | None = None) -> list[QuestionResult]:
        return [r for r in self.results if r.gold and (kind is None or r.kind == kind)]

    def metrics(self, kind: str | None = None) -> dict[str, float]:
        rs = self._answerable(kind)
        if not rs:
            return {}
        out: dict[str, float] = {"n": float(len(rs))}
        for k in KS:
            out[f"hit@{k}"] = sum(r.first_hit is not None and r.first_hit <= k for r in rs) / len(rs)
            out[f"recall@{k}"] = sum(
                sum(f is not None and f <= k for f in r.found_at) / len(r.found_at) for r in rs
            ) / len(rs)
        out["mrr"] = sum(1 / r.first_hit if r.first_hit else 0.0 for r in rs) / len(rs)
        return out

    def kinds(self) -> list[str]:
        return sorted({r.kind for r in self.results if r.gold})


def score_question(item: dict[str, Any], passages: Sequence[Passage]) -> QuestionResult:
    found: list[int | None] = []
    for gold in item["gold"]:
        rank = next(
            (
                i
                for i, p in enumerate(passages, 1)
                if p.chunk.doc_id == gold["doc"] and half_match(gold["quote"], p.chunk.text)
            ),
            None,
        )
        found.append(rank)
    hits = [f for f in found if f is not None]
    return QuestionResult(item["id"], item["kind"], len(item["gold"]), min(hits) if hits else None, found)


def passage_record(p: Passage) -> dict[str, Any]:
    return {"doc": p.chunk.doc_id, "locator": p.chunk.locator, "page": p.chunk.page_start, "text": p.chunk.text}


def evaluate(
    items: Iterable[dict[str, Any]],
    search: Callable[[str], Sequence[Passage]],
    dump: Callable[[dict[str, Any]], None] | None = None,
) -> Report:
    """Run `search` on every question; `dump` receives one record per question (FORMAT of --dump)."""
    report = Report()
    for item in items:
        passages = search(item["question"])
        report.results.append(score_question(item, passages))
        if dump:
            dump(
                {
                    "id": item["id"],
                    "passages": [passage_record(p) for p in passages],
                    "answer": None,
                    "citations": [],
                    "verdict": None,
                    "refused": False,
                }
            )
    return report


def cites(citation: dict[str, Any], gold: dict[str, Any]) -> bool:
    """A citation (a --dump record's) cites a gold item when at least half of the gold quote stands in its quote
    and it names the gold's document, itself or as another edition holding the same provision (FORMAT.md: two
    editions of one enacted text count as one document)."""
    docs = (citation["doc"], *citation.get("editions", ()))
    return gold["doc"] in docs and half_match(gold["quote"], citation["quote"])


@dataclass
class AnswerReport:
    """How the answers (not just the passages) fare: quotes, citations, refusals, verdicts."""

    quotes: int = 0
    quotes_verbatim: int = 0
    gold_items: int = 0
    gold_cited: int = 0
    answerable: int = 0
    answerable_refused: int = 0
    unanswerable: int = 0
    unanswerable_refused: int = 0
    claims: int = 0
    claims_correct: int = 0
    first_gold: int = 0  # answerable questions whose first citation matches a gold item
    answered: int = 0  # answers not refused
    with_short_answer: int = 0
    answer_chars: list[int] = field(default_factory=list)  # per answer not refused: short answer and body
    timings: list[dict[str, float | None]] = field(default_factory=list)  # per answer (model times: LLM engine)
    model_lines: list[tuple[int, int] | None] = field(default_factory=list)  # per answer: Answer.model_lines
    model_written: int = 0  # answers whose text a model wrote (not the extractive fallback)
    claim_outcomes: list[ClaimOutcome] = field(default_factory=list)

    def add(self, item: dict[str, Any], record: dict[str, Any], source_text: Callable[[str], str]) -> None:
        for cite in record["citations"]:
            self.quotes += 1
            self.quotes_verbatim += letters_and_digits(cite["quote"]) in letters_and_digits(source_text(cite["doc"]))
        silent = item["kind"] == "unanswerable" or item.get("verdict") == "not_addressed"
        if silent:
            self.unanswerable += 1
            self.unanswerable_refused += bool(record["refused"]) or record.get("verdict") == "not_addressed"
        else:
            self.answerable += 1
            self.answerable_refused += bool(record["refused"])
            first = record["citations"][:1]
            self.first_gold += any(cites(c, g) for c in first for g in item["gold"])
        if not record["refused"]:
            self.answered += 1
            self.with_short_answer += bool(record.get("short_answer"))
            self.answer_chars.append(len(record.get("short_answer") or "") + len(record["answer"] or ""))
        for gold in item["gold"]:
            self.gold_items += 1
            self.gold_cited += any(cites(c, gold) for c in record["citations"])
        if item["kind"] == "claim":
            self.claims += 1
            # Kept as it always was (the verdict field equals the gold verdict): claim_verdict_recall is the
            # figure to read; it also credits a refusal of a claim the texts do not address.
            self.claims_correct += record.get("verdict") == item.get("verdict")
            first = record["citations"][:1]
            first_gold = any(cites(c, g) for c in first for g in item["gold"])
            self.claim_outcomes.append(claim_outcome(item, record, half=half_of(item), first_gold=first_gold))

    def metrics(self) -> dict[str, float]:
        def rate(a: int, b: int) -> float:
            return a / b if b else 0.0

        return (
            {
                "quotes_verbatim": rate(self.quotes_verbatim, self.quotes),
                "citation_recall": rate(self.gold_cited, self.gold_items),
                "unanswerable_refused": rate(self.unanswerable_refused, self.unanswerable),
                "answerable_refused": rate(self.answerable_refused, self.answerable),
                "claim_verdict_accuracy": rate(self.claims_correct, self.claims),
                "first_citation_gold": rate(self.first_gold, self.answerable),
                "short_answer_present": rate(self.with_short_answer, self.answered),
                "median_answer_chars": float(statistics.median(self.answer_chars)) if self.answer_chars else 0.0,
            }
            | self.timing_metrics()
            | self.model_metrics()
            | {f"claim_{k}": v for k, v in claim_metrics(self.claim_outcomes).items() if k != "n"}
        )

    def timing_metrics(self) -> dict[str, float]:
        """Median time to first token and total model time over the answers a model ran for, and median time per
        answer (retrieval included) over every answer."""
        out: dict[str, float] = {}
        for key, name in (("first_token_s", "llm_first_token_s"), ("total_s", "llm_total_s"), ("answer_s", "answer_s")):
            values = sorted(v for t in self.timings if (v := t.get(key)) is not None)
            if values:
                out[f"{name}_median"] = values[len(values) // 2]
        return out

    def model_metrics(self) -> dict[str, float]:
        """What verification made of a model's output: the share of its lines removed, the share of its replies
        with no answer line (it declined: the refusal sentence, or nothing), and the share of answers shown in
        the model's words rather than extractively."""
        runs = [m for m in self.model_lines if m is not None]
        if not runs:
            return {}
        written = sum(w for w, _ in runs)
        return {
            "llm_lines_removed": sum(r for _, r in runs) / written if written else 0.0,
            "llm_answers_written": self.model_written / len(self.model_lines),
            "llm_declined": sum(w == 0 for w, _ in runs) / len(runs),
        }


def answer_record(item: dict[str, Any], passages: Sequence[Passage], ans: Answer) -> dict[str, Any]:
    """One line of `govqa eval --dump`: the passages retrieved and the answer given for a question."""
    return {
        "id": item["id"],
        "passages": [passage_record(p) for p in passages],
        "short_answer": ans.short_answer,
        "answer": ans.text,
        "citations": [
            {"doc": c.doc_id, "locator": c.locator, "page": c.page, "quote": c.quote, "editions": list(c.also_in_docs)}
            for c in ans.citations
        ],
        "verdict": ans.verdict,
        "refused": ans.refused,
        "check": ans.verdict_check,
    }


def half_of(item: dict[str, Any]) -> str:
    """The fixed half a question belongs to, by its id's number: "odd" (d001, d003…) or "even" (d002…).

    Weights, thresholds and cues are chosen on one half and confirmed on the other."""
    digits = "".join(ch for ch in str(item["id"]) if ch.isdigit())
    return "odd" if digits and int(digits) % 2 else "even"


def halves_and_language(item: dict[str, Any]) -> tuple[str, ...]:
    """The question's half, and "ja" for Japanese questions (scored apart: they cross languages)."""
    return (half_of(item), "ja") if item.get("lang") == "ja" else (half_of(item),)


@dataclass
class Evaluation:
    """Retrieval and answer scores of one set of questions."""

    retrieval: Report = field(default_factory=Report)
    answers: AnswerReport = field(default_factory=AnswerReport)


def evaluate_answers(
    items: Iterable[dict[str, Any]],
    answerer: Answerer,
    *,
    k: int = 10,
    dump: Callable[[dict[str, Any]], None] | None = None,
    group: Callable[[dict[str, Any]], Sequence[str]] | None = None,
) -> dict[str, Evaluation]:
    """Retrieve and answer every question (claims in claim mode); score both, under "all" and, with `group`,
    under each of the question's groups as well (e.g. `halves_and_language`). `dump` gets each question's record."""
    texts: dict[str, str] = {}

    def source_text(doc_id: str) -> str:
        if doc_id not in texts:
            texts[doc_id] = "".join(c.text for c in answerer.retriever.chunks if c.doc_id == doc_id)
        return texts[doc_id]

    out: dict[str, Evaluation] = {"all": Evaluation()}
    for item in items:
        passages = answerer.retriever.retrieve(item["question"], k=k)
        started = time.perf_counter()
        ans = answerer.answer(item["question"], mode="claim" if item["kind"] == "claim" else "ask")
        elapsed = time.perf_counter() - started
        record = answer_record(item, passages, ans)
        for key in ["all", *(group(item) if group else ())]:
            scores = out.setdefault(key, Evaluation())
            scores.retrieval.results.append(score_question(item, passages))
            scores.answers.add(item, record, source_text)
            scores.answers.timings.append(ans.timings | {"answer_s": elapsed})
            scores.answers.model_lines.append(ans.model_lines)
            scores.answers.model_written += ans.engine != "extractive"
        if dump:
            dump(record)
    return out


def run_label() -> str:
    """Which code produced a figure: the checkout's commit (with "+changes" when the tree differs) and the date."""

    def git(*args: str) -> str:
        try:
            done = subprocess.run(["git", *args], cwd=PROJECT_ROOT, capture_output=True, text=True, timeout=10)
        except (OSError, subprocess.SubprocessError):
            return ""
        return done.stdout.strip() if done.returncode == 0 else ""

    commit = git("rev-parse", "--short", "HEAD") or "unknown commit"
    if git("status", "--porcelain", "--untracked-files=no", "--", "src", "ingest", "corpus", "prompts"):
        commit += "+changes"
    return f"commit {commit}, {datetime.date.today().isoformat()}"


SUMMARY = ("hit@1", "hit@5", "recall@10", "mrr")
ANSWER_SUMMARY = (
    "citation_recall",
    "first_citation_gold",
    "unanswerable_refused",
    "answerable_refused",
    "claim_verdict_accuracy",
    "short_answer_present",
    "median_answer_chars",
)


def _cell(name: str, value: float) -> str:
    return f"{value:.0f}" if name.endswith("_chars") else f"{value:.2f}"


def format_summary(results: dict[str, Evaluation], *, markdown: bool = False, title: str = "") -> str:
    """One row per question set (e.g. odd half, even half, all): retrieval over the answerable questions, then
    how the answers fare; then, when there are claims, the claim table (`format_claims`). `markdown` gives tables
    to paste as printed."""
    cols = ["set", "n", *SUMMARY, *ANSWER_SUMMARY]
    rows = []
    for key, ev in results.items():
        m, a = ev.retrieval.metrics(), ev.answers.metrics()
        n = f"{int(m.get('n', 0))}/{len(ev.retrieval.results)}"
        rows.append([key, n, *(f"{m.get(c, 0.0):.2f}" for c in SUMMARY), *(_cell(c, a[c]) for c in ANSWER_SUMMARY)])
    table = _table(cols, rows, markdown=markdown, title=title)
    claims = results["all"].answers.claim_outcomes if "all" in results else []
    return f"{table}\n\n{format_claims(claims, markdown=markdown, title='claims')}" if claims else table


def format_claims(outcomes: Sequence[ClaimOutcome], *, markdown: bool = False, title: str = "") -> str:
    """The claim table: verdict recall (no verdict is wrong), verdicts given, precision of those given, first
    citation gold, and refusals of not-addressed and of addressed claims; one row per half and per language."""
    cols = ["claims", "n", *CLAIM_SUMMARY]
    rows = []
    for name, subset in claim_sets(outcomes).items():
        m = claim_metrics(subset)
        rows.append([name, str(len(subset)), *(f"{m[c]:.2f}" for c in CLAIM_SUMMARY)])
    return _table(cols, rows, markdown=markdown, title=title)


def format_checks(outcomes: Sequence[ClaimOutcome], *, markdown: bool = False, title: str = "") -> str:
    """The claims counted by language, gold verdict, verdict given and the check that decided (`check_counts`),
    with whether the verdict given is right."""
    cols = ["lang", "gold", "given", "check", "n", "right"]
    rows = [
        [lang, gold, given, check, str(n), "yes" if given == gold else "no"]
        for lang, gold, given, check, n in check_counts(outcomes)
    ]
    return _table(cols, rows, markdown=markdown, title=title)


def _table(cols: list[str], rows: list[list[str]], *, markdown: bool, title: str) -> str:
    if markdown:
        lines = [f"| {' | '.join(cols)} |", "|" + "---|" * len(cols)] + [f"| {' | '.join(r)} |" for r in rows]
    else:
        widths = [max(len(c), *(len(r[i]) for r in rows)) for i, c in enumerate(cols)]
        lines = ["  ".join(c.ljust(w) for c, w in zip(cols, widths, strict=True))]
        lines += ["  ".join(v.ljust(w) for v, w in zip(r, widths, strict=True)) for r in rows]
    return "\n".join([title, *lines] if title else lines)


def format_report(report: Report) -> str:
    cols = [*(f"hit@{k}" for k in KS), *(f"recall@{k}" for k in KS), "mrr"]
    lines = ["kind            n  " + "  ".join(f"{c:>9}" for c in cols)]
    for kind in [*report.kinds(), None]:
        m = report.metrics(kind)
        if m:
            lines.append(f"{kind or 'ALL':<14}{int(m['n']):>3}  " + "  ".join(f"{m[c]:>9.3f}" for c in cols))
    return "\n".join(lines)
