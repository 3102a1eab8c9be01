"""Relations between texts (documents/relations.py): guidance on a cited provision, the text revoking a cited
one, chapters of one code, and the legal effect of a non-binding quote, on invented documents."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from fixture_index import build_retriever

from govqa.answering.extractive import Answerer
from govqa.corpus.manifest import load_manifest
from govqa.documents.relations import interpreted, relation_notes, relation_problems, revocation, with_relations
from govqa.records import Answer, Chunk, Citation, Document, Passage
from govqa.settings import PROJECT_ROOT
from govqa.ui.viewer import library_rows

ACT = Document("robot-act", "Robot Act", "Robot Act", jurisdiction="XX", doc_type="regulation", legal_effect="binding")
GUIDE = Document(
    "robot-guide",
    "Guidelines on banned robots",
    "Guidelines on banned robots",
    legal_effect="non_binding",
    effect_note="Commission guidance (non-binding)",
    interprets=("robot-act#Article 5",),
)
OLD = Document(
    "order-1", "Order 1", "Executive Order 1", aliases=("EO 1", "Executive Order 1001"), status="revoked", format="pdf"
)
NEW = Document(
    "order-2", "Order 2", "Executive Order 2", revokes=("order-1",), format="pdf", official_url="https://x.y"
)
CODE_A = Document("code-a", "Code, chapter A", "Code: A", chapter_of="Robot Code", effect_note="voluntary code")
CODE_B = Document("code-b", "Code, chapter B", "Code: B", chapter_of="Robot Code", effect_note="voluntary code")
DOCS = {d.id: d for d in (ACT, GUIDE, OLD, NEW, CODE_A, CODE_B)}
REVOKING = Chunk(
    "order-2",
    "Section 2(a)–(b)",
    ("Section 2",),
    "(a) Executive Order 999 of 2020 (Robots).\n(b) Executive Order 1001 of 2021 (More robots).",
    100,
    180,
    3,
    3,
    "en",
)
GUIDE_PARAGRAPH = Chunk("robot-guide", "Paragraph (12)", (), "Dark patterns may be manipulative.", 0, 34, 4, 4, "en")


def _citation(n: int, doc: Document, locator: str) -> Citation:
    return Citation(n, doc.id, doc.short_title, locator, 1, "quote", "", "", doc.status, doc.legal_effect, "", 0, 5)


def _answer(*cites: tuple[Document, str]) -> Answer:
    citations = tuple(_citation(n, d, loc) for n, (d, loc) in enumerate(cites, start=1))
    return Answer("q?", "ask", "Short answer. [1]", citations)


@pytest.mark.parametrize("locator", ["Article 5(1)(a)", "Article 5", "Article 5(2)–(3)"])
def test_a_quote_of_an_interpreted_article_names_its_guidance(locator: str) -> None:
    """Citing any part of Article 5 brings the note that the guidelines on it are held, with its closest passage."""
    notes = relation_notes([("robot-act", locator)], DOCS, locate=lambda doc_id: GUIDE_PARAGRAPH)
    (note,) = [n for n in notes if n.kind == "guidance_on"]
    assert note.related == "robot-guide" and note.locator == "Paragraph (12)"
    assert "Guidelines on banned robots (Commission guidance (non-binding)) on Article 5 of the Robot Act" in note.text


@pytest.mark.parametrize(("doc_id", "locator"), [("robot-act", "Article 6"), ("robot-act", "Recital 5"), ("x", "5")])
def test_other_provisions_bring_no_guidance_note(doc_id: str, locator: str) -> None:
    """Article 6, a recital, or another text's "5" are not what the guidelines interpret."""
    assert not [n for n in relation_notes([(doc_id, locator)], DOCS) if n.kind == "guidance_on"]


def test_a_revoked_text_points_at_the_revoking_provision() -> None:
    """The revoked order's note names the revoking order and its section that names the revoked one."""
    note = revocation("order-1", DOCS, [GUIDE_PARAGRAPH, REVOKING])
    assert note is not None and note.related == "order-2" and note.locator == "Section 2(a)–(b)"
    assert note.text == (
        "Executive Order 1 is revoked: Executive Order 2, Section 2(a)–(b), p. 3 revokes it "
        "(in the library as order-2)."
    )
    assert revocation("order-2", DOCS, [REVOKING]) is None
    assert revocation("order-1", DOCS, []).locator == ""  # type: ignore[union-attr]  # index without the order


