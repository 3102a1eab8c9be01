"""Never embed the same text twice: a content-hash cache of vectors, keyed by (model, sha256(text)).

Chunk ids change whenever a chunk moves (a profile or chunker change, an edit earlier in the file, a
`--rebuild`), but most embedding texts stay the same; their vectors come from this cache instead of
the model. The cache is one SQLite file in the cache folder (`cache_dir/embed-cache.sqlite3`), shared by every
index built on this machine and safe for several processes; a model change simply misses (the model
name, and the precision of a quantised graph, are part of the key). It lives outside the index so that
`govqa ingest --rebuild` benefits too. The quote chooser keeps its sentence vectors here as well
(`answering.quotes.cosine_scorer`): a sentence is embedded by the first answer that scores it, then looked up.

    embedders = cached_embedders(build_embedders(settings), settings_cache(settings))
"""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Mapping, Sequence
from contextlib import closing
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
from langchain_core.embeddings import Embeddings

from govqa.index.embedders import ProgressFn, embed_many, embedder_name, embedding_text
from govqa.settings import Settings

if TYPE_CHECKING:
    from govqa.corpus import Manifest
    from govqa.index.store import ChromaStore

CACHE_FILE = "embed-cache.sqlite3"


def text_key(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


class EmbeddingCache:
    """Vectors by (model, text hash) in SQLite, stored as float32 bytes.

    Each call opens and closes its own connection: nothing to close, safe across threads and processes."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def _connect(self) -> sqlite3.Connection:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        db = sqlite3.connect(str(self.path), timeout=30)
        db.execute("CREATE TABLE IF NOT EXISTS vectors (model TEXT, key TEXT, vec BLOB, PRIMARY KEY (model, key))")
        return db

    def get(self, model: str, keys: Sequence[str]) -> dict[str, list[float]]:
        found: dict[str, list[float]] = {}
        with closing(self._connect()) as db:
            for begin in range(0, len(keys), 500):  # SQLite caps the number of bound parameters
                part = list(keys[begin : begin + 500])
                marks = ",".join("?" * len(part))
                rows = db.execute(f"SELECT key, vec FROM vectors WHERE model = ? AND key IN ({marks})", [model, *part])
                for key, blob in rows:
                    found[key] = np.frombuffer(blob, dtype=np.float32).tolist()
        return found

    def put(self, model: str, items: Mapping[str, Sequence[float]]) -> None:
        with closing(self._connect()) as db, db:
            db.executemany(
                "INSERT OR REPLACE INTO vectors VALUES (?, ?, ?)",
                [(model, k, np.asarray(v, dtype=np.float32).tobytes()) for k, v in items.items()],
            )

    def __len__(self) -> int:
        if not self.path.exists():
            return 0
        with closing(self._connect()) as db:
            return int(db.execute("SELECT COUNT(*) FROM vectors").fetchone()[0])


class CachedEmbeddings(Embeddings):
    """Wraps an embedder: texts seen before (by this model) are not embedded again.

    `hits` and `misses` count texts since creation (for reports and tests)."""

    def __init__(self, inner: Embeddings, cache: EmbeddingCache) -> None:
        self.inner = inner
        self.cache = cache
        self.name = embedder_name(inner)
        # The cache's key: the model and, for a quantised graph, its precision (an int8 run and an fp32 run
        # sharing a cache folder must not reuse each other's vectors). fp32 keeps the bare name of older caches.
        precision = str(getattr(inner, "precision", "fp32"))
        self.key = self.name if precision == "fp32" else f"{self.name}@{precision}"
        self.hits = 0
        self.misses = 0

    def embed(self, texts: Sequence[str], progress: ProgressFn | None = None) -> list[list[float]]:
        keys = [text_key(t) for t in texts]
        known = self.cache.get(self.key, list(dict.fromkeys(keys)))
        todo = list(dict.fromkeys(k for k in keys if k not in known))
        self.hits += len(texts) - sum(k not in known for k in keys)
        self.misses += sum(k not in known for k in keys)
        if todo:
            by_key = dict(zip(keys, texts, strict=True))
            fresh = embed_many(self.inner, [by_key[k] for k in todo], progress)
            # float32 like the cached ones, so a hit and a miss return the very same numbers
            new = {k: np.asarray(v, dtype=np.float32).tolist() for k, v in zip(todo, fresh, strict=True)}
            self.cache.put(self.key, new)
            known.update(new)
        elif progress:
            progress(len(texts), len(texts))
        return [list(known[k]) for k in keys]

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        return self.embed(texts)

    def embed_query(self, text: str) -> list[float]:
        return self.inner.embed_query(text)  # questions are not cached: they rarely repeat across runs


def settings_cache(settings: Settings) -> EmbeddingCache:
    return EmbeddingCache(settings.cache_dir / CACHE_FILE)


def cached_embedders(embedders: dict[str, Embeddings], cache: EmbeddingCache) -> dict[str, Embeddings]:
    """The same embedders, each behind the cache (already wrapped ones are left as they are)."""
    return {k: e if isinstance(e, CachedEmbeddings) else CachedEmbeddings(e, cache) for k, e in embedders.items()}


def seed_from_store(store: ChromaStore, manifest: Manifest, cache: EmbeddingCache) -> int:
    """Fill the cache with the vectors an index already holds (e.g. before moving it to a Chroma server,
    so the server ingest embeds nothing). Returns the number of vectors written."""

    docs = {d.id: d for d in manifest.documents}
    chunks = [c for c in store.chunks() if c.doc_id in docs]
    written = 0
    for index, model in store.model_names.items():
        vectors = store.vectors(index)
        items = {text_key(embedding_text(docs[c.doc_id], c)): vectors[c.id] for c in chunks if c.id in vectors}
        cache.put(model, items)
        written += len(items)
    return written
