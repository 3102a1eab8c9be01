"""Judging a journalist's claim against the quotes found for it (pure).

A verdict comes from what the quote states, checked the way laws are written, in this order:

- **figures and dates**: the claim gives a year, a percentage or an amount; the quote gives a different one of the
  same kind and not the claim's → refuted ("since May 2024" against "on and after February 1, 2026"). A claimed
  date of one event (enactment, entry into force, application) is compared with the quote's dates of that event;
  one the quote does not state for it supports nothing. A claim that a text took effect at once, against a quote
  putting entry into force "1 year after" promulgation → refuted.
- **modality**: the claim makes something binding ("must", "obliges", "mandatory") where the quote only asks for
  an effort or encourages ("shall endeavour", "encourages", "should", 「努める」), or the reverse → refuted.
- **scope**: the claim says "all", "every" or "any" and the quote narrows it ("only", "except", "other than",
  "unless", "provided that") without saying "all" itself → refuted; a claim of "only" against a quote that
  names no such limit is left open.
- **actor**: the claim says X must; the quote puts the duty on Y and never names X → refuted.
- **polarity**: otherwise, a quote covering the claim's terms with the same polarity supports it, with the opposite
  polarity refutes it.

Role absence (a named law with no provision of the asked kind) is judged before this, in absence.py.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from govqa.answering.comparisons import polarity_differs, term_coverage
from govqa.answering.evidence import decide, rank_evidence
from govqa.answering.findings import CheckContext, Finding, Term
from govqa.answering.quotes import FRAME_WORDS, Quote, SentenceScorer, coverage, term_weights
from govqa.records import Chunk, Document, Passage, Verdict
from govqa.search.analysis import QueryAnalysis
from govqa.search.claim_figures import dates_in, figures_in
from govqa.search.claim_reading import ClaimReading
from govqa.settings import AnswerSettings
from govqa.text import YEAR, sentence_spans, tokenize


def missing_figures(figures: Sequence[str], evidence_text: str) -> list[str]:
    """The claim's figures (dates, amounts) that stand nowhere in the evidence text (commas and spaces aside)."""
    evidence = evidence_text.replace(",", "").replace(" ", "")
    return [n for n in figures if n.replace(",", "") not in evidence]


def check_claim_figures(query: QueryAnalysis, passages: Sequence[Passage], ctx: CheckContext) -> Finding | None:
    """A claim's figures (dates, amounts) must stand somewhere in the documents the evidence comes from, their
    text or their record's date (a law's signing year is often printed nowhere in its text). A figure of a kind
    and unit the passages state (another percentage, another amount in euros), or a date of an event they date,
    is contradicted rather than unmentioned: the evidence checks compare it."""
    if ctx.mode != "claim" or not query.figures:
        return None
    docs = {p.chunk.doc_id for p in passages[:5]}
    evidence = "".join(c.text for c in ctx.chunks if c.doc_id in docs)
    evidence += " ".join(d.date for i in sorted(docs) if (d := ctx.documents.get(i)))
    missing = [n for n in missing_figures(query.figures, evidence) if not _compared(n, query, passages[:5])]
    return Finding("missing_figures", "gate", {"figures": tuple(missing)}) if missing else None


def _compared(figure: str, query: QueryAnalysis, passages: Sequence[Passage]) -> bool:
    """Whether the passages state a figure of the kind and unit the claim gives `figure` in, or a date of the event
    it dates: then the figure is compared with theirs, not declared unmentioned."""
    if query.claim is None:
        return False
    text = " ".join(p.chunk.text for p in passages)
    kinds = {(f.kind, f.unit) for f in figures_in(text)}
    events = {d.event for d in dates_in(text) if d.event}
    claimed = [(f.kind, f.unit) for f in query.claim.figures if figure in f.text.replace(" ", "")]
    dated = [d.event for d in query.claim.dates if figure in d.text and d.event]
    return any(k in kinds for k in claimed) or any(e in events for e in dated)


# ---------------------------------------------------------------- data: modality, scope, actors

