"""Files → SourceText: PDF (pypdf), law XML (e-Gov / JLT / MOLEG) and plain text."""

from __future__ import annotations

from pathlib import Path

from govqa.documents.profiles import Profile
from govqa.errors import UnreadableDocumentError
from govqa.records import Document, SourceText


def parse_file(path: Path, doc: Document, profile: Profile) -> SourceText:
    """Parse one verified file according to its manifest format and profile."""
    from govqa.documents.parsing import lawxml, pdf, text

    fmt = doc.format or path.suffix.lstrip(".").lower()
    if fmt == "pdf":
        return pdf.parse_pdf(path, doc, profile)
    if fmt == "xml":
        return lawxml.parse_law_xml(path, doc, profile)
    if fmt == "txt":
        return text.parse_text(path, doc, profile)
    raise UnreadableDocumentError(f"{path}: unsupported format {fmt!r}; use a PDF, law XML or UTF-8 text file.")
