"""Whose duty a sentence states, and how strongly, for the claim's action (pure): what comparisons.py's force
and actor checks read, and evidence.py's ranking of the sentences binding the claimed party.

- a sentence **states the action** when it covers enough of the claim's action words (`states_action`);
- of a sentence joining duties of one subject ("… is to endeavor to X, and must cooperate with Y"), the duty
  compared is the one stating the claim's action (`on_action`);
- a sentence introducing points states its duty in its stem (`stem`), its points say only what is done.
"""

from __future__ import annotations

import re

from govqa.answering.coverage import (
    HIRAGANA,
    SAME_TOPIC,
    Weights,
    cross_language,
    in_latin,
    name_words_of,
    per_word,
    term_coverage,
)
from govqa.answering.quotes import FRAME_WORDS
from govqa.search.claim_figures import Figure
from govqa.search.claim_reading import ClaimReading
from govqa.search.intents import ADDRESSEES
from govqa.search.statements import actor_role, coordinated_duties, duty_of
from govqa.text import POINT, tokenize


def _action_words(reading: ClaimReading, idf: dict[str, float]) -> Weights:
    words = Weights({t: idf.get(t, 1.0) for t in tokenize(reading.action) if t not in FRAME_WORDS})
    if reading.language in ("ja", "ko"):  # its content words, which an English sentence states through glosses
        rarest = max(idf.values(), default=1.0)
        content = {t: w for t, w in words.items() if len(t) > 1 and not HIRAGANA.search(t) and not t.isdigit()}
        words.runs = per_word(reading.action, content, {t: idf.get(t, rarest) for t in words}).runs
    return words


def states_action(reading: ClaimReading, sentence: str, idf: dict[str, float]) -> bool:
    """The sentence covers enough of the claim's action words (a Japanese claim against an English sentence with
    none: any)."""
    action = _action_words(reading, idf)
    return term_coverage(action, sentence) >= SAME_TOPIC or (cross_language(reading, sentence) and not action)


def action_coverage(reading: ClaimReading, sentence: str, idf: dict[str, float]) -> float:
    """How much of the claim's action words the sentence covers (idf-weighted share)."""
    return term_coverage(_action_words(reading, idf), sentence)


def on_action(reading: ClaimReading, sentence: str, idf: dict[str, float]) -> str:
    """Of a sentence joining duties of one subject, the later duty that states more of the claim's action than the
    first ("… is to endeavor to X, and must cooperate with Y" for a claim about Y); else the sentence. (Whether
    the sentence states the action at all is the caller's test: the subject's words stand in the first duty.)"""
    first, *later = coordinated_duties(sentence)
    # the words naming the subject stand in the first duty only, and say nothing of which duty is the claim's (a
    # Japanese law's subject ends at its topic mark: 「活用事業者は、…」)
    subject = set(tokenize(first.split("は、", 1)[0] if "は、" in first else duty_of(first)[0]))
    words = _action_words(reading, idf)
    action = Weights({t: w for t, w in words.items() if t not in subject})
    action.runs = words.runs  # a Japanese claim's words, stated through glosses in English
    if not later or not action:
        return sentence
    best = max(later, key=lambda duty: term_coverage(action, duty))
    return best if term_coverage(action, best) > term_coverage(action, first) else sentence


STRENGTH = {"must": 3, "endeavour": 2, "should": 1, "may": 0}
# A request whose word does not grade its force: 「求められている」 says what a law requires and what a guideline
# expects alike, so it differs from a duty, an effort or advice stated, not from a leave.
UNGRADED = re.compile(r"求め")


def forces_differ(reading: ClaimReading, stated: str) -> bool:
    """The claim's force and the stated one differ: one binds (must) and the other does not."""
    if UNGRADED.search(reading.modal_words) and STRENGTH[stated] > 0:
        return False
    return (STRENGTH[reading.modality] == 3) != (STRENGTH[stated] == 3)


PRIVATE_ACTORS = frozenset({"business_operator", *ADDRESSEES})


def party_of(actor: str, sentence: str) -> str:
    """The role of a duty's subject; a pronoun's is the one its sentence named before ("When State agencies
    intend to use …, they shall")."""
    if re.fullmatch(r"(?i)they|it|he|she", actor.strip()) and (m := re.search(rf"\b{actor.strip()}\b", sentence)):
        return actor_role(sentence[: m.start()])
    return actor_role(actor)


def other_party(claimed: str, stated: str) -> bool:
    """Both parties known and different, a private party's genus ("companies") differing from none of its kinds."""
    if not claimed or not stated or claimed == stated:
        return False
    return not ("business_operator" in (claimed, stated) and {claimed, stated} <= PRIVATE_ACTORS)