def test_the_hook_cites_the_revoking_item_verbatim() -> None:
    """An answer quoting the revoked order gains the revocation note and a citation of the item that revokes it."""
    answer = with_relations(_answer((OLD, "Section 4")), DOCS, [REVOKING])
    assert len(answer.citations) == 2
    cited = answer.citations[1]
    assert (cited.doc_id, cited.locator, cited.page) == ("order-2", "Section 2(a)–(b)", 3)
    assert cited.quote == "(b) Executive Order 1001 of 2021 (More robots)."
    assert REVOKING.text[cited.quote_start - 100 : cited.quote_end - 100] == cited.quote
    assert answer.text.endswith("revokes it (in the library as order-2). [2]")


def test_non_binding_quotes_are_labelled_and_chapters_named() -> None:
    """A quote from a code is labelled a voluntary code, and the code's other chapter is named."""
    notes = relation_notes([("code-a", "Commitment 1, Measure 1.1"), ("robot-act", "Article 6")], DOCS)
    assert [n.kind for n in notes] == ["legal_effect", "chapter_of"]
    assert notes[0].text == "[1] Code: A: voluntary code, not the text of a law."
    assert notes[1].text == "Robot Code: the library holds its chapters Code: A, Code: B."


def test_refusals_and_binding_only_answers_are_left_alone() -> None:
    """Nothing is added to a refusal, or to an answer citing only a binding text with no relation."""
    plain = _answer((ACT, "Article 6"))
    assert with_relations(plain, DOCS) == plain
    refused = replace(_answer((OLD, "Section 4")), refused=True)
    assert with_relations(refused, DOCS, [REVOKING]) == refused


def test_citation_labels_carry_the_legal_effect() -> None:
    """A citation of non-binding guidance says so in its label (and so in the CLI and JSON)."""
    cite = replace(_citation(1, GUIDE, "Paragraph (12)"), effect_label=GUIDE.effect_label)
    assert cite.label == "Guidelines on banned robots, Paragraph (12), p. 1 (Commission guidance (non-binding))"
    assert _citation(1, ACT, "Article 5").label == "Robot Act, Article 5, p. 1"


@pytest.mark.parametrize(
    ("doc", "problem"),
    [
        (replace(GUIDE, interprets=("nowhere#Article 5",)), "known id"),
        (replace(GUIDE, interprets=("robot-act",)), "DOC-ID#PROVISION"),
        (replace(GUIDE, interprets=("robot-act#the whole thing",)), "names no provision"),
        (replace(NEW, revokes=("order-9",)), "revokes unknown id 'order-9'"),
    ],
)
def test_bad_relations_are_reported(doc: Document, problem: str) -> None:
    """A relation to an unknown text or an unreadable provision is a problem naming the entry."""
    (message,) = relation_problems([ACT, OLD, doc])
    assert message.startswith(doc.id) and problem in message


def test_the_shipped_manifest_relations_resolve() -> None:
    """Every relation in corpus/sources.toml names a known text and a provision govqa reads."""
    manifest = load_manifest(PROJECT_ROOT / "corpus" / "sources.toml")
    assert relation_problems(manifest.documents, manifest.references) == []
    docs = {d.id: d for d in manifest.documents}
    assert docs["us-eo-14148-2025-federal-register"].revokes == ("us-eo-14110-2023-federal-register",)
    targets = {str(ref.main) for d in docs.values() for _, ref in interpreted(d)}
    assert {"5", "3", "51", "53", "55"} <= targets
    assert len({d.chapter_of for d in docs.values() if d.chapter_of}) == 1
    assert sum(1 for d in docs.values() if d.chapter_of) == 3


def test_library_rows_show_relations_and_legal_effect() -> None:
    """A Library row says what the text revokes or is revoked by, what it interprets, and its legal effect."""
    rows = {r["id"]: r for r in library_rows(DOCS.values(), [GUIDE_PARAGRAPH])}
    assert rows["order-2"]["relations"] == "revokes Executive Order 1"
    assert rows["order-1"]["relations"] == "revoked by Executive Order 2"
    assert rows["robot-guide"]["relations"] == "guidance on Article 5 of Robot Act"
    assert rows["code-a"]["relations"] == "chapter of Robot Code"
    assert rows["robot-guide"]["status"] == "current · Commission guidance (non-binding)"
    assert rows["robot-act"]["relations"] == "" and rows["robot-act"]["status"] == "current"


ROBOT_GUIDANCE = """Guidelines on robot registration
Article 1
(1) The Commission reads the registration duty of Article 2 of the Robot Safety Act broadly: a robot lent to a
neighbour for a week is still to be entered in the national registry by its operator before its first use there.
(2) These guidelines are not binding; only the Court gives an authoritative reading of the Robot Safety Act.
"""


