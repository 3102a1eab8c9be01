"""Choosing what to quote: the sentences of the retrieved passages that best answer a question (pure).

A sentence scores by the idf-weighted question terms it shares and, when a sentence scorer is given, by its
embedding similarity to the question (which also works across languages).
"""

from __future__ import annotations

import contextlib
import re
import sqlite3
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from govqa.index.embed_cache import CachedEmbeddings, EmbeddingCache
from govqa.records import Chunk, Passage
from govqa.text import POINT, sentence_spans, tokenize


@dataclass(frozen=True)
class Quote:
    passage: Passage
    start: int  # offsets inside passage.chunk.text
    end: int
    score: float
    # The sentence or point that scored best, inside [start, end) (the quote may widen around it); -1: the whole.
    core_start: int = -1
    core_end: int = -1

    @property
    def text(self) -> str:
        return self.passage.chunk.text[self.start : self.end]

    @property
    def core(self) -> str:
        """The sentence or point that carries the answer (what a short answer quotes)."""
        if self.core_start < 0:
            return self.text
        return self.passage.chunk.text[self.core_start : self.core_end]


# Words of the question's frame ("Claim: … Does the corpus support that?", "Quote the provision…")
# that say what the user wants, not what the texts should contain.
FRAME_WORDS = frozenset(
    tokenize(
        "claim corpus support supports supported quote quotes text texts provision provisions document documents say "
        "says according does do tell me us we our what which who how when where why whether explain describe"
    )
)


def term_weights(query: str, idf: Mapping[str, float]) -> dict[str, float]:
    """The idf weights of the query's terms, frame words left out."""
    return {t: idf.get(t, 1.0) for t in set(tokenize(query)) if t not in FRAME_WORDS}


SIMILARITY_SHARE = 0.5  # a sentence's score: half shared terms, half embedding similarity
PREFERRED_BONUS = 0.5  # a sentence of the preferred shape (e.g. one that defines) comes first
RANK_DECAY = 0.15  # sentences of lower-ranked passages count a little less

SentenceScorer = Callable[[str, list[str]], list[float]]


# A sentence that opens with one of these qualifies the one before it ("Testing … shall not be covered by that
# exclusion", "provided, however, …", 「ただし、…」): the rule and its exception are quoted together.
QUALIFIER = re.compile(
    r"^(?:provided|however|except|unless|notwithstanding|nevertheless|this (?:shall|does) not|ただし|但し)"
    r"|\b(?:shall not be covered by|does not cover|shall not apply to)\b",
    re.I,
)


LEAD_IN_REACH = 1500  # characters back from a point to its lead-in ("… shall be prohibited:") that a quote spans
LEAD_IN_DEPTH = 2  # lists nest: "… shall: (i) establish …, including: (A) …" is read down to (A)
# A numbered paragraph or point is quoted whole up to this many characters: its later sentences qualify it ("In
# any case, …", "If the person evaluated asks, …"). Chosen on the odd half (600 → 900 cites one more gold there),
# confirmed on the even half; no gain past 900.
POINT_WHOLE_MAX = 900


def _complete(text: str, units: list[tuple[float, int, int]], lo: int, hi: int, taken: set[int]) -> tuple[int, int]:
    """Units a quote needs to be read right: a lead-in ending in a colon takes its first point (and that
    point's first point when it leads in too), a numbered paragraph or point takes its own later sentences, a
    first point takes the lead-in just before it, and a rule takes the qualifying sentence right after it."""

    def free(j: int) -> bool:
        return 0 <= j < len(units) and j not in taken

    def unit(j: int) -> str:
        return text[units[j][1] : units[j][2]]

    depth = 0
    while depth < LEAD_IN_DEPTH and unit(hi).endswith((":", "：")) and free(hi + 1):
        hi += 1
        depth += 1
    if POINT.match(unit(lo)):  # a numbered paragraph or point is read whole: its later sentences qualify it
        while free(hi + 1) and not POINT.match(unit(hi + 1)) and units[hi + 1][2] - units[lo][1] <= POINT_WHOLE_MAX:
            hi += 1
    if POINT.match(unit(lo)):  # a point is read with its lead-in: back over the points before it
        j = lo - 1
        while free(j) and POINT.match(unit(j)) and not unit(j).endswith((":", "：")):
            j -= 1
        if free(j) and unit(j).endswith((":", "：")) and units[lo][1] - units[j][1] <= LEAD_IN_REACH:
            lo = j
    if free(hi + 1) and QUALIFIER.search(unit(hi + 1)[:80]):
        hi += 1
    return lo, hi