# A binding duty, as claims and laws word it ("shall endeavour" is not one).
STRONG = re.compile(
    r"\b(?:must|shall(?!\s+(?:endeavou?r|strive|make efforts?|seek))|(?:is|are) (?:required|obliged|obligated)"
    r"|requires?|obliges?|obligat\w+|mandatory|compulsory|ha(?:ve|s) to|legally binding|binding)\b"
    r"|しなければならない|義務",
    re.I,
)
# An effort, an encouragement or a permission: no binding duty.
WEAK = re.compile(
    r"\b(?:endeavou?r\w*|strive|make efforts?|encourag\w+|should|may|recommend\w*|invit\w+|voluntar\w+"
    r"|best efforts?|calls? upon|urges?)\b|努める|努めなければ|努力",
    re.I,
)
# A claim that something binds nobody.
CLAIMS_NOT_BINDING = re.compile(
    r"\b(?:voluntary|optional|non-binding|not (?:legally )?(?:binding|required|mandatory)|need not|only encourag\w*)\b",
    re.I,
)
UNIVERSAL = re.compile(r"\b(?:all|every|any|each|always|no exceptions?)\b|全て|すべて", re.I)
NARROWING = re.compile(
    r"\b(?:only|solely|except|other than|unless|provided that|limited to|does not apply|shall not apply"
    r"|with the exception of)\b|を除く|に限る|ただし",
    re.I,
)
# Who a duty binds, as a claim names them → the addressee names chunk roles carry ("obligation:provider").
ACTORS: dict[str, re.Pattern[str]] = {
    "provider": re.compile(r"\bproviders?\b", re.I),
    "deployer": re.compile(r"\bdeployers?\b", re.I),
    "importer": re.compile(r"\bimporters?\b", re.I),
    "distributor": re.compile(r"\bdistributors?\b", re.I),
    "developer": re.compile(r"\bdevelopers?\b", re.I),
    "member_state": re.compile(r"\bmember states?\b", re.I),
    "business_operator": re.compile(r"\bbusiness operators?\b|\bbusinesses\b|\bcompanies\b", re.I),
    "national_government": re.compile(r"\b(?:the state|the government|national government)\b", re.I),
    "local_government": re.compile(r"\blocal governments?\b", re.I),
    "citizens": re.compile(r"\b(?:citizens|the people)\b", re.I),
}
_DUTY_AFTER = re.compile(r"^\W*(?:\w+\W+){0,4}?(?:must|shall|ha(?:ve|s) to|(?:is|are) (?:required|obliged))\b", re.I)
_PERCENT = re.compile(r"(\d+(?:[.,]\d+)?)\s*(?:%|per ?cent)", re.I)
_AMOUNT = re.compile(
    r"(?:eur|usd|\$|€|¥|yen|yuan|won|krw)\s*(\d[\d ,.]*\d|\d)\s*(million|billion)?"
    r"|(\d[\d ,.]*\d|\d)\s*(million|billion)?\s*(?:eur|euros?|usd|dollars|yen|yuan|won)\b",
    re.I,
)


def _amounts(text: str) -> set[float]:
    out = set()
    for m in _AMOUNT.finditer(text):
        digits, scale = (m.group(1), m.group(2)) if m.group(1) else (m.group(3), m.group(4))
        value = float(re.sub(r"[ ,]", "", digits).rstrip(".") or 0)
        out.add(value * {"million": 1e6, "billion": 1e9}.get((scale or "").lower(), 1))
    return out


# Laws date their events apart: enactment (promulgated, signed, adopted), entry into force, and application
# ("shall enter into force on the twentieth day following … It shall apply from 2 August 2026"). A claimed date
# of one is compared with the dates the quote gives that one, not with a cited law's year ("Act No. 89 of 1999").
DATED_EVENTS = (
    re.compile(r"\b(?:promulgat\w+|enact\w*|signed|adopted|passed)\b|公布|成立|공포", re.I),
    re.compile(
        r"\b(?:enter(?:s|ed)? into force|entry into force|in force|(?:take|takes|took|taken) effect"
        r"|(?:come|comes|came) into (?:force|effect)|effective (?:date|on|from|as of))\b|施行|시행",
        re.I,
    ),
    re.compile(r"\b(?:appl(?:y|ies|ied)|applicab\w+|application) (?:from|as (?:from|of)|on|since|in)\b|適用", re.I),
)


