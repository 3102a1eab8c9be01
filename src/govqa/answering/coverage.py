"""How much of a claim a sentence states: the claim's weighted terms and their coverage (pure, but for the
read-only dictionary that glosses a Japanese claim's words for an English sentence: search/glosses.py).

`claim_weights` gives the claim's terms with their idf weights (frame words, the named text's own name and, in
Japanese, hiragana grammar left out); `term_coverage` the share of that weight a sentence states;
`figure_topic` what a claimed figure or date is about (the words of its clause) and `about_same` whether a sentence
speaks of it. comparisons.py, provisos.py and evidence.py read claims through these.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from types import MappingProxyType

from govqa.answering.quotes import FRAME_WORDS
from govqa.search.acronyms import spelled_out
from govqa.search.claim_figures import EVENTS, DateMention, Figure
from govqa.search.claim_reading import ClaimReading
from govqa.search.glosses import glossary, renders_head, stated_share
from govqa.search.plain_words import alternatives, states_phrase
from govqa.text import closed_compounds, tokenize

HIRAGANA = re.compile(r"[\u3041-\u309f]")
# The fewest English terms a claim in another script must give for an English sentence to be compared on them
# alone (fewer say too little: a name, "AI").
CROSS_TERMS = 3
# How much of the claim's weight a sentence must state: for support by sharing words, and for a denial, an
# exception or a limit in it to decide (chosen on the odd half, confirmed on the even).
STATES_MOST = 0.5
POLARITY_COVER = 0.5


# A claim's verb of force over an action ("bans …", "obliges X to …", "allows X to …") is what the modality check
# compares: laws write it otherwise ("shall be prohibited", "is to", "may"), and as a rare word it would outweigh
# the action itself. A word of status ("voluntary", "mandatory") is what such a claim says, and stays.
_MODAL_VERB = re.compile(
    r"(?:bans?|prohibits?|forbids?|outlaws?|requires?|obliges?|mandates?|allows?|permits?|lets|encourages?|recommends?"
    r"|urges?)",
    re.I,
)


# "asks developers to deploy …", "called on companies to …": a request as news reports a code's or a resolution's,
# whose strength it leaves open (the code's "commit to", the guideline's "should"). Not compared as force, and no
# term of the claim either.
_REQUEST = re.compile(r"\b(?:ask(?:s|ed)?|calls? (?:up)?on|called (?:up)?on)(?=\s+(?:[\w-]+\s+){1,5}?to\s)", re.I)


# The same in Japanese: 禁止 (banned), 義務 (a duty), 禁じ (forbids) say the force laws write as
# てはならない, なければならない.
_MODAL_KANJI = re.compile(r"禁止|禁じ|義務")


_PROPER = re.compile(r"\b[A-Z][a-z]+")  # a capitalised word (a sentence's first word too: it must name the text)


# Words no provision is written in: contractions, personal pronouns, focus and degree adverbs, the particles of
# phrasal verbs ("tore up", "rolling out") and "said" (a resolution's "Stresses", "Notes" are its own words).
# Laws never use them, so the library's idf weighs them as the rarest terms; a claim's own prose is no part of
# what it says the text states.
PROSE_WORDS = frozenset(
    tokenize(
        "don doesn didn isn aren wasn weren won wouldn shouldn couldn hasn haven hadn ll ve re "
        "he him his she her hers my mine yours theirs own someone somebody everyone everybody anyone anybody else "
        "just too even really very already still yet also up down off out over "
        "said"
    )
)


# Words of scope and negation the tokenizer keeps, though they say what its stop words say ("every" is "all",
# "each", "any"; "never" is "not"): the scope and polarity checks compare them. As terms, rare in laws, they would
# weigh as much as what the claim is about.
STOP_ALIKE = frozenset(tokenize("every never"))


class Weights(dict[str, float]):
    """A claim's terms and their weights. A Japanese or Korean claim also keeps its content words (`runs`: each
    word with its weight against an English sentence), which such a sentence states through their glosses."""

    runs: tuple[tuple[str, float], ...] = ()
    # An English claim's terms standing in a phrase of search/plain_words.py: the other phrases of its group
    plain: Mapping[str, frozenset[tuple[str, ...]]] = MappingProxyType({})


def claim_weights(reading: ClaimReading, idf: dict[str, float]) -> Weights:
    """The claim's terms and their idf weights, less frame words, the words naming the text it is about and the
    verb of force over its action. A word for the text's own country that no text uses ("Korean market") is no
    term either: the law calls its country "the country" or "domestic", and as a word no text uses it would
    weigh as the rarest. Nor is a word of the named text's titles and aliases that no text uses ("Trump" of "Trump
    AI order"): it says which text, as the text's name does, and no sentence of the text states it."""
    named = {t for n in reading.texts for t in (*tokenize(n.words), *(p for p in n.places if p not in idf))}
    # a proper name of the named text's titles and aliases that no text uses (its maker: "Trump's … order") names it
    proper = {t for w in _PROPER.findall(reading.text) for t in tokenize(w) if t not in idf}
    named |= {t for n in reading.texts for t in n.name_words & proper}
    if reading.action and (
        _MODAL_VERB.fullmatch(reading.modal_words.strip()) or _MODAL_KANJI.search(reading.modal_words)
    ):
        named |= set(tokenize(reading.modal_words))  # compared as the claim's force, not as one of its words
    named |= {t for m in _REQUEST.finditer(reading.text) for t in tokenize(m.group())}
    terms = set(tokenize(reading.text)) - FRAME_WORDS - PROSE_WORDS - STOP_ALIKE - named
    # Written Japanese carries its content in kanji and katakana and its grammar in hiragana: a character pair
    # with hiragana in it ("では", "るだ") is a particle or an ending, rare in an English-heavy library and so
    # heavily weighted, but no part of what the claim says.
    rarest = max(idf.values(), default=1.0)  # a word the library never uses is as rare as any
    weights = {t: idf.get(t, 1.0) for t in terms if len(t) > 1 and not HIRAGANA.search(t)}  # not the "s" of "Japan's"
    if reading.language not in ("ja", "ko"):
        # an English word no text uses ("sue") is a word no sentence states, unless in plain words for the law's
        # own ("sue": "a private right of action"); a number is compared as a figure
        out = Weights({t: w if t in idf or t.isdigit() else rarest for t, w in weights.items()})
        out.plain = {t: ps for t, ps in alternatives(tokenize(reading.text)).items() if t in out}
        return out
    # a year or a number is compared as a date or figure (comparisons.py), not as a word a sentence shares
    across = {t: idf.get(t, rarest) for t in terms}
    return per_word(reading.text, {t: w for t, w in weights.items() if not t.isdigit()}, across)


