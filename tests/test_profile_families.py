"""The document families added with the 2026-12-05 texts, each on an invented PDF of its layout (fpdf2):
Commission guidelines (numbered paragraphs, footnotes, contents), the GPAI Code (commitments and measures),
Singapore frameworks (numbered paragraphs, areas, dimension dividers), Federal Register orders (long lettered
lists, one-line sections), the HLEG guidelines (numbers restarting per chapter) and HUDERIA (elements)."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import make_pdf

from govqa.documents.chunking import chunk_sections
from govqa.documents.parsing.pdf import clean_pages, drop_footnote_marks, is_contents_page, parse_pdf
from govqa.documents.profiles import load_profile
from govqa.documents.structure import segment
from govqa.records import Chunk, Document, Section, SourceText
from govqa.settings import PROJECT_ROOT

PROFILES = PROJECT_ROOT / "ingest" / "profiles"
FILLER = "The invented robot registry keeps its records for inspection by the authority of the member state"


def _parse(tmp_path: Path, profile: str, pages: list[list[str]], footer: str | None = "{page}") -> SourceText:
    path = make_pdf(tmp_path / f"{profile}.pdf", pages, header=None, footer=footer)
    doc = Document(id=profile, title=profile, short_title=profile, file=path.name, format="pdf", profile=profile)
    return parse_pdf(path, doc, load_profile(PROFILES, profile))


def _sections(source: SourceText, profile: str) -> tuple[Section, ...]:
    return segment(source, load_profile(PROFILES, profile))


def _chunks(source: SourceText, profile: str) -> list[Chunk]:
    return chunk_sections(source, _sections(source, profile), min_chars=0)


def _by_locator(chunks: list[Chunk]) -> dict[str, list[Chunk]]:
    out: dict[str, list[Chunk]] = {}
    for c in chunks:
        out.setdefault(c.locator, []).append(c)
    return out


# ---------------------------------------------------------------- Commission guidelines


def _guidelines_pages() -> list[list[str]]:
    cover = ["EUROPEAN", "COMMISSION", "Brussels, 1.2.2027", "C(2027) 123 final", "Guidelines on invented robots"]
    contents = [
        "CONTENTS",
        *(f"{n}. Invented heading number {n} ........................................ {n + 1}" for n in range(1, 9)),
    ]
    first = [
        "1. BACKGROUND AND OBJECTIVES",
        "(1) The Robot Regulation entered into force on 1 May 2026.1 It lays down rules for robots.",
        *(f"{FILLER}, line {n}." for n in range(1, 12)),
        "(2) These Guidelines are non-binding. The Court alone gives an authoritative reading, and",
        "1 Regulation (XX) 2026/1 on invented robots.",
        "2 Article 1 of the Robot Regulation.",
    ]
    second = [
        "continues the second paragraph on the next page after its footnotes.",
        "2.1. Prohibitions listed in Article 5 of the Robot Regulation",
        "(3) Article 5 prohibits robots that manipulate people.3",
        *(f"{FILLER}, line {n}." for n in range(12, 20)),
        "3 See also Recital 28.",
    ]
    return [cover, contents, first, second]


def test_guideline_paragraphs_are_units_in_their_sections(tmp_path: Path) -> None:
    """Numbered paragraphs are the units ("Paragraph (3)") and the numbered section is in their heading path."""
    chunks = _chunks(_parse(tmp_path, "eu-commission-guidelines", _guidelines_pages()), "eu-commission-guidelines")
    by = _by_locator(chunks)
    assert {"Paragraph (1)", "Paragraph (2)", "Paragraph (3)"} <= set(by)
    (third,) = by["Paragraph (3)"]
    assert third.heading_path[-2].startswith("Section 2.1 — Prohibitions listed in Article 5")
    assert third.page_start == 4


def test_guideline_footnotes_are_own_units_and_the_paragraph_resumes(tmp_path: Path) -> None:
    """Footnotes at a page's foot become "Footnote N"; the paragraph they interrupt continues on the next page."""
    chunks = _chunks(_parse(tmp_path, "eu-commission-guidelines", _guidelines_pages()), "eu-commission-guidelines")
    by = _by_locator(chunks)
    assert [c.text for c in by["Footnote 1"]] == ["1 Regulation (XX) 2026/1 on invented robots."]
    assert by["Footnote 3"][0].page_start == 4
    before, after = by["Paragraph (2)"]
    assert (before.page_start, after.page_start) == (3, 4)
    assert after.text.startswith("continues the second paragraph")
    assert not any("Regulation (XX)" in c.text for c in by["Paragraph (2)"])


