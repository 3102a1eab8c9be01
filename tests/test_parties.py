"""Who a claim gives its action to, against the party a sentence binds (answering/parties.py), and a claim whose
party no text names, refuted where a text gives the same action to another party (fixture statute)."""

from __future__ import annotations

from pathlib import Path

import pytest
from fixture_claims import IDF, READER, passage
from fixture_corpus import statute
from fixture_index import build_retriever

from govqa.answering.claims import Judgement, overrules
from govqa.answering.comparisons import compare_actor, compare_recipient
from govqa.answering.evidence import decide, rank_evidence
from govqa.answering.extractive import Answerer
from govqa.answering.findings import Finding, Term
from govqa.answering.parties import doers


@pytest.mark.parametrize(
    ("claim", "found"),
    [
        ("It falls to the Robot Standards Board to notify the Commission.", "the Robot Standards Board"),
        ("The order tasks the Secretary of the Army with preparing a report.", "the Secretary of the Army"),
        ("It was the Secretary of Robotics who had a year to report.", "the Secretary of Robotics"),
        ("The Robot Court of Auditors must report to the Commission.", "Robot Court of Auditors"),
    ],
)
def test_the_party_a_claim_gives_its_action_to(claim: str, found: str) -> None:
    """A claim's doer: its duty's subject, the party of a verb of assignment or of a cleft; a body named as the
    object of a preposition ("to the Commission") is no doer."""
    parties = doers(READER.read(claim))
    assert found in parties
    assert not any(p.endswith("Commission") for p in parties)


@pytest.mark.parametrize(
    ("claim", "sentence", "verdict"),
    [
        # a body named by title, where the law binds its Member States
        (
            "It falls to the Robot Standards Board to notify the Commission of the penalty rules.",
            "The Member States shall notify the Commission of the penalty rules.",
            "refuted",
        ),
        (
            "The Robot Court of Auditors must report to the Commission on the resources of the robot authorities.",
            "Member States shall report to the Commission on the resources of the robot authorities.",
            "refuted",
        ),
        # two offices of one kind, told apart by what they are of
        (
            "The order tasks the Secretary of the Army with preparing a report on robot talent.",
            "The Secretary of Defense shall prepare a report on robot talent.",
            "refuted",
        ),
        # a point's or paragraph's number before the subject is no part of the party's name
        (
            "The order tasks the Commissioner of Labor Statistics with preparing a report on robot talent.",
            "(i) The Chairman of the Council of Economic Advisers shall prepare a report on robot talent.",
            "refuted",
        ),
        (
            "The order tasks the Commissioner of Labor Statistics with preparing a report on robot talent.",
            "2. The Chairman of the Council of Economic Advisers shall prepare a report on robot talent.",
            "refuted",
        ),
        # counter-examples: the same office under a point's number; a description in plain words may be the
        # sentence's party written otherwise
        (
            "The order tasks the chair of the Council of Economic Advisers with preparing a report on robot talent.",
            "(i) The Chairman of the Council of Economic Advisers shall prepare a report on robot talent.",
            None,
        ),
        (
            "Ruritanian regions must notify the Commission of the penalty rules.",
            "The Member States shall notify the Commission of the penalty rules.",
            None,
        ),
        # the same office, whatever else the claim says of defense
        (
            "The order tasks the Secretary of Defense with preparing a report on robot defense talent.",
            "The Secretary of Defense shall prepare a report on robot defense talent.",
            None,
        ),
        # the sentence names the claimed party too
        (
            "It falls to the Robot Standards Board to notify the Commission of the penalty rules.",
            "The Member States shall, after consulting the Robot Standards Board, notify the Commission of the"
            " penalty rules.",
            None,
        ),
        # a paragraph number is no party, and the object of "calls upon" is not the resolution's subject
        (
            "The General Assembly stresses the need for safe robots for all.",
            "4. Calls upon Member States to stress the need for safe robots for all.",
            None,
        ),
        # the claim's body is the recipient, not the doer; one capitalised word opening a claim is no title
        (
            "Member States must report incidents to the Robot Standards Board.",
            "The Member States shall report incidents to the Commission.",
            None,
        ),
        (
            "Inspectors must report incidents to the Commission.",
            "The Member States shall report incidents to the Commission.",
            None,
        ),
    ],
)
def test_a_party_named_by_title_against_the_party_the_sentence_binds(
    claim: str, sentence: str, verdict: str | None
) -> None:
    """A sentence stating the rest of the claim that gives the action to a party the claim does not name, where
    the claim's party (named by title or of one of the law's roles) is one the sentence does not name → refuted."""
    found = compare_actor(READER.read(claim), sentence, IDF)
    assert (found.verdict if found else None) == verdict
    if found:
        assert found.reason == "actor_differs"


def _refuted_for(claimed: str) -> Judgement:
    return Judgement("refuted", Term("evidence.actor_differs", {"claimed": claimed, "stated": "Member States"}))


