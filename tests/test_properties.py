"""Property tests (hypothesis) for the chunker, the structure finder and the locator parser: on arbitrary
text they never raise, chunks cover their units without loss or overlap, every chunk's character span
maps back to the source exactly, and pages agree with the page breaks."""

from __future__ import annotations

import itertools
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from govqa.documents.chunking import chunk_sections
from govqa.documents.locators import Ref, kanji_to_int, ref_of_locator, refs_in_question, roman_to_int
from govqa.documents.parsing.lawxml import kanji_number
from govqa.documents.profiles import load_profile
from govqa.documents.structure import segment
from govqa.records import Section, SourceText

PROFILES = Path(__file__).resolve().parents[1] / "ingest" / "profiles"
ALL_PROFILES = sorted(p.stem for p in PROFILES.glob("*.toml"))
MODEST = settings(database=None, max_examples=150, deadline=None)

LINES = st.one_of(
    st.sampled_from(
        [
            "Article 1",
            "Article 2",
            "Article 3",
            "Article 12",
            "(1) A point that says something.",
            "(2) Another.",
            "(a) a letter point",
            "1. Text.",
            "2. More text.",
            "CHAPTER I",
            "CHAPTER II",
            "ANNEX I",
            "Recital 3",
            "Whereas:",
            "GOVERN 1.2",
            "Section 1.2.4",
            "第一条",
            "第二条　目的",
            "２　登録簿",
            "제1조(목적)",
            "",
            "   ",
            "\t",
            "Title line",
            "- 12 -",
            "Page 3 of 9",
        ]
    ),
    st.text(max_size=200),
)


@st.composite
def sources(draw: st.DrawFn) -> SourceText:
    """Arbitrary text of structural and random lines, with page breaks at arbitrary offsets."""
    text = "\n".join(draw(st.lists(LINES, max_size=40)))
    breaks = draw(st.lists(st.integers(min_value=1, max_value=max(1, len(text) - 1)), max_size=8, unique=True))
    page_starts = (0, *sorted(b for b in breaks if 0 < b < len(text))) if draw(st.booleans()) else ()
    return SourceText("d", text, "en", page_starts=page_starts)


def _check_chunks(source: SourceText, sections: tuple[Section, ...], max_chars: int, min_chars: int) -> None:
    text = source.text
    chunks = chunk_sections(source, sections, max_chars=max_chars, min_chars=min_chars)
    covered = [False] * len(text)
    previous_end = 0
    for i, c in enumerate(chunks):
        assert c.text == text[c.char_start : c.char_end], "a chunk is a verbatim slice of the source"
        assert c.text == c.text.strip() and c.text
        assert previous_end <= c.char_start < c.char_end, "chunks are in order and never overlap"
        assert len(c.text) <= max_chars
        assert c.ordinal == i
        assert c.page_start == source.page_at(c.char_start) and c.page_end == source.page_at(c.char_end - 1)
        assert c.page_breaks == tuple(b - c.char_start for b in source.page_starts if c.char_start < b < c.char_end)
        for offset in range(len(c.text)):
            assert c.page_at(offset) == source.page_at(c.char_start + offset)
            covered[c.char_start + offset] = True
        previous_end = c.char_end
    for s in sections:
        lost = [i for i in range(max(0, s.start), min(s.end, len(text))) if not covered[i] and not text[i].isspace()]
        assert not lost, f"characters of {s.locator!r} in no chunk: {[text[i] for i in lost][:20]}"


@MODEST
@given(
    source=sources(),
    profile_name=st.sampled_from(ALL_PROFILES),
    max_chars=st.integers(min_value=20, max_value=1500),
    min_chars=st.integers(min_value=0, max_value=400),
)
def test_segmented_text_chunks_without_loss_overlap_or_drift(
    source: SourceText, profile_name: str, max_chars: int, min_chars: int
) -> None:
    """segment + chunk on arbitrary text with any profile: verbatim slices, disjoint, every unit character kept,
    pages and page breaks consistent with the source."""
    sections = segment(source, load_profile(PROFILES, profile_name))
    _check_chunks(source, sections, max_chars, min_chars)


@MODEST
@given(source=sources(), profile_name=st.sampled_from(ALL_PROFILES))
def test_sections_are_ordered_disjoint_and_inside_the_text(source: SourceText, profile_name: str) -> None:
    """The units segment finds are in order, never overlap, lie inside the text, and hold their blocks."""
    sections = segment(source, load_profile(PROFILES, profile_name))
    previous_end = 0
    for s in sections:
        assert previous_end <= s.start <= s.end <= len(source.text)
        for _, b_start, b_end in s.blocks:
            assert s.start <= b_start <= b_end <= s.end
        assert [b[1] for b in s.blocks] == sorted(b[1] for b in s.blocks)
        previous_end = s.end


