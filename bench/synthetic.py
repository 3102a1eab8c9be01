"""Synthetic corpora for scale benchmarks: chunks recombined from the sentences of real chunks.

Nothing is downloaded and nothing is written to the project: the sentences come from an index the
user already built, and the synthetic chunks live in memory (or wherever the caller saves them).

Each synthetic chunk takes 2-6 sentences drawn (seeded) from random source chunks; it belongs to the
document of its first sentence and keeps that chunk's locator, so routing, provision lookup and
filters see a realistic spread. Its vector is derived, not embedded: the normalised mean of the
vectors of the source chunks its sentences came from (`mixed_vectors`). Exact search costs the same
whatever the vectors hold, so latency is measured faithfully; quality on such vectors means nothing.
The lexical index, by contrast, is built over the synthetic texts themselves.
"""

from __future__ import annotations

import random
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

import numpy as np

from govqa.records import Chunk

_SENTENCE_END = re.compile(r"(?<=[.!?;。])\s+|(?<=[。])")
MIN_SENTENCE_CHARS = 20


def split_sentences(text: str) -> list[str]:
    """Rough sentences of a chunk (good enough to recombine; not the answer composer's splitter)."""
    parts = (" ".join(p.split()) for p in _SENTENCE_END.split(text))
    return [p for p in parts if len(p) >= MIN_SENTENCE_CHARS]


@dataclass(frozen=True)
class SyntheticCorpus:
    chunks: list[Chunk]
    sources: list[tuple[int, ...]]  # per synthetic chunk: indexes of the source chunks its sentences came from


def recombine(
    source: Sequence[Chunk], size: int, *, seed: int = 0, sentences: tuple[int, int] = (2, 6)
) -> SyntheticCorpus:
    """`size` synthetic chunks from the sentences of `source` (same seed, same corpus)."""
    if size < 0:
        raise ValueError(f"size must be >= 0, got {size}")
    pool = [(i, s) for i, c in enumerate(source) for s in split_sentences(c.text)]
    if not pool and size:
        raise ValueError("the source chunks hold no sentences to recombine")
    rng = random.Random(seed)
    lo, hi = sentences
    chunks: list[Chunk] = []
    origins: list[tuple[int, ...]] = []
    ordinals: dict[str, int] = {}
    for _ in range(size):
        picked = [pool[rng.randrange(len(pool))] for _ in range(rng.randint(lo, hi))]
        first = source[picked[0][0]]
        ordinal = ordinals.get(first.doc_id, 0)
        ordinals[first.doc_id] = ordinal + 1
        text = " ".join(s for _, s in picked)
        chunks.append(
            replace(
                first,
                text=text,
                char_start=ordinal * 10_000,  # distinct places, hence distinct content-derived ids
                char_end=ordinal * 10_000 + len(text),
                page_end=first.page_start,
                ordinal=ordinal,
                page_breaks=(),
            )
        )
        origins.append(tuple(i for i, _ in picked))
    return SyntheticCorpus(chunks, origins)


def mixed_vectors(source_vectors: np.ndarray, sources: Sequence[tuple[int, ...]]) -> np.ndarray:
    """One unit vector per synthetic chunk: the normalised mean of its source chunks' vectors."""
    dim = source_vectors.shape[1]
    out = np.zeros((len(sources), dim), dtype=np.float32)
    for row, idx in enumerate(sources):
        out[row] = source_vectors[list(idx)].mean(axis=0)
    norms = np.linalg.norm(out, axis=1, keepdims=True)
    return out / np.where(norms == 0, 1.0, norms)


class MemoryStore:
    """The read side of ChromaStore over in-memory chunks and vectors (a Retriever's `store=`)."""

    def __init__(self, chunks: Sequence[Chunk], vectors: dict[str, np.ndarray]) -> None:
        self._chunks = list(chunks)
        self._vectors = vectors

    def chunks(self, doc_id: str | None = None) -> list[Chunk]:
        found = [c for c in self._chunks if doc_id is None or c.doc_id == doc_id]
        return sorted(found, key=lambda c: (c.doc_id, c.ordinal))

    def vectors(self, index: str) -> dict[str, np.ndarray]:
        matrix = self._vectors[index]
        return {c.id: matrix[i] for i, c in enumerate(self._chunks)}

    def count(self) -> int:
        return len(self._chunks)
