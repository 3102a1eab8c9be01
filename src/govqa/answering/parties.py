"""Who does what a claim says, and to whom, against who a sentence says does it (pure).

A law names who acts ("The Member States shall … notify the Commission", 「委員会は、…命ずることができる」) and who
receives what is reported or notified. A claim written in news words gives the action to a party as well: as the
subject of its duty ("the European Court of Auditors must report …"), by a verb of assignment ("the order tasks
the Commissioner of … with preparing a report", "it falls to the Board to notify …", "expects governments to …"),
or as a cleft ("it was the Secretary of Homeland Security who …"). A sentence stating the rest of the claim while
giving the action to a party the claim does not name, where the claim's party is one the sentence does not name,
refutes the claim: the law gives that job to someone else (`other_doer`). So does one sending the claim's report,
notice or submission, with the claim's verb, to a recipient the claim does not name, where the claim's recipient is
one the sentence does not name (`other_recipient`); unless another sentence sends it to the claimed one as well
(`sends_to`: a law may name both). A Japanese claim reporting to another recipient (「…に報告」) is refuted
likewise (`other_recipient_ja`).

Parties are compared by their content words, less the words naming the text itself: "Member States" and "EU
countries" differ in words and are one party, so a claim's party counts as stated by the sentence's when both map
to one of the law's roles (search/statements.py `actor_role`).
"""

from __future__ import annotations

import re

from govqa.answering.coverage import STATES_MOST, Weights, claim_weights, in_latin, name_words_of, term_coverage
from govqa.answering.duties import BODY, other_party, stem
from govqa.answering.quotes import FRAME_WORDS
from govqa.search.claim_reading import ClaimReading
from govqa.search.statements import actor_role, duty_of
from govqa.text import tokenize

# A verb giving an action to a party, news's way of stating whose duty it is: "tasks X with", "charges X with",
# "directs X to", "expects X to", "it falls to X to", "had X report …" (a party named by title after "had").
_ASSIGNED = re.compile(
    r"\b(?:tasks?|tasked|charges?|charged|directs?|directed|instructs?|instructed|expects?|expected|obliges?"
    r"|obliged|requires?|required|falls?\s+to|fell\s+to|leaves?\s+it\s+to|left\s+it\s+to)\s+"
    r"(?P<party>(?:the\s+)?[^,;.:]{2,80}?)\s+(?:with|to)\s"
    r"|\b[Ii]t\s+(?:was|is)\s+(?P<cleft>(?:the\s+)?[A-Z][^,;.:]{2,80}?)\s+(?:who|that)\s"
    r"|\bhad\s+(?P<had>(?:the\s+)?[A-Z][^,;.:]{2,80}?)\s+(?:each\s+)?[a-z]+\s",
)

# A body opening its clause is the clause's subject ("…, the European Court of Auditors must report …"); one
# named after a verb or a preposition is its object ("notify the Commission", "send the President a report").
_CLAUSE_OPENS = re.compile(r"(?:^|[,;:.]\s*|\bthat\s+|\bwhile\s+)(?:the\s+|its\s+|their\s+)?$", re.I)

# Words no party is told apart by: articles, "AI", words of number.
_NO_PARTY_WORDS = frozenset(tokenize("the ai each every all"))


def _words(party: str, named: set[str]) -> set[str]:
    return set(tokenize(party)) - FRAME_WORDS - _NO_PARTY_WORDS - named


def doers(reading: ClaimReading) -> list[str]:
    """The parties an English claim gives its action: the subject of its duty, the party of a verb of assignment
    or of a cleft, and the bodies it names by title opening a clause."""
    text = reading.text
    found = [reading.actor] if reading.actor and reading.modality else []
    for m in _ASSIGNED.finditer(text):
        found.append(m.group("party") or m.group("cleft") or m.group("had"))
    for m in BODY.finditer(text):
        if _CLAUSE_OPENS.search(text[max(0, m.start() - 30) : m.start()]):
            found.append(m.group())
    named = name_words_of(reading)
    return [" ".join(p.split()) for p in found if _words(p, named)]


def acting(sentence: str) -> str:
    """The party an English sentence gives its duty or leave to: the subject of its modal, read on its stem
    ("The Member States shall … notify the Commission"); "" when it states none."""
    actor, modality, _, _, _ = duty_of(stem(sentence))
    # a party: named by title or of one of the law's roles, not a pronoun, a list's "etc." or a paragraph number
    return actor if modality and (_titled(actor) or actor_role(actor)) else ""


# The kinds of office and body titles share: "Secretary of Defense" and "Secretary of the Army" are two offices.
_KINDS = frozenset(
    tokenize(
        "institute office board committee council commission commissioner agency authority ministry minister"
        " president secretary director headquarters division department court parliament assembly bureau chair"
        " chairman chairperson general attorney"
    )
)


