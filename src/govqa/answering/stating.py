"""What a sentence must say, besides the claim's words, to state the claim (pure): its universality ("all"),
its restriction ("only"), the office it names, and each of its figures and dates alike. comparisons.py's
supporting checks (`near_verbatim`, `states_most`) ask these before they support; `polarity_differs` whether the
sentence denies what the claim affirms, or the reverse.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Collection, Sequence

from govqa.answering.coverage import cross_language, name_words_of
from govqa.answering.duties import bodies, states_action, stem
from govqa.answering.quotes import FRAME_WORDS
from govqa.search.claim_figures import DateMention, Figure, dates_in, figures_in
from govqa.search.claim_reading import ClaimReading
from govqa.search.denials import averted, denied_words, excluded_by_absence, negated_scope
from govqa.search.statements import NEGATION, RESTRICTIVE, UNIVERSAL, duty_of, negation_words
from govqa.text import fold, tokenize


def agrees(claimed: Figure, stated: Figure) -> bool:
    return abs(stated.value - claimed.value) < 1e-9 * max(1.0, claimed.value)


def as_universal(reading: ClaimReading, sentence: str) -> bool:
    """A claim of "all"/"every"/"any" X is stated only by a sentence saying so of all X, in those words or of a
    subject the claim's words name whole ("Member States shall …" for "each Member State"); "High-risk AI
    systems … shall undergo" states it of some AI systems, not of all."""
    if not any(kind == "universal" for _, kind in reading.scope):
        return True
    if _qualified_away(reading.text, sentence):
        return False
    if UNIVERSAL.search(sentence):
        return True
    actor = duty_of(stem(sentence))[0]
    if not actor or re.match(r"(?:those|these|such|that|this|said)\b", actor, re.I):
        return False  # "those systems" are the ones named before, not all
    named = set(tokenize(actor)) - FRAME_WORDS
    return bool(named) and named <= set(tokenize(reading.text))  # a subject of no content words names no one


# The noun a claim quantifies ("any kind of AI tool", "all providers"): its first word.
_CLAIMED_ALL = re.compile(
    r"\b(?:all|any|every|each)\s+(?:(?:kinds?|types?|forms?|sorts?)\s+of\s+)?(?P<noun>[a-z][\w-]*)", re.I
)
_WORD = re.compile(r"[^\W\d_][\w-]*")
# Words before a noun that refer or count rather than restrict it ("the", "such", "any", "of").
_NOT_QUALIFIERS = frozenset(
    re.findall(
        r"\w+",
        "a an the this that these those such said its their his her our any all each every no other of for to from by "
        "with in on at and or as whose which",
    )
)


_REFERRING = frozenset({"the", "this", "that", "these", "those", "such", "said", "its", "their"})


def _qualified_away(claim: str, sentence: str) -> bool:
    """The claim says it of any X ("any kind of AI tool played a part"), and the sentence names X only after a
    word the claim does not use ("a high-risk AI system listed in Annex III"): it says it of some X, whatever
    other noun its own "any" quantifies ("Any affected person …")."""
    said = set(tokenize(claim))
    words = _WORD.findall(sentence)
    for m in _CLAIMED_ALL.finditer(claim):
        noun = tokenize(m.group("noun"))[:1]
        if not noun or noun[0] in FRAME_WORDS:
            continue
        before = [words[i - 1].lower() if i else "" for i, w in enumerate(words) if tokenize(w)[:1] == noun]
        # "the AI system" after "a high-risk AI system" is that one again
        before = before[:1] + [b for b in before[1:] if b not in _REFERRING]
        if before and all(b and b not in _NOT_QUALIFIERS and not set(tokenize(b)) <= said for b in before):
            return True
    return False


# Words that make an office another office: the deputy chairperson is not the chairperson.
_SECOND_OFFICE = re.compile(
    r"\b(?:deputy|vice|assistant|acting|associate)[\s-]+(?P<office>[a-z]+)|副(?P<ja>\w{1,3})", re.I
)


