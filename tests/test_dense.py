"""Exact dense search in memory: each index's rows computed in its own thread equal the rows computed one by one."""

from __future__ import annotations

import threading

import numpy as np
import pytest

from govqa.search.dense import Similarities


class Vectors:
    """Seeded unit vectors per (index, text); records which thread embedded each text."""

    def __init__(self, dims: dict[str, int]) -> None:
        self.dims = dims
        self.threads: dict[str, set[str]] = {index: set() for index in dims}

    def __call__(self, index: str, text: str) -> list[float]:
        self.threads[index].add(threading.current_thread().name)
        rng = np.random.default_rng(abs(hash((index, text))) % 2**32)
        v = rng.standard_normal(self.dims[index]).astype(np.float32)
        return (v / np.linalg.norm(v)).tolist()


def _matrices(rows: int = 500) -> dict[str, np.ndarray]:
    rng = np.random.default_rng(7)
    return {index: rng.standard_normal((rows, dim)).astype(np.float32) for index, dim in (("dense", 16), ("e5", 24))}


def test_rows_together_equal_rows_one_by_one_and_run_side_by_side() -> None:
    """Asked together, the indexes are embedded in two threads; every row equals the serial path's, bit for bit."""
    matrices = _matrices()
    together, serial = Vectors({"dense": 16, "e5": 24}), Vectors({"dense": 16, "e5": 24})
    sims = Similarities(matrices, together)
    sims.rows_together({"e5": ["q"], "dense": ["q en", "focus"], "missing": ["q"]})
    assert len(together.threads["e5"] | together.threads["dense"]) == 2  # the caller's thread and one worker
    alone = Similarities(matrices, serial)
    for index, texts in (("e5", ["q"]), ("dense", ["q en", "focus"])):
        expected = alone.rows(index, texts)
        got = sims.rows(index, texts)  # kept: nothing embedded again
        assert all(np.array_equal(a, b) for a, b in zip(got, expected, strict=True))
        direct = [matrices[index] @ np.asarray(serial(index, t), dtype=np.float32) for t in texts]
        assert all(np.array_equal(a, b) for a, b in zip(got, direct, strict=True))


def test_a_text_s_row_does_not_depend_on_the_other_texts_asked() -> None:
    """A text's row is the same whether it is asked alone or with the question's other texts."""
    vectors = Vectors({"dense": 16, "e5": 24})
    with_others = Similarities(_matrices(), vectors).rows("dense", ["a", "b", "c"])[1]
    alone = Similarities(_matrices(), vectors).rows("dense", ["b"])[0]
    assert np.array_equal(with_others, alone)


def test_an_embedder_error_in_the_worker_reaches_the_caller() -> None:
    """An index that fails to embed raises in the caller, not silently in a thread."""

    def embed(index: str, text: str) -> list[float]:
        if index == "dense":
            raise RuntimeError("dense encoder failed")
        return [1.0] * 24

    with pytest.raises(RuntimeError, match="dense encoder failed"):
        Similarities(_matrices(), embed).rows_together({"e5": ["q"], "dense": ["q"]})
