"""Hybrid retrieval: dense (MiniLM) + multilingual dense (USE) + BM25, fused by weighted reciprocal
rank, then document routing, provision lookup and parallel-text expansion.

    question ─┬─ route (aliases / jurisdiction words) ─┐
              ├─ provision refs ("Art. 50(2)", 第三条) ─┤
              ├─ dense ─────┐                           │
              ├─ multilingual ├─ RRF ── × route boost ── + lookup ── + parallel text ── top k
              └─ BM25 ──────┘
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
from langchain_core.callbacks import CallbackManagerForRetrieverRun
from langchain_core.documents import Document as LCDocument
from langchain_core.embeddings import Embeddings
from langchain_core.retrievers import BaseRetriever

from govqa.corpus import Manifest, load_corpus
from govqa.documents.locators import Ref, ref_of_locator, refs_in_question
from govqa.documents.profiles import load_profile, unit_prior
from govqa.errors import QuestionError
from govqa.index.lexical import LexicalIndex, tokenize
from govqa.index.store import ChromaStore
from govqa.records import Chunk, Document, Passage
from govqa.search.routing import Glossary, Route, Router, preferred_language, question_language
from govqa.settings import Settings

MAX_QUESTION_CHARS = 4000
_LOOKUP_BONUS = 1.0  # larger than any fused score: a named provision comes first
_DEFINITION_BONUS = 0.5  # a definition of the term asked about comes next
_ASKS_DEFINITION = re.compile(
    r"\b(define[sd]?|definition|meaning|what (?:is|are) meant by|describe[sd]?|explain(?:s|ed)?)\b|定義|とは|説明", re.I
)
# A sentence ends at . ? ! before a capital or a quote (not after "Art." or "No."), or after 。？！.
_WORD = re.compile(r"\w+")
_DUPLICATE = 0.8  # share of the longer passage's word trigrams that makes two passages one
_SENTENCES = re.compile(r"(?<!\b[A-Z][a-z])(?<!\bNo)(?<=[.?!])['’\"”]?\s+(?=[A-Z'‘\"“])|(?<=[。？！])")
# Words of a question's frame, not its topic: a last sentence made only of these has no focus.
_FRAME = frozenset(tokenize("corpus support claim true correct right say says text document quote answer"))
# Quoted terms: Latin quotes need word boundaries around them (apostrophes); CJK brackets do not.
_QUOTED = re.compile(r"(?:^|(?<=[\s(]))[‘'\"“]([^’'\"”]{2,60})[’'\"”](?=[\s.,;:!?)]|$)|[「『]([^」』]{2,60})[」』]")
# What may follow a term being defined (a superset of definition_patterns below: the candidates
# index is built from these cues, and the patterns then decide).
_DEFINES = r"\s*(?:means|refers to|is defined as|shall mean|describes|とは|:)"
# Where a definition cue starts (overlapping ones too); see Retriever._definition_candidates.
_DEFINES_AT = re.compile(rf"(?={_DEFINES.removeprefix(chr(92) + 's*')})", re.I)
_DEFINES_CUES = ("means", "refers to", "is defined as", "shall mean", "describes", "とは", ":")  # casefolded


def _find_all(text: str, part: str) -> list[int]:
    found, pos = [], text.find(part)
    while pos != -1:
        found.append(pos)
        pos = text.find(part, pos + 1)
    return found


@dataclass(frozen=True)
class Filters:
    """Restrict retrieval; empty tuples mean "any"."""

    jurisdictions: tuple[str, ...] = ()
    doc_ids: tuple[str, ...] = ()
    doc_types: tuple[str, ...] = ()
    languages: tuple[str, ...] = ()
    include_superseded: bool | None = None  # None: the settings decide


def check_question(question: str) -> str:
    text = " ".join((question or "").split())
    text = "".join(ch for ch in text if ch.isprintable())
    if not text:
        raise QuestionError("The question is empty; type a question about the corpus.")
    if len(text) > MAX_QUESTION_CHARS:
        raise QuestionError(
            f"The question is {len(text)} characters long; shorten it to {MAX_QUESTION_CHARS} or fewer."
        )
    return text


def quoted_terms(question: str) -> list[str]:
    """Terms the question quotes; a quoted "用語（Term）" also yields each of its two names."""
    terms: list[str] = []
    for latin, cjk in _QUOTED.findall(question):
        quoted = unicodedata.normalize("NFKC", latin or cjk).strip()
        terms.append(quoted)
        if m := re.fullmatch(r"(.+?)\s*\((.+)\)", quoted):
            terms.extend(t.strip() for t in m.groups())
    return [t.lower() for t in dict.fromkeys(terms) if t]


def definition_patterns(terms: Sequence[str]) -> list[re.Pattern[str]]:
    """Patterns for a passage that defines or glosses a term: "‘X’ means", "X refers to", "X is
    defined as", "X describes", "Xとは", or a list entry at a line start ("8. X: …")."""
    verbs = r"\s*(?:means|refers to|is defined as|shall mean|describes|とは)"
    patterns = []
    for term in terms:
        t = re.escape(term)
        patterns.append(re.compile(rf"[‘'\"“「]?{t}[’'\"”」]?{verbs}", re.I))
        patterns.append(re.compile(rf"(?:^|\n)(?:\d+\.\s*)?[‘'\"“「]?{t}[’'\"”」]?\s*:", re.I))
    return patterns


