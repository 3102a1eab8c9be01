"""Scoring sentences by embedding similarity: each distinct text embedded once, scores as if embedded anew."""

from __future__ import annotations

import numpy as np

from govqa.answering.quotes import CosineScorer


class CountingEmbedder:
    """Bag-of-letters vectors; records every text it is asked to embed."""

    def __init__(self) -> None:
        self.embedded: list[str] = []
        self.queries: list[str] = []

    @staticmethod
    def _vector(text: str) -> list[float]:
        return [float(text.count(c)) for c in "abcdefghij"]

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        self.embedded.extend(texts)
        return [self._vector(t) for t in texts]

    def embed_query(self, text: str) -> list[float]:
        self.queries.append(text)
        return self._vector(text)


def _cosines(query: str, texts: list[str]) -> list[float]:
    q = np.array(CountingEmbedder._vector(query))
    out = []
    for t in texts:
        v = np.array(CountingEmbedder._vector(t))
        n = np.linalg.norm(v) * np.linalg.norm(q)
        out.append(float(v @ q / n) if n else 0.0)
    return out


def test_a_repeated_text_is_embedded_once_and_scored_alike() -> None:
    """Within a call and across calls, a text and the query are embedded once; the scores are plain cosines."""
    fake = CountingEmbedder()
    scorer = CosineScorer(fake)
    first = scorer("abc", ["aab", "cde", "aab", ""])
    second = scorer("abc", ["cde", "fff"])
    assert np.allclose(first, _cosines("abc", ["aab", "cde", "aab", ""]))
    assert np.allclose(second, _cosines("abc", ["cde", "fff"]))
    assert fake.embedded == ["aab", "cde", "", "fff"] and fake.queries == ["abc"]


def test_past_its_size_the_scorer_forgets_and_embeds_again() -> None:
    """More texts than `keep` empties the kept vectors: memory stays bounded, scores stay right."""
    fake = CountingEmbedder()
    scorer = CosineScorer(fake, keep=3)
    scorer("a", ["ab", "ac"])
    again = scorer("a", ["ad", "ae", "ab"])  # 2 + 2 new > 3: "ab", "ac" are forgotten after this call
    assert np.allclose(again, _cosines("a", ["ad", "ae", "ab"]))
    assert np.allclose(scorer("a", ["ac"]), _cosines("a", ["ac"]))
    assert fake.embedded == ["ab", "ac", "ad", "ae", "ac"] and fake.queries == ["a"]
