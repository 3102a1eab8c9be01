"""BM25 over chunk texts, tokenised by `govqa.text.tokenize` (stemmed English words, CJK bigrams)."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from govqa.text import tokenize

# BM25 saturation and length normalisation. Chunks are already bounded by structure (one numbered
# paragraph, at most a few hundred words), so a chunk's length mostly says how much of a rule it holds
# (a paragraph with its points), not how wordy it is: the usual b = 0.75, tuned on web and news pages,
# lets a short procedural paragraph that names a query word once outrank the substantive one beside it.
# Weakening the pull of length (b = 0.5) and saturating repeats a little sooner (k1 = 1.2, Robertson's
# classic value) keeps that paragraph in front; every k1 in 1.0-1.5 with b in 0.4-0.6 does better
# than the library defaults on the dev questions.
BM25_K1 = 1.2
BM25_B = 0.5
_SCORES_KEPT = 8


class LexicalIndex:
    """BM25 (bm25s, Lucene variant) over a fixed list of texts."""

    def __init__(self, texts: Sequence[str], *, k1: float = BM25_K1, b: float = BM25_B) -> None:
        import bm25s

        self._bm25 = bm25s.BM25(k1=k1, b=b)
        corpus = [tokenize(t) or ["\u2400"] for t in texts]
        self._bm25.index(corpus, show_progress=False)
        self.size = len(texts)
        # A question's text is searched again within its named documents: its scores over every text (the part
        # that grows with the corpus) are kept for the last few texts rather than computed twice.
        self._scores: dict[tuple[str, ...], np.ndarray] = {}

    def idf(self) -> dict[str, float]:
        """Inverse document frequency of every indexed token (for weighting query terms)."""
        import math

        vocab = self._bm25.vocab_dict
        df = np.diff(self._bm25.scores["indptr"]) if "indptr" in self._bm25.scores else None
        if df is None:
            return {}
        n = max(self.size, 1)
        return {tok: math.log(1 + (n - df[i] + 0.5) / (df[i] + 0.5)) for tok, i in vocab.items() if i < len(df)}

    def clear_cache(self) -> None:
        """Forget the kept scores (benchmarks measure cold questions)."""
        self._scores.clear()

    def search(self, query: str, n: int, mask: np.ndarray | None = None) -> list[tuple[int, float]]:
        """(text index, score) of the n best texts with a positive score; `mask` limits the texts."""
        tokens = tokenize(query)
        if not tokens or self.size == 0:
            return []
        key = tuple(tokens)
        scores = self._scores.get(key)
        if scores is None:
            scores = self._bm25.get_scores(tokens)
            if len(self._scores) >= _SCORES_KEPT:
                self._scores.clear()
            self._scores[key] = scores
        if mask is not None:
            scores = np.where(mask, scores, 0.0)
        n = min(n, self.size)
        top = np.argpartition(-scores, n - 1)[:n]
        ranked = sorted(top, key=lambda i: -scores[i])
        return [(int(i), float(scores[i])) for i in ranked if scores[i] > 0]
