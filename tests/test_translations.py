"""A binding text's reference translation renders the original's duty words in its own idiom: "is to" (the
Japanese Law Translation's ものとする) is read as the duty it renders, "should" as no weaker force; guidance and
texts binding in their own words are read as written."""

from __future__ import annotations

import pytest
from test_evidence import IDF, READER  # the Ruritanian robot act the claim tests read against

from govqa.answering.evidence import decide, rank_evidence
from govqa.answering.translations import as_duty_words, binding_translation, renders_duty_as_should
from govqa.records import Chunk, Document, Passage
from govqa.search.statements import duty_of


def _doc(doc_type: str = "statute", legal_effect: str = "reference_translation") -> Document:
    return Document("ru-act", "Act on Robot Safety", "Robot Safety Act", doc_type=doc_type, legal_effect=legal_effect)


def _verdict(claim: str, sentence: str, doc: Document) -> str | None:
    chunk = Chunk("ru-act", "Article 9", (), sentence, 0, len(sentence), None, None, "en")
    reading = READER.read(claim)
    found = decide(reading, rank_evidence(reading, [Passage(chunk, 1.0, document=doc)], IDF), IDF)
    return found[0].verdict if found else None


@pytest.mark.parametrize(
    ("sentence", "modality"),
    [
        ("The national government is to take the measures needed to fund robot research.", "must"),
        ("Operators are to keep a register of their robots.", "must"),
        # counter-examples: an effort stays an effort, a state is no one's duty
        ("The national government is to endeavor to fund robot research.", "endeavour"),
        ("Operators are to make efforts to keep a register.", "endeavour"),
        ("The register is to be kept by the minister.", ""),
    ],
)
def test_is_to_in_a_statutes_translation_reads_as_the_duty_it_renders(sentence: str, modality: str) -> None:
    """ "is/are to <verb>" renders the original's duty; "is to endeavor" an effort; "is to be" no duty."""
    assert duty_of(as_duty_words(sentence, _doc()))[1] == modality


@pytest.mark.parametrize(
    ("doc_type", "legal_effect"),
    [("guidelines", "reference_translation"), ("statute", "binding"), ("code_of_conduct", "original")],
)
def test_texts_other_than_a_binding_texts_translation_are_read_as_written(doc_type: str, legal_effect: str) -> None:
    """Guidance, and a law in its own words ("The goal of the framework is to reduce risk"), keep "is to"."""
    doc = _doc(doc_type, legal_effect)
    assert not binding_translation(doc)
    sentence = "The national government is to take the measures needed to fund robot research."
    assert as_duty_words(sentence, doc) == sentence
    assert not renders_duty_as_should("Providers should sign service agreements.", doc)


@pytest.mark.parametrize(
    ("claim", "doc_type", "verdict"),
    [
        # a claim of an effort against the translation's duty is refuted …
        (
            "Ruritania's robot law only asks the government to endeavour to fund robot research.",
            "statute",
            "refuted",
        ),
        # … and a claimed duty is not refuted by it
        ("Ruritania's robot law requires the government to fund robot research.", "statute", None),
        # counter-example: the same words in a guideline's translation state no duty to compare with
        (
            "Ruritania's robot law only asks the government to endeavour to fund robot research.",
            "guidelines",
            None,
        ),
    ],
)
def test_a_claimed_force_is_compared_with_the_duty_a_translation_renders(
    claim: str, doc_type: str, verdict: str | None
) -> None:
    """The force check reads the translation's "is to" as a duty, in a binding text's translation only."""
    sentence = "The national government is to take the measures needed to fund robot research."
    found = _verdict(claim, sentence, _doc(doc_type))
    assert (found if found == "refuted" else None) == verdict
