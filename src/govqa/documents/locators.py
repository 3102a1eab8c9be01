"""Provision references: parse "Art. 5(1)(f)", "第三条第二項", "제35조제1항", "Annex III",
"Recital 27", "GOVERN 1.2", "Section 1.2.4", "6-1-1703(1)", "paragraph (52)", "Measure 1.1" from questions, and
read chunk locators into the same canonical form so a reference can be looked up.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

_KANJI = {"〇": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_KANJI_UNITS = {"十": 10, "百": 100, "千": 1000}
_ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}


def kanji_to_int(text: str) -> int | None:
    """二十四 → 24, 百五 → 105, 24 → 24; None when not a number."""
    text = unicodedata.normalize("NFKC", text)
    if text.isdecimal():  # not isdigit(): "፩" or "²" pass isdigit() yet int() refuses them
        return int(text)
    total, digit = 0, None
    for ch in text:
        if ch in _KANJI:
            digit = _KANJI[ch]
        elif ch in _KANJI_UNITS:
            total += (digit if digit is not None else 1) * _KANJI_UNITS[ch]
            digit = None
        else:
            return None
    return total + (digit or 0)


def roman_to_int(text: str) -> int | None:
    up = text.upper()
    if not up or any(c not in _ROMAN for c in up):
        return None
    total = 0
    for i, c in enumerate(up):
        v = _ROMAN[c]
        total += -v if i + 1 < len(up) and _ROMAN[up[i + 1]] > v else v
    return total


@dataclass(frozen=True)
class Ref:
    """A canonical provision reference: kind ("article", "recital", "annex", "section", "principle",
    "action", "govern"/"map"/"measure"/"manage", "paragraph", "commitment"), main number, and first-level
    sub-divisions."""

    kind: str
    main: str
    subs: tuple[str, ...] = ()

    def matches(self, other: Ref) -> bool:
        """True when `other` (a chunk's locator) holds the provision this reference names."""
        if self.kind != other.kind or self.main != other.main:
            return False
        return not self.subs or not other.subs or self.subs[0] in other.subs


_PARENS = re.compile(r"\((\w+)\)")
_QUESTION_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("article", re.compile(r"\b(?:article|art\.?)\s*(\d+(?:-\d+)?)((?:\s?\(\w{1,4}\))*)", re.I)),
    ("recital", re.compile(r"\brecitals?\s*(\d+)", re.I)),
    ("annex", re.compile(r"\bannex\s+([IVXLC]+)\b(?:,?\s*(?:point|section)\s*(\d+))?", re.I)),
    ("core", re.compile(r"\b(GOVERN|MAP|MEASURE|MANAGE)\s+(\d+(?:\.\d+)?)\b")),
    ("section", re.compile(r"(?:\bsection|\bsec\.|§)\s*(\d+(?:\.\d+)*)", re.I)),  # no \b before "§" (not a word char)
    ("principle", re.compile(r"\bprinciples?\s*(\d+)", re.I)),
    ("action", re.compile(r"\bactions?\s*(\d+)\b", re.I)),
    # guideline paragraphs "paragraph (52)", "para. 52" (not "Article 146, paragraph (1)": see refs_in_question)
    ("paragraph", re.compile(r"\b(?:paragraphs?\s*\((\d{1,3})\)|paras?\.\s*\(?(\d{1,3})\)?)", re.I)),
    ("commitment", re.compile(r"\bcommitments?\s+(\d{1,2})\b", re.I)),
    ("measure", re.compile(r"\bmeasures?\s+(\d{1,2}\.\d{1,2})\b", re.I)),  # the GPAI Code's "Measure 1.1"
    ("statute", re.compile(r"\b(\d+-\d+-\d{3,4})((?:\(\w{1,4}\))*)")),
    (
        "ja",
        re.compile(
            r"第([0-9０-９〇一二三四五六七八九十百千]+)条(?:の([0-9０-９一二三四五六七八九十]+))?(?:第([0-9０-９一二三四五六七八九十]+)項)?"
        ),
    ),
    ("ko", re.compile(r"제(\d+)조(?:의(\d+))?(?:\s*제(\d+)항)?")),
]


