"""Whose rule a sentence states (pure): a framework or guideline often reports another text's rule ("Under the EU
AI Act, providers … are required to report serious incidents … within 15 days"). Such a sentence states what
that other text says, not what the text the claim names says, and decides nothing of a claim about the latter.
"""

from __future__ import annotations

import re

from govqa.search.claim_reading import ClaimReading
from govqa.text import tokenize

# A sentence opening by naming the text its rule is from: "Under the EU AI Act, …", "According to the GDPR, …",
# "The EU AI Act requires …". The name ends in a text's kind word or is an acronym. (A heading extracted with the
# sentence may stand before it: "Incident Reporting Under the EU AI Act Providers …".)
_KIND = r"(?:Act|Regulation|Directive|Law|Convention|Order|Framework|Guidelines?|Code|Principles|Recommendation)"
_NAME = rf"(?:the\s+)?(?P<name>(?:[A-Z][\w.'’/-]*\s+){{0,5}}?{_KIND}\b|[A-Z]{{3,6}}\b)"
_UNDER = re.compile(rf"\b(?:[Uu]nder|[Aa]ccording to)\s+{_NAME}")
_SUBJECT = re.compile(
    rf"^\W*(?:\(?\w{{1,4}}[.)]\s*)?{_NAME}\s+(?:requires|mandates|obliges|prohibits|bans|provides|imposes|sets out)\b"
)
_OPENING = 60  # characters in which the attribution must begin: the sentence's opening, not a later clause


# Words of a text's name that say only what kind of text it is, or its field: no text is told apart by them.
_GENERIC = frozenset(
    tokenize(
        "the act regulation directive law convention order framework guidelines guideline code principles "
        "recommendation ai artificial intelligence on of for and model governance"
    )
)


def reports_other_text(reading: ClaimReading, sentence: str) -> bool:
    """The sentence opens by attributing its rule to a text other than those the claim names ("Under the EU AI
    Act, …" against a claim about Singapore's framework): a name with a distinctive word none of the claimed
    texts' names carries. A claim naming no text, or the same one, is no business of this check."""
    m = _SUBJECT.match(sentence) or ((u := _UNDER.search(sentence)) and u.start() < _OPENING and u)
    if not m or not reading.texts:
        return False
    named = set().union(*(t.name_words for t in reading.texts))
    words = set(tokenize(m.group("name"))) - _GENERIC
    return bool(words) and not words & named