def test_guideline_footnote_references_glued_to_words_are_dropped(tmp_path: Path) -> None:
    """ "people.3" and "practices4 that" lose the reference to the footnote printed lower on their page; article
    numbers, years and a number glued to a word with no such footnote ("class b7") stay."""
    page = [
        "1. BACKGROUND AND OBJECTIVES",
        "(1) Article 5(1) of the Robot Regulation lists manipulative practices4 that harm people.3",
        "Robots of class b7 and robots sold in 2026 are covered.",
        *(f"{FILLER}, line {n}." for n in range(1, 12)),
        "3 See also Recital 28.",
        "4 Article 3(1) of Regulation (XX) 2026/1.",
    ]
    source = _parse(tmp_path, "eu-commission-guidelines", [page])
    by = _by_locator(_chunks(source, "eu-commission-guidelines"))
    (first,) = by["Paragraph (1)"]
    assert "manipulative practices that harm people. Robots of class b7" in " ".join(first.text.split())
    assert "Article 5(1) of the Robot Regulation" in first.text and "sold in 2026 are" in first.text
    assert by["Footnote 4"][0].text == "4 Article 3(1) of Regulation (XX) 2026/1."


@pytest.mark.parametrize(
    ("page", "expected"),
    [
        ("The practices12 are banned.\n12 A footnote.", "The practices are banned.\n12 A footnote."),
        ("12 A footnote above the text.\nThe practices12 are banned.", None),  # the footnote is not lower down
        ("The practices12 are banned under Article 12.", None),  # no footnote 12 on the page
        (
            "See the Act.4 It applies (the ‘AI’)5 to all.\n4 Note.\n5 Note.",
            "See the Act. It applies (the ‘AI’) to all.\n4 Note.\n5 Note.",
        ),
    ],
)
def test_footnote_references_need_their_footnote_lower_on_the_page(page: str, expected: str | None) -> None:
    """A number at a word's end is a footnote reference only when that footnote starts a line below it."""
    assert drop_footnote_marks(page) == (page if expected is None else expected)


def test_guideline_contents_page_and_cover_marks_are_not_text(tmp_path: Path) -> None:
    """The contents page (dot leaders to page numbers) is emptied; page numbers still count it."""
    source = _parse(tmp_path, "eu-commission-guidelines", _guidelines_pages())
    assert "Invented heading number" not in source.text
    assert len(source.page_starts) == 4


def test_a_footnote_like_line_above_a_paragraph_is_text() -> None:
    """A body line starting with a number ("2 May 2026 …") is not a footnote when a paragraph follows it."""
    profile = load_profile(PROFILES, "eu-commission-guidelines")
    text = "\n".join(["(1) The rules apply from", "2 May 2026 onwards, as set out below.", "(2) A second paragraph."])
    sections = segment(SourceText("g", text, "en", (0,)), profile)
    assert [s.locator for s in sections] == ["Paragraph (1)", "Paragraph (2)"]


@pytest.mark.parametrize(
    ("page", "expected"),
    [
        (["Contents", "1. Scope ............ 3", "2. Terms ............ 5", "2.1. Robots ....... 6"], True),
        (["(1) A paragraph that ends with a figure of 5", "(2) and another one.", "(3) A third."], False),
        ([], False),
    ],
)
def test_contents_pages_are_recognised(page: list[str], expected: bool) -> None:
    """A page is a table of contents when most of its lines lead with dots to a page number."""
    assert is_contents_page("\n".join(page)) is expected


