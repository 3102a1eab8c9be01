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

A claim's figures the texts never state, and the provisions that state them, are in stated_figures.py.

Role absence (a named law with no provision of the asked kind) is judged before this, in absence.py.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from govqa.answering.counts import counted
from govqa.answering.coverage import STATES_MOST, claim_weights, term_coverage
from govqa.answering.evidence import decide, rank_evidence
from govqa.answering.findings import Finding, Term
from govqa.answering.publication import after, only_dates, record_publication
from govqa.answering.quotes import Quote, SentenceScorer
from govqa.answering.stating import later_occurrence
from govqa.answering.status import record_force
from govqa.documents.relations import name_patterns, revocation
from govqa.records import Chunk, Document, Passage, Verdict
from govqa.search.analysis import QueryAnalysis
from govqa.search.claim_figures import EVENTS, DateMention, dates_in
from govqa.search.claim_reading import ClaimReading
from govqa.settings import AnswerSettings
from govqa.text import sentence_spans, tokenize, whole_sentence


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
    events = {"enactment"} if doc.doc_type in DATED_BY_ENACTMENT else {"enactment", "publication", "draft"}
    dates = reading.dates if reading else ()
    return [d for d in dates if d.event in events and d.year and (not d.law or re.search(rf"\b{d.law}\b", doc.title))]


def _record(doc: Document) -> DateMention | None:
    found = [d for d in dates_in(doc.date) if d.year]
    return found[0] if found else None


def _differs(claimed: DateMention, record: DateMention, reading: ClaimReading | None) -> bool:
    if claimed.event == "draft":  # a draft comes before its text: a draft dated after the text's issue cannot be
        return after(claimed, record)
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
    records = {i: r for i in (reading.doc_ids if reading else ()) if i in documents and (r := _record(documents[i]))}
    return {
        str(d.year)
        for i, record in records.items()
        for d in _record_claims(reading, documents[i])
        if d.event != "draft" or after(d, record)  # (a draft before the text's issue: the record is silent)
    }


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
        agreed = [d for d in _record_claims(reading, doc) if record and d.event != "draft" and d.agrees(record)]
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


# A name no passage mentions leaves a claim unaddressed (answerability.py), unless it is the party the claim gives
# its action to and a sentence gives that action to another party: then the text addresses the action, and refutes
# the claim ("the Secretary of the Army owed the President a report": the order puts it on the Secretary of Defense).
_PARTY_GAPS = frozenset({"unmentioned", "unknown_names"})


def names_a_party(finding: Finding) -> bool:
    """The finding is of names no passage, or no text, mentions."""
    return finding.kind in _PARTY_GAPS and bool(finding.fields.get("names"))


def overrules(finding: Finding, judgement: Judgement | None) -> bool:
    """The judgement refutes the claim for giving its action to another party, and every name the finding found
    unmentioned is of the party the claim gives it to (a year or another name stays a gap)."""
    if judgement is None or judgement.reason.key != "evidence.actor_differs":
        return False
    claimed = set(tokenize(str(judgement.reason.fields.get("claimed", ""))))
    names = finding.fields.get("names", ())
    return all(set(tokenize(str(n))) & claimed for n in names)  # type: ignore[attr-defined]


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
        quote = with_neighbours(Quote(sentence.passage, sentence.start, end, sentence.score), query.claim, idf)
        return Judgement(check.verdict, Term(f"evidence.{check.reason}", fields), quote)
    if not evidence:
        return Judgement("not_addressed", Term("claim.no_claim_passage"))
    closest = evidence[0]
    # sharing half the claim's words (STATES_MOST) and still deciding nothing, it states the claim otherwise
    kind = "not_as_claimed" if closest.coverage >= STATES_MOST else "too_few"
    reason = Term(f"verdict.{kind}", {"locator": closest.passage.chunk.locator, "share": closest.coverage})
    end = max(closest.end, closest.statement_end)  # a stem is shown with the points it introduces
    return Judgement(
        None, reason, with_neighbours(Quote(closest.passage, closest.start, end, closest.score), query.claim, idf)
    )


# A quote holds what its provision states of the claim: the sentence after (else before) the one the verdict rests on
# is quoted with it when it states more of the claim ("This channel could be used for feedback." "It could be managed
# by the organisation's DPO."). The verdict and the short answer still rest on that sentence (`Quote.core`).
NEIGHBOUR_GAIN = 0.1  # share of the claim's weight the neighbour must add


def with_neighbours(quote: Quote, reading: ClaimReading, idf: dict[str, float]) -> Quote:
    """The quote widened by each adjacent sentence of its passage that states more of the claim."""
    text, terms = quote.passage.chunk.text, claim_weights(reading, idf)
    spans = sentence_spans(text)
    start, end = quote.start, quote.end
    covered = term_coverage(terms, text[start:end])
    after = [s for s in spans if s[0] >= end][:1]
    before = [s for s in spans if s[1] <= start][-1:]
    for s, e in after + before:
        wider = term_coverage(terms, text[min(start, s) : max(end, e)])
        if wider >= covered + NEIGHBOUR_GAIN:
            start, end, covered = min(start, s), max(end, e), wider
    if (start, end) == (quote.start, quote.end):
        return quote
    return Quote(quote.passage, start, end, quote.score, quote.start, quote.end)
