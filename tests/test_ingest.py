"""The ingestion pipeline against a real embedded Chroma index: idempotence, updates, failures, additions."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from conftest import KeywordEmbedder, make_pdf
from fixture_corpus import ROBOT_ACT_2027, build_corpus, pinned

from govqa.corpus import Manifest, load_corpus, sha256_file
from govqa.documents.chunking import CHUNKER_VERSION
from govqa.errors import IndexMismatchError, SourceUnavailableError, UnreadableDocumentError
from govqa.index.pipeline import add_document, chunk_document, embedding_text, ingest, open_store
from govqa.records import Chunk
from govqa.search.retriever import build_retriever
from govqa.settings import Settings


@pytest.fixture
def embedders() -> dict[str, KeywordEmbedder]:
    return {"dense": KeywordEmbedder("fake-keywords"), "multilingual": KeywordEmbedder("fake-keywords-2")}


@pytest.fixture
def manifest(settings: Settings) -> Manifest:
    return build_corpus(settings.cache_dir)


def _stored(settings: Settings, embedders: dict[str, KeywordEmbedder], doc_id: str | None = None) -> list[Chunk]:
    return open_store(settings, dict(embedders)).chunks(doc_id)


def _replace_doc(manifest: Manifest, doc_id: str, path: Path) -> Manifest:
    docs = tuple(pinned(d, path) if d.id == doc_id else d for d in manifest.documents)
    return dataclasses.replace(manifest, documents=docs)


def test_ingest_stores_every_chunk_of_every_document(settings: Settings, manifest: Manifest, embedders) -> None:
    """Each document is parsed, chunked and stored; the index holds exactly the chunks the pipeline makes."""
    reports = ingest(settings, manifest=manifest, embedders=embedders)
    assert {r.doc_id: r.state for r in reports} == {d.id: "ingested" for d in manifest.documents}
    for doc, report in zip(manifest.documents, reports, strict=True):
        expected, pages = chunk_document(doc, settings.cache_dir / doc.file, settings)
        assert [c.text for c in _stored(settings, embedders, doc.id)] == [c.text for c in expected]
        assert report.chunks == report.embedded == len(expected)
        assert report.pages == pages
    assert {r.doc_id: r.pages for r in reports}["fx-data-guidelines"] == 4


def test_each_index_gets_every_chunk(settings: Settings, manifest: Manifest, embedders) -> None:
    """Both embedders embed every chunk once, with the document's short title and heading in front."""
    ingest(settings, manifest=manifest, embedders=embedders)
    total = len(_stored(settings, embedders))
    assert embedders["dense"].calls == embedders["multilingual"].calls == total
    chunk = _stored(settings, embedders, "fx-robot-act-2027")[0]
    text = embedding_text(manifest.get("fx-robot-act-2027"), chunk)
    assert text.startswith("Robot Safety Act 2027 | ") and text.endswith(chunk.text)


def test_reingesting_unchanged_documents_embeds_nothing(settings: Settings, manifest: Manifest, embedders) -> None:
    """A second run over the same files skips every document: state unchanged, embedded=0, same chunks."""
    ingest(settings, manifest=manifest, embedders=embedders)
    before = [c.id for c in _stored(settings, embedders)]
    calls = embedders["dense"].calls
    reports = ingest(settings, manifest=manifest, embedders=embedders)
    assert {r.state for r in reports} == {"unchanged"}
    assert all(r.embedded == 0 for r in reports)
    assert [r.chunks for r in reports] == [len(_stored(settings, embedders, d.id)) for d in manifest.documents]
    assert embedders["dense"].calls == calls
    assert [c.id for c in _stored(settings, embedders)] == before


