"""Batching texts for an encoder: similar lengths together, every text once, vectors back in input order."""

from __future__ import annotations

import pytest

from govqa.index.batching import batches_by_length, embed_in_length_order


@pytest.mark.parametrize("batch_size", [1, 2, 3, 10])
def test_batches_hold_every_index_once_shortest_first(batch_size: int) -> None:
    """Each index appears in exactly one batch, batches are at most batch_size, lengths never decrease."""
    lengths = [7, 1, 30, 1, 12, 5, 30, 2]
    batches = batches_by_length(lengths, batch_size)
    flat = [i for batch in batches for i in batch]
    assert sorted(flat) == list(range(len(lengths)))
    assert all(len(b) <= batch_size for b in batches)
    assert [lengths[i] for i in flat] == sorted(lengths)


def test_embed_in_length_order_returns_vectors_in_input_order_with_progress() -> None:
    """The encoder sees length-sorted batches; the caller gets each text's own vector at its own place."""
    texts = ["ccc", "a", "bbbbb", "dd"]
    seen: list[list[str]] = []
    progress: list[tuple[int, int]] = []

    def encode(batch: list[str]) -> list[list[float]]:
        seen.append(list(batch))
        return [[float(len(t))] for t in batch]

    out = embed_in_length_order(texts, 2, encode, lambda d, t: progress.append((d, t)))
    assert out == [[3.0], [1.0], [5.0], [2.0]]
    assert seen == [["a", "dd"], ["ccc", "bbbbb"]]
    assert progress == [(2, 4), (4, 4)]