def states_as_claimed(name: str, reading: ClaimReading, sentence: str, idf: dict[str, float]) -> bool:
    """The sentence puts the claim's action on the claimed party ("actor") or with the claimed force
    ("modality"): where another sentence does, a third one binding someone else, or asking less, refutes
    nothing (a law may state the same action twice: "shall label …", then "may be labelled in a manner that …").
    Another party's force is no force claimed: "agencies shall prefer certified products" says nothing of how
    strongly businesses must obtain the certificate."""
    claimed = reading.actor_role if name == "actor" else reading.modality
    if not claimed or not states_action(reading, sentence, idf):
        return False
    actor, modality, negative, _, _ = duty_of(stem(sentence))
    if name == "actor":
        return bool(modality) and actor_role(actor) == reading.actor_role
    if other_party(reading.actor_role, party_of(actor, sentence)):
        return False
    _, modality, negative, _, _ = duty_of(on_action(reading, stem(sentence), idf))
    return bool(modality) and not negative and not forces_differ(reading, modality)


# What a claim puts on the people a law protects in news wording is their right, owed by whoever the law binds:
# "consumers must be able to appeal", "users must be told …", "individuals must be given an explanation".
_OWED = re.compile(
    r"(?:be\s+(?:able|allowed|permitted|entitled|given|granted|offered|provided|informed|notified|told)"
    r"|have\s+(?:the\s+|a\s+)?(?:right|opportunity|option)|receive|obtain)\b",
    re.I,
)


def claims_a_right(reading: ClaimReading) -> bool:
    """The claim's duty is a right of the people a law protects, not a duty on them: no actor to compare."""
    return reading.actor_role == "citizens" and bool(_OWED.match(reading.action.strip()))


def binds_party(reading: ClaimReading, sentence: str) -> bool:
    """The sentence puts a duty, a permission or advice on the party the claim binds, as its subject ("A deployer
    … shall use reasonable care"), not on the party merely named in a clause ("there is a rebuttable presumption
    that a deployer used reasonable care"): where a law states that party's rule."""
    if not reading.actor_role:
        return False
    actor, modality, _, _, _ = duty_of(stem(sentence))
    return bool(modality) and actor_role(actor) == reading.actor_role


# A body named by its title: "the AI Safety Institute", "the Commerce Secretary", 「内閣府」, 「デジタル庁」.
BODY = re.compile(
    r"\b(?:[A-Z][\w-]*\s+){0,4}(?:Institute|Office|Board|Committee|Council|Commission|Agency|Authority|Ministry"
    r"|Minister|President|Secretary|Director|Headquarters|Division|Department|Court|Parliament|Assembly)\b"
    # what it is of: "the Secretary of Commerce", "the Committee on Artificial Intelligence"
    r"(?:\s+(?:of|on|for)\s+(?:the\s+)?[A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,3})?"
    r"|[\u4e00-\u9fff\u30a0-\u30ff]{1,8}?(?:庁|府|省|委員会|機構|団体)"
    # an office held by one person: 内閣総理大臣, 内閣官房長官, 本部長
    r"|[\u4e00-\u9fff\u30a0-\u30ff]{0,8}?(?:大臣|本部長|長官|委員長)"
)
_NO_BODY_WORDS = frozenset(tokenize("the ai"))


def bodies(text: str, named: frozenset[str] | set[str] = frozenset()) -> list[str]:
    """The bodies a text names by title, less those whose words all name the text itself (`named`)."""
    found = [" ".join(m.group().split()) for m in BODY.finditer(text)]
    return [b for b in found if _body_words(b) - set(named)]


def _body_words(body: str) -> set[str]:
    return set(tokenize(body)) - FRAME_WORDS - _NO_BODY_WORDS


def names_body(body: str, text: str, named: frozenset[str] | set[str] = frozenset()) -> bool:
    """The text names the body: its Japanese name as written, or a content word of its English one other than
    the words naming the text itself (`named`)."""
    if not body.isascii():  # as written, or by the office its longer name ends in (人工知能戦略本部長: 本部長)
        return any(body[i:] in text for i in range(max(1, len(body) - 2)))
    return bool((_body_words(body) - set(named)) & set(tokenize(text)))


# A department and the office heading it are one body to news: "the Commerce Department will require reports"
# reports what an order puts on "the Secretary of Commerce"; "the Justice Ministry" what a law puts on its minister.
HEADS = ("department", "secretary", "ministry", "minister")
HEAD_WORDS = frozenset(tokenize(" ".join(HEADS)))


