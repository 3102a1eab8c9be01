"""The content-hash embedding cache: a text embedded once by a model is never embedded again by it."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from conftest import KeywordEmbedder, make_settings
from fixture_corpus import build_corpus

from govqa.index.embed_cache import CachedEmbeddings, EmbeddingCache, cached_embedders, seed_from_store, settings_cache
from govqa.index.pipeline import ingest, open_store
from govqa.records import Document
from govqa.settings import Settings


def test_hits_and_misses_are_counted_and_vectors_are_the_same(tmp_path: Path) -> None:
    """The second call with known texts embeds only the new one and returns identical vectors."""
    inner = KeywordEmbedder()
    cached = CachedEmbeddings(inner, EmbeddingCache(tmp_path / "c.sqlite3"))
    first = cached.embed(["robot safety", "data privacy"])
    assert (cached.hits, cached.misses, inner.calls) == (0, 2, 2)
    second = cached.embed(["data privacy", "robot safety", "penalty fine"])
    assert (cached.hits, cached.misses, inner.calls) == (2, 3, 3)
    assert second[:2] == [first[1], first[0]]
    assert second[2] == cached.embed(["penalty fine"])[0]


def test_duplicates_in_one_call_are_embedded_once(tmp_path: Path) -> None:
    """The same text twice in one batch costs one embedding."""
    inner = KeywordEmbedder()
    cached = CachedEmbeddings(inner, EmbeddingCache(tmp_path / "c.sqlite3"))
    out = cached.embed(["robot", "robot", "risk"])
    assert inner.calls == 2 and out[0] == out[1]


def test_the_model_name_is_part_of_the_key(tmp_path: Path) -> None:
    """Another model misses on texts the first one cached; the name passes through for index checks."""
    cache = EmbeddingCache(tmp_path / "c.sqlite3")
    CachedEmbeddings(KeywordEmbedder("model-a"), cache).embed(["robot"])
    other = KeywordEmbedder("model-b")
    wrapped = CachedEmbeddings(other, cache)
    wrapped.embed(["robot"])
    assert other.calls == 1 and wrapped.name == "model-b"
    assert len(cache) == 2


def test_the_precision_of_a_quantised_graph_is_part_of_the_key(tmp_path: Path) -> None:
    """An int8 graph of the same model misses on what the fp32 one cached (and the reverse); the index still sees
    the model's own name. An fp32 embedder keeps the bare name, so caches written before stay valid."""
    cache = EmbeddingCache(tmp_path / "c.sqlite3")
    fp32 = KeywordEmbedder("model-a")
    CachedEmbeddings(fp32, cache).embed(["robot"])
    int8 = KeywordEmbedder("model-a")
    int8.precision = "int8-mixed"  # type: ignore[attr-defined]
    wrapped = CachedEmbeddings(int8, cache)
    wrapped.embed(["robot"])
    assert int8.calls == 1 and wrapped.name == "model-a" and wrapped.key == "model-a@int8-mixed"
    again = KeywordEmbedder("model-a")
    CachedEmbeddings(again, cache).embed(["robot"])
    assert again.calls == 0 and len(cache) == 2


def test_the_cache_survives_a_new_process_view(tmp_path: Path) -> None:
    """A second cache object on the same file (another run) sees the stored vectors."""
    path = tmp_path / "c.sqlite3"
    CachedEmbeddings(KeywordEmbedder(), EmbeddingCache(path)).embed(["robot registry"])
    later = KeywordEmbedder()
    CachedEmbeddings(later, EmbeddingCache(path)).embed(["robot registry"])
    assert later.calls == 0


def test_queries_are_not_cached(tmp_path: Path) -> None:
    """embed_query always asks the model (questions rarely repeat; the retriever has its own cache)."""
    asked: list[str] = []

    class Counting(KeywordEmbedder):
        def embed_query(self, text: str) -> list[float]:
            asked.append(text)
            return super().embed_query(text)

    cached = CachedEmbeddings(Counting(), EmbeddingCache(tmp_path / "c.sqlite3"))
    assert cached.embed_query("robot") == cached.embed_query("robot")
    assert asked == ["robot", "robot"] and len(cached.cache) == 0


