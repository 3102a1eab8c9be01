"""Profile rules → sections: headings, gates, titles, path-only levels, blocks."""

from __future__ import annotations

import itertools
from typing import Any

import pytest

from govqa.documents.profiles import Profile, load_profile, parse_profile
from govqa.documents.structure import ordinal, ordinals, segment
from govqa.records import Section, SourceText
from govqa.settings import PROJECT_ROOT

PROFILES = PROJECT_ROOT / "ingest" / "profiles"


def _profile(**data: Any) -> Profile:
    return parse_profile("test", data, "test profile")


def _segment(text: str, profile: Profile) -> tuple[Section, ...]:
    return segment(SourceText("d", text, "en"), profile)


def _locators(text: str, profile: Profile) -> list[str]:
    return [s.locator for s in _segment(text, profile)]


ARTICLES = "\n".join(
    [
        "Preamble text.",
        "Article 1",
        "First article text, which cites",
        "Article 9",
        "of another act in a wrapped line.",
        "Article 2",
        "Second article text.",
        "Article 3",
        "Third article text.",
    ]
)


@pytest.mark.parametrize(
    ("sequential", "expected"),
    [
        (True, ["Front", "Article 1", "Article 2", "Article 3"]),
        (False, ["Front", "Article 1", "Article 9", "Article 2", "Article 3"]),
    ],
)
def test_sequential_guard_skips_cross_references(sequential: bool, expected: list[str]) -> None:
    """With `sequential`, "Article 9" starting a line inside Article 1 is text, not a new unit."""
    profile = _profile(
        front_locator="Front",
        heading=[{"pattern": r"^Article (\d+)$", "locator": "Article {1}", "sequential": sequential}],
    )
    assert _locators(ARTICLES, profile) == expected


@pytest.mark.parametrize(
    ("previous", "token", "accepted"),
    [
        (0, "1", True),
        (1, "2", True),
        (1, "4", True),
        (1, "5", False),
        (3, "2", False),
        (2, "III", True),
        (2, "c", True),
    ],
)
def test_sequential_allows_small_gaps_only(previous: int, token: str, accepted: bool) -> None:
    """A sequential heading may skip up to two numbers (repealed articles) but never go back or jump far."""
    lines = [f"Item {n}\ntext {n}" for n in range(1, previous + 1)] + [f"Item {token}\nnew text"]
    profile = _profile(heading=[{"pattern": r"^Item (\w+)$", "locator": "Item {1}", "sequential": True}])
    sections = _segment("\n".join(lines), profile)
    assert len(sections) == previous + accepted
    assert sections[-1].locator == (f"Item {token}" if accepted else f"Item {previous}")


RECITALS = "\n".join(
    [
        "(1) A numbered line before the recitals.",
        "Whereas:",
        "(1) Robots should be safe.",
        "(2) Operators should inspect them.",
        "HAVE ADOPTED THIS REGULATION:",
        "(3) A numbered point in the enacting part.",
    ]
)


def test_after_and_before_gate_a_rule() -> None:
    """A rule with `after`/`before` only fires between the two marker lines."""
    profile = _profile(
        front_locator="Citations",
        heading=[
            {
                "pattern": r"^\((\d+)\)\s",
                "locator": "Recital {1}",
                "sequential": True,
                "after": "^Whereas:",
                "before": "^HAVE ADOPTED",
            },
            {"pattern": "^HAVE ADOPTED", "locator": "Enacting formula"},
        ],
    )
    sections = _segment(RECITALS, profile)
    assert [s.locator for s in sections] == ["Citations", "Recital 1", "Recital 2", "Enacting formula"]
    enacting = sections[-1]
    assert "(3) A numbered point" in RECITALS[enacting.start : enacting.end]


EU_LIKE = "\n".join(
    [
        "CHAPTER I",
        "GENERAL PROVISIONS",
        "Article 1",
        "Subject matter",
        "1. This Regulation lays down rules on robots.",
        "2. It applies to operators.",
        "CHAPTER II",
        "PROHIBITED PRACTICES",
        "Article 2",
        "Prohibited practices",
        "Robots shall not harm humans.",
        "ANNEX I",
        "List of robots",
        "1. Industrial robots.",
        "2. Service robots.",
    ]
)