def _titled(party: str, opening: bool = True) -> bool:
    """A party named by its title: each of its words capitalised but the small ones ("Commissioner of the Bureau
    of Labor Statistics"); not a description in plain words ("EU countries"). One capitalised word may open a
    sentence ("Operators must …"): it names a party only as a body's kind or an acronym, unless it stands where
    no sentence opens (`opening` False: "report to Europol")."""
    words = [w for w in re.findall(r"[\w-]+", party) if w.lower() not in ("the", "of", "for", "on", "and", "to")]
    if opening and len(words) == 1 and not (BODY.fullmatch(words[0]) or words[0].isupper()):
        return False
    return bool(words) and all(w[0].isupper() and w[0].isalpha() for w in words)


def _same_party(a: str, b: str, named: set[str]) -> bool:
    """Two names of one party: a word telling it apart shared ("Defense"), a kind of body shared where one name
    gives nothing else ("the Commission"), or one role of the law's ("EU countries" and "Member States")."""
    words_a, words_b = _words(a, named), _words(b, named)
    own_a, own_b = words_a - _KINDS, words_b - _KINDS
    if own_a and own_b and _titled(a) and _titled(b):
        return bool(own_a & own_b)  # two titles: told apart by their own words, whatever role both play
    if (own_a & own_b) or (not (own_a and own_b) and words_a & words_b):
        return True
    roles = actor_role(a), actor_role(b)
    return all(roles) and not other_party(*roles)  # (a private party's genus, "companies", is any of its kinds)


def _named_in(party: str, text: str, named: set[str]) -> bool:
    """The text names the party: its words in a row ("Secretary of Defense", not "… for national defense"), or
    a word telling it apart where the party is a kind and that word ("the Commission", "Europol")."""
    words = [t for t in tokenize(party) if t not in FRAME_WORDS | _NO_PARTY_WORDS | named]
    tokens = tokenize(text)
    if len(words) < 2:
        return bool(set(words) & set(tokens))
    return any(tokens[i : i + len(words)] == words for i in range(len(tokens) - len(words) + 1))


def acts_as_claimed(reading: ClaimReading, sentence: str) -> bool:
    """The sentence gives its duty to a party the claim gives the action to."""
    stated = acting(sentence) if reading.language == "en" and in_latin(sentence) else ""
    return bool(stated) and any(_same_party(d, stated, name_words_of(reading)) for d in doers(reading))


def other_doer(reading: ClaimReading, sentence: str, idf: dict[str, float]) -> tuple[str, str] | None:
    """(claimed, stated): the sentence gives the action to a party the claim does not name, the claim gives it to
    one the sentence does not name, and the sentence states the rest of the claim (`STATES_MOST` of its weight
    less both parties' words); None otherwise. English only: a Japanese sentence marks its subject in ways not
    read here."""
    if reading.language != "en" or not in_latin(sentence):
        return None
    stated = acting(sentence)
    named = name_words_of(reading)
    if not stated or not _words(stated, named):
        return None
    if _named_in(stated, reading.text, named) or any(_same_party(d, stated, named) for d in doers(reading)):
        return None  # the claim names the sentence's party (as doer or otherwise)
    # a party named by title ("the European Court of Auditors") or of one of the law's roles; a description in
    # other words ("EU countries") may be the sentence's party written otherwise
    claimed = [d for d in doers(reading) if not _named_in(d, sentence, named) and (_titled(d) or actor_role(d))]
    if not claimed:
        return None
    parties = set(tokenize(f"{claimed[0]} {stated}"))
    weights = claim_weights(reading, idf)
    rest = {t: w for t, w in weights.items() if t not in parties}
    if term_coverage(rest, sentence) < STATES_MOST or not states_verb(reading, claimed[0], weights, sentence):
        return None
    return claimed[0], stated


# What stands between a party and the verb of its action: "… must notify", "… is the body that may give",
# "tasks X with preparing", "falls to X to notify"; first the rest of a title the party was cut from ("the
# Ministry of Internal Affairs" of "… and Communications").
_TO_VERB = re.compile(
    r"^(?:\s+(?:and|of|for|on)\s+(?-i:[A-Z])[\w-]*(?:\s+(?-i:[A-Z])[\w-]*)*)*"
    r"(?:[\s,]|\b(?:must|shall|should|may|will|can|is|are|was|were|has|have|had|to|with|be|been|the|a|an|body|one"
    r"|that|who|which|required|obliged|expected|responsible|for|each|also|alone|itself|themselves|then)\b)*",
    re.I,
)


def states_verb(reading: ClaimReading, party: str, weights: Weights, sentence: str) -> bool:
    """The sentence states the verb of the claimed party's action (the first word after the party and its modal):
    a sentence sharing the action's objects with another verb ("publish a list of robot inspectors" against
    "trains robot inspectors") gives another action. A passive's agent and a Japanese claim are not read so."""
    at = reading.text.find(party)
    if reading.language != "en" or at < 0 or re.search(r"\bby\s+(?:the\s+)?$", reading.text[:at]):
        return True  # a passive's agent follows its verb ("adopted by the Board"); Japanese verbs end the clause
    after = reading.text[at + len(party) :]
    verb = next(iter(tokenize(after[_TO_VERB.match(after).end() :])), "")  # type: ignore[union-attr]
    if not verb:
        return False
    one = Weights({verb: 1.0})
    one.plain = {verb: weights.plain[verb]} if verb in weights.plain else {}
    return term_coverage(one, sentence) > 0


