"""Chroma adapter: one collection per embedding model, chunks keyed by content-derived ids.

Embedded (`PersistentClient`) by default, a Chroma server (`HttpClient`) for teams. Each
collection records the model and chunker version it was built with; opening it with other
settings is an IndexMismatchError rather than silently mixing vectors.
"""

from __future__ import annotations

import functools
import os
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar, cast

import httpx

from govqa.documents.chunking import CHUNKER_VERSION
from govqa.errors import ConfigError, IndexMismatchError, IndexMissingError, StoreUnavailableError
from govqa.records import Chunk
from govqa.settings import Settings, StoreSettings

_PAGE_NONE = -1  # Chroma metadata cannot hold None


def make_client(settings: Settings) -> Any:
    """Build the Chroma client the settings ask for (nothing is created at import time). A server is asked once
    first, with the token and a timeout: chromadb's requests have none, so a stalled server would hang them."""
    import chromadb
    from chromadb.config import Settings as ChromaSettings

    chroma_settings = ChromaSettings(anonymized_telemetry=False, allow_reset=False)
    cfg = settings.store
    if cfg.mode == "server":
        headers = {"Authorization": f"Bearer {cfg.auth_token}"} if cfg.auth_token else None
        _check_server(cfg, headers or {})
        try:
            client = chromadb.HttpClient(
                host=cfg.host, port=cfg.port, ssl=cfg.ssl, headers=headers, settings=chroma_settings
            )
        except Exception as exc:  # connection errors surface as several exception types
            raise _unavailable(cfg, exc) from exc
        for session in _sessions(client):
            session.timeout = httpx.Timeout(cfg.timeout_s)
        return client
    settings.index_dir.mkdir(parents=True, exist_ok=True)
    return chromadb.PersistentClient(path=str(settings.index_dir), settings=chroma_settings)


def _check_server(cfg: StoreSettings, headers: dict[str, str]) -> None:
    """One request the client would make first (its tenant), bounded by the timeout; 401/403 name the token."""
    url = f"{'https' if cfg.ssl else 'http'}://{cfg.host}:{cfg.port}/api/v2/tenants/default_tenant"
    try:
        status = httpx.get(url, headers=headers, timeout=cfg.timeout_s).status_code
    except httpx.HTTPError as exc:
        raise _unavailable(cfg, exc) from exc
    if status in (401, 403):
        fix = (
            "the token in GOVQA_STORE__AUTH_TOKEN was refused; check it"
            if cfg.auth_token
            else "it requires a bearer token; set GOVQA_STORE__AUTH_TOKEN"
        )
        raise StoreUnavailableError(f"The Chroma server at {cfg.host}:{cfg.port} refused govqa (HTTP {status}): {fix}.")


def _unavailable(cfg: StoreSettings, exc: BaseException) -> StoreUnavailableError:
    where = f"the Chroma server at {cfg.host}:{cfg.port}"
    if isinstance(exc, httpx.TimeoutException):
        return StoreUnavailableError(
            f"{where[0].upper()}{where[1:]} did not answer within {cfg.timeout_s:g} s; check that it is running "
            "and not overloaded, or raise GOVQA_STORE__TIMEOUT_S."
        )
    cause = " ".join(str(exc).split()) or type(exc).__name__  # one line, whatever the library put in it
    return StoreUnavailableError(
        f"Cannot reach {where} ({cause}); start it with "
        f"`chroma run --path DIR --host {cfg.host} --port {cfg.port}` or set GOVQA_STORE__MODE=embedded."
    )


_Method = TypeVar("_Method", bound=Callable[..., Any])


def _server_call(method: _Method) -> _Method:
    """A server that dies or stalls during a call is a StoreUnavailableError naming it, not an httpx traceback."""

    @functools.wraps(method)
    def call(self: ChromaStore, *args: Any, **kwargs: Any) -> Any:
        try:
            return method(self, *args, **kwargs)
        except httpx.TransportError as exc:
            raise _unavailable(self.settings.store, exc) from exc

    return cast(_Method, call)


