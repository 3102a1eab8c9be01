"""Sections → Chunks: one chunk per numbered paragraph (small ones merged, long ones split at
sentence ends), never across a unit boundary, each a verbatim slice with its page span."""

from __future__ import annotations

from collections.abc import Iterable

from govqa.records import Chunk, Section, SourceText
from govqa.text import CHUNK_CUT

CHUNKER_VERSION = "1"


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _pieces(section: Section) -> list[tuple[str, int, int]]:
    if not section.blocks:
        return [("", section.start, section.end)]
    first = section.blocks[0][1]
    intro = [("", section.start, first)] if first > section.start else []
    return intro + list(section.blocks)


def _merge_small(text: str, pieces: list[tuple[str, int, int]], min_chars: int) -> list[tuple[str, int, int]]:
    """Join each piece shorter than `min_chars` with the one after it (the last with the one before)."""
    groups: list[list[tuple[str, int, int]]] = []
    for piece in pieces:
        if groups and sum(len(text[s:e].strip()) for _, s, e in groups[-1]) < min_chars:
            groups[-1].append(piece)
        else:
            groups.append([piece])
    if len(groups) > 1 and sum(len(text[s:e].strip()) for _, s, e in groups[-1]) < min_chars:
        groups[-2].extend(groups.pop())
    merged = []
    for group in groups:
        suffixes = [sfx for sfx, _, _ in group if sfx]
        suffix = "" if not suffixes else suffixes[0] if len(suffixes) == 1 else f"{suffixes[0]}–{suffixes[-1]}"
        merged.append((suffix, group[0][1], group[-1][2]))
    return merged


def _split_long(text: str, start: int, end: int, max_chars: int) -> list[tuple[int, int]]:
    """Cut [start, end) at sentence ends (or spaces, as a last resort) into parts ≤ max_chars."""
    parts = []
    while end - start > max_chars:
        window = text[start : start + max_chars]
        cuts = [m.end() for m in CHUNK_CUT.finditer(window) if m.end() > max_chars // 3]
        cut = cuts[-1] if cuts else (window.rfind(" ") + 1 or max_chars)
        parts.append((start, start + cut))
        start += cut
    parts.append((start, end))
    return parts


def _join_locator(locator: str, suffix: str) -> str:
    if not suffix:
        return locator
    if (suffix[0].isalnum() or locator[-1].isalpha()) and not locator.endswith(("条", "조", "項", "항")):
        return f"{locator} {suffix}"
    return f"{locator}{suffix}"


def chunk_sections(
    source: SourceText, sections: Iterable[Section], *, max_chars: int = 1400, min_chars: int = 250
) -> list[Chunk]:
    text = source.text
    chunks: list[Chunk] = []
    for section in sections:
        for suffix, p_start, p_end in _merge_small(text, _pieces(section), min_chars):
            for s, e in _split_long(text, p_start, p_end, max_chars):
                s, e = _trim(text, s, e)
                if s >= e:
                    continue
                chunks.append(
                    Chunk(
                        doc_id=source.doc_id,
                        locator=_join_locator(section.locator, suffix),
                        heading_path=section.heading_path,
                        text=text[s:e],
                        char_start=s,
                        char_end=e,
                        page_start=source.page_at(s),
                        page_end=source.page_at(e - 1),
                        lang=source.language,
                        ordinal=len(chunks),
                        page_breaks=tuple(b - s for b in source.page_starts if s < b < e),
                    )
                )
    return chunks