def same_office(reading: ClaimReading, sentence: str) -> bool:
    """A sentence about a deputy or vice office ("The deputy chairperson … shall be the Minister for AI Strategy")
    does not state what the claim says of the office itself ("… will be chaired by the Minister for AI
    Strategy", "… headed by the digital minister"), unless the claim names the deputy office too; nor does one
    naming no chair or head at all (a duty of the minister the claim says chairs the council)."""
    claim = reading.text.lower()
    if (
        _LEADS.search(claim)
        and _OFFICE.search(reading.text)
        and not _SECOND_OFFICE.search(claim)
        and not _CHAIR.search(sentence)
    ):
        return False
    for m in _SECOND_OFFICE.finditer(sentence):
        office = (m.group("office") or m.group("ja") or "").lower()
        named = office[:4] in claim or (office[:4] in _LEADING_OFFICES and bool(_LEADS.search(claim)))
        if named and m.group(0).split()[0].lower()[:4] not in claim:
            return False
    return True


# A claim that a body is headed or led by someone speaks of the office leading it (its chair, head, chief).
_LEADS = re.compile(r"\b(?:head(?:s|ed)?|chair(?:s|ed)?|led|leads?|chief|leader)\b|長を務め|が率い", re.I)
_LEADING_OFFICES = frozenset({"chai", "head", "chie", "pres", "dire", "lead"})


# An office one person holds, by its title ("the Prime Minister", "the Minister of Science and ICT", "the
# Chief Cabinet Secretary", "the President").
_OFFICE = re.compile(
    r"\b(?:[A-Z][\w-]*\s+){0,3}(?:Minister|Secretary|President|Chancellor|Governor)\b"
    r"(?:\s+(?:of|for)\s+(?:the\s+)?[A-Z][\w-]*(?:\s+(?:and\s+)?[A-Z][\w-]*){0,3})?"
)
_CHAIR = re.compile(r"(?<!deputy )(?<!vice )(?<!vice-)\b(?:chair(?:s|ed|person|man|woman)?|head(?:s|ed)?)\b", re.I)


def leader_differs(reading: ClaimReading, sentence: str) -> tuple[str, str] | None:
    """(claimed, stated): the claim says one office leads a body ("… is chaired by the Minister of Science and
    ICT", "puts the Digital Minister in charge of …") and the sentence makes another office its chair ("The
    President shall be the chairperson of the Council"), never naming the claimed one. A deputy's or vice chair's
    office is not the chair's (`same_office`)."""
    if (not _LEADS.search(reading.text) and "in charge" not in reading.text.lower()) or _SECOND_OFFICE.search(
        reading.text
    ):
        return None  # (a claim about a deputy: `same_office`)
    claimed = [o.group() for o in _OFFICE.finditer(reading.text)]
    stated = [o.group() for o in _OFFICE.finditer(sentence) if not _words_in(o.group(), reading.text)]
    if not claimed or not stated or any(_words_in(c, sentence) for c in claimed):
        return None
    # the body led, by its head noun ("… Strategy Council"), which the sentence's chair is of ("chair of the Council")
    led = [b.split()[-1] for b in bodies(reading.text) if not _OFFICE.fullmatch(b)]
    of = [set(tokenize(sentence[m.end() : m.end() + 80])) for m in _CHAIR.finditer(sentence)]
    return (claimed[0], stated[0]) if led and any(set(tokenize(led[0])) <= words for words in of) else None


def _words_in(office: str, text: str) -> bool:
    """The text names the office by its own words ("Science and ICT"), not only by its title ("Minister")."""
    words = set(tokenize(office)) - set(tokenize("minister secretary president chancellor governor the of for and"))
    return (bool(words) and words <= set(tokenize(text))) or (not words and office.lower() in text.lower())