def chunk_metadata(chunk: Chunk, extra: dict[str, str]) -> dict[str, str | int]:
    return {
        "doc_id": chunk.doc_id,
        "locator": chunk.locator,
        "heading": chunk.heading,
        "page_start": chunk.page_start if chunk.page_start is not None else _PAGE_NONE,
        "page_end": chunk.page_end if chunk.page_end is not None else _PAGE_NONE,
        "char_start": chunk.char_start,
        "char_end": chunk.char_end,
        "lang": chunk.lang,
        "ordinal": chunk.ordinal,
        "page_breaks": ",".join(str(b) for b in chunk.page_breaks),
        "roles": ",".join(chunk.roles),
        **extra,
    }


def chunk_from_record(text: str, meta: dict[str, Any]) -> Chunk:
    page_start, page_end = int(meta["page_start"]), int(meta["page_end"])
    return Chunk(
        doc_id=str(meta["doc_id"]),
        locator=str(meta["locator"]),
        heading_path=tuple(p for p in str(meta.get("heading", "")).split(" › ") if p),
        text=text,
        char_start=int(meta["char_start"]),
        char_end=int(meta["char_end"]),
        page_start=None if page_start == _PAGE_NONE else page_start,
        page_end=None if page_end == _PAGE_NONE else page_end,
        lang=str(meta.get("lang", "")),
        ordinal=int(meta.get("ordinal", 0)),
        page_breaks=tuple(int(b) for b in str(meta.get("page_breaks", "")).split(",") if b),
        roles=tuple(r for r in str(meta.get("roles", "")).split(",") if r),
    )


@dataclass(frozen=True)
class DocState:
    """What the index holds of one document: enough to skip re-ingesting it."""

    doc_id: str
    source_sha256: str
    build_key: str
    chunks: int


