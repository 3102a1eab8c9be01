"""A text's general date and the provisos after it: a claim dating a part of the text is compared with the
provisos, never with the general date (answering/provisos.py, used by evidence.decide). Each case with a
counter-example of the same shape that must not get the verdict."""

from __future__ import annotations

import pytest
from fixture_claims import IDF, READER, passage

from govqa.answering.evidence import decide, rank_evidence
from govqa.answering.provisos import dates_a_part, provisos
from govqa.text import sentence_spans

WITH_PROVISO = (
    "This Act shall apply from 1 March 2027. However, the prohibitions in Chapter 2 of this Act shall apply"
    " from 1 March 2026."
)
WITH_POINTS = (
    "This Act shall enter into force on the day following its promulgation. It shall apply from 1 March 2027."
    " However:\n(a) the prohibitions in Chapter 2 shall apply from 1 March 2026;\n(b) Chapter 4 shall apply from"
    " 1 March 2028."
)
JA_PROVISO = "この法律は、公布の日から施行する。ただし、第三章の規定は、令和八年四月一日から施行する。"
WITHOUT_PROVISO = "This Act shall apply from 1 March 2027. Operators shall register robots with the authority."


def _decided(claim: str, text: str) -> tuple[str | None, str]:
    reading = READER.read(claim)
    found = decide(reading, rank_evidence(reading, [passage(text, locator="Article 40")], IDF), IDF)
    return (found[0].verdict, found[1].text) if found else (None, "")


@pytest.mark.parametrize("text", [WITH_PROVISO, WITH_POINTS])
@pytest.mark.parametrize(
    ("claim", "verdict", "cited"),
    [
        # a part the provisos date otherwise: the general date does not support it, the proviso refutes it
        ("The Robot Safety Act's prohibitions apply from 1 March 2027.", "refuted", "1 March 2026"),
        ("The Robot Safety Act's prohibitions apply from 1 March 2026.", "supported", "1 March 2026"),
        # the text as a whole: its general date decides
        ("The Robot Safety Act applies from 1 March 2027.", "supported", "1 March 2027"),
        ("The Robot Safety Act applies from 1 March 2025.", "refuted", "1 March 2027"),
        # a part no proviso names: the general date may not be its date, so nothing decides
        ("The Robot Safety Act's registration duties apply from 1 March 2027.", None, ""),
    ],
)
def test_a_part_is_dated_by_the_provisos_not_the_general_date(
    text: str, claim: str, verdict: str | None, cited: str
) -> None:
    found, sentence = _decided(claim, text)
    assert found == verdict
    assert cited in sentence


@pytest.mark.parametrize(
    ("claim", "verdict"),
    [
        # counter-example: with no proviso, the general date is every part's
        ("The Robot Safety Act's registration duties apply from 1 March 2027.", "supported"),
        ("The Robot Safety Act's prohibitions apply from 1 March 2026.", "refuted"),
    ],
)
def test_a_general_date_without_provisos_dates_every_part(claim: str, verdict: str) -> None:
    assert _decided(claim, WITHOUT_PROVISO)[0] == verdict


@pytest.mark.parametrize(
    ("text", "proviso"),
    [
        (WITH_PROVISO, "However, the prohibitions in Chapter 2 of this Act shall apply from 1 March 2026."),
        (WITH_POINTS, "(a) the prohibitions in Chapter 2 shall apply from 1 March 2026;"),
        (
            "この法律は、公布の日から施行する。ただし、第三章の規定は、令和八年四月一日から施行する。",
            "ただし、第三章の規定は",
        ),
        # counter-examples: no proviso follows; the first sentence dates a part, not the text
        (WITHOUT_PROVISO, None),
        ("Chapter 2 shall apply from 1 March 2026. However, Article 9 shall apply from 1 March 2027.", None),
    ],
)
def test_a_general_sentence_is_the_texts_own_date_followed_by_a_proviso(text: str, proviso: str | None) -> None:
    """The sentence as evidence ranking cuts it (a short one joined with the next), and its provisos."""
    spans = [(s, e) for s, e in sentence_spans(text) if "1 March 2027" in text[s:e] or "公布の日" in text[s:e]]
    found = provisos(text, *spans[0])
    assert (found is None) == (proviso is None)
    assert proviso is None or (found and text[slice(*found[0])].startswith(proviso))


def test_a_claim_dates_a_part_when_it_names_more_than_the_text() -> None:
    assert dates_a_part(READER.read("The Robot Safety Act's prohibitions apply from 1 March 2026."))
    assert not dates_a_part(READER.read("The Robot Safety Act applies from 1 March 2026."))


@pytest.mark.parametrize(
    ("claim", "verdict"),
    [
        # the text as a whole: a proviso's date is a part's, and refutes nothing of it
        ("The Robot Safety Act applies from 1 March 2027.", None),
        # counter-example: the part the proviso dates
        ("The Robot Safety Act's prohibitions apply from 1 March 2027.", "refuted"),
    ],
)
def test_a_proviso_dates_a_part_not_the_whole_text(claim: str, verdict: str | None) -> None:
    proviso = "However, the prohibitions in Chapter 2 of this Act shall apply from 1 March 2026 in every region."
    assert _decided(claim, proviso)[0] == verdict
