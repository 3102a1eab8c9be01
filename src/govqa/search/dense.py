"""Exact dense search in memory: each index's vectors as one float32 matrix in chunk order, and the cosine
of every chunk to a question's texts, computed together and kept for the question's later searches.

At 100k chunks a matrix is 150 MB. Each text's row is its own matrix-vector product (GEMV): OpenBLAS reads the
matrix once for it, whereas a matrix-matrix product with the 2–3 texts of one question first copies (packs)
the whole matrix and took 4–9× one GEMV at 100k chunks. Every row is thus computed alike, whatever else the
question asks.
The indexes are independent: `rows_together` embeds and multiplies each in its own thread (ONNX Runtime and
numpy's BLAS release the GIL), so a cold question costs the slower index's time, not the sum of both.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
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
        self._pool: ThreadPoolExecutor | None = None  # made on first use; its threads exit with the process

    def clear(self) -> None:
        self._rows.clear()

    def rows(self, index: str, texts: Sequence[str]) -> list[np.ndarray]:
        """One row per text, from one matrix product for all the texts not yet known."""
        # Locals, not re-reads: another thread may clear the kept rows meanwhile.
        known: dict[str, np.ndarray | None] = {t: self._rows.get((index, t)) for t in texts}
        todo = [t for t, row in known.items() if row is None]
        if todo:
            matrix = self.matrices[index]
            product: list[np.ndarray] = [matrix @ np.asarray(self._embed(index, t), dtype=np.float32) for t in todo]
            if len(self._rows) + len(todo) > SIMILARITIES_KEPT:
                self._rows.clear()
            for text, fresh in zip(todo, product, strict=True):
                self._rows[(index, text)] = known[text] = fresh
        return [row for t in texts if (row := known[t]) is not None]

    def rows_together(self, requests: Mapping[str, Sequence[str]]) -> None:
        """The rows of several indexes at once, each index's texts embedded and multiplied in its own thread
        (the first in the caller's); later `rows` calls for them find them kept. Same numbers as one by one."""
        todo = [(index, texts) for index, texts in requests.items() if index in self.matrices and texts]
        if len(todo) < 2:
            for index, texts in todo:
                self.rows(index, texts)
            return
        if len(self._rows) + sum(len(texts) for _, texts in todo) > SIMILARITIES_KEPT:
            self._rows.clear()  # now, so that neither thread clears the rows the other has just made
        if self._pool is None:
            self._pool = ThreadPoolExecutor(max_workers=len(todo), thread_name_prefix="govqa-dense")
        futures = [self._pool.submit(self.rows, index, texts) for index, texts in todo[1:]]
        self.rows(*todo[0])
        for future in futures:
            future.result()  # re-raises an embedder's error here
