"""The source viewer: highlighting by offsets, a provision rebuilt from its chunks, PDF pages with the quote boxed."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from conftest import make_pdf

from govqa.errors import UnreadableDocumentError
from govqa.records import Chunk, Document
from govqa.ui.viewer import (
    chunk_of,
    highlight_html,
    library_rows,
    line_boxes,
    locate,
    provision_context,
    render_page,
    status_badge,
)


def _chunk(locator: str, text: str, start: int, ordinal: int, doc: str = "d") -> Chunk:
    return Chunk(
        doc, locator, ("Chapter I", locator.split("(")[0]), text, start, start + len(text), 1, 1, "en", ordinal
    )


# Three paragraphs of Article 2 stored as three chunks, with a heading gap before the first.
A1 = _chunk("Article 1", "Article 1\nThis Act applies to robots.", 0, 0)
A2_1 = _chunk("Article 2(1)", "Article 2\n(1) Operators shall register <robots> & pay.", 50, 1)
A2_2 = _chunk("Article 2(2)", "(2) The registry is public.", 100, 2)
A2_3 = _chunk("Article 2(3)", "(3) Fines apply to operators who do not register.", 128, 3)
A3 = _chunk("Article 3", "Article 3\nThis Act enters into force tomorrow.", 200, 4)
CHUNKS = [A3, A2_2, A1, A2_1, A2_3]  # any order: the viewer sorts by ordinal


def test_highlight_escapes_and_marks_by_offsets() -> None:
    """The span is marked where the offsets say, and markup in the text is escaped, not rendered."""
    text = "a <b>bold</b> & x\n(2) y"
    out = highlight_html(text, 2, 13)
    assert out == "a <mark>&lt;b&gt;bold&lt;/b&gt;</mark> &amp; x<br>(2) y"


def test_highlight_joins_wrapped_lines_and_keeps_paragraph_breaks() -> None:
    """A PDF line wrap reads as a space; a break before "(2)" or "Article 3" stays a break."""
    wrapped = "(1) Every operator of a robot placed on the market shall enter it in the\nregistry"
    text = f"Article 2\nRegistration\n{wrapped} before use.\n(2) Fines apply."
    assert highlight_html(text, 0, 0) == (
        "<mark></mark>Article 2<br>Registration<br>" + wrapped.replace("\n", " ") + " before use.<br>(2) Fines apply."
    )


def test_highlight_marks_the_cited_occurrence_not_the_first() -> None:
    """With a repeated phrase, the offsets decide which occurrence is marked (no re-searching)."""
    text = "shall register. Later: shall register."
    out = highlight_html(text, 23, 37)
    assert out.startswith("shall register. Later: <mark>shall register</mark>")


def test_highlight_clamps_offsets() -> None:
    """Offsets outside the text are clamped to it."""
    assert highlight_html("abc", -4, 99) == "<mark>abc</mark>"


def test_chunk_of_finds_the_cited_chunk() -> None:
    """A citation's document offsets lead back to the chunk that holds them, and only in its document."""
    assert chunk_of(CHUNKS, "d", 104, 126) is A2_2
    assert chunk_of(CHUNKS, "other", 104, 126) is None


def test_provision_context_rebuilds_the_whole_article() -> None:
    """A quote from paragraph (2) opens all of Article 2, with the quote marked at its place."""
    quote_start = A2_2.char_start + A2_2.text.index("The registry")
    view = provision_context(CHUNKS, "d", quote_start, quote_start + len("The registry is public"))
    assert view is not None
    assert view.title == "Article 2" and view.chunks == 3
    assert view.text.startswith("Article 2\n(1) Operators") and view.text.endswith("do not register.")
    assert "This Act applies" not in view.text and "Article 3" not in view.text
    assert view.text[view.start : view.end] == "The registry is public"
    assert "<mark>The registry is public</mark>" in view.html() and "&lt;robots&gt; &amp;" in view.html()


def test_provision_context_of_unknown_span_is_none() -> None:
    """A span that no chunk covers has no provision to rebuild."""
    assert provision_context(CHUNKS, "d", 5000, 5010) is None