class ChromaStore:
    """The chunks and their vectors, one Chroma collection per embedder name."""

    def __init__(self, settings: Settings, client: Any | None = None, *, model_names: dict[str, str]) -> None:
        self.settings = settings
        self.client = client if client is not None else make_client(settings)
        self.model_names = model_names  # index name ("dense", "multilingual") → embedding model name
        self._collections: dict[str, Any] = {}

    def _name(self, index: str) -> str:
        return f"{self.settings.store.collection_prefix}-{index}"

    def _expected_meta(self, index: str) -> dict[str, str]:
        return {"embedding_model": self.model_names[index], "chunker_version": CHUNKER_VERSION}

    @_server_call
    def collection(self, index: str, *, create: bool = False) -> Any:
        if index in self._collections:
            return self._collections[index]
        name = self._name(index)
        existing = {c.name if hasattr(c, "name") else str(c) for c in self.client.list_collections()}
        if name not in existing:
            if not create:
                raise IndexMissingError(f"No index {name!r} in {self._where()}; build it with `govqa ingest`.")
            coll = self.client.create_collection(
                name,
                metadata=self._expected_meta(index),
                configuration={"hnsw": {"space": "cosine"}},
                embedding_function=None,
            )
        else:
            coll = self.client.get_collection(name, embedding_function=None)
            self._check(coll, index)
        self._collections[index] = coll
        return coll

    def _where(self) -> str:
        cfg = self.settings.store
        return f"the Chroma server {cfg.host}:{cfg.port}" if cfg.mode == "server" else str(self.settings.index_dir)

    def _check(self, coll: Any, index: str) -> None:
        meta = dict(coll.metadata or {})
        for key, want in self._expected_meta(index).items():
            if meta.get(key) != want:
                raise IndexMismatchError(
                    f"The index {coll.name!r} in {self._where()} was built with {key}={meta.get(key)!r}, "
                    f"but the settings use {want!r}; run `govqa ingest --rebuild`."
                )

    # ---------------------------------------------------------------- writing

    @_server_call
    def doc_states(self) -> dict[str, DocState]:
        """Per document: its file hash and build key if it is completely indexed, else empty ones.

        Complete = every index holds the same chunk ids for the document and all its chunks carry one
        (file hash, build key). A run killed mid-document breaks one of these (chunks missing from an
        index, new chunks beside stale ones, metadata refreshed in one index only), so the document is
        redone rather than skipped.
        """
        ids: dict[str, dict[str, set[str]]] = {}  # doc → index → chunk ids
        keys: dict[str, set[tuple[str, str]]] = {}  # doc → every (source_sha256, build_key) seen
        for index in self.model_names:
            coll = self.collection(index, create=True)
            for cid, meta, _ in self._iter(coll, include_documents=False):
                doc_id = str(meta["doc_id"])
                ids.setdefault(doc_id, {}).setdefault(index, set()).add(cid)
                keys.setdefault(doc_id, set()).add((str(meta.get("source_sha256", "")), str(meta.get("build_key", ""))))
        states: dict[str, DocState] = {}
        for doc_id, per_index in ids.items():
            sets = [per_index.get(index, set()) for index in self.model_names]
            complete = len(keys[doc_id]) == 1 and all(s == sets[0] for s in sets)
            sha, key = next(iter(keys[doc_id])) if complete else ("", "")
            states[doc_id] = DocState(doc_id, sha, key, len(per_index.get("dense", set())))
        return states

    @_server_call
    def ids_of(self, doc_id: str) -> set[str]:
        """Chunk ids of a document present in every index (a chunk missing from one must be re-embedded)."""
        sets = [
            set(self.collection(i, create=True).get(where={"doc_id": doc_id}, include=[])["ids"])
            for i in self.model_names
        ]
        return set.intersection(*sets) if sets else set()

    @_server_call
    def all_ids_of(self, doc_id: str) -> set[str]:
        """Chunk ids of a document present in any index."""
        return {
            cid
            for i in self.model_names
            for cid in self.collection(i, create=True).get(where={"doc_id": doc_id}, include=[])["ids"]
        }

    @_server_call
    def upsert(
        self, index: str, chunks: Sequence[Chunk], vectors: Sequence[Sequence[float]], extra: dict[str, str]
    ) -> None:
        coll = self.collection(index, create=True)
        step = 1000
        for i in range(0, len(chunks), step):
            part = chunks[i : i + step]
            coll.upsert(
                ids=[c.id for c in part],
                embeddings=[list(v) for v in vectors[i : i + step]],
                documents=[c.text for c in part],
                metadatas=[chunk_metadata(c, extra) for c in part],
            )

    @_server_call
    def update_metadata(self, chunks: Sequence[Chunk], extra: dict[str, str]) -> None:
        for index in self.model_names:
            self.collection(index, create=True).update(
                ids=[c.id for c in chunks], metadatas=[chunk_metadata(c, extra) for c in chunks]
            )

    @_server_call
    def delete(self, ids: Iterable[str]) -> None:
        ids = list(ids)
        if not ids:
            return
        for index in self.model_names:
            self.collection(index, create=True).delete(ids=ids)

    @_server_call
    def reset(self) -> None:
        """Drop govqa's collections (for --rebuild); other collections are left alone."""
        existing = {c.name if hasattr(c, "name") else str(c) for c in self.client.list_collections()}
        for index in self.model_names:
            if self._name(index) in existing:
                self.client.delete_collection(self._name(index))
        self._collections.clear()

    # ---------------------------------------------------------------- reading

    def _iter(
        self, coll: Any, *, include_documents: bool = True, where: dict[str, Any] | None = None
    ) -> Iterator[tuple[str, dict[str, Any], str]]:
        include = ["metadatas", "documents"] if include_documents else ["metadatas"]
        offset, page = 0, 5000
        while True:
            got = coll.get(where=where, include=include, limit=page, offset=offset)
            ids = got["ids"]
            docs = got.get("documents") or [""] * len(ids)
            for i, meta, text in zip(ids, got["metadatas"], docs, strict=True):
                yield i, meta, text or ""
            if len(ids) < page:
                return
            offset += page

    @_server_call
    def chunks(self, doc_id: str | None = None) -> list[Chunk]:
        """Every stored chunk (of one document), in document order."""
        where = {"doc_id": doc_id} if doc_id else None
        found = [chunk_from_record(text, meta) for _, meta, text in self._iter(self.collection("dense"), where=where)]
        return sorted(found, key=lambda c: (c.doc_id, c.ordinal))

    @_server_call
    def vectors(self, index: str) -> dict[str, list[float]]:
        """Every stored vector of one index by chunk id (for exact in-memory search)."""
        coll = self.collection(index)
        out: dict[str, list[float]] = {}
        offset, page = 0, 5000
        while True:
            got = coll.get(include=["embeddings"], limit=page, offset=offset)
            for cid, vec in zip(got["ids"], got["embeddings"], strict=True):
                out[cid] = vec
            if len(got["ids"]) < page:
                return out
            offset += page

    @_server_call
    def count(self) -> int:
        return int(self.collection("dense").count())

    @_server_call
    def query(
        self, index: str, vector: Sequence[float], n: int, doc_ids: Sequence[str] | None = None
    ) -> list[tuple[str, float]]:
        """(chunk id, cosine similarity) of the n nearest chunks, optionally within some documents."""
        coll = self.collection(index)
        where: dict[str, Any] | None = None
        if doc_ids is not None:
            where = {"doc_id": {"$in": list(doc_ids)}} if len(doc_ids) != 1 else {"doc_id": doc_ids[0]}
        # Chroma returns fewer results when fewer match (or none, from an empty collection): no count() first,
        # which on a server was a second round trip before every query.
        got = coll.query(query_embeddings=[list(vector)], n_results=max(1, n), where=where, include=["distances"])
        return [(i, 1.0 - float(d)) for i, d in zip(got["ids"][0], got["distances"][0], strict=True)]


