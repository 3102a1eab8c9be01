"""How a binding text's reference translation renders the original's force words (pure).

A reference translation is not the law: it renders the original's duty words in its own idiom, so a claim's
force is compared with what the translation lets us read of the original's.

- **"should"**: the CASI translation of China's measures writes 应当 "should" beside "shall"; Japan's official
  English writes "should" in a few provisions. There "should" is no evidence of a weaker force than a claimed
  duty (nor of a duty): the force check skips the sentence.
- **"is to" / "are to"**: the Japanese Law Translation renders ものとする, and some なければならない, as "is to"
  ("The national government is to take necessary measures", 国は…措置を講ずるものとする). That is the duty the
  original states, and is read as "shall". "is to endeavor" stays an effort (努めるものとする); "is to be …"
  (a state: "is to be established", "is to be applied") is not read as anyone's duty.

Texts binding in their own words, and guidance in any language, are read as written.
"""

from __future__ import annotations

import re

from govqa.records import Document
from govqa.search.statements import duty_of

# The kinds of text whose duty words a reference translation renders.
TRANSLATED_DUTIES = frozenset({"statute", "regulation", "administrative_measures"})

_IS_TO = re.compile(r"\b(is|are) to (?!endeavou?r|be\b|make (?:best |every )?efforts?|strive)", re.I)


def binding_translation(document: Document | None) -> bool:
    """The text is a reference translation of a statute, a regulation or administrative measures."""
    return (
        document is not None
        and document.legal_effect == "reference_translation"
        and document.doc_type in TRANSLATED_DUTIES
    )


def as_duty_words(text: str, document: Document | None) -> str:
    """The sentence with a translation's "is/are to <verb>" read as the duty it renders ("shall <verb>"); any
    other sentence as written."""
    return _IS_TO.sub("shall ", text) if binding_translation(document) else text


def renders_duty_as_should(text: str, document: Document | None) -> bool:
    """The sentence's force word is "should", in a reference translation of a binding text."""
    return binding_translation(document) and duty_of(text)[1] == "should"
