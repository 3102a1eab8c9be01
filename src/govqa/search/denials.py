"""What a sentence denies (pure): the words its negations and exemptions deny, what a negation's reach covers,
what a verb keeps from happening, and the cases a law leaves out by what its subjects do not do. Read alike in a
claim and a law; statements.py finds the negations themselves (not those of a condition)."""

from __future__ import annotations

import re

from govqa.search.statements import NEGATION, duty_of, negations
from govqa.text import tokenize

# An exemption denies what follows it as a negation does: "exempted from administrative fines" says what "no
# administrative fines shall be imposed" says; "free of bias" says what "free from bias" says.
EXEMPTION = re.compile(r"\b(?:exempt(?:ed|s)?\s+from|free\s+(?:from|of)|relieved\s+(?:of|from))\b|免除|適用除外", re.I)
# Words between a negation and what it denies ("shall not be subject to any fine", "no such fines").
_DENIAL_FILLER = frozenset(
    re.findall(
        r"\w+",
        "be been being is are was were have has had do does did the a an any such of to subject that this these "
        "those its their shall will would may must can could",
    )
)


def denied_words(text: str, *, anywhere: bool = False) -> set[str]:
    """The words (lower case) the text's own negations and exemptions deny: the first word after each that is not
    an auxiliary, article or "subject to" ("not hinder" denies "hinder"; "no administrative fines" "administrative").
    A negation inside a condition denies nothing of the statement (`negations`), unless `anywhere` ("operators that
    do not have an address" does not state they have one). Japanese and Korean are not read here."""
    out: set[str] = set()
    found = NEGATION.finditer(text) if anywhere else negations(text)
    for m in [*found, *EXEMPTION.finditer(text)]:
        if m.group().lower() == "without" and duty_of(text[: m.start()])[2]:
            continue  # "must not provide … without obtaining consent": what a ban's "without" names, it requires
        after = re.findall(r"[^\W_]+", text[m.end() : m.end() + 80].lower())
        # ("exempt from all obligations" is exempt from obligations; "not all providers" keeps its "all")
        filler = _DENIAL_FILLER | {"all", "every"} if EXEMPTION.fullmatch(m.group()) else _DENIAL_FILLER
        words = [w for w in after if w not in filler]
        word = words[0] if words else ""
        if word and word.isascii():
            out.add(word)
            # "not legally binding" denies that it binds; "should include X, but need not include Y" denies Y
            if (adverb(word) or len(re.findall(rf"\b{word}\b", text.lower())) > 1) and len(words) > 1:
                out.update(w for w in words[1 : 2 if adverb(word) else 3] if w.isascii())
        if _SUBJECT_TO.match(text, m.end()):
            out.add("apply")  # "… shall not be subject to these Measures": the Measures do not apply to them
    # a prefix denies the word it is joined to: "the non-military domain" denies "military"
    out |= {m.group(1).lower() for m in _NON.finditer(text)}
    return out


_NON = re.compile(r"\bnon-([a-z]{3,})", re.I)
# A law writes where it does not apply as who "shall not be subject to" it, or to its provisions.
_SUBJECT_TO = re.compile(r"\s+(?:be\s+|been\s+)?subject\s+to\b", re.I)


def excluded_by_absence(text: str) -> bool:
    """Whether the text leaves out of a law a case it sets out by what its subjects do not do ("institutions that
    … do not provide services to the public, shall not be subject to these Measures")."""
    return any(_SUBJECT_TO.match(text, m.end()) and NEGATION.search(text[: m.start()]) for m in negations(text))


def negated_scope(text: str) -> set[str]:
    """The words (lower case) within the reach of the text's own negations: from each to the end of its clause
    ("does not create a private right of action" denies the right as well as its creation; "…, but allows …"
    ends the reach). English only, as `denied_words`."""
    out: set[str] = set()
    for m in negations(text):
        words = re.findall(r"[^\W_]+", _SCOPE_END.split(text[m.end() :], maxsplit=1)[0].lower())
        # an infinitive after the denied verb's object is what it is for ("does not require consent to provide
        # data" does not deny providing); a "to" right after the verb is its preposition ("does not apply to …")
        stop = next((i for i, w in enumerate(words) if w == "to" and i >= 2), len(words))
        out |= {w for w in words[:stop] if w.isascii()}
    return out


_SCOPE_END = re.compile(r"[,.;:]|\bbut\b|\band\s+(?=\w+s\b)", re.I)


def adverb(word: str) -> bool:
    """An adverb of manner or degree ("legally", "directly", "fully"): the words in -ly that are no verb, noun or
    adjective ("apply", "comply", "assembly", "only", "early")."""
    return len(word) > 4 and word.endswith("ly") and word not in _NOT_ADVERBS


_NOT_ADVERBS = frozenset(
    re.findall(r"\w+", "apply comply supply reply rely imply multiply assembly family anomaly monopoly early only july")
) | {"italy", "daily", "likely", "unlikely", "friendly", "costly", "timely", "orderly", "elderly"}


_AVERTS = re.compile(r"\b(?:prevent\w*|avoid\w*|refrain\w*|protect\w* (?:\w+ )?(?:from|against)|free from)\b", re.I)
_AVERTED_REACH = 6  # words after the verb: "prevent AI from causing any harm"


def averted(sentence: str) -> set[str]:
    """The words a verb keeps from happening ("measures that prevent AI from causing any harm": harm …): the
    sentence denies them as a negation would."""
    return {
        t for m in _AVERTS.finditer(sentence) for t in tokenize(" ".join(sentence[m.end() :].split()[:_AVERTED_REACH]))
    }
