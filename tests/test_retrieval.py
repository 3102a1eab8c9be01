"""Hybrid retrieval over a real embedded Chroma index of the invented fixture corpus.

The index is built once per module with keyword-count embedders (tests/conftest.py), so rankings
are deterministic and follow the words the fixture texts share with the questions.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import NamedTuple

import numpy as np
import pytest
from conftest import KeywordEmbedder, make_settings
from fixture_corpus import build_corpus
from langchain_core.documents import Document as LCDocument
from langchain_core.embeddings import Embeddings

from govqa.corpus import Manifest
from govqa.errors import IndexMissingError, QuestionError
from govqa.index.pipeline import ingest
from govqa.records import Chunk, Document
from govqa.search.definitions import DefinitionIndex
from govqa.search.fusion import collapse_duplicates, make_reranker
from govqa.search.langchain import GovQARetriever
from govqa.search.query import ASKS_DEFINITION, MAX_QUESTION_CHARS, definition_patterns, quoted_terms
from govqa.search.reading import question_focus
from govqa.search.retriever import Filters, Retriever, build_retriever, retrieve
from govqa.search.routing import Router
from govqa.search.scope import allowed_docs
from govqa.settings import Settings


class Indexed(NamedTuple):
    settings: Settings
    manifest: Manifest
    embedders: dict[str, Embeddings]
    retriever: Retriever


@pytest.fixture(scope="module")
def indexed(tmp_path_factory: pytest.TempPathFactory) -> Indexed:
    """The five fixture documents ingested into Chroma under a module tmp dir."""
    root = tmp_path_factory.mktemp("retrieval")
    settings = make_settings(root)
    manifest = build_corpus(settings.cache_dir)
    embedders: dict[str, Embeddings] = {
        "dense": KeywordEmbedder("fake-keywords"),
        "multilingual": KeywordEmbedder("fake-keywords-2"),
    }
    reports = ingest(settings, manifest=manifest, embedders=embedders)
    assert [r.state for r in reports] == ["ingested"] * len(manifest.documents), reports
    return Indexed(settings, manifest, embedders, build_retriever(settings, embedders=embedders, manifest=manifest))


@pytest.fixture
def retriever(indexed: Indexed) -> Retriever:
    return indexed.retriever


def _docs(passages: list) -> list[str]:  # type: ignore[type-arg]
    return [p.chunk.doc_id for p in passages]


# ---------------------------------------------------------------- ranking


@pytest.mark.parametrize(
    ("question", "doc_id", "locator"),  # locator: what the top passage's locator starts with
    [
        ("How must data privacy be protected, and what transparency label is required?", "fx-data-guidelines", None),
        ("Who writes the inspection report, and when is it sent?", "fx-robot-act-2027", "Article 3(2)"),
        ("What penalty or fine applies to an operator?", "fx-robot-act-2027", "Article 4("),
    ],
)
def test_fusion_ranks_the_passage_sharing_the_question_words_first(
    retriever: Retriever, question: str, doc_id: str, locator: str | None
) -> None:
    """Dense and BM25 lists fused by RRF put the passage with the question's words on top."""
    top = retriever.retrieve(question)[0]
    assert top.chunk.doc_id == doc_id
    if locator:
        assert top.chunk.locator.startswith(locator)
    assert {"dense", "multilingual", "lexical"} <= set(top.scores)
    assert top.document is not None and top.document.id == doc_id


def test_scores_are_descending_and_k_is_respected(retriever: Retriever) -> None:
    """Passages come best first, at most k of them, without repeats."""
    passages = retriever.retrieve("robot safety inspection", k=5)
    assert len(passages) == 5
    scores = [p.score for p in passages]
    assert scores == sorted(scores, reverse=True)
    assert len({p.chunk.id for p in passages}) == 5