def dated_text(claim: str, quote: str) -> str:
    """The part of the quote whose dates a claim's date is compared with: when the claim names the event it dates
    (entry into force, application), the quote's sentences naming that event; else the whole quote."""
    events = [rx for rx in DATED_EVENTS if rx.search(claim)]
    if len(events) != 1:
        return quote
    return " ".join(quote[s:e] for s, e in sentence_spans(quote, min_chars=0) if events[0].search(quote[s:e]))


# "took effect the day it was promulgated / immediately" against "shall enter into force 1 year after the date of
# its promulgation" or "on the twentieth day following its publication": a delay the claim leaves out.
CLAIMS_IMMEDIATE = re.compile(
    r"\b(?:immediately|the (?:same )?day (?:it was |of (?:its )?)?(?:promulgat|sign|enact|adopt|publi)\w*"
    r"|(?:upon|on) (?:its )?(?:promulgation|signature|signing|enactment|adoption|publication))",
    re.I,
)
STATES_DELAY = re.compile(
    r"\b(?:enters? into force|takes? effect|comes? into (?:force|effect)|shall apply)\b[^.;]{0,40}?"
    r"\b((?:\d+|one|two|three|six|twelve) (?:years?|months?|days?) (?:after|following|from)"
    r"|(?:the )?\w+(?:th|st|nd|rd) day following)",
    re.I,
)


def timing_conflict(claim: str, quote: str) -> str:
    """The delay the quote puts on entry into force ("1 year after") when the claim says it was immediate, or ""."""
    if not CLAIMS_IMMEDIATE.search(claim):
        return ""
    m = STATES_DELAY.search(quote)
    return m.group(1) if m else ""


def figure_conflict(claim: str, quote: str, *, kinds_only: bool = False) -> str:
    """The figure of the quote that differs from the claim's of the same kind (year, percentage, amount), or "";
    with `kinds_only`, any figure of the quote of a kind the claim gives ("a figure to compare"). Years are read
    in the quote's sentences on the event the claim dates (`dated_text`)."""
    kinds = (
        (set(YEAR.findall(claim)), set(YEAR.findall(dated_text(claim, quote)))),
        (
            {p.replace(",", ".") for p in _PERCENT.findall(claim)},
            {p.replace(",", ".") for p in _PERCENT.findall(quote)},
        ),
        (_amounts(claim), _amounts(quote)),
    )
    for said, stated in kinds:
        if kinds_only and said and stated:
            return "comparable"
        if said and stated and not said & stated:
            return ", ".join(str(s) for s in sorted(stated, key=str))
    return ""


def modality_conflict(claim: str, quote: str) -> str:
    """How the quote's force differs from the claim's: "binding" or "not binding" (what the quote says), or ""."""
    quote_strong, quote_weak = bool(STRONG.search(quote)), bool(WEAK.search(quote))
    if CLAIMS_NOT_BINDING.search(claim):
        return "binding" if quote_strong and not quote_weak else ""
    if STRONG.search(claim) and quote_weak and not quote_strong:
        return "not binding"
    return ""


def scope_conflict(claim: str, quote: str) -> bool:
    """A claim of "all"/"every"/"any" against a quote that narrows the rule and claims no universality itself."""
    return bool(UNIVERSAL.search(claim)) and bool(NARROWING.search(quote)) and not UNIVERSAL.search(quote)


def claimed_actor(claim: str) -> str:
    """The addressee the claim puts a duty on ("providers must…" → "provider"), or ""."""
    for name, pattern in ACTORS.items():
        for m in pattern.finditer(claim):
            if _DUTY_AFTER.match(claim[m.end() :]):
                return name
    return ""


