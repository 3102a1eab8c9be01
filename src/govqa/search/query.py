"""Reading a question: the checks and the parts of it that retrieval and answering act on (pure)."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

from govqa.errors import QuestionError
from govqa.text import DEFINITION_CUES

MAX_QUESTION_CHARS = 4000
# A question asking what a term means.
ASKS_DEFINITION = re.compile(
    r"\b(define[sd]?|definition|meaning|what (?:is|are) meant by|describe[sd]?|explain(?:s|ed)?)\b"
    # "What is 'high-impact AI'?", "What counts as a “consequential decision”?": a quoted term asked about
    r"|\bwhat (?:is|are|counts as) (?:an? |the )?[‘'\"“][^’'\"”]{2,60}[’'\"”]"
    r"|定義|(?<!こ)とは|説明",
    re.I,
)
# Quoted terms: Latin quotes need word boundaries around them (apostrophes); CJK brackets do not.
_QUOTED = re.compile(r"(?:^|(?<=[\s(]))[‘'\"“]([^’'\"”]{2,60})[’'\"”](?=[\s.,;:!?)]|$)|[「『]([^」』]{2,60})[」』]")


def check_question(question: str) -> str:
    """The question with white space folded and unprintable characters removed; QuestionError if empty or huge."""
    text = " ".join((question or "").split())
    text = "".join(ch for ch in text if ch.isprintable())
    if not text:
        raise QuestionError("The question is empty; type a question about the corpus.")
    if len(text) > MAX_QUESTION_CHARS:
        raise QuestionError(
            f"The question is {len(text)} characters long; shorten it to {MAX_QUESTION_CHARS} or fewer."
        )
    return text


def quoted_terms(question: str) -> list[str]:
    """Terms the question quotes; a quoted "用語（Term）" also yields each of its two names."""
    terms: list[str] = []
    for latin, cjk in _QUOTED.findall(question):
        quoted = unicodedata.normalize("NFKC", latin or cjk).strip()
        terms.append(quoted)
        if m := re.fullmatch(r"(.+?)\s*\((.+)\)", quoted):
            terms.extend(t.strip() for t in m.groups())
    return [t.lower() for t in dict.fromkeys(terms) if t]


# The term of an unquoted definition question: "define X", "definition of X", "meaning of X", "what does X
# mean", "what is (a|an) X under …", up to the words that name the text ("under the Act", "in the APPI").
_TERM_END = r"(?=\s+(?:under|in|according|within|per|for|by|of the|as used)\b|\s*[?(,;:.]|\s+mean\b|$)"
_ARTICLE = r"\s+(?:the (?:term|word|notion|concept)\s+|an?\s+|the\s+)?"
_TERM = r"(?P<term>[^\s?(,;:'\"‘“].{1,50}?)"
_ASKED_TERM = (
    re.compile(
        rf"\b(?:define[sd]?|definition of|meaning of|what (?:is|are)(?: meant by| the (?:definition|meaning) of)?)"
        rf"{_ARTICLE}{_TERM}{_TERM_END}",
        re.I,
    ),
    re.compile(rf"\bwhat (?:does|do){_ARTICLE}{_TERM}\s+mean\b", re.I),
)
_CJK_TERM = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]{2,20}")
_CJK_ASKED = re.compile(
    r"([\u3040-\u30ff\u3400-\u9fff\uac00-\ud7afA-Za-z]{2,30}?)(?:(?<!こ)とは|の定義|の意味|(?:이)?란|의 정의)"
)
# What may stand between the name of a text and the term a Japanese question asks about (「AI推進法での…」,
# 「個人情報保護法で…」: a particle right after a name ending in 法, 令, 則, 針 or ガイドライン).
_CJK_FRAME = re.compile(r"における|において|での|上の|では|の中の|、|(?<=[法令則針ン])[での]")


# Abbreviations the texts spell out, and their long forms: a term is looked for in both ("high-impact AI" is
# defined as "high-impact artificial intelligence").
ABBREVIATIONS = {
    "ai": "artificial intelligence",
    "gpai": "general-purpose ai",
    "genai": "generative ai",
    "llm": "large language model",
    "ml": "machine learning",
}


def term_variants(term: str) -> list[str]:
    """The term, then the same term with each abbreviation spelt out or each long form abbreviated."""
    variants = [term]
    for short, long in ABBREVIATIONS.items():
        spelt = re.sub(rf"(?<![\w-]){re.escape(short)}(?!\w)", long, term)
        shortened = re.sub(rf"(?<![\w-]){re.escape(long)}(?!\w)", short, term)
        variants += [v for v in (spelt, shortened) if v != term]
    return list(dict.fromkeys(variants))


def asked_terms(question: str) -> list[str]:
    """The terms a definition question asks about: the quoted ones, else the phrase after "define", "meaning
    of", "what is a …" (or before 「とは」), and the CJK words an English question names."""
    quoted = quoted_terms(question)
    if quoted:
        return list(dict.fromkeys(v for t in quoted for v in term_variants(t)))
    terms = [m.group("term").strip() for rx in _ASKED_TERM for m in rx.finditer(question)]
    terms += [_CJK_FRAME.split(t)[-1] for t in _CJK_ASKED.findall(question)]
    if not _CJK_TERM.fullmatch(question) and re.search(r"[A-Za-z]{3}", question):
        terms += _CJK_TERM.findall(question)  # "How does the APPI define 個人関連情報?"
    frame = {"it", "this", "that", "they", "the act", "the law"}
    found = [t.lower() for t in dict.fromkeys(terms) if t and t.lower() not in frame and len(t) <= 50]
    return list(dict.fromkeys(v for t in found for v in term_variants(t)))


def definition_patterns(terms: Sequence[str]) -> list[re.Pattern[str]]:
    """Patterns for a passage that defines or glosses a term: "‘X’ means", "X refers to", "X is
    defined as", "X describes", "Xとは", or a list entry at a line start ("8. X: …")."""
    verbs = rf"\s*(?:{'|'.join(DEFINITION_CUES)})"
    patterns = []
    for term in terms:
        t = re.escape(term)
        # quoted, the quote opens right before the term; unquoted, no Latin word but "term" or an article stands
        # before it: "‘downstream provider’ means" defines another term than "provider"
        unquoted = rf"(?:(?<=\bterm )|(?<=\bthe )|(?<=\ban )|(?<=\ba )|(?<![A-Za-z0-9‘'\"“-])(?<![A-Za-z0-9-] )){t}"
        patterns.append(re.compile(rf"(?:[‘'\"“「]{t}[’'\"”」]|{unquoted}[’'\"”」]?){verbs}", re.I))
        patterns.append(re.compile(rf"(?:^|\n)(?:\d+\.\s*)?[‘'\"“「]?{t}[’'\"”」]?\s*:", re.I))
    return patterns
