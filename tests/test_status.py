"""A claim of a named text's own force against the text's own words about itself (answering/status.py): each
case with a counter-example of the same shape that must not be decided."""

from __future__ import annotations

import pytest

from govqa.answering.status import record_force
from govqa.corpus.manifest import Manifest
from govqa.records import Chunk, Document
from govqa.search.claim_reading import ClaimReader

FRAMEWORK = Document("robot-rmf", "Robot Risk Framework 1.0", "Robot Risk Framework", aliases=("RRF",))
ACT = Document("robot-act", "Robot Act of Examplia", "Robot Act", doc_type="statute")
SILENT = Document("robot-notes", "Robot Notes", "Robot Notes")
GUIDE = Document("robot-guide", "Robot Care Model Framework", "Robot Care Model Framework")
DOCS = {d.id: d for d in (FRAMEWORK, ACT, SILENT, GUIDE)}
READER = ClaimReader(Manifest(tuple(DOCS.values()), (), {}))


def _chunks(doc: Document, *texts: str) -> list[Chunk]:
    return [Chunk(doc.id, f"Part {n}", (), t, 0, len(t), None, None, "en", ordinal=n) for n, t in enumerate(texts)]


FRAMEWORK_TEXT = _chunks(
    FRAMEWORK,
    "Operators may report incidents voluntarily to the registry.",  # voluntary, but not said of the text
    "The Framework is intended to be voluntary and flexible for organizations of all sizes.",
)
GUIDE_TEXT = _chunks(
    GUIDE,
    # "voluntary" given to codes, not to the text (its title's kind is "Framework"), decides nothing
    "These voluntary codes of conduct may be drawn up by operators.",
    "This voluntary Model Framework gives guidance to operators of care robots.",
)
ACT_TEXT = _chunks(
    ACT,
    "The authority shall encourage the voluntary application of codes of conduct by operators under this Act.",
    "This Act shall be binding in its entirety.",
)
NOTES_TEXT = _chunks(SILENT, "Robots are machines.", "Operators may keep notes voluntarily.")
CHUNKS = [*FRAMEWORK_TEXT, *ACT_TEXT, *NOTES_TEXT, *GUIDE_TEXT]


@pytest.mark.parametrize(
    ("claim", "verdict", "quoted"),
    [
        ("The Robot Risk Framework is legally binding.", "refuted", "The Framework is intended to be voluntary"),
        ("The RRF is a voluntary framework.", "supported", "The Framework is intended to be voluntary"),
        ("The Robot Act is mandatory.", "supported", "This Act shall be binding"),
        # a law's sentence giving "voluntary" to codes of conduct under it says nothing of the law's own force
        ("The Robot Act is voluntary.", "refuted", "This Act shall be binding"),
        # Japanese negates with の as well as は/を/が, and calls it soft law; a binding claim stays binding
        ("RRFは法的拘束力のないソフトローという位置付けだ。", "supported", "The Framework is intended to be voluntary"),
        ("RRFは法的拘束力のある規範である。", "refuted", "The Framework is intended to be voluntary"),
        # … and in the continuative form, joining a further clause (「拘束力はなく、…」)
        ("RRFに法的拘束力はなく、解釈は裁判所が担う。", "supported", "The Framework is intended to be voluntary"),
        # the claim's negation reaches the force word: "creates no binding obligations" says it is not binding,
        # "is not voluntary" that it is; counter-example: a force word that denies itself ("not legally binding")
        ("The Robot Risk Framework does not create binding legal obligations.", "supported", "The Framework is"),
        ("The RRF creates no binding obligations.", "supported", "The Framework is intended to be voluntary"),
        ("The Robot Risk Framework is not voluntary.", "refuted", "The Framework is intended to be voluntary"),
        ("The Robot Act is binding, not voluntary.", "supported", "This Act shall be binding"),
        ("The Robot Act is not legally binding.", "refuted", "This Act shall be binding"),
        # a text calling itself by the kind its title ends in, with a word of force between: "This voluntary Model
        # Framework"; counter-example (in the same text): "These voluntary codes of conduct" are not the text
        ("The Robot Care Model Framework is voluntary.", "supported", "This voluntary Model Framework"),
        ("The Robot Care Model Framework is mandatory.", "refuted", "This voluntary Model Framework"),
        # counter-examples: a text that never describes its own force; a claim binding a party, not about the
        # text itself; a claim of no force at all
        ("The Robot Notes are not legally binding.", None, ""),
        ("Operators must register robots under the Robot Act, which is mandatory.", None, ""),
        ("The Robot Risk Framework covers incidents.", None, ""),
    ],
)
def test_a_claimed_force_of_a_text_against_its_own_words_about_itself(
    claim: str, verdict: str | None, quoted: str
) -> None:
    found = record_force(READER.read(claim), DOCS, CHUNKS)
    assert (found[0] if found else None) == verdict
    if found is not None:
        assert found[2].text.startswith(quoted)