def test_a_changed_file_replaces_its_chunks_without_duplicates(
    settings: Settings, manifest: Manifest, embedders
) -> None:
    """Editing one paragraph re-embeds only what changed; the old text is gone and no chunk is stored twice."""
    ingest(settings, manifest=manifest, embedders=embedders)
    path = settings.cache_dir / "fx-robot-act-2027.txt"
    old_sentence = "send it to the operator and to the registry within thirty days"
    path.write_text(ROBOT_ACT_2027.replace(old_sentence, "publish it in the registry within sixty days"), "utf-8")
    changed = _replace_doc(manifest, "fx-robot-act-2027", path)
    reports = {r.doc_id: r for r in ingest(settings, manifest=changed, embedders=embedders)}
    report = reports["fx-robot-act-2027"]
    assert report.state == "ingested"
    assert 1 <= report.embedded < report.chunks  # later chunks moved, earlier ones were kept as they were
    assert all(r.state == "unchanged" for i, r in reports.items() if i != "fx-robot-act-2027")
    stored = _stored(settings, embedders, "fx-robot-act-2027")
    expected, _ = chunk_document(changed.get("fx-robot-act-2027"), path, settings)
    assert [c.text for c in stored] == [c.text for c in expected]
    assert len({c.id for c in stored}) == len(stored) == report.chunks
    assert not any(old_sentence in c.text for c in stored)
    store = open_store(settings, dict(embedders))
    assert store.collection("multilingual").count() == store.count()  # both indexes hold the same chunks


def test_rebuild_embeds_everything_again(settings: Settings, manifest: Manifest, embedders) -> None:
    """--rebuild drops the collections and embeds every chunk anew."""
    first = ingest(settings, manifest=manifest, embedders=embedders)
    again = ingest(settings, manifest=manifest, embedders=embedders, rebuild=True)
    assert [r.state for r in again] == ["ingested"] * len(first)
    assert [r.embedded for r in again] == [r.chunks for r in first]
    assert len(_stored(settings, embedders)) == sum(r.chunks for r in first)


def test_a_different_embedder_is_an_index_mismatch(settings: Settings, manifest: Manifest, embedders) -> None:
    """Opening an index built with one model under another model's name raises IndexMismatchError naming both."""
    ingest(settings, manifest=manifest, embedders=embedders)
    other = {"dense": KeywordEmbedder("another-model"), "multilingual": embedders["multilingual"]}
    with pytest.raises(IndexMismatchError) as info:
        build_retriever(settings, embedders=other, manifest=manifest)
    message = str(info.value)
    assert "fake-keywords" in message and "another-model" in message and "govqa ingest --rebuild" in message
    with pytest.raises(IndexMismatchError):
        ingest(settings, manifest=manifest, embedders=other)


def test_the_index_records_model_and_chunker(settings: Settings, manifest: Manifest, embedders) -> None:
    """Each collection's metadata names its embedding model and the chunker version."""
    ingest(settings, manifest=manifest, embedders=embedders)
    store = open_store(settings, dict(embedders))
    for index, name in (("dense", "fake-keywords"), ("multilingual", "fake-keywords-2")):
        meta = store.collection(index).metadata
        assert (meta["embedding_model"], meta["chunker_version"]) == (name, CHUNKER_VERSION)


def test_a_failing_document_is_reported_and_the_rest_ingest(settings: Settings, manifest: Manifest, embedders) -> None:
    """A corrupt PDF fails with a message naming the file; the other documents are ingested."""
    path = settings.cache_dir / "fx-data-guidelines.pdf"
    path.write_bytes(b"%PDF-1.4\n" + b"\x00garbage" * 200)
    broken = _replace_doc(manifest, "fx-data-guidelines", path)
    reports = {r.doc_id: r for r in ingest(settings, manifest=broken, embedders=embedders)}
    assert reports["fx-data-guidelines"].state == "failed"
    assert "fx-data-guidelines.pdf" in reports["fx-data-guidelines"].error
    assert all(r.state == "ingested" for i, r in reports.items() if i != "fx-data-guidelines")
    assert _stored(settings, embedders, "fx-data-guidelines") == []


