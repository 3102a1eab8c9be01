"""A journalist's claim weighed against the texts (pure).

- `weigh_claim`: the claim's evidence sentences, ranked by how much of the claim each states (evidence.py), and
  the comparisons of comparisons.py in their order: figures and dates on the same event, timing, force, actor,
  scope, an exception naming the claim's subject, polarity on the claim's words, statement of the claim. The
  first that decides gives the verdict and its one reason, resting on its sentence (cited first). When none
  decides, the texts do not settle the claim: its closest evidence sentence is shown first.
- `record_date`: a claimed year of enactment against the named text's own approval line; for a text dated by
  its issue (guidelines, frameworks, codes), a claimed month of publication against its cover's date.
- `record_revocation`: a claimed date of a named text's revocation against the date of the held text revoking it.
- `record_revoker`: a claim that one named text revoked another against the held revoking text.
- `from_records`: the three above, a claimed publication or entry into force against the text's own pages
  (publication.py), and a claim of the named text's own force (status.py), asked first.
- `record_count`: a claimed number of the named text's items against how far the text numbers them (counts.py).
- `check_claim_figures`: a claim's figure that the evidence never states (a check of checks.py).
- `with_figure_provisions`: the provisions of a named text stating a figure the claim gives, added to its evidence.

Role absence (a named law with no provision of the asked kind) is judged before this, in absence.py.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from typing import Protocol

from govqa.answering.counts import counted
from govqa.answering.coverage import STATES_MOST, figure_topic, term_coverage
from govqa.answering.evidence import decide, rank_evidence
from govqa.answering.findings import CheckContext, Finding, Term
from govqa.answering.publication import only_dates, record_publication
from govqa.answering.quotes import Quote, SentenceScorer
from govqa.answering.stating import agrees, later_occurrence
from govqa.answering.status import record_force
from govqa.documents.relations import name_patterns, revocation
from govqa.records import Chunk, Document, Passage, Verdict
from govqa.search.analysis import QueryAnalysis
from govqa.search.claim_figures import EVENTS, DateMention, Figure, dates_in, figures_in
from govqa.search.claim_reading import ClaimReading
from govqa.settings import AnswerSettings
from govqa.text import kanji_to_digits, sentence_spans, tokenize, whole_sentence


def missing_figures(figures: Sequence[str], evidence_text: str) -> list[str]:
    """The claim's figures (dates, amounts) that stand nowhere in the evidence text as whole numbers, a thousands
    separator aside ("100,000" or "100 000" for "100000"): "120" is not stated by "1200", nor by "21, 2025"."""
    evidence = _THOUSANDS.sub("", evidence_text)
    return [n for n in figures if not _whole(n.replace(",", "")).search(evidence)]


_THOUSANDS = re.compile(r"(?<=\d)[, \u00a0\u202f](?=\d{3}(?!\d))")


def _whole(figure: str) -> re.Pattern[str]:
    return re.compile(rf"(?<![\d]){re.escape(figure)}(?![\d])")


def check_claim_figures(query: QueryAnalysis, passages: Sequence[Passage], ctx: CheckContext) -> Finding | None:
    """A claim's figures (dates, amounts) must stand somewhere in the documents the evidence comes from, their
    text or their record's date (a law's signing year is often printed nowhere in its text). A figure of a kind
    and unit the passages state (another percentage, another amount in euros), or a date of an event they date,
    is contradicted rather than unmentioned: the evidence checks compare it."""
    if ctx.mode != "claim" or not query.figures:
        return None
    docs = {p.chunk.doc_id for p in passages[:5]}
    evidence = kanji_to_digits("".join(c.text for c in ctx.chunks if c.doc_id in docs))  # 令和七年 states 令和7年
    evidence += " ".join(d.date for i in sorted(docs) if (d := ctx.documents.get(i)))
    missing = [
        n
        for n in query.figures
        if (
            n in missing_figures([n], evidence)
            or _unstated_as_claimed(n, query, [c for c in ctx.chunks if c.doc_id in docs])
        )
        and n not in _recorded(query, ctx.documents)
        and not compared(n, query, passages[:5])
        and not any(_whole(w).search(evidence.replace(" ", "")) for w in _in_words(n, query))
    ]
    if missing and counted(query.claim, ctx.documents, ctx.chunks):  # compared with the text's numbering
        counts = {f"{f.value:g}" for f in query.claim.figures if f.kind == "count"} if query.claim else set()
        missing = [n for n in missing if n not in counts]
    return Finding("missing_figures", "gate", {"figures": tuple(missing)}) if missing else None


def _unstated_as_claimed(figure: str, query: QueryAnalysis, chunks: Sequence[Chunk]) -> bool:
    """A claimed amount, percentage, count or period whose number the texts hold only as something else: a
    recital's or an article's number ("(140)" for "a staff of 140"), a year, a figure of another kind ("140
    days"). Texts state a figure as one: its value with its kind."""
    claimed = [f for f in (query.claim.figures if query.claim else ()) if figure in f.text.replace(",", "")]
    if not claimed or any(f.kind == "count" and f.value == 1 for f in claimed):
        return False  # a date's number or a bare one; or a count of one, which texts write "once", "a", "single"
    return not any(g.kind == f.kind and agrees(f, g) for c in chunks for g in _figures_of(c.text) for f in claimed)


@functools.lru_cache(maxsize=50_000)
def _figures_of(text: str) -> tuple[Figure, ...]:
    return tuple(figures_in(text))


def _in_words(figure: str, query: QueryAnalysis) -> list[str]:
    """How an English text writes a claimed amount given in 万 or 億 (「3000万ウォン」: "30 million"): the same
    figure, not a missing one."""
    amounts = [f.value for f in query.claim.figures if figure in f.text] if query.claim else []
    return [f"{v / unit:g}{word}" for v in amounts for unit, word in ((1e6, "million"), (1e9, "billion")) if v >= unit]


def _recorded(query: QueryAnalysis, documents: Mapping[str, Document]) -> set[str]:
    """The figures of a claimed date that `record_date` compares with the named text's own date line: its
    enactment (or issue) date, year, month and day ("2025年6月4日に公布": 2025, 6 and 4); and of a claimed
    revocation date that `record_revocation` compares with the held revoking text's date."""
    years = recorded_years(query.claim, documents)
    dates = [d for d in (query.claim.dates if query.claim else ()) if str(d.year) in years]
    return {str(n) for d in dates for n in (d.year, d.month, d.day) if n}


def compared(figure: str, query: QueryAnalysis, passages: Sequence[Passage]) -> bool:
    """Whether the passages state a figure of the kind and unit the claim gives `figure` in, or a date of the event
    it dates: then the figure is compared with theirs, not declared unmentioned."""
    if query.claim is None:
        return False
    text = " ".join(p.chunk.text for p in passages)
    stated = figures_in(text)
    events = {d.event for d in dates_in(text) if d.event}
    claimed = [f for f in query.claim.figures if figure in f.text.replace(" ", "")]
    dated = [d.event for d in query.claim.dates if figure in d.text and d.event]
    if any(f.compares_with(g) or f.apart_from(g) for f in claimed for g in stated) or any(e in events for e in dated):
        return True
    # a year of no named event ("looks forward to reviewing progress … in 2026") against a dated sentence stating
    # most of the year's clause ("Looks forward also to the overall review …, in 2025, of the progress …"), as the
    # date check compares such a year only in a sentence stating most of the claim
    undated = [d for d in query.claim.dates if figure in d.text and not d.event]
    return any(
        dates_in(sentence) and term_coverage(dict.fromkeys(figure_topic(query.claim, d), 1.0), sentence) >= STATES_MOST
        for d in undated
        for p in passages
        for sentence in (p.chunk.text[a:b] for a, b in sentence_spans(p.chunk.text))
    )


FIGURE_PROVISIONS = 3  # provisions stating the claimed figure added to the evidence, at most


class FigureTable:
    """The figures (kind, unit, value) each chunk states, read once per chunk when first needed: reading a law's
    every provision costs about half a second, too much to repeat for each claim."""

    def __init__(self) -> None:
        self._of: dict[str, frozenset[tuple[str, str, float]]] = {}

    def of(self, chunk: Chunk) -> frozenset[tuple[str, str, float]]:
        if (found := self._of.get(chunk.id)) is None:
            found = self._of[chunk.id] = frozenset((f.kind, f.unit, f.value) for f in figures_in(chunk.text))
        return found


class ByStructure(Protocol):
    """What finds provisions by structure (the retriever): its chunks, and passages for some of them."""

    chunks: list[Chunk]

    def passages_for(self, ids: Sequence[str], exclude: Sequence[Passage] = ()) -> list[Passage]: ...


def with_figure_provisions(
    reading: ClaimReading | None,
    passages: Sequence[Passage],
    library: ByStructure,
    table: FigureTable,
    allowed: Collection[str],
) -> list[Passage]:
    """The passages, then (at most FIGURE_PROVISIONS) provisions of the texts the claim names, among those
    searched (`allowed`), that state a period, amount or percentage the claim gives, with its unit and value ("a plan
    every three years": "every 3 years"): where a law states a figure is where a claim of it is checked,
    whatever else the claim's wording retrieved. Counts are left out (a count is of the claim's own nouns)."""
    wanted = {(f.kind, f.unit, f.value) for f in (reading.figures if reading else ()) if f.kind != "count"}
    docs = set(allowed) & set(reading.doc_ids) if reading and wanted else set()
    found = [c.id for c in library.chunks if c.doc_id in docs and wanted & table.of(c)]
    return [*passages, *library.passages_for(found, passages)[:FIGURE_PROVISIONS]] if found else list(passages)


@dataclass(frozen=True)
class Judgement:
    """A claim's verdict (None: the texts do not settle it), the check that decided and why, and the quote it
    rests on (cited first)."""

    verdict: Verdict | None
    reason: Term
    quote: Quote | None = None


# Texts dated by their enactment or signature; the others (guidelines, frameworks, codes, principles) by their
# issue, so a claimed date of publication is compared with their record.
DATED_BY_ENACTMENT = frozenset({"statute", "regulation", "administrative_measures", "executive_order"})


def _record_claims(reading: ClaimReading | None, doc: Document) -> list[DateMention]:
    """The claimed dates the named text's record answers: its enactment; for a text dated by its issue, also its
    publication (to the month: a claim of "January 2024" against an issue of 19 April 2024). A date cited with a
    law's number ("Executive Order 14148 of 20 January 2025") is that law's, not another named text's."""
    events = {"enactment"} if doc.doc_type in DATED_BY_ENACTMENT else {"enactment", "publication"}
    dates = reading.dates if reading else ()
    return [d for d in dates if d.event in events and d.year and (not d.law or re.search(rf"\b{d.law}\b", doc.title))]


def _record(doc: Document) -> DateMention | None:
    found = [d for d in dates_in(doc.date) if d.year]
    return found[0] if found else None


def _differs(claimed: DateMention, record: DateMention, reading: ClaimReading | None) -> bool:
    if reading and later_occurrence(reading, record, claimed):
        return False  # a later edition's date does not contradict the claimed first one
    return claimed.year != record.year if claimed.event == "enactment" else not claimed.agrees(record)


def _states_record(stated: DateMention, event: str, record: DateMention) -> bool:
    """A text's own date line for the event: its enactment in the record's year; its issue to the month, where
    a cover or title page names no event."""
    if event == "enactment":
        return stated.event == "enactment" and stated.year == record.year
    return stated.event in ("publication", "") and stated.month is not None and stated.agrees(record)


def enactment_years(reading: ClaimReading | None, documents: Mapping[str, Document]) -> set[str]:
    """The years a claim gives a named text's enactment (or, for a text dated by its issue, its publication)
    when the text's record has a date: compared with that text by `record_date`, not declared unmentioned."""
    docs = [documents[i] for i in (reading.doc_ids if reading else ()) if i in documents and _record(documents[i])]
    return {str(d.year) for doc in docs for d in _record_claims(reading, doc)}


def recorded_years(reading: ClaimReading | None, documents: Mapping[str, Document]) -> set[str]:
    """The claimed years the named texts' records answer: of enactment or publication (`enactment_years`), and of
    revocation when the library holds the revoking text (`record_revocation`)."""
    named = reading.doc_ids if reading else ()
    revoked = reading is not None and any(revocation(i, documents) for i in named)
    revocations = {str(d.year) for d in (reading.dates if reading else ()) if revoked and d.event == "revocation"}
    return enactment_years(reading, documents) | revocations


def record_date(
    reading: ClaimReading | None, documents: Mapping[str, Document], chunks: Sequence[Chunk]
) -> Judgement | None:
    """A claim dating a named text's enactment (or its publication, for a text dated by its issue) otherwise than
    its record does → refuted, resting on the text's own first sentence carrying the record's date for that
    event or for none (an act's "Approved: May 17, 2024", a cover's "April 19, 2024"). A date that agrees
    supports a claim saying nothing else (`publication.only_dates`); otherwise the evidence checks read the rest of the
    claim. Without such a sentence nothing is decided: a verdict rests on a quote, not on the manifest."""
    for doc in (documents[i] for i in (reading.doc_ids if reading else ()) if i in documents):
        record = _record(doc)
        claimed = [d for d in _record_claims(reading, doc) if record and _differs(d, record, reading)]
        agreed = [d for d in _record_claims(reading, doc) if record and d.agrees(record)]
        if record is None or not (claimed or (agreed and only_dates(reading))):
            continue
        for chunk in (c for c in chunks if c.doc_id == doc.id and str(record.year) in c.text):
            for start, end in sentence_spans(chunk.text, min_chars=0):
                said = (claimed or agreed)[0]
                dated = [d for d in dates_in(chunk.text[start:end]) if _states_record(d, said.event, record)]
                if dated:
                    fields = {"locator": chunk.locator, "claimed": said.text, "stated": dated[0].text}
                    quote = Quote(Passage(chunk, 1.0, document=doc), start, end, 1.0)
                    if claimed:
                        return Judgement("refuted", Term("evidence.date_differs", fields), quote)
                    return Judgement("supported", Term("evidence.date_agrees", fields), quote)
    return None


def record_revocation(
    reading: ClaimReading | None, documents: Mapping[str, Document], chunks: Sequence[Chunk]
) -> Judgement | None:
    """A claim dating a named text's revocation ("EO 14110 was revoked in January 2025") where the library holds
    the text revoking it (corpus/sources.toml `revokes`): that text's date agreeing with the claimed one, to the
    claim's precision → supported, otherwise refuted, resting on the revoking text's sentence stating its own
    record date ("Executive Order 14148 of January 20, 2025"). A claim naming a third text (another revoker) is
    left to the evidence checks, and without such a sentence nothing is decided."""
    claimed = [d for d in (reading.dates if reading else ()) if d.event == "revocation" and d.year]
    if reading is None or not claimed:
        return None
    for doc_id in reading.doc_ids:
        note = revocation(doc_id, documents)
        revoker = documents.get(note.related) if note else None
        record = _record(revoker) if revoker else None
        if (
            revoker is None
            or record is None
            or set(reading.doc_ids) - {doc_id, revoker.id} - _editions(doc_id, documents)
        ):
            continue
        for chunk in (c for c in chunks if c.doc_id == revoker.id and str(record.year) in c.text):
            for start, end in sentence_spans(chunk.text, min_chars=0):
                if any(
                    (d.year, d.month, d.day) == (record.year, record.month, record.day)
                    for d in dates_in(chunk.text[start:end])
                ):
                    agrees = claimed[0].agrees(record)
                    fields = {
                        "revoker": revoker.short_title,
                        "locator": chunk.locator,
                        "claimed": claimed[0].text,
                        "stated": revoker.date,
                    }
                    quote = Quote(Passage(chunk, 1.0, document=revoker), start, end, 1.0)
                    if agrees and not only_revocation(reading, (documents[doc_id], revoker)):
                        return None  # the revocation describes the text; the claim's point is elsewhere
                    key = "evidence.revoked_on" if agrees else "evidence.revoked_otherwise"
                    return Judgement("supported" if agrees else "refuted", Term(key, fields), quote)
    return None


def record_revoker(
    reading: ClaimReading | None, documents: Mapping[str, Document], chunks: Sequence[Chunk]
) -> Judgement | None:
    """A claim that one named text revoked another ("EO 14179 revoked Executive Order 14110") where the library
    holds the text revoking the second: the claimed revoker is that text → supported, another → refuted, resting
    on the revoking text's sentence naming the revoked one ("(ggg) Executive Order 14110 of October 30, 2023 …").
    A claim naming more (or fewer) than two texts is left to the evidence checks."""
    if reading is None or not EVENTS["revocation"].search(reading.text):
        return None
    texts = {_root(i, documents) for i in reading.doc_ids if i in documents}
    if len(texts) != 2:
        return None
    for doc_id in (i for i in reading.doc_ids if i in documents):
        note = revocation(doc_id, documents, chunks)
        if note is None or note.chunk is None:
            continue
        chunk, revoker = note.chunk, documents[note.related]
        named = (texts - {_root(doc_id, documents)}).pop()
        names = name_patterns(documents[doc_id])
        start, end = next(
            (
                (s, e)
                for s, e in sentence_spans(chunk.text, min_chars=0)
                if any(rx.search(chunk.text[s:e]) for rx in names)
            ),
            (0, len(chunk.text)),
        )
        fields = {"revoker": revoker.short_title, "locator": chunk.locator, "claimed": documents[named].short_title}
        quote = Quote(Passage(chunk, 1.0, document=revoker), start, end, 1.0)
        if named == _root(revoker.id, documents):
            if not only_revocation(reading, (documents[doc_id], documents[named], revoker)):
                return None  # "EO 14148, the order that revoked …, gives private parties a right …": not its point
            return Judgement("supported", Term("evidence.revoker_named", fields), quote)
        return Judgement("refuted", Term("evidence.revoker_other", fields), quote)
    return None


def only_revocation(reading: ClaimReading, texts: Sequence[Document]) -> bool:
    """The claim says nothing but that (and when) one text revoked another, in words the texts' records use for
    them ("Trump's order", "Biden's AI executive order"): the revocation is its point, not a description of a
    text it says something else of."""
    names = " ".join(f"{d.short_title} {' '.join(d.aliases)} {d.issuer}" for d in texts)
    return only_dates(reading, frozenset(tokenize(names)))


def _root(doc_id: str, documents: Mapping[str, Document]) -> str:
    """One id for a text and its language versions."""
    return documents[doc_id].translation_of or doc_id


def from_records(
    reading: ClaimReading | None, documents: Mapping[str, Document], chunks: Sequence[Chunk]
) -> Judgement | None:
    """What the named texts' records decide before any evidence sentence: a claimed force of the text itself
    (status.record_force), a claimed date of publication or entry into force against the text's pages
    (publication.record_publication), of enactment or publication (`record_date`), of revocation
    (`record_revocation`)."""
    if found := record_force(reading, documents, chunks):
        return Judgement(*found)
    if found := record_publication(reading, documents, chunks):
        return Judgement(*found)
    return (
        record_date(reading, documents, chunks)
        or record_revocation(reading, documents, chunks)
        or record_revoker(reading, documents, chunks)
    )


def _editions(doc_id: str, documents: Mapping[str, Document]) -> set[str]:
    """The other editions and language versions the library holds of a text (named with it by one alias)."""
    doc = documents[doc_id]
    root = doc.translation_of or doc.id
    return {d.id for d in documents.values() if (d.translation_of or d.id) == root}


def record_count(
    reading: ClaimReading | None, documents: Mapping[str, Document], chunks: Sequence[Chunk]
) -> Judgement | None:
    """A claim's count of the named text's items against how far the text numbers them (counts.py)."""
    found = counted(reading, documents, chunks)
    return Judgement(*found) if found else None


def weigh_claim(
    query: QueryAnalysis,
    passages: Sequence[Passage],
    idf: dict[str, float],
    cfg: AnswerSettings,
    similarity: SentenceScorer | None = None,
) -> Judgement:
    """The claim's verdict from its evidence sentences (see the module docstring); None when nothing settles
    it, with the closest sentence (a stem shown with its points) to show first."""
    if query.claim is None:
        return Judgement(None, Term("verdict.uncovered", {"share": 0.0}))
    # A claim about a text is decided by that text's words: another text's date or duty is no evidence of it
    # (with none of the named text retrieved, the others' closest sentence is shown, deciding nothing).
    named = query.claim.doc_ids
    own = [p for p in passages if p.chunk.doc_id in named] if named else list(passages)
    evidence = rank_evidence(query.claim, own or passages, idf, similarity=similarity)
    if own and (decided := decide(query.claim, evidence, idf, top=cfg.claim_evidence_top)):
        check, sentence = decided
        fields = {"locator": sentence.passage.chunk.locator, "claimed": check.claimed, "stated": check.stated}
        end = whole_sentence(sentence.passage.chunk.text, sentence.start, sentence.end)
        quote = Quote(sentence.passage, sentence.start, end, sentence.score)
        return Judgement(check.verdict, Term(f"evidence.{check.reason}", fields), quote)
    if not evidence:
        return Judgement("not_addressed", Term("claim.no_claim_passage"))
    closest = evidence[0]
    # sharing half the claim's words (STATES_MOST) and still deciding nothing, it states the claim otherwise
    kind = "not_as_claimed" if closest.coverage >= STATES_MOST else "too_few"
    reason = Term(f"verdict.{kind}", {"locator": closest.passage.chunk.locator, "share": closest.coverage})
    end = max(closest.end, closest.statement_end)  # a stem is shown with the points it introduces
    return Judgement(None, reason, Quote(closest.passage, closest.start, end, closest.score))