# A verb sending what a party reports, notifies or submits, and its recipient: "report … to the AI Office",
# "submit a report to the President", "notify the Commission". What "to" opens ends at a clause's end or a word
# no name holds ("within", "on", "and").
_SENT = (
    r"\b(?P<verb>report|submit|send|sent|transmit|forward|provid|disclos|notif|communicat|deliver|explain)"
    r"(?:s|ed|ing|t|ted|ting|e|es|ied|ies|y|ying)?\b"  # its forms, not a noun ("providers", "reporter")
)
_TO_END = (
    r"(?=\s*(?:[,;.:()]|$)"
    r"|\s+(?:and|or|on|within|by|if|when|where|in|as|at|for|no|not|without|through|via|who|which|that|of|about)\b)"
)
_SENT_TO = re.compile(
    rf"{_SENT}[^.;:]{{0,100}}?\bto\s+(?P<to>(?:the\s+)?[^,;.:()]{{2,60}}?){_TO_END}"
    rf"|\bnotif(?:y|ies|ied)\s+(?P<notified>(?:the\s+)?(?-i:[A-Z])[^,;.:()]{{1,60}}?){_TO_END}",
    re.I,
)


def recipients(text: str) -> list[tuple[str, str]]:
    """(recipient, verb) of each report, notice or submission the text sends to a party named by title or of one
    of the law's roles ("to deployers"); not an infinitive's "to" ("required to disclose")."""
    found = []
    for m in _SENT_TO.finditer(text):
        who = " ".join((m.group("to") or m.group("notified")).split())
        first = who.split()[0]  # a party: "the …", a title, a role's word; not an infinitive ("to disclose …")
        if _titled(who, opening=False) or (
            actor_role(who) and (first in ("the", "a", "an", "all") or actor_role(first))
        ):
            found.append((who, (m.group("verb") or "notif").lower()))
    return found


def other_recipient(reading: ClaimReading, sentence: str, idf: dict[str, float]) -> tuple[str, str] | None:
    """(claimed, stated): the claim sends its report or notice to a recipient the sentence does not name, and the
    sentence, stating the rest of the claim with the claim's verb, sends it to one the claim does not name; None
    otherwise. English only."""
    if reading.language != "en" or not in_latin(sentence):
        return None
    named = name_words_of(reading)
    claimed = [(r, v) for r, v in recipients(reading.text) if not _named_in(r, sentence, named)]
    stated = [r for r, v in recipients(sentence) if not _named_in(r, reading.text, named)]
    if not claimed or not stated or any(_same_party(c, t, named) for c, _ in claimed for t in stated):
        return None
    (recipient, verb), other = claimed[0], stated[0]
    weights = claim_weights(reading, idf)
    rest = {t: w for t, w in weights.items() if t not in tokenize(f"{recipient} {other}")}
    if term_coverage(rest, sentence) < STATES_MOST or not any(t.startswith(verb[:5]) for t in tokenize(sentence)):
        return None
    return recipient, other


def sends_to(reading: ClaimReading, recipient: str, sentence: str) -> bool:
    """The sentence sends what it sends to the claimed recipient (a law may name several: "to the AI Office and,
    as applicable, to national competent authorities")."""
    named = name_words_of(reading)
    return any(_same_party(recipient, r, named) for r, _ in recipients(sentence))


# A Japanese sentence's recipient: the name before に (or に対し) that a verb of reporting follows in its clause
# (「国会に対し所掌事務の処理状況を報告する」, 「委員会に報告しなければならない」).
_JA_SENT_TO = re.compile(
    r"([\u4e00-\u9fff\u30a0-\u30ffー]{2,20})に(?:対し(?:て)?)?、?[^。、]{0,40}?(報告|通知|提出|届出|届け出|説明|送付)"
)


def other_recipient_ja(reading: ClaimReading, sentence: str, idf: dict[str, float]) -> tuple[str, str] | None:
    """(claimed, stated) for a Japanese claim and sentence: the claim reports to a recipient the sentence does not
    name, the sentence reports, with the claim's verb, to one the claim does not name and states the rest of the
    claim (`STATES_MOST`); None otherwise."""
    if reading.language != "ja" or in_latin(sentence):
        return None
    claimed = [(m.group(1), m.group(2)) for m in _JA_SENT_TO.finditer(reading.text) if m.group(1) not in sentence]
    stated = [m.group(1) for m in _JA_SENT_TO.finditer(sentence) if m.group(1) not in reading.text]
    if not claimed or not stated or claimed[0][1] not in sentence:
        return None
    (recipient, _), other = claimed[0], stated[0]
    if recipient in other or other in recipient:
        return None
    parties = set(tokenize(recipient)) | set(tokenize(other))
    rest = Weights({t: w for t, w in claim_weights(reading, idf).items() if t not in parties})
    return (recipient, other) if term_coverage(rest, sentence) >= STATES_MOST else None
