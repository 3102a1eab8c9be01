"""Cited answers. The default engine is extractive: every sentence shown is a verbatim quote of a
retrieved passage, with a citation built from the passage's provenance (never parsed from text).

Every mode runs the same steps:

    question ─► QueryAnalysis (read once) ─► retrieve ─► checks (checks.py, one order) ─► finding? ─► render it
                                                                                      └─ none ─► quote, per mode

Modes: ask (default), claim (evidence and a verdict only where the quotes justify one), applies
("does this apply to me?": scope, obligations, timing, enforcement, exemptions per jurisdiction),
compare (jurisdictions side by side), quote (a provision verbatim). Every sentence written around the quotes
comes from the message catalogue (prompts/messages.*.toml), in the question's language.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import replace
from functools import partial
from typing import Literal

from govqa.answering.answerability import DocumentTerms
from govqa.answering.checks import first_finding
from govqa.answering.citations import cite_quotes
from govqa.answering.claims import Judgement, from_records, names_a_party, overrules, record_count, weigh_claim
from govqa.answering.findings import CheckContext, Finding, render_value
from govqa.answering.quotes import Quote, SentenceScorer, best_quotes, cosine_scorer, coverage, in_passage_order
from govqa.answering.refusal import unheld_note
from govqa.answering.short import elide, refusal_note, short_answer, stating_shape
from govqa.answering.stated_figures import FigureTable, with_figure_provisions
from govqa.documents.relations import with_relations
from govqa.errors import QuestionError
from govqa.index.embed_cache import settings_cache
from govqa.messages import Messages, load_messages
from govqa.records import Answer, Chunk, Citation, Passage, Verdict
from govqa.search.analysis import QueryAnalysis
from govqa.search.retriever import Filters, Retriever, build_retriever
from govqa.settings import Settings, settings_hash
from govqa.text import DEFINING_SENTENCE

Mode = Literal["ask", "claim", "applies", "compare", "quote"]
MODES: tuple[str, ...] = ("ask", "claim", "applies", "compare", "quote")

# Sentinels shared with tests, the app and the LLM prompts (the English catalogue's words).
_EN = load_messages("en")
REFUSAL = _EN("answer.refusal")
NOT_LEGAL_ADVICE = _EN("answer.not_legal_advice")
TEXTS_SILENT = _EN("answer.texts_silent")

# "Does this apply to me?": the aspects answered per jurisdiction, and the words that search for each.
_ASPECTS = (
    ("scope", "scope applies to definition means"),
    ("obligations", "shall obligation must ensure"),
    ("dates", "entry into force shall apply from date"),
    ("enforcement", "penalties fines sanctions enforcement"),
    ("exemptions", "does not apply exemption exception"),
)


class Answerer:
    """Turns retrieved passages into cited answers; holds the retriever and corpus statistics."""

    def __init__(self, settings: Settings, retriever: Retriever | None = None) -> None:
        self.settings = settings
        self.retriever = retriever or build_retriever(settings)
        self.idf = self.retriever.idf
        # Sentences are scored with the multilingual model when there is one (Japanese question, English text).
        embedders = self.retriever.embedders
        embedder = embedders.get("e5") or embedders.get("multilingual") or embedders.get("dense")
        # Their vectors persist in the embedding cache: a sentence embedded once is looked up by later answers.
        cache = settings_cache(settings)
        self.similarity: SentenceScorer | None = cosine_scorer(embedder, cache) if embedder is not None else None
        self.terms_of = DocumentTerms(self.retriever.chunks)  # whole documents' words, for an unmentioned topic
        self.figures = FigureTable()

    # ------------------------------------------------------------ the steps every mode shares

    def analyze(self, question: str | QueryAnalysis) -> QueryAnalysis:
        """The question read once (QuestionError when empty or huge)."""
        return question if isinstance(question, QueryAnalysis) else self.retriever.analyze(question)

    def _retrieve(self, query: str | QueryAnalysis, filters: Filters, k: int | None = None) -> list[Passage]:
        """Retrieved passages, one per provision: its copies in other editions of the text stay on it
        (`Passage.editions`) and are cited as "also in"."""
        return [p for p in self.retriever.retrieve(query, filters, k) if not p.edition_of]

    def context(self, mode: str, filters: Filters | None = None) -> CheckContext:
        """What the checks consult about the library, for one answer."""
        r = self.retriever
        return CheckContext(
            mode=mode,
            documents=r.documents,
            chunks=r.chunks,
            idf=self.idf,
            min_coverage=self.settings.answer.min_coverage,
            terms_of=self.terms_of,
            allowed=lambda route: r.allowed_docs(filters or Filters(), route),  # type: ignore[arg-type]
        )

    def check(
        self,
        question: str | QueryAnalysis,
        passages: Sequence[Passage],
        mode: str = "ask",
        filters: Filters | None = None,
    ) -> Finding | None:
        """The first finding of the ordered checks (checks.py), or None when the passages answer the question."""
        return first_finding(self.analyze(question), passages, self.context(mode, filters))

    def messages(self, query: QueryAnalysis) -> Messages:
        """The catalogue of the answer's language (the question's)."""
        return load_messages(query.language)

    def answer(
        self,
        question: str,
        *,
        mode: str = "ask",
        filters: Filters | None = None,
        on_line: Callable[[str], None] | None = None,
    ) -> Answer:
        """The cited answer; `on_line` matters only to engines that stream (see govqa.answering.generation)."""
        if mode not in MODES:
            raise QuestionError(f"Unknown mode {mode!r}; choose one of {', '.join(MODES)}.")
        query = self.analyze(question)
        # "Quote the provision on …" asked in ask mode is answered as quote mode answers it.
        mode_handler = self._quote if mode == "ask" and query.shape.wants_quote else getattr(self, f"_{mode}")
        result: Answer = replace(mode_handler(query, filters or Filters()), mode=mode)
        locate = partial(_first_in, self.retriever, question)  # relations hook, see documents/relations.py
        fate_of = query.route.named if query.shape.fate else ()  # "Who revoked EO 14110?"
        result = with_relations(
            result, self.retriever.documents, self.retriever.chunks, locate, fate_of, self.messages(query)
        )
        note = unheld_note(query, self.messages(query))  # a text named, not held
        return replace(result, text=f"{result.text}\n{note}") if note and not result.refused else result

    # ------------------------------------------------------------ rendering

    def _cite(self, quotes: Sequence[Quote]) -> tuple[list[Citation], dict[int, int]]:
        return cite_quotes(quotes)

    def _short(
        self, query: QueryAnalysis, mode: str, quotes: Sequence[Quote], index: dict[int, int], **kw: object
    ) -> str | None:
        cfg = self.settings.answer
        return short_answer(
            query,
            mode,
            quotes,
            index,
            self.messages(query),
            relevant_share=cfg.relevant_share,
            topical_share=cfg.topical_share,
            **kw,  # type: ignore[arg-type]
        )

    def _compose(
        self,
        query: QueryAnalysis,
        mode: str,
        quotes: Sequence[Quote],
        passages: Sequence[Passage],
        intro: str = "",
        outro: str = "",
        verdict: Verdict | None = None,
        reason: str = "",
        finding: str = "",
    ) -> Answer:
        msgs = self.messages(query)
        cites, index = self._cite(quotes)
        lines = [intro] if intro else []
        for i, q in enumerate(quotes):
            c = q.passage.chunk
            title = q.passage.document.short_title if q.passage.document else c.doc_id
            # The line shows the sentence or point that carries the answer; its citation holds the whole quoted
            # span with exact offsets, and the source viewer the whole provision.
            shown = elide(q.core, self.settings.answer.shown_chars) if self.settings.answer.shown_chars else q.text
            lines.append(msgs("answer.line", title=title, locator=c.locator, quote=" ".join(shown.split()), n=index[i]))
        if outro:
            lines.append(outro)
        return Answer(
            query.question,
            mode,
            "\n".join(lines),
            tuple(cites),
            verdict=verdict,
            verdict_reason=reason,
            short_answer=self._short(query, mode, quotes, index, verdict=verdict, finding=finding),
            passages=tuple(passages),
            settings_hash=settings_hash(self.settings),
        )

    def _refusal(
        self, query: QueryAnalysis, mode: str, passages: Sequence[Passage], finding: Finding | None = None
    ) -> Answer:
        """Declined: the refusal sentence, and why (the gate's finding) as the short answer."""
        msgs = self.messages(query)
        reason = finding.statement(msgs) if finding else ""
        verdict: Verdict | None = "not_addressed" if mode == "claim" else None
        verdict_reason = ""
        if verdict:
            key = (
                "reason.missing_figures_verdict"
                if finding and finding.kind == "missing_figures"
                else "claim.no_passage"
            )
            verdict_reason = msgs(
                key, **{k: render_value(v, msgs) for k, v in (finding.fields if finding else {}).items()}
            )
        return Answer(
            query.question,
            mode,
            msgs("answer.refusal"),
            (),
            refused=True,
            verdict=verdict,
            verdict_reason=verdict_reason,
            short_answer=refusal_note(reason, msgs),
            passages=tuple(passages),
            settings_hash=settings_hash(self.settings),
        )

    def _render(self, query: QueryAnalysis, mode: str, finding: Finding, passages: Sequence[Passage]) -> Answer:
        """The answer a finding makes: a refusal (gate), a refusal that cites (gap), or an answer (absence)."""
        if finding.form == "gate":
            return self._refusal(query, mode, passages, finding)
        msgs = self.messages(query)
        cfg = self.settings.answer
        statement = finding.statement(msgs)
        if finding.form == "absence":
            top = list(finding.cite[: cfg.passages])
            quotes = in_passage_order(self._quotes(query.expanded, top, cfg.max_quotes), top)
            if finding.claim_support is None:
                intro = msgs("answer.no", statement=finding.intro(msgs))
                return self._compose(query, mode, quotes, passages, intro=intro, finding=statement)
            verdict: Verdict = "supported" if finding.claim_support else "refuted"
            intro = f"{msgs(f'claim.{verdict}')} {finding.intro(msgs)}"
            return self._compose(
                query, mode, quotes, passages, intro=intro, verdict=verdict, reason=statement, finding=statement
            )
        cite = list(finding.cite)
        quotes = self._quotes(query.expanded, cite, len(cite), per_passage=1, prefer=finding.prefer)
        gap_verdict: Verdict | None = "not_addressed" if mode == "claim" else None
        answer = self._compose(
            query, mode, quotes, passages, finding.intro(msgs), verdict=gap_verdict, reason=statement
        )
        # The short answer is the finding itself (never a yes/no the quotes seem to give), citing what it rests on.
        short = (
            msgs("short.cited", finding=statement, n=answer.citations[0].n)
            if finding.cites_first and answer.citations
            else statement
        )
        return replace(answer, refused=True, short_answer=short)

    # ------------------------------------------------------------ modes

    def _quotes(
        self,
        query: str,
        passages: Sequence[Passage],
        limit: int,
        *,
        per_passage: int | None = None,
        prefer: object = None,
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
            prefer=prefer,  # type: ignore[arg-type]
        )

    def _ask(self, query: QueryAnalysis, filters: Filters) -> Answer:
        passages = self._retrieve(query, filters)
        if finding := first_finding(query, passages, self.context("ask", filters)):
            return self._render(query, "ask", finding, passages)
        defines = any(p.defines for p in passages[:3])
        prefer = DEFINING_SENTENCE if defines else stating_shape(query)
        top = passages[: self.settings.answer.passages]
        quotes = self._quotes(query.expanded, top, self.settings.answer.max_quotes, prefer=prefer)
        quotes = in_passage_order(quotes, passages)
        return self._compose(query, "ask", quotes, passages, intro=self.messages(query)("answer.texts_say"))

    def _quote(self, query: QueryAnalysis, filters: Filters) -> Answer:
        passages = self._retrieve(query, filters)
        if finding := first_finding(query, passages, self.context("quote", filters)):
            return self._render(query, "quote", finding, passages)
        top = passages[0]
        if top.lookup:  # the provision the question names, all of its paragraphs
            same = [p for p in passages if p.lookup and p.chunk.doc_id == top.chunk.doc_id]
        else:
            same = [p for p in passages if p.chunk.doc_id == top.chunk.doc_id and p.chunk.locator == top.chunk.locator]
        quotes = [Quote(p, 0, len(p.chunk.text), 1.0) for p in sorted(same, key=lambda p: p.chunk.ordinal)]
        return self._compose(query, "quote", quotes, passages)

    def _claim(self, query: QueryAnalysis, filters: Filters) -> Answer:
        passages = self._retrieve(query, filters)
        finding = first_finding(query, passages, self.context("claim", filters))
        judgement = self._judge(query, passages, filters) if not finding or names_a_party(finding) else None
        if finding and not overrules(finding, judgement):  # (what decided, as a key)
            return replace(self._render(query, "claim", finding, passages), verdict_check=f"finding.{finding.kind}")
        assert judgement is not None  # (none found, or one overruled)
        cfg = self.settings.answer
        quotes = self._quotes(query.expanded, passages[: cfg.passages], cfg.max_quotes - 1)
        if judgement.quote is not None:  # the short answer and the first citation are the quote the verdict rests on
            quotes = [judgement.quote, *(q for q in quotes if q is not judgement.quote)]
        msgs = self.messages(query)
        intro = msgs(f"claim.{judgement.verdict}" if judgement.verdict in ("supported", "refuted") else "claim.open")
        reason = str(render_value(judgement.reason, msgs))
        answer = self._compose(query, "claim", quotes, passages, intro=intro, verdict=judgement.verdict, reason=reason)
        return replace(answer, verdict_check=judgement.reason.key)

    def _judge(self, query: QueryAnalysis, passages: Sequence[Passage], filters: Filters) -> Judgement:
        """The claim's verdict by the texts' records, its evidence sentences, else a text's numbering (claims.py)."""
        cfg, r, claim = self.settings.answer, self.retriever, query.claim
        allowed = r.allowed_docs(filters, query.route)
        top = with_figure_provisions(claim, passages[: cfg.passages], r, self.figures, allowed)
        found = from_records(claim, r.documents, r.chunks) or weigh_claim(query, top, self.idf, cfg, self.similarity)
        return (record_count(claim, r.documents, r.chunks) if found.verdict is None else None) or found

    def _jurisdiction_groups(self, query: QueryAnalysis, filters: Filters) -> list[tuple[str, list[str]]]:
        allowed = self.retriever.allowed_docs(filters, query.route)
        docs = [d for d in query.route.doc_ids if d in allowed]
        if not docs:
            docs = list(dict.fromkeys(p.chunk.doc_id for p in self._retrieve(query, filters)[:3]))
        groups: dict[str, list[str]] = {}
        for doc_id in docs:
            groups.setdefault(self.retriever.documents[doc_id].jurisdiction, []).append(doc_id)
        return list(groups.items())

    def _applies(self, query: QueryAnalysis, filters: Filters) -> Answer:
        # The same checks as every other mode: a law or body the corpus never mentions is refused, not answered
        # with another jurisdiction's scope clauses.
        found = self._retrieve(query, filters)
        if finding := first_finding(query, found, self.context("applies", filters)):
            return self._render(query, "applies", finding, found)
        msgs = self.messages(query)
        rows: list[str | tuple[str, int]] = []  # a line, or (aspect, quote index) to write once quotes are numbered
        quotes: list[Quote] = []
        passages: list[Passage] = []
        silent = msgs("answer.texts_silent")
        for jurisdiction, docs in self._jurisdiction_groups(query, filters):
            rows.append(msgs("answer.jurisdiction", jurisdiction=jurisdiction))
            for aspect, words in _ASPECTS:
                hits = self._retrieve(f"{query.question} {words}", Filters(doc_ids=tuple(docs)), k=5)
                passages.extend(hits)
                best = self._quotes(f"{words} {query.question}", hits, 1, per_passage=1)
                name = msgs(f"aspect.{aspect}")
                if best and coverage(words, [best[0].passage], self.idf) > 0:
                    quotes.append(best[0])
                    rows.append((name, len(quotes) - 1))
                else:
                    rows.append(msgs("answer.aspect_silent", aspect=name, silent=silent))
        if not quotes:
            return self._refusal(query, "applies", passages, Finding("no_passages", "gate"))
        cites, index = self._cite(quotes)
        text = [row if isinstance(row, str) else self._aspect_line(msgs, *row, quotes, index) for row in rows]
        text.append(msgs("answer.not_legal_advice"))
        return Answer(
            query.question,
            "applies",
            "\n".join(text),
            tuple(cites),
            short_answer=self._short(query, "applies", quotes, index),
            passages=tuple(passages),
            settings_hash=settings_hash(self.settings),
        )

    @staticmethod
    def _aspect_line(msgs: Messages, aspect: str, i: int, quotes: Sequence[Quote], index: dict[int, int]) -> str:
        q = quotes[i]
        quote = " ".join(q.text.split())
        return msgs("answer.aspect", aspect=aspect, locator=q.passage.chunk.locator, quote=quote, n=index[i])

    def _compare(self, query: QueryAnalysis, filters: Filters) -> Answer:
        quotes: list[Quote] = []
        passages: list[Passage] = []
        for _, docs in self._jurisdiction_groups(query, filters):
            found = self._retrieve(query, Filters(doc_ids=tuple(docs)), k=5)
            passages.extend(found)
            quotes.extend(self._quotes(query.question, found, 2, per_passage=1))
        if finding := first_finding(query, passages if quotes else [], self.context("compare", filters)):
            return self._render(query, "compare", finding, passages)
        return self._compose(query, "compare", quotes, passages, intro=self.messages(query)("answer.side_by_side"))


def answer_json(ans: Answer) -> str:
    return json.dumps(ans.to_json(), ensure_ascii=False, indent=2)


def _first_in(retriever: Retriever, question: str, doc_id: str) -> Chunk | None:
    """The chunk of one document that retrieval ranks first for the question (a guideline's paragraph)."""
    return next((p.chunk for p in retriever.retrieve(question, Filters(doc_ids=(doc_id,)), 1)), None)