def _widen(scored: list[tuple[float, int, int]], i: int, taken: set[int], min_chars: int) -> tuple[int, int]:
    """Sentence `i` and the better-scoring of its free neighbours, added one at a time until the span holds
    `min_chars` characters: the first and last sentence index of the quote."""
    lo = hi = i
    while scored[hi][2] - scored[lo][1] < min_chars:
        before = lo - 1 if lo > 0 and lo - 1 not in taken else None
        after = hi + 1 if hi + 1 < len(scored) and hi + 1 not in taken else None
        if before is None and after is None:
            break
        if after is None or (before is not None and scored[before][0] > scored[after][0]):
            lo = before  # type: ignore[assignment]
        else:
            hi = after
    return lo, hi


def best_quotes(
    query: str,
    passages: Sequence[Passage],
    idf: dict[str, float],
    *,
    per_passage: int = 1,
    limit: int = 4,
    similarity: SentenceScorer | None = None,
    prefer: re.Pattern[str] | None = None,
    min_chars: int = 0,
) -> list[Quote]:
    """The sentences that best answer the query, better passages first.

    A sentence scores by the idf-weighted query terms it shares and, when `similarity` is given, by
    its embedding similarity to the query (which also works across languages). A chosen sentence
    shorter than `min_chars` widens to its better-scoring neighbour until it is long enough, so a point
    is quoted with the sentence that completes it.
    """
    weights = term_weights(query, idf)
    total = sum(weights.values()) or 1.0
    spans = [(rank, p, s, e) for rank, p in enumerate(passages) for s, e in sentence_spans(p.chunk.text)]
    sims = similarity(query, [p.chunk.text[s:e] for _, p, s, e in spans]) if similarity and spans else None
    by_passage: dict[int, list[tuple[float, int, int]]] = {}  # in text order
    for i, (rank, passage, s, e) in enumerate(spans):
        terms = set(tokenize(passage.chunk.text[s:e]))
        score = sum(w for t, w in weights.items() if t in terms) / total
        if sims is not None:
            score = (1 - SIMILARITY_SHARE) * score + SIMILARITY_SHARE * max(sims[i], 0.0)
        if prefer is not None and prefer.search(passage.chunk.text[s:e]):
            score += PREFERRED_BONUS
        by_passage.setdefault(rank, []).append((score / (1 + RANK_DECAY * rank), s, e))
    quotes: list[Quote] = []
    for rank, scored in by_passage.items():
        best = sorted(range(len(scored)), key=lambda i: -scored[i][0])[:per_passage]
        taken: set[int] = set()
        for i in best:
            if scored[i][0] <= 0 or i in taken:
                continue
            lo, hi = _widen(scored, i, taken, min_chars)
            lo, hi = _complete(passages[rank].chunk.text, scored, lo, hi, taken)
            taken.update(range(lo, hi + 1))
            quotes.append(Quote(passages[rank], scored[lo][1], scored[hi][2], scored[i][0], scored[i][1], scored[i][2]))
    quotes.sort(key=lambda q: -q.score)
    return quotes[:limit]