def names_bodies(reading: ClaimReading, sentence: str) -> bool:
    """False when the sentence misses a body the claim names by title ("the AI Office") and names another one
    instead ("The Commission shall submit a report … to the European Parliament", against "the AI Office is part
    of the European Parliament"; "… report … to the market surveillance authorities" against "… to the European
    Parliament"): it says what it says of that other body, however many words it shares. A
    sentence naming no other body (a resolution's paragraph, against "the General Assembly stresses …") may
    still state the claim. Read in English only: a Japanese body's name is no run of words to find
    (「州司法長官」 is an English text's "Attorney General")."""
    if reading.language != "en" or not in_latin(sentence):
        return True
    named = name_words_of(reading)
    # a body is named by all its words, a department by the office heading it ("the Secretary of Commerce")
    said, claimed = set(tokenize(sentence)) | HEAD_WORDS, set(tokenize(reading.text)) | HEAD_WORDS
    missing = [b for b in bodies(reading.text, named) if not (_body_words(b) - named) <= said]
    others = [b for b in bodies(stem(sentence), named) if not (_body_words(b) - named) <= claimed]
    # a body a law names by its kind, in lower case ("the market surveillance authorities")
    others += [m.group() for m in _BODY_KIND.finditer(stem(sentence)) if not set(tokenize(m.group())) <= claimed]
    return not (missing and others)


_BODY_KIND = re.compile(r"\b(?:authorit(?:y|ies)|agenc(?:y|ies)|ministr(?:y|ies)|regulators?)\b")


def acts_in(body: str, sentence: str) -> bool:
    """An English sentence names the body as the one acting: the subject of its duty ("The Commission shall …") or
    the agent of a passive ("adopted by the Committee …"); a body merely listed ("Following the … Convention, the
    UN Office of …, and …": a footnote's sources) does not act. A Japanese sentence marks its agent in ways not
    read here (「内閣府において処理する」): any body it names may act."""
    if not in_latin(sentence):
        return True
    words = _body_words(body)
    agents = [duty_of(stem(sentence))[0], *(m.group(1) for m in _AGENT.finditer(sentence))]
    return any(words <= set(tokenize(a)) for a in agents if a)


# The agent of a passive: "adopted by the Committee on Artificial Intelligence (CAI) of the Council of Europe".
_AGENT = re.compile(r"\bby\s+((?:the\s+)?[A-Z][\w-]*(?:\s+(?:[A-Z][\w-]*|of|on|for|and|the))*)")


def body_differs(reading: ClaimReading, sentence: str, named: set[str]) -> tuple[str, str] | None:
    """(claimed, stated): the claim names a body the sentence does not, and the sentence's duty names one other
    body the claim does not ("本部に関する事務は、内閣府において処理する" against a claim that デジタル庁
    handles it); None otherwise. Whether the sentence states the rest of the claim is the caller's test."""
    claimed = [b for b in bodies(reading.text, named) if not names_body(b, sentence, named)]
    stated = list(dict.fromkeys(b for b in bodies(stem(sentence), named) if not names_body(b, reading.text, named)))
    return (claimed[0], stated[0]) if claimed and len(stated) == 1 else None


_POINTS_START = re.compile(rf"[:：]\s*(?={POINT.pattern})")


def stem(sentence: str) -> str:
    """A sentence introducing points, without them: whose duty it states (the points say only what is done)."""
    m = _POINTS_START.search(sentence)
    return sentence[: m.start() + 1] if m else sentence


_CLAUSE_STOP = re.compile(r"[.;,]\s|[、。；]")


def names_its_body(reading: ClaimReading, figure: Figure, sentence: str) -> bool:
    """A figure the claim gives in a clause naming a body ("the head of the AI Safety Institute … a three-year
    term") is about that body: a sentence naming none of its words ("committee members … a term of 2 years") is
    about another one and neither states nor contradicts it. Words of the text's own name do not count."""
    if cross_language(reading, sentence):
        return True  # names cannot be compared across languages
    named = name_words_of(reading)
    lo = max((m.end() for m in _CLAUSE_STOP.finditer(reading.text[: figure.start])), default=0)
    hi = next((figure.end + m.start() for m in _CLAUSE_STOP.finditer(reading.text[figure.end :])), len(reading.text))
    words = set()
    for m in BODY.finditer(reading.text[lo:hi]):
        words |= set(tokenize(m.group())) - named - FRAME_WORDS - {"ai", "the"}
    return not words or bool(words & set(tokenize(sentence)))


# What a claim's action goes without, or instead of what ("share data without consent", "rather than fines"): a
# thing absent, which denies nothing of the force over the action.
_ABSENT = re.compile(r"without|rather than|instead of", re.I)


def denies_force(reading: ClaimReading) -> bool:
    """The claim's force is denied ("must not", "is not required to", "need not", "no … may"), not only something
    its action goes without: "may be transferred without consent" claims leave, as "may be transferred" does."""
    return bool(duty_of(reading.text)[2]) or any(not _ABSENT.fullmatch(w) for w in reading.negations)
