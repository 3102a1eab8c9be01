"""Text tools every stage shares: tokens, normalisation, sentence boundaries, figures and cue words.

One place for them, so that the chunker, the retriever, the quote picker and the verifier read text the same way
where they should, and say why where they differ:

- `tokenize`: BM25 and term-overlap tokens. Latin-script text: lower-cased words without stop words, spelt the
  American way ("defence" as "defense"), reduced by the Snowball (Porter2) English stemmer so "fines"/"fine",
  "deploying"/"deployers" and "labelling"/"labels" meet. CJK text (no spaces): overlapping character bigrams,
  the standard unsupervised choice that needs no dictionary.
- `fold` (names and aliases: NFKC, lower case, single spaces) and `letters_and_digits` (the evaluation format's
  quote-matching rule: NFKC, lower case, letters and digits of any script only).
- Sentence boundaries for three different units, each with its own pattern below: where a long provision may be
  cut into chunks (`CHUNK_CUT`, conservative: clause ends and line breaks), which sentences a quote is made of
  (`sentence_spans`, which knows "Art." and "(a)." end nothing), and which sentence of a question asks
  (`QUESTION_SENTENCE_BREAK`, which needs a capital after the stop). `CLAUSE_END` marks the ends of an
  instruction-like sentence the verifier withholds. `statement_spans` joins a stem to its points, and
  `whole_sentence` a cited sentence to its clauses after a semicolon.
- `FIGURE`: numbers, dates and amounts as written ("1,000", "2.5", "2026").
- Cue words: how the texts define terms (`DEFINITION_CUES`) and words of a question's frame rather than its topic.
"""

from __future__ import annotations

import functools
import itertools
import re
import unicodedata
from typing import Any

# ---------------------------------------------------------------- tokens

_TOKEN = re.compile(r"[0-9a-z]+|[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff\uac00-\ud7af]+")
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff\uac00-\ud7af]")
_STOP_WORD_LIST = """
a an and are as at be been being by can could do does did for from had has have how i if in into is it its may
might must not of on or our shall should so such that the their them then there these they this those to under
was we were what when where which who whom why will with would you your does any all also about than other
each per
"""
STOP_WORDS = frozenset(_STOP_WORD_LIST.split())


@functools.lru_cache(maxsize=1)
def _stemmer() -> Any:
    import snowballstemmer

    return snowballstemmer.stemmer("english")


@functools.lru_cache(maxsize=65536)
def _stem(word: str) -> str:
    """Porter2 stem of the word, or of its base form where it is an irregular past ("kept", "gave": news writes
    the past, laws "shall keep", "shall give"), spelt the American way; words of three letters or fewer (and
    numbers) stay as they are."""
    word = IRREGULAR_PAST.get(word, word)
    if len(word) <= 3 or word.isdigit():
        return word
    for british, american in _BRITISH:
        word = british.sub(american, word)
    return str(_stemmer().stemWord(word))


# One word, spelt the British or the American way: "defence" / "defense", "organisation" / "organization",
# "behaviour" / "behavior", "analyse" / "analyze", "programme", "catalogue", "judgement", "centre". Both sides of a
# comparison are spelt alike, so a word that exists only one way ("advise") loses nothing.
_BRITISH = tuple(
    (re.compile(pattern), american)
    for pattern, american in (
        (r"^(def|off|lic|pret)enc(e|es|ed)$", r"\1ens\2"),
        (r"(?<=^[a-z]{3})([a-z]*)is(e|es|ed|ing|ation|ations|er|ers)$", r"\1iz\2"),
        (r"ys(e|es|ed|ing)$", r"yz\1"),
        (r"^(behavi|lab|fav|col|hon|harb|neighb|rum|endeav|vig)our", r"\1or"),
        (r"^programme(s?)$", r"program\1"),
        (r"^(catal|dial)ogue(s?)$", r"\1og\2"),
        (r"^judgement(s?)$", r"judgment\1"),
        (r"^(cent|met|lit|fib|theat)re(s?)$", r"\1er\2"),
    )
)


