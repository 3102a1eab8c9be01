"""Combining ranked lists into one: weighted reciprocal-rank fusion, bonuses for passages the question names,
near-duplicate editions collapsed, and an optional cross-encoder over the head of the list (pure)."""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from govqa.records import Chunk

# Bonuses added to fused scores. A fused score is a few weights over rrf_k + rank, mostly well below 1, so a
# provision the question names usually comes first (a routed document's score, multiplied by route_boost, can
# pass it); the passage defining the very term a definition question asks about is that question's answer and
# comes before it (chosen on the odd-id dev half: 1.0 left the defining passage third behind routed articles).
LOOKUP_BONUS = 1.0
DEFINITION_BONUS = 2.0
LOOKUP_EXACT_BONUS = 0.1  # the named paragraph, not only its article
LOOKUP_RANK_STEP = 0.01  # earlier references in the question first
LOOKUP_ORDINAL_STEP = 0.0001  # earlier chunks of a provision first
_WORD = re.compile(r"\w+")
_DUPLICATE = 0.8  # share of the longer passage's word trigrams that makes two passages one


@dataclass
class Candidates:
    """Weighted reciprocal-rank fusion of ranked lists, remembering each list's own score per passage."""

    fused: dict[str, float] = field(default_factory=dict)
    signals: dict[str, dict[str, float]] = field(default_factory=dict)

    def add(self, name: str, ranked: Sequence[tuple[str, float]], weight: float, rrf_k: int) -> None:
        if not weight:
            return  # a list weighted 0 is off: it neither scores nor brings candidates
        for rank, (cid, score) in enumerate(ranked):
            self.fused[cid] = self.fused.get(cid, 0.0) + weight / (rrf_k + rank + 1)
            self.signals.setdefault(cid, {})[name] = score


def _shingles(text: str) -> frozenset[tuple[str, ...]]:
    words = _WORD.findall(text.lower())
    return frozenset(tuple(words[j : j + 3]) for j in range(max(len(words) - 2, 1)))


def collapse_duplicates(
    ranked: list[tuple[str, float]],
    text_of: Callable[[str], str],
    preference_of: Callable[[str], tuple[int, int]],
    family_of: Callable[[str], object] = lambda cid: None,
    copies: dict[str, list[str]] | None = None,
) -> list[tuple[str, float]]:
    """Keep one of near-identical passages from different documents (two editions of one act), so
    the head of the list holds distinct evidence. Passages are one when they share >= 80 % of the
    longer one's word trigrams (a short passage contained in a long one is not a second edition of
    it). The kept copy takes the best rank of its group and comes from the preferred document:
    `preference_of` gives (status rank, document position), the lowest wins; passages of one document
    (same position) are never merged. Only passages of one `family_of` (editions share jurisdiction
    and language) are compared, which keeps this cheap. `copies`, when given, receives each kept id's merged
    copies (the same provision in the other editions), best first."""
    out: list[tuple[str, float]] = []
    shingles: dict[str, frozenset[tuple[str, ...]]] = {}

    def shingles_of(cid: str) -> frozenset[tuple[str, ...]]:
        if cid not in shingles:
            shingles[cid] = _shingles(text_of(cid))
        return shingles[cid]

    for cid, score in ranked:
        for slot, (kept, kept_score) in enumerate(out):
            if preference_of(kept)[1] == preference_of(cid)[1] or family_of(kept) != family_of(cid):
                continue  # same document, or texts that cannot be editions of one another
            mine, other = shingles_of(cid), shingles_of(kept)
            if len(mine & other) >= _DUPLICATE * max(len(mine), len(other)):
                if preference_of(cid) < preference_of(kept):
                    out[slot] = (cid, kept_score)
                    if copies is not None:
                        copies[cid] = [kept, *copies.pop(kept, [])]
                elif copies is not None:
                    copies.setdefault(kept, []).append(cid)
                break
        else:
            out.append((cid, score))
    return out


Reranker = Callable[[str, list[tuple[str, float]], list[Chunk], dict[str, int], set[str]], list[tuple[str, float]]]


def make_reranker(predict: Callable[[list[tuple[str, str]]], Sequence[float]]) -> Reranker:
    """A reranker over a cross-encoder's `predict((question, text) pairs) → relevance logits`.

    It re-orders the head of the list by relevance, but keeps the passages in `pinned` (the provisions the
    question names) on top with their scores: a reranker judges relevance, not which provision was named.
    Pinned passages are named by id, not recognised by score, because a routed document's fused score can
    exceed the lookup bonus."""

    def rerank(
        question: str, head: list[tuple[str, float]], chunks: list[Chunk], by_id: dict[str, int], pinned: set[str]
    ) -> list[tuple[str, float]]:
        texts = [chunks[by_id[cid]].text for cid, _ in head]
        logits = predict([(question, t) for t in texts]) if texts else []
        keyed = [
            (cid, (s if cid in pinned else 0.0) + 1 / (1 + math.exp(-float(r))))
            for (cid, s), r in zip(head, logits, strict=True)
        ]
        return sorted(keyed, key=lambda kv: -kv[1])

    return rerank


def load_reranker(path: str) -> Reranker | None:
    """A cross-encoder from a local folder re-orders the head of the list; off when no path is set."""
    if not path:
        return None
    from sentence_transformers import CrossEncoder

    model = CrossEncoder(path, device="cpu")
    return make_reranker(lambda pairs: list(model.predict(pairs)))
