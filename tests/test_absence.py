"""Role absence: a question about a kind of provision that the laws it names do not have gets a "no" that says
what was checked, and a claim that asserts such a provision is refuted; silence is never read into guidance,
a jurisdiction-wide question or an index without roles."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from fixture_corpus import FILLER, statute
from fixture_index import build_retriever

from govqa.answering import absence
from govqa.answering.extractive import Answerer
from govqa.search.intents import asked_roles
from govqa.search.retriever import Retriever


def absent_role(question: str, retriever: Retriever) -> absence.Absence | None:
    """The absence the checks find for a question read once, over the retriever's library."""
    return absence.absent_role(retriever.analyze(question), Answerer(retriever.settings, retriever).context("ask"))


@pytest.fixture(scope="module")
def retriever(tmp_path_factory: pytest.TempPathFactory) -> Retriever:
    """The fixture corpus: the Robot Safety Act 2027 has penalties; the Japan Robot Act (ja + en) has none."""
    return build_retriever(tmp_path_factory.mktemp("absence"))


@pytest.fixture(scope="module")
def answerer(retriever: Retriever) -> Answerer:
    return Answerer(retriever.settings, retriever)


@pytest.mark.parametrize(
    ("question", "asks"),
    [
        ("Does the Act impose fines on operators?", True),
        ("What penalties apply?", True),
        ("Can regulators sanction a provider?", True),
        ("この法律に罰則はありますか", True),
        ("과태료가 있습니까?", True),
        ("How do I fine-tune a model under the Act?", False),
        ("Does fine tuning count as placing on the market?", False),
        ("Is fine-grained logging required?", False),
        ("Who must register a robot?", False),
    ],
)
def test_questions_asking_about_penalties_are_recognised(question: str, asks: bool) -> None:
    """Fines, penalties and sanctions (ja, ko too) ask for enforcement provisions; fine-tuning does not."""
    assert ("enforcement" in asked_roles(question)) is asks


def test_a_law_without_penalties_answers_no_and_names_what_was_checked(answerer: Answerer) -> None:
    """Asked about penalties in the Japan Robot Act, the answer says no, names both texts checked, and quotes
    the act's own provisions."""
    ans = answerer.answer("Does the Japan Robot Act impose fines on operators?")
    first = ans.text.splitlines()[0]
    assert first.startswith("No: The indexed text of ") and "contains no provision on penalties or fines" in first
    assert "Japan Robot Act (EN)" in first and "ロボット安全法" in first
    assert ans.citations and {c.doc_id for c in ans.citations} <= {"fx-jp-robot-en", "fx-jp-robot-ja"}
    assert not ans.refused


def test_a_japanese_question_gets_a_japanese_no(answerer: Answerer) -> None:
    """The finding is framed in Japanese for a Japanese question."""
    ans = answerer.answer("Japan Robot Act に罰則はありますか")
    assert ans.text.startswith("いいえ。索引にある") and "罰則・過料の規定がありません" in ans.text


@pytest.mark.parametrize(
    ("claim", "verdict"),
    [
        ("The Japan Robot Act lets regulators fine operators.", "refuted"),
        ("The Japan Robot Act has no penalties.", "supported"),
        # "rather than" / "instead of" deny what follows them
        ("The Japan Robot Act relies on cooperation rather than penalties.", "supported"),
        ("The Japan Robot Act relies on guidance instead of fines.", "supported"),
        ("The Japan Robot Act fines operators rather than warning them.", "refuted"),
        # a negation inside a relative clause is not the claim's: it still claims the law fines
        ("The Japan Robot Act fines operators that do not register their robots.", "refuted"),
    ],
)
def test_a_claim_about_missing_penalties_gets_a_verdict_with_its_reason(
    answerer: Answerer, claim: str, verdict: str
) -> None:
    """A claim that the law fines is refuted, one that it has no penalties is supported, both saying why, and
    the short answer leads with the verdict and the finding."""
    ans = answerer.answer(claim, mode="claim")
    assert ans.verdict == verdict
    assert "contains no provision on penalties or fines" in ans.verdict_reason
    head = {"refuted": "Contradicted: ", "supported": "Supported: "}[verdict]
    assert ans.short_answer and ans.short_answer.startswith(head)
    assert "contains no provision on penalties or fines" in ans.short_answer
    assert ans.citations


