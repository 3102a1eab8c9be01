"""Cited answers. The default engine is extractive: every sentence shown is a verbatim quote of a
retrieved passage, with a citation built from the passage's provenance (never parsed from text).

Modes: ask (default), claim (evidence and a verdict only where the quotes justify one), applies
("does this apply to me?": scope, obligations, timing, enforcement, exemptions per jurisdiction),
compare (jurisdictions side by side), quote (a provision verbatim).
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import Literal

from govqa.answering.absence import Absence, absent_role
from govqa.answering.answerability import DocumentTerms, find_gap
from govqa.answering.claims import CLAIMS_ABSENCE, judge, missing_figures
from govqa.answering.quotes import Quote, SentenceScorer, best_quotes, cosine_scorer, coverage, in_passage_order
from govqa.answering.refusal import refusal_reason, unheld_note, unknown_names
from govqa.answering.short import elide, refusal_note, short_answer, stating_shape
from govqa.records import Answer, Citation, Passage, Verdict
from govqa.search.analysis import QueryAnalysis
from govqa.search.query import check_question
from govqa.search.retriever import Filters, Retriever, build_retriever
from govqa.search.routing import question_language
from govqa.settings import Settings, settings_hash
from govqa.text import DEFINING_SENTENCE

Mode = Literal["ask", "claim", "applies", "compare", "quote"]
MODES: tuple[str, ...] = ("ask", "claim", "applies", "compare", "quote")

# Sentinels shared with tests and the app.
REFUSAL = "The documents in the corpus do not address this question."
NOT_LEGAL_ADVICE = "This summary quotes the texts; it is not legal advice."
TEXTS_SILENT = "The texts retrieved do not say."

# The label a refusal's statement ends with, before the passages it lists.
_LIST_LABEL = re.compile(r"\s*(?:The closest passages:|The delegating provision:|最も近い規定:|委任する規定:)\s*$")
_WANTS_QUOTE = re.compile(r"\bquote\b|引用|原文を", re.I)


class Answerer:
    """Turns retrieved passages into cited answers; holds the retriever and corpus statistics."""

    def __init__(self, settings: Settings, retriever: Retriever | None = None) -> None:
        self.settings = settings
        self.retriever = retriever or build_retriever(settings)
        self.idf = self.retriever.lexical.idf()
        # Sentences are scored with the multilingual model when there is one (Japanese question, English text).
        embedders = self.retriever.embedders
        embedder = embedders.get("e5") or embedders.get("multilingual") or embedders.get("dense")
        self.similarity: SentenceScorer | None = cosine_scorer(embedder) if embedder is not None else None
        self.terms_of = DocumentTerms(self.retriever.chunks)  # whole documents' words, for an unmentioned topic

    def _retrieve(self, question: str | QueryAnalysis, filters: Filters, k: int | None = None) -> list[Passage]:
        """Retrieved passages, one per provision: its copies in other editions of the text stay on it
        (`Passage.editions`) and are cited as "also in"."""
        return [p for p in self.retriever.retrieve(question, filters, k) if not p.edition_of]

    def _gloss(self, question: str) -> str:
        """The glossary's English for a question in another language ("" for an English question)."""
        return "" if question_language(question) == "en" else self.retriever.glossary.expansion(question)

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
                        also_in=tuple(e.label for e in q.passage.editions),
                        also_in_docs=tuple(e.chunk.doc_id for e in q.passage.editions),
                    )
                )
            index[i] = numbers[key]
        return cites, index

    def unknown_names(self, question: str) -> list[str]:
        """Names in the question that occur nowhere in the corpus (see `refusal.unknown_names`)."""
        return unknown_names(question, self.retriever.router, self.retriever.glossary, self.idf)

    def confident(self, question: str, passages: Sequence[Passage]) -> bool:
        """Whether the passages plausibly answer the question (see `refusal_reason`)."""
        return not self.refusal_reason(question, passages)

    def refusal_reason(self, question: str, passages: Sequence[Passage]) -> str:
        """Why the passages do not answer, or "" when they plausibly do (see `refusal.refusal_reason`)."""
        return refusal_reason(
            question,
            passages,
            router=self.retriever.router,
            glossary=self.retriever.glossary,
            idf=self.idf,
            min_coverage=self.settings.answer.min_coverage,
            references=self.retriever.references,
        )

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
        note = unheld_note(question, self.retriever.router, self.retriever.references)  # a text named, not held
        return replace(result, text=f"{result.text}\n{note}") if note and not result.refused else result

    def _refusal(self, question: str, mode: str, passages: Sequence[Passage], verdict: Verdict | None = None) -> Answer:
        return Answer(
            question,
            mode,
            REFUSAL,
            (),
            refused=True,
            verdict=verdict,
            verdict_reason="No retrieved passage addresses the question." if verdict else "",
            short_answer=refusal_note(self.refusal_reason(question, passages), question_language(question) == "ja"),
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
        finding: str = "",
    ) -> Answer:
        cites, index = self._cite(quotes)
        lines = [intro] if intro else []
        for i, q in enumerate(quotes):
            c = q.passage.chunk
            title = q.passage.document.short_title if q.passage.document else c.doc_id
            # The line shows the sentence or point that carries the answer; its citation holds the whole quoted
            # span with exact offsets, and the source viewer the whole provision.
            shown = elide(q.core, self.settings.answer.shown_chars) if self.settings.answer.shown_chars else q.text
            lines.append(f"- {title}, {c.locator}: “{' '.join(shown.split())}” [{index[i]}]")
        if outro:
            lines.append(outro)
        return Answer(
            question,
            mode,
            "\n".join(lines),
            tuple(cites),
            verdict=verdict,
            verdict_reason=reason,
            short_answer=short_answer(
                question, mode, quotes, index, verdict=verdict, finding=finding, gloss=self._gloss(question)
            ),
            passages=tuple(passages),
            settings_hash=settings_hash(self.settings),
        )

    # ------------------------------------------------------------ modes

    def _quotes(
        self,
        query: str,
        passages: Sequence[Passage],
        limit: int,
        *,
        per_passage: int | None = None,
        prefer: re.Pattern[str] | None = None,
    ) -> list[Quote]:
        """The sentences of `passages` that best answer `query` (see `quotes.best_quotes`)."""
        cfg = self.settings.answer
        return best_quotes(
            query,
            passages,
            self.idf,
            per_passage=per_passage or cfg.quotes_per_passage,
            limit=limit,
            similarity=self.similarity,
            min_chars=cfg.quote_chars,
            prefer=prefer,
        )

    def _expanded(self, question: str) -> str:
        return f"{question} {self.retriever.glossary.expansion(question)}"

    def _absent(self, question: str, mode: str, absence: Absence, passages: Sequence[Passage]) -> Answer:
        """ "No": the named laws have no provision of the kind asked about; their closest provisions follow. A
        claim that such a provision exists is refuted; one that says it is missing is supported."""
        japanese = question_language(question) == "ja"
        statement = absence.statement(japanese)
        ids = {d.id for d in absence.documents}
        top = [p for p in passages if p.chunk.doc_id in ids][: self.settings.answer.passages]
        quotes = in_passage_order(self._quotes(self._expanded(question), top, self.settings.answer.max_quotes), top)
        closest = "最も近い規定:" if japanese else "The closest provisions:"
        if mode != "claim":
            intro = f"{'いいえ。' if japanese else 'No: '}{statement} {closest}"
            return self._compose(question, mode, quotes, passages, intro=intro, finding=statement)
        verdict: Verdict = "supported" if CLAIMS_ABSENCE.search(question) else "refuted"
        verb = {"supported": "support", "refuted": "contradict"}[verdict]
        intro = f"The texts {verb} the claim: {statement} {closest}"
        return self._compose(
            question, mode, quotes, passages, intro=intro, verdict=verdict, reason=statement, finding=statement
        )

    def _gap(self, question: str, mode: str, passages: Sequence[Passage]) -> Answer | None:
        """A refusal saying why, with the closest or delegating text, when the asked point is not in the texts."""
        r = self.retriever
        gap = find_gap(
            question, passages, documents=r.documents, router=r.router, glossary=r.glossary, terms_of=self.terms_of
        )
        if not gap:
            return None
        quotes = self._quotes(self._expanded(question), gap.cite, len(gap.cite), per_passage=1, prefer=gap.prefer)
        verdict: Verdict | None = "not_addressed" if mode == "claim" else None
        answer = self._compose(question, mode, quotes, passages, gap.statement, verdict=verdict, reason=gap.statement)
        # The short answer is the finding itself (never a yes/no the quotes seem to give), citing what it rests on.
        finding = _LIST_LABEL.sub("", gap.statement).strip()
        if gap.kind == "delegated" and answer.citations:
            finding = f"{finding} [{answer.citations[0].n}]"
        return replace(answer, refused=True, short_answer=finding)

    def _ask(self, question: str, filters: Filters) -> Answer:
        if _WANTS_QUOTE.search(question):
            return replace(self._quote(question, filters), mode="ask")
        query = self.retriever.analyze(question)  # read once; retrieval and the absence check share it
        passages = self._retrieve(query, filters)
        if absence := absent_role(query, self.retriever, filters):
            return self._absent(question, "ask", absence, passages)
        if not self.confident(question, passages):
            return self._refusal(question, "ask", passages)
        if gap := self._gap(question, "ask", passages):
            return gap
        defines = any("definition" in p.scores for p in passages[:3])
        prefer = DEFINING_SENTENCE if defines else stating_shape(question)
        top = passages[: self.settings.answer.passages]
        quotes = self._quotes(self._expanded(question), top, self.settings.answer.max_quotes, prefer=prefer)
        quotes = in_passage_order(quotes, passages)
        return self._compose(question, "ask", quotes, passages, intro="The texts say:")

    def _quote(self, question: str, filters: Filters) -> Answer:
        passages = self._retrieve(question, filters)
        if not passages or not self.confident(question, passages):
            return self._refusal(question, "quote", passages)
        if gap := self._gap(question, "quote", passages):
            return gap
        top = passages[0]
        if "lookup" in top.scores:  # the provision the question names, all of its paragraphs
            same = [p for p in passages if "lookup" in p.scores and p.chunk.doc_id == top.chunk.doc_id]
        else:
            same = [p for p in passages if p.chunk.doc_id == top.chunk.doc_id and p.chunk.locator == top.chunk.locator]
        quotes = [Quote(p, 0, len(p.chunk.text), 1.0) for p in sorted(same, key=lambda p: p.chunk.ordinal)]
        return self._compose(question, "quote", quotes, passages)

    def _claim(self, question: str, filters: Filters) -> Answer:
        query = self.retriever.analyze(question)  # read once; retrieval and the absence check share it
        passages = self._retrieve(query, filters)
        if absence := absent_role(query, self.retriever, filters):
            return self._absent(question, "claim", absence, passages)
        if not self.confident(question, passages):
            return self._refusal(question, "claim", passages, verdict="not_addressed")
        if gap := self._gap(question, "claim", passages):
            return gap
        top = passages[: self.settings.answer.passages]
        quotes = self._quotes(self._expanded(question), top, self.settings.answer.max_quotes - 1)
        # A claim's figures (dates, amounts) must stand somewhere in the documents the evidence comes from,
        # their text or their record's date (a law's signing year is often printed nowhere in its text).
        docs = {p.chunk.doc_id for p in passages[:5]}
        corpus_text = "".join(c.text for c in self.retriever.chunks if c.doc_id in docs)
        corpus_text += " ".join(d.date for i in sorted(docs) if (d := self.retriever.documents.get(i)))
        missing = missing_figures(question, corpus_text)
        if missing:
            answer = self._refusal(question, "claim", passages, verdict="not_addressed")
            never = f"the texts retrieved never state {', '.join(missing)}"
            return replace(answer, verdict_reason=f"{never[0].upper()}{never[1:]}.", short_answer=refusal_note(never))
        verdict, reason, deciding = judge(question, quotes, self.idf)
        if deciding is not None:  # the short answer and the first citation are the quote the verdict rests on
            quotes = [deciding, *(q for q in quotes if q is not deciding)]
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
            docs = list(dict.fromkeys(p.chunk.doc_id for p in self._retrieve(question, filters)[:3]))
        groups: dict[str, list[str]] = {}
        for doc_id in docs:
            groups.setdefault(self.retriever.documents[doc_id].jurisdiction, []).append(doc_id)
        return list(groups.items())

    def _applies(self, question: str, filters: Filters) -> Answer:
        # The same gate as every other mode: a law or body the corpus never mentions is refused, not answered
        # with another jurisdiction's scope clauses.
        found = self._retrieve(question, filters)
        if not self.confident(question, found):
            return self._refusal(question, "applies", found)
        if gap := self._gap(question, "applies", found):
            return gap
        lines: list[str] = []
        quotes: list[Quote] = []
        passages: list[Passage] = []
        for jurisdiction, docs in self._jurisdiction_groups(question, filters):
            lines.append(f"{jurisdiction}:")
            for aspect, words in self._ASPECTS:
                query = f"{question} {words}"
                found = self._retrieve(query, Filters(doc_ids=tuple(docs)), k=5)
                passages.extend(found)
                best = self._quotes(f"{words} {question}", found, 1, per_passage=1)
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
            short_answer=short_answer(question, "applies", quotes, index, gloss=self._gloss(question)),
            passages=tuple(passages),
            settings_hash=settings_hash(self.settings),
        )

    def _compare(self, question: str, filters: Filters) -> Answer:
        groups = self._jurisdiction_groups(question, filters)
        quotes: list[Quote] = []
        passages: list[Passage] = []
        for _, docs in groups:
            found = self._retrieve(question, Filters(doc_ids=tuple(docs)), k=5)
            passages.extend(found)
            quotes.extend(self._quotes(question, found, 2, per_passage=1))
        if not quotes or not self.confident(question, passages):
            return self._refusal(question, "compare", passages)
        if gap := self._gap(question, "compare", passages):
            return gap
        return self._compose(question, "compare", quotes, passages, intro="Side by side:")


def answer_json(ans: Answer) -> str:
    return json.dumps(ans.to_json(), ensure_ascii=False, indent=2)
