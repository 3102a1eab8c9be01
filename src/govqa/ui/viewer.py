"""What the app shows of a source: the cited passage with its span marked, the whole provision around
it (rebuilt from the stored chunks), a PDF page rendered with the quote boxed, and the library table.

Marking works by character offsets carried from the citation, never by searching the text again —
except on the rendered PDF page, whose text layer (pdfium) is not the parsed text: there the quote is
located letter by letter, ignoring spacing and hyphenation, and boxed line by line (approximate).
"""

from __future__ import annotations

import html
import io
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from govqa.documents.relations import relations_summary
from govqa.errors import UnreadableDocumentError
from govqa.records import Chunk, Document
from govqa.search.provisions import joined_text, unit_key, unit_title

# ---------------------------------------------------------------- highlighting (pure)


# A line break is kept where a new unit or numbered paragraph begins, or after a short line (a heading, a
# paragraph's last line); other breaks are where a PDF line wrapped, and read better as spaces.
_NEW_BLOCK = re.compile(
    r"\s*(?:\(\w{1,4}\)|\d{1,3}[.)]\s|[a-z][.)]\s|[•\-–]\s|(?:Article|Section|Chapter|Annex|Recital|"
    r"ARTICLE|SECTION|CHAPTER|ANNEX)\b|第|제|[０-９0-9]+\s|[\u3040-\u9fff])"
)
SHORT_LINE = 50


def kept_breaks(text: str) -> set[int]:
    """Offsets of the line breaks in `text` that end a heading or paragraph (not a PDF line wrap)."""
    kept, line_start = set(), 0
    for i, ch in enumerate(text):
        if ch == "\n":
            if i - line_start < SHORT_LINE or _NEW_BLOCK.match(text, i + 1):
                kept.add(i)
            line_start = i + 1
    return kept


def highlight_html(text: str, start: int, end: int) -> str:
    """`text` as HTML with [start, end) in <mark>; everything escaped; breaks kept before paragraphs."""
    start = max(0, min(start, len(text)))
    end = max(start, min(end, len(text)))
    kept = kept_breaks(text)

    def part(a: int, b: int) -> str:
        out, last = [], a
        for i in range(a, b):
            if text[i] == "\n":
                out.append(html.escape(text[last:i]) + ("<br>" if i in kept else " "))
                last = i + 1
        out.append(html.escape(text[last:b]))
        return "".join(out)

    return f"{part(0, start)}<mark>{part(start, end)}</mark>{part(end, len(text))}"


def chunk_of(chunks: Iterable[Chunk], doc_id: str, start: int, end: int) -> Chunk | None:
    """The chunk holding the document offsets [start, end) (the cited passage)."""
    for chunk in chunks:
        if chunk.doc_id == doc_id and chunk.char_start <= start and end <= chunk.char_end:
            return chunk
    return None


@dataclass(frozen=True)
class ContextView:
    """A provision in full, rebuilt from its chunks, with the quote's span inside `text`."""

    doc_id: str
    title: str  # e.g. "Article 50"
    text: str
    start: int
    end: int
    chunks: int

    def html(self) -> str:
        return highlight_html(self.text, self.start, self.end)


def provision_context(chunks: Sequence[Chunk], doc_id: str, start: int, end: int) -> ContextView | None:
    """The whole unit (article, recital, section…) around document offsets [start, end).

    The unit is the run of consecutive chunks of the document sharing the cited chunk's provision;
    gaps between chunks (headings the chunker left out) become a line break. None when no stored
    chunk holds the span.
    """
    own = sorted((c for c in chunks if c.doc_id == doc_id), key=lambda c: c.ordinal)
    cited = chunk_of(own, doc_id, start, end)
    if cited is None:
        return None
    key = unit_key(cited)
    i = own.index(cited)
    lo, hi = i, i
    while lo > 0 and unit_key(own[lo - 1]) == key:
        lo -= 1
    while hi + 1 < len(own) and unit_key(own[hi + 1]) == key:
        hi += 1
    unit = own[lo : hi + 1]
    text, starts = joined_text(unit)
    at = starts[unit.index(cited)]
    qs = at + (start - cited.char_start)
    return ContextView(doc_id, unit_title(cited), text, qs, qs + (end - start), hi - lo + 1)


# ---------------------------------------------------------------- PDF pages


@dataclass(frozen=True)
class PageImage:
    png: bytes
    page: int
    marked: bool  # whether the quote was found on the page and boxed
    boxes: tuple[tuple[int, int, int, int], ...] = ()  # (left, top, right, bottom) in image pixels


def _letters(text: str) -> tuple[str, list[int]]:
    """Lower-cased word characters of `text` and the index each came from."""
    keep = [(i, ch.lower()) for i, ch in enumerate(text) if ch.isalnum()]
    return "".join(ch for _, ch in keep), [i for i, _ in keep]