def question_focus(question: str) -> str:
    """The sentence that asks, when a question first sets a scene ("We are a hospital… Who must…?").

    Scenario words dilute both the embedding and BM25; the asking sentence, searched on its own as
    an extra list, names the duty or topic wanted. Empty for a one-sentence question.
    """
    sentences = [s.strip() for s in _SENTENCES.split(question) if s.strip()]
    if len(sentences) < 2:
        return ""
    asking = [s for s in sentences if s.endswith(("?", "？"))]
    focus = (asking or sentences)[-1]
    return focus if set(tokenize(focus)) - _FRAME else ""


def _shingles(text: str) -> frozenset[tuple[str, ...]]:
    words = _WORD.findall(text.lower())
    return frozenset(tuple(words[j : j + 3]) for j in range(max(len(words) - 2, 1)))


def collapse_duplicates(
    ranked: list[tuple[str, float]],
    text_of: Callable[[str], str],
    preference_of: Callable[[str], tuple[int, int]],
    family_of: Callable[[str], object] = lambda cid: None,
) -> list[tuple[str, float]]:
    """Keep one of near-identical passages from different documents (two editions of one act), so
    the head of the list holds distinct evidence. Passages are one when they share >= 80 % of the
    longer one's word trigrams (a short passage contained in a long one is not a second edition of
    it). The kept copy takes the best rank of its group and comes from the preferred document:
    `preference_of` gives (status rank, document position), the lowest wins; passages of one document
    (same position) are never merged. Only passages of one `family_of` (editions share jurisdiction
    and language) are compared, which keeps this cheap."""
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
                break
        else:
            out.append((cid, score))
    return out


@dataclass
class _Candidates:
    fused: dict[str, float] = field(default_factory=dict)
    signals: dict[str, dict[str, float]] = field(default_factory=dict)

    def add(self, name: str, ranked: Sequence[tuple[str, float]], weight: float, rrf_k: int) -> None:
        for rank, (cid, score) in enumerate(ranked):
            self.fused[cid] = self.fused.get(cid, 0.0) + weight / (rrf_k + rank + 1)
            self.signals.setdefault(cid, {})[name] = score