@pytest.mark.parametrize(
    ("names", "judgement", "overruled"),
    [
        (("Robot Standards Board",), _refuted_for("the Robot Standards Board"), True),
        (("Army",), _refuted_for("Secretary of the Army"), True),
        # counter-examples: a year stays a gap; so does a name of something else than the claimed party, and a
        # judgement for another reason
        (("2031",), _refuted_for("the Robot Standards Board"), False),
        (("Robot Standards Board", "Lunar Accord"), _refuted_for("the Robot Standards Board"), False),
        (("Robot Standards Board",), Judgement("refuted", Term("evidence.force_differs")), False),
        (("Robot Standards Board",), None, False),
    ],
)
def test_an_unmentioned_party_is_overruled_only_by_another_party_doing_the_action(
    names: tuple[str, ...], judgement: Judgement | None, overruled: bool
) -> None:
    finding = Finding("unmentioned", "gap", {"names": names})
    assert overrules(finding, judgement) is overruled


NOTICE_ACT = """Notice Act
Article 1
(1) The Member States shall notify the Commission of the rules on penalties for robot operators without delay.
Article 2
(1) The Commission shall publish a list of accredited robot inspectors every year.
"""


def test_a_claim_giving_a_laws_action_to_a_body_no_text_names_is_refuted(tmp_path: Path) -> None:
    """End to end: the claimed body is named nowhere, so the gate would decline the claim as not addressed; the
    Act gives the same action to the Member States, so it is refuted, quoting that provision. A claim of an
    action the Act gives no one (the counter-example) stays declined."""
    retriever = build_retriever(tmp_path, extra=[(statute("fx-notice-act", "Notice Act"), NOTICE_ACT)])
    answerer = Answerer(retriever.settings, retriever)
    claim = "Under the Notice Act, the Zorblax Board must notify the Commission of the rules on penalties."
    ans = answerer.answer(claim, mode="claim")
    assert ans.verdict == "refuted" and ans.verdict_check == "evidence.actor_differs"
    assert ans.citations[0].locator.startswith("Article 1")
    other = answerer.answer("Under the Notice Act, the Zorblax Board trains robot inspectors.", mode="claim")
    assert other.refused and other.verdict_check.startswith("finding.")


@pytest.mark.parametrize(
    ("claim", "sentence", "verdict"),
    [
        (
            "Operators must report serious incidents to the Robot Standards Board.",
            "Operators shall report serious incidents to the Commission.",
            "refuted",
        ),
        # a recipient named by one word, where no sentence opens
        (
            "Signatories commit to reporting serious incidents to Europol.",
            "Signatories will report serious incidents to the AI Office.",
            "refuted",
        ),
        # counter-examples: the sentence names the claimed recipient too; the claim's "to" opens an infinitive;
        # the sentence sends something else; one recipient in other words
        (
            "Operators must report serious incidents to the Robot Standards Board.",
            "Operators shall report serious incidents to the Commission and to the Robot Standards Board.",
            None,
        ),
        (
            "Operators must report serious incidents to ensure robot safety.",
            "Operators shall report serious incidents to the Commission.",
            None,
        ),
        (
            "Operators must send their invoices to the Robot Standards Board.",
            "Operators shall report serious incidents to the Commission.",
            None,
        ),
        (
            "Operators must report serious incidents to the European Commission.",
            "Operators shall report serious incidents to the Commission.",
            None,
        ),
    ],
)
def test_a_recipient_the_sentence_does_not_name(claim: str, sentence: str, verdict: str | None) -> None:
    """A sentence stating the rest of the claim with its verb that sends the report to a recipient the claim does
    not name, where the claim's recipient is one the sentence does not name → refuted."""
    found = compare_recipient(READER.read(claim), sentence, IDF)
    assert (found.verdict if found else None) == verdict
    if found:
        assert found.reason == "recipient_differs"


def test_a_law_sending_a_report_to_two_recipients_refutes_neither() -> None:
    """One provision sends the report to the Commission, the next to the claimed Board: the law names both, and
    the first refutes nothing. Without the second, or with one sending another thing to the Board, stating less
    of the claim, the claim is refuted (the counter-examples)."""
    claim = READER.read("Operators must report serious incidents to the Robot Standards Board.")
    first = "Operators shall report serious incidents to the Commission."
    both = [passage(first), passage("Operators shall also report serious incidents to the Robot Standards Board.")]
    decided = decide(claim, rank_evidence(claim, both, IDF), IDF)
    assert decided is None or decided[0].verdict != "refuted"
    alone = decide(claim, rank_evidence(claim, [passage(first)], IDF), IDF)
    assert alone is not None and alone[0].reason == "recipient_differs"
    # nor does a sentence sending something else to the claimed recipient: it is about another report
    invoices = [passage(first), passage("Makers shall send invoices to the Robot Standards Board.")]
    other = decide(claim, rank_evidence(claim, invoices, IDF), IDF)
    assert other is not None and other[0].reason == "recipient_differs"