def test_a_law_with_penalties_is_not_said_to_lack_them(answerer: Answerer, retriever: Retriever) -> None:
    """The Robot Safety Act 2027 has a fine: no absence, and the claim is not refuted on that ground."""
    assert absent_role("Does RSA 2027 impose fines on operators?", retriever) is None
    ans = answerer.answer("RSA 2027 lets regulators fine operators.", mode="claim")
    assert "contains no provision" not in ans.verdict_reason


def test_guidance_and_questions_without_a_named_law_say_nothing_about_absence(retriever: Retriever) -> None:
    """Silence is read only into laws the question names: not guidance, not a question naming no text."""
    assert absent_role("Do the Data Guidelines impose fines?", retriever) is None
    assert absent_role("Are there fines for robots?", retriever) is None


def test_an_index_without_roles_says_nothing_about_absence(retriever: Retriever) -> None:
    """Chunks indexed before roles were tagged carry none: that is no evidence of a missing provision."""
    original = retriever.chunks
    try:
        retriever.chunks = [dataclasses.replace(c, roles=()) for c in original]  # chunks are frozen records
        assert absent_role("Does the Japan Robot Act impose fines on operators?", retriever) is None
    finally:
        retriever.chunks = original


def test_the_fixture_laws_carry_the_roles_the_rule_reads(retriever: Retriever) -> None:
    """The rule's premise on the fixture: the 2027 act has an enforcement chunk, the Japan Robot Act none."""
    roles = {(c.doc_id, r) for c in retriever.chunks for r in c.roles}
    assert ("fx-robot-act-2027", "enforcement") in roles
    assert not {d for d, r in roles if r == "enforcement"} & {"fx-jp-robot-en", "fx-jp-robot-ja"}


KITE_ACT = f"""Kite Register Act
Article 1
(1) Every kite shall be entered in the kite register before its first flight. {FILLER}
Article 2
(1) The minister of kites may enforce this Act against any owner who flies an unregistered kite. {FILLER}
"""


def test_a_law_whose_text_speaks_of_enforcing_it_is_never_said_to_lack_enforcement(tmp_path: Path) -> None:
    """No enforcement role was tagged (no cue reads "may enforce"), but the text uses the word: no absence."""
    doc = statute("fx-kite-act", "Kite Register Act")
    retriever = build_retriever(tmp_path, extra=[(doc, KITE_ACT)])
    assert not any("enforcement" in c.roles for c in retriever.chunks if c.doc_id == doc.id)
    assert absent_role("Does the Kite Register Act impose penalties?", retriever) is None


@pytest.mark.parametrize(
    ("claim", "absent"),
    [
        # a jurisdiction and a generic name, narrowed by a topic its title carries, name the one law
        ("Japan's robot law lets regulators fine operators.", True),
        ("Does Japanese robot law impose fines?", True),
        # counter-examples: no topic ("Japanese law" is every Japanese statute, not the one the library holds);
        # a topic the title does not carry keeps every statute of the jurisdiction
        ("Japanese law fines operators.", False),
        ("Japan's new law fines operators.", False),
        ("Japan's drone law fines operators.", False),
    ],
)
def test_a_law_named_by_a_description_of_one_text_is_checked_for_absence(
    retriever: Retriever, claim: str, absent: bool
) -> None:
    """A description that resolves to one text in its language versions names it as its title would."""
    found = absent_role(claim, retriever)
    assert (found is not None) is absent
    if found:
        assert {d.id for d in found.documents} == {"fx-jp-robot-ja", "fx-jp-robot-en"}