def _settings(tmp_path: Path) -> Settings:
    return make_settings(tmp_path)


@pytest.mark.parametrize("change", ["rebuild", "dropped"])
def test_reingest_after_a_rechunk_reuses_stored_vectors(tmp_path: Path, change: str) -> None:
    """With the real Chroma on disk: after --rebuild, or when the index lost a document's chunks (as when a
    profile change gives new chunk ids), ingest writes every chunk again but the models embed nothing."""
    settings = _settings(tmp_path)
    manifest = build_corpus(settings.cache_dir, ids=("fx-robot-act-2027", "fx-data-guidelines"))
    embedders = {"dense": KeywordEmbedder("kw-dense"), "multilingual": KeywordEmbedder("kw-multi")}
    first = ingest(settings, manifest=manifest, embedders=embedders)
    calls = {k: e.calls for k, e in embedders.items()}
    assert all(calls.values())
    if change == "rebuild":
        again = ingest(settings, manifest=manifest, embedders=embedders, rebuild=True)
    else:
        store = open_store(settings, dict(embedders))
        for doc in manifest.documents:
            ids = sorted(store.ids_of(doc.id))
            for index in embedders:
                store.collection(index).delete(ids=ids)
        again = ingest(settings, manifest=manifest, embedders=embedders)
    assert [r.state for r in again] == ["ingested"] * len(first)
    assert [r.chunks for r in again] == [r.chunks for r in first]
    assert {k: e.calls for k, e in embedders.items()} == calls  # nothing went to the models
    assert open_store(settings, dict(embedders)).count() == sum(r.chunks for r in first)


def test_an_edited_document_embeds_only_its_new_texts(tmp_path: Path) -> None:
    """Changing one document embeds the chunks whose text changed, nothing else."""
    settings = _settings(tmp_path)
    manifest = build_corpus(settings.cache_dir, ids=("fx-robot-act-2027",))
    inner = KeywordEmbedder("kw")
    wrapped = cached_embedders({"dense": inner}, settings_cache(settings))
    ingest(settings, manifest=manifest, embedders=wrapped)
    doc: Document = manifest.documents[0]
    path = settings.cache_dir / doc.file
    path.write_text(path.read_text("utf-8") + "\nArticle 99 (Extra)\nThe robot registry closes on Sundays.\n", "utf-8")
    from govqa.corpus import sha256_file

    changed = dataclasses.replace(
        manifest, documents=(dataclasses.replace(doc, sha256=sha256_file(path), bytes=path.stat().st_size),)
    )
    before = inner.calls
    cached = wrapped["dense"]
    assert isinstance(cached, CachedEmbeddings)
    hits = cached.hits
    ingest(settings, manifest=changed, embedders=wrapped)
    assert 1 <= inner.calls - before <= 2  # the new article (and at most the chunk it joined)
    assert cached.hits == hits  # unchanged chunks kept their ids: not even asked for


def test_seeding_from_an_index_makes_a_fresh_ingest_embed_nothing(tmp_path: Path) -> None:
    """Vectors copied from a built index into an empty cache let another index be filled without the model."""
    settings = _settings(tmp_path)
    manifest = build_corpus(settings.cache_dir, ids=("fx-robot-act-2027", "fx-data-guidelines"))
    embedders = {"dense": KeywordEmbedder("kw-dense")}
    ingest(settings, manifest=manifest, embedders=embedders)
    fresh = EmbeddingCache(tmp_path / "elsewhere" / "cache.sqlite3")
    written = seed_from_store(open_store(settings, dict(embedders)), manifest, fresh)
    assert written == open_store(settings, dict(embedders)).count() > 0
    other = settings.model_copy(update={"index_dir": tmp_path / "second-index"})
    model = KeywordEmbedder("kw-dense")
    reports = ingest(other, manifest=manifest, embedders=cached_embedders({"dense": model}, fresh))
    assert {r.state for r in reports} == {"ingested"} and model.calls == 0