def test_a_document_that_turns_unreadable_keeps_its_indexed_chunks(
    settings: Settings, manifest: Manifest, embedders
) -> None:
    """If a new version of an indexed file cannot be parsed, the chunks of the old version stay."""
    ingest(settings, manifest=manifest, embedders=embedders)
    before = [c.id for c in _stored(settings, embedders, "fx-data-guidelines")]
    path = settings.cache_dir / "fx-data-guidelines.pdf"
    make_pdf(path, [[]], header=None, footer=None)  # a valid PDF without any text
    broken = _replace_doc(manifest, "fx-data-guidelines", path)
    reports = {r.doc_id: r for r in ingest(settings, manifest=broken, embedders=embedders)}
    assert reports["fx-data-guidelines"].state == "failed"
    assert "no text layer" in reports["fx-data-guidelines"].error
    assert [c.id for c in _stored(settings, embedders, "fx-data-guidelines")] == before


def test_a_missing_file_is_reported_as_failed(settings: Settings, manifest: Manifest, embedders) -> None:
    """A manifest entry whose file is in neither cache nor mirror fails with a hint to fetch it."""
    (settings.cache_dir / "fx-jp-robot-en.xml").unlink()
    reports = {r.doc_id: r for r in ingest(settings, manifest=manifest, embedders=embedders)}
    assert reports["fx-jp-robot-en"].state == "failed"
    assert "govqa corpus fetch" in reports["fx-jp-robot-en"].error


def test_the_mirror_supplies_missing_files(settings: Settings, manifest: Manifest, embedders, tmp_path: Path) -> None:
    """A file absent from the cache is taken from the mirror, verified, and ingested."""
    mirror = tmp_path / "mirror"
    mirror.mkdir()
    (settings.cache_dir / "fx-jp-robot-en.xml").rename(mirror / "fx-jp-robot-en.xml")
    with_mirror = settings.model_copy(update={"corpus_mirror": mirror})
    reports = {
        r.doc_id: r for r in ingest(with_mirror, doc_ids=["fx-jp-robot-en"], manifest=manifest, embedders=embedders)
    }
    assert reports["fx-jp-robot-en"].state == "ingested"
    assert (settings.cache_dir / "fx-jp-robot-en.xml").is_file()


def test_doc_ids_limit_the_run(settings: Settings, manifest: Manifest, embedders) -> None:
    """Ingesting some ids touches only those documents."""
    reports = ingest(settings, doc_ids=["fx-jp-robot-ja"], manifest=manifest, embedders=embedders)
    assert [r.doc_id for r in reports] == ["fx-jp-robot-ja"]
    assert {c.doc_id for c in _stored(settings, embedders)} == {"fx-jp-robot-ja"}


def test_each_document_is_reported_as_it_finishes(settings: Settings, manifest: Manifest, embedders) -> None:
    """on_document hears every document once, in order, before ingest returns; a second run reports unchanged."""
    heard: list[tuple[str, str, int]] = []

    def on_document(report) -> None:  # type: ignore[no-untyped-def]
        heard.append((report.doc_id, report.state, len(_stored(settings, embedders, report.doc_id))))

    reports = ingest(settings, manifest=manifest, embedders=embedders, on_document=on_document)
    assert [(d, s) for d, s, _ in heard] == [(r.doc_id, r.state) for r in reports]
    assert all(stored > 0 for _, _, stored in heard)  # each document was in the index when reported
    heard.clear()
    ingest(settings, manifest=manifest, embedders=embedders, on_document=on_document)
    assert {s for _, s, _ in heard} == {"unchanged"} and len(heard) == len(manifest.documents)


