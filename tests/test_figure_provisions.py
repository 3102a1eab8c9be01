"""A claimed figure is checked where the text it names states it: that text's provisions stating the figure join
the claim's evidence (answering/stated_figures.with_figure_provisions over Retriever.passages_for), one per provision
across editions (fixture corpus, real index)."""

from __future__ import annotations

import dataclasses

import pytest
from fixture_corpus import ROBOT_ACT_2027, statute
from fixture_index import build_retriever

from govqa.answering.stated_figures import FigureTable, with_figure_provisions
from govqa.records import Passage
from govqa.search.retriever import Filters, Retriever

ACT, PRINT = "fx-robot-act-2027", "fx-robot-act-2027-print"


@pytest.fixture(scope="module")
def retriever(tmp_path_factory: pytest.TempPathFactory) -> Retriever:
    # the act's official print: a second edition holding the same provisions under the same names
    doc = dataclasses.replace(statute(PRINT, "RSA 2027 print"), aliases=("Robot Safety Act 2027",))
    return build_retriever(tmp_path_factory.mktemp("figures"), extra=[(doc, ROBOT_ACT_2027)])


def _passage(retriever: Retriever, doc_id: str, locator: str) -> Passage:
    chunk = next(c for c in retriever.chunks if c.doc_id == doc_id and c.locator == locator)
    return Passage(chunk, 1.0, document=retriever.documents[doc_id])


def _added(retriever: Retriever, claim: str, passages: list[Passage]) -> list[Passage]:
    query = retriever.analyze(claim)
    allowed = retriever.allowed_docs(Filters(), query.route)
    return with_figure_provisions(query.claim, passages, retriever, FigureTable(), allowed)[len(passages) :]


def test_the_provision_stating_a_claimed_period_joins_the_evidence_once_across_editions(retriever: Retriever) -> None:
    """Retrieval found the act's scope clause; the period the claim gives ("thirty days") stands in Article 3(2),
    printed in both editions: it is added once, from the preferred edition, the print as its copy."""
    claim = "Under the Robot Safety Act 2027, inspection reports must be sent within 30 days."
    added = _added(retriever, claim, [_passage(retriever, ACT, "Article 1(1)")])
    assert [(p.chunk.doc_id, p.chunk.locator) for p in added] == [(ACT, "Article 3(2)")]
    assert [e.chunk.doc_id for e in added[0].editions] == [PRINT]


def test_a_provision_already_among_the_passages_in_either_edition_is_not_added_again(retriever: Retriever) -> None:
    claim = "Under the Robot Safety Act 2027, inspection reports must be sent within 30 days."
    assert _added(retriever, claim, [_passage(retriever, PRINT, "Article 3(2)")]) == []


@pytest.mark.parametrize(
    "claim",
    [
        # counter-examples: a period the named text states nowhere (the older act's "ten days" is another text's)
        "Under the Robot Safety Act 2027, inspection reports must be sent within 10 days.",
        # the same figure, but the claim names no text: nothing says where to look
        "Inspection reports must be sent within 30 days.",
        # a count is of the claim's own nouns, not a figure a provision states
        "The Robot Safety Act 2027 has 30 articles.",
    ],
)
def test_nothing_joins_without_a_named_text_stating_the_figure(retriever: Retriever, claim: str) -> None:
    assert _added(retriever, claim, [_passage(retriever, ACT, "Article 1(1)")]) == []


def test_the_passages_for_chunks_found_by_structure_keep_their_order_and_editions(retriever: Retriever) -> None:
    ids = [
        _passage(retriever, PRINT, "Article 4(1)").chunk.id,
        _passage(retriever, ACT, "Article 4(1)").chunk.id,
        _passage(retriever, ACT, "Article 2(1)").chunk.id,
    ]
    found = retriever.passages_for(ids)
    assert [(p.chunk.doc_id, p.chunk.locator) for p in found] == [(ACT, "Article 4(1)"), (ACT, "Article 2(1)")]
    assert [e.chunk.doc_id for e in found[0].editions] == [PRINT] and found[1].editions == ()
    assert all(e.edition_of == found[0].chunk.id for e in found[0].editions)


def test_a_figure_table_reads_each_chunk_once(retriever: Retriever, monkeypatch: pytest.MonkeyPatch) -> None:
    import govqa.answering.stated_figures as stated_figures

    table, calls = FigureTable(), []
    read = stated_figures.figures_in
    monkeypatch.setattr(stated_figures, "figures_in", lambda text: calls.append(text) or read(text))
    chunk = _passage(retriever, ACT, "Article 3(2)").chunk
    first, again = table.of(chunk), table.of(chunk)
    assert first == again and ("period", "day", 30.0) in first and len(calls) == 1