def as_restricted(reading: ClaimReading, sentence: str) -> bool:
    """A claim that a rule holds "only" in some case (「…ときだけ」, "solely", 「に限る」) says the rule holds in no
    other: a sentence stating the rule without a limit of its own does not state that, however many of the
    claim's words it shares. A claim that it holds "except" in some case ("… except in small firms") is stated
    only by a sentence naming that case."""
    excepted = {t for m in _CLAIMED_EXCEPTION.finditer(reading.text) for t in tokenize(m.group(1))} - FRAME_WORDS
    if excepted and not excepted & set(tokenize(sentence)):
        return False
    restrictive = [word for word, kind in reading.scope if kind == "restrictive" and word != "just"]
    if not restrictive:
        return True  # news prose's "just" ("operators must just register") is as often "merely" as "only"
    if len(_ONLY_IN_TIME.findall(reading.text)) >= len(restrictive) and _ORDER.search(sentence):
        return True  # "reducing them comes only after that" is stated by an order: "first …, and then …"
    return bool(RESTRICTIVE.search(sentence) or LIMITED.search(sentence))


# An "only" of time or order, and the words a sentence puts things in order with.
_ONLY_IN_TIME = re.compile(r"\bonly\s+(?:after|before|then|once|until)\b", re.I)
_ORDER = re.compile(r"\b(?:after|before|then|prior to|first|until|once|following|subsequently)\b", re.I)


# The case a claim excepts from its rule, up to the end of its clause.
_CLAIMED_EXCEPTION = re.compile(
    r"\b(?:with the exception of|except(?: for| where| when| in| if)?|unless|other than|excluding|save for|apart from)"
    r"\b([^.;,]*)",
    re.I,
)


# What limits a rule besides "only": "limited to", "exclusive(ly)", "sole", 「…に限り」, 「…の場合を除き」.
LIMITED = re.compile(
    r"\b(?:limited to|restricted to|exclusive(?:ly)?|sole|except|unless)\b|に限|を除き|除く|場合を除", re.I
)


def states_figures(reading: ClaimReading, sentence: str, *, maybe: bool = False) -> bool:
    """The sentence states each figure the claim gives, alike (a date agreeing does not state "45 members"); with
    `maybe`, a period in days that months may last counts too ("60 days" for "two months")."""
    stated = figures_in(sentence)
    return all(
        any((f.compares_with(g) and agrees(f, g)) or (maybe and _may_last(f, g)) for g in stated)
        for f in reading.figures
    )


def _may_last(claimed: Figure, stated: Figure) -> bool:
    """A period in days and one in months or years that the months' lengths may make the same ("60 days", "two
    months")."""
    units = {claimed.unit, stated.unit}
    return claimed.kind == stated.kind == "period" and units == {"day", "year"} and not claimed.apart_from(stated)


def states_particulars(reading: ClaimReading, sentence: str) -> bool:
    """The sentence states each figure and date the claim gives, alike: a claim's number or date is its point,
    and a sentence sharing its other words ("Article 28 (Delegation …)" for "28 articles") does not state it.
    So is a term it quotes: "describes 'human-over-the-loop' as …" is stated by a sentence naming that term whole,
    not by one on "human-in-the-loop" (whose small word, as the library's commonest, weighs next to nothing)."""
    if not states_figures(reading, sentence) or not states_quoted_terms(reading, sentence):
        return False
    dated = dates_in(sentence)  # (a date of another event states none: "Distr.: 1 April 2024" is no adoption)
    return all(
        any(d.agrees(s) and (not d.event or not s.event or s.dates_as(d)) for s in dated)
        for d in reading.dates
        if d.event != "title"
    )


# A term a claim quotes, of four words at most: 'human-over-the-loop', "emotion recognition" ("Singapore's" aside).
_QUOTED_TERM = re.compile(r"(?<!\w)['‘\"“]([^'’\"”]{3,40})['’\"”](?!\w)")