# The irregular past forms of verbs laws use in the present or the infinitive. Not forms that are also other
# words ("found", "left", "lay", "saw", "felt") or whose base is spelt alike ("set", "put", "cut").
IRREGULAR_PAST = {
    form: base
    for base, forms in {
        "begin": "began begun",
        "bind": "bound",
        "bring": "brought",
        "build": "built",
        "buy": "bought",
        "choose": "chose chosen",
        "draw": "drew drawn",
        "forbid": "forbade forbidden",
        "give": "gave given",
        "hold": "held",
        "keep": "kept",
        "lay": "laid",
        "lead": "led",
        "make": "made",
        "mean": "meant",
        "meet": "met",
        "pay": "paid",
        "seek": "sought",
        "sell": "sold",
        "send": "sent",
        "show": "shown",
        "spend": "spent",
        "take": "took taken",
        "tell": "told",
        "undertake": "undertook undertaken",
        "withdraw": "withdrew withdrawn",
        "write": "wrote written",
    }.items()
    for form in forms.split()
}


def tokenize(text: str) -> list[str]:
    """Tokens for BM25: stemmed words, and character bigrams for CJK runs."""
    text = unicodedata.normalize("NFKC", text).lower()
    tokens: list[str] = []
    for run in _TOKEN.findall(text):
        if _CJK.match(run):
            tokens.extend(run[i : i + 2] for i in range(len(run) - 1)) if len(run) > 1 else tokens.append(run)
        elif run not in STOP_WORDS:
            tokens.append(_stem(run))
    return tokens


def closed_compounds(text: str) -> set[str]:
    """The tokens of each two adjacent Latin words written as one ("deep fake" → the token of "deepfake", "life
    cycle" → "lifecycle"): news closes compounds a law writes open."""
    text = unicodedata.normalize("NFKC", text).lower()
    words = list(re.finditer(r"[a-z]+", text))
    return {
        _stem(a.group() + b.group())
        for a, b in itertools.pairwise(words)
        if len(a.group()) > 2 and len(b.group()) > 2 and _OPEN_GAP.fullmatch(text, a.end(), b.start())
    }


_OPEN_GAP = re.compile(r"[ \t\n-]+")  # a space or a hyphen joins a compound's words; a stop or comma does not


# ---------------------------------------------------------------- normalisation


def fold(text: str) -> str:
    """NFKC, lower case, runs of white space as one space, no middle dot between two katakana words (Japanese
    writes 「ガバナンス・フレームワーク」 and 「ガバナンスフレームワーク」 alike): how names and aliases are
    compared."""
    text = _KATAKANA_DOT.sub("", unicodedata.normalize("NFKC", text))
    return re.sub(r"\s+", " ", text.lower()).strip()


_KATAKANA_DOT = re.compile(r"(?<=[\u30a1-\u30fa\u30fc])・(?=[\u30a1-\u30fa])")


def letters_and_digits(text: str) -> str:
    """NFKC, lower case, keep only letters and digits of any script (the evaluation format's matching rule)."""
    text = unicodedata.normalize("NFKC", text).lower()
    return "".join(ch for ch in text if unicodedata.category(ch)[0] in "LN")


# ---------------------------------------------------------------- figures

FIGURE = re.compile(r"\d[\d,.]*\d|\d")  # "2026", "1,000", "2.5": a figure as written
# A calendar year as written: "2026", not "12026", nor an amount ("2000万ユーロ", "€2000", "2000 euros").
YEAR = re.compile(
    r"(?<![\d€$¥₩])(?:19|20)\d{2}(?![\d万億兆千百円元人件]|ドル|ユーロ|ウォン|\s*(?:euros?|dollars|yen|won)\b)"
)

