"""The ingestion pipeline: manifest → verified file → SourceText → sections → chunks → vectors → store.

Each document is its own transaction: a failure is reported and the next document goes on; a
changed document gets its new chunks written before its stale ones are deleted, so an interrupted
run never leaves a document with fewer chunks than before. Unchanged documents (same file hash,
same profile and chunker) are skipped without parsing; unchanged chunks are never re-embedded.

Crash consistency: a document counts as unchanged only when every index holds the same chunk ids
for it and every one of those chunks carries the current file hash and build key (see
`ChromaStore.doc_states`). A run killed at any point leaves some document failing that test, and the
next run redoes it: new chunks are upserted (idempotent, content-derived ids), kept chunks get fresh
metadata, and stale chunks are deleted from every index, including ones a killed run left in only one.
"""

from __future__ import annotations

import re
import shutil
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from langchain_core.embeddings import Embeddings

from govqa.corpus import Manifest, load_added, load_corpus, load_manifest, require_file, save_added, sha256_file
from govqa.documents.reader import build_key, chunk_document
from govqa.errors import ConfigError, GovQAError, SourceUnavailableError, UnreadableDocumentError
from govqa.index.embed_cache import cached_embedders, settings_cache
from govqa.index.embedders import build_embedders, embed_many, embedder_name, embedding_text
from govqa.index.store import ChromaStore
from govqa.records import Document
from govqa.settings import Settings

Progress = Callable[[str, int, int], None]  # (stage label, done, total)


@dataclass(frozen=True)
class DocReport:
    doc_id: str
    state: str  # "ingested", "unchanged", "failed"
    pages: int = 0
    chunks: int = 0
    embedded: int = 0
    seconds: float = 0.0
    error: str = ""


def open_store(settings: Settings, embedders: dict[str, Embeddings], client: object | None = None) -> ChromaStore:
    return ChromaStore(settings, client, model_names={k: embedder_name(e) for k, e in embedders.items()})


def ingest_document(
    doc: Document,
    path: Path,
    settings: Settings,
    store: ChromaStore,
    embedders: dict[str, Embeddings],
    progress: Progress | None = None,
) -> DocReport:
    start = time.perf_counter()
    chunks, pages = chunk_document(doc, path, settings)
    # Two identical slices at the same place would share an id; keep one.
    unique = list({c.id: c for c in chunks}.values())
    have = store.ids_of(doc.id)
    new = [c for c in unique if c.id not in have]
    extra = {
        "source_sha256": doc.sha256,
        "build_key": build_key(settings, settings.profiles_dir / f"{doc.profile}.toml"),
    }
    texts = [embedding_text(doc, c) for c in new]
    # "dense" is written last: its metadata marks the document as done (see ChromaStore.doc_states), so a
    # run killed in between leaves the document to be redone, never half-indexed and skipped.
    for index, embedder in sorted(embedders.items(), key=lambda kv: kv[0] == "dense"):

        def report(done: int, total: int, index: str = index) -> None:
            if progress:
                progress(f"{doc.id} [{index}]", done, total)

        vectors = embed_many(embedder, texts, report)
        store.upsert(index, new, vectors, extra)
    # Unchanged chunks keep their vectors; refresh their document-level metadata only.
    kept = [c for c in unique if c.id in have]
    if kept:
        store.update_metadata(kept, extra)
    # Stale = anywhere in any index, so a chunk a killed run left in one index only goes too.
    store.delete(store.all_ids_of(doc.id) - {c.id for c in unique})
    return DocReport(doc.id, "ingested", pages, len(unique), len(new), time.perf_counter() - start)