@pytest.mark.parametrize(
    ("question", "named"),
    [
        ("In the Data Guidelines, what is said about robot safety?", {"fx-data-guidelines"}),
        ("What does the Japan Robot Act say about robot safety?", {"fx-jp-robot-en", "fx-jp-robot-ja"}),
    ],
)
def test_a_named_document_is_boosted(retriever: Retriever, question: str, named: set[str]) -> None:
    """Naming a text by alias or short title lifts its passages above better word matches elsewhere."""
    unnamed = retriever.retrieve("What is said about robot safety?")
    assert unnamed[0].chunk.doc_id == "fx-robot-act-2027"  # the words alone favour another text
    passages = retriever.retrieve(question, k=3)
    assert set(_docs(passages)) <= named
    assert all(p.scores.get("routed") == 1.0 for p in passages)


@pytest.mark.parametrize(
    ("question", "doc_id", "locator"),
    [
        ("What does Article 2(1) of the Robot Safety Act 2027 require?", "fx-robot-act-2027", "Article 2(1)"),
        ("RSA 2027 Art. 2(2)", "fx-robot-act-2027", "Article 2(2)"),
        ("Robot Safety Act 2027, article 4", "fx-robot-act-2027", "Article 4(1)"),
        ("What does Article 3(2) say?", "fx-robot-act-2027", "Article 3(2)"),
        ("ロボット安全法第二条", "fx-jp-robot-ja", "第二条第一項–第二項"),
        ("ロボット安全法の第2条第2項は？", "fx-jp-robot-ja", "第二条第一項–第二項"),
        ("ロボット安全法　第３条", "fx-jp-robot-ja", "第三条"),
        ("Data Guidelines Article 2", "fx-data-guidelines", "Article 2"),
    ],
)
def test_a_named_provision_comes_first(retriever: Retriever, question: str, doc_id: str, locator: str) -> None:
    """A provision reference ("Article 2(1)", "Art. 2(2)", "第二条", "第2条第2項") returns that provision first."""
    top = retriever.retrieve(question)[0]
    assert (top.chunk.doc_id, top.chunk.locator) == (doc_id, locator)
    assert "lookup" in top.scores


def test_an_article_caption_the_question_names_is_searched(
    retriever: Retriever, monkeypatch: pytest.MonkeyPatch
) -> None:
    """「検査」 is the caption of 第三条（検査）: the routed law's article under it is found by its caption (the
    "caption" list); with that list weighted 0 no passage has the signal."""
    question = "ロボット安全法の検査について教えてください"
    captioned = [p for p in retriever.retrieve(question) if "caption" in p.scores]
    assert [(p.chunk.doc_id, p.chunk.locator) for p in captioned] == [("fx-jp-robot-ja", "第三条")]
    off = retriever.settings.retrieval.model_copy(update={"weight_caption": 0.0})
    monkeypatch.setattr(retriever, "settings", retriever.settings.model_copy(update={"retrieval": off}))
    assert not any("caption" in p.scores for p in retriever.retrieve(question))


def test_a_provision_across_a_page_break_keeps_its_pages(retriever: Retriever) -> None:
    """The PDF's Article 2 runs from page 2 to page 3, and its passage says so."""
    top = retriever.retrieve("Data Guidelines Article 2")[0]
    assert (top.chunk.page_start, top.chunk.page_end, top.chunk.page_label) == (2, 3, "pp. 2–3")
    assert "placed where people look" in top.chunk.text


def test_the_original_comes_with_a_translation_when_asked_for(retriever: Retriever) -> None:
    """Asking for the Japanese original of a translated article puts both language versions at the top."""
    passages = retriever.retrieve("Show the Japanese original of Article 3 of the Japan Robot Act (EN)", k=4)
    assert {(p.chunk.doc_id, p.chunk.locator) for p in passages[:2]} == {
        ("fx-jp-robot-en", "Article 3"),
        ("fx-jp-robot-ja", "第三条"),
    }


# ---------------------------------------------------------------- filters