def test_contents_pages_are_kept_unless_the_profile_drops_them() -> None:
    """Profiles of the older families keep every page's text (contents_pages is opt-in)."""
    page = "Contents\n1. Scope ............ 3\n2. Terms ............ 5\n3. Robots ............ 6"
    assert clean_pages([page], load_profile(PROFILES, "generic")) == [page]
    assert clean_pages([page], load_profile(PROFILES, "eu-commission-guidelines")) == [""]


# ---------------------------------------------------------------- GPAI Code of Practice


def test_code_measures_are_located_under_their_commitment(tmp_path: Path) -> None:
    """ "Measure 1.2 …" opens "Commitment 1, Measure 1.2"; a cross-reference starting a line does not."""
    pages = [
        ["Introductory note by the Chairs.", "The chapter describes measures for invented robots."],
        [
            "Commitment 1 Documentation",
            "LEGAL TEXT: Article 53 of the Robot Regulation",
            "Signatories commit to documenting their robots.",
            "Measure 1.1 Drawing up the documentation",
            "(1) Signatories will draw up documentation for each robot.",
            "Measure 1.2, which follows, applies in addition to it.",
            "(2) Signatories will keep the documentation up to date.",
            "Measure 1.2 Providing information",
            "(1) Signatories will give the information to downstream providers.",
            "Commitment 2 Copyright policy",
            "Signatories commit to a copyright policy.",
        ],
    ]
    sections = _sections(_parse(tmp_path, "gpai-code", pages), "gpai-code")
    locators = [s.locator for s in sections]
    assert locators == [
        "Introductory note",
        "Commitment 1",
        "Commitment 1, Measure 1.1",
        "Commitment 1, Measure 1.2",
        "Commitment 2",
    ]
    measure = sections[2]
    assert [suffix for suffix, _, _ in measure.blocks] == ["(1)", "(2)"]
    assert measure.heading_path == ("Commitment 1", "Commitment 1, Measure 1.1")


# ---------------------------------------------------------------- Singapore frameworks


def test_singapore_paragraphs_sit_under_their_area(tmp_path: Path) -> None:
    """Numbered paragraphs "3.4 …" are Section 3.4 under the framework's area printed in capitals."""
    pages = [
        ["2. INTRODUCTION", "2.1 The framework guides organisations that deploy robots.", FILLER + "."],
        [
            "3. MODEL AI",
            "3.1 The framework has four areas.",
            "INTERNAL GOVERNANCE",
            "STRUCTURES AND MEASURES",
            "3.4 This section guides organisations on internal governance of robots.",
            "OPERATIONS MANAGEMENT",
            "3.19 This section guides organisations on operations.",
        ],
    ]
    sections = _sections(_parse(tmp_path, "sg-framework", pages, footer=None), "sg-framework")
    by = {s.locator: s for s in sections}
    assert {"Section 2.1", "Section 3.1", "Section 3.4", "Section 3.19"} <= set(by)
    assert by["Section 3.4"].heading_path[-2] == "Internal governance structures and measures"
    assert by["Section 3.19"].heading_path[-2] == "Operations management"


def test_singapore_dimensions_open_at_their_divider(tmp_path: Path) -> None:
    """A divider page's capitals name the dimension whose text follows."""
    pages = [
        ["ACCOUNTABILITY"],
        ["Accountability is a key consideration for robot makers.", FILLER + "."],
        ["TRUSTED", "DEVELOPMENT AND", "DEPLOYMENT"],
        ["Robot development is at the core of innovation.", FILLER + "."],
    ]
    chunks = _chunks(_parse(tmp_path, "sg-framework", pages, footer=None), "sg-framework")
    located = {c.locator: c.page_start for c in chunks}
    assert located == {"Dimension 1: Accountability": 1, "Dimension 3: Trusted Development and Deployment": 3}