# A run of kanji, katakana or hangul between particles is one content word (人工知能戦略本部, 民間企業).
_WORD_RUN = re.compile(r"[\u30a0-\u30ff\u3400-\u9fff\uac00-\ud7af々ー]{2,}")


def per_word(text: str, weights: dict[str, float], across: dict[str, float]) -> Weights:
    """Each content word of a Japanese or Korean claim weighs what its rarest character pair weighs, shared
    among its pairs: a long compound name (人工知能戦略本部: seven pairs) is one word of the
    claim, not seven, and a sentence repeating it states no more of the claim than one naming its other words.
    Against an English sentence each word weighs its rarest pair by `across`, where a pair the library never
    uses is as rare as any: the library's Japanese is a few texts, and 万引 (shoplifting) is no common word."""
    out = Weights()
    runs = []
    for run in _WORD_RUN.findall(text):
        pairs = [t for t in tokenize(run) if t in weights]
        word = max((weights[t] for t in pairs), default=0.0)  # as rare as its rarest pair
        for t in pairs:
            out[t] = out.get(t, 0.0) + word / len(pairs)
        if pairs:
            runs.append((run, max(across.get(t, word) for t in pairs)))
    out.update({t: w for t, w in weights.items() if t not in out})  # Latin terms ("AI") count as written
    out.runs = tuple(runs)
    return out


def term_coverage(weights: dict[str, float], sentence: str, *, shared: bool = False) -> float:
    """The share of the claim's idf weight whose terms the sentence states; with `shared`, 0 for an English
    sentence sharing none of an English claim's terms as written (near-synonyms alone, "generative" / "occurs",
    state nothing of it)."""
    if not weights:
        return 0.0
    tokens = tokenize(sentence)
    present = set(tokens)
    english = {t: w for t, w in weights.items() if t.isascii() and not t.isdigit()}  # a year is no English term
    if len(english) >= CROSS_TERMS and not all(t.isascii() for t in weights) and in_latin(sentence):
        weights = english  # a Japanese claim giving English terms ("多様性(Diversity)"): only they can be compared
    elif isinstance(weights, Weights) and (runs := weights.runs) and in_latin(sentence):
        # a Japanese claim against an English sentence: each content word is stated through its glosses
        # (search/glosses.py); its English words ("AI") as written
        stated = _glossed(runs, present) + sum(w for t, w in english.items() if t in present)
        return stated / (sum(w for _, w in runs) + sum(english.values()))
    if not all(t.isascii() for t in weights):
        return sum(w for t, w in weights.items() if t in present) / sum(weights.values())
    if any(t not in present for t in weights):
        present |= closed_compounds(sentence)  # "deepfakes" is stated by "deep fake"
    # an English claim in other words than the law's: a term the sentence renders by a near-synonym
    # ("tell" / "inform", "fix" / "correct"; search/glosses.py) counts for part of its weight
    if shared and not present & weights.keys():
        return 0.0
    synonyms = glossary().synonyms()
    plain = weights.plain if isinstance(weights, Weights) else {}
    stated = sum(
        w
        if t in present
        else max(
            SYNONYM_CREDIT * bool(synonyms.get(t, _NONE) & present),
            PLAIN_CREDIT * states_phrase(plain.get(t, _NO_PHRASES), tokens),
        )
        * w
        for t, w in weights.items()
    )
    return stated / sum(weights.values())


