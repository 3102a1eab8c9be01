"""A sentence that denies what a claim affirms, or gives what the claim says is lacking, does not state the claim;
and a sentence reporting another text's rule decides nothing of a claim about the text it names."""

from __future__ import annotations

import pytest
from fixture_claims import IDF, READER, passage

from govqa.answering.attribution import reports_other_text
from govqa.answering.comparisons import states_most
from govqa.answering.evidence import decide, rank_evidence


@pytest.mark.parametrize(
    ("claim", "sentence", "supported"),
    [
        # the sentence denies its main verb; the claim affirms in other words
        (
            "The Robot Safety Act is aimed squarely at operators of household robots updated with AI features.",
            "This Act is not intended for operators of household robots updated with AI features.",
            False,
        ),
        (
            "The Robot Safety Act gives owners a right to sue operators over unsafe robots.",
            "This Act does not give owners a right to sue operators over unsafe robots.",
            False,
        ),
        # counter-examples: a claim that denies too; a time limit's "not later than"; no denial at all
        (
            "The Robot Safety Act does not cover operators of household robots updated with AI features.",
            "This Act is not intended for operators of household robots updated with AI features.",
            True,
        ),
        (
            "Under the Robot Safety Act, operators report robot accidents to the robot office after an accident.",
            "Operators shall report robot accidents to the robot office, which is not later than ten days after "
            "an accident.",
            True,
        ),
        (
            "The Robot Safety Act is aimed at operators of household robots updated with AI features.",
            "This Act is intended for operators of household robots updated with AI features.",
            True,
        ),
    ],
)
def test_a_sentence_denying_what_the_claim_affirms_does_not_state_it(
    claim: str, sentence: str, supported: bool
) -> None:
    assert (states_most(READER.read(claim), sentence, IDF) is not None) is supported


@pytest.mark.parametrize(
    ("claim", "sentence", "supported"),
    [
        # the claim says a thing lacks what the sentence gives it
        (
            "Under the Robot Safety Act, a robot that needs manual input lacks autonomy of action.",
            "A robot that needs manual input is a robot with some autonomy of action.",
            False,
        ),
        (  # a denial of something else in the sentence states no lack of it
            "Under the Robot Safety Act, a robot that needs manual input lacks autonomy of action.",
            "A robot that needs manual input is a robot with some autonomy of action, as it acts without a person.",
            False,
        ),
        # counter-examples: a sentence that denies it too; "a lack of" is a noun, which denies nothing
        (
            "Under the Robot Safety Act, a robot that needs manual input lacks autonomy of action.",
            "A robot that needs manual input has no autonomy of action.",
            True,
        ),
        (
            "The Robot Safety Act fines operators for a lack of robot maintenance.",
            "Operators shall be fined for a lack of robot maintenance.",
            True,
        ),
    ],
)
def test_a_claimed_lack_is_stated_only_by_a_denial(claim: str, sentence: str, supported: bool) -> None:
    assert (states_most(READER.read(claim), sentence, IDF) is not None) is supported


@pytest.mark.parametrize(
    ("sentence", "other"),
    [
        # another text named as the source of the sentence's rule, a heading before it or not
        ("Under the Zorblax Drone Regulation, drones must be registered within 10 days.", True),
        ("Incident Reporting Under the Zorblax Drone Regulation Operators report incidents within 10 days.", True),
        ("The Zorblax Drone Regulation requires drones to be registered within 10 days.", True),
        # counter-examples: the claimed text itself; a text spoken of as "this Regulation"; a later clause
        ("Under the Robot Safety Act, robots must be registered within 10 days.", False),
        ("Robots must be registered within 10 days under this Regulation.", False),
        ("Robots must be registered within 10 days, as operators of drones must under the Zorblax Drone Act.", False),
    ],
)
def test_a_sentence_reporting_another_texts_rule_is_told_apart(sentence: str, other: bool) -> None:
    claim = READER.read("The Robot Safety Act requires robots to be registered within 30 days.")
    assert reports_other_text(claim, sentence) is other
    assert not reports_other_text(READER.read("Robots must be registered within 30 days."), sentence)


def test_another_texts_rule_decides_nothing_of_the_claimed_text() -> None:
    """ "Under the EU AI Act, providers … report … within 15 days" in Singapore's framework does not refute a claim
    about what Singapore's framework requires. Counter-example: the claimed text's own sentence refutes."""
    claim = READER.read("The Robot Safety Act requires robots to be registered within 30 days.")
    reported = "Under the Zorblax Drone Regulation, robots must be registered within 10 days."
    assert decide(claim, rank_evidence(claim, [passage(reported)], IDF), IDF) is None
    own = decide(claim, rank_evidence(claim, [passage("Robots shall be registered within 10 days.")], IDF), IDF)
    assert own is not None and own[0].verdict == "refuted"


@pytest.mark.parametrize(
    ("sentence", "supported"),
    [
        # a Japanese claim's heaviest word (its rarest) missing from a Japanese sentence sharing its common words
        ("事業者は、事前に、監督官庁へ個人データの利用を届け出なければならない。", False),
        # counter-example: the same sentence stating that word
        ("事業者は、事前に、監督官庁へ個人データの学習用データとしての利用を届け出なければならない。", True),
    ],
)
def test_a_japanese_claims_heaviest_word_must_stand_in_a_japanese_sentence(sentence: str, supported: bool) -> None:
    """「個人データをAIの学習用データとして利用する場合、…届け出なければならない」 is not stated by a sentence of
    another notification sharing 「個人データ」, 「事前」, 「届け出」: the claim's rarest word is its point."""
    from govqa.text import tokenize

    claim = READER.read(
        "ロボット安全法では、事業者は個人データを学習用データとして利用する場合、事前に監督官庁へ届け出なければならない。"
    )
    idf = dict.fromkeys(tokenize(sentence + "ロボット安全法の場合"), 1.0) | dict.fromkeys(tokenize("学習用"), 6.0)
    assert (states_most(claim, sentence, idf) is not None) is supported


@pytest.mark.parametrize(
    ("claim", "sentence", "verdict"),
    [
        # the claim orders the step the other way from the sentence: refuted
        (
            "Under the Robot Safety Act, sellers must inform the buyer of the robot's risks after obtaining the"
            " buyer's consent.",
            "Before obtaining the buyer's consent, sellers shall inform the buyer of the robot's risks.",
            "refuted",
        ),
        (
            "Under the Robot Safety Act, operators must test robots before placing them on the market.",
            "Operators shall test robots after placing them on the market.",
            "refuted",
        ),
        # counter-examples: the same order; a sentence ordering both ways; "the following" lists, it orders nothing
        (
            "Under the Robot Safety Act, operators must test robots before placing them on the market.",
            "Operators shall test robots prior to placing them on the market.",
            "supported",
        ),
        (
            "Under the Robot Safety Act, operators must test robots before placing them on the market.",
            "Operators shall test robots before and after placing them on the market.",
            "supported",
        ),
        (
            "Under the Robot Safety Act, operators must test robots before placing them on the market.",
            "Operators shall test the following robots before placing them on the market: cleaning robots.",
            "supported",
        ),
    ],
)
def test_a_step_ordered_the_other_way_is_refuted(claim: str, sentence: str, verdict: str) -> None:
    """ "After obtaining consent" against "Before … obtain … consent": the same words, the opposite order."""
    reading = READER.read(claim)
    found = decide(reading, rank_evidence(reading, [passage(sentence)], IDF), IDF)
    assert (found[0].verdict if found else None) == verdict