# ---------------------------------------------------------------- Federal Register orders


def _letters(n: int) -> list[str]:
    """a … z, aa … zz, aaa …: how long Federal Register lists count."""
    return [chr(ord("a") + i % 26) * (i // 26 + 1) for i in range(n)]


def test_order_lists_run_to_tripled_letters_and_one_line_sections_are_kept(tmp_path: Path) -> None:
    """ "(ggg)" is a block of Section 2; a section whose text fits its heading's line is still a unit."""
    items = [
        f"({x}) Executive Order {9000 + i} of January 1, 2021 (Invented Robots)." for i, x in enumerate(_letters(60))
    ]
    lines = [
        "Executive Order 99999 of January 20, 2027",
        "By the authority vested in me, it is hereby ordered as follows:",
        "Section 1. Purpose. This order removes invented robot rules that are no longer needed.",
        "Sec. 2. Revocation of Orders. The following executive actions are hereby revoked:",
        *items,
    ]
    pages = [lines[:30], lines[30:]]
    sections = _sections(_parse(tmp_path, "federal-register", pages, footer=None), "federal-register")
    by = {s.locator: s for s in sections}
    assert "Section 1" in by
    section2 = by["Section 2"]
    suffixes = [suffix for suffix, _, _ in section2.blocks]
    assert "(ggg)" in suffixes and "(aa)" in suffixes
    assert suffixes == [f"({x})" for x in _letters(60)]  # "(i)", "(v)", "(ii)", "(vv)" continue the letters
    start, end = next((s, e) for suffix, s, e in section2.blocks if suffix == "(ggg)")
    assert "Executive Order 9058" in _parse(tmp_path, "federal-register", pages, footer=None).text[start:end]


# ---------------------------------------------------------------- HLEG and HUDERIA


def test_hleg_sections_are_numbered_within_their_chapter(tmp_path: Path) -> None:
    """Section numbers restart per chapter, so the chapter is part of the locator; contents lines are not chapters."""
    pages = [
        ["Table of Contents", "I. Chapter I: Foundations of Robot Ethics 9", "II. Chapter II: Realising It 14"],
        [
            "B. A FRAMEWORK FOR TRUSTWORTHY ROBOTS",
            "I. Chapter I: Foundations of Robot Ethics",
            "1. Rights as a basis",
            "Rights are the basis of robot ethics.",
            "II. Chapter II: Realising Trustworthy Robots",
            "1. Requirements of trustworthy robots",
            "1.1 Human agency and oversight",
            "Robots should support human agency.",
        ],
    ]
    sections = _sections(_parse(tmp_path, "hleg-guidelines", pages, footer=None), "hleg-guidelines")
    locators = [s.locator for s in sections]
    assert "Chapter I, Section 1" in locators
    assert "Chapter II, Section 1.1" in locators


def test_huderia_subheadings_are_located_in_their_element(tmp_path: Path) -> None:
    """ "Triage" under element I is "Element I — The Context-Based Risk Analysis, Triage"."""
    pages = [
        [
            "What is the HUDERIA?",
            "The method assesses the risks of invented robots.",
            "I. The Context-Based Risk Analysis (COBRA)",
            "Introduction",
            "The analysis starts with a scoping of the robot.",
            "Triage",
            "The triage sorts robots by the risk they pose.",
            "II. The Stakeholder Engagement Process (SEP)",
            "Introduction",
            "Stakeholders are heard.",
        ]
    ]
    sections = _sections(_parse(tmp_path, "huderia", pages, footer=None), "huderia")
    assert [s.locator for s in sections] == [
        "What is the HUDERIA?",
        "Element I — The Context-Based Risk Analysis, Introduction",
        "Element I — The Context-Based Risk Analysis, Triage",
        "Element II — The Stakeholder Engagement Process, Introduction",
    ]