def test_progress_is_reported_per_index(settings: Settings, manifest: Manifest) -> None:
    """The progress callback hears each document and index, ending at the total."""

    class Counting(KeywordEmbedder):
        def embed(self, texts, progress=None):  # type: ignore[no-untyped-def]
            if progress:
                progress(len(texts), len(texts))
            return self.embed_documents(list(texts))

    seen: list[tuple[str, int, int]] = []
    ingest(
        settings,
        doc_ids=["fx-jp-robot-en"],
        manifest=manifest,
        embedders={"dense": Counting("c")},
        progress=lambda label, done, total: seen.append((label, done, total)),
    )
    assert seen == [("fx-jp-robot-en [dense]", 4, 4)]


def test_add_document_copies_records_and_indexes_a_users_file(settings: Settings, embedders, tmp_path: Path) -> None:
    """A user's own text file is copied into the cache, recorded in added.toml and indexed under user-…."""
    path = tmp_path / "My Robot Notes.txt"
    path.write_text("Article 1\nRobots must be kept clean.\nArticle 2\nRobots must be kept charged.\n", "utf-8")
    settings.manifest.write_text("", encoding="utf-8")
    report = add_document(settings, path, title="My notes", jurisdiction="EU", embedders=embedders)
    assert (report.doc_id, report.state) == ("user-my-robot-notes", "ingested")
    assert sha256_file(settings.cache_dir / "user-my-robot-notes.txt") == sha256_file(path)
    (added,) = load_corpus(settings.manifest, settings.cache_dir).documents
    assert (added.id, added.title, added.jurisdiction, added.profile) == (
        "user-my-robot-notes",
        "My notes",
        "EU",
        "generic",
    )
    assert [c.locator for c in _stored(settings, embedders, "user-my-robot-notes")] == ["Article 1", "Article 2"]


def test_add_document_reports_an_unreadable_file_without_copying_it(
    settings: Settings, embedders, tmp_path: Path
) -> None:
    """A file that cannot be parsed is reported as failed, and nothing lands in the cache or the index."""
    path = tmp_path / "broken.pdf"
    path.write_bytes(b"%PDF-1.4 nothing else")
    report = add_document(settings, path, embedders=embedders)
    assert report.state == "failed" and "broken.pdf" in report.error and "not a readable PDF" in report.error
    assert not settings.cache_dir.exists() or not any(settings.cache_dir.iterdir())


@pytest.mark.parametrize(
    ("name", "error"), [("slides.pptx", UnreadableDocumentError), ("absent.txt", SourceUnavailableError)]
)
def test_add_document_refuses_unsupported_or_missing_files(
    settings: Settings, embedders, tmp_path: Path, name: str, error: type[Exception]
) -> None:
    """An unsupported file type or a path that does not exist raises an error naming the path."""
    path = tmp_path / name
    if name.endswith(".pptx"):
        path.write_bytes(b"PK\x03\x04")
    with pytest.raises(error, match=name):
        add_document(settings, path, embedders=embedders)
    assert not settings.cache_dir.exists()


class _Crash(KeywordEmbedder):
    """Embeds until a set number of calls, then dies as a killed process would mid-ingest."""

    def __init__(self, name: str, after: int) -> None:
        super().__init__(name)
        self.after = after

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        if self.calls + len(texts) > self.after:
            raise KeyboardInterrupt("simulated kill")
        return super().embed_documents(texts)


@pytest.mark.parametrize("crashing", ["dense", "multilingual"])
def test_an_interrupted_ingest_is_completed_by_the_next_run(
    settings: Settings, manifest: Manifest, embedders, crashing: str
) -> None:
    """A run killed between the two indexes leaves nothing skipped: the next run fills both completely."""
    broken = dict(embedders)
    broken[crashing] = _Crash(embedders[crashing].name, after=3)
    with pytest.raises(KeyboardInterrupt):
        ingest(settings, manifest=manifest, embedders=broken)
    ingest(settings, manifest=manifest, embedders=embedders)
    store = open_store(settings, dict(embedders))
    expected = sum(len(chunk_document(d, settings.cache_dir / d.file, settings)[0]) for d in manifest.documents)
    for index in ("dense", "multilingual"):
        assert store.collection(index).count() == expected