SYNONYM_CREDIT = 0.5  # a near-synonym states half a term (chosen on the odd half of the pooled claim sets)
# the law's own words for a claim's plain ones ("without delay" for "straight away"; search/plain_words.py)
PLAIN_CREDIT = 1.0
_NONE: frozenset[str] = frozenset()
_NO_PHRASES: frozenset[tuple[str, ...]] = frozenset()


def _glossed(runs: Sequence[tuple[str, float]], present: set[str]) -> float:
    """The weight of a Japanese claim's content words that an English sentence (its stems) renders."""
    return sum(w * stated_share(glossary().renderings(run), present) for run, w in runs)


def in_latin(sentence: str) -> bool:
    """Whether the sentence is written mostly in Latin letters."""
    return sum(ch.isascii() and ch.isalpha() for ch in sentence) > len(sentence) / 2


# A sentence must state this much of what a claim's clause says around a figure, or of the claim's action, for
# a comparison to be about the same thing (chosen on the odd half; the counter-example tests hold it).
SAME_TOPIC = 0.34


# A clause ends at a stop, a semicolon, a comma or "and"; not at the point or comma inside a number ("7.5 million",
# "7,500,000"), which would cut a figure from its own clause.
_CLAUSE_END = re.compile(r"[.,](?!\d)|[;、。]|\band\b")


def clause_words(text: str, span: tuple[int, int]) -> set[str]:
    """The content words of the clause around a span (what a figure or date is about)."""
    lo = max((m.end() for m in _CLAUSE_END.finditer(text[: span[0]])), default=0)
    hi_match = _CLAUSE_END.search(text[span[1] :])
    hi = span[1] + hi_match.start() if hi_match else len(text)
    return _content_words(text[lo : span[0]] + " " + text[span[1] : hi])  # (not the "s" of "'s": one letter)


def _content_words(text: str) -> set[str]:
    return {w for w in tokenize(text) if len(w) > 1 and not w.isdigit() and w not in FRAME_WORDS}


def about_same(
    context: set[str], sentence: str, across: bool, idf: dict[str, float] | None = None, claim: str = ""
) -> bool:
    """Whether the sentence states `SAME_TOPIC` of the context's words, weighted by idf when given ("widespread
    infringement" says more of what a figure is about than "within"). A name the sentence writes as the acronym
    of the `claim`'s words for it, or the reverse, states those words (search/acronyms.py)."""
    if across or not context:
        return True  # words cannot be compared across languages: the ranking chose the sentence
    return term_coverage({t: (idf or {}).get(t, 1.0) for t in context}, spelled_out(sentence, claim)) >= SAME_TOPIC


def cross_language(reading: ClaimReading, sentence: str) -> bool:
    """Whether claim and sentence are in different languages (their words cannot be compared)."""
    return (reading.language == "en") != in_latin(sentence)


def counts_across(claimed: Figure, stated: Figure, reading: ClaimReading, sentence: str) -> bool:
    """A Japanese claim's count of a noun and an English sentence's count of the noun it glosses to
    (「4つの機能」, "four specific functions"): counts of one thing."""
    if not (claimed.kind == stated.kind == "count") or not cross_language(reading, sentence):
        return False
    return renders_head(glossary(), claimed.unit, stated.unit)


_PRESENTS = frozenset(
    tokenize(
        "lay lays out set sets list lists include includes contain contains has have name names"
        " identify identifies comprise comprises outline outlines propose proposes establish"
        " rests based built grounds consists catalogues describes specifies"  # "rests on two components"
        " organised organized structured composed divided grouped arranged around"  # "organised around nine …"
        " allow allows allowed permit permits permitted many"  # "allowed it to have as many as 60 members"
    )
)