def actor_conflict(claim: str, quote: Quote) -> str:
    """The addressees the quote's provision binds when the claim binds another one the quote never names, or ""."""
    actor = claimed_actor(claim)
    bound = sorted(r.split(":", 1)[1] for r in quote.passage.chunk.roles if r.startswith("obligation:"))
    if not actor or not bound or actor in bound or ACTORS[actor].search(quote.text):
        return ""
    return ", ".join(b.replace("_", " ") for b in bound)


@dataclass(frozen=True)
class Judgement:
    """A claim's verdict (None: the texts do not settle it), the check that decided and why, and the quote it
    rests on (cited first)."""

    verdict: Verdict | None
    reason: Term
    quote: Quote | None = None


def judge(claim: str, quotes: Sequence[Quote], idf: dict[str, float], cfg: AnswerSettings | None = None) -> Judgement:
    """The verdict and its reason (see the module docstring). Each check reads the best-covering quote that states
    what it checks: a figure of the claim's kind, a duty's force. A claim no quote covers enough is left open.
    The thresholds (`cfg`: claim_judged, claim_topical, claim_supports) are the answer settings'."""
    cfg = cfg or AnswerSettings.model_validate({})
    if not quotes:
        return Judgement("not_addressed", Term("claim.no_claim_passage"))
    covers = {id(q): coverage(_unnamed(claim, q), [q.passage], idf) for q in quotes}
    ranked = sorted((q for q in quotes if covers[id(q)] >= cfg.claim_judged), key=lambda q: -covers[id(q)])
    if not ranked:
        return Judgement(None, Term("verdict.uncovered", {"share": max(covers.values())}))
    text = {id(q): " ".join(q.text.split()) for q in ranked}

    def because(key: str, q: Quote, **fields: object) -> Term:
        return Term(f"verdict.{key}", {"locator": q.passage.chunk.locator, **fields})

    dated = next((q for q in ranked if figure_conflict(claim, text[id(q)], kinds_only=True)), None)
    if dated and (figure := figure_conflict(claim, text[id(dated)])):
        return Judgement("refuted", because("figure", dated, figure=figure), dated)
    for q in ranked:
        if delay := timing_conflict(claim, text[id(q)]):
            return Judgement("refuted", because("timing", q, delay=delay), q)
    # the duty's force is read first in the engine's own best quote when it is on the claim's topic at all
    first = [quotes[0]] if covers[id(quotes[0])] >= cfg.claim_topical and quotes[0] not in ranked else []
    text |= {id(q): " ".join(q.text.split()) for q in first}
    modal = next((q for q in [*first, *ranked] if STRONG.search(text[id(q)]) or WEAK.search(text[id(q)])), None)
    if modal and (force := modality_conflict(claim, text[id(modal)])):
        key = "modality_binding" if force == "binding" else "modality_not_binding"
        return Judgement("refuted", because(key, modal), modal)
    best = ranked[0]
    if scope_conflict(claim, " ".join(best.core.split())):  # the sentence that carries the claim
        return Judgement("refuted", because("scope", best), best)
    if actor := actor_conflict(claim, best):
        return Judgement("refuted", because("actor", best, actors=actor), best)
    terms = set(tokenize(_unnamed(claim, best))) - FRAME_WORDS
    if polarity_differs(claim, terms, " ".join(best.core.split()))[0]:  # the sentence that carries the claim
        return Judgement("refuted", because("polarity", best), best)
    years = set(YEAR.findall(claim))
    stated = set(YEAR.findall(dated_text(claim, text[id(best)])))
    if best.passage.document and not DATED_EVENTS[1].search(claim) and not DATED_EVENTS[2].search(claim):
        stated.add(best.passage.document.date[:4])  # the text's own date: when it was adopted or signed
    if years and not years & stated:
        return Judgement(None, because("undated", best, years=tuple(sorted(years))))
    # support rests on the sentence that carries the claim, not on the words of its whole passage
    share = min(covers[id(best)], term_coverage(term_weights(_unnamed(claim, best), idf), " ".join(best.core.split())))
    if share >= cfg.claim_supports:
        return Judgement("supported", because("supported", best), best)
    return Judgement(None, because("too_few", best, share=share))


