"""A name and its acronym are one name: the sentence writing one states the claim's words for the other."""

from __future__ import annotations

import pytest
from fixture_claims import IDF, READER

from govqa.answering.comparisons import compare_figures
from govqa.search.acronyms import expansion, spelled_out


@pytest.mark.parametrize(
    ("acronym", "text", "full"),
    [
        # initials in order; a word in capitals gives all its letters; a name's small words may be left out
        ("RSB", "the Robot Safety Board met", "Robot Safety Board"),
        ("GRWG", "the Generative Robotics Working Group met", "Generative Robotics Working Group"),
        ("GAI", "a Generative AI profile", "Generative AI"),
        ("CRI", "the Committee on Robot Insurance", "Committee on Robot Insurance"),
        ("GPR", "general-purpose robots", "general purpose robots"),
        # a name the text defines by the acronym may take more than initials from a word
        ("COBRA", "the context-based risk analysis (COBRA) has steps", "context based risk analysis"),
        # counter-examples: initials out of order, or a run broken by a word that gives no letter
        ("RSB", "the Board for Robot Safety met", ""),
        ("RSB", "robot owners in safety briefings", ""),
        ("COBRA", "the context-based risk analysis has steps", ""),
    ],
)
def test_an_acronym_spells_its_words_initials(acronym: str, text: str, full: str) -> None:
    assert expansion(acronym, text) == full


def test_the_sentence_gains_the_claims_other_form_of_a_name() -> None:
    claim = "The Robot Safety Board met twice; the GRWG met once."
    sentence = "The RSB met four times, as did the Generative Robotics Working Group."
    assert spelled_out(sentence, claim) == f"{sentence} Robot Safety Board GRWG"
    # counter-example: two capitals are too many things' initials, and a name written alike adds nothing
    assert spelled_out("The EU met.", "The European Union met.") == "The EU met."
    assert spelled_out("The RSB met.", "The RSB met twice.") == "The RSB met."


@pytest.mark.parametrize(
    ("claim", "verdict"),
    [
        # the sentence counts the working group's considerations by the group's acronym
        ("The Robot Safety Board's Generative Robotics Working Group had five main considerations.", "refuted"),
        ("The Robot Safety Board's Generative Robotics Working Group had four main considerations.", "supported"),
        ("The robot insurance pool (RIP) of the Robot Safety Board has five main considerations.", None),
    ],
)
def test_a_count_stated_by_a_names_acronym_is_compared(claim: str, verdict: str | None) -> None:
    """Counter-example: an acronym of other words (the pool's) is no name of the group: nothing compared."""
    sentence = "The focus of the GRWG was limited to four main considerations: safety, provenance, testing and recall."
    found = compare_figures(READER.read(claim), sentence, IDF)
    assert (found.verdict if found else None) == verdict
