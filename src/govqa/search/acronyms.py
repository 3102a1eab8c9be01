"""A name and its acronym are one name (pure).

Texts spell a name out once and then write its initials: "the Context-Based Risk Analysis (COBRA)", then "The
COBRA element consists of four steps"; "Generative AI Public Working Group (GAI PWG)", then "The focus of the GAI
PWG …". A claim may use either form. `spelled_out` gives a sentence the other form of each name the claim and the
sentence share in different forms, so that the sentence states the claim's words for that name.

An acronym here is three or more capitals (two, "EU" or "AI", are too many things' initials). It stands for a run
of the other text's words whose initials it spells, in order: a word in capitals gives all its letters ("AI" in
"Generative AI"), a hyphen opens a new initial ("Context-Based"), and the small words of a name ("of", "on",
"the") may be left out of it ("Committee on Artificial Intelligence", CAI).
"""

from __future__ import annotations

import re

_ACRONYM = re.compile(r"\b[A-Z][A-Z0-9]{2,7}\b")
_WORD = re.compile(r"[A-Za-z][A-Za-z0-9'’]*")
_SMALL = frozenset({"of", "on", "and", "for", "the", "in", "to", "&"})


def _letters(word: str) -> str:
    """What a word gives an acronym: all of a word in capitals, else its initial."""
    return word if word.isupper() and len(word) > 1 else word[0].upper()


def expansion(acronym: str, text: str) -> str:
    """The run of the text's words the acronym spells ("" if none): a word in capitals gives all its letters,
    a small word may be left out, and the run starts and ends on a word that gives letters. A name the text
    defines by the acronym ("the context-based risk analysis (COBRA)") may take more than initials from a word:
    its words' initials need only come in the acronym's order, from its first letter."""
    if defined := _defined(acronym, text):
        return defined
    words = _words(text)
    for start in range(len(words)):
        if words[start].lower() in _SMALL:
            continue
        left, end = acronym, start
        while left and end < len(words):
            word = words[end]
            letters = _letters(word)
            if left.startswith(letters):
                left = left[len(letters) :]
            elif word.lower() not in _SMALL:
                break
            end += 1
        if not left:
            return " ".join(words[start:end])
    return ""


def _words(text: str) -> list[str]:
    return [w for part in _WORD.findall(text) for w in part.split("-") if w]


def _defined(acronym: str, text: str) -> str:
    for m in re.finditer(rf"\(\s*{re.escape(acronym)}\s*\)", text):
        words = _words(text[max(0, m.start() - 200) : m.start()])
        for k in range(2, min(len(words), 9) + 1):
            run = words[-k:]
            if run[0].lower() in _SMALL or _letters(run[0])[0] != acronym[0]:
                continue
            letters = iter(acronym[1:])
            if all(ch in letters for w in run[1:] if w.lower() not in _SMALL for ch in _letters(w)):
                return " ".join(run)
    return ""


def spelled_out(sentence: str, claim: str) -> str:
    """The sentence, followed by the claim's full name for each acronym the sentence uses, and by the claim's
    acronym for each full name the sentence spells out."""
    added = []
    for acronym in dict.fromkeys(_ACRONYM.findall(sentence)):
        if (full := _defined(acronym, claim)) or (acronym not in claim and (full := expansion(acronym, claim))):
            added.append(full)
    for acronym in dict.fromkeys(_ACRONYM.findall(claim)):
        if acronym not in sentence and expansion(acronym, sentence):
            added.append(acronym)
    return f"{sentence} {' '.join(added)}" if added else sentence