@st.composite
def sectioned(draw: st.DrawFn) -> tuple[SourceText, tuple[Section, ...]]:
    """Arbitrary text cut into arbitrary consecutive units, some with arbitrary consecutive blocks."""
    source = draw(sources())
    n = len(source.text)
    cuts = sorted(set(draw(st.lists(st.integers(min_value=0, max_value=n), max_size=10))) | {0, n})
    sections = []
    for k, (start, end) in enumerate(itertools.pairwise(cuts)):
        inner = sorted(set(draw(st.lists(st.integers(min_value=start, max_value=end), max_size=4))))
        blocks = tuple(
            (f"({j + 1})", b_start, b_end)
            for j, (b_start, b_end) in enumerate(zip(inner, [*inner[1:], end], strict=False))
        )
        sections.append(Section(f"Unit {k}", (f"Unit {k}",), start, end, blocks if draw(st.booleans()) else ()))
    return source, tuple(sections)


@MODEST
@given(data=sectioned(), max_chars=st.integers(min_value=1, max_value=600), min_chars=st.integers(0, 300))
def test_chunker_keeps_every_character_of_arbitrary_units(
    data: tuple[SourceText, tuple[Section, ...]], max_chars: int, min_chars: int
) -> None:
    """chunk_sections over arbitrary units and blocks (max_chars down to 1): same guarantees, nothing lost."""
    source, sections = data
    _check_chunks(source, sections, max_chars, min_chars)


@MODEST
@given(source=sources(), offset=st.integers(min_value=0, max_value=10_000))
def test_page_at_counts_the_page_starts_before_an_offset(source: SourceText, offset: int) -> None:
    """page_at(o) is the number of pages starting at or before o (None without pages)."""
    expected = sum(1 for s in source.page_starts if s <= offset) if source.page_starts else None
    assert source.page_at(offset) == expected


# ---------------------------------------------------------------- locators


@MODEST
@given(text=st.text(max_size=300))
def test_locator_parsers_never_raise_on_arbitrary_text(text: str) -> None:
    """refs_in_question, ref_of_locator, kanji_to_int and roman_to_int accept any text; refs come without repeats."""
    refs = refs_in_question(text)
    assert len(refs) == len(set(refs))
    ref = ref_of_locator(text)
    assert ref is None or isinstance(ref, Ref)
    for token in text.split():
        kanji_to_int(token)
        roman_to_int(token)


LOCATOR_PIECES = st.sampled_from(
    [
        "Article ",
        "Art. ",
        "第",
        "条",
        "項",
        "の",
        "제",
        "조",
        "항",
        "(",
        ")",
        "–",
        "-",
        "Annex ",
        "point ",
        "Recital ",
        "GOVERN ",
        "Section ",
        "§",
        "附則",
        "Addenda",
        " ",
        "1",
        "2",
        "99",
        "二十",
        "百",
        "IV",
        "x",
        "²",
        "፩",
        "①",
        "١٢",
    ]
)


@MODEST
@given(pieces=st.lists(LOCATOR_PIECES, max_size=20))
def test_locator_like_text_never_raises(pieces: list[str]) -> None:
    """Text built from locator fragments (odd digits included: ², ፩, ①, Arabic-Indic) parses without an error."""
    text = "".join(pieces)
    refs_in_question(text)
    ref = ref_of_locator(text)
    assert ref is None or len(ref.subs) <= 201


ODD_DIGITS = st.text(alphabet="0123456789²፩①١٢٣", min_size=1, max_size=3)


@MODEST
@given(a=ODD_DIGITS, b=ODD_DIGITS, c=ODD_DIGITS)
def test_paragraph_ranges_with_any_digits_never_raise(a: str, b: str, c: str) -> None:
    """Locators and questions whose numbers use other scripts' digits ("(፩)–(፪)", "١٢") parse without an error."""
    for text in (
        f"Article {a}({b})–({c})",
        f"第{a}条第{b}項–第{c}項",
        f"제{a}조제{b}항–제{c}항",
        f"Annex I, point {b}",
    ):
        ref = ref_of_locator(text)
        assert ref is None or isinstance(ref, Ref)
        refs_in_question(f"What does {text} say?")


@MODEST
@given(art=st.integers(min_value=1, max_value=9999), para=st.integers(min_value=1, max_value=99))
def test_article_references_round_trip(art: int, para: int) -> None:
    """A question's "Art. N(M)", an English locator and a Japanese one all read as the same Ref."""
    want = Ref("article", str(art), (str(para),))
    assert refs_in_question(f"What does Art. {art}({para}) say?")[0] == want
    assert ref_of_locator(f"Article {art}({para})") == want
    assert ref_of_locator(f"第{kanji_number(art)}条第{kanji_number(para)}項") == want
    assert kanji_to_int(kanji_number(art)) == art


def test_a_huge_paragraph_range_in_a_locator_is_not_expanded() -> None:
    """A hostile locator "Article 1(1)–(999999999)" reads as its two ends, not a billion-element list."""
    ref = ref_of_locator("Article 1(1)–(999999999)")
    assert ref == Ref("article", "1", ("1", "999999999"))
    assert ref_of_locator("Article 1(2)–(4)") == Ref("article", "1", ("2", "3", "4"))
