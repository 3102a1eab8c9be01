"""Law XML → SourceText with one Section per article: e-Gov / Japanese Law Translation (same
J-STATUTE element names) and Korea's MOLEG (English and Korean exports).

The parser never resolves entities, loads DTDs or touches the network (no XXE, no entity bombs).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from govqa.documents.profiles import Profile
from govqa.errors import UnreadableDocumentError
from govqa.records import Document, Section, SourceText

_KANJI_DIGITS = "〇一二三四五六七八九"


def kanji_number(n: int) -> str:
    """1 → 一, 24 → 二十四, 105 → 百五 (the numerals Japanese statutes use in locators)."""
    if n <= 0 or n >= 10000:  # beyond 千 the units change (万); no statute numbers that far
        return str(n)
    out = ""
    for value, sign in ((1000, "千"), (100, "百"), (10, "十")):
        q, n = divmod(n, value)
        if q:
            out += ("" if q == 1 else _KANJI_DIGITS[q]) + sign
    return out + (_KANJI_DIGITS[n] if n else "")


@dataclass
class _Builder:
    """Accumulates text and the sections that point into it."""

    parts: list[str] = field(default_factory=list)
    length: int = 0
    sections: list[Section] = field(default_factory=list)

    def add(self, text: str) -> tuple[int, int]:
        start = self.length
        self.parts.append(text)
        self.length += len(text)
        return start, self.length

    def text(self) -> str:
        return "".join(self.parts)


def _safe_parse(path: Path) -> etree._Element:
    parser = etree.XMLParser(
        resolve_entities=False, no_network=True, load_dtd=False, dtd_validation=False, huge_tree=False
    )
    try:
        root = etree.parse(str(path), parser).getroot()
    except (etree.XMLSyntaxError, OSError) as exc:
        raise UnreadableDocumentError(
            f"{path}: malformed XML ({exc}); fetch the file again or fix its markup."
        ) from exc
    for node in root.iter(etree.Entity):  # unresolved entity references survive as nodes: refuse them
        raise UnreadableDocumentError(f"{path}: uses XML entity &{node.name}; entities are not allowed.")
    return root


def _text(el: etree._Element | None) -> str:
    if el is None:
        return ""
    return re.sub(r"\s+", " ", "".join(el.itertext())).strip()


def _local(el: etree._Element) -> str:
    return el.tag if isinstance(el.tag, str) else ""


# ---------------------------------------------------------------- J-STATUTE (e-Gov, JLT)

_JP_CONTAINERS = {
    "Part": "PartTitle",
    "Chapter": "ChapterTitle",
    "Section": "SectionTitle",
    "Subsection": "SubsectionTitle",
    "Division": "DivisionTitle",
}
_JP_LINES = ("ItemSentence", "Subitem1Sentence", "Subitem2Sentence", "Subitem3Sentence")


def _jp_paragraph_text(par: etree._Element, ja: bool) -> str:
    """A paragraph rendered as lines: the sentence, then each item and sub-item on its own line."""
    lines = []
    num = _text(par.find("ParagraphNum"))
    sentence = _text(par.find("ParagraphSentence"))
    lines.append(f"{num}{'' if ja or not num else ' '}{sentence}".strip())
    for el in par.iter():
        tag = _local(el)
        if tag.startswith(("Item", "Subitem")) and tag.endswith("Title"):
            body = el.getnext()
            sep = "　" if ja else " "
            lines.append(f"{_text(el)}{sep}{_text(body)}".strip())
        elif tag in ("TableStruct", "List"):
            lines.append(_text(el))
    return "\n".join(line for line in lines if line)


def _jp_article(art: etree._Element, b: _Builder, path: tuple[str, ...], prefix: str, ja: bool) -> None:
    title = _text(art.find("ArticleTitle"))
    caption = _text(art.find("ArticleCaption"))
    locator = f"{prefix}{title}" if ja else (f"{prefix}, {title}" if prefix else title)
    start, _ = b.add(f"{title}{'' if ja else ' '}{caption}\n".lstrip() if caption else f"{title}\n")
    blocks = []
    for par in art.findall("Paragraph"):
        n = par.get("Num", "")
        p_start, p_end = b.add(_jp_paragraph_text(par, ja) + "\n")
        if n.isdecimal():
            suffix = f"第{kanji_number(int(n))}項" if ja else f"({n})"
            blocks.append((suffix, p_start, p_end))
    _, end = b.add("\n")
    heading = f"{title} {caption}".strip()
    b.sections.append(Section(locator, (*path, heading), start, end - 1, tuple(blocks) if len(blocks) > 1 else ()))


def _jp_walk(el: etree._Element, b: _Builder, path: tuple[str, ...], prefix: str, ja: bool) -> None:
    for child in el:
        tag = _local(child)
        if tag == "Article":
            _jp_article(child, b, path, prefix, ja)
        elif tag in _JP_CONTAINERS:
            _jp_walk(child, b, (*path, _text(child.find(_JP_CONTAINERS[tag]))), prefix, ja)
        elif tag == "Paragraph":  # supplementary provisions without articles
            n = child.get("Num", "1")
            locator = f"{prefix}第{kanji_number(int(n))}項" if ja and n.isdecimal() else f"{prefix} ({n})"
            start, end = b.add(_jp_paragraph_text(child, ja) + "\n\n")
            b.sections.append(Section(locator.strip(), path, start, end - 1))


def _parse_jstatute(root: etree._Element, doc: Document) -> SourceText:
    ja = (root.get("Lang") or doc.language) == "ja"
    b = _Builder()
    body = root.find("LawBody")
    if body is None:
        raise UnreadableDocumentError(f"{doc.id}: no <LawBody> in the law XML.")
    title = _text(body.find("LawTitle"))
    start, end = b.add(f"{title}\n{_text(root.find('LawNum'))}\n\n")
    b.sections.append(Section("題名" if ja else "Title", (), start, end - 1))
    main = body.find("MainProvision")
    if main is not None:
        _jp_walk(main, b, (), "", ja)
    for suppl in body.findall("SupplProvision"):
        label = _text(suppl.find("SupplProvisionLabel")) or ("附則" if ja else "Supplementary Provisions")
        amend = suppl.get("AmendLawNum")
        if amend:
            label = f"{label}（{amend}）" if ja else f"{label} ({amend})"
        _jp_walk(suppl, b, (label,), label, ja)
    return SourceText(doc.id, b.text(), "ja" if ja else "en", sections=tuple(b.sections))


# ---------------------------------------------------------------- MOLEG (Korea)

_KR_PARAGRAPH = re.compile(r"^\((\d+)\)\s")
_KR_SUBPARAGRAPH = re.compile(r"^(\d+)(?:-\d+)?\.\s")
# MOLEG prints paragraph (1) on the heading line: "Article 31 (Title (with notes)) (1) An operator …"
_KR_FIRST_PARAGRAPH = re.compile(r"^Article\s+\d+(?:-\d+)?\s*\((?:[^()]|\([^()]*\))*\)\s+(?=\(1\)\s)")
_KO_PARAGRAPH = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"


def _kr_blocks(lines: list[tuple[str, int, int]], ja_style_ko: bool) -> tuple[tuple[str, int, int], ...]:
    """Paragraph blocks "(1)" of an English MOLEG article; else its subparagraphs "1." as "(1)"."""
    for rx in (_KR_PARAGRAPH, _KR_SUBPARAGRAPH):
        marks = [(m.group(1), s) for line, s, _ in lines if (m := rx.match(line))]
        if rx is _KR_PARAGRAPH and (first := _KR_FIRST_PARAGRAPH.match(lines[0][0])):
            marks.insert(0, ("1", lines[0][1] + first.end()))
        if len(marks) > 1:
            ends = [s for _, s in marks[1:]] + [lines[-1][2]]
            return tuple((f"({n})", s, e) for (n, s), e in zip(marks, ends, strict=True))
    return ()


def _add_lines(b: _Builder, text: str) -> list[tuple[str, int, int]]:
    spans = []
    for raw in text.strip().splitlines():
        line = raw.strip()
        if line:
            s, e = b.add(line + "\n")
            spans.append((line, s, e))
    return spans


def _parse_moleg_en(root: etree._Element, doc: Document) -> SourceText:
    b = _Builder()
    title = _text(root.find("InfSection/lsNmEng"))
    s, e = b.add(title + "\n\n")
    b.sections.append(Section("Title", (), s, e - 1))
    chapter: tuple[str, ...] = ()
    for jo in root.iterfind("JoSection/Jo"):
        body = "".join(jo.findtext("joCts") or "")
        if jo.findtext("joYn") != "Y":
            chapter = (re.sub(r"\s+", " ", body).strip(),)
            continue
        num = str(int(jo.findtext("joNo") or 0))
        branch = int(jo.findtext("joBrNo") or 0)
        locator = f"Article {num}" + (f"-{branch}" if branch else "")
        lines = _add_lines(b, body)
        if not lines:
            continue
        b.add("\n")
        heading = f"{locator} ({jo.findtext('joTtl') or ''})".replace(" ()", "")
        b.sections.append(Section(locator, (*chapter, heading), lines[0][1], lines[-1][2], _kr_blocks(lines, False)))
    for ar in root.iterfind("ArSection/Ar"):
        body = ar.findtext("arCts") or ""
        lines = _add_lines(b, body)
        if lines:
            b.add("\n")
            locator = f"Addenda (Act No. {ar.findtext('arAncNo')})"
            b.sections.append(Section(locator, ("Addenda",), lines[0][1], lines[-1][2]))
    return SourceText(doc.id, b.text(), "en", sections=tuple(b.sections))


def _parse_moleg_ko(root: etree._Element, doc: Document) -> SourceText:
    b = _Builder()
    s, e = b.add((root.findtext("기본정보/법령명_한글") or "").strip() + "\n\n")
    b.sections.append(Section("제명", (), s, e - 1))
    chapter: tuple[str, ...] = ()
    for jo in root.iterfind("조문/조문단위"):
        head = _text(jo.find("조문내용"))
        if jo.findtext("조문여부") != "조문":
            chapter = (head,)
            continue
        num = (jo.findtext("조문번호") or "").strip()
        branch = (jo.findtext("조문가지번호") or "").strip()
        locator = f"제{num}조" + (f"의{branch}" if branch and branch != "0" else "")
        start, _ = b.add(head + "\n")
        blocks = []
        for hang in jo.iterfind("항"):
            mark = _text(hang.find("항번호"))
            lines = [_text(hang.find("항내용"))] + [_text(x) for x in hang.iter("호내용", "목내용")]
            hs, he = b.add("\n".join(line for line in lines if line) + "\n")
            if mark and mark[0] in _KO_PARAGRAPH:
                blocks.append((f"제{_KO_PARAGRAPH.index(mark[0]) + 1}항", hs, he))
        _, end = b.add("\n")
        title = (jo.findtext("조문제목") or "").strip()
        b.sections.append(Section(locator, (*chapter, f"{locator}({title})"), start, end - 1, tuple(blocks)))
    for unit in root.iterfind("부칙/부칙단위"):
        spans = _add_lines(b, "".join(unit.findtext("부칙내용") or "") or _text(unit.find("부칙내용")))
        if spans:
            b.add("\n")
            locator = f"부칙 (제{(unit.findtext('부칙공포번호') or '').strip()}호)"
            b.sections.append(Section(locator, ("부칙",), spans[0][1], spans[-1][2]))
    return SourceText(doc.id, b.text(), "ko", sections=tuple(b.sections))


def parse_law_xml(path: Path, doc: Document, profile: Profile) -> SourceText:
    root = _safe_parse(path)
    tag = _local(root)
    if tag == "Law" and root.find("LawBody") is not None:
        parsed = _parse_jstatute(root, doc)
    elif tag == "Law" and root.find("JoSection") is not None:
        parsed = _parse_moleg_en(root, doc)
    elif tag == "법령":
        parsed = _parse_moleg_ko(root, doc)
    else:
        raise UnreadableDocumentError(
            f"{path}: unknown law XML shape (root <{tag}>); supported: e-Gov/JLT <Law><LawBody>, MOLEG."
        )
    if len(parsed.sections) < 2:  # every shape starts with its title section; nothing after it = no articles
        raise UnreadableDocumentError(f"{path}: no articles found in the law XML.")
    return parsed
