"""Feeding an encoder: texts in batches of similar length (little padding), vectors back in input order."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from langchain_core.embeddings import Embeddings

ProgressFn = Callable[[int, int], None]


class LengthSortedEmbeddings(Embeddings):
    """Embeddings over an `encode_batch` function, fed length-sorted batches of `batch_size` texts."""

    name: str
    batch_size: int
    encode_batch: Callable[[Sequence[str]], Any]

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        return self.embed(texts)

    def embed(self, texts: Sequence[str], progress: ProgressFn | None = None) -> list[list[float]]:
        return embed_in_length_order(texts, self.batch_size, self.encode_batch, progress)

    def embed_query(self, text: str) -> list[float]:
        return self.embed([text])[0]


def embed_in_length_order(
    texts: Sequence[str], batch_size: int, encode: Callable[[Sequence[str]], Any], progress: ProgressFn | None = None
) -> list[list[float]]:
    """Encode in batches of similar length (little padding); the vectors come back in input order."""
    order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
    out: list[list[float]] = [[] for _ in texts]
    for begin in range(0, len(order), batch_size):
        idx = order[begin : begin + batch_size]
        for i, vec in zip(idx, encode([texts[i] for i in idx]), strict=True):
            out[i] = [float(x) for x in vec]
        if progress:
            progress(min(begin + batch_size, len(order)), len(order))
    return out