@pytest.mark.parametrize(
    ("filters", "allowed"),
    [
        (Filters(jurisdictions=("JP",)), {"fx-jp-robot-ja", "fx-jp-robot-en"}),
        (Filters(doc_ids=("fx-data-guidelines",)), {"fx-data-guidelines"}),
        (Filters(languages=("ja",)), {"fx-jp-robot-ja"}),
        (Filters(doc_types=("guidelines",)), {"fx-data-guidelines"}),
        (Filters(jurisdictions=("EU",), include_superseded=True), {"fx-robot-act-2027", "fx-robot-act-2020"}),
    ],
)
def test_filters_limit_the_documents(retriever: Retriever, filters: Filters, allowed: set[str]) -> None:
    """Jurisdiction, document, language and type filters keep every passage inside the allowed texts."""
    passages = retriever.retrieve("robot safety registry inspection fine data", filters, k=20)
    assert passages
    assert set(_docs(passages)) <= allowed
    if len(allowed) == 2:
        assert set(_docs(passages)) == allowed


def test_filters_matching_nothing_return_nothing(retriever: Retriever) -> None:
    """Known filter values that no document satisfies together give an empty list, not an error; a value no
    indexed document has is a QuestionError naming it (tests/test_unknown_values.py)."""
    assert retriever.retrieve("robot safety", Filters(jurisdictions=("JP",), doc_ids=("fx-robot-act-2027",))) == []
    with pytest.raises(QuestionError, match="Unknown jurisdiction 'KR'"):
        retriever.retrieve("robot safety", Filters(jurisdictions=("KR",)))


MINISTRY = "Must operators notify the ministry of robotics by registered letter?"


def test_superseded_text_is_left_out_while_its_successor_is_indexed(retriever: Retriever) -> None:
    """By default the 2020 act (superseded by the indexed 2027 act) never appears, even on its own words."""
    passages = retriever.retrieve(MINISTRY, k=20)
    assert "fx-robot-act-2020" not in _docs(passages)


def test_superseded_text_is_included_on_request(indexed: Indexed) -> None:
    """include_superseded (per query or in the settings) brings the 2020 act back, and its words rank it first."""
    assert indexed.retriever.retrieve(MINISTRY, Filters(include_superseded=True))[0].chunk.doc_id == "fx-robot-act-2020"
    retrieval = indexed.settings.retrieval.model_copy(update={"include_superseded": True})
    settings = indexed.settings.model_copy(update={"retrieval": retrieval})
    other = build_retriever(settings, embedders=indexed.embedders, manifest=indexed.manifest)
    assert other.retrieve(MINISTRY)[0].chunk.doc_id == "fx-robot-act-2020"


def test_superseded_text_is_searched_when_asked_for_by_id(retriever: Retriever) -> None:
    """Filtering on the superseded text's id is an explicit request for it."""
    passages = retriever.retrieve(MINISTRY, Filters(doc_ids=("fx-robot-act-2020",)))
    assert passages and set(_docs(passages)) == {"fx-robot-act-2020"}


def test_superseded_text_named_in_the_question_is_searched(retriever: Retriever) -> None:
    """A question naming the superseded text by its short title searches that text."""
    passages = retriever.retrieve("What did the Robot Safety Act 2020 say about the ministry of robotics?")
    assert passages[0].chunk.doc_id == "fx-robot-act-2020"


@pytest.mark.parametrize(
    ("question", "searched"),
    [
        ("In 2021, did operators have to notify the ministry by letter?", True),  # the 2020 act was the text
        ("Claim: 'Since the act was adopted in May 2020, operators notify the ministry.'", True),
        ("Since 2028, must operators notify the ministry?", False),  # the 2027 act is the text
        ("In 2019, did operators have to notify the ministry?", False),  # neither existed yet
        ("Must operators notify the ministry by letter?", False),  # no date: the text in force
    ],
)
def test_a_question_dated_to_a_superseded_version_s_time_searches_it(question: str, searched: bool) -> None:
    """A question that dates itself to a year when the superseded version was the text (dated that year or
    before, its successor later) asks about that version; otherwise the successor stands alone."""
    old = Document(
        id="old",
        title="Robot Act",
        short_title="Robot Act",
        status="superseded",
        superseded_by="new",
        date="2020-05-01",
    )
    new = Document(id="new", title="Robot Act", short_title="Robot Act", status="in_force", date="2027-01-01")
    docs = {d.id: d for d in (old, new)}
    route = Router(docs.values(), {}).route(question)
    assert ("old" in allowed_docs(docs, set(docs), Filters(), route, include_superseded=False)) is searched


