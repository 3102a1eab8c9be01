"""Scoring sentences by embedding similarity: each distinct text embedded once, scores as if embedded anew."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from govqa.answering.quotes import CosineScorer, cosine_scorer, sentence_texts
from govqa.index.embed_cache import EmbeddingCache
from govqa.records import Chunk


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


class OtherModel(CountingEmbedder):
    name = "other-model"

    @staticmethod
    def _vector(text: str) -> list[float]:
        return [float(text.count(c)) for c in "jihgfedcba"]

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        self.embedded.extend(texts)
        return [self._vector(t) for t in texts]


class Int8(CountingEmbedder):
    precision = "int8-mixed"


def test_a_cached_scorer_scores_alike_and_a_later_one_embeds_nothing(tmp_path: Path) -> None:
    """Sentence vectors persist in the embedding cache: same scores as embedding directly; a new scorer (a new
    process) over the same cache looks them up instead of embedding them again."""
    cache = EmbeddingCache(tmp_path / "c.sqlite3")
    texts = ["aab", "cde", "aab", "jja"]
    first = CountingEmbedder()
    assert np.allclose(cosine_scorer(first, cache)("abc", texts), _cosines("abc", texts))
    assert sorted(first.embedded) == ["aab", "cde", "jja"]
    later = CountingEmbedder()
    assert cosine_scorer(later, cache)("abc", texts) == cosine_scorer(CountingEmbedder())("abc", texts)
    assert later.embedded == [] and later.queries == ["abc"]


def test_another_model_or_precision_does_not_use_the_cached_vectors(tmp_path: Path) -> None:
    """Vectors cached under one model are not another model's, nor another precision's of the same model."""
    cache = EmbeddingCache(tmp_path / "c.sqlite3")
    cosine_scorer(CountingEmbedder(), cache)("abc", ["aab", "cde"])
    other, int8 = OtherModel(), Int8()
    scores = cosine_scorer(other, cache)("abc", ["aab", "cde"])
    cosine_scorer(int8, cache)("abc", ["aab", "cde"])
    assert other.embedded == ["aab", "cde"] and int8.embedded == ["aab", "cde"]
    q = np.array(OtherModel._vector("abc"))
    vectors = [np.array(OtherModel._vector(t)) for t in ["aab", "cde"]]
    assert np.allclose(scores, [float(v @ q) / (np.linalg.norm(v) * np.linalg.norm(q)) for v in vectors])


def _chunk(text: str) -> Chunk:
    return Chunk("d", "Article 1", ("Article 1",), text, 0, len(text), 1, 1, "en")


def test_sentence_texts_are_every_distinct_sentence_in_chunk_order() -> None:
    """The texts a filled table would hold: each chunk's sentences, a repeated one once."""
    first, second, third = (f"The {n} rule applies to every provider of a system." for n in ("1st", "2nd", "3rd"))
    chunks = [_chunk(f"{first} {second}"), _chunk(f"{second} {third}")]
    assert sentence_texts(chunks) == [first, second, third]


def test_a_cache_that_cannot_be_used_is_skipped_not_a_failure(tmp_path: Path) -> None:
    """A cache path that cannot be created (its folder is a file: a read-only or broken deployment) leaves the
    answer's scores as without a cache; the sentences are embedded."""
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    cache = EmbeddingCache(blocker / "c.sqlite3")
    with pytest.raises(OSError):
        cache.put("m", {"k": [1.0]})  # the plain cache fails here, as ingest should
    fake = CountingEmbedder()
    assert np.allclose(cosine_scorer(fake, cache)("abc", ["aab", "cde"]), _cosines("abc", ["aab", "cde"]))
    assert fake.embedded == ["aab", "cde"]