def coverage(query: str, passages: Sequence[Passage], idf: Mapping[str, float]) -> float:
    """Share of the question's idf weight whose terms occur in the passages."""
    weights = term_weights(query, idf)
    if not weights:
        return 0.0
    present: set[str] = set()
    for p in passages:
        present |= set(tokenize(p.chunk.text))
    return sum(w for t, w in weights.items() if t in present) / sum(weights.values())


class CosineScorer:
    """Cosine of sentences to a query under one embedder, each distinct text embedded once.

    Embedding the sentences is most of an extractive answer's time, and a text recurs: a claim is quoted twice
    from the same passages, and a sentence can stand in several passages (editions, overlapping chunks). The
    vectors are kept up to `keep` texts, then forgotten all at once (a long-running app stays bounded)."""

    def __init__(self, embedder: Any, keep: int = 4096) -> None:
        self.embedder = embedder
        self.keep = keep
        self._queries: dict[str, np.ndarray] = {}
        self._texts: dict[str, np.ndarray] = {}

    def __call__(self, query: str, texts: list[str]) -> list[float]:
        # Locals, not re-reads: another thread (the app shares one answerer) may forget the vectors meanwhile.
        q = self._queries.get(query)
        if q is None:
            q = np.asarray(self.embedder.embed_query(query))
        known = {t: self._texts.get(t) for t in texts}
        todo = [t for t, v in known.items() if v is None]
        if len(self._texts) + len(todo) > self.keep:
            self._texts.clear()
            self._queries.clear()
        if todo:
            for text, vector in zip(todo, self.embedder.embed_documents(todo), strict=True):
                known[text] = self._texts[text] = np.asarray(vector)
        self._queries[query] = q
        m = np.array([known[t] for t in texts])
        norms = np.linalg.norm(m, axis=1) * (np.linalg.norm(q) or 1.0)
        return list((m @ q) / np.where(norms == 0, 1.0, norms))


class SpareCache(EmbeddingCache):
    """The embedding cache as an answer uses it: a help, never a cause of failure. A cache folder that cannot be
    read or written (a read-only deployment, a full disk, a locked file) answers nothing and keeps nothing, and
    the sentences are embedded as if there were no cache."""

    def __init__(self, cache: EmbeddingCache) -> None:
        super().__init__(cache.path)

    def get(self, model: str, keys: Sequence[str]) -> dict[str, list[float]]:
        try:
            return super().get(model, keys)
        except (OSError, sqlite3.Error):
            return {}

    def put(self, model: str, items: Mapping[str, Sequence[float]]) -> None:
        with contextlib.suppress(OSError, sqlite3.Error):  # the vectors were computed; only keeping them failed
            super().put(model, items)


def cosine_scorer(embedder: Any, cache: EmbeddingCache | None = None) -> SentenceScorer:
    """Sentences scored by cosine under `embedder`. With `cache` (the embedding cache, keyed by model, precision
    and text hash) a sentence's vector, once embedded by any answer in any process, is looked up afterwards; a
    cache that cannot be used is skipped (`SpareCache`)."""
    return CosineScorer(CachedEmbeddings(embedder, SpareCache(cache)) if cache is not None else embedder)


def sentence_texts(chunks: Iterable[Chunk]) -> list[str]:
    """Every distinct sentence the quote chooser can score, in chunk order: what a filled table would hold."""
    return list(dict.fromkeys(c.text[s:e] for c in chunks for s, e in sentence_spans(c.text)))


def in_passage_order(quotes: Sequence[Quote], passages: Sequence[Passage]) -> list[Quote]:
    """Group quotes by document in the order their passages were ranked, so the answer reads in order."""
    rank = {p.chunk.id: i for i, p in enumerate(passages)}
    first_doc: dict[str, int] = {}
    for q in sorted(quotes, key=lambda q: rank[q.passage.chunk.id]):
        first_doc.setdefault(q.passage.chunk.doc_id, rank[q.passage.chunk.id])
    return sorted(quotes, key=lambda q: (first_doc[q.passage.chunk.doc_id], rank[q.passage.chunk.id], q.start))