def test_title_lines_name_units_and_levels() -> None:
    """`title_lines` appends the next line to the heading's label in the path ("Article 1 — Subject matter")."""
    sections = {s.locator: s for s in _segment(EU_LIKE, load_profile(PROFILES, "eu-oj"))}
    assert sections["Article 1"].heading_path == ("Chapter I — GENERAL PROVISIONS", "Article 1 — Subject matter")
    assert sections["Article 2"].heading_path == (
        "Chapter II — PROHIBITED PRACTICES",
        "Article 2 — Prohibited practices",
    )
    assert sections["Annex I"].heading_path == ("Annex I — List of robots",)


def test_non_unit_headings_only_enter_the_path() -> None:
    """Chapters (unit = false) are never sections of their own when only their title follows them."""
    locators = _locators(EU_LIKE, load_profile(PROFILES, "eu-oj"))
    assert locators == ["Article 1", "Article 2", "Annex I"]
    assert not any(loc.startswith("Chapter") for loc in locators)


def test_non_unit_heading_with_own_text_becomes_a_unit() -> None:
    """Text right under a path-only heading is kept, cited by that heading's label."""
    text = "Sec. 2. Policy. It is the policy\nto keep robots safe.\n4.1. Guidelines\n(a) Within 90 days, act."
    sections = {s.locator: s for s in _segment(text, load_profile(PROFILES, "federal-register"))}
    assert list(sections) == ["Section 2", "Section 4.1"]
    assert "keep robots safe" in text[sections["Section 2"].start : sections["Section 2"].end]


def test_a_heading_closes_deeper_levels() -> None:
    """A new chapter pops the previous chapter from the heading path."""
    profile = _profile(
        heading=[
            {"pattern": r"^Chapter (\d+)$", "locator": "Chapter {1}", "level": 1, "unit": False},
            {"pattern": r"^Article (\d+)$", "locator": "Article {1}", "level": 2},
        ]
    )
    text = "Chapter 1\nArticle 1\nA.\nChapter 2\nArticle 2\nB."
    paths = {s.locator: s.heading_path for s in _segment(text, profile)}
    assert paths == {"Article 1": ("Chapter 1", "Article 1"), "Article 2": ("Chapter 2", "Article 2")}


@pytest.mark.parametrize(
    ("unit", "block_text", "expected"),
    [
        ("Article 2", "1. First.\n2. Second.\n3. Third.", ["(1)", "(2)", "(3)"]),
        ("ANNEX III", "1. Biometrics.\n2. Infrastructure.", ["point 1", "point 2"]),
        ("Article 3", "(1) 'robot' means a machine.\n(2) 'operator' means a person.", ["(1)", "(2)"]),
    ],
)
def test_block_suffixes_follow_the_unit(unit: str, block_text: str, expected: list[str]) -> None:
    """`within` picks the block rule by unit: "(2)" inside Articles, "point 2" inside Annexes."""
    text = f"{unit}\nTitle line\n{block_text}"
    (section,) = _segment(text, load_profile(PROFILES, "eu-oj"))
    assert [b[0] for b in section.blocks] == expected
    for _, start, end in section.blocks:
        assert text[start:end].strip()


def test_sequential_blocks_skip_out_of_order_numbers() -> None:
    """Numbered paragraphs must run 1, 2, 3: a "5." line inside paragraph 2 stays part of it."""
    text = "Article 1\nTitle\n1. One.\n2. Two, see\n5. of the other act.\n3. Three."
    (section,) = _segment(text, load_profile(PROFILES, "eu-oj"))
    assert [b[0] for b in section.blocks] == ["(1)", "(2)", "(3)"]
    second = next((a, b) for sfx, a, b in section.blocks if sfx == "(2)")
    assert "5. of the other act." in text[second[0] : second[1]]


def test_blocks_outside_within_are_ignored() -> None:
    """A block rule limited to some units does not cut others."""
    profile = _profile(
        heading=[{"pattern": r"^(Article|Part) (\d+)$", "locator": "{1} {2}"}],
        block=[{"pattern": r"^\((\d+)\)\s", "suffix": "({1})", "within": ["Article"]}],
    )
    text = "Article 1\nIntro.\n(1) One.\n(2) Two.\nPart 1\nIntro.\n(1) One.\n(2) Two."
    blocks = {s.locator: [b[0] for b in s.blocks] for s in _segment(text, profile)}
    assert blocks == {"Article 1": ["(1)", "(2)"], "Part 1": []}


def test_front_matter_and_stop() -> None:
    """Text before the first heading is the front locator; text from `stop` on is dropped."""
    profile = _profile(
        front_locator="Cover",
        stop=r"(?m)^INDEX$",
        heading=[{"pattern": r"^Article (\d+)$", "locator": "Article {1}"}],
    )
    text = "A cover page.\nArticle 1\nText.\nINDEX\nrobots, 1"
    sections = _segment(text, profile)
    assert [s.locator for s in sections] == ["Cover", "Article 1"]
    assert "INDEX" not in text[sections[-1].start : sections[-1].end]
    assert sections[-1].end <= text.index("INDEX")


