"""Cited answers. The default engine is extractive: every sentence shown is a verbatim quote of a
retrieved passage, with a citation built from the passage's provenance (never parsed from text).

Modes: ask (default), claim (evidence and a verdict only where the quotes justify one), applies
("does this apply to me?": scope, obligations, timing, enforcement, exemptions per jurisdiction),
compare (jurisdictions side by side), quote (a provision verbatim).
"""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field, replace
from typing import Any, Literal

import numpy as np

from govqa.index.lexical import tokenize
from govqa.records import Passage
from govqa.search.retriever import Filters, Retriever, check_question
from govqa.search.routing import normalize, question_language
from govqa.settings import Settings

Mode = Literal["ask", "claim", "applies", "compare", "quote"]
Verdict = Literal["supported", "refuted", "not_addressed"]
MODES: tuple[str, ...] = ("ask", "claim", "applies", "compare", "quote")

# Sentinels shared with tests and the app.
REFUSAL = "The documents in the corpus do not address this question."
NOT_LEGAL_ADVICE = "This summary quotes the texts; it is not legal advice."
TEXTS_SILENT = "The texts retrieved do not say."

_NAME = re.compile(r"\b(?:[A-Z][a-z]+(?:[-\s][A-Z][a-z]+)*|[A-Z][A-Z\-]{1,})\b")
_KATAKANA = re.compile(r"[\u30a0-\u30ff]{3,}")
_DEFINES = re.compile(r"\b(?:means|refers to|is defined as|shall mean)\b|とは", re.I)
_WANTS_QUOTE = re.compile(r"\bquote\b|引用|原文を", re.I)
_NUMBER = re.compile(r"\d[\d,.]*\d|\d")


def _sentence_initial(text: str, pos: int) -> bool:
    before = text[:pos].rstrip(" '\"‘“(")
    return not before or before[-1] in ".?!:。"


@dataclass(frozen=True)
class Citation:
    """One numbered citation: where the quote stands and which file it comes from."""

    n: int
    doc_id: str
    short_title: str
    locator: str
    page: int | None
    quote: str
    url: str
    version: str
    status: str
    legal_effect: str
    sha256: str
    quote_start: int  # offsets of the quote inside the document's parsed text
    quote_end: int

    @property
    def label(self) -> str:
        page = f", p. {self.page}" if self.page else ""
        return f"{self.short_title}, {self.locator}{page}"


@dataclass(frozen=True)
class Answer:
    question: str
    mode: str
    text: str
    citations: tuple[Citation, ...]
    refused: bool = False
    verdict: Verdict | None = None
    verdict_reason: str = ""
    engine: str = "extractive"
    notice: str = ""  # e.g. why an LLM answer was replaced by the extractive one
    passages: tuple[Passage, ...] = field(default=(), repr=False)
    settings_hash: str = ""
    timings: dict[str, float | None] = field(default_factory=dict)  # LLM engine: first_token_s, total_s

    def to_json(self) -> dict[str, object]:
        return {
            "question": self.question,
            "mode": self.mode,
            "answer": self.text,
            "refused": self.refused,
            "verdict": self.verdict,
            "verdict_reason": self.verdict_reason,
            "engine": self.engine,
            "notice": self.notice,
            "settings_hash": self.settings_hash,
            "timings": self.timings,
            "citations": [asdict(c) | {"label": c.label} for c in self.citations],
        }


def settings_hash(settings: Settings) -> str:
    return hashlib.sha256(settings.model_dump_json().encode()).hexdigest()[:12]


# ---------------------------------------------------------------- sentence selection (pure)


@dataclass(frozen=True)
class Quote:
    passage: Passage
    start: int  # offsets inside passage.chunk.text
    end: int
    score: float

    @property
    def text(self) -> str:
        return self.passage.chunk.text[self.start : self.end]


