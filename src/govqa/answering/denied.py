"""A sentence denying what a claim affirms (pure): "This Model Framework is not intended for organisations that
are deploying … software" shares most words with "is aimed squarely at firms installing … software" and says the
opposite. The support checks (comparisons.states_most, near_verbatim) ask it before they support."""

from __future__ import annotations

import re

from govqa.search.claim_reading import ClaimReading
from govqa.search.denials import denied_words
from govqa.search.statements import negations

# A main verb denied by its auxiliary ("is not intended for", "does not create"); not a time limit ("is not later
# than") nor "not only". A modal's "shall not" is a ban, which the force checks compare.
_AUXILIARY_BEFORE = re.compile(r"\b(?:is|are|was|were|does|do|did|will|would|has|have)\s+$", re.I)
_NOT_A_DENIAL = re.compile(r"\s+(?:later|earlier|only|less|more|exceed)", re.I)
# A claim that denies, exempts, restricts or excludes in words of its own may be stated by a denial.
_CLAIM_DENIES = re.compile(
    r"\b(?:exempt\w*|exclud\w*|outside|beyond|carve[sd]?\s+out|spare[sd]?|lack\w*|fail\w*|except\w*|unless|only"
    r"|solely|voluntar\w*|non-binding|optional|no|not|never|nothing|none)\b|n['’]t\b|除外|免除|対象外|任意|ない|なく|せず",
    re.I,
)


def denies_affirmed(reading: ClaimReading, sentence: str) -> bool:
    """The sentence denies its main verb ("This Model Framework is not intended for organisations that are
    deploying … software"), and the claim affirms in words that deny nothing ("is aimed squarely at firms
    installing … software"): sharing words, it says the opposite, and does not state the claim."""
    if reading.negated or reading.negations or _CLAIM_DENIES.search(reading.text):
        return False
    return any(
        m.group().lower() == "not"
        and _AUXILIARY_BEFORE.search(sentence[: m.start()])
        and not _NOT_A_DENIAL.match(sentence, m.end())
        for m in negations(sentence)
    )


# A claim's verb of lacking ("lacks the independence of action", "lacking any oversight"), not the noun ("a lack of").
_LACKS = re.compile(r"\black(?:s|ed|ing)?\b(?!\s+of\b)", re.I)


def lack_unstated(reading: ClaimReading, sentence: str) -> bool:
    """The claim says something lacks what the sentence does not deny of it ("a system that requires manually
    provided inputs … is a system with 'some degree of independence of action'"): a denial in other words, stated
    only by a sentence denying the word lacked ("has no independence")."""
    if not (m := _LACKS.search(reading.text)):
        return False
    lacked = [w for w in re.findall(r"[^\W_]+", reading.text[m.end() : m.end() + 60].lower()) if w not in _ARTICLES]
    return not lacked or lacked[0] not in denied_words(sentence)


_ARTICLES = frozenset({"the", "a", "an", "any", "its", "their"})


def lack_as_denial(text: str) -> str:
    """The claim with its verb of lacking written as the denial it is ("lacks autonomy" → "has no autonomy"), for
    comparing its polarity with a sentence's."""
    return _LACKS.sub("has no", text)


# Which way a rule orders its step and the event it names: "before" it, or "after" it. Not "the following" (what a
# list introduces) nor "following:".
_BEFORE = re.compile(r"\b(?:before|prior to|in advance of|ahead of)\b", re.I)
_AFTER = re.compile(r"\b(?:after|afterwards|subsequent to|(?<!the )following(?!\s*:))\b", re.I)


def order_reversed(claim: str, sentence: str) -> str:
    """The word of order the claim uses where the sentence orders the same step the other way ("must give the
    information after obtaining consent" against "Before intending to obtain … consent, … must provide …
    information"); "" when they agree, or either orders both ways or neither (a Japanese 前/後 is not read: 前項
    is the preceding paragraph)."""
    claimed = (bool(_BEFORE.search(claim)), bool(_AFTER.search(claim)))
    stated = (bool(_BEFORE.search(sentence)), bool(_AFTER.search(sentence)))
    if claimed == (True, False) and stated == (False, True):
        return _BEFORE.search(claim).group()  # type: ignore[union-attr]
    if claimed == (False, True) and stated == (True, False):
        return _AFTER.search(claim).group()  # type: ignore[union-attr]
    return ""
