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
from collections.abc import Sequence

from govqa.answering.quotes import Quote, coverage
from govqa.records import Verdict
from govqa.text import FIGURE, sentence_spans


def missing_figures(claim: str, evidence_text: str) -> list[str]:
    """The claim's figures (dates, amounts) that stand nowhere in the evidence text (commas and spaces aside)."""
    evidence = evidence_text.replace(",", "").replace(" ", "")
    return [n for n in FIGURE.findall(claim) if n.replace(",", "") not in evidence]


# Negation, for polarity: "only" restricts, it does not negate ("applies to AI used only for military purposes").
# "Act No. 53" is a number, not a negation.
NEGATION = re.compile(r"\b(no(?!\.?\s*\d)|not|never|none|without|neither|nor|cannot)\b|ない|ません|なし", re.I)
# A claim that a provision is absent ("has no fines", "only encourages", "relies only on guidance").
CLAIMS_ABSENCE = re.compile(rf"{NEGATION.pattern}|\bonly\b", re.I)

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
TOPICAL = 0.2  # coverage of the claim at which a quote is on its topic (0.3: covers it enough to judge it)
# Support by polarity alone needs a quote stating at least half of the claim's terms: sharing a third of them
# and no negation is no evidence for "lets consumers sue" (chosen on the odd half: its supported claim covers
# 0.56; the even half's 0.58 to 0.85).
SUPPORTS = 0.5
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
_YEAR = re.compile(r"(?<!\d)(?:19|20)\d{2}(?!\d)")
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


# A subordinate clause ("for which the provider has concluded that it is not high-risk") negates a condition, not
# the rule: polarity is read without it.
_SUBORDINATE = re.compile(r"\b(?:that|which|who|whom|whose|where|whether|if)\b[^,;:()]*", re.I)


def main_clause(sentence: str) -> str:
    """The sentence less its subordinate clauses (up to the next comma, semicolon or colon)."""
    return _SUBORDINATE.sub(" ", sentence)


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
        (set(_YEAR.findall(claim)), set(_YEAR.findall(dated_text(claim, quote)))),
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


def judge(claim: str, quotes: Sequence[Quote], idf: dict[str, float]) -> tuple[Verdict | None, str, Quote | None]:
    """The verdict and its reason (see the module docstring). Each check reads the best-covering quote that states
    what it checks: a figure of the claim's kind, a duty's force. A claim no quote covers enough is left open.
    The third item is the quote the verdict rests on (None when no verdict is reached)."""
    if not quotes:
        return "not_addressed", "No passage addresses the claim.", None
    covers = {id(q): coverage(_unnamed(claim, q), [q.passage], idf) for q in quotes}
    ranked = sorted((q for q in quotes if covers[id(q)] >= 0.3), key=lambda q: -covers[id(q)])
    if not ranked:
        return None, f"The closest passage covers {max(covers.values()):.0%} of the claim's terms.", None
    text = {id(q): " ".join(q.text.split()) for q in ranked}
    dated = next((q for q in ranked if figure_conflict(claim, text[id(q)], kinds_only=True)), None)
    if dated and (figure := figure_conflict(claim, text[id(dated)])):
        return "refuted", f"{dated.passage.chunk.locator} states {figure}, not the claim's figure.", dated
    for q in ranked:
        if delay := timing_conflict(claim, text[id(q)]):
            return "refuted", f"{q.passage.chunk.locator} puts entry into force {delay}, not at once.", q
    # the duty's force is read first in the engine's own best quote when it is on the claim's topic at all
    first = [quotes[0]] if covers[id(quotes[0])] >= TOPICAL and quotes[0] not in ranked else []
    text |= {id(q): " ".join(q.text.split()) for q in first}
    modal = next((q for q in [*first, *ranked] if STRONG.search(text[id(q)]) or WEAK.search(text[id(q)])), None)
    if modal and (force := modality_conflict(claim, text[id(modal)])):
        where = modal.passage.chunk.locator
        return "refuted", f"{where} is {force}: the claim states the duty's force otherwise.", modal
    best = ranked[0]
    where = best.passage.chunk.locator
    if scope_conflict(claim, " ".join(best.core.split())):  # the sentence that carries the claim
        return "refuted", f"{where} narrows the rule (an exception or limit) that the claim states without one.", best
    if actor := actor_conflict(claim, best):
        return "refuted", f"{where} puts the duty on the {actor}, not on whom the claim names.", best
    if bool(NEGATION.search(claim)) != bool(NEGATION.search(main_clause(best.core))):  # the sentence that carries it
        return "refuted", f"{where} states the claim's terms with the opposite polarity.", best
    years = set(_YEAR.findall(claim))
    stated = set(_YEAR.findall(dated_text(claim, text[id(best)])))
    if best.passage.document and not DATED_EVENTS[1].search(claim) and not DATED_EVENTS[2].search(claim):
        stated.add(best.passage.document.date[:4])  # the text's own date: when it was adopted or signed
    if years and not years & stated:
        return None, f"{where} does not state the claim's date ({', '.join(sorted(years))}) for what it dates.", None
    if covers[id(best)] >= SUPPORTS:
        return "supported", f"{where} states the claim's terms with the same polarity.", best
    return None, f"{where} shares {covers[id(best)]:.0%} of the claim's terms: too few to support it.", None


def judge_claim(claim: str, quotes: Sequence[Quote], idf: dict[str, float]) -> tuple[Verdict | None, str]:
    """The verdict and its reason (see `judge`)."""
    verdict, reason, _ = judge(claim, quotes, idf)
    return verdict, reason


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