_BOUNDARY = re.compile(r"(?<=[.;!?。])\s+|(?<=。)")
_NOT_AN_END = re.compile(  # "No.", "Art.", "e.g.", "1.", "3.2.", "(a)." end no sentence
    r"(?:\b(?:No|Art|Arts|p|pp|e\.g|i\.e|etc|cf|Sec|para|Vol)|\b\d+(?:\.\d+)*|\([a-z0-9]{1,4}\))\.$"
)


def sentences(text: str, min_chars: int = 40) -> list[tuple[int, int]]:
    """Sentence spans of a passage. Line breaks do not end sentences (a heading joins the sentence
    after it); "1.", "No." or "(a)." do not either; fragments shorter than `min_chars` join the next."""
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _BOUNDARY.finditer(text):
        if _NOT_AN_END.search(text[start : m.start()]):
            continue
        spans.append((start, m.start()))
        start = m.end()
    spans.append((start, len(text)))
    merged: list[tuple[int, int]] = []
    for s, e in spans:
        if merged and merged[-1][1] - merged[-1][0] < min_chars:
            merged[-1] = (merged[-1][0], e)
        else:
            merged.append((s, e))
    out = []
    for s, e in merged:
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            out.append((s, e))
    return out


# Words of the question's frame ("Claim: … Does the corpus support that?", "Quote the provision…")
# that say what the user wants, not what the texts should contain.
FRAME_WORDS = frozenset(
    tokenize(
        "claim corpus support supports supported quote quotes text texts provision provisions document documents say "
        "says according does do tell me us we our what which who how when where why whether explain describe"
    )
)


def _weights(query: str, idf: dict[str, float]) -> dict[str, float]:
    return {t: idf.get(t, 1.0) for t in set(tokenize(query)) if t not in FRAME_WORDS}


SentenceScorer = Callable[[str, list[str]], list[float]]


def best_quotes(
    query: str,
    passages: Sequence[Passage],
    idf: dict[str, float],
    *,
    per_passage: int = 1,
    limit: int = 4,
    similarity: SentenceScorer | None = None,
    prefer: re.Pattern[str] | None = None,
    min_chars: int = 0,
) -> list[Quote]:
    """The sentences that best answer the query, better passages first.

    A sentence scores by the idf-weighted query terms it shares and, when `similarity` is given, by
    its embedding similarity to the query (which also works across languages). A chosen sentence
    shorter than `min_chars` widens to its better-scoring neighbour until it is long enough, so a point
    is quoted with the sentence that completes it.
    """
    weights = _weights(query, idf)
    total = sum(weights.values()) or 1.0
    spans = [(rank, p, s, e) for rank, p in enumerate(passages) for s, e in sentences(p.chunk.text)]
    sims = similarity(query, [p.chunk.text[s:e] for _, p, s, e in spans]) if similarity and spans else None
    by_passage: dict[int, list[tuple[float, int, int]]] = {}  # in text order
    for i, (rank, passage, s, e) in enumerate(spans):
        terms = set(tokenize(passage.chunk.text[s:e]))
        score = sum(w for t, w in weights.items() if t in terms) / total
        if sims is not None:
            score = 0.5 * score + 0.5 * max(sims[i], 0.0)
        if prefer is not None and prefer.search(passage.chunk.text[s:e]):
            score += 0.5
        by_passage.setdefault(rank, []).append((score / (1 + 0.15 * rank), s, e))
    quotes: list[Quote] = []
    for rank, scored in by_passage.items():
        best = sorted(range(len(scored)), key=lambda i: -scored[i][0])[:per_passage]
        taken: set[int] = set()
        for i in best:
            if scored[i][0] <= 0 or i in taken:
                continue
            lo = hi = i
            while scored[hi][2] - scored[lo][1] < min_chars:
                before = lo - 1 if lo > 0 and lo - 1 not in taken else None
                after = hi + 1 if hi + 1 < len(scored) and hi + 1 not in taken else None
                if before is None and after is None:
                    break
                if after is None or (before is not None and scored[before][0] > scored[after][0]):
                    lo = before  # type: ignore[assignment]
                else:
                    hi = after
            taken.update(range(lo, hi + 1))
            quotes.append(Quote(passages[rank], scored[lo][1], scored[hi][2], scored[i][0]))
    quotes.sort(key=lambda q: -q.score)
    return quotes[:limit]