class Retriever:
    """Holds what retrieval needs in memory: chunk list, BM25 index, locator table, router."""

    def __init__(
        self,
        settings: Settings,
        *,
        embedders: dict[str, Embeddings] | None = None,
        store: ChromaStore | None = None,
        manifest: Manifest | None = None,
    ) -> None:
        from govqa.index.embedders import build_embedders
        from govqa.index.pipeline import open_store

        self.settings = settings
        self.manifest = manifest or load_corpus(settings.manifest, settings.cache_dir)
        self.embedders = embedders if embedders is not None else build_embedders(settings)
        self.store = store or open_store(settings, self.embedders)
        self.documents: dict[str, Document] = {d.id: d for d in self.manifest.documents}
        self.chunks: list[Chunk] = self.store.chunks()
        self.by_id = {c.id: i for i, c in enumerate(self.chunks)}
        self.refs: list[Ref | None] = [ref_of_locator(c.locator) for c in self.chunks]
        self.doc_of = np.array([c.doc_id for c in self.chunks])
        # Per-query work must not loop over every chunk in Python: documents present, documents as small
        # integer codes (masks by table lookup), and chunks by provision (kind, main number) are built once.
        self._present = set(self.doc_of.tolist())
        self._doc_codes = {d: n for n, d in enumerate(sorted(self._present))}
        self._doc_code_of = np.array([self._doc_codes[c.doc_id] for c in self.chunks], dtype=np.int32)
        self._masks: dict[tuple[str, ...], np.ndarray] = {}
        self._by_provision: dict[tuple[str, str], list[int]] = {}
        for i, ref in enumerate(self.refs):
            if ref is not None:
                self._by_provision.setdefault((ref.kind, ref.main), []).append(i)
        self.lexical = LexicalIndex([self._lexical_text(c) for c in self.chunks])
        self.router = Router(self.documents.values(), self.manifest.jurisdiction_words)
        self.reranker = _load_reranker(settings.retrieval.reranker_path)
        self.matrices: dict[str, np.ndarray] = {}
        if settings.retrieval.dense_backend == "memory":
            for index in self.embedders:
                stored = self.store.vectors(index)
                dim = len(next(iter(stored.values()))) if stored else 1
                self.matrices[index] = np.array(
                    [stored.get(c.id, [0.0] * dim) for c in self.chunks], dtype=np.float32
                ).reshape(len(self.chunks), dim)
        self._query_vectors: dict[tuple[str, str], list[float]] = {}
        order = {"in_force": 0, "current": 0, "superseded": 1, "revoked": 2}
        self._preference = {d.id: (order.get(d.status, 1), n) for n, d in enumerate(self.manifest.documents)}
        self._family = {d.id: (d.jurisdiction, d.language) for d in self.manifest.documents}
        self._similarities: dict[tuple[str, str], np.ndarray] = {}  # the last few (index, text) → sims
        self._cue_prefixes = self._index_definition_cues()
        self.glossary = Glossary.load(settings.glossary)
        profiles = {d.profile: load_profile(settings.profiles_dir, d.profile) for d in self.documents.values()}
        self.prior = np.array(
            [
                unit_prior(profiles[self.documents[c.doc_id].profile], c.locator) if c.doc_id in self.documents else 1.0
                for c in self.chunks
            ]
        )

    def _lexical_text(self, chunk: Chunk) -> str:
        doc = self.documents.get(chunk.doc_id)
        return f"{doc.short_title if doc else ''} {chunk.heading} {chunk.text}"

    # ------------------------------------------------------------ which documents

    def allowed_docs(self, filters: Filters, route: Route) -> list[str]:
        include_old = (
            filters.include_superseded
            if filters.include_superseded is not None
            else self.settings.retrieval.include_superseded
        )
        present = self._present
        allowed = []
        for doc_id in sorted(present):
            doc = self.documents.get(doc_id)
            if doc is None:
                continue
            if filters.doc_ids and doc_id not in filters.doc_ids:
                continue
            if filters.jurisdictions and doc.jurisdiction not in filters.jurisdictions:
                continue
            if filters.doc_types and doc.doc_type not in filters.doc_types:
                continue
            if filters.languages and doc.language not in filters.languages:
                continue
            if not include_old and not filters.doc_ids and self._retired(doc, route, present):
                continue
            allowed.append(doc_id)
        return allowed

    def _retired(self, doc: Document, route: Route, present: set[str]) -> bool:
        """Revoked texts, and superseded ones whose successor is indexed, unless the question names them."""
        if doc.id in route.named:
            return False
        if doc.status == "revoked":
            return doc.id not in route.doc_ids or route.by != "alias"
        return doc.status == "superseded" and bool(doc.superseded_by) and doc.superseded_by in present

    # ------------------------------------------------------------ signals

    def _doc_mask(self, doc_ids: Sequence[str]) -> np.ndarray:
        """Boolean mask of the chunks of some documents (a table lookup on document codes, cached)."""
        key = tuple(doc_ids)
        mask = self._masks.get(key)
        if mask is None:
            table = np.zeros(len(self._doc_codes) + 1, dtype=bool)
            table[[self._doc_codes[d] for d in key if d in self._doc_codes]] = True
            mask = table[self._doc_code_of]
            if len(self._masks) > 64:
                self._masks.clear()
            self._masks[key] = mask
        return mask

    def clear_query_cache(self) -> None:
        """Forget cached question embeddings (benchmarks measure cold questions)."""
        self._query_vectors.clear()
        self._similarities.clear()

    def _query_vector(self, index: str, text: str) -> list[float]:
        key = (index, text)
        vector = self._query_vectors.get(key)
        if vector is None:  # a local, not a re-read: another thread may clear the cache meanwhile
            if len(self._query_vectors) > 256:
                self._query_vectors.clear()
            vector = self._query_vectors[key] = self.embedders[index].embed_query(text)
        return vector

    def _dense(self, index: str, question: str, n: int, doc_ids: list[str]) -> list[tuple[str, float]]:
        if index not in self.embedders or not doc_ids:
            return []
        vector = self._query_vector(index, question)
        matrix = self.matrices.get(index)
        if matrix is None:
            return self.store.query(index, vector, n, doc_ids)
        # Exact cosine search (vectors are normalised) restricted to the allowed documents. The product
        # reads the whole matrix (the cost that grows with the corpus), so a question's routed searches
        # reuse it instead of computing it again.
        sims = self._similarities.get((index, question))
        if sims is None:
            sims = matrix @ np.asarray(vector, dtype=np.float32)
            if len(self._similarities) >= 4:
                self._similarities.clear()
            self._similarities[(index, question)] = sims
        sims = np.where(self._doc_mask(doc_ids), sims, -np.inf)
        n = min(n, len(sims))
        top = np.argpartition(-sims, n - 1)[:n]
        ranked = sorted((i for i in top if np.isfinite(sims[i])), key=lambda i: -sims[i])
        return [(self.chunks[i].id, float(sims[i])) for i in ranked]

    def _lexical(self, question: str, n: int, doc_ids: list[str]) -> list[tuple[str, float]]:
        mask = self._doc_mask(doc_ids)
        return [(self.chunks[i].id, s) for i, s in self.lexical.search(question, n, mask)]

    def _lookup(self, refs: list[Ref], doc_ids: list[str], route: Route) -> dict[str, float]:
        """Chunks holding a provision the question names, best-fitting first."""
        if not refs:
            return {}
        scope = set(route.doc_ids) & set(doc_ids) if route.doc_ids else set(doc_ids)
        found: dict[str, float] = {}
        holding = sorted({i for w in refs for i in self._by_provision.get((w.kind, w.main), [])})
        for i in holding:
            ref = self.refs[i]
            chunk = self.chunks[i]
            if ref is None or chunk.doc_id not in scope:
                continue
            for rank, wanted in enumerate(refs):
                if wanted.matches(ref):
                    exact = 0.1 if wanted.subs and ref.subs and wanted.subs[0] in ref.subs else 0.0
                    # Earlier references and earlier chunks of a provision come first.
                    found[chunk.id] = max(
                        found.get(chunk.id, 0.0), _LOOKUP_BONUS + exact - 0.01 * rank - 0.0001 * chunk.ordinal
                    )
        return found

    def _definitions(self, question: str, doc_ids: list[str]) -> dict[str, float]:
        """Chunks that define or gloss a quoted term the question asks about ("‘X’ means", "X refers
        to", "X describes", a list entry "8. X: …")."""
        if not _ASKS_DEFINITION.search(question):
            return {}
        terms = quoted_terms(question)
        if not terms:
            return {}
        patterns = definition_patterns(terms)
        allowed = set(doc_ids)
        found = {}
        for i in self._definition_candidates(terms):
            chunk = self.chunks[i]
            if chunk.doc_id in allowed and any(p.search(chunk.text) for p in patterns):
                found[chunk.id] = _DEFINITION_BONUS
        return found

    def _index_definition_cues(self) -> tuple[str, np.ndarray, np.ndarray]:
        """The 64 characters before every definition cue of every chunk, casefolded and joined (built once)."""
        parts, owners = [], []
        for i, chunk in enumerate(self.chunks):
            folded = chunk.text.casefold()
            if not any(cue in folded for cue in _DEFINES_CUES):
                continue
            if len(folded) == len(chunk.text):  # one character for one: positions agree, str.find will do
                at = sorted({m for cue in _DEFINES_CUES for m in _find_all(folded, cue)})
            else:  # the regex is exact but slow (case-insensitive lookahead at every position)
                at = [m.start() for m in _DEFINES_AT.finditer(chunk.text)]
            for start in at:
                # the term (at most 60 characters) and an optional closing quote, then only whitespace
                before = folded[:start] if len(folded) == len(chunk.text) else chunk.text[:start].casefold()
                parts.append(before.rstrip()[-64:])
                owners.append(i)
        starts = np.cumsum([0] + [len(p) + 1 for p in parts])
        return "\x00".join(parts), starts, np.array(owners, dtype=np.int64)

    def _definition_candidates(self, terms: list[str]) -> list[int]:
        """Chunks in which a term may stand right before a definition cue, in chunk order: a superset of the
        matches (the patterns decide), found with str.find over the 64 characters before every cue instead of
        a regex over every chunk."""
        if any(not t for t in terms):
            return list(range(len(self.chunks)))
        text, starts, owners = self._cue_prefixes
        found: set[int] = set()
        for term in terms:
            folded = term.casefold()
            pos = text.find(folded)
            while pos != -1:
                found.add(int(owners[np.searchsorted(starts, pos, side="right") - 1]))
                pos = text.find(folded, pos + 1)
        return sorted(found)

    def _parallel(self, ranked: list[tuple[str, float]], want_lang: str, allowed: list[str]) -> list[tuple[str, float]]:
        """Put the same provision in the wanted language right before a passage in another one."""
        partners: dict[str, list[str]] = {}
        for doc in self.documents.values():
            if doc.translation_of and doc.translation_of in self.documents:
                partners.setdefault(doc.id, []).append(doc.translation_of)
                partners.setdefault(doc.translation_of, []).append(doc.id)
        out: list[tuple[str, float]] = []
        emitted: set[str] = set()
        for cid, score in ranked:
            if cid in emitted:
                continue  # already placed as the twin of a passage ranked above it
            chunk = self.chunks[self.by_id[cid]]
            ref = self.refs[self.by_id[cid]]
            if chunk.lang != want_lang and ref is not None:
                for other in partners.get(chunk.doc_id, []):
                    if other not in allowed or self.documents[other].language != want_lang:
                        continue
                    for j in self._by_provision.get((ref.kind, ref.main), []):
                        oref, twin = self.refs[j], self.chunks[j]
                        if (
                            twin.doc_id == other
                            and oref is not None
                            and twin.id not in emitted
                            and oref.kind == ref.kind
                            and oref.main == ref.main
                            and (not ref.subs or not oref.subs or set(ref.subs) & set(oref.subs))
                        ):
                            # The reader asked in (or for) the other language: its text comes first.
                            out.append((twin.id, score + 1e-6))
                            emitted.add(twin.id)
            out.append((cid, score))
            emitted.add(cid)
        return out

    def _interleave(self, ranked: list[tuple[str, float]], route: Route) -> list[tuple[str, float]]:
        """When a question names texts of several jurisdictions (a comparison), give each a turn at the top."""
        if route.by != "alias":
            return ranked
        groups: dict[str, list[tuple[str, float]]] = {}
        for cid, score in ranked:
            doc = self.documents[self.chunks[self.by_id[cid]].doc_id]
            if doc.id in route.doc_ids:
                groups.setdefault(doc.jurisdiction, []).append((cid, score))
        if len(groups) < 2:
            return ranked
        head: list[tuple[str, float]] = []
        for turn in range(2):
            for items in sorted(groups.values(), key=lambda g: -g[0][1]):
                if turn < len(items):
                    head.append(items[turn])
        taken = {cid for cid, _ in head}
        return head + [kv for kv in ranked if kv[0] not in taken]

    # ------------------------------------------------------------ main entry

    def retrieve(self, question: str, filters: Filters | None = None, k: int | None = None) -> list[Passage]:
        question = check_question(question)
        cfg = self.settings.retrieval
        k = k or cfg.k
        filters = filters or Filters()
        route = self.router.route(question)
        allowed = self.allowed_docs(filters, route)
        if not allowed:
            return []
        routed = [d for d in route.doc_ids if d in allowed]
        n = cfg.candidates
        cands = _Candidates()
        gloss = self.glossary.expansion(question)
        # An English question is embedded once, with its synonyms; a Japanese or Korean one, which MiniLM
        # cannot read, is embedded as is (for its Latin words) and, below, by its glossary rendering.
        english = question_language(question) == "en"
        dense_text = f"{question} {gloss}".strip() if english else question
        cands.add("dense", self._dense("dense", dense_text, n, allowed), cfg.weight_dense, cfg.rrf_k)
        cands.add("multilingual", self._dense("multilingual", question, n, allowed), cfg.weight_multilingual, cfg.rrf_k)
        cands.add("lexical", self._lexical(question, n, allowed), cfg.weight_lexical, cfg.rrf_k)
        if gloss:
            cands.add("lexical_gloss", self._lexical(gloss, n, allowed), cfg.weight_lexical, cfg.rrf_k)
            if not english:
                cands.add("dense_gloss", self._dense("dense", gloss, n, allowed), cfg.weight_dense, cfg.rrf_k)
        focus = question_focus(question)
        if focus and english and cfg.weight_focus > 0:
            cands.add("dense_focus", self._dense("dense", focus, n, allowed), cfg.weight_focus, cfg.rrf_k)
            cands.add("lexical_focus", self._lexical(focus, n, allowed), cfg.weight_focus, cfg.rrf_k)
        if routed and set(routed) != set(allowed):
            cands.add("dense_routed", self._dense("dense", dense_text, n // 2, routed), cfg.weight_dense / 2, cfg.rrf_k)
            cands.add(
                "multilingual_routed",
                self._dense("multilingual", question, n // 2, routed),
                cfg.weight_multilingual / 2,
                cfg.rrf_k,
            )
            cands.add("lexical_routed", self._lexical(question, n // 2, routed), cfg.weight_lexical / 2, cfg.rrf_k)
        scores = {cid: s * self.prior[self.by_id[cid]] for cid, s in cands.fused.items()}
        for cid in scores:
            if self.chunks[self.by_id[cid]].doc_id in routed:
                scores[cid] *= cfg.route_boost
        for cid, bonus in self._lookup(refs_in_question(question), allowed, route).items():
            scores[cid] = scores.get(cid, 0.0) + bonus
            cands.signals.setdefault(cid, {})["lookup"] = bonus
        for cid, bonus in self._definitions(question, routed or allowed).items():
            scores[cid] = scores.get(cid, 0.0) + bonus
            cands.signals.setdefault(cid, {})["definition"] = bonus
        ranked = sorted(scores.items(), key=lambda kv: -kv[1])
        if self.reranker is not None:
            ranked = self.reranker(question, ranked[: 3 * k], self.chunks, self.by_id) + ranked[3 * k :]
        ranked = (
            collapse_duplicates(
                ranked[: 3 * k],
                lambda cid: self.chunks[self.by_id[cid]].text,
                lambda cid: self._preference[self.chunks[self.by_id[cid]].doc_id],
                lambda cid: self._family.get(self.chunks[self.by_id[cid]].doc_id),
            )
            + ranked[3 * k :]
        )
        ranked = self._interleave(ranked, route)
        ranked = self._parallel(ranked[: 2 * k], preferred_language(question), allowed)
        passages = []
        for cid, score in ranked[:k]:
            chunk = self.chunks[self.by_id[cid]]
            signals = dict(cands.signals.get(cid, {}))
            if chunk.doc_id in routed:
                signals["routed"] = 1.0
            passages.append(Passage(chunk, score, signals, self.documents.get(chunk.doc_id)))
        return passages


def _load_reranker(path: str) -> Any:
    """A cross-encoder from a local folder re-orders the head of the list; off when no path is set."""
    if not path:
        return None
    from sentence_transformers import CrossEncoder

    model = CrossEncoder(path, device="cpu")

    def rerank(
        question: str, head: list[tuple[str, float]], chunks: list[Chunk], by_id: dict[str, int]
    ) -> list[tuple[str, float]]:
        texts = [chunks[by_id[cid]].text for cid, _ in head]
        scores = model.predict([(question, t) for t in texts]) if texts else []
        # Keep lookups on top: a reranker judges relevance, not which provision was named.
        keyed = [
            (cid, (s if s >= _LOOKUP_BONUS else 0.0) + 1 / (1 + math.exp(-float(r))))
            for (cid, s), r in zip(head, scores, strict=True)
        ]
        return sorted(keyed, key=lambda kv: -kv[1])

    return rerank


def retrieve(
    question: str,
    settings: Settings,
    *,
    filters: Filters | None = None,
    k: int | None = None,
    retriever: Retriever | None = None,
) -> list[Passage]:
    """Ranked passages for a question, each with its chunk's provenance and the scores that placed it."""
    return (retriever or Retriever(settings)).retrieve(question, filters, k)


class GovQARetriever(BaseRetriever):
    """govqa's retrieval as a LangChain retriever: Documents carry text plus full provenance."""

    retriever: Any
    filters: Filters | None = None
    k: int = 10

    def _get_relevant_documents(self, query: str, *, run_manager: CallbackManagerForRetrieverRun) -> list[LCDocument]:
        out = []
        for p in self.retriever.retrieve(query, self.filters, self.k):
            c = p.chunk
            out.append(
                LCDocument(
                    page_content=c.text,
                    id=c.id,
                    metadata={
                        "doc_id": c.doc_id,
                        "locator": c.locator,
                        "heading": c.heading,
                        "page_start": c.page_start,
                        "page_end": c.page_end,
                        "lang": c.lang,
                        "score": p.score,
                        "scores": p.scores,
                        "title": p.document.short_title if p.document else c.doc_id,
                    },
                )
            )
        return out