def test_superseded_text_without_indexed_successor_is_searched(tmp_path: Path) -> None:
    """When the successor is not in the index, the superseded text is the best there is and is searched."""
    settings = make_settings(tmp_path)
    manifest = build_corpus(settings.cache_dir)
    embedders: dict[str, Embeddings] = {"dense": KeywordEmbedder("fake-keywords")}
    ingest(settings, doc_ids=["fx-robot-act-2020", "fx-data-guidelines"], manifest=manifest, embedders=embedders)
    retriever = build_retriever(settings, embedders=embedders, manifest=manifest)
    assert retriever.retrieve(MINISTRY)[0].chunk.doc_id == "fx-robot-act-2020"


# ---------------------------------------------------------------- interfaces


def test_langchain_retriever_returns_documents_with_provenance(indexed: Indexed) -> None:
    """GovQARetriever.invoke gives LangChain Documents: verbatim text, chunk id and full provenance metadata."""
    lc = GovQARetriever(retriever=indexed.retriever, k=3)
    docs = lc.invoke("Data Guidelines Article 2")
    assert len(docs) == 3 and all(isinstance(d, LCDocument) for d in docs)
    first = docs[0]
    chunk = next(c for c in indexed.retriever.chunks if c.id == first.id)
    assert first.page_content == chunk.text
    assert first.metadata["doc_id"] == "fx-data-guidelines" and first.metadata["locator"] == "Article 2"
    assert (first.metadata["page_start"], first.metadata["page_end"]) == (2, 3)
    assert first.metadata["title"] == "Data Guidelines"
    assert {"heading", "lang", "score", "scores"} <= set(first.metadata)
    assert first.metadata["scores"]["lookup"] > 0


def test_langchain_retriever_applies_filters(indexed: Indexed) -> None:
    """Filters given to GovQARetriever restrict what it returns."""
    lc = GovQARetriever(retriever=indexed.retriever, filters=Filters(jurisdictions=("JP",)), k=5)
    assert {d.metadata["doc_id"] for d in lc.invoke("robot safety")} <= {"fx-jp-robot-ja", "fx-jp-robot-en"}


def test_xml_passages_have_no_pages(retriever: Retriever) -> None:
    """Passages from law XML carry no page numbers (None, not a sentinel)."""
    top = retriever.retrieve("ロボット安全法第三条")[0]
    assert (top.chunk.page_start, top.chunk.page_end, top.chunk.page_label) == (None, None, "")


@pytest.mark.parametrize("question", ["", "   ", "\n\t ", "\x00\x07", None])
def test_empty_questions_raise(retriever: Retriever, question: str | None) -> None:
    """An empty or whitespace/control-only question is a QuestionError asking for a question."""
    with pytest.raises(QuestionError, match="empty"):
        retriever.retrieve(question)  # type: ignore[arg-type]


def test_overlong_questions_raise(retriever: Retriever) -> None:
    """A question beyond the length limit is a QuestionError stating the limit."""
    with pytest.raises(QuestionError, match=str(MAX_QUESTION_CHARS)):
        retriever.retrieve("robot " * MAX_QUESTION_CHARS)


def test_retrieve_function_uses_a_given_retriever(indexed: Indexed) -> None:
    """govqa.retrieve() with a retriever returns the same passages as the retriever."""
    ours = retrieve("robot registry", indexed.settings, retriever=indexed.retriever, k=3)
    assert [p.chunk.id for p in ours] == [p.chunk.id for p in indexed.retriever.retrieve("robot registry", k=3)]


def test_retriever_without_an_index_says_how_to_build_it(tmp_path: Path) -> None:
    """Opening an empty index folder is an IndexMissingError pointing at `govqa ingest`."""
    settings = make_settings(tmp_path)
    embedders: dict[str, Embeddings] = {"dense": KeywordEmbedder()}
    with pytest.raises(IndexMissingError, match="govqa ingest"):
        build_retriever(settings, embedders=embedders, manifest=Manifest((), ()))


