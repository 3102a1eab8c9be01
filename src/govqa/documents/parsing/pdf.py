"""PDF → SourceText with page offsets, page furniture removed and line-break hyphenation undone.

Each page is cleaned on its own (so every character keeps its page), then pages are joined with a
newline and their start offsets recorded.
"""

from __future__ import annotations

import logging
import re
from collections import Counter
from pathlib import Path

from govqa.documents.profiles import Profile
from govqa.errors import UnreadableDocumentError
from govqa.records import Document, SourceText

_DIGITS = re.compile(r"\d+")
_PAGE_NUMBER = re.compile(r"^\s*(?:page\s+)?\d{1,4}(?:\s*(?:/|of)\s*\d{1,4})?\s*$", re.IGNORECASE)
_HYPHEN_END = re.compile(r"([A-Za-z]+)-$")
_WORD_START = re.compile(r"^([a-z]+)")
_WORDS = re.compile(r"[A-Za-z]+(?:-[A-Za-z]+)*")
# A footnote's reference glued to the word it annotates ("practices12 are", "misuse8)"), and a footnote's own line
# at a page's foot ("12 See Article 3(1) …").
_GLUED_MARK = re.compile(r"(?<=[a-z]{2}|[A-Za-z][’”).,;:]|[’”]\))(\d{1,3})(?=[\s.,;:)]|$)")
_FOOTNOTE_LINE = re.compile(r"^(\d{1,3})\s+\S", re.M)
_LEADER = re.compile(r"(?:\.\s?){4,}\s*\d+\s*$|\.{3,}\s*\d+\s*$")


def extract_pages(path: Path) -> list[str]:
    """Raw text of each page; raises UnreadableDocumentError for broken, encrypted or image-only PDFs."""
    from pypdf import PdfReader
    from pypdf.errors import LimitReachedError

    # pypdf logs what it repairs in a damaged file ("EOF marker not found"); unhandled, those lines reach the
    # terminal beside our own one-line error, so they are held back while this file is read.
    pypdf_log = logging.getLogger("pypdf")
    level = pypdf_log.level
    pypdf_log.setLevel(logging.ERROR)
    try:
        reader = PdfReader(path)
        if reader.is_encrypted:
            raise UnreadableDocumentError(
                f"{path}: the PDF is encrypted; supply an unencrypted copy (e.g. `qpdf --decrypt`)."
            )
        pages = [page.extract_text() or "" for page in reader.pages]
    except UnreadableDocumentError:
        raise
    except LimitReachedError as exc:
        raise UnreadableDocumentError(
            f"{path}: a stream inflates beyond the safety limit ({exc}); the file is damaged or a decompression "
            "bomb: replace it."
        ) from exc
    except Exception as exc:  # hostile bytes make pypdf raise almost any kind (IndexError, RecursionError, …)
        raise UnreadableDocumentError(
            f"{path}: not a readable PDF ({type(exc).__name__}: {exc}); check the download or replace the file."
        ) from exc
    finally:
        pypdf_log.setLevel(level)
    if not pages:
        raise UnreadableDocumentError(f"{path}: the PDF has no pages.")
    if sum(len(p.strip()) for p in pages) < 20 * len(pages) ** 0.5:
        raise UnreadableDocumentError(
            f"{path}: no text layer (scanned or image-only PDF); run OCR (e.g. ocrmypdf) and add the result."
        )
    return pages


def _furniture_keys(pages: list[list[str]], profile: Profile, structural: re.Pattern[str] | None = None) -> set[str]:
    """Lines at the top or bottom of pages that repeat (digits ignored) on many pages.

    Lines the profile reads as headings or blocks never count: "Article 7" opening several pages
    is structure, not a running head, even though it repeats once digits are ignored.
    """
    if len(pages) < 4:
        return set()
    counts: Counter[str] = Counter()
    for lines in pages:
        edge = [ln for ln in lines if ln.strip()]
        edge = edge[: profile.edge_lines] + edge[-profile.edge_lines :]
        counts.update(
            {_DIGITS.sub("#", ln.strip()) for ln in edge if not (structural and structural.match(ln.strip()))}
        )
    floor = max(3, profile.repeat_fraction * len(pages))
    return {key for key, n in counts.items() if n >= floor}


