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


def batches_by_length(lengths: Sequence[int], batch_size: int) -> list[list[int]]:
    """Indices into `lengths` in batches of `batch_size`, shortest first, so a padded batch is little padding.

    The ONNX encoders pass token counts: characters are a poor proxy across scripts (a Japanese character is
    often a token of its own), and sorting by them cost e5 about a third more CPU on the corpus."""
    order = sorted(range(len(lengths)), key=lengths.__getitem__)
    return [order[begin : begin + batch_size] for begin in range(0, len(order), batch_size)]


def embed_in_length_order(
    texts: Sequence[str], batch_size: int, encode: Callable[[Sequence[str]], Any], progress: ProgressFn | None = None
) -> list[list[float]]:
    """Encode in batches of similar length in characters; the vectors come back in input order."""
    out: list[list[float]] = [[] for _ in texts]
    done = 0
    for idx in batches_by_length([len(t) for t in texts], batch_size):
        for i, vec in zip(idx, encode([texts[i] for i in idx]), strict=True):
            out[i] = [float(x) for x in vec]
        done += len(idx)
        if progress:
            progress(done, len(texts))
    return out