def test_chunks_unknown_to_the_manifest_are_not_returned(indexed: Indexed) -> None:
    """A retriever whose manifest lacks an indexed document never returns that document's chunks."""
    manifest = dataclasses.replace(
        indexed.manifest, documents=tuple(d for d in indexed.manifest.documents if d.id != "fx-data-guidelines")
    )
    other = build_retriever(indexed.settings, embedders=indexed.embedders, manifest=manifest)
    assert "fx-data-guidelines" not in _docs(other.retrieve("data privacy transparency label", k=20))


@pytest.mark.parametrize("question", [MINISTRY, "Data Guidelines Article 2", "robot safety registration"])
def test_in_memory_dense_search_ranks_like_chroma(indexed: Indexed, question: str) -> None:
    """The exact in-memory dense search returns the same ranking as Chroma's own query."""
    settings = indexed.settings.model_copy(deep=True)
    settings.retrieval.dense_backend = "chroma"
    via_chroma = build_retriever(settings, embedders=indexed.embedders, manifest=indexed.manifest)
    allowed = sorted(indexed.retriever.documents)
    for index in ("dense", "multilingual"):
        memory = indexed.retriever._dense(index, question, 5, allowed)
        chroma = via_chroma._dense(index, question, 5, allowed)
        # The fake embedder makes ties, which either side may break its own way: compare the scores.
        assert memory and [s for _, s in memory] == pytest.approx([s for _, s in chroma], abs=1e-3)


# ---------------------------------------------------------------- question analysis and de-duplication


@pytest.mark.parametrize(
    ("question", "focus"),
    [
        (
            "We are a hospital deploying a high-risk AI system. Who on our side has to oversee it?",
            "Who on our side has to oversee it?",
        ),
        ("Our startup stores chat logs. What security duty applies to us?", "What security duty applies to us?"),
        ("What does Art. 5 say about scoring?", ""),
        ("Claim: 'Robots must be registered.' Does the corpus support that?", ""),
        ("What is the fine for an operator?", ""),
    ],
    ids=["scenario", "two-sentences", "abbreviation-is-not-a-sentence-end", "frame-only-ask", "one-sentence"],
)
def test_question_focus_is_the_asking_sentence_after_a_scenario(question: str, focus: str) -> None:
    """A scene followed by a question yields the question; one sentence or a bare frame yields nothing."""
    assert question_focus(question) == focus


@pytest.mark.parametrize(
    ("question", "terms"),
    [
        ("How does the RMF define 'risk tolerance'?", ["risk tolerance"]),
        (
            "「情報の完全性（Information Integrity）」をどう説明していますか？",
            ["情報の完全性(information integrity)", "情報の完全性", "information integrity"],
        ),
        ("個人情報の「不適正な利用」を禁止する条文", ["不適正な利用"]),
        ("What's the operator's duty?", []),
    ],
    ids=["latin-quotes", "cjk-with-parenthesised-name", "cjk-brackets-inside-a-sentence", "apostrophes-are-not-quotes"],
)
def test_quoted_terms(question: str, terms: list[str]) -> None:
    """Quoted terms are found in Latin quotes and CJK brackets, with both names of a "用語（Term）" pair."""
    assert quoted_terms(question) == terms


@pytest.mark.parametrize(
    ("text", "defines"),
    [
        ("‘risk tolerance’ means the readiness to bear risk", True),
        ("In this text, risk tolerance refers to the readiness", True),
        ("Risk tolerance describes how much risk is borne.", True),
        ("Intro.\n8. Risk Tolerance: the readiness to bear risk", True),
        ("the risk tolerance: a list follows", False),
        ("risk tolerance is discussed later", False),
        ("The term risk tolerance means the readiness to bear risk", True),
        ("(12) ‘enterprise risk tolerance’ means the readiness of a group", False),
        ("an agreed enterprise risk tolerance means the group bears more", False),
        ("この文書において「リスク許容度」とは、リスクを負う意思をいう。", False),  # another term
    ],
)
def test_definition_patterns(text: str, defines: bool) -> None:
    """A term defined by a verb, or glossed as a list entry at a line start, is a definition; the same words at the
    end of a longer defined term ("‘enterprise risk tolerance’ means") are not."""
    assert any(p.search(text) for p in definition_patterns(["risk tolerance"])) is defines


