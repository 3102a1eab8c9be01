"""Scope words against a rule's exceptions and limits (pure): two comparisons of comparisons.CHECKS.

`compare_scope`: a claim that a rule holds for all ("every provider", "from all of its obligations") against a
sentence stating the rule with an exception or a limit. `compare_excepted`: a claim that a rule covers something
against a sentence whose exception names that very thing."""

from __future__ import annotations

import re

from govqa.answering.coverage import POLARITY_COVER, STATES_MOST, claim_weights, term_coverage
from govqa.answering.duties import states_action
from govqa.answering.stating import EXCEPTION
from govqa.records import Check
from govqa.search.claim_reading import ClaimReading
from govqa.text import tokenize


def compare_scope(reading: ClaimReading, sentence: str, idf: dict[str, float]) -> Check | None:
    """A claim of "all"/"every"/"any" against a sentence that states the same action with an exception or a
    limit, and claims no universality itself → refuted. An exception to another rule decides nothing. A claim
    that a rule spares someone all of a law ("exempts small firms from all of its obligations") is limited by a
    sentence sparing them named parts of it ("Subsections (2), (3), and (5) do not apply to a deployer if …")."""
    spared = _SPARED_WHOLE.search(reading.text)
    claimed = next((w for w, k in reading.scope if k == "universal"), spared.group() if spared else "")
    if not claimed:
        return None
    # (a claim of no duty, "the Act doesn't apply to X, full stop", states its rule in all its words)
    whole = term_coverage(claim_weights(reading, idf), sentence) >= STATES_MOST
    if not (states_action(reading, sentence, idf) if reading.action else whole):
        return None
    # (an exemption is what such a claim says: only a limit to it is an exception)
    m = (EXCEPTION if reading.action else _LIMIT).search(sentence)
    if not m and spared:
        m = _PARTS_SPARED.search(sentence)
    if not m or re.search(r"\b(?:(?<!\bat )all|every|any)\b|全て|すべて", sentence, re.I):  # ("at all times": when)
        return None
    return Check("scope", "refuted", "exception", claimed, m.group())


# A claim that a law spares someone wholly, and a law sparing them named parts of it only.
_SPARED_WHOLE = re.compile(
    r"\b(?:all|any|every)\s+(?:of\s+)?(?:its|the|their|this\s+\w+'s)?\s*(?:obligations|requirements|duties|rules"
    r"|provisions)\b|\b(?:fully|entirely|completely|wholly|totally)\s+(?:exempt|spare|excuse)",
    re.I,
)
_PARTS_SPARED = re.compile(
    r"\b(?:sub)?(?:sections?|articles?|paragraphs?|chapters?|points?)\s+\(?\w[^.;]{0,60}?\b(?:do|does|shall)\s+not"
    r"\s+apply\b",
    re.I,
)
# An exception clause names what a rule leaves out, up to the end of its clause.
EXCEPTED = re.compile(
    r"\b(?:with the exception of|except(?: for| where| when| in)?|other than|excluding|save for|apart from)\b"
    r"(?:(?!\b(?:shall|must|may|will)\b)[^.;:,])*",  # up to the main clause's modal
    re.I,
)
_EXCEPTING = frozenset(tokenize("with the exception of except for where when in other than excluding save apart from"))
# An exception refers to where its case is set out ("excluding a person … conforming to standards prescribed by
# Order of the Personal Information Protection Commission"): the body or text it names there is not excepted.
_REFERENCE = re.compile(
    r"\b(?:prescribed|specified|provided|set (?:forth|out)|laid down|referred to|determined)\s+(?:by|in|under)\b"
    r"|\bpursuant to\b|\bin accordance with\b",
    re.I,
)
_LIMIT = re.compile(
    r"(?i)\b(?:except|other than|unless|provided that|with the exception of|only|solely)\b|を除く|除き|ただし"
)
EXCEPTED_SHARE = 0.2  # the claim's weight an exception must name for its subject to be the one excepted


def compare_excepted(reading: ClaimReading, sentence: str, idf: dict[str, float]) -> Check | None:
    """A claim that a rule covers something, against a sentence stating the rule (`POLARITY_COVER` of the claim)
    whose exception names what the claim is about ("… credit scoring, with the exception of AI systems used to
    detect financial fraud" against "a fraud-detection system is high-risk under that point") → refuted. The
    claim's words must stand in the exception and nowhere else in the sentence. A claim making the exception itself
    ("… except for medical reasons"), or a negative one ("is not covered"; a ban's "must not" is none), agrees."""
    if reading.negations:
        return None
    terms = claim_weights(reading, idf)
    if not terms or term_coverage(terms, sentence) < POLARITY_COVER:
        return None
    own = {t for m in EXCEPTED.finditer(reading.text) for t in tokenize(m.group())} - _EXCEPTING
    for m in EXCEPTED.finditer(sentence):
        if own & set(tokenize(m.group())):
            continue
        rest = set(tokenize(sentence[: m.start()] + " " + sentence[m.end() :]))
        case = _REFERENCE.split(m.group(), maxsplit=1)[0]  # the case excepted, not where its details are laid down
        named = {t for t in tokenize(case) if t in terms} - rest
        if sum(terms[t] for t in named) / sum(terms.values()) >= EXCEPTED_SHARE:
            return Check("excepted", "refuted", "excepted", reading.text, " ".join(m.group().split()))
    return None
