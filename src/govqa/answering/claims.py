"""Judging a journalist's claim against the quotes found for it (pure).

A verdict comes from what the quote states, checked the way laws are written, in this order:

- **figures and dates**: the claim gives a year, a percentage or an amount; the quote gives a different one of the
  same kind and not the claim's → refuted ("since May 2024" against "on and after February 1, 2026").
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
from govqa.text import FIGURE


def missing_figures(claim: str, evidence_text: str) -> list[str]:
    """The claim's figures (dates, amounts) that stand nowhere in the evidence text (commas and spaces aside)."""
    evidence = evidence_text.replace(",", "").replace(" ", "")
    return [n for n in FIGURE.findall(claim) if n.replace(",", "") not in evidence]


# Negation, for polarity: "only" restricts, it does not negate ("applies to AI used only for military purposes").
NEGATION = re.compile(r"\b(no|not|never|none|without|neither|nor|cannot)\b|ない|ません|なし", re.I)
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


def figure_conflict(claim: str, quote: str, *, kinds_only: bool = False) -> str:
    """The figure of the quote that differs from the claim's of the same kind (year, percentage, amount), or "";
    with `kinds_only`, any figure of the quote of a kind the claim gives ("a figure to compare")."""
    kinds = (
        (set(_YEAR.findall(claim)), set(_YEAR.findall(quote))),
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


def judge_claim(claim: str, quotes: Sequence[Quote], idf: dict[str, float]) -> tuple[Verdict | None, str]:
    """The verdict and its reason (see the module docstring). Each check reads the best-covering quote that states
    what it checks: a figure of the claim's kind, a duty's force. A claim no quote covers enough is left open."""
    if not quotes:
        return "not_addressed", "No passage addresses the claim."
    covers = {id(q): coverage(_unnamed(claim, q), [q.passage], idf) for q in quotes}
    ranked = sorted((q for q in quotes if covers[id(q)] >= 0.3), key=lambda q: -covers[id(q)])
    if not ranked:
        return None, f"The closest passage covers {max(covers.values()):.0%} of the claim's terms."
    text = {id(q): " ".join(q.text.split()) for q in ranked}
    dated = next((q for q in ranked if figure_conflict(claim, text[id(q)], kinds_only=True)), None)
    if dated and (figure := figure_conflict(claim, text[id(dated)])):
        return "refuted", f"{dated.passage.chunk.locator} states {figure}, not the claim's figure."
    # the duty's force is read first in the engine's own best quote when it is on the claim's topic at all
    first = [quotes[0]] if covers[id(quotes[0])] >= TOPICAL and quotes[0] not in ranked else []
    text |= {id(q): " ".join(q.text.split()) for q in first}
    modal = next((q for q in [*first, *ranked] if STRONG.search(text[id(q)]) or WEAK.search(text[id(q)])), None)
    if modal and (force := modality_conflict(claim, text[id(modal)])):
        where = modal.passage.chunk.locator
        return "refuted", f"{where} is {force}: the claim states the duty's force otherwise."
    best = ranked[0]
    where = best.passage.chunk.locator
    if scope_conflict(claim, text[id(best)]):
        return "refuted", f"{where} narrows the rule (an exception or limit) that the claim states without one."
    if actor := actor_conflict(claim, best):
        return "refuted", f"{where} puts the duty on the {actor}, not on whom the claim names."
    if bool(NEGATION.search(claim)) != bool(NEGATION.search(text[id(best)])):
        return "refuted", f"{where} states the claim's terms with the opposite polarity."
    if covers[id(best)] >= SUPPORTS:
        return "supported", f"{where} states the claim's terms with the same polarity."
    return None, f"{where} shares {covers[id(best)]:.0%} of the claim's terms: too few to support it."


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