def states_quoted_terms(reading: ClaimReading, sentence: str) -> bool:
    """The sentence names each short term the claim quotes, as written (case, hyphens and spaces aside)."""
    if cross_language(reading, sentence):
        return True  # a term quoted in another language is rendered, not written alike
    said = f" {_plain(sentence)} "
    return all(f" {_plain(t)} " in said for t in _QUOTED_TERM.findall(reading.text) if len(t.split()) <= 4)


def _plain(text: str) -> str:
    return " ".join(re.findall(r"[^\W_]+", text.lower()))


# The items a claim lists for what it counts, right after the count ("four functions: Govern, Map, Measure and
# Monitor") or right before it (「GOVERN・MAP・MEASURE・MONITORの4つ」): one to three Latin words each.
_ITEM = r"[A-Za-z][A-Za-z0-9-]*(?:\s+[A-Za-z][A-Za-z0-9-]*){0,2}"
_LIST = rf"{_ITEM}(?:\s*[,、・;]\s*(?:(?:and|or)\s+)?{_ITEM})+(?:,?\s+(?:and|or|&)\s+{_ITEM})?"
_LIST_AFTER = re.compile(rf"\s*(?:[:：(（—–]|,?\s+(?:namely|including))\s*({_LIST})")
_LIST_BEFORE = re.compile(rf"({_LIST})\s*の\s*$")
_ITEM_SEP = re.compile(r"\s*[,、・;]\s*(?:(?:and|or)\s+)?|,?\s+(?:and|or|&)\s+")


def listed_items(reading: ClaimReading) -> list[str]:
    """The items the claim lists for a count it gives, when it lists as many as it counts; else []."""
    for f in (f for f in reading.figures if f.kind == "count"):
        m = _LIST_AFTER.match(reading.text, f.end) or _LIST_BEFORE.search(reading.text[: f.start])
        items = _ITEM_SEP.split(m.group(1)) if m else []
        if len(items) == round(f.value):
            return items
    return []


def unlisted(items: list[str], sentence: str) -> list[str]:
    """The items whose head word (their last) the sentence does not use."""
    said = set(tokenize(sentence))
    return [i for i in items if not set(tokenize(i.split()[-1])) <= said]


# A claim dating the first time something happened ("first released in 2019", 「初めて公表された」).
FIRST_TIME = re.compile(r"\b(?:first|initially|originally)\b|初めて|最初", re.I)


# An edition a date is of: "(Second Edition)", "the first version", 「第2版」.
_EDITION = re.compile(
    r"\b(first|second|third|fourth|1st|2nd|3rd|4th)\s+(?:edition|version)\b|第([1-4一二三四])版", re.I
)
_ORDINAL = {"1st": "first", "2nd": "second", "3rd": "third", "4th": "fourth", "1": "first", "2": "second"}
_ORDINAL |= {"3": "third", "4": "fourth", "一": "first", "二": "second", "三": "third", "四": "fourth"}


def editions(text: str) -> set[str]:
    """The editions a text names, as ordinals ("first", "second", …)."""
    return {_ORDINAL.get(w := (m.group(1) or m.group(2)).lower(), w) for m in _EDITION.finditer(text)}


def dates_another_edition(reading: ClaimReading, sentence: str) -> bool:
    """The sentence dates an edition other than the one the claim dates ("Released … (Second Edition)" for a
    claim of when the framework was first unveiled): its date supports nothing of the claim."""
    claimed = editions(reading.text) or ({"first"} if FIRST_TIME.search(reading.text) else set())
    stated = editions(sentence)
    return bool(claimed and stated and not claimed & stated)


def later_occurrence(reading: ClaimReading, stated: DateMention, claimed: DateMention) -> bool:
    """A claim of the first time an event happened, against a date of that event after the claimed one (at the
    claim's precision): a later occurrence (a second edition's release), which does not contradict the first."""
    n = 1 if claimed.month is None else 2 if claimed.day is None else 3
    key = (stated.year, stated.month or 0, stated.day or 0), (claimed.year, claimed.month or 0, claimed.day or 0)
    return bool(FIRST_TIME.search(reading.text)) and key[0][:n] > key[1][:n]


