"""Exact dense search in memory: each index's vectors as one float32 matrix in chunk order, and the cosine
of every chunk to a question's texts, computed together and kept for the question's later searches.

At 100k chunks a matrix is 150 MB; a product with it reads all of it, whatever the number of texts, so
the texts one question sends to one index (question, glossary rendering, asking sentence) go in one product.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Protocol

import numpy as np

from govqa.records import Chunk

SIMILARITIES_KEPT = 8  # (index, text) rows kept: every dense text of a question, with room to spare


class VectorSource(Protocol):
    def vectors(self, index: str) -> dict[str, list[float]]: ...


def load_matrices(store: VectorSource, indexes: Iterable[str], chunks: Sequence[Chunk]) -> dict[str, np.ndarray]:
    """Each index's stored vectors as one matrix in chunk order (a chunk missing from an index gets zeros)."""
    matrices = {}
    for index in indexes:
        stored = store.vectors(index)
        dim = len(next(iter(stored.values()))) if stored else 1
        rows = [stored.get(c.id, [0.0] * dim) for c in chunks]
        matrices[index] = np.array(rows, dtype=np.float32).reshape(len(chunks), dim)
    return matrices


class Similarities:
    """Cosine rows of every chunk to texts, by (index, text); `embed(index, text)` gives a text's unit vector."""

    def __init__(self, matrices: dict[str, np.ndarray], embed: Callable[[str, str], list[float]]) -> None:
        self.matrices = matrices
        self._embed = embed
        self._rows: dict[tuple[str, str], np.ndarray] = {}

    def clear(self) -> None:
        self._rows.clear()

    def rows(self, index: str, texts: Sequence[str]) -> list[np.ndarray]:
        """One row per text, from one matrix product for all the texts not yet known."""
        # Locals, not re-reads: another thread may clear the kept rows meanwhile.
        known = {t: self._rows.get((index, t)) for t in texts}
        todo = [t for t, row in known.items() if row is None]
        if todo:
            vectors = np.array([self._embed(index, t) for t in todo], dtype=np.float32)
            product = vectors @ self.matrices[index].T  # (texts, chunks), each row contiguous
            if len(self._rows) + len(todo) > SIMILARITIES_KEPT:
                self._rows.clear()
            for text, row in zip(todo, product, strict=True):
                self._rows[(index, text)] = known[text] = row
        return [row for t in texts if (row := known[t]) is not None]
