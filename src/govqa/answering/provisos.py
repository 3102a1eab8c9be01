"""A text's general date and the provisos that follow it (pure).

Laws give one date for the whole text, then the parts that take another: "It shall apply from 2 August 2026.
However: (a) Chapters I and II shall apply from 2 February 2025 …"; "This Regulation should apply from 2 August
2026. However, … the prohibitions … should already apply from 2 February 2025."; 「この法律は、公布の日から施行する。
ただし、第三章の規定は、…から施行する。」. The general sentence dates the text as a whole: a part the claim dates may be
one of the provisos, so the claim is compared with them, never with the general date, which that part may not
follow (evidence.decide).
"""

from __future__ import annotations

import re

from govqa.answering.comparisons import SELF_REFERENCE
from govqa.answering.coverage import HIRAGANA, claim_weights, event_words, figure_topic
from govqa.answering.quotes import FRAME_WORDS
from govqa.search.claim_reading import ClaimReading
from govqa.text import sentence_spans, tokenize

# The text as the subject of its own date: "This Regulation shall apply …", "It shall apply …" (an article's second
# sentence, after "This Regulation shall enter into force …"), 「この法律は、…施行する」.
_WHOLE = re.compile(rf"^\W*(?:\d+\.\s*|\(\d+\)\s*)?(?:(?:{SELF_REFERENCE.pattern})|it\b)", re.I)
# A proviso opening the next sentence, or closing this one before its points ("… 2 August 2026. However:").
_PROVISO = re.compile(r"^\W*(?:however|provided\b|by way of derogation|notwithstanding)\b|^\W*ただし", re.I)
_PROVISO_POINTS = re.compile(r"\bhowever\s*:\s*$", re.I)
_INNER_PROVISO = re.compile(
    r"(?:[.;]\s+|。\s*)(?=(?:however|provided\b|by way of derogation|notwithstanding)\b[^:]|ただし)", re.I
)
# How far the provisos reach: the sentences after the general one, as many as a passage gives (Article 113 lists
# four points; a recital adds two or three sentences).
_REACH = 6


def dates_a_part(reading: ClaimReading) -> bool:
    """The claim dates something it names besides the text ("the AI Act's prohibitions apply from …",
    「…の禁止規定は…から適用される」), not the text as a whole ("the AI Act applies from …"): a term of the claim
    in the dated clause that names no event."""
    terms = claim_weights(reading, {}).keys()
    return any(
        d.event not in ("", "title") and (figure_topic(reading, d) & terms) - event_words(reading.text)
        for d in reading.dates
    )


def opens_proviso(sentence: str) -> bool:
    """The sentence is a proviso ("However, the prohibitions … shall apply from …", 「ただし、…」): it dates a part,
    so it says nothing of the text's date as a whole."""
    return bool(_PROVISO.match(sentence))


def provisos(text: str, start: int, end: int) -> list[tuple[int, int]] | None:
    """The spans (in `text`) of the provisos following the sentence text[start:end] when it gives the whole text's
    date and a proviso follows it; None when it is no such general sentence."""
    sentence = " ".join(text[start:end].split())
    if not _WHOLE.match(sentence):
        return None
    after = [(s, e) for s, e in sentence_spans(text) if s >= end][:_REACH]
    if inner := _INNER_PROVISO.search(text, start, end):  # a short general sentence joined with its proviso
        return [(inner.end(), end), *after]
    if _PROVISO_POINTS.search(sentence) or (after and _PROVISO.match(text[after[0][0] : after[0][1]])):
        return after
    return None


def case_unclaimed(reading: ClaimReading, sentence: str) -> bool:
    """A sentence opening with a case ("In the event of the death of a person, … not later than 10 days") gives the
    figure of that case: a claim naming none of its words ("15 days to report serious incidents") is about the
    general rule, which the case's figure does not contradict."""
    m = _CASE.match(sentence)
    case = set(tokenize(m.group("case"))) - FRAME_WORDS if m else set()
    return bool(case) and not case & set(tokenize(reading.text))


_CASE = re.compile(
    r"^\s*(?:\(?\w{1,4}[.)]\s*)?(?:notwithstanding [^,;]{1,60},\s*)?"  # "4. Notwithstanding paragraph 2, …"
    r"(?:in the (?:event|case) of|in cases? (?:of|where)|where|if)\b(?P<case>[^,;]{3,160}),",
    re.I,
)


def proviso_unclaimed(reading: ClaimReading, text: str, start: int, sentence: str) -> bool:
    """A proviso ("However, where …, this shall not apply", 「ただし、…場合…は、この限りでない」) states the case a
    rule leaves out: it states a claim only if the claim names that case, a content word of the proviso that its
    rule (the sentence before) does not hold: 「ただし、本人への通知が困難な場合…は、この限りでない」 does not state
    「本人への通知は不要」. `sentence` is text[start:…], a sentence of the passage `text`."""
    if not opens_proviso(sentence):
        return False
    before = [(s, e) for s, e in sentence_spans(text) if e <= start][-1:]
    rule = set(tokenize(" ".join(text[s:e] for s, e in before)))
    case = {t for t in tokenize(sentence) if not HIRAGANA.search(t)} - rule - FRAME_WORDS  # (not 「であ」 of であって)
    return bool(case) and not case & set(tokenize(reading.text))
