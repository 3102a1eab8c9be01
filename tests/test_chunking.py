"""Sections → chunks: verbatim slices inside one unit, small paragraphs merged, long ones split."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from govqa.documents.chunking import chunk_sections
from govqa.documents.profiles import Profile, load_profile
from govqa.documents.structure import segment
from govqa.records import Chunk, Section, SourceText
from govqa.settings import PROJECT_ROOT

PROFILES = PROJECT_ROOT / "ingest" / "profiles"


def _sentence(n: int) -> str:
    return f"Sentence number {n} says that every robot operator keeps a record of inspections."


def _chunks(text: str, profile: str = "eu-oj", **kw: int) -> tuple[SourceText, list[Chunk]]:
    source = SourceText("d", text, "en")
    return source, chunk_sections(source, segment(source, load_profile(PROFILES, profile)), **kw)


def _assert_verbatim(source: SourceText, chunks: list[Chunk]) -> None:
    for c in chunks:
        assert source.text[c.char_start : c.char_end] == c.text
        assert c.text == c.text.strip() and c.text


LONG_PARAS = "\n".join(
    [
        "Article 1",
        "Subject matter",
        "1. " + " ".join(_sentence(n) for n in range(4)),
        "2. " + " ".join(_sentence(n) for n in range(4, 8)),
        "Article 2",
        "Scope",
        "1. " + " ".join(_sentence(n) for n in range(8, 12)),
    ]
)


def test_chunks_are_verbatim_slices() -> None:
    """Every chunk's text is exactly source.text[char_start:char_end], trimmed of outer whitespace."""
    source, chunks = _chunks(LONG_PARAS)
    _assert_verbatim(source, chunks)


def test_long_paragraphs_become_their_own_chunks() -> None:
    """Paragraphs over min_chars each get a chunk named by their block ("Article 1(2)")."""
    _, chunks = _chunks(LONG_PARAS)
    assert [c.locator for c in chunks] == ["Article 1(1)", "Article 1(2)", "Article 2(1)"]
    assert chunks[0].text.startswith("Article 1\nSubject matter\n1. ")  # the short heading joins paragraph 1


def test_chunks_never_cross_a_unit() -> None:
    """However large max_chars is, a chunk stays inside its section."""
    source, chunks = _chunks(LONG_PARAS, max_chars=100_000, min_chars=100_000)
    sections = segment(source, load_profile(PROFILES, "eu-oj"))
    for c in chunks:
        assert any(s.start <= c.char_start and c.char_end <= s.end for s in sections)
    assert {c.locator for c in chunks} == {"Article 1(1)–(2)", "Article 2(1)"}


def test_small_paragraphs_merge_into_a_range() -> None:
    """Paragraphs shorter than min_chars merge with the next; the locator names the range."""
    text = "Article 2\nTitle\n1. Short one.\n2. Short two.\n3. Short three."
    _, chunks = _chunks(text, min_chars=250)
    assert [c.locator for c in chunks] == ["Article 2(1)–(3)"]
    _, chunks = _chunks(text, min_chars=0)
    assert [c.locator for c in chunks] == ["Article 2", "Article 2(1)", "Article 2(2)", "Article 2(3)"]


def test_a_small_last_paragraph_joins_the_one_before() -> None:
    """A short trailing paragraph is merged backwards instead of standing alone."""
    text = "Article 1\nTitle\n1. " + " ".join(_sentence(n) for n in range(5)) + "\n2. Tiny."
    _, chunks = _chunks(text, min_chars=100)
    assert [c.locator for c in chunks] == ["Article 1(1)–(2)"]


@pytest.mark.parametrize("max_chars", [200, 333, 1000])
def test_long_units_split_under_max_chars_at_sentence_ends(max_chars: int) -> None:
    """A long unit is cut into pieces no longer than max_chars, ending at sentence ends."""
    text = "Article 1\n" + " ".join(_sentence(n) for n in range(40))
    source, chunks = _chunks(text, "generic", max_chars=max_chars, min_chars=0)
    assert len(chunks) > 1
    assert all(len(c.text) <= max_chars for c in chunks)
    assert all(c.text.endswith(".") for c in chunks)
    assert all(c.locator == "Article 1" for c in chunks)
    _assert_verbatim(source, chunks)


