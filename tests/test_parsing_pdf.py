"""PDF → SourceText: furniture removal, hyphenation and wrap repair, page offsets, unreadable files."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import make_pdf

from govqa.documents.chunking import chunk_sections
from govqa.documents.parsing import parse_file
from govqa.documents.parsing.pdf import assemble, clean_pages, parse_pdf
from govqa.documents.profiles import Profile, load_profile, parse_profile
from govqa.documents.structure import segment
from govqa.errors import UnreadableDocumentError
from govqa.records import Document, SourceText
from govqa.settings import PROJECT_ROOT

PROFILES = PROJECT_ROOT / "ingest" / "profiles"
# Body lines differ in words (not only digits) from page to page, so none of them looks like furniture.
_TOPICS = ("robots", "drones", "sensors", "operators", "registries")
_VERBS = ("inspects", "records", "labels", "audits", "reports")
BODY = [
    [f"Body line {n}: the {topic} clause {verb} {_TOPICS[n - 1]}." for n in range(1, 6)]
    for topic, verb in zip(_TOPICS, _VERBS, strict=True)
]


def _doc(path: Path, profile: str = "generic") -> Document:
    return Document(id=path.stem, title=path.stem, short_title=path.stem, file=path.name, format="pdf", profile=profile)


def _parse(path: Path, profile: str = "generic") -> SourceText:
    return parse_pdf(path, _doc(path, profile), load_profile(PROFILES, profile))


# ---------------------------------------------------------------- furniture


@pytest.mark.parametrize(
    ("header", "footer"),
    [
        ("Invented Gazette of Robot Rules", "Gazette {page}/{pages} - Invented Series"),
        ("Invented Gazette, issue {page}", "Page {page}"),
        (None, "{page}"),
        ("Robot Rules 2027 - L {page}", None),
    ],
)
def test_running_headers_and_footers_are_removed(tmp_path: Path, header: str | None, footer: str | None) -> None:
    """A header/footer repeating on every page (page numbers included) vanishes; the body stays whole."""
    source = _parse(make_pdf(tmp_path / "f.pdf", BODY, header=header, footer=footer))
    for raw in (header, footer):
        if raw:
            stem = raw.split("{")[0].strip()
            if stem:
                assert stem not in source.text
    assert source.text.count("\n") + 1 == 25  # exactly the 25 body lines remain, one per line
    for p, lines in enumerate(BODY, start=1):
        for line in lines:
            assert line in source.text
        assert source.text[source.page_starts[p - 1] :].startswith(lines[0])


def test_a_heading_opening_several_pages_is_kept(tmp_path: Path) -> None:
    """ "Article N" at the top of many pages is structure, not a running head (digits are not ignored for it)."""
    pages = [[f"Article {p}", f"The operator of a robot has duty number {p} under this text."] for p in range(1, 6)]
    source = _parse(make_pdf(tmp_path / "a.pdf", pages))
    for p in range(1, 6):
        assert f"Article {p}" in source.text
    assert [s.locator for s in segment(source, load_profile(PROFILES, "generic"))] == [
        f"Article {p}" for p in range(1, 6)
    ]


def test_a_repeated_line_in_the_middle_of_pages_is_kept() -> None:
    """Only lines at a page's top or bottom can be furniture: a repeated body line stays."""
    middle = "This sentence repeats in the middle of every page."
    raw = ["\n".join(["Top A", "Top B", "Top C", middle, "Bottom A", "Bottom B", "Bottom C"]) for _ in range(5)]
    cleaned = clean_pages(raw, Profile("t", edge_lines=3))
    assert all(middle in page for page in cleaned)


def test_profile_drop_patterns_remove_lines_anywhere() -> None:
    """A profile's furniture `drop` regexes remove matching lines wherever they stand, even on few pages."""
    profile = parse_profile("t", {"furniture": {"drop": ["^ELI: http"]}}, "test")
    cleaned = clean_pages(["First line.\nELI: http://example.org/x\nLast line."], profile)
    assert cleaned == ["First line.\nLast line."]


def test_short_documents_keep_repeated_edge_lines() -> None:
    """With fewer than four pages nothing counts as repeating furniture (too little evidence)."""
    raw = ["Robot Review\nText one.", "Robot Review\nText two.", "Robot Review\nText three."]
    assert all(p.startswith("Robot Review") for p in clean_pages(raw, Profile("t")))


# ---------------------------------------------------------------- hyphenation and wraps


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        (["The imple-", "mentation starts now.", "Its implementation is slow."], "The implementation starts now."),
        (["A high-", "risk system.", "Every high-risk system is listed."], "A high-risk system."),
        (["An unheard-", "of word."], "An unheardof word."),
    ],
    ids=["joined-word-known", "dashed-form-known", "neither-known"],
)
def test_line_end_hyphenation_is_undone_by_vocabulary(lines: list[str], expected: str) -> None:
    """A line-end hyphen is dropped unless the document spells the word with a hyphen elsewhere."""
    cleaned = clean_pages(["\n".join(lines)], Profile("t"))[0]
    assert cleaned.split("\n")[0] == expected