_KANJI_DIGITS = {"〇": 0, "零": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_KANJI_UNITS = {"十": 10, "百": 100, "千": 1000}
_KANJI_NUMBER = re.compile(r"[〇零一二三四五六七八九十百千]+")
_ERAS = {"令和": 2018, "平成": 1988, "昭和": 1925}
_ERA_YEAR = re.compile(r"(令和|平成|昭和)(\d+|元)年")


def kanji_to_digits(text: str) -> str:
    """Kanji numerals as digits (「第五十六号」 → 「第56号」), era years as Western ones (「令和8年」 → 「2026年」)."""

    def number(m: re.Match[str]) -> str:
        total, current = 0, 0
        for ch in m.group(0):
            if ch in _KANJI_DIGITS:
                current = current * 10 + _KANJI_DIGITS[ch] if current else _KANJI_DIGITS[ch]
            else:
                total += (current or 1) * _KANJI_UNITS[ch]
                current = 0
        return str(total + current)

    text = _KANJI_NUMBER.sub(number, unicodedata.normalize("NFKC", text))
    return _ERA_YEAR.sub(lambda m: f"{_ERAS[m.group(1)] + (1 if m.group(2) == '元' else int(m.group(2)))}年", text)


# A law's number: "Act No. 56", "Law No. 21311", "Executive Order 14110", 「法律第56号」.
LAW_NUMBER = re.compile(
    r"\b(?:act|law|order|regulation|decree)\s+(?:no\.?\s*)?(\d{2,6})\b|((?:\d{4}年)?法律第\d+号)"
    r"|\b(?:resolution[,\s]+(?:a/res/)?|a/res/)(\d{2}/\d{1,4})\b",  # a UN resolution's session/number: "78/265"
    re.I,
)
# Negation, for polarity ("only" restricts, it does not negate). Read on text whose law numbers are blanked
# (`strip_law_numbers`): the "No." of "Act No. 53" is a number sign.
NEGATION = re.compile(r"\b(no|not|never|none|without|neither|nor|cannot)\b|ない|ません|なし", re.I)


def strip_law_numbers(text: str) -> str:
    """The text with law numbers ("Act No. 53", 「法律第56号」) blanked, for reading its words."""
    return LAW_NUMBER.sub(" ", text)


_NAME_LINKS = frozenset({"for", "of", "on", "and", "the"})


def name_words(name: str) -> list[str]:
    """The words of a proper name that a text mentioning it would carry ("Measures for Labeling" → measures,
    labeling), folded; the whole name when none is long enough."""
    return [fold(w) for w in re.split(r"[\s-]+", name) if w.lower() not in _NAME_LINKS and len(w) > 2] or [fold(name)]


def language_of(text: str) -> str:
    """'ja' or 'ko' when the text is written in that script, else 'en' (kana is Japanese; kanji without hangul too)."""
    if re.search(r"[\u3040-\u30ff]", text) or (
        re.search(r"[\u4e00-\u9fff]", text) and not re.search(r"[\uac00-\ud7af]", text)
    ):
        return "ja"
    if re.search(r"[\uac00-\ud7af]", text):
        return "ko"
    return "en"


# ---------------------------------------------------------------- sentences

# Where a long unit may be cut into chunks: after a sentence or clause end (; and : too), or at a line break.
CHUNK_CUT = re.compile(r"(?<=[.;:!?。．])\s+|\n")
# Ends of the sentence around an instruction-like phrase (the verifier withholds the whole sentence).
CLAUSE_END = re.compile(r"[.!?。！？\n]")
# A question's sentences end at . ? ! before a capital or a quote (not after "Art." or "No."), or after 。？！.
QUESTION_SENTENCE_BREAK = re.compile(r"(?<!\b[A-Z][a-z])(?<!\bNo)(?<=[.?!])['’\"”]?\s+(?=[A-Z'‘\"“])|(?<=[。？！])")

# An enumerated point opens a unit of its own: "(a)", "(iv)", "(II)", "1.", "（一）", "一　", "２", "イ　", "가.",
# NIST's "GV-1.1-001" and bullets, at a line start or after a lead-in's colon. A quote can then be the point
# that carries the answer ("(f) the placing on the market … except where …") rather than the whole list.
POINT = re.compile(
    r"\((?:[a-zA-Z]{1,4}|\d{1,3})\)\s|\d{1,3}\.\s|（[一二三四五六七八九十]+）|[一二三四五六七八九十]+\u3000"
    r"|[０-９]+|[イロハニホヘトチリヌ]\u3000|[가나다라마바사아자차카타파하]\.\s|[A-Z]{2}-\d+\.\d+-\d+|[•\uf0b2\u25cf]"
)
_QUOTE_BOUNDARY = re.compile(  # (a quotation ending a sentence ends it too: "… preventing accidents.’ It further …")
    rf"(?<=[.;!?。])\s+|(?<=[.!?][’”\"'])\s+(?=[A-Z])|(?<=。)|\n(?=(?:{POINT.pattern}))|(?<=[:：])\s+(?=(?:{POINT.pattern}))"
)
_NOT_AN_END = re.compile(  # "No.", "Art.", "e.g.", a point's "1." or "3.2.", "(a)." end no sentence
    r"(?:\b(?:No|Art|Arts|p|pp|e\.g|i\.e|etc|cf|Sec|para|Vol)|^\s*\d+(?:\.\d+)*|(?<![\d,]\s)(?<!\w\s)\b\d{1,3}(?:\.\d+)*"
    r"|\([a-z0-9]{1,4}\))\.$"
)


_LIST_JOINER = re.compile(r"(?:and|or|and/or)[.;,]?|(?:及び|並びに|又は|若しくは)", re.I)


def sentence_spans(text: str, min_chars: int = 40) -> list[tuple[int, int]]:
    """Sentence spans of a passage. Line breaks do not end sentences (a heading joins the sentence
    after it); "1.", "No." or "(a)." do not either; fragments shorter than `min_chars` join the next, and the
    "and" / "or" a point of a list ends with ("…; and"), cut off at a passage's end, the sentence before it."""
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _QUOTE_BOUNDARY.finditer(text):
        before = text[start : m.start()]
        next_point = "\n" in m.group() and POINT.match(text, m.end())  # "… by 2030.\n3. …": a new point all the same
        if (_NOT_AN_END.search(before) and not next_point) or before.count("（") > before.count("）"):
            continue  # "No." or "(a)." ends no sentence; nor does "。" inside brackets
        spans.append((start, m.start()))
        start = m.end()
    spans.append((start, len(text)))
    merged: list[tuple[int, int]] = []
    for s, e in spans:
        if merged and merged[-1][1] - merged[-1][0] < min_chars:
            merged[-1] = (merged[-1][0], e)
        else:
            merged.append((s, e))
    if len(merged) > 1 and _LIST_JOINER.fullmatch(text[slice(*merged[-1])].strip()):  # "…; and" ending a passage
        merged[-2:] = [(merged[-2][0], merged[-1][1])]
    return trim_spans(text, merged)


def trim_spans(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The spans without the white space at their ends; empty ones dropped."""
    out = []
    for s, e in spans:
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            out.append((s, e))
    return out


# ---------------------------------------------------------------- cue words

# How the texts define a term: statutes' verbs ("'provider' means …"), guidance's gloss ("X describes …") and
# the Japanese topic marker of a definition (「Xとは、…をいう」).
STATUTE_DEFINITION_VERBS = ("means", "refers to", "is defined as", "shall mean")
DEFINITION_CUES = (*STATUTE_DEFINITION_VERBS, "describes", "とは")
# A sentence that defines, as the quote picker prefers it when the question asks what a term means.
DEFINING_SENTENCE = re.compile(rf"\b(?:{'|'.join(STATUTE_DEFINITION_VERBS)})\b|とは", re.I)


def statement_spans(text: str) -> list[tuple[int, int, int]]:
    """The sentences of a passage as (start, end, statement end): a sentence ending in a colon states the points
    that follow it ("(a) …", "1. …") together with it, as a law's stem and its points are one rule."""
    spans = sentence_spans(text)
    out = []
    for i, (s, e) in enumerate(spans):
        stop = e
        if text[s:e].rstrip().endswith((":", "：")):
            for s2, e2 in spans[i + 1 :]:
                if not POINT.match(text, s2) or _numbered_alike(text[s:e], text[s2:e2]):
                    break  # (a paragraph numbered as the stem is, "(1) … persons: 1. … (2) …", is its sibling)
                stop = e2
        out.append((s, e, stop))
    return out


_NUMBERED = re.compile(r"(?:^|\s)(\(\d{1,3}\)|\d{1,3}\.)\s")


def _numbered_alike(stem: str, point: str) -> bool:
    """Both open with a number marked the same way ("(1)" and "(2)", "1." and "2."; the stem after its heading)."""
    a, b = _NUMBERED.search(stem[:60]), _NUMBERED.match(point)
    return bool(a and b and a.group(1)[0] == b.group(1)[0])


def whole_sentence(text: str, start: int, end: int) -> int:
    """Where the sentence at [start, end) ends once its clauses after a semicolon are joined back ("… shall enter
    into force 1 year after …; provided, the part … on January 24, 2026."), points of a list aside: what a
    deciding sentence is cited as."""
    spans = [(s, e) for s, e in sentence_spans(text) if s >= end]
    while text[start:end].rstrip().endswith(";") and spans and not POINT.match(text, spans[0][0]):
        end = spans.pop(0)[1]
    return end