def _collapse(ranked_texts: list[tuple[str, str, float]], preference: dict[str, tuple[int, int]]) -> list[str]:
    texts = {cid: text for cid, text, _ in ranked_texts}
    docs = {cid: cid.split(":")[0] for cid in texts}
    ranked = [(cid, score) for cid, _, score in ranked_texts]
    return [cid for cid, _ in collapse_duplicates(ranked, texts.__getitem__, lambda c: preference[docs[c]])]


RULE = "A deployer of a high-risk system shall use reasonable care to protect consumers from any known risk."


def test_near_identical_passages_of_two_editions_collapse_to_the_preferred_one() -> None:
    """The copy from the preferred edition takes the best rank; distinct evidence moves up."""
    ranked = [("print:1", RULE.upper() + " (1)", 3.0), ("signed:1", RULE, 2.0), ("print:2", "Fines apply.", 1.0)]
    out = _collapse(ranked, {"signed": (1, 0), "print": (1, 1)})
    assert out == ["signed:1", "print:2"]


def test_collapsed_copies_are_kept_for_the_passage_that_stands_for_them() -> None:
    """The merged copies are recorded under the kept passage (best first), also when the preferred edition
    replaces a copy that ranked above it."""
    texts = {"print:1": RULE.upper(), "signed:1": RULE, "old:1": RULE, "print:2": "Fines apply."}
    preference = {"signed": (0, 0), "print": (0, 1), "old": (1, 2)}
    ranked = [("print:1", 3.0), ("signed:1", 2.0), ("old:1", 1.5), ("print:2", 1.0)]
    copies: dict[str, list[str]] = {}
    out = collapse_duplicates(ranked, texts.__getitem__, lambda c: preference[c.split(":")[0]], copies=copies)
    assert out == [("signed:1", 3.0), ("print:2", 1.0)]
    assert copies == {"signed:1": ["print:1", "old:1"]}


def test_a_glossary_entry_defines_the_term_on_its_first_line() -> None:
    """A glossary prints the term on a line of its own and its definition below, with no "means": a chunk of a
    definitions unit whose first line is the term defines it; the same line in other chunks does not."""
    entry = "\uf09f AI governance\nThe design and operation of systems that keep risks acceptable."
    other = "AI governance\nMore on this topic later."
    chunks = [
        Chunk(
            "g",
            "Part 1 Definitions (AI governance)",
            (),
            entry,
            0,
            len(entry),
            None,
            None,
            "en",
            0,
            (),
            ("definition",),
        ),
        Chunk("g", "Part 2", (), other, 100, 100 + len(other), None, None, "en", 1),
    ]
    index = DefinitionIndex(chunks)
    assert index.defining_terms(["ai governance"], ["g"]) == [chunks[0].id]
    assert index.defining_terms(["ai system"], ["g"]) == []


def test_a_term_with_ai_finds_its_definition_written_out() -> None:
    """Users write "high-impact AI"; laws define "high-impact artificial intelligence" (and the reverse)."""
    text = '4. "High-impact artificial intelligence" means an artificial intelligence system with a large impact;'
    short = "(2) 'AI model' means a trained model."
    chunks = [
        Chunk("k", "Article 2(4)", (), text, 0, len(text), None, None, "en", 0),
        Chunk("k", "Article 2(2)", (), short, 200, 200 + len(short), None, None, "en", 1),
    ]
    index = DefinitionIndex(chunks)
    assert index.defining_terms(["high-impact ai"], ["k"]) == [chunks[0].id]
    assert index.defining_terms(["artificial intelligence model"], ["k"]) == [chunks[1].id]
    assert index.defining_terms(["high-impact robot"], ["k"]) == []