def test_hyphenation_is_repaired_in_a_real_pdf(tmp_path: Path) -> None:
    """Through pypdf: "imple-" + "mentation" becomes "implementation" when that word occurs elsewhere."""
    pages = [["The imple-", "mentation of the rules is checked.", "Implementation reports are public."]]
    source = _parse(make_pdf(tmp_path / "h.pdf", pages, header=None, footer=None))
    assert "The implementation of the rules is checked." in source.text
    assert "imple-" not in source.text


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        (["Operators shall keep", "a register of robots."], ["Operators shall keep a register of robots."]),
        (
            ["Operators shall keep records.", "Providers shall too."],
            ["Operators shall keep records.", "Providers shall too."],
        ),
        (["Article 3", "scope of the text"], ["Article 3 scope of the text"]),
    ],
    ids=["lower-case-continuation", "capital-starts-a-line", "joined-without-rule"],
)
def test_soft_wraps_are_joined(lines: list[str], expected: list[str]) -> None:
    """A line starting in lower case continues the line before; other breaks stay."""
    assert clean_pages(["\n".join(lines)], Profile("t"))[0].split("\n") == expected


def test_lower_case_structural_lines_keep_their_break() -> None:
    """A lower-case line that a profile rule reads as a block ("point 2 …") is not joined to the line before."""
    profile = parse_profile("t", {"block": [{"pattern": r"^point (\d+)", "suffix": " point {1}"}]}, "test")
    cleaned = clean_pages(["point 1 robots are listed.\npoint 2 drones are listed."], profile)[0]
    assert cleaned.split("\n") == ["point 1 robots are listed.", "point 2 drones are listed."]


# ---------------------------------------------------------------- pages


@pytest.mark.parametrize(("offset", "page"), [(0, 1), (9, 1), (10, 2), (24, 2), (25, 3), (10_000, 3)])
def test_page_at_maps_offsets_to_pages(offset: int, page: int) -> None:
    """page_at returns the 1-based page whose start is the last one at or before the offset."""
    source = SourceText("d", "x" * 40, "en", page_starts=(0, 10, 25))
    assert source.page_at(offset) == page


def test_page_at_is_none_without_pages() -> None:
    """Text without pages (XML, TXT) has no page for any offset."""
    assert SourceText("d", "abc", "en").page_at(1) is None


def test_assemble_records_where_each_page_starts() -> None:
    """Page starts point at each page's first character in the joined text."""
    pages = ["first page", "", "third page text"]
    source = assemble("d", "en", pages)
    for start, page in zip(source.page_starts, pages, strict=True):
        assert source.text[start : start + len(page)] == page
    assert source.page_at(source.text.index("third")) == 3


def test_article_across_a_page_break_spans_both_pages(tmp_path: Path) -> None:
    """An article starting on page 1 and ending on page 2 gets page_start=1, page_end=2; its neighbours one page."""
    pages = [
        ["Article 1", "Robots shall be registered before use.", "Article 2", "Operators shall inspect each robot"],
        ["every year and keep the inspection report.", "Article 3", "Fines apply to operators who do not comply."],
    ]
    path = make_pdf(tmp_path / "p.pdf", pages, header=None, footer=None)
    profile = load_profile(PROFILES, "generic")
    source = _parse(path)
    chunks = chunk_sections(source, segment(source, profile), max_chars=1400, min_chars=0)
    spans = {c.locator: (c.page_start, c.page_end) for c in chunks}
    assert spans == {"Article 1": (1, 1), "Article 2": (1, 2), "Article 3": (2, 2)}
    article2 = next(c for c in chunks if c.locator == "Article 2")
    assert article2.page_label == "pp. 1–2"
    assert "every year and keep the inspection report." in article2.text


# ---------------------------------------------------------------- unreadable files


def _random_with_header(tmp: Path) -> bytes:
    return b"%PDF-1.7\n" + os.urandom(4096)


def _truncated(tmp: Path) -> bytes:
    data = make_pdf(tmp / "whole.pdf", BODY).read_bytes()
    return data[: len(data) // 2]


def _encrypted(tmp: Path) -> bytes:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.set_encryption(owner_password="owner-secret", user_password="user-secret")
    pdf.add_page()
    pdf.set_font("Helvetica", size=11)
    pdf.cell(0, 10, "This text is locked away behind a password for the test.")
    return bytes(pdf.output())


def _image_only(tmp: Path) -> bytes:
    from fpdf import FPDF

    pdf = FPDF()
    for _ in range(2):
        pdf.add_page()
        pdf.rect(20, 20, 120, 80, style="F")
    return bytes(pdf.output())


def _empty(tmp: Path) -> bytes:
    return b""


@pytest.mark.parametrize(
    ("make", "reason"),
    [
        (_random_with_header, "not a readable PDF"),
        (_truncated, "not a readable PDF"),
        (_encrypted, "encrypted"),
        (_image_only, "no text layer"),
        (_empty, "not a readable PDF"),
    ],
    ids=["random-bytes", "truncated", "encrypted", "image-only", "empty"],
)
def test_unreadable_pdfs_raise_naming_the_file(tmp_path: Path, make: Callable[[Path], bytes], reason: str) -> None:
    """Broken, encrypted, image-only and empty PDFs raise UnreadableDocumentError naming the file and the cause."""
    path = tmp_path / "bad-input-file.pdf"
    path.write_bytes(make(tmp_path))
    doc = _doc(path)
    with pytest.raises(UnreadableDocumentError) as info:
        parse_file(path, doc, load_profile(PROFILES, "generic"))
    assert "bad-input-file.pdf" in str(info.value)
    assert reason in str(info.value)
