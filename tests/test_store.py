"""The Chroma adapter: metadata round trip, collections per embedder, filters, and a real Chroma server."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import KeywordEmbedder, make_settings
from fixture_corpus import build_corpus

from govqa.errors import ConfigError, IndexMissingError
from govqa.index.pipeline import ingest, open_store
from govqa.index.store import ChromaStore, chunk_from_record, chunk_metadata, free_port, local_server
from govqa.records import Chunk
from govqa.search.retriever import build_retriever
from govqa.settings import Settings, StoreSettings


@pytest.mark.parametrize(
    "chunk",
    [
        Chunk("d", "Article 2(1)", ("Chapter I — General", "Article 2"), "Text.", 10, 15, 3, 4, "en", 7),
        Chunk("d", "第三条第二項", ("第一章 総則", "第三条 （検査）"), "本文。", 0, 3, None, None, "ja", 0),
    ],
)
def test_chunk_metadata_round_trip(chunk: Chunk) -> None:
    """A chunk survives being stored as Chroma metadata (pages None included) and read back."""
    meta = chunk_metadata(chunk, {"source_sha256": "x", "build_key": "y"})
    assert all(isinstance(v, str | int) for v in meta.values())  # Chroma metadata cannot hold None
    back = chunk_from_record(chunk.text, meta)
    assert back == chunk and back.id == chunk.id


def _chunk(doc: str, n: int, text: str) -> Chunk:
    return Chunk(doc, f"Article {n}", (f"Article {n}",), text, 0, len(text), None, None, "en", n)


def test_store_queries_within_documents(settings: Settings) -> None:
    """query() returns nearest chunks with cosine similarity, limited to the documents asked for."""
    embedder = KeywordEmbedder()
    store = ChromaStore(settings, model_names={"dense": embedder.name})
    chunks = [_chunk("a", 1, "robot safety"), _chunk("a", 2, "data privacy"), _chunk("b", 1, "robot safety rules")]
    store.upsert("dense", chunks, embedder.embed_documents([c.text for c in chunks]), {"source_sha256": "s"})
    vector = embedder.embed_query("robot safety")
    anywhere = store.query("dense", vector, 3)
    assert anywhere[0][0] == chunks[0].id and anywhere[0][1] == pytest.approx(1.0, abs=1e-4)
    assert {cid for cid, _ in store.query("dense", vector, 5, ["b"])} == {chunks[2].id}
    assert {cid for cid, _ in store.query("dense", vector, 5, ["a", "b"])} == {c.id for c in chunks}
    assert store.query("dense", vector, 5, ["no-such-doc"]) == []  # more asked than match: what matches
    assert [c.id for c in store.chunks("a")] == [chunks[0].id, chunks[1].id]
    assert store.ids_of("b") == {chunks[2].id}
    store.delete([chunks[0].id])
    assert store.count() == 2
    store.delete([c.id for c in chunks[1:]])
    assert store.query("dense", vector, 5) == []  # an emptied collection answers nothing, and no error


def test_reset_drops_only_govqas_collections(settings: Settings) -> None:
    """reset() removes govqa's collections and leaves a foreign collection in the same database alone."""
    store = ChromaStore(settings, model_names={"dense": "m"})
    store.collection("dense", create=True)
    store.client.create_collection("someone-elses")
    store.reset()
    names = {c.name for c in store.client.list_collections()}
    assert names == {"someone-elses"}
    with pytest.raises(IndexMissingError, match="govqa-dense"):
        store.collection("dense")


def test_collection_prefix_names_the_collections(tmp_path: Path) -> None:
    """Collections are named <prefix>-<index>, so two setups can share one database."""
    settings = make_settings(tmp_path, store=StoreSettings(collection_prefix="team"))
    store = ChromaStore(settings, model_names={"dense": "m"})
    store.collection("dense", create=True)
    assert [c.name for c in store.client.list_collections()] == ["team-dense"]


def test_unreachable_server_is_a_config_error(tmp_path: Path) -> None:
    """Server mode with nothing listening is a ConfigError naming host:port and how to start Chroma."""
    port = free_port()
    settings = make_settings(tmp_path, store=StoreSettings(mode="server", port=port))
    with pytest.raises(ConfigError, match=rf"127\.0\.0\.1:{port}.*chroma run"):
        open_store(settings, {"dense": KeywordEmbedder()})


@pytest.fixture
def chroma_server(tmp_path: Path) -> Iterator[int]:
    """`chroma run` on a free loopback port with its data under tmp_path; stopped after the test."""
    with local_server(tmp_path / "server-data") as port:
        yield port


def test_ingest_and_retrieve_through_a_chroma_server(tmp_path: Path, chroma_server: int) -> None:
    """With store.mode = server the same pipeline writes to and reads from a Chroma server on loopback."""
    settings = make_settings(tmp_path, store=StoreSettings(mode="server", port=chroma_server))
    manifest = build_corpus(settings.cache_dir, ids=("fx-robot-act-2027", "fx-data-guidelines"))
    embedders = {"dense": KeywordEmbedder("fake-keywords")}
    store = open_store(settings, embedders)
    try:
        reports = ingest(settings, manifest=manifest, embedders=embedders, store=store)
        assert [r.state for r in reports] == ["ingested", "ingested"]
        assert not settings.index_dir.exists()  # nothing was written to the embedded index folder
        again = ingest(settings, manifest=manifest, embedders=embedders, store=store)
        assert [r.state for r in again] == ["unchanged", "unchanged"]
        retriever = build_retriever(settings, embedders=embedders, manifest=manifest, store=store)
        top = retriever.retrieve("Data Guidelines Article 2")[0]
        assert (top.chunk.doc_id, top.chunk.locator, top.chunk.page_start) == ("fx-data-guidelines", "Article 2", 2)
        vector = embedders["dense"].embed_query("robot")
        many = store.query("dense", vector, 10_000)  # more than the server holds: all it holds, in one round trip
        assert len(many) == store.count() > 0
    finally:
        _close_http_client(store.client)


def _close_http_client(client: object) -> None:
    """chromadb's HttpClient (and its admin client) never close their httpx pools; close them to avoid
    ResourceWarnings for sockets to the stopped server."""
    for owner in (client, getattr(client, "_admin_client", None)):
        session = getattr(getattr(owner, "_server", None), "_session", None)
        if session is not None:
            session.close()
    client.close()  # type: ignore[attr-defined]
