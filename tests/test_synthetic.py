"""Synthetic corpora for the scale benchmark: deterministic, the requested size, real sentences only."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from conftest import KeywordEmbedder, make_settings
from synthetic import MemoryStore, mixed_vectors, recombine, split_sentences

from govqa.corpus import Manifest
from govqa.records import Chunk, Document
from govqa.search.query import definition_patterns, quoted_terms
from govqa.search.retriever import Retriever, build_retriever

SENTENCES = [
    "The operator shall keep a safety record for every robot.",
    "A penalty of up to one million yen applies to a breach.",
    "The ministry publishes the registry once a year.",
    "Providers must label synthetic content in a machine-readable way.",
    "安全確認を行った事業者は、その結果を記録しなければならない。",
]


def _source() -> list[Chunk]:
    return [
        Chunk("doc-a", "Article 1", ("Chapter I",), f"{SENTENCES[0]} {SENTENCES[1]}", 0, 120, 1, 1, "en", 0),
        Chunk("doc-a", "Article 2", ("Chapter I",), SENTENCES[2], 120, 170, 2, 2, "en", 1),
        Chunk("doc-b", "Section 3", (), SENTENCES[3], 0, 70, None, None, "en", 0),
        Chunk("doc-c", "第一条", (), SENTENCES[4], 0, 40, None, None, "ja", 0),
    ]


def test_split_sentences_finds_english_and_japanese_sentences() -> None:
    """Sentences end at . ! ? ; and 。, short fragments are dropped."""
    text = f"{SENTENCES[0]} {SENTENCES[1]} Too short. {SENTENCES[4]}{SENTENCES[4]}"
    assert split_sentences(text) == [SENTENCES[0], SENTENCES[1], SENTENCES[4], SENTENCES[4]]


@pytest.mark.parametrize("size", [0, 1, 37, 1000])
def test_recombine_makes_exactly_the_requested_number_of_distinct_chunks(size: int) -> None:
    """N chunks, all with distinct ids, each made only of whole source sentences."""
    corpus = recombine(_source(), size, seed=3)
    assert len(corpus.chunks) == len(corpus.sources) == size
    assert len({c.id for c in corpus.chunks}) == size
    for chunk in corpus.chunks:
        assert chunk.text  # every piece of it is a real sentence of the source
        rest = chunk.text
        for s in sorted(SENTENCES, key=len, reverse=True):
            rest = rest.replace(s, "")
        assert rest.strip() == ""


def test_recombine_is_deterministic_per_seed() -> None:
    """The same seed gives the same corpus; another seed another one."""
    a, b, c = (recombine(_source(), 200, seed=s) for s in (7, 7, 8))
    assert [x.text for x in a.chunks] == [x.text for x in b.chunks]
    assert a.sources == b.sources
    assert [x.text for x in a.chunks] != [x.text for x in c.chunks]


def test_a_synthetic_chunk_belongs_to_its_first_sentences_document() -> None:
    """Document, locator and language come from the source chunk of the first sentence."""
    source = _source()
    corpus = recombine(source, 100, seed=1)
    for chunk, origin in zip(corpus.chunks, corpus.sources, strict=True):
        first = source[origin[0]]
        assert (chunk.doc_id, chunk.locator, chunk.lang) == (first.doc_id, first.locator, first.lang)
    ordinals = [c.ordinal for c in corpus.chunks if c.doc_id == "doc-a"]
    assert ordinals == list(range(len(ordinals)))


def test_mixed_vectors_are_unit_means_of_the_source_vectors() -> None:
    """Each row is the normalised mean of its sources' rows."""
    vecs = np.array([[1, 0, 0], [0, 1, 0], [0, 0, 1]], dtype=np.float32)
    out = mixed_vectors(vecs, [(0,), (0, 1), (2, 2, 0)])
    assert out.shape == (3, 3)
    assert np.allclose(np.linalg.norm(out, axis=1), 1.0)
    assert np.allclose(out[1], [2**-0.5, 2**-0.5, 0])
    expected = np.array([1, 0, 2]) / np.sqrt(5)
    assert np.allclose(out[2], expected)