def coverage(query: str, passages: Sequence[Passage], idf: dict[str, float]) -> float:
    """Share of the question's idf weight whose terms occur in the passages."""
    weights = _weights(query, idf)
    if not weights:
        return 0.0
    present: set[str] = set()
    for p in passages:
        present |= set(tokenize(p.chunk.text))
    return sum(w for t, w in weights.items() if t in present) / sum(weights.values())


# ---------------------------------------------------------------- the answerer


class Answerer:
    """Turns retrieved passages into cited answers; holds the retriever and corpus statistics."""

    def __init__(self, settings: Settings, retriever: Retriever | None = None) -> None:
        self.settings = settings
        self.retriever = retriever or Retriever(settings)
        self.idf = self.retriever.lexical.idf()
        embedder = self.retriever.embedders.get("multilingual") or self.retriever.embedders.get("dense")
        self.similarity: SentenceScorer | None = _cosine_scorer(embedder) if embedder is not None else None

    def _cite(self, quotes: Sequence[Quote]) -> tuple[list[Citation], dict[int, int]]:
        """Number quotes by passage (one number per passage), in order of first use."""
        numbers: dict[str, int] = {}
        cites: list[Citation] = []
        index: dict[int, int] = {}
        for i, q in enumerate(quotes):
            c, doc = q.passage.chunk, q.passage.document
            key = f"{c.id}:{q.start}"
            if key not in numbers:
                numbers[key] = len(numbers) + 1
                url = doc.official_url if doc else ""
                if doc and doc.is_pdf and c.page_start:  # deep link into the PDF itself where we know its URL
                    url = f"{doc.download_url or doc.official_url}#page={c.page_at(q.start)}"
                cites.append(
                    Citation(
                        n=numbers[key],
                        doc_id=c.doc_id,
                        short_title=doc.short_title if doc else c.doc_id,
                        locator=c.locator,
                        page=c.page_at(q.start),
                        quote=q.text,
                        url=url,
                        version=doc.version if doc else "",
                        status=doc.status if doc else "",
                        legal_effect=doc.legal_effect if doc else "",
                        sha256=doc.sha256 if doc else "",
                        quote_start=c.char_start + q.start,
                        quote_end=c.char_start + q.end,
                    )
                )
            index[i] = numbers[key]
        return cites, index

    def unknown_names(self, question: str) -> list[str]:
        """Names in the question that occur nowhere in the corpus (a law, country or body it does not hold).

        Capitalised words and acronyms (not sentence-initial) and katakana runs count as names unless
        they are a document alias, a jurisdiction word or a glossary term.
        """
        text = normalize(question)
        for s, e in sorted(self.retriever.router.known_spans(question), key=lambda se: se[0] - se[1]):
            text = text[:s] + " " * (e - s) + text[e:]
        original = unicodedata.normalize("NFKC", question)
        names = [m.group(0) for m in _NAME.finditer(original) if not _sentence_initial(original, m.start())]
        names += _KATAKANA.findall(original)
        unknown = []
        for name in names:
            norm = normalize(name)
            if norm not in text or self.retriever.glossary.known(name):
                continue
            tokens = sorted(tokenize(name), key=len)
            if tokens and tokens[-1] not in self.idf:  # its most specific part is nowhere in the corpus
                unknown.append(name)
        return unknown

    def confident(self, question: str, passages: Sequence[Passage]) -> bool:
        """Whether the passages plausibly answer the question (see `refusal_reason`)."""
        return not self.refusal_reason(question, passages)

    def refusal_reason(self, question: str, passages: Sequence[Passage]) -> str:
        """Why the passages do not answer, or "" when they plausibly do."""
        if not passages:
            return "nothing was retrieved"
        if any("lookup" in p.scores or "definition" in p.scores for p in passages[:3]):
            return ""
        if names := self.unknown_names(question):
            return f"the corpus never mentions {', '.join(names)}"
        if question_language(question) == "en":
            gloss = self.retriever.glossary.expansion(question)
            score = coverage(f"{question} {gloss}", passages[:5], self.idf)
            if score < self.settings.answer.min_coverage:
                return f"the closest passages share only {score:.0%} of the question's terms"
        return ""

    def answer(
        self,
        question: str,
        *,
        mode: str = "ask",
        filters: Filters | None = None,
        on_line: Callable[[str], None] | None = None,
    ) -> Answer:
        """The cited answer; `on_line` matters only to engines that stream (see govqa.answering.generation)."""
        question = check_question(question)
        if mode not in MODES:
            from govqa.errors import QuestionError

            raise QuestionError(f"Unknown mode {mode!r}; choose one of {', '.join(MODES)}.")
        handler = getattr(self, f"_{mode}")
        result: Answer = handler(question, filters or Filters())
        return result

    def _refusal(self, question: str, mode: str, passages: Sequence[Passage], verdict: Verdict | None = None) -> Answer:
        return Answer(
            question,
            mode,
            REFUSAL,
            (),
            refused=True,
            verdict=verdict,
            verdict_reason="No retrieved passage addresses the question." if verdict else "",
            passages=tuple(passages),
            settings_hash=settings_hash(self.settings),
        )

    def _compose(
        self,
        question: str,
        mode: str,
        quotes: Sequence[Quote],
        passages: Sequence[Passage],
        intro: str = "",
        outro: str = "",
        verdict: Verdict | None = None,
        reason: str = "",
    ) -> Answer:
        cites, index = self._cite(quotes)
        lines = [intro] if intro else []
        for i, q in enumerate(quotes):
            c = q.passage.chunk
            title = q.passage.document.short_title if q.passage.document else c.doc_id
            lines.append(f"- {title}, {c.locator}: “{' '.join(q.text.split())}” [{index[i]}]")
        if outro:
            lines.append(outro)
        return Answer(
            question,
            mode,
            "\n".join(lines),
            tuple(cites),
            verdict=verdict,
            verdict_reason=reason,
            passages=tuple(passages),
            settings_hash=settings_hash(self.settings),
        )

    # ------------------------------------------------------------ modes

    def _ask(self, question: str, filters: Filters) -> Answer:
        if _WANTS_QUOTE.search(question):
            return replace(self._quote(question, filters), mode="ask")
        passages = self.retriever.retrieve(question, filters)
        if not self.confident(question, passages):
            return self._refusal(question, "ask", passages)
        query = f"{question} {self.retriever.glossary.expansion(question)}"
        quotes = best_quotes(
            query,
            passages[: self.settings.answer.passages],
            self.idf,
            per_passage=self.settings.answer.quotes_per_passage,
            limit=self.settings.answer.max_quotes,
            similarity=self.similarity,
            min_chars=self.settings.answer.quote_chars,
            prefer=_DEFINES if any("definition" in p.scores for p in passages[:3]) else None,
        )
        quotes = _in_passage_order(quotes, passages)
        return self._compose(question, "ask", quotes, passages, intro="The texts say:")

    def _quote(self, question: str, filters: Filters) -> Answer:
        passages = self.retriever.retrieve(question, filters)
        if not passages or not self.confident(question, passages):
            return self._refusal(question, "quote", passages)
        top = passages[0]
        if "lookup" in top.scores:  # the provision the question names, all of its paragraphs
            same = [p for p in passages if "lookup" in p.scores and p.chunk.doc_id == top.chunk.doc_id]
        else:
            same = [p for p in passages if p.chunk.doc_id == top.chunk.doc_id and p.chunk.locator == top.chunk.locator]
        quotes = [Quote(p, 0, len(p.chunk.text), 1.0) for p in sorted(same, key=lambda p: p.chunk.ordinal)]
        return self._compose(question, "quote", quotes, passages)

    def _claim(self, question: str, filters: Filters) -> Answer:
        passages = self.retriever.retrieve(question, filters)
        if not self.confident(question, passages):
            return self._refusal(question, "claim", passages, verdict="not_addressed")
        query = f"{question} {self.retriever.glossary.expansion(question)}"
        quotes = best_quotes(
            query,
            passages[: self.settings.answer.passages],
            self.idf,
            per_passage=self.settings.answer.quotes_per_passage,
            limit=self.settings.answer.max_quotes - 1,
            similarity=self.similarity,
            min_chars=self.settings.answer.quote_chars,
        )
        # A claim's figures (dates, amounts) must stand somewhere in the documents the evidence comes from,
        # their text or their record's date (a law's signing year is often printed nowhere in its text).
        docs = {p.chunk.doc_id for p in passages[:5]}
        corpus_text = "".join(c.text for c in self.retriever.chunks if c.doc_id in docs)
        corpus_text += " ".join(d.date for i in sorted(docs) if (d := self.retriever.documents.get(i)))
        corpus_text = corpus_text.replace(",", "").replace(" ", "")
        missing = [n for n in _NUMBER.findall(question) if n.replace(",", "") not in corpus_text]
        if missing:
            answer = self._refusal(question, "claim", passages, verdict="not_addressed")
            return replace(answer, verdict_reason=f"The texts retrieved never state {', '.join(missing)}.")
        verdict, reason = judge_claim(question, quotes, self.idf)
        intro = {"supported": "The texts support the claim:", "refuted": "The texts contradict the claim:"}.get(
            verdict or "", "Evidence found; the quotes alone do not settle the claim:"
        )
        return self._compose(question, "claim", quotes, passages, intro=intro, verdict=verdict, reason=reason)

    _ASPECTS = (
        ("Scope and definitions", "scope applies to definition means"),
        ("Obligations", "shall obligation must ensure"),
        ("Entry into force and deadlines", "entry into force shall apply from date"),
        ("Enforcement and penalties", "penalties fines sanctions enforcement"),
        ("Exemptions", "does not apply exemption exception"),
    )

    def _jurisdiction_groups(self, question: str, filters: Filters) -> list[tuple[str, list[str]]]:
        route = self.retriever.router.route(question)
        allowed = self.retriever.allowed_docs(filters, route)
        docs = [d for d in route.doc_ids if d in allowed]
        if not docs:
            docs = list(dict.fromkeys(p.chunk.doc_id for p in self.retriever.retrieve(question, filters)[:3]))
        groups: dict[str, list[str]] = {}
        for doc_id in docs:
            groups.setdefault(self.retriever.documents[doc_id].jurisdiction, []).append(doc_id)
        return list(groups.items())

    def _applies(self, question: str, filters: Filters) -> Answer:
        lines: list[str] = []
        quotes: list[Quote] = []
        passages: list[Passage] = []
        for jurisdiction, docs in self._jurisdiction_groups(question, filters):
            lines.append(f"{jurisdiction}:")
            for aspect, words in self._ASPECTS:
                query = f"{question} {words}"
                found = self.retriever.retrieve(query, Filters(doc_ids=tuple(docs)), k=5)
                passages.extend(found)
                best = best_quotes(
                    f"{words} {question}",
                    found,
                    self.idf,
                    per_passage=1,
                    limit=1,
                    similarity=self.similarity,
                    min_chars=self.settings.answer.quote_chars,
                )
                if best and coverage(words, [best[0].passage], self.idf) > 0:
                    quotes.append(best[0])
                    lines.append(f"  {aspect}: §{len(quotes) - 1}")
                else:
                    lines.append(f"  {aspect}: {TEXTS_SILENT}")
        if not quotes:
            return self._refusal(question, "applies", passages)
        cites, index = self._cite(quotes)
        text = []
        for line in lines:
            m = re.search(r"§(\d+)$", line)
            if m:
                i = int(m.group(1))
                q = quotes[i]
                line = line[: m.start()] + f"{q.passage.chunk.locator}: “{' '.join(q.text.split())}” [{index[i]}]"
            text.append(line)
        text.append(NOT_LEGAL_ADVICE)
        return Answer(
            question,
            "applies",
            "\n".join(text),
            tuple(cites),
            passages=tuple(passages),
            settings_hash=settings_hash(self.settings),
        )

    def _compare(self, question: str, filters: Filters) -> Answer:
        groups = self._jurisdiction_groups(question, filters)
        quotes: list[Quote] = []
        passages: list[Passage] = []
        for _, docs in groups:
            found = self.retriever.retrieve(question, Filters(doc_ids=tuple(docs)), k=5)
            passages.extend(found)
            quotes.extend(
                best_quotes(
                    question,
                    found,
                    self.idf,
                    per_passage=1,
                    limit=2,
                    similarity=self.similarity,
                    min_chars=self.settings.answer.quote_chars,
                )
            )
        if not quotes or not self.confident(question, passages):
            return self._refusal(question, "compare", passages)
        return self._compose(question, "compare", quotes, passages, intro="Side by side:")