def test_a_word_of_force_said_of_something_else_before_the_name_is_no_self_description() -> None:
    """Without the Act's own binding clause, its sentence on voluntary codes of conduct decides nothing."""
    assert record_force(READER.read("The Robot Act is voluntary."), DOCS, ACT_TEXT[:1]) is None


def test_the_answerer_asks_a_texts_force_before_its_evidence_sentences() -> None:
    from govqa.answering.claims import from_records

    judgement = from_records(READER.read("The Robot Risk Framework is legally binding."), DOCS, CHUNKS)
    assert judgement is not None and judgement.verdict == "refuted"
    assert judgement.reason.key == "evidence.force_otherwise" and judgement.reason.fields["stated"] == "voluntary"


@pytest.mark.parametrize(
    ("claim", "verdict", "quoted"),
    [
        # a duty to use the text claims it binding; no duty (a permission) claims it voluntary
        ("Operators are required to use the Robot Risk Framework.", "refuted", "The Framework is intended"),
        ("Operators are not required to follow the RRF.", "supported", "The Framework is intended"),
        ("Operators must comply with the Robot Act.", "supported", "This Act shall be binding"),
        # "legally bound to follow", "bound by" the text claim it binding too
        ("Operators are legally bound to follow the Robot Risk Framework.", "refuted", "The Framework is intended"),
        ("Operators are bound by the Robot Risk Framework.", "refuted", "The Framework is intended"),
        ("Operators are bound to follow the Robot Act.", "supported", "This Act shall be binding"),
        # counter-examples: a duty to use something the text describes; advice to use the text
        ("Operators must use robots that the Robot Risk Framework describes.", None, ""),
        ("Operators should use the Robot Risk Framework.", None, ""),
    ],
)
def test_a_duty_to_use_a_text_claims_its_force(claim: str, verdict: str | None, quoted: str) -> None:
    """ "X must use/follow/comply with <the text>" is compared with what the text says of its own force."""
    found = record_force(READER.read(claim), DOCS, CHUNKS)
    assert (found[0] if found else None) == verdict
    if found is not None:
        assert found[2].text.startswith(quoted)


@pytest.mark.parametrize(
    ("claim", "verdict"),
    [
        # a legal obligation said to be imposed by a text that calls itself voluntary
        ("Under the Robot Risk Framework, operators are obliged to label every robot.", "refuted"),
        ("RRFは、事業者に全てのロボットへの表示を義務付けている。", "refuted"),
        # counter-examples: "must" retells advice and claims no force; a binding text's obligation is judged on
        # its content, not on the text's force
        ("Under the Robot Risk Framework, operators must label every robot.", None),
        ("The Robot Act obliges operators to label every robot.", None),
    ],
)
def test_an_obligation_claimed_of_a_voluntary_text_is_refuted_by_its_words_about_itself(
    claim: str, verdict: str | None
) -> None:
    found = record_force(READER.read(claim), DOCS, CHUNKS)
    assert (found[0] if found else None) == verdict


@pytest.mark.parametrize(
    "claim",
    [
        "The Robot Act makes codes of conduct voluntary.",
        "The Robot Act says that codes of conduct are voluntary.",
        "The Robot Act treats the registry's rules as binding.",
    ],
)
def test_a_force_word_the_text_gives_to_something_else_is_no_claim_of_its_own_force(claim: str) -> None:
    """ "The Robot Act makes codes of conduct voluntary" speaks of the codes: the Act's binding clause does not
    refute it. Counter-examples (above and below): "The Robot Act is voluntary", "… describes itself as …"."""
    assert record_force(READER.read(claim), DOCS, CHUNKS) is None
    found = record_force(READER.read("The Robot Risk Framework describes itself as voluntary."), DOCS, CHUNKS)
    assert found is not None and found[0] == "supported"


def test_a_claimed_force_no_self_description_settles_is_not_stated_by_shared_words() -> None:
    """A text's own force is stated only by its words about itself: a sentence sharing the claim's other words
    ("member states", "legal") does not support "is legally binding on member states". Counter-example: the same
    sentence supports a claim of what it says."""
    from govqa.answering.evidence import decide, rank_evidence
    from govqa.records import Passage

    sentence = "Member States shall respect their legal obligations when they use robots under the Robot Notes."
    passage = Passage(Chunk(SILENT.id, "Part 1", (), sentence, 0, len(sentence), None, None, "en"), 1.0)
    force = READER.read("The Robot Notes are legally binding on member states.")
    assert decide(force, rank_evidence(force, [passage], {}), {}) is None
    duty = READER.read(
        "Under the Robot Notes, member states must respect their legal obligations when they use robots."
    )
    found = decide(duty, rank_evidence(duty, [passage], {}), {})
    assert found is not None and found[0].verdict == "supported"
