"""The definition lookup reads each term only at the cues it stands before, and finds exactly the chunks a
regex scan of every chunk finds: real definitions anywhere in a long chunk, long terms, list entries after
numbers and line breaks, and none where another term is defined."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from govqa.records import Chunk
from govqa.search.definitions import DefinitionIndex, spellings
from govqa.search.query import definition_patterns


def _chunks(texts: list[str]) -> list[Chunk]:
    return [Chunk("d", f"Article {n + 1}", (), t, 0, len(t), None, None, "en", n) for n, t in enumerate(texts)]


def _scan(chunks: list[Chunk], term: str) -> list[str]:
    """What a regex over every chunk finds (the definition patterns of the term and its spellings)."""
    patterns = definition_patterns(spellings(term))
    return [c.id for c in chunks if any(p.search(c.text) for p in patterns)]


FILLER = "Operators shall keep records of every inspection and report them to the authority each year. " * 30
LONG_TERM = "system for the automated assessment of the creditworthiness of natural persons in the union"


def test_a_definition_deep_in_a_long_chunk_is_found() -> None:
    """The term is read at its cue wherever the cue stands: 3,000 characters into a chunk too."""
    chunks = _chunks([FILLER + "In this Act, ‘deployer’ means a person using a system.", FILLER])
    index = DefinitionIndex(chunks)
    assert index.defining_terms(["deployer"], ["d"]) == [chunks[0].id]
    assert index.defining_terms(["deployer"], ["another document"]) == []


def test_a_term_longer_than_the_text_kept_before_a_cue_is_found() -> None:
    """A term longer than the 64 characters kept before each cue is found by its end and read whole."""
    assert len(LONG_TERM) > 64
    chunks = _chunks([f"‘{LONG_TERM}’ means a system listed in Annex III.", f"A {LONG_TERM[20:]} means nothing."])
    assert DefinitionIndex(chunks).defining_terms([LONG_TERM], ["d"]) == [chunks[0].id]


def test_a_list_entry_after_a_number_and_line_breaks_is_found() -> None:
    """A glossary line "12." then the term indented on the next line and ":" is an entry: read from the line
    of the number, not from the term's own line (which opens with spaces, no entry)."""
    entry = "Definitions\n12.\n    “Risk tolerance”  :  the readiness to bear risk."
    chunks = _chunks([entry, "risk tolerance varies:", "\n    risk tolerance: indented"])
    index = DefinitionIndex(chunks)
    assert index.defining_terms(["risk tolerance"], ["d"]) == [chunks[0].id]


def test_the_definition_of_a_longer_term_does_not_define_its_last_word() -> None:
    """ "‘downstream provider’ means" defines another term than "provider"; "the provider means" is read."""
    chunks = _chunks(
        ["‘downstream provider’ means a provider of a system.", "For this Part, the provider means the seller."]
    )
    assert DefinitionIndex(chunks).defining_terms(["provider"], ["d"]) == [chunks[1].id]


def test_white_space_and_a_closing_quote_may_stand_between_term_and_cue() -> None:
    """“AI system”\\n   means, and 「人工知能」とは: both are definitions; a space inside the quote is not."""
    chunks = _chunks(
        ["The “AI system”\n   means a machine-based system.", "「人工知能」とは、技術をいう。", "“AI system ’ means"]
    )
    index = DefinitionIndex(chunks)
    assert index.defining_terms(["ai system"], ["d"]) == [chunks[0].id]
    assert index.defining_terms(["人工知能"], ["d"]) == [chunks[1].id]


PIECES = st.sampled_from(
    [
        "ai system",
        "AI System",
        "provider",
        "downstream ",
        "the ",
        "a ",
        "term ",
        "x",
        " ",
        "  ",
        "\n",
        "\n12.",
        "3. ",
        "‘",
        "’",
        "'",
        '"',
        "“",
        "”",
        "「",
        "」",
        "means",
        "MEANS",
        " refers to",
        "is defined as",
        "shall mean",
        "describes",
        "とは",
        ":",
        "-",
        "İ",
        "ı",
        "i",
        "ß",
        "ﬁ",
        "人工知能",
    ]
)


@settings(database=None, max_examples=300, deadline=None)
@given(
    texts=st.lists(st.lists(PIECES, max_size=14).map("".join), min_size=1, max_size=6),
    term=st.sampled_from(["ai system", "provider", "x", "ai", "人工知能", "term x", "aİ system", "aı", "aß", "AI"]),
)
def test_the_lookup_finds_what_a_regex_scan_of_every_chunk_finds(texts: list[str], term: str) -> None:
    """On arbitrary texts of terms, quotes, white space, numbers, cues and characters that casefold longer,
    the indexed lookup returns exactly the chunks that a definition pattern matches anywhere in."""
    chunks = _chunks(texts)
    assert DefinitionIndex(chunks).defining_terms([term], ["d"]) == _scan(chunks, term)