def _is_furniture(line: str, position: int, n_lines: int, keys: set[str], profile: Profile) -> bool:
    stripped = line.strip()
    if any(p.search(stripped) for p in profile.furniture_patterns):
        return True
    at_edge = position < profile.edge_lines or position >= n_lines - profile.edge_lines
    if not at_edge:
        return False
    return _DIGITS.sub("#", stripped) in keys or bool(_PAGE_NUMBER.match(stripped))


def _vocabulary(pages: list[str]) -> Counter[str]:
    vocab: Counter[str] = Counter()
    for text in pages:
        vocab.update(w.lower() for w in _WORDS.findall(text))
    return vocab


def _join_lines(lines: list[str], vocab: Counter[str], keeps_break: re.Pattern[str] | None) -> str:
    """Undo line-end hyphenation and soft wraps, leaving structural line breaks in place.

    A hyphen at a line end is dropped when the joined word occurs elsewhere in the document (or
    the hyphenated form does not); a wrap is undone when the next line starts in lower case.
    """
    out: list[str] = []
    for line in lines:
        line = line.rstrip()
        if not out:
            out.append(line)
            continue
        prev = out[-1]
        hyphen, start = _HYPHEN_END.search(prev), _WORD_START.match(line)
        if hyphen and start:
            head, tail = hyphen.group(1), start.group(1)
            joined, dashed = (head + tail).lower(), f"{head}-{tail}".lower()
            keep_dash = vocab[dashed] > vocab[joined]
            out[-1] = prev if keep_dash else prev[:-1]
            out[-1] += line
        elif line[:1].islower() and not (keeps_break and keeps_break.match(line)):
            out[-1] = f"{prev} {line}"
        else:
            out.append(line)
    return "\n".join(out)


def is_contents_page(text: str) -> bool:
    """A table-of-contents page: at least 40% of its lines run dot leaders to a page number."""
    lines = [ln for ln in text.splitlines() if ln.strip()]
    leaders = sum(1 for ln in lines if _LEADER.search(ln))
    return bool(lines) and leaders >= 3 and leaders >= 0.4 * len(lines)


def clean_pages(raw_pages: list[str], profile: Profile) -> list[str]:
    """Remove furniture and rejoin wrapped lines on each page (pure; tested without files)."""
    if profile.contents_pages:  # emptied, not dropped: every later page keeps its number
        raw_pages = ["" if is_contents_page(p) else p for p in raw_pages]
    split = [p.splitlines() for p in raw_pages]
    structural = [h.pattern for h in profile.headings] + [b.pattern for b in profile.blocks]
    keeps_break = re.compile("|".join(f"(?:{p.pattern})" for p in structural)) if structural else None
    keys = _furniture_keys(split, profile, keeps_break)
    vocab = _vocabulary(raw_pages)
    cleaned = []
    for lines in split:
        kept = [ln for i, ln in enumerate(lines) if not _is_furniture(ln, i, len(lines), keys, profile)]
        page = _join_lines(kept, vocab, keeps_break).strip()
        cleaned.append(drop_footnote_marks(page) if profile.footnote_marks else page)
    return cleaned


def drop_footnote_marks(page: str) -> str:
    """The page without the footnote references glued to words: a number at a word's end is dropped only when a
    footnote with that number starts a line further down the same page; article numbers, years and "Article 5(1)"
    never touch a word's end, and a number glued to a word with no such footnote is kept."""
    notes: dict[str, int] = {}
    for m in _FOOTNOTE_LINE.finditer(page):
        notes.setdefault(m.group(1), m.start())
    if not notes:
        return page
    return _GLUED_MARK.sub(lambda m: "" if notes.get(m.group(1), -1) > m.start() else m.group(0), page)


def assemble(doc_id: str, language: str, pages: list[str]) -> SourceText:
    starts, parts, offset = [], [], 0
    for page in pages:
        starts.append(offset)
        parts.append(page)
        offset += len(page) + 1
    return SourceText(doc_id=doc_id, text="\n".join(parts), language=language, page_starts=tuple(starts))


def parse_pdf(path: Path, doc: Document, profile: Profile) -> SourceText:
    return assemble(doc.id, doc.language, clean_pages(extract_pages(path), profile))