def test_sections_from_structured_formats_are_kept() -> None:
    """When the parser already found sections (law XML), the profile does not re-segment."""
    given = (Section("Article 1", ("Article 1",), 0, 5),)
    source = SourceText("d", "Text.\nArticle 2\nMore.", "en", sections=given)
    assert segment(source, load_profile(PROFILES, "generic")) == given


def test_sections_cover_the_text_in_order() -> None:
    """Sections follow one another without overlap and start at their heading lines."""
    sections = _segment(EU_LIKE, load_profile(PROFILES, "eu-oj"))
    for before, after in itertools.pairwise(sections):
        assert before.end <= after.start
    for s in sections:
        assert EU_LIKE[s.start : s.end].split("\n")[0] in ("Article 1", "Article 2", "ANNEX I")


@pytest.mark.parametrize(
    ("token", "value"), [("12", 12), ("XII", 12), ("iv", 4), ("a", 1), ("d", 4), ("1 2", 12), ("Article", None)]
)
def test_ordinal(token: str, value: int | None) -> None:
    """Heading numbers count as arabic, roman or single letters."""
    assert ordinal(token) == value


def test_ordinals_of_ambiguous_letters() -> None:
    """ "c" counts both as the third letter and as roman 100; "i" as 9th letter and roman 1."""
    assert ordinals("c") == {3, 100}
    assert ordinals("i") == {1, 9}


def _letters(n: int) -> list[str]:
    """The tokens of a lettered list of n items: a … z, aa … zz, aaa …."""
    return [chr(ord("a") + k % 26) * (k // 26 + 1) for k in range(n)]


def _fr_blocks(text: str) -> dict[str, list[str]]:
    sections = _segment(text, load_profile(PROFILES, "federal-register"))
    return {s.locator: [b[0] for b in s.blocks] for s in sections}


def test_lettered_list_keeps_items_that_read_as_roman_numerals() -> None:
    """(i), (v), (x), (ii), (vv), (iii) that continue a long lettered list are its items, not roman sub-items."""
    items = [f"({t}) Order {1000 + k} of a year (Some title)." for k, t in enumerate(_letters(78))]
    text = "Sec. 2. Revocation. The following are revoked:\n" + "\n".join(items)
    assert _fr_blocks(text)["Section 2"] == [f"({t})" for t in _letters(78)]


def test_roman_sub_items_stay_inside_their_lettered_subsection() -> None:
    """(i), (ii), (v) under (a) and (i), (ii) right after (h) are roman sub-items: no block of their own."""
    text = "\n".join(
        [
            "Sec. 2. General. (a) Nothing in this order shall impair:",
            "(i) the authority granted by law; or",
            "(ii) the functions of the Director.",
            "(iii) third. (iv) fourth",
            "(v) the fifth point.",
            "(b) Within 90 days, act.",
            *[f"({t}) Another duty." for t in "cdefg"],
            "(h) The Secretary shall:",
            "(i) report; and",
            "(ii) publish.",
            "(i) The Director shall also act.",
            "(j) This order creates no right.",
        ]
    )
    blocks = _fr_blocks(text)["Section 2"]
    assert blocks == [f"({t})" for t in "abcdefghij"]
    section = next(s for s in _segment(text, load_profile(PROFILES, "federal-register")))
    spans = {sfx: text[a:b] for sfx, a, b in section.blocks}
    assert "(v) the fifth point." in spans["(a)"]
    assert "(ii) publish." in spans["(h)"]
    assert spans["(i)"].startswith("(i) The Director shall also act.")


def test_first_block_runs_on_from_the_heading_line() -> None:
    """'Sec. 3. Implementation. (a) To …' opens Section 3(a) on the heading's line; a later '(b)' does not."""
    text = "Sec. 3. Implementation. (a) To effectuate the revocations, agencies act.\n(b) The Director reviews."
    assert _fr_blocks(text) == {"Section 3": ["(a)", "(b)"]}
    counter = "Sec. 3. Implementation. See paragraph (b) of this order, which agencies apply.\n(a) First.\n(b) Next."
    section = _segment(counter, load_profile(PROFILES, "federal-register"))[0]
    assert [b[0] for b in section.blocks] == ["(a)", "(b)"]
    assert section.blocks[0][1] == counter.index("(a) First")