def dates_another_text(reading: ClaimReading, sentence: str) -> bool:
    """The sentence names another text by its quoted title ('METI published "Digital Skill Standards" (December
    2022)'): its dates are that text's, not the claim's (whose names the quote does not carry)."""
    names = name_words_of(reading)
    quoted = [set(tokenize(m.group(1))) for m in _QUOTED_TITLE.finditer(sentence)]
    return any(q and len(q & names) < len(q) / 2 for q in quoted)  # (a title mostly of the claim's text's names)


_QUOTED_TITLE = re.compile(r"[\"“「『]([A-Z\u3040-\u9fff][^\"”」』]{3,100})[\"”」』]")


# A transitional provision dates a case it sets apart by an earlier date: what was placed on the market or put into
# service before it complies by a later one. A claim naming no such case is about the rule, not the case.
TRANSITIONAL = re.compile(r"\b(?:placed|put|made)\b[^.;]{0,60}?\b(?:before|prior to)\s+(?:the\s+)?\w*\s?\d", re.I)
_EARLIER_CASE = re.compile(r"\b(?:before|prior to|already|existing|legacy)\b|以前|前に|既に|すでに|既存", re.I)


def dates_a_transitional_case(claim: str, sentence: str) -> bool:
    """The sentence dates what existed before a date, and the claim names no such case."""
    return bool(TRANSITIONAL.search(sentence)) and not _EARLIER_CASE.search(claim)


EXCEPTION = re.compile(
    r"\b(?:except|other than|unless|provided that|does not apply|shall not apply|not applicable|with the exception of"
    r"|only|solely|limited to|exempt\w*|derogat\w+)\b|を除く|除き|に限る|に限り|ただし|適用しない|예외|제외",
    re.I,
)
_LETTERED = re.compile(r"\s*\((?:[a-z]{1,2}|[ivx]+)\)")  # a point of a list, not a numbered paragraph
PROHIBITION = re.compile(r"\bprohibit\w*|\bban(?:s|ned)?\b|\bforbid\w*|禁止", re.I)


def denies_stated_ban(reading: ClaimReading, sentence: str, in_prohibitions: bool, idf: dict[str, float]) -> bool:
    """A claim that a text does not ban something ("the AI Act does not prohibit emotion recognition in
    workplaces") against a sentence banning that action, in its own words or as a lettered point of a provision
    of prohibitions (`in_prohibitions`), unless the claim is about a case the sentence excepts ("… except for medical
    reasons"): the text states the ban the claim denies."""
    if not any(PROHIBITION.fullmatch(w) for w in denied_words(reading.text)):  # not "bans …, with no exceptions"
        return False
    listed = in_prohibitions and _LETTERED.match(sentence)  # "(f) the use of AI systems to infer emotions …"
    if not (listed or PROHIBITION.search(sentence)) or not states_action(reading, sentence, idf):
        return False
    m = EXCEPTION.search(sentence)
    if m is None:
        return True
    claimed = set(tokenize(reading.text)) - FRAME_WORDS - set(tokenize(sentence[: m.start()]))
    return not claimed & set(tokenize(sentence[m.end() :]))


# A law defines a term in its own words: "'provider' means …", "… is defined as …", 「…」とは、…をいう.
# Not the 「ことは」 of a nominalised verb (「苦情に対応することは、…」), which is a topic, no term defined.
_DEFINING = re.compile(r"\bmeans?\b|\b(?:is|are) defined as\b|\brefers? to\b|(?<!こ)とは|をいう|이란|라 함은", re.I)