def locate(page_text: str, quote: str, min_letters: int = 12) -> tuple[int, int] | None:
    """Where `quote` stands in `page_text` ([start, end) indexes), comparing letters and digits only.

    A quote that runs onto the next page matches by its longest prefix found here (at least
    `min_letters` letters, or the whole quote when shorter).
    """
    hay, where = _letters(page_text)
    needle, _ = _letters(quote)
    if not needle:
        return None
    size = len(needle)
    floor = min(min_letters, len(needle))
    while size >= floor:
        pos = hay.find(needle[:size])
        if pos >= 0:
            return where[pos], where[pos + size - 1] + 1
        if size == floor:
            break
        size = max(floor, size * 2 // 3)
    return None


def line_boxes(
    boxes: Sequence[tuple[float, float, float, float]], tolerance: float = 2.0
) -> list[tuple[float, float, float, float]]:
    """Merge character boxes (left, bottom, right, top; PDF points) into one box per text line.

    A character joins the line whose vertical extent holds its middle, so a hyphen or a comma (small
    boxes) stays on its line."""
    lines: list[list[float]] = []
    for left, bottom, right, top in boxes:
        if right <= left and top <= bottom:
            continue  # generated spaces and line breaks have empty boxes
        middle = (bottom + top) / 2
        for line in lines:
            if line[1] - tolerance <= middle <= line[3] + tolerance:
                line[0], line[1] = min(line[0], left), min(line[1], bottom)
                line[2], line[3] = max(line[2], right), max(line[3], top)
                break
        else:
            lines.append([left, bottom, right, top])
    return [(a, b, c, d) for a, b, c, d in lines]


def render_page(pdf: Path, page: int, quote: str = "", *, scale: float = 1.6) -> PageImage:
    """Page `page` (1-based) of `pdf` as PNG, with the lines holding `quote` boxed when found."""
    import pypdfium2 as pdfium
    from PIL import ImageDraw

    try:
        document = pdfium.PdfDocument(str(pdf))
    except pdfium.PdfiumError as exc:
        raise UnreadableDocumentError(f"{pdf}: pdfium cannot open it ({exc}); check the cached file.") from exc
    try:
        if not 1 <= page <= len(document):
            raise UnreadableDocumentError(f"{pdf}: no page {page} (the file has {len(document)} pages).")
        pdf_page = document[page - 1]
        image = pdf_page.render(scale=scale).to_pil().convert("RGB")
        height = pdf_page.get_height()
        left0, _, _, _ = pdf_page.get_bbox()
        pixel_boxes: list[tuple[int, int, int, int]] = []
        if quote:
            textpage = pdf_page.get_textpage()
            n = textpage.count_chars()
            text = textpage.get_text_range(0, n) if n > 0 else ""
            span = locate(text, quote) if len(text) == n else None
            if span is not None:
                chars = [textpage.get_charbox(i) for i in range(span[0], span[1])]
                for left, bottom, right, top in line_boxes(chars):
                    pixel_boxes.append(
                        (
                            int((left - left0) * scale) - 3,
                            int((height - top) * scale) - 3,
                            int((right - left0) * scale) + 3,
                            int((height - bottom) * scale) + 3,
                        )
                    )
            textpage.close()
        if pixel_boxes:
            overlay = ImageDraw.Draw(image, "RGBA")
            for box in pixel_boxes:
                overlay.rectangle(box, fill=(255, 214, 0, 70), outline=(214, 120, 0, 255), width=2)
        out = io.BytesIO()
        image.save(out, format="PNG")
        return PageImage(out.getvalue(), page, bool(pixel_boxes), tuple(pixel_boxes))
    finally:
        document.close()


# ---------------------------------------------------------------- the library table (pure)


STATUS_LABELS = {"in_force": "in force", "current": "current", "superseded": "superseded", "revoked": "revoked"}


def status_badge(status: str, legal_effect: str, effect_label: str = "") -> str:
    """ "in force", "superseded · translation without legal effect", "current · voluntary code", …"""
    label = STATUS_LABELS.get(status, status or "status unknown")
    if legal_effect == "reference_translation":
        label += " · translation without legal effect"
    return f"{label} · {effect_label}" if effect_label else label


def library_rows(documents: Iterable[Document], chunks: Iterable[Chunk]) -> list[dict[str, object]]:
    """One row per manifest document: its metadata and what the index holds of it."""
    counts: dict[str, int] = {}
    for chunk in chunks:
        counts[chunk.doc_id] = counts.get(chunk.doc_id, 0) + 1
    documents_by_id = {d.id: d for d in documents}
    rows = []
    for doc in documents_by_id.values():
        rows.append(
            {
                "document": doc.short_title,
                "jurisdiction": doc.jurisdiction,
                "type": doc.doc_type,
                "language": doc.language,
                "version": doc.version,
                "status": status_badge(doc.status, doc.legal_effect, doc.effect_label),
                "relations": relations_summary(doc, documents_by_id),
                "indexed": counts.get(doc.id, 0) > 0,
                "chunks": counts.get(doc.id, 0),
                "official source": doc.official_url,
                "sha256": doc.sha256,
                "id": doc.id,
            }
        )
    return rows