# ---------------------------------------------------------------- a loopback server (tests, bench, trying server mode)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextmanager
def local_server(data_dir: Path, timeout_s: float = 60) -> Iterator[int]:
    """A `chroma run` server on a free loopback port; yields the port, stops the server on exit."""
    with local_server_process(data_dir, timeout_s) as (port, _):
        yield port


@contextmanager
def local_server_process(data_dir: Path, timeout_s: float = 60) -> Iterator[tuple[int, subprocess.Popen[bytes]]]:
    """`local_server`, also yielding the server's process (benchmarks read its memory)."""
    exe = shutil.which("chroma", path=os.path.dirname(sys.executable)) or shutil.which("chroma")
    if exe is None:
        raise ConfigError("The `chroma` command is not installed; it ships with the chromadb package.")
    port = free_port()
    proc = subprocess.Popen(
        [exe, "run", "--path", str(data_dir), "--host", "127.0.0.1", "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env={**os.environ, "ANONYMIZED_TELEMETRY": "False"},
    )
    try:
        deadline = time.monotonic() + timeout_s
        while True:
            try:
                with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                    break
            except OSError:
                if proc.poll() is not None or time.monotonic() > deadline:
                    raise ConfigError(f"`chroma run --path {data_dir}` did not start on 127.0.0.1:{port}.") from None
                time.sleep(0.2)
        yield port, proc
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def _sessions(client: Any) -> list[httpx.Client]:
    """The httpx sessions of chromadb's HttpClient and its admin client (chromadb offers no handle on them)."""
    owners = (client, getattr(client, "_admin_client", None))
    found = [getattr(getattr(owner, "_server", None), "_session", None) for owner in owners]
    return [s for s in found if isinstance(s, httpx.Client)]


def close_client(client: Any) -> None:
    """chromadb's HttpClient keeps its httpx pools open; close them."""
    for session in _sessions(client):
        session.close()
    if hasattr(client, "close"):
        client.close()
