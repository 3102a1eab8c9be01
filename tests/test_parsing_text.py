"""Plain text → SourceText, and choosing a parser by format."""

from __future__ import annotations

from pathlib import Path

import pytest

from govqa.documents.parsing import parse_file
from govqa.documents.parsing.text import parse_text
from govqa.documents.profiles import Profile
from govqa.errors import UnreadableDocumentError
from govqa.records import Document


def _doc(name: str, fmt: str = "txt", language: str = "en") -> Document:
    return Document(id="t", title="t", short_title="t", file=name, format=fmt, language=language)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (b"Article 1\nText.\n", "Article 1\nText.\n"),
        (b"\xef\xbb\xbfArticle 1\r\nText.\r\n", "Article 1\nText.\n"),
        (b"Article 1\rText.", "Article 1\nText."),
        ("第一条\n本文".encode(), "第一条\n本文"),
    ],
    ids=["plain", "bom-crlf", "old-mac", "japanese"],
)
def test_text_is_decoded_and_line_ends_normalised(tmp_path: Path, raw: bytes, expected: str) -> None:
    """UTF-8 (with or without BOM) is read as is, with every line end turned into "\\n"."""
    path = tmp_path / "a.txt"
    path.write_bytes(raw)
    source = parse_text(path, _doc("a.txt", language="xx"), Profile("t"))
    assert source.text == expected
    assert source.language == "xx"
    assert source.page_starts == ()


@pytest.mark.parametrize(("raw", "reason"), [(b"\xff\xfe\x00bad latin-1 \xe9", "not UTF-8"), (b" \n\t\n", "empty")])
def test_unreadable_text_raises_naming_the_file(tmp_path: Path, raw: bytes, reason: str) -> None:
    """Non-UTF-8 or blank files raise UnreadableDocumentError naming the file and the cause."""
    path = tmp_path / "odd-file.txt"
    path.write_bytes(raw)
    with pytest.raises(UnreadableDocumentError, match=reason) as info:
        parse_text(path, _doc("odd-file.txt"), Profile("t"))
    assert "odd-file.txt" in str(info.value)


def test_parse_file_picks_the_parser_from_the_format(tmp_path: Path) -> None:
    """The manifest's format decides the parser (a .dat file declared as txt is read as text)."""
    path = tmp_path / "notes.dat"
    path.write_text("Some text.", encoding="utf-8")
    assert parse_file(path, _doc("notes.dat", "txt"), Profile("t")).text == "Some text."


def test_parse_file_refuses_unknown_formats(tmp_path: Path) -> None:
    """A format other than pdf/xml/txt is an UnreadableDocumentError naming the file and the format."""
    path = tmp_path / "slides.pptx"
    path.write_bytes(b"PK\x03\x04")
    with pytest.raises(UnreadableDocumentError, match=r"slides\.pptx.*'pptx'"):
        parse_file(path, _doc("slides.pptx", ""), Profile("t"))