def _cosine_scorer(embedder: Any) -> SentenceScorer:
    def score(query: str, texts: list[str]) -> list[float]:
        q = np.asarray(embedder.embed_query(query))
        m = np.asarray(embedder.embed_documents(texts))
        norms = np.linalg.norm(m, axis=1) * (np.linalg.norm(q) or 1.0)
        return list((m @ q) / np.where(norms == 0, 1.0, norms))

    return score


def _in_passage_order(quotes: Sequence[Quote], passages: Sequence[Passage]) -> list[Quote]:
    """Group quotes by document in the order their passages were ranked, so the answer reads in order."""
    rank = {p.chunk.id: i for i, p in enumerate(passages)}
    first_doc: dict[str, int] = {}
    for q in sorted(quotes, key=lambda q: rank[q.passage.chunk.id]):
        first_doc.setdefault(q.passage.chunk.doc_id, rank[q.passage.chunk.id])
    return sorted(quotes, key=lambda q: (first_doc[q.passage.chunk.doc_id], rank[q.passage.chunk.id], q.start))


_NEGATION = re.compile(r"\b(no|not|never|none|without|only|neither|nor|cannot)\b|ない|ません|なし", re.I)


def judge_claim(claim: str, quotes: Sequence[Quote], idf: dict[str, float]) -> tuple[Verdict | None, str]:
    """A verdict only where a quote covers the claim's content: same polarity → supported; opposite
    polarity → refuted. Anything less leaves the verdict open (None) for the reader."""
    if not quotes:
        return "not_addressed", "No passage addresses the claim."
    best = quotes[0]
    cover = coverage(claim, [best.passage], idf)
    if cover < 0.3:
        return None, f"The closest passage covers {cover:.0%} of the claim's terms."
    claim_neg = bool(_NEGATION.search(claim))
    quote_neg = bool(_NEGATION.search(best.text))
    if claim_neg == quote_neg:
        return "supported", f"{best.passage.chunk.locator} states the claim's terms with the same polarity."
    return "refuted", f"{best.passage.chunk.locator} states the claim's terms with the opposite polarity."


def answer(
    question: str,
    settings: Settings,
    *,
    mode: str = "ask",
    filters: Filters | None = None,
    answerer: Answerer | None = None,
) -> Answer:
    """Answer a question with verbatim, cited quotes (extractive engine)."""
    return (answerer or Answerer(settings)).answer(question, mode=mode, filters=filters)


def answer_json(ans: Answer) -> str:
    return json.dumps(ans.to_json(), ensure_ascii=False, indent=2)
