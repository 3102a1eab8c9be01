"""Plain UTF-8 text → SourceText (structure comes later from the profile's heading rules)."""

from __future__ import annotations

from pathlib import Path

from govqa.documents.profiles import Profile
from govqa.errors import UnreadableDocumentError
from govqa.records import Document, SourceText


def parse_text(path: Path, doc: Document, profile: Profile) -> SourceText:
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise UnreadableDocumentError(f"{path}: not UTF-8 text ({exc}); convert it to UTF-8.") from exc
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise UnreadableDocumentError(f"{path}: the file is empty.")
    return SourceText(doc.id, text, doc.language)