@pytest.mark.parametrize(
    ("question", "asks"),
    [
        ('What is "high-impact AI" under the act?', True),
        ("What counts as a 'consequential decision' in Colorado?", True),
        ("What is the EU's approach to AI?", False),
    ],
)
def test_what_is_a_quoted_term_asks_for_its_definition(question: str, asks: bool) -> None:
    assert bool(ASKS_DEFINITION.search(question)) is asks


def test_an_in_force_text_is_preferred_over_a_superseded_one() -> None:
    """Status decides before manifest order."""
    ranked = [("old:1", RULE, 3.0), ("new:1", RULE, 2.0)]
    assert _collapse(ranked, {"old": (1, 0), "new": (0, 1)}) == ["new:1"]


def test_passages_of_one_document_or_with_different_text_are_kept() -> None:
    """Repeated text inside one document, and merely similar passages, are not merged."""
    other = "A developer of a high-risk system shall give deployers the documentation they need."
    ranked = [("a:1", RULE, 3.0), ("a:2", RULE, 2.0), ("b:1", other, 1.0)]
    assert _collapse(ranked, {"a": (0, 0), "b": (0, 1)}) == ["a:1", "a:2", "b:1"]


def test_identical_text_of_different_families_is_kept() -> None:
    """Only editions of one text (same jurisdiction and language) are compared: a rule two laws
    happen to share stays twice."""
    texts = {"eu:1": RULE, "us:1": RULE}
    preference = {"eu:1": (0, 0), "us:1": (0, 1)}
    family = {"eu:1": ("EU", "en"), "us:1": ("US", "en")}
    out = collapse_duplicates([("eu:1", 2.0), ("us:1", 1.0)], texts.__getitem__, preference.__getitem__, family.get)
    assert [cid for cid, _ in out] == ["eu:1", "us:1"]


def test_the_reranker_keeps_named_provisions_on_top_even_below_a_routed_score() -> None:
    """Passages the question names stay first after reranking; a routed passage whose fused score is above the
    lookup bonus is reranked like any other, not mistaken for a named provision."""
    texts = {"routed": "routed text", "named": "named text", "other": "other text"}
    chunks = [Chunk("d", f"Article {i}", (), t, 0, len(t), None, None, "en", i) for i, t in enumerate(texts.values())]
    by_id = {cid: i for i, cid in enumerate(texts)}
    relevance = {"routed text": 5.0, "named text": -5.0, "other text": 0.0}  # what a cross-encoder might say
    rerank = make_reranker(lambda pairs: [relevance[text] for _, text in pairs])
    head = [("routed", 1.8), ("named", 1.05), ("other", 0.3)]  # 1.8: a routed passage × route_boost
    ranked = rerank("q", head, chunks, by_id, {"named"})
    assert [cid for cid, _ in ranked] == ["named", "routed", "other"]
    assert ranked[0][1] > 1.0 > ranked[1][1]


def test_a_question_s_dense_texts_share_one_product_and_each_row_is_exact(retriever: Retriever) -> None:
    """Several texts of one index are scored together: each row equals that text's own exact cosines, and the
    rows are kept, so the question's later searches reuse them rather than multiply the matrix again."""
    retriever.clear_query_cache()
    texts = ["robot operator inspection", "personal data guidelines", "robot operator inspection"]
    rows = retriever.similarities.rows("dense", texts)
    matrix = retriever.matrices["dense"]
    for text, row in zip(texts, rows, strict=True):
        expected = matrix @ np.asarray(retriever.embedders["dense"].embed_query(text), dtype=np.float32)
        assert np.allclose(row, expected, atol=1e-6)
    assert not np.allclose(rows[0], rows[1])
    again = retriever.similarities.rows("dense", texts[:1])
    assert again[0] is rows[0]  # kept, not computed again
    retriever.clear_query_cache()
    assert retriever.similarities.rows("dense", texts[:1])[0] is not rows[0]