def test_an_answer_quoting_the_interpreted_article_names_the_guidance(tmp_path: Path) -> None:
    """Through the real answerer: quoting Article 2 of the fixture act brings the note that guidance on it is held,
    with the guidance's closest passage; a quote from the guidance itself is labelled non-binding."""
    guide = Document(
        id="fx-robot-guidance",
        title="Guidelines on robot registration",
        short_title="Robot registration guidelines",
        file="fx-robot-guidance.txt",
        jurisdiction="EU",
        doc_type="guidelines",
        format="txt",
        profile="articles-text",
        status="current",
        legal_effect="non_binding",
        effect_note="Commission guidance (non-binding)",
        interprets=("fx-robot-act-2027#Article 2",),
        official_url="https://example.invalid/guidance",
    )
    retriever = build_retriever(tmp_path, extra=[(guide, ROBOT_GUIDANCE)])
    ans = Answerer(retriever.settings, retriever).answer("Who must register a robot in the national registry?")
    cited = {(c.doc_id, c.locator.split("(")[0]) for c in ans.citations}
    assert ("fx-robot-act-2027", "Article 2") in cited
    assert "Robot registration guidelines (Commission guidance (non-binding)) on Article 2 of the" in ans.text
    assert "in the library (fx-robot-guidance); the closest passage there: Article 1" in ans.text
    for c in ans.citations:
        assert (c.effect_label == "Commission guidance (non-binding)") is (c.doc_id == "fx-robot-guidance")


def test_a_refused_question_on_a_revoked_text_becomes_the_revoking_provision() -> None:
    """ "Who revoked order 1?" refused from the order's own text is answered by the order that revokes it."""
    refused = Answer("Who revoked Executive Order 1?", "ask", "The documents do not address this.", (), refused=True)
    answer = with_relations(refused, DOCS, [REVOKING], fate_of=("order-1",))
    assert not answer.refused
    assert answer.short_answer is not None
    assert answer.short_answer.startswith("Executive Order 1 is revoked: Executive Order 2, Section 2(a)–(b)")
    assert answer.text == "- Executive Order 2, Section 2(a)–(b): “(b) Executive Order 1001 of 2021 (More robots).” [1]"
    (cite,) = answer.citations
    assert (cite.n, cite.doc_id, cite.quote) == (1, "order-2", "(b) Executive Order 1001 of 2021 (More robots).")
    assert with_relations(refused, DOCS, [REVOKING], fate_of=("robot-act",)) == refused
    assert with_relations(refused, DOCS, [], fate_of=("order-1",)) == refused  # the index lacks the order


def test_a_question_on_a_revoked_texts_fate_cites_the_revoking_provision_first() -> None:
    """Answered from the revoked order's own quotes, "Is order 1 still in force?" leads with the revoking item [1];
    the order's quotes follow renumbered, and the revoking chunk ranks first among the passages."""
    quoted = Chunk("order-1", "Section 4", (), "Agencies shall report [sic].", 0, 27, 2, 2, "en")
    old = replace(_answer((OLD, "Section 4"), (OLD, "Section 5")), text="The texts say:\n- a [1]\n- b [2] [3]")
    old = replace(old, passages=(Passage(quoted, 0.5),))
    answer = with_relations(old, DOCS, [REVOKING], fate_of=("order-1",))
    assert [(c.n, c.doc_id, c.locator) for c in answer.citations] == [
        (1, "order-2", "Section 2(a)–(b)"),
        (2, "order-1", "Section 4"),
        (3, "order-1", "Section 5"),
    ]
    assert answer.text.split("\n")[0] == "The texts say:"
    assert answer.text.split("\n")[1].startswith("- Executive Order 2, Section 2(a)–(b): “(b) Executive Order 1001")
    assert answer.text.split("\n")[2:] == ["- a [2]", "- b [3] [3]"]  # "[3]" names no citation of the old answer
    assert answer.short_answer is not None and answer.short_answer.startswith("Executive Order 1 is revoked")
    assert [p.chunk.doc_id for p in answer.passages] == ["order-2", "order-1"]
    assert "revokes it" not in answer.text  # not noted twice