def _ref_from(kind: str, m: re.Match[str]) -> Ref | None:
    if kind == "article":
        return Ref("article", m.group(1), tuple(_PARENS.findall(m.group(2) or "")))
    if kind == "recital":
        return Ref("recital", m.group(1))
    if kind == "annex":
        n = roman_to_int(m.group(1))
        return Ref("annex", str(n), (m.group(2),) if m.group(2) else ()) if n else None
    if kind == "core":
        return Ref(m.group(1).lower(), m.group(2))
    if kind == "paragraph":
        return Ref("paragraph", m.group(1) or m.group(2))
    if kind == "statute":
        return Ref("section", m.group(1), tuple(_PARENS.findall(m.group(2) or "")))
    if kind in ("ja", "ko"):
        art = kanji_to_int(m.group(1))
        if art is None:
            return None
        branch = kanji_to_int(m.group(2)) if m.group(2) else None
        para = kanji_to_int(m.group(3)) if m.group(3) else None
        main = f"{art}-{branch}" if branch else str(art)
        return Ref("article", main, (str(para),) if para else ())
    return Ref(kind, m.group(1))


_OF_ARTICLE = re.compile(r"\b(?:article|art\.)|条|조", re.I)


def refs_in_question(question: str) -> list[Ref]:
    """Every provision reference in a question, in order of appearance, without repeats."""
    text = unicodedata.normalize("NFKC", question)
    found: list[tuple[int, Ref]] = []
    for kind, rx in _QUESTION_PATTERNS:
        for m in rx.finditer(text):
            if kind == "paragraph" and _OF_ARTICLE.search(text[max(0, m.start() - 25) : m.start()]):
                continue  # "Article 146, paragraph (1)" numbers a paragraph of that article
            ref = _ref_from(kind, m)
            if ref is not None:
                found.append((m.start(), ref))
    seen: list[Ref] = []
    for _, ref in sorted(found, key=lambda x: x[0]):
        if ref not in seen:
            seen.append(ref)
    return seen


_RANGE = re.compile(r"\((\w+)\)\s*[–-]\s*\((\w+)\)")
_JA_PARAS = re.compile(r"第([0-9〇一二三四五六七八九十百]+)項(?:[–-]第([0-9〇一二三四五六七八九十百]+)項)?")
_KO_PARAS = re.compile(r"제(\d+)항(?:[–-]제(\d+)항)?")


_POINTS = re.compile(r"point (\d+)(?:\s*[–-]\s*point (\d+))?")
_SECTION_SUBS = re.compile(r"^Section \d+(?:\.\d+)*\((\w{1,4})\)")
_MAX_RANGE = 200  # a merged chunk spans a few paragraphs; a longer "range" is a hostile locator, not a list


def _expand(first: str, last: str | None) -> tuple[str, ...]:
    if last and first.isdecimal() and last.isdecimal() and 0 <= int(last) - int(first) <= _MAX_RANGE:
        return tuple(str(i) for i in range(int(first), int(last) + 1))
    return (first,) if not last else (first, last)


def ref_of_locator(locator: str) -> Ref | None:
    """The canonical Ref of a chunk locator such as "Article 2(5)–(6)" or "第四条第一項–第二項"."""
    text = unicodedata.normalize("NFKC", locator)
    # e-Gov writes the label "附　則"; after NFKC the ideographic space is a plain one
    if "Supplementary" in text or "附則" in text.replace(" ", "") or "부칙" in text or "Addenda" in text:
        return None
    refs = refs_in_question(text)
    if not refs:
        return None
    # "Commitment 1, Measure 1.1" is the measure; elsewhere the first reference names the unit
    ref = next((r for r in refs if r.kind == "measure"), refs[0])
    if ref.kind in ("article", "section") and (m := _RANGE.search(text)):
        return Ref(ref.kind, ref.main, _expand(m.group(1), m.group(2)))
    if ref.kind == "article" and (m := _JA_PARAS.search(text)):
        first, last = kanji_to_int(m.group(1)), kanji_to_int(m.group(2)) if m.group(2) else None
        return Ref(ref.kind, ref.main, _expand(str(first), str(last) if last else None))
    if ref.kind == "article" and (m := _KO_PARAS.search(text)):
        return Ref(ref.kind, ref.main, _expand(m.group(1), m.group(2)))
    if ref.kind == "annex" and (m := _POINTS.search(text)):
        return Ref(ref.kind, ref.main, _expand(m.group(1), m.group(2)))
    if ref.kind == "section" and not ref.subs and (m := _SECTION_SUBS.search(text)):  # "Sec. 4.2(a)" of an order
        return Ref(ref.kind, ref.main, (m.group(1),))
    return ref