@pytest.mark.parametrize(
    ("page", "quote", "expected"),
    [
        ("the regu-\nlation shall apply from 2 August", "regulation shall apply", "regu-\nlation shall apply"),
        (
            "Header\nArticle 5  Prohibited   practices",
            "Article 5 Prohibited practices",
            "Article 5  Prohibited   practices",
        ),
        ("short page", "short page and then the next page goes on", "short page"),
    ],
)
def test_locate_ignores_spacing_and_hyphenation(page: str, quote: str, expected: str) -> None:
    """The quote is found letter by letter; a quote running onto the next page matches by its prefix."""
    span = locate(page, quote, min_letters=8)
    assert span is not None and page[span[0] : span[1]] == expected


def test_locate_misses_text_not_on_the_page() -> None:
    """A quote that is not on the page is not boxed anywhere."""
    assert locate("nothing relevant here", "penalties of up to seven per cent") is None


def test_line_boxes_merge_characters_of_a_line() -> None:
    """Character boxes on one line become one box (hyphens too); empty boxes (generated spaces) are skipped."""
    chars = [
        (10, 700, 16, 710),
        (16, 700, 22, 711),
        (0, 0, 0, 0),
        (10, 680, 15, 690),
        (15, 681, 30, 690),
        (22, 704, 25, 706),
    ]  # a hyphen: a small box in the middle of the first line
    assert line_boxes(chars) == [(10, 700, 25, 711), (10, 680, 30, 690)]


def test_render_page_boxes_the_quote(tmp_path: Path) -> None:
    """A generated PDF page renders to PNG with a box around the lines holding the quote."""
    from PIL import Image

    pdf = make_pdf(
        tmp_path / "g.pdf",
        [
            ["Article 1", "Robots must be safe."],
            [
                "Article 2",
                "A robot that talks to people shall carry a transparency",
                "label that tells them they are speaking with a machine.",
            ],
        ],
    )
    image = render_page(pdf, 2, "shall carry a transparency label that tells them")
    assert image.marked and len(image.boxes) == 2  # the quote spans two lines
    png = Image.open(io.BytesIO(image.png))
    assert png.format == "PNG" and png.width > 500
    top_box = min(image.boxes, key=lambda b: b[1])
    # the box is painted: pixels inside it are tinted yellow, not white
    r, _, b = png.convert("RGB").getpixel((top_box[0] + 2, (top_box[1] + top_box[3]) // 2))
    assert b < 230 and r > 200
    plain = render_page(pdf, 2, "words that are not on this page at all")
    assert not plain.marked and plain.boxes == ()


def test_render_page_rejects_a_missing_page(tmp_path: Path) -> None:
    """Asking for a page the PDF does not have is a clear UnreadableDocumentError."""
    pdf = make_pdf(tmp_path / "g.pdf", [["one page"]])
    with pytest.raises(UnreadableDocumentError, match="no page 3"):
        render_page(pdf, 3)


def test_render_page_rejects_a_broken_file(tmp_path: Path) -> None:
    """A file pdfium cannot open is a clear UnreadableDocumentError, not a crash."""
    bad = tmp_path / "bad.pdf"
    bad.write_bytes(b"%PDF-1.4 this is not a pdf")
    with pytest.raises(UnreadableDocumentError, match="pdfium cannot open"):
        render_page(bad, 1)


@pytest.mark.parametrize(
    ("status", "effect", "label"),
    [
        ("in_force", "binding", "in force"),
        ("superseded", "binding", "superseded"),
        ("revoked", "binding", "revoked"),
        ("in_force", "reference_translation", "in force · translation without legal effect"),
    ],
)
def test_status_badge(status: str, effect: str, label: str) -> None:
    """Each status and legal effect gets the badge a reader understands."""
    assert status_badge(status, effect) == label


def test_library_rows_count_chunks_per_document() -> None:
    """Each manifest document shows whether it is indexed and how many passages the index holds."""
    docs = [
        Document(id="d", title="D", short_title="Doc D", jurisdiction="EU", sha256="a" * 64),
        Document(id="e", title="E", short_title="Doc E", status="superseded"),
    ]
    rows = library_rows(docs, CHUNKS)
    assert [(r["document"], r["indexed"], r["chunks"]) for r in rows] == [("Doc D", True, 5), ("Doc E", False, 0)]
    assert rows[1]["status"] == "superseded" and rows[0]["sha256"] == "a" * 64