def claims_definition(reading: ClaimReading) -> bool:
    """Whether the claim says what a text defines ("defines an AI system as …", "the definition of provider
    includes …"), in its words outside the names of the texts it names ("the guidelines on the AI system
    definition are not binding" says nothing of a definition, nor "the definition should not be applied
    mechanically" what it defines). What something means for someone ("a report on what AI means for the labor
    market") is its effect on them, no definition."""
    text = _MEANS_FOR.sub(" ", fold(reading.text))
    for named in reading.texts:
        text = text.replace(fold(named.words), " ")
    return bool(_CLAIMS_DEFINITION.search(text))


_CLAIMS_DEFINITION = re.compile(r"\bdefine[sd]?\b|\bdefinition of\b|\bmeans\b|と定義|(?<!こ)とは", re.I)
_MEANS_FOR = re.compile(r"\bwhat\b[^.;?]{0,60}?\bmeans?\b|\bmeans\s+for\b", re.I)


def defines(sentence: str, roles: Sequence[str]) -> bool:
    """Whether a sentence defines a term: it stands in a definitions provision, or is written as a definition. A
    claim that a text defines a term ("defines an AI system as any software …") is stated by such a sentence
    only, not by one using the term."""
    return any(r.startswith("definition") for r in roles) or bool(_DEFINING.search(sentence))


# "…, but not the training code", "… and not drone systems": two words a sentence sets apart from what it affirms;
# "whether or not the robot is used" sets nothing apart.
_SET_APART = re.compile(
    r"\b(?:but|and|(?<!whether )or) not (?:the |a |an |any |their |its )?([a-z][\w-]* [a-z][\w-]*)", re.I
)


def polarity_differs(claim: str, terms: Collection[str], sentence: str) -> tuple[str, str]:
    """("denies", word): the sentence denies one of the claim's `terms` that the claim affirms; ("affirms",
    word): the claim denies a word the sentence states while denying nothing; ("", "") otherwise. A negation of
    a word the claim does not use ("to promote, not hinder, …"), or one inside a condition ("unless … is not in
    the interest of"), says nothing of the claim; an exemption denies as a negation does ("exempted from fines"
    / "no fines shall be imposed")."""
    claim_denies = {t: w for w in denied_words(claim) for t in tokenize(w)}  # stem → the word as written
    sentence_denies = {t: w for w in denied_words(sentence) for t in tokenize(w)}
    in_reach = {t for w in negated_scope(claim) for t in tokenize(w)}  # the claim denies these too
    # a word the sentence also states outside its denial ("for general-purpose AI models … and not AI systems")
    twice = {t for t, n in Counter(tokenize(sentence)).items() if n > 1}
    # … unless the claim affirms the very words the sentence sets apart ("pre-trained weights …, but not the
    # training code": the training code is denied, however often "train" stands in the sentence)
    if (m := _SET_APART.search(sentence)) and f" {m.group(1).lower()}" in f" {claim.lower()}" and not claim_denies:
        return "denies", m.group(1)
    # a case left out for what it lacks denies the law's application to a claim of that case only: the law still
    # applies to the others ("… do not provide services to the public, shall not be subject to these Measures")
    other_case = set(tokenize("apply")) if excluded_by_absence(sentence) and not NEGATION.search(claim) else set()
    if hit := sorted((sentence_denies.keys() & set(terms)) - claim_denies.keys() - in_reach - twice - other_case):
        return "denies", sentence_denies[hit[0]]
    # a word the claim denies, stated by the sentence under no negation of its own or of a clause, nor after a
    # verb that keeps it from happening ("measures that prevent AI from causing any harm")
    stated = set(tokenize(sentence)) - {t for w in denied_words(sentence, anywhere=True) for t in tokenize(w)}
    stated -= averted(sentence)
    # (a ban denies what it bans: "Using … during recruitment is prohibited" states a claimed "can't use")
    denies = sentence_denies or negation_words(sentence) or duty_of(sentence)[2]
    if not denies and (hit := sorted(claim_denies.keys() & stated)):
        return "affirms", claim_denies[hit[0]]
    return "", ""