# A reference as an auditor writes it in a list ("Article 10(2)–(5)", "Annex III point 4", "paragraph (52)"):
# the question patterns, plus ranges of paragraphs and the numbered paragraphs of guidance and resolutions.
# Kept apart from `refs_in_question` so that retrieval reads questions exactly as before.
_SUB = re.compile(r"\((\w{1,4})\)")
_POINT_RANGE = re.compile(r"\s*[–-]\s*(?:point\s*)?(\d+)")
_CITED_RANGE = re.compile(r"\s*[–-]\s*\((\w{1,4})\)")
_PARAGRAPH = re.compile(r"\b(?:operative\s+)?(?:paragraph|para\.?)\s*\(?(\d+)\)?((?:\s?\(\w{1,4}\))*)", re.I)


def _paragraph_ref(text: str) -> tuple[int, int, Ref] | None:
    if not (m := _PARAGRAPH.search(text)):
        return None
    subs = tuple(_PARENS.findall(m.group(2) or ""))
    if len(subs) == 1 and (r := _CITED_RANGE.match(text, m.end())):
        return m.start(), r.end(), Ref("paragraph", m.group(1), _expand(subs[0], r.group(1)))
    return m.start(), m.end(), Ref("paragraph", m.group(1), subs)


def parse_citation(text: str) -> tuple[int, int, Ref] | None:
    """The provision a citation request names ("EU AI Act Art. 10(2)–(5)"): its span in the NFKC-normalised
    text and its Ref, sub-divisions expanded over a range; None when it names no provision."""
    norm = unicodedata.normalize("NFKC", text)
    found = []
    for kind, rx in _QUESTION_PATTERNS:
        for hit in rx.finditer(norm):
            if (ref := _ref_from(kind, hit)) is not None:
                found.append((hit.start(), hit.end(), ref))
    if not found:
        return _paragraph_ref(norm)
    start, end, ref = min(found, key=lambda f: f[0])
    if ref.kind == "section" and not ref.subs and (m := _SUB.match(norm, end)):
        start, end, ref = start, m.end(), Ref(ref.kind, ref.main, (m.group(1),))  # "Sec. 4.2(a)"
    if len(ref.subs) > 1:  # a point inside a paragraph ("5(1)(f)") is cited with its paragraph
        return start, end, Ref(ref.kind, ref.main, ref.subs[:1])
    if ref.subs and (m := _CITED_RANGE.match(norm, end)):
        return start, m.end(), Ref(ref.kind, ref.main, _expand(ref.subs[0], m.group(1)))
    if ref.kind == "annex" and ref.subs and (m := _POINT_RANGE.match(norm, end)):
        return start, m.end(), Ref(ref.kind, ref.main, _expand(ref.subs[0], m.group(1)))
    return start, end, ref


def citable_ref(locator: str) -> Ref | None:
    """A chunk locator's Ref for citation packs: `ref_of_locator`, and the numbered paragraphs of resolutions and
    guidance ("Operative paragraph 4(a)", "Paragraph 52") that questions do not look up."""
    ref = ref_of_locator(locator)
    if ref is not None:
        return ref
    found = _paragraph_ref(unicodedata.normalize("NFKC", locator))
    return found[2] if found else None


def numbering_script(text: str) -> str:
    """How a reference or locator is numbered: "ja" (第七条), "ko" (제7조) or "latin" (Article 7); a reference
    is looked up only among locators numbered the same way, so "第7条" never quotes an English translation."""
    norm = unicodedata.normalize("NFKC", text)
    if re.search(r"第[0-9〇一二三四五六七八九十百千]+条", norm):
        return "ja"
    if re.search(r"제\d+조", norm):
        return "ko"
    return "latin"