def ingest(
    settings: Settings,
    *,
    doc_ids: Sequence[str] | None = None,
    manifest: Manifest | None = None,
    embedders: dict[str, Embeddings] | None = None,
    store: ChromaStore | None = None,
    rebuild: bool = False,
    progress: Progress | None = None,
    on_document: Callable[[DocReport], None] | None = None,
) -> list[DocReport]:
    """Ingest the manifest's documents (or some of them); one report per document, also handed to
    `on_document` as each document finishes (so a log shows progress while a long ingest runs)."""
    manifest = manifest or load_corpus(settings.manifest, settings.cache_dir)
    docs = manifest.select(doc_ids)
    embedders = embedders if embedders is not None else build_embedders(settings)
    embedders = cached_embedders(embedders, settings_cache(settings))  # texts embedded before are looked up
    store = store or open_store(settings, embedders)
    if rebuild:
        store.reset()
    states = store.doc_states()
    reports: list[DocReport] = []

    def done(report: DocReport) -> None:
        reports.append(report)
        if on_document:
            on_document(report)

    for entry_id, reason in manifest.rejected:
        if not doc_ids or entry_id in doc_ids:
            done(DocReport(entry_id, "failed", error=reason))
    for doc in docs:
        t0 = time.perf_counter()
        state = states.get(doc.id)
        key = build_key(settings, settings.profiles_dir / f"{doc.profile}.toml")
        if state and state.source_sha256 == doc.sha256 and state.build_key == key:
            done(DocReport(doc.id, "unchanged", chunks=state.chunks, seconds=time.perf_counter() - t0))
            continue
        try:
            path = require_file(doc, settings.cache_dir, settings.corpus_mirror)
            done(ingest_document(doc, path, settings, store, embedders, progress))
        except GovQAError as exc:
            done(DocReport(doc.id, "failed", seconds=time.perf_counter() - t0, error=str(exc)))
    return reports


def _refuse_taken_id(settings: Settings, doc: Document) -> None:
    """An added file may replace its own earlier version (same source path), never another document."""
    try:
        manifest_ids = {d.id for d in load_manifest(settings.manifest, lenient=True).documents}
    except ConfigError:  # no manifest (or an unreadable one): nothing of it to overwrite
        manifest_ids = set()
    owner = next((d for d in load_added(settings.cache_dir) if d.id == doc.id), None)
    if doc.id in manifest_ids or (owner is not None and owner.official_url != doc.official_url):
        held_by = "a manifest document" if doc.id in manifest_ids else owner.official_url if owner else ""
        raise ConfigError(
            f"{doc.official_url}: its id {doc.id!r} is already used by {held_by}; rename the file to add it "
            "as a separate document (adding the same file again updates it)."
        )


_FORMATS = {".pdf": ("pdf", "generic"), ".xml": ("xml", "jp-law-xml"), ".txt": ("txt", "generic")}


def _user_document(
    path: Path, title: str | None, short_title: str | None, jurisdiction: str, language: str
) -> Document:
    """The manifest record of a user's own file: an id from its name, its checksum, its local URL."""
    fmt, profile = _FORMATS[path.suffix.lower()]
    slug = re.sub(r"[^a-z0-9]+", "-", path.stem.lower()).strip("-") or "document"
    return Document(
        id=f"user-{slug}",
        title=title or path.stem,
        short_title=short_title or title or path.stem,
        file=f"user-{slug}{path.suffix.lower()}",
        jurisdiction=jurisdiction,
        language=language,
        sha256=sha256_file(path),
        bytes=path.stat().st_size,
        format=fmt,
        profile=profile,
        official_url=path.resolve().as_uri(),
        status="current",
        legal_effect="non_binding",
    )


def add_document(
    settings: Settings,
    path: Path,
    *,
    title: str | None = None,
    short_title: str | None = None,
    jurisdiction: str = "",
    language: str = "en",
    embedders: dict[str, Embeddings] | None = None,
    store: ChromaStore | None = None,
    progress: Progress | None = None,
) -> DocReport:
    """Ingest a user's own file that is not in the manifest; it is copied into the cache first."""
    if not path.is_file():
        raise SourceUnavailableError(f"{path}: no such file; give the path of a PDF, XML or .txt file.")
    if path.suffix.lower() not in _FORMATS:
        raise UnreadableDocumentError(f"{path}: unsupported type {path.suffix!r}; add a .pdf, .xml or .txt file.")
    doc = _user_document(path, title, short_title, jurisdiction, language)
    _refuse_taken_id(settings, doc)
    t0 = time.perf_counter()
    try:
        chunk_document(doc, path, settings)  # refuse unreadable files before anything is copied or stored
    except GovQAError as exc:
        return DocReport(doc.id, "failed", seconds=time.perf_counter() - t0, error=str(exc))
    settings.cache_dir.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(path, settings.cache_dir / doc.file)
    save_added(settings.cache_dir, doc)
    embedders = embedders if embedders is not None else build_embedders(settings)
    embedders = cached_embedders(embedders, settings_cache(settings))
    store = store or open_store(settings, embedders)
    return ingest_document(doc, settings.cache_dir / doc.file, settings, store, embedders, progress)
