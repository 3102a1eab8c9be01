"""A provision named by a rule ("Article 2(1)(c)", "6-1-1703(6)", "GOVERN 1.1", "Part 4") → its verified text
in the index, as a `Citation` with page, link and character offsets.

Kept small and in one place so it can merge with the reference resolver behind `govqa cite`. A locator is
found by the chunks' own locator (exactly, or read as a `Ref` by documents/locators.py); a sub-division below
what a chunk's locator names ("(c)" inside "Article 2(1)") is found by its marker at the start of a line (or
right after a caption), and quoted up to the next marker of the same series.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from govqa.documents.locators import Ref, ref_of_locator, refs_in_question
from govqa.records import Chunk, Citation, Document

_CAPTION_LINES = 3  # a chunk that opens a provision starts with its number and caption: at most three lines
_NUMERIC = re.compile(r"\d+")


def _marker(sub: str) -> re.Pattern[str]:
    """Where sub-division `sub` begins: "(c)" / "(1)" / "1." at a line start, or "(1)" right after a caption."""
    token = re.escape(sub)
    numbered = rf"|^{token}\.\s" if sub.isdecimal() else ""
    return re.compile(rf"(?m)(?:(?:^|(?<=\)\s)|(?<=\.\s))\({token}\)\s{numbered})")


def _successor(sub: str) -> str | None:
    if sub.isdecimal():
        return str(int(sub) + 1)
    if len(sub) == 1 and sub.isalpha() and sub.lower() not in "iv":
        return chr(ord(sub) + 1)
    return None


@dataclass(frozen=True)
class _Span:
    chunk: Chunk
    start: int
    end: int


def _sub_span(chunk: Chunk, subs: Sequence[str], start: int = 0) -> _Span | None:
    """The span of chunk.text holding the nested sub-divisions `subs`, or None."""
    end = len(chunk.text)
    for sub in subs:
        found = _marker(sub).search(chunk.text, start, end)
        if found is None:
            return None
        start = found.start() if found.group(0)[0] != "\n" else found.start() + 1
        nxt = _successor(sub)
        stop = _marker(nxt).search(chunk.text, found.end(), end) if nxt else None
        end = stop.start() if stop else end
    return _Span(chunk, start, end)


def _strip_caption(chunk: Chunk) -> int:
    """Offset past the number-and-caption lines that open a provision ("Article 4\\nAI literacy\\n")."""
    lead = chunk.locator.split()[0] if chunk.locator.split() else ""
    if not lead or not chunk.text.startswith(lead):
        return 0  # the chunk does not open with its provision's number: nothing to strip
    offset = 0
    for _ in range(_CAPTION_LINES):
        line_end = chunk.text.find("\n", offset)
        if line_end < 0:
            return 0 if offset == 0 else offset
        line = chunk.text[offset:line_end].strip()
        if len(line) > 80 or line.endswith((".", ":", ";", "。")):
            break
        offset = line_end + 1
    return offset if offset < len(chunk.text) else 0


class ProvisionResolver:
    """Finds the indexed text of a provision a rule cites; built once per index from its chunks."""

    def __init__(self, chunks: Iterable[Chunk], documents: Mapping[str, Document]) -> None:
        self.documents = documents
        self.by_doc: dict[str, list[Chunk]] = {}
        for c in chunks:
            self.by_doc.setdefault(c.doc_id, []).append(c)
        for doc_chunks in self.by_doc.values():
            doc_chunks.sort(key=lambda c: c.char_start)

    def holds(self, doc_id: str) -> bool:
        return bool(self.by_doc.get(doc_id))

    def _span(self, doc_id: str, locator: str) -> _Span | None:
        chunks = self.by_doc.get(doc_id, [])
        wanted_text = unicodedata.normalize("NFKC", locator)
        exact = [c for c in chunks if unicodedata.normalize("NFKC", c.locator) == wanted_text]
        if exact:  # the locator as the index stores it ("Commitment 1, Measure 1.1"): that unit, whatever it nests
            return _Span(exact[0], _strip_caption(exact[0]), len(exact[0].text))
        if "," in locator:  # a unit named by its path ("Commitment 1, Measure 1.3") is that unit or its paragraphs,
            # never its parent's first chunk
            nested = [c for c in chunks if unicodedata.normalize("NFKC", c.locator).startswith(f"{wanted_text}(")]
            return _Span(nested[0], _strip_caption(nested[0]), len(nested[0].text)) if nested else None
        refs = refs_in_question(locator)
        if not refs:
            return None
        wanted = refs[0]
        same = [
            c for c in chunks if (r := ref_of_locator(c.locator)) and (r.kind, r.main) == (wanted.kind, wanted.main)
        ]
        # chunks whose locator names the wanted paragraph first, then the provision's other chunks
        ordered = sorted(same, key=lambda c: not _names(ref_of_locator(c.locator), wanted))
        for chunk in ordered:
            ref = ref_of_locator(chunk.locator)
            if not wanted.subs:
                return _Span(chunk, _strip_caption(chunk), len(chunk.text))
            if (span := _sub_span(chunk, wanted.subs)) is not None:
                return span
            if ref is None or ref.subs != wanted.subs[:1]:
                continue
            if len(wanted.subs) == 1:  # the chunk is the paragraph, its number not marked in the text
                return _Span(chunk, _strip_caption(chunk), len(chunk.text))
            if span := _sub_span(chunk, wanted.subs[1:]):
                return span  # the chunk is the paragraph; only the point is marked inside it
        return None

    def resolve(self, doc_id: str, locator: str, n: int = 0) -> Citation | None:
        """The citation of `locator` in `doc_id`, quoting the indexed text; None when the index lacks it."""
        span = self._span(doc_id, locator)
        doc = self.documents.get(doc_id)
        if span is None or doc is None:
            return None
        text = span.chunk.text
        start, end = span.start, span.end
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if start >= end:
            return None
        return Citation(
            n=n,
            doc_id=doc_id,
            short_title=doc.short_title,
            locator=locator,
            page=span.chunk.page_at(start),
            quote=text[start:end],
            url=doc.official_url,
            version=doc.version,
            status=doc.status,
            legal_effect=doc.legal_effect,
            sha256=doc.sha256,
            quote_start=span.chunk.char_start + start,
            quote_end=span.chunk.char_start + end,
        )


def _names(ref: Ref | None, wanted: Ref) -> bool:
    return ref is not None and bool(ref.subs) and wanted.subs[:1] == ref.subs[:1]