def _unnamed(claim: str, quote: Quote) -> str:
    """The claim less the names of the quote's document ("The UN General Assembly's AI resolution…"): a text does
    not name itself, so those words measure nothing of what it states."""
    doc = quote.passage.document
    if doc is None:
        return claim
    for name in sorted({doc.short_title, *doc.aliases}, key=len, reverse=True):
        if name:
            claim = re.sub(rf"(?<!\w){re.escape(name)}(?:['’]s)?(?!\w)", " ", claim, flags=re.I)
    return claim


def enactment_years(reading: ClaimReading | None, documents: Mapping[str, Document]) -> set[str]:
    """The years a claim gives the enactment (signing, adoption, promulgation) of a text it names whose record
    has a date: compared with that text by `record_date`, not declared unmentioned."""
    if reading is None or not any(documents.get(i) and documents[i].date[:4].isdigit() for i in reading.doc_ids):
        return set()
    return {str(d.year) for d in reading.dates if d.event == "enactment" and d.year}


def record_date(
    reading: ClaimReading | None, documents: Mapping[str, Document], chunks: Sequence[Chunk]
) -> Judgement | None:
    """A claim that a named text was enacted in a year its record does not give → refuted, resting on the
    text's own sentence dating its enactment in the record's year (an act's "Approved: May 17, 2024"). A year
    that agrees decides nothing here (the evidence checks read the rest of the claim), and without such a
    sentence nothing is decided: a verdict rests on a quote, not on the manifest."""
    claimed = [d for d in reading.dates if d.event == "enactment" and d.year] if reading else []
    for doc in (documents[i] for i in (reading.doc_ids if reading else ()) if i in documents):
        year = doc.date[:4]
        if not claimed or not year.isdigit() or any(str(d.year) == year for d in claimed):
            continue
        for chunk in (c for c in chunks if c.doc_id == doc.id and year in c.text):
            for start, end in sentence_spans(chunk.text, min_chars=0):
                dated = [d for d in dates_in(chunk.text[start:end]) if d.event == "enactment" and str(d.year) == year]
                if dated:
                    fields = {"locator": chunk.locator, "claimed": claimed[0].text, "stated": dated[0].text}
                    quote = Quote(Passage(chunk, 1.0, document=doc), start, end, 1.0)
                    return Judgement("refuted", Term("evidence.date_differs", fields), quote)
    return None


def weigh_claim(
    query: QueryAnalysis,
    passages: Sequence[Passage],
    quotes: Sequence[Quote],
    idf: dict[str, float],
    cfg: AnswerSettings,
    similarity: SentenceScorer | None = None,
) -> Judgement:
    """The claim's verdict: first the evidence sentences of the passages, ranked by how much of the claim each
    states and compared on figures, dated events, force, actor, scope, polarity and statement
    (answering/comparisons.py); when none of those decides, the quote checks of `judge`. A verdict from evidence
    rests on its sentence, which is cited first; a claim nothing settles shows its closest evidence sentence
    first."""
    evidence = []
    if query.claim is not None and cfg.claim_evidence:
        evidence = rank_evidence(query.claim, passages, idf, similarity=similarity)
        if decided := decide(query.claim, evidence, idf, top=cfg.claim_evidence_top):
            check, sentence = decided
            fields = {"locator": sentence.passage.chunk.locator, "claimed": check.claimed, "stated": check.stated}
            quote = Quote(sentence.passage, sentence.start, sentence.end, sentence.score)
            return Judgement(check.verdict, Term(f"evidence.{check.reason}", fields), quote)
    judgement = judge(query.question, quotes, idf, cfg)
    if judgement.verdict is None and evidence:
        closest = evidence[0]
        reason = Term("verdict.too_few", {"locator": closest.passage.chunk.locator, "share": closest.coverage})
        end = max(closest.end, closest.statement_end)  # a stem is shown with the points it introduces
        return Judgement(None, reason, Quote(closest.passage, closest.start, end, closest.score))
    return judgement