# A penalty's own words, and news's words for any penalty of a law: what it is of ("turnover"), the verbs it is
# given with ("face", "cost", "reach"), how high ("top", "maximum"), who offends and how, in no law's words
# ("firms that break the rules"). None tells one offence's penalty from another's.
_SANCTION = frozenset(tokenize("fine fines fined penalty penalties sanction sanctions"))
_SANCTION_VERBS = frozenset(
    tokenize(
        "turnover worldwide global annual total up face faces cost costs impose imposes imposed reach reaches"
        " administrative amount whichever higher set sets lead leads top highest biggest maximum max cap caps capped"
        " firm firms company companies break breaks breaking breach breaches breaching violate violates violating"
        " violation violations flout rule rules hit hits slap slaps levy levies look looking bigger greater"
        " regulator regulators authority authorities watchdog watchdogs"  # who fines, not for what
    )
)


# News's penalty as the consequence of an offence named first: "Break the rules on X and you're looking at …".
_THEN_YOU = re.compile(r"(?P<offence>[^,.;:]+?),?\s+and\s+you(?:['’](?:re|ll))?\b", re.I)


def name_words_of(reading: ClaimReading) -> set[str]:
    """The words naming the texts the claim is about (their names as written and their titles and aliases): a
    text never names itself, so these state nothing of the claim."""
    return {t for n in reading.texts for t in (*tokenize(n.words), *n.name_words, *n.places)}


def figure_topic(reading: ClaimReading, figure: Figure | DateMention) -> set[str]:
    """What a claimed figure or date is about: the words of its clause, less the names of the text the claim is about (a
    law does not name itself, as in `claim_weights`) and the words of the claim's other figures and dates."""
    named = name_words_of(reading)
    text = reading.text
    spans = [(f.start, f.end) for f in reading.figures] + [(d.start, d.end) for d in reading.dates]
    for start, end in spans:  # "7.5 million euros or 1% of turnover": 1% is not of euros
        text = text[:start] + " " * (end - start) + text[end:]
    if isinstance(figure, Figure) and figure.kind == "count":
        named |= _PRESENTS  # "lays out nine dimensions": a count is of its noun; the verb presenting it says nothing
        text = text[: text.find(":", figure.end)] if ":" in text[figure.end :] else text  # nor the items listed
    words = clause_words(text, (figure.start, figure.end)) - named - PROSE_WORDS
    if isinstance(figure, DateMention) and not words - event_words(text):
        # a date in a clause of its own ("…, its second deliverable, on 26 June 2019"): it dates what the sentence
        # before it says was done
        sentence_start = max((m.end() for m in re.finditer(r"[.;:!?](?:\s|$)", text[: figure.start])), default=0)
        words = _content_words(text[sentence_start : figure.start]) - named - PROSE_WORDS
    if isinstance(figure, Figure) and figure.kind in ("amount", "percent") and words & _SANCTION:
        if then := list(_THEN_YOU.finditer(text, 0, figure.start)):  # "Break the rules on X and you face fines …"
            words |= set(tokenize(then[-1].group("offence"))) - named - FRAME_WORDS - PROSE_WORDS
        # every tier of a law's penalties is "fines of up to … of worldwide turnover": what tells them apart is
        # the offence each is for
        return (words - _SANCTION - _SANCTION_VERBS) or (words & _SANCTION)  # "caps fines at …": any fine
    return words


def event_words(text: str) -> set[str]:
    """The words of a text naming an event a date can date ("apply", "enters into force", 施行)."""
    return {t for rx in EVENTS.values() for m in rx.finditer(text) for t in tokenize(m.group())}


def states_heaviest(weights: dict[str, float], sentence: str) -> bool:
    """A Japanese or Korean claim's heaviest content word (`Weights.runs`: its rarest, what most sets the claim
    apart, 「学習用データ」) has half its character pairs in a sentence in the same script. A claim whose heaviest
    word the sentence does not state may be one the texts do not address at all, however many of its common words
    (「個人データ」, 「届け出」) they share. Against an English sentence every word the library's idf lacks weighs the
    same, and none is heaviest."""
    runs = getattr(weights, "runs", ())
    if not runs or in_latin(sentence):
        return True
    heaviest = max(w for _, w in runs)
    present = set(tokenize(sentence))

    def stated(run: str) -> bool:
        pairs = [t for t in tokenize(run) if t in weights]
        return not pairs or sum(t in present for t in pairs) >= len(pairs) / 2

    return any(stated(run) for run, w in runs if w == heaviest)  # (of words as rare, one)


def undated_weights(reading: ClaimReading, idf: dict[str, float]) -> Weights:
    """An English claim's terms less the words of its dates: a sentence giving the claimed date states those,
    whatever it dates ("the infrastructure … should be operational before 2 August 2026" against "the ban on
    prohibited practices applies from 2 August 2026"); the rest of the claim says what is dated."""
    weights = claim_weights(reading, idf)
    if weights.runs:
        return weights
    dated = {t for d in reading.dates for t in tokenize(d.text)}
    rest = Weights({t: w for t, w in weights.items() if t not in dated})
    rest.plain = weights.plain
    return rest
