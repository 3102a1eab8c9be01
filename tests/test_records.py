"""Records: content-derived chunk ids and the labels citations are built from."""

from __future__ import annotations

import dataclasses
import pickle

import pytest

from govqa.records import Chunk, Document

CHUNK = Chunk(
    "eu-act", "Article 50(2)", ("Chapter IV", "Article 50 — Transparency"), "Providers shall…", 10, 26, 3, 3, "en"
)


def test_chunk_id_depends_on_document_place_and_text() -> None:
    """The id is stable for the same text at the same place and changes with any of them."""
    assert CHUNK.id == dataclasses.replace(CHUNK, ordinal=5, page_start=9).id
    for change in ({"text": "Other."}, {"char_start": 11}, {"locator": "Article 50(3)"}, {"doc_id": "x"}):
        assert dataclasses.replace(CHUNK, **change).id != CHUNK.id  # type: ignore[arg-type]
    assert CHUNK.id.startswith("eu-act:") and len(CHUNK.id) == len("eu-act:") + 16
    # read once and kept: a chunk whose id was read still equals, and pickles as, one whose id was not
    fresh = dataclasses.replace(CHUNK)
    assert CHUNK.id and fresh == CHUNK and pickle.loads(pickle.dumps(CHUNK)) == fresh and fresh.id == CHUNK.id


@pytest.mark.parametrize(
    ("start", "end", "label"), [(3, 3, "p. 3"), (3, 4, "pp. 3–4"), (None, None, ""), (5, None, "p. 5")]
)
def test_page_label(start: int | None, end: int | None, label: str) -> None:
    """Page labels read "p. 3" or "pp. 3–4", and are empty for page-less text."""
    assert dataclasses.replace(CHUNK, page_start=start, page_end=end).page_label == label


def test_heading_joins_the_path() -> None:
    """The heading is the path joined with "›"."""
    assert CHUNK.heading == "Chapter IV › Article 50 — Transparency"


def test_document_is_pdf() -> None:
    """Only the pdf format counts as a PDF."""
    assert Document(id="a", title="A", short_title="A", format="pdf").is_pdf
    assert not Document(id="a", title="A", short_title="A", format="xml").is_pdf


def test_document_link_opens_a_pdf_at_its_page() -> None:
    """A PDF with a download URL opens at the page; without a page, or for other formats, the official page."""
    pdf = Document(
        "d", "D", "D", format="pdf", official_url="https://o.example", download_url="https://f.example/d.pdf"
    )
    assert pdf.link(4) == "https://f.example/d.pdf#page=4"
    assert pdf.link(None) == "https://o.example"
    assert Document("x", "X", "X", format="xml", official_url="https://o.example").link(4) == "https://o.example"