def test_empty_source_is_a_clear_error() -> None:
    """No sentences to recombine is a ValueError, not an endless loop or an IndexError."""
    with pytest.raises(ValueError, match="no sentences"):
        recombine([], 5)


def test_memory_store_serves_chunks_and_vectors_by_id() -> None:
    """MemoryStore returns chunks in document order and each chunk's own vector row."""
    corpus = recombine(_source(), 50, seed=0)
    matrix = np.random.default_rng(0).random((50, 4)).astype(np.float32)
    store = MemoryStore(corpus.chunks, {"dense": matrix})
    chunks = store.chunks()
    assert [(c.doc_id, c.ordinal) for c in chunks] == sorted((c.doc_id, c.ordinal) for c in corpus.chunks)
    vectors = store.vectors("dense")
    for i, c in enumerate(corpus.chunks):
        assert np.array_equal(vectors[c.id], matrix[i])
    assert store.count() == 50


DEFINING = [
    "In this Act, “AI system” means a machine-based system that infers outputs from inputs.",
    "The term provider refers to a person who places a system on the market.",
    "「人工知能関連技術」とは、人間の認知能力を代替する技術をいう。",
    "An AI SYSTEM shall mean, for the registry, any system listed in Annex I.",
    "Operators must keep records of every inspection for five years.",
]


def _retriever_over(tmp_path: Path, size: int) -> tuple[Retriever, list[str]]:
    settings = make_settings(tmp_path)
    # Two jurisdictions: the recombined texts overlap heavily, and two documents of one jurisdiction and
    # language would be collapsed as editions of one another (see retrieval.collapse_duplicates).
    docs = [
        Document(id=d, title=d, short_title=d, profile="generic", language="en", jurisdiction=j)
        for d, j in (("doc-a", "AA"), ("doc-b", "BB"))
    ]
    source = [
        Chunk(docs[i % 2].id, f"Article {i + 1}", (), text, 0, len(text), None, None, "en", i)
        for i, text in enumerate(DEFINING)
    ]
    corpus = recombine(source, size, seed=11)
    embedder = KeywordEmbedder()
    vectors = np.array(embedder.embed_documents([c.text for c in corpus.chunks]), dtype=np.float32)
    store = MemoryStore(corpus.chunks, {"dense": vectors})
    retriever = build_retriever(
        settings, embedders={"dense": embedder}, store=store, manifest=Manifest(tuple(docs), (), {})
    )
    return retriever, [d.id for d in docs]


@pytest.mark.parametrize(
    "question",
    [
        "What is the definition of 'AI system'?",
        "What does the term 'provider' mean? Give the definition.",
        "「人工知能関連技術」 の定義は？",
        "Define 'records of every'.",
    ],
)
def test_definition_lookup_finds_exactly_what_a_full_regex_scan_finds(tmp_path: Path, question: str) -> None:
    """The indexed definition search (text before each cue) returns the chunks a regex over every chunk returns."""
    retriever, doc_ids = _retriever_over(tmp_path, 600)
    patterns = definition_patterns(quoted_terms(question))
    expected = {c.id for c in retriever.chunks if any(p.search(c.text) for p in patterns)}
    found = retriever.definitions.defining(question, doc_ids)
    assert set(found) == expected
    if "records" not in question:
        assert expected  # the question's term is defined somewhere in the synthetic corpus


def test_provision_lookup_returns_every_chunk_of_the_named_article(tmp_path: Path) -> None:
    """Lookup by provision index finds every chunk whose locator is the article the question names."""
    retriever, _ = _retriever_over(tmp_path, 300)
    passages = retriever.retrieve("Article 2", k=300)
    looked_up = {p.chunk.id for p in passages if "lookup" in p.scores}
    assert looked_up == {c.id for c in retriever.chunks if c.locator == "Article 2"}
    assert looked_up
