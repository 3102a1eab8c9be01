"""Scope words against a rule's exceptions and limits (pure): two comparisons of comparisons.CHECKS.

`compare_scope`: a claim that a rule holds for all ("every provider", "from all of its obligations") against a
sentence stating the rule with an exception or a limit; a claim that it holds whatever a condition ("regardless of
whether …") against a sentence stating it under that condition. `compare_excepted`: a claim that a rule covers something
against a sentence whose exception names that very thing."""

from __future__ import annotations

import re

from govqa.answering.coverage import POLARITY_COVER, PROSE_WORDS, STATES_MOST, claim_weights, term_coverage
from govqa.answering.duties import states_action
from govqa.answering.quotes import FRAME_WORDS
from govqa.answering.stating import EXCEPTION
from govqa.records import Check
from govqa.search.claim_reading import ClaimReading
from govqa.search.statements import negation_words
from govqa.text import tokenize


def compare_scope(reading: ClaimReading, sentence: str, idf: dict[str, float]) -> Check | None:
    """A claim of "all"/"every"/"any" against a sentence that states the same action with an exception or a
    limit, and claims no universality itself → refuted. An exception to another rule decides nothing. A claim
    that a rule spares someone all of a law ("exempts small firms from all of its obligations") is limited by a
    sentence sparing them named parts of it ("Subsections (2), (3), and (5) do not apply to a deployer if …")."""
    if outside := included_outside(reading, sentence) or held_regardless(reading, sentence, idf):
        return outside
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


# A claim restricting a text to some ("aimed solely at private companies", "only public bodies") and putting others
# outside it ("government bodies fall outside them", "private firms aren't covered"), and a sentence that includes
# those others in a list ("including public institutions such as governments", "both public and private actors",
# "may include, among others, … the public sector").
_OUTSIDE = re.compile(
    r"(?P<group>[^;:,.—]+?)\s+(?:(?:fall|falls|fell|sit|sits|lie|lies|remain|remains|are|is|stay|stays)\s+outside"
    r"|(?:are|is)(?:n['’]t| not)\b|(?:are|is)\s+(?:excluded|exempt(?:ed)?)|not covered)",
    re.I,
)
# (what a list includes runs to the end of its clause or bracket; "both" takes two items: "both X and Y actors")
_INCLUDING = re.compile(
    r"(?i)\b(?:(?:including|includes?|such as|as well as|among others)\b[^;:)]{1,120}"
    r"|both\b[^.;,]{1,60}?\band\s+[\w-]+(?:\s+[\w-]+)?)"
)


def included_outside(reading: ClaimReading, sentence: str) -> Check | None:
    """A claimed "only X; Y fall outside" against a sentence listing Y among those included (`_INCLUDING`), and
    denying nothing → refuted. Y is read by its own words, not those of the X the claim restricts to."""
    restricted = next((w for w, k in reading.scope if k == "restrictive"), "")
    if not restricted or negation_words(sentence):
        return None
    after = reading.text[reading.text.lower().find(restricted) + len(restricted) :]
    clause = re.search(r"[;:,—]", after)  # the clause after the restriction puts the others outside
    if not clause or not (out := _OUTSIDE.search(after, clause.end())):
        return None
    own = set(tokenize(after[: out.start()]))
    group = set(tokenize(out.group("group"))) - own - FRAME_WORDS - PROSE_WORDS
    included = next((m for m in _INCLUDING.finditer(sentence) if group & set(tokenize(m.group()))), None)
    if not included or not group & set(tokenize(included.group())):
        return None
    return Check("scope", "refuted", "included", out.group().strip(), " ".join(included.group().split()))


# A claim that a rule holds whatever a condition: "regardless of whether the system is high-risk", "whether or not
# it is used", "irrespective of their size", 「高リスクかどうかにかかわらず」; the condition is the group's text.
_REGARDLESS = re.compile(
    r"\b(?:regardless|irrespective)\s+of\s+(?:whether\s+(?:or\s+not\s+)?)?(?P<en>[^,.;]{3,80})"
    r"|\bwhether\s+or\s+not\s+(?P<or>[^,.;]{3,80})"
    r"|(?P<ja>[^、。，,]{2,40}?)(?:かどうか|か否か)?に(?:かかわらず|関わらず|拘わらず|関係なく)",
    re.I,
)
# A clause making a rule conditional: "where …", "if …", "when …", "in the case of …", 「…場合」, 「…とき」.
_CONDITION = re.compile(
    r"(?i)\b(?:where|if|when|whenever|in (?:the )?cases? (?:where|of)|in the event (?:that|of)|provided that)\b"
    r"[^.;:,]{3,240}(?=[.;:,]|$)|[^。、]{2,80}?(?:場合|とき)"
)
CONDITION_SHARE = 0.5  # the share of the claimed condition's weight the sentence's condition must name


def unstated_regardless(reading: ClaimReading, sentence: str) -> bool:
    """The claim sets a condition aside ("regardless of whether …") and the sentence does not: the sentence does not
    state the claim by its words, whatever it shares with it (it may state the rule under that very condition)."""
    return bool(_REGARDLESS.search(reading.text)) and not _REGARDLESS.search(sentence)


def held_regardless(reading: ClaimReading, sentence: str, idf: dict[str, float]) -> Check | None:
    """A claim that a rule holds whatever a condition ("must label outputs regardless of whether they are used
    commercially") against a sentence stating the claim's action only under that condition ("Where the output is
    used commercially, the provider shall label it") → refuted: the law makes the rule conditional. A sentence
    saying "whether or not" itself agrees; a condition naming other things ("where technically feasible")
    limits the rule in another way, which this check leaves to the others; and the rule under the condition must
    be the claim's (a word of its action outside the condition: not "keep a record of the sale" for "label")."""
    m = _REGARDLESS.search(reading.text)
    if not m or not unstated_regardless(reading, sentence):
        return None
    condition = set(tokenize(next(g for g in m.groups() if g))) - FRAME_WORDS - PROSE_WORDS
    weight = sum(idf.get(t, 1.0) for t in condition)
    if not weight or not states_action(reading, sentence, idf):
        return None
    action = set(tokenize(reading.action.replace(m.group(), " "))) - FRAME_WORDS
    for clause in _CONDITION.finditer(sentence):
        named = condition & set(tokenize(clause.group()))
        rule = set(tokenize(sentence[: clause.start()] + " " + sentence[clause.end() :]))  # what is made conditional
        if sum(idf.get(t, 1.0) for t in named) / weight >= CONDITION_SHARE and action & rule:
            return Check("scope", "refuted", "conditional", m.group().strip(), " ".join(clause.group().split()))
    return None
