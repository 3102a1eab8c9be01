"""Whose duty a sentence states, and how strongly, for the claim's action (pure): what comparisons.py's force
and actor checks read, and evidence.py's ranking of the sentences binding the claimed party.

- a sentence **states the action** when it covers enough of the claim's action words (`states_action`);
- of a sentence joining duties of one subject ("… is to endeavor to X, and must cooperate with Y"), the duty
  compared is the one stating the claim's action (`on_action`);
- a sentence introducing points states its duty in its stem (`stem`), its points say only what is done.
"""

from __future__ import annotations

import re

from govqa.answering.coverage import SAME_TOPIC, cross_language, term_coverage
from govqa.answering.quotes import FRAME_WORDS
from govqa.search.claim_reading import ClaimReading
from govqa.search.intents import ADDRESSEES
from govqa.search.statements import actor_role, coordinated_duties, duty_of
from govqa.text import POINT, tokenize


def _action_words(reading: ClaimReading, idf: dict[str, float]) -> dict[str, float]:
    return {t: idf.get(t, 1.0) for t in tokenize(reading.action) if t not in FRAME_WORDS}


def states_action(reading: ClaimReading, sentence: str, idf: dict[str, float]) -> bool:
    """The sentence covers enough of the claim's action words (a Japanese claim against an English sentence with
    none: any)."""
    action = _action_words(reading, idf)
    return term_coverage(action, sentence) >= SAME_TOPIC or (cross_language(reading, sentence) and not action)


def on_action(reading: ClaimReading, sentence: str, idf: dict[str, float]) -> str:
    """Of a sentence joining duties of one subject, the later duty that states more of the claim's action than the
    first ("… is to endeavor to X, and must cooperate with Y" for a claim about Y); else the sentence. (Whether
    the sentence states the action at all is the caller's test: the subject's words stand in the first duty.)"""
    first, *later = coordinated_duties(sentence)
    # the words naming the subject stand in the first duty only, and say nothing of which duty is the claim's (a
    # Japanese law's subject ends at its topic mark: 「活用事業者は、…」)
    subject = set(tokenize(first.split("は、", 1)[0] if "は、" in first else duty_of(first)[0]))
    action = {t: w for t, w in _action_words(reading, idf).items() if t not in subject}
    if not later or not action:
        return sentence
    best = max(later, key=lambda duty: term_coverage(action, duty))
    return best if term_coverage(action, best) > term_coverage(action, first) else sentence


STRENGTH = {"must": 3, "endeavour": 2, "should": 1, "may": 0}


PRIVATE_ACTORS = frozenset({"business_operator", *ADDRESSEES})


def states_as_claimed(name: str, reading: ClaimReading, sentence: str, idf: dict[str, float]) -> bool:
    """The sentence puts the claim's action on the claimed party ("actor") or with the claimed force
    ("modality"): where another sentence does, a third one binding someone else, or asking less, refutes
    nothing (a law may state the same action twice: "shall label …", then "may be labelled in a manner that …")."""
    claimed = reading.actor_role if name == "actor" else reading.modality
    if not claimed or not states_action(reading, sentence, idf):
        return False
    actor, modality, negative, _, _ = duty_of(stem(sentence))
    if name == "actor":
        return bool(modality) and actor_role(actor) == reading.actor_role
    _, modality, negative, _, _ = duty_of(on_action(reading, stem(sentence), idf))
    return bool(modality) and not negative and (STRENGTH[reading.modality] == 3) == (STRENGTH[modality] == 3)


def binds_party(reading: ClaimReading, sentence: str) -> bool:
    """The sentence puts a duty, a permission or advice on the party the claim binds, as its subject ("A deployer
    … shall use reasonable care"), not on the party merely named in a clause ("there is a rebuttable presumption
    that a deployer used reasonable care"): where a law states that party's rule."""
    if not reading.actor_role:
        return False
    actor, modality, _, _, _ = duty_of(stem(sentence))
    return bool(modality) and actor_role(actor) == reading.actor_role


_POINTS_START = re.compile(rf"[:：]\s*(?={POINT.pattern})")


def stem(sentence: str) -> str:
    """A sentence introducing points, without them: whose duty it states (the points say only what is done)."""
    m = _POINTS_START.search(sentence)
    return sentence[: m.start() + 1] if m else sentence
