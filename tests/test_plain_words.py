"""Plain words for a law's own (search/plain_words.py): a claim saying "straight away" or "firms" is stated by a
sentence saying "without delay" or "undertakings", each phrase whole and in a row; a word that merely looks like one
of a phrase states nothing."""

from __future__ import annotations

import pytest
from fixture_claims import IDF, READER

from govqa.answering.comparisons import states_most
from govqa.answering.coverage import claim_weights, term_coverage
from govqa.search.plain_words import alternatives, states_phrase
from govqa.text import tokenize


def test_a_phrase_of_a_group_offers_the_groups_other_phrases() -> None:
    found = alternatives(tokenize("Firms must alert the regulator straight away."))
    assert ("without", "delay") in found["straight"] and ("without", "delay") in found["away"]
    assert ("undertak",) in found["firm"] and ("notifi",) in found["alert"]
    assert ("watchdog",) in found["regul"]
    # counter-examples: "once" is no "at once", "setting up" no setting of an environment, "away" alone no phrase
    assert alternatives(tokenize("Operators inspect robots once a year and keep them away from children.")).keys() == {
        "keep",
        "children",
    }
    assert alternatives(tokenize("The Act set up a Robot Office."))["set"] == {("establish",)}


def test_a_phrase_is_stated_only_by_its_words_in_a_row() -> None:
    phrases = frozenset({("without", "delay")})
    assert states_phrase(phrases, tokenize("The provider shall notify the Office without delay."))
    # counter-example: both words, apart
    assert not states_phrase(phrases, tokenize("Without consent, no delay of the notification is allowed."))


@pytest.mark.parametrize(
    ("claim", "sentence", "supported"),
    [
        # plain words for the law's: "firms" / "undertakings", "tell … straight away" / "notify … without delay"
        (
            "Under the Robot Safety Act, firms must alert the Robot Office straight away when a robot is stolen.",
            "Undertakings shall notify the Robot Office without delay where a robot is stolen.",
            True,
        ),
        (
            "The Robot Safety Act lets buyers sue robot sellers.",
            "Any buyer may bring a private right of action against a seller.",
            True,
        ),
        # counter-examples: the words of a phrase, not in a row; and "information", which is no telling
        (
            "Under the Robot Safety Act, firms must alert the Robot Office straight away when a robot is stolen.",
            "Without information on the stolen robot, the Robot Office shall not delay the investigation.",
            False,
        ),
        (
            "The Robot Safety Act lets buyers sue robot sellers.",
            "A buyer shall keep a record of the action taken against a seller, and of its private rights.",
            False,
        ),
    ],
)
def test_plain_words_state_a_claim_in_the_laws_words(claim: str, sentence: str, supported: bool) -> None:
    reading = READER.read(claim)
    assert (states_most(reading, sentence, _LIBRARY) is not None) is supported


# A library's idf: its common words weigh little, and a word it never uses ("sue", "straight") as its rarest.
_LIBRARY = {"buyer": 1.0, "seller": 1.0, "robot": 1.0, "stolen": 1.0, "undertak": 2.0, "notifi": 2.0, "rare": 4.0}


def test_plain_words_count_beside_the_claims_own_words_only() -> None:
    """A sentence sharing none of the claim's words as written states none of it, however many of its plain words
    the sentence renders (as with near-synonyms)."""
    weights = claim_weights(READER.read("Firms must alert regulators straight away."), IDF)
    sentence = "Undertakings shall notify the authority without delay."
    assert term_coverage(weights, sentence) == pytest.approx(1.0)
    assert term_coverage(weights, sentence, shared=True) == 0.0


def test_every_phrase_keeps_a_word_of_its_own() -> None:
    """A phrase of stop words alone ("at once" → "once"? "per year" → "year") would match any sentence's word."""
    from govqa.search.plain_words import _GROUPS

    for group in _GROUPS:
        for phrase in group:
            assert tokenize(phrase), phrase


def test_the_named_texts_makers_name_is_no_term_of_the_claim() -> None:
    """ "Smith's January 2025 robot order" names the order as its alias "Smith robot order" does: no sentence of
    the order states "Smith", which, used by no text, would weigh as the library's rarest word. Counter-example: another
    proper name the claim gives ("Director Jones") stays a term, and so does a name word the library uses."""
    from govqa.corpus.manifest import Manifest
    from govqa.records import Document
    from govqa.search.claim_reading import ClaimReader

    order = Document(
        "rb-order",
        "Executive Order 7 on Robots",
        "Order 7",
        aliases=("Smith robot order",),
        jurisdiction="RB",
        doc_type="executive_order",
        date="2025-01-23",
    )
    reader = ClaimReader(Manifest(documents=(order,), references=(), jurisdiction_words={"RB": ("Robotia",)}))
    idf = {"budget": 2.0, "director": 1.0, "reviz": 2.0, "memoranda": 3.0, "robot": 1.0, "order": 1.0, "rare": 6.0}
    weights = claim_weights(
        reader.read("Smith's January 2025 robot order gave the Budget Director 60 days to revise memos."), idf
    )
    assert "smith" not in weights and {"budget", "director"} <= weights.keys()
    other = claim_weights(
        reader.read("Smith's January 2025 robot order gave Director Jones 60 days to revise memoranda."), idf
    )
    assert "smith" not in other and other["jone"] == 6.0  # (the rarest weight: no text uses it)
    assert "robot" not in weights or weights["robot"] == 1.0