def test_a_point_sending_the_report_to_the_claimed_recipient_is_read_with_its_stem() -> None:
    """A provision listing a party's duties ("Operators of care robots shall: … (b) report serious incidents to
    the Robot Standards Board") names the claimed recipient in its points: a sentence elsewhere sending the report
    to another body refutes nothing. Counter-example: a list whose points send the report nowhere."""
    claim = READER.read(
        "Operators of autonomous care robots in hospitals must report serious incidents to the Robot Standards Board."
    )
    first = "Operators of autonomous care robots in hospitals shall report serious incidents to the Commission."
    listed = (
        "In addition to the duties listed in Articles 5 and 6, operators of autonomous care robots in hospitals"
        " shall:\n(a) keep detailed"
        " logs of the operation of their robots for a period of ten years;\n(b) report serious incidents to the {}."
    )
    kept = [passage(first), passage(listed.format("Robot Standards Board"))]
    decided = decide(claim, rank_evidence(claim, kept, IDF), IDF)
    assert decided is None or decided[0].verdict != "refuted"
    elsewhere = [passage(first), passage(listed.format("owner of the robot"))]
    other = decide(claim, rank_evidence(claim, elsewhere, IDF), IDF)
    assert other is not None and other[0].reason == "recipient_differs"


@pytest.mark.parametrize(
    ("claim", "sentence", "verdict"),
    [
        (
            "ロボット委員会は、毎年、処理状況を最高裁判所に報告しなければならない。",
            "委員会は、毎年、国会に対し処理状況を報告しなければならない。",
            "refuted",
        ),
        (
            "事業者は、事故の内容を市長に届け出なければならない。",
            "事業者は、事故の内容を知事に届け出なければならない。",
            "refuted",
        ),
        # counter-examples: the same recipient; the sentence names the claimed one too; another verb
        (
            "ロボット委員会は、毎年、処理状況を国会に報告しなければならない。",
            "委員会は、毎年、国会に対し処理状況を報告しなければならない。",
            None,
        ),
        (
            "ロボット委員会は、毎年、処理状況を最高裁判所に報告しなければならない。",
            "委員会は、毎年、国会及び最高裁判所に対し処理状況を報告しなければならない。",
            None,
        ),
        (
            "ロボット委員会は、毎年、処理状況を最高裁判所に報告しなければならない。",
            "委員会は、毎年、国会に対し処理状況の資料を提出しなければならない。",
            None,
        ),
    ],
)
def test_a_japanese_recipient_the_sentence_does_not_name(claim: str, sentence: str, verdict: str | None) -> None:
    """The name before に (に対し) that a verb of reporting follows is the recipient; another one, with the claim's
    verb and the rest of the claim stated → refuted."""
    found = compare_recipient(READER.read(claim), sentence, IDF)
    assert (found.verdict if found else None) == verdict


CEA = "(i) The Chairman of the Council of Economic Advisers shall prepare a report on robot talent."
BLS = "The order tasks the Commissioner of Labor Statistics with preparing a report on robot talent."


def test_a_point_binding_a_party_of_its_own_states_its_own_duty() -> None:
    """Under a stem that binds no one ("the following actions shall be taken:"), a point naming its own party
    and modal states who must act: a claim giving the task to another office is refuted. A point with no party
    of its own states its stem's duty (the counter-example: the stem's Secretary is compared, and is claimed)."""
    claim = READER.read(BLS)
    taken = passage(f"(a) The following actions shall be taken within 180 days: {CEA}")
    decided = decide(claim, rank_evidence(claim, [taken], IDF), IDF)
    assert decided is not None and decided[0].reason == "actor_differs"
    own = READER.read("The order tasks the Secretary of Labor with preparing a report on robot talent.")
    bound = passage("(a) The Secretary of Labor shall, within 180 days: (i) prepare a report on robot talent.")
    decided = decide(own, rank_evidence(own, [bound], IDF), IDF)
    assert decided is None or decided[0].verdict != "refuted"


@pytest.mark.parametrize(
    ("other", "refuted"),
    [
        ("(ii) The Secretary of Labor shall submit a report on workforce disruptions.", True),  # another task
        ("(ii) The Commissioner of Labor Statistics shall also prepare a report on robot talent.", False),
    ],
)
def test_the_claimed_office_bound_to_another_task_leaves_the_refutation(other: str, refuted: bool) -> None:
    """A law binding the claimed office elsewhere leaves the refutation standing unless that sentence states as
    much of the claim (then the law gives the task to both)."""
    claim = READER.read(BLS)
    decided = decide(claim, rank_evidence(claim, [passage(CEA), passage(other)], IDF), IDF)
    assert (decided is not None and decided[0].reason == "actor_differs") is refuted