def test_text_without_sentence_ends_is_split_at_spaces() -> None:
    """A long run without punctuation still splits, at a space, never inside a word."""
    words = [f"word{n}" for n in range(200)]
    source = SourceText("d", " ".join(words), "en")
    chunks = chunk_sections(source, [Section("Text", (), 0, len(source.text))], max_chars=200, min_chars=0)
    assert len(chunks) > 1
    assert [w for c in chunks for w in c.text.split()] == words


def test_chunk_metadata_from_section_and_pages() -> None:
    """Chunks carry the document id, language, heading path, page span and a running ordinal."""
    text = "Article 1\nRobots are safe.\nArticle 2\nRobots are listed."
    source = SourceText("doc-x", text, "en", page_starts=(0, text.index("Article 2")))
    chunks = chunk_sections(source, segment(source, load_profile(PROFILES, "generic")), min_chars=0)
    assert [(c.locator, c.page_start, c.page_end, c.ordinal) for c in chunks] == [
        ("Article 1", 1, 1, 0),
        ("Article 2", 2, 2, 1),
    ]
    assert all(c.doc_id == "doc-x" and c.lang == "en" for c in chunks)
    assert chunks[1].heading_path == ("Article 2",)


@pytest.mark.parametrize(
    ("locator", "suffix", "joined"),
    [
        ("Article 5", "(2)", "Article 5(2)"),
        ("Annex III", "point 4", "Annex III point 4"),
        ("第三条", "第二項", "第三条第二項"),
        ("제2조", "제1항", "제2조제1항"),
    ],
)
def test_locator_suffixes_join_naturally(locator: str, suffix: str, joined: str) -> None:
    """Block suffixes attach the way each notation writes them."""
    source = SourceText("d", "Intro.\nBlock one text.\nBlock two text.", "en")
    section = Section(locator, (locator,), 0, len(source.text), ((suffix, 7, 23), ("x", 23, len(source.text))))
    chunks = chunk_sections(source, [section], min_chars=0)
    assert chunks[1].locator == joined


def test_chunk_ids_are_stable_and_content_derived() -> None:
    """The same text at the same place gets the same id; different text gets another."""
    _, first = _chunks(LONG_PARAS)
    _, again = _chunks(LONG_PARAS)
    _, changed = _chunks(LONG_PARAS.replace("number 9 ", "number nine "))
    assert [c.id for c in first] == [c.id for c in again]
    assert first[-1].id != changed[-1].id and first[0].id == changed[0].id
    assert all(c.id.startswith("d:") for c in first)


LINES = st.one_of(
    st.sampled_from(
        [
            "Article 1",
            "Article 2",
            "Article 3",
            "1. Text.",
            "2. More text.",
            "(3) A point.",
            "CHAPTER I",
            "ANNEX I",
            "Whereas:",
            "HAVE ADOPTED THIS REGULATION",
            "",
            "   ",
            "Title line",
        ]
    ),
    st.text(max_size=300),
)


@settings(database=None, max_examples=150, deadline=None)
@given(
    lines=st.lists(LINES, max_size=40),
    profile_name=st.sampled_from(["eu-oj", "generic", "articles-text", "un-resolution"]),
    max_chars=st.integers(min_value=50, max_value=2000),
    min_chars=st.integers(min_value=0, max_value=500),
)
def test_any_text_segments_and_chunks_into_disjoint_verbatim_slices(
    lines: list[str], profile_name: str, max_chars: int, min_chars: int
) -> None:
    """For arbitrary text, segment + chunk never raise; chunks are in order, disjoint, verbatim and within max_chars."""
    text = "\n".join(lines)
    source = SourceText("d", text, "en", page_starts=(0, len(text) // 2))
    profile: Profile = load_profile(PROFILES, profile_name)
    sections = segment(source, profile)
    chunks = chunk_sections(source, sections, max_chars=max_chars, min_chars=min_chars)
    previous_end = 0
    for c in chunks:
        assert text[c.char_start : c.char_end] == c.text
        assert c.text.strip()
        assert previous_end <= c.char_start < c.char_end
        assert len(c.text) <= max_chars
        assert any(s.start <= c.char_start and c.char_end <= s.end for s in sections)
        assert c.page_start is not None and c.page_end is not None and c.page_start <= c.page_end
        previous_end = c.char_end