@pytest.mark.parametrize("fate_of", [(), ("robot-act",)])
def test_a_question_on_what_a_revoked_text_requires_quotes_it_first(fate_of: tuple[str, ...]) -> None:
    """Asked what order 1 requires (not its fate), the answer quotes order 1 first and notes the revocation last."""
    answer = with_relations(_answer((OLD, "Section 4")), DOCS, [REVOKING], fate_of=fate_of)
    assert [c.doc_id for c in answer.citations] == ["order-1", "order-2"]
    assert answer.short_answer is None and answer.text.startswith("Short answer. [1]")


def test_a_claim_on_a_revoked_text_keeps_its_verdicts_quote_first() -> None:
    """In claim mode the quote a verdict rests on stays [1]; the revocation is noted after it."""
    claim = replace(_answer((OLD, "Section 4")), mode="claim", verdict="supported")
    answer = with_relations(claim, DOCS, [REVOKING], fate_of=("order-1",))
    assert [c.doc_id for c in answer.citations] == ["order-1", "order-2"]


@pytest.mark.parametrize(
    ("question", "fate"),
    [
        ("Who revoked EO 14110?", True),
        ("Which order revoked Executive Order 14110?", True),
        ("Is Executive Order 14110 still in force?", True),
        ("Who must register a robot?", False),
        ("What must providers do when a model is replaced?", False),
        # a decision on a text, reported as news: what became of it
        ("The state legislature voted to delay the Robot Act until next June.", True),
        ("Parliament agreed to repeal the Robot Act last week.", True),
        # counter-examples: a power the text gives, a party's decision
        ("The Robot Act allows the authority to delay an approval.", False),
        ("Must deployers who decided to suspend the system notify the authority?", False),
    ],
)
def test_questions_on_what_became_of_a_text(question: str, fate: bool) -> None:
    """Who or which revoked a text asks its fate, as "still in force?" does; a party's duty does not."""
    from govqa.search.reading import ASKS_FATE, PARTY

    assert (bool(ASKS_FATE.search(question)) and not PARTY.search(question)) is fate


OLD_ORDER_TEXT = """Robot Reporting Order
Article 1
Operators shall report every robot incident to the registry authority within ten days of the incident.
Article 2
The registry authority shall publish a yearly summary of the reported robot incidents.
"""
NEW_ORDER_TEXT = """Order on robot rules
Article 1
The following orders are hereby revoked:
(a) the Robot Reporting Order of 1 March 2027 (Incidents of robots).
(b) the Robot Paint Order of 2 March 2027 (Colours of robots).
"""


def _orders() -> list[tuple[Document, str]]:
    common = {"jurisdiction": "XX", "doc_type": "executive_order", "format": "txt", "profile": "articles-text"}
    old = Document(
        id="fx-old-order",
        title="Robot Reporting Order",
        short_title="Robot Reporting Order",
        file="fx-old-order.txt",
        status="revoked",
        official_url="https://example.invalid/old",
        **common,  # type: ignore[arg-type]
    )
    new = Document(
        id="fx-new-order",
        title="Order on robot rules",
        short_title="Order on robot rules",
        file="fx-new-order.txt",
        status="in_force",
        revokes=("fx-old-order",),
        official_url="https://example.invalid/new",
        **common,  # type: ignore[arg-type]
    )
    return [(old, OLD_ORDER_TEXT), (new, NEW_ORDER_TEXT)]


@pytest.mark.parametrize(
    ("question", "first"),
    [
        ("Is the Robot Reporting Order still in force?", "fx-new-order"),
        ("Who revoked the Robot Reporting Order?", "fx-new-order"),
        ("What must operators report under the Robot Reporting Order?", "fx-old-order"),
    ],
)
def test_the_real_answerer_leads_a_fate_question_with_the_revoking_item(
    tmp_path: Path, question: str, first: str
) -> None:
    """Through the real answerer and index: asked whether a revoked order is in force or who revoked it, the answer
    cites first the item of the held order that revokes it; asked what the revoked order requires, it quotes that
    order first and notes the revocation after."""
    retriever = build_retriever(tmp_path, extra=_orders())
    ans = Answerer(retriever.settings, retriever).answer(question)
    assert not ans.refused
    assert ans.citations[0].doc_id == first
    revoking = [c for c in ans.citations if c.doc_id == "fx-new-order"]
    assert [c.quote for c in revoking] == ["(a) the Robot Reporting Order of 1 March 2027 (Incidents of robots)."]
    if first == "fx-new-order":
        assert ans.short_answer is not None and ans.short_answer.startswith("Robot Reporting Order is revoked")
        assert ans.passages[0].chunk.doc_id == "fx-new-order"
    else:
        assert ans.text.rstrip().endswith(f"[{revoking[0].n}]")
