"""Hybrid retrieval: dense (MiniLM) + multilingual dense (USE) + BM25, fused by weighted reciprocal
rank, then document routing, provision lookup and parallel-text expansion.

    question ─┬─ route (aliases / jurisdiction words) ─┐
              ├─ provision refs ("Art. 50(2)", 第三条) ─┤
              ├─ dense ─────┐                           │
              ├─ multilingual ├─ RRF ── × route boost ── + lookup ── + parallel text ── top k
              └─ BM25 ──────┘

`Retriever` is handed everything it reads (manifest, embedders, store, glossary, profiles, reranker);
`build_retriever` builds the defaults from settings.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np
from langchain_core.embeddings import Embeddings

from govqa.corpus import Manifest, load_corpus
from govqa.documents.locators import refs_in_question
from govqa.documents.profiles import Profile, load_profile, unit_prior
from govqa.index.embedders import build_embedders
from govqa.index.lexical import LexicalIndex
from govqa.index.pipeline import open_store
from govqa.index.store import ChromaStore
from govqa.records import Chunk, Document, Passage
from govqa.search.analysis import QueryAnalysis, analyze
from govqa.search.captions import Captions
from govqa.search.claim_reading import ClaimReader
from govqa.search.definitions import DefinitionIndex
from govqa.search.dense import Similarities, load_matrices
from govqa.search.fusion import (
    DEFINITION_BONUS,
    Candidates,
    Reranker,
    collapse_duplicates,
    load_reranker,
)
from govqa.search.provisions import Provisions
from govqa.search.routing import Glossary, Route, Router
from govqa.search.scope import Filters, allowed_docs
from govqa.settings import Settings

_STATUS_ORDER = {"in_force": 0, "current": 0, "superseded": 1, "revoked": 2}  # which edition to keep
_HEAD = 3  # rerank and collapse editions over the first _HEAD × k passages
_PARALLEL_HEAD = 2  # look for parallel texts of the first _PARALLEL_HEAD × k
# Roles most provisions of a law carry: asking for them singles out nothing.
_COMMON_ROLES = frozenset({"obligation"})
_XREF_SOURCES = 3  # the passages whose cross-references are followed
_XREF_PER_SOURCE = 3  # the provisions each may bring


class Retriever:
    """Holds what retrieval needs in memory: chunk list, BM25 index, locator table, router."""

    query_cache_size = 256  # question embeddings kept (a benchmark sweeping weights keeps them all)

    def __init__(
        self,
        settings: Settings,
        *,
        manifest: Manifest,
        embedders: dict[str, Embeddings],
        store: ChromaStore,
        glossary: Glossary,
        profiles: Mapping[str, Profile],
        reranker: Reranker | None = None,
    ) -> None:
        self.settings = settings
        self.manifest = manifest
        self.embedders = embedders
        self.store = store
        self.glossary = glossary
        self.reranker = reranker
        self.documents: dict[str, Document] = {d.id: d for d in manifest.documents}
        self.chunks: list[Chunk] = store.chunks()
        self.by_id = {c.id: i for i, c in enumerate(self.chunks)}
        self.provisions = Provisions(self.chunks, self.documents)
        self.refs = self.provisions.refs
        self.doc_of = np.array([c.doc_id for c in self.chunks])
        self._build_tables()
        self.lexical = LexicalIndex([self._lexical_text(c) for c in self.chunks])
        self.router = Router(self.documents.values(), manifest.jurisdiction_words, manifest.seats)
        self.references = Router(manifest.references, {})  # texts listed but not held: named only to be declined
        self.idf = self.lexical.idf()  # the corpus's words: a name none of them carries is one it never mentions
        self.claim_reader = ClaimReader(manifest)
        in_memory = settings.retrieval.dense_backend == "memory"
        self.matrices = load_matrices(store, embedders, self.chunks) if in_memory else {}
        self._query_vectors: dict[tuple[str, str], list[float]] = {}
        self.similarities = Similarities(self.matrices, self._query_vector)
        self._preference = {d.id: (_STATUS_ORDER.get(d.status, 1), n) for n, d in enumerate(manifest.documents)}
        self._family = {d.id: (d.jurisdiction, d.language) for d in manifest.documents}
        self.definitions = DefinitionIndex(self.chunks)
        self.captions = Captions(self.chunks)
        self.prior = np.array(
            [
                unit_prior(profiles[self.documents[c.doc_id].profile], c.locator) if c.doc_id in self.documents else 1.0
                for c in self.chunks
            ]
        )

    def _build_tables(self) -> None:
        """Per-query work must not loop over every chunk in Python: documents present, documents as small
        integer codes (masks by table lookup), and chunks by provision (kind, main number) are built once."""
        self._present = set(self.doc_of.tolist())
        self._doc_codes = {d: n for n, d in enumerate(sorted(self._present))}
        self._doc_code_of = np.array([self._doc_codes[c.doc_id] for c in self.chunks], dtype=np.int32)
        self._masks: dict[tuple[str, ...], np.ndarray] = {}
        roles = {role for c in self.chunks for role in c.roles}
        self._role_masks = {role: np.array([role in c.roles for c in self.chunks], dtype=bool) for role in roles}

    def _collapse(
        self, ranked: list[tuple[str, float]], copies: dict[str, list[str]] | None
    ) -> list[tuple[str, float]]:
        """One passage per provision across editions (fusion.collapse_duplicates over chunk ids)."""
        doc = {cid: self.chunks[self.by_id[cid]].doc_id for cid, _ in ranked}
        text, pref, family = (lambda c: self.chunks[self.by_id[c]].text), self._preference, self._family
        return collapse_duplicates(ranked, text, lambda c: pref[doc[c]], lambda c: family.get(doc[c]), copies)

    def _lexical_text(self, chunk: Chunk) -> str:
        doc = self.documents.get(chunk.doc_id)
        return f"{doc.short_title if doc else ''} {chunk.heading} {chunk.text}"

    # ------------------------------------------------------------ which documents

    def allowed_docs(self, filters: Filters, route: Route) -> list[str]:
        """The indexed documents the filters and the question's route allow (see `scope.allowed_docs`)."""
        return allowed_docs(self.documents, self._present, filters, route, self.settings.retrieval.include_superseded)

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
        self.similarities.clear()
        self.lexical.clear_cache()

    def _query_vector(self, index: str, text: str) -> list[float]:
        key = (index, text)
        vector = self._query_vectors.get(key)
        if vector is None:  # a local, not a re-read: another thread may clear the cache meanwhile
            if len(self._query_vectors) > self.query_cache_size:
                self._query_vectors.clear()
            vector = self._query_vectors[key] = self.embedders[index].embed_query(text)
        return vector

    def _dense(
        self, index: str, question: str, n: int, doc_ids: list[str], within: np.ndarray | None = None
    ) -> list[tuple[str, float]]:
        """The n chunks of `doc_ids` (and of the `within` mask) nearest to the question in one index."""
        if index not in self.embedders or not doc_ids:
            return []
        vector = self._query_vector(index, question)
        matrix = self.matrices.get(index)
        if matrix is None:
            if within is None:
                return self.store.query(index, vector, n, doc_ids)
            # The server has no role filter: ask for more and keep those inside the mask.
            found = self.store.query(index, vector, n * 4, doc_ids)
            return [(cid, s) for cid, s in found if cid in self.by_id and within[self.by_id[cid]]][:n]
        # Exact cosine search (vectors are normalised) restricted to the allowed documents.
        (sims,) = self.similarities.rows(index, [question])
        mask = self._doc_mask(doc_ids) if within is None else self._doc_mask(doc_ids) & within
        sims = np.where(mask, sims, -np.inf)
        n = min(n, len(sims))
        top = np.argpartition(-sims, n - 1)[:n]
        ranked = sorted((i for i in top if np.isfinite(sims[i])), key=lambda i: -sims[i])
        return [(self.chunks[i].id, float(sims[i])) for i in ranked]

    def _role_mask(self, roles: Sequence[str]) -> np.ndarray | None:
        """Chunks carrying any of the roles (None when no chunk carries one: an index without roles)."""
        masks = [self._role_masks[r] for r in roles if r in self._role_masks]
        return np.logical_or.reduce(masks) if masks else None

    def _lexical(self, question: str, n: int, doc_ids: list[str]) -> list[tuple[str, float]]:
        mask = self._doc_mask(doc_ids)
        return [(self.chunks[i].id, s) for i, s in self.lexical.search(question, n, mask)]

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

    def analyze(self, question: str) -> QueryAnalysis:
        """The question read once (see search/analysis.py); QuestionError when empty or huge."""
        return analyze(
            question, self.router, self.glossary, idf=self.idf, references=self.references, claims=self.claim_reader
        )

    def retrieve(
        self, question: str | QueryAnalysis, filters: Filters | None = None, k: int | None = None
    ) -> list[Passage]:
        """The k best passages for a question (or its analysis), each with the scores that placed it and
        followed by its copies in other editions of the same text (`Passage.edition_of`)."""
        query = question if isinstance(question, QueryAnalysis) else self.analyze(question)
        k = k or self.settings.retrieval.k
        allowed = self.allowed_docs(filters or Filters(), query.route)
        if not allowed:
            return []
        routed = [d for d in query.route.doc_ids if d in allowed]
        cands = self._fuse(query, allowed, routed)
        scores = self._score(query, cands, allowed, routed)
        pinned = {cid for cid, signals in cands.signals.items() if "lookup" in signals}
        copies: dict[str, list[str]] = {}
        ranked = self._arrange(query, scores, allowed, k, pinned, copies)

        def passage(cid: str, score: float, editions: tuple[Passage, ...] = (), edition_of: str = "") -> Passage:
            chunk = self.chunks[self.by_id[cid]]
            signals = dict(cands.signals.get(cid, {}))
            if chunk.doc_id in routed:
                signals["routed"] = 1.0
            flags = {"lookup": "lookup" in signals, "defines": "definition" in signals, "role_match": "role" in signals}
            return Passage(chunk, score, signals, self.documents.get(chunk.doc_id), editions, edition_of, **flags)

        passages = []
        for cid, score in ranked[:k]:
            editions = tuple(passage(copy, score, edition_of=cid) for copy in copies.get(cid, ()))
            passages += [passage(cid, score, editions=editions), *editions]
        return passages

    def passages_for(self, ids: Sequence[str], exclude: Sequence[Passage] = ()) -> list[Passage]:
        """Chunks found by structure, not by search, as passages in the given order: one per provision across
        editions (the preferred edition's, its copies cited as "also in"), none of the provisions in `exclude`."""
        taken = {q.chunk.id for p in exclude for q in (p, *p.editions)}
        copies: dict[str, list[str]] = {}
        out = []
        for cid, _ in self._collapse([(cid, 0.0) for cid in ids], copies):
            if taken.isdisjoint((cid, *copies.get(cid, ()))):
                chunk = self.chunks[self.by_id[cid]]
                editions = tuple(Passage(self.chunks[self.by_id[c]], 0.0, edition_of=cid) for c in copies.get(cid, ()))
                out.append(Passage(chunk, 0.0, {"structure": 1.0}, self.documents.get(chunk.doc_id), editions))
        return out

    def _fuse(self, query: QueryAnalysis, allowed: list[str], routed: list[str]) -> Candidates:
        """The ranked lists of every signal, fused by weighted reciprocal rank."""
        cfg = self.settings.retrieval
        n = cfg.candidates
        cands = Candidates()
        question, gloss, english = query.question, query.expansion, query.english
        # An English question is embedded once, with its synonyms; a Japanese or Korean one, which MiniLM
        # cannot read, is embedded as is (for its Latin words) and, below, by its glossary rendering.
        dense_text = query.dense_text
        focus = query.focus
        # The texts each index is asked below: one product per index, the indexes side by side in two threads.
        extra = [gloss] if gloss and not english else []
        extra += [focus] if focus and english and cfg.weight_focus > 0 else []
        self.similarities.rows_together({"e5": [question], "dense": [dense_text, *extra], "multilingual": [question]})
        cands.add("dense", self._dense("dense", dense_text, n, allowed), cfg.weight_dense, cfg.rrf_k)
        cands.add("multilingual", self._dense("multilingual", question, n, allowed), cfg.weight_multilingual, cfg.rrf_k)
        cands.add("e5", self._dense("e5", question, n, allowed), cfg.weight_e5, cfg.rrf_k)
        cands.add("lexical", self._lexical(question, n, allowed), cfg.weight_lexical, cfg.rrf_k)
        if gloss:
            cands.add("lexical_gloss", self._lexical(gloss, n, allowed), cfg.weight_lexical, cfg.rrf_k)
            if not english:
                cands.add("dense_gloss", self._dense("dense", gloss, n, allowed), cfg.weight_dense, cfg.rrf_k)
        if focus and english and cfg.weight_focus > 0:
            cands.add("dense_focus", self._dense("dense", focus, n, allowed), cfg.weight_focus, cfg.rrf_k)
            cands.add("lexical_focus", self._lexical(focus, n, allowed), cfg.weight_focus, cfg.rrf_k)
        selective = [r for r in query.roles if r not in _COMMON_ROLES]
        if routed and cfg.weight_role > 0 and (role_mask := self._role_mask(selective)) is not None:
            # The provisions of the named documents that are of the kind asked about (definitions, scope,
            # dates, penalties…), ranked by meaning: evidence weighed with the others, not a rule that wins.
            index = "e5" if "e5" in self.embedders else "dense"
            text = question if index == "e5" else dense_text
            cands.add("role", self._dense(index, text, n, routed, within=role_mask), cfg.weight_role, cfg.rrf_k)
        if routed and cfg.weight_caption > 0 and (captioned := self.captions.named(question, routed)):
            # The articles whose caption the question names ("basic principles", 「基本理念」), in text order.
            cands.add("caption", [(cid, 1.0) for cid in captioned], cfg.weight_caption, cfg.rrf_k)
        if routed and set(routed) != set(allowed):
            # The named documents searched alone as well: half the candidates, half the weight.
            half = n // 2
            cands.add("dense_routed", self._dense("dense", dense_text, half, routed), cfg.weight_dense / 2, cfg.rrf_k)
            multilingual = self._dense("multilingual", question, half, routed)
            cands.add("multilingual_routed", multilingual, cfg.weight_multilingual / 2, cfg.rrf_k)
            cands.add("lexical_routed", self._lexical(question, half, routed), cfg.weight_lexical / 2, cfg.rrf_k)
            cands.add("e5_routed", self._dense("e5", question, half, routed), cfg.weight_e5 / 2, cfg.rrf_k)
        return cands

    def _score(
        self, query: QueryAnalysis, cands: Candidates, allowed: list[str], routed: list[str]
    ) -> dict[str, float]:
        """Fused scores × the unit's prior × the route boost, plus the lookup and definition bonuses."""
        scores = {cid: s * self.prior[self.by_id[cid]] for cid, s in cands.fused.items()}
        for cid in scores:
            if self.chunks[self.by_id[cid]].doc_id in routed:
                scores[cid] *= self.settings.retrieval.route_boost
        scope = set(query.route.doc_ids) & set(allowed) if query.route.doc_ids else set(allowed)
        for cid, bonus in self.provisions.lookup(query.refs, scope).items():
            scores[cid] = scores.get(cid, 0.0) + bonus
            cands.signals.setdefault(cid, {})["lookup"] = bonus
        defining = self.definitions.defining_terms(query.terms, routed or allowed) if query.asks_definition else []
        for cid in defining:
            scores[cid] = scores.get(cid, 0.0) + DEFINITION_BONUS
            cands.signals.setdefault(cid, {})["definition"] = DEFINITION_BONUS
        if self.settings.retrieval.cross_references > 0:
            self._follow_references(scores, cands, routed or allowed)
        return scores

    def _follow_references(self, scores: dict[str, float], cands: Candidates, docs: list[str]) -> None:
        """A top passage that applies another provision ("referred to in Article 6(3)", "listed in Annex III")
        is read with it: the provision it names, in the same document, comes within reach just below it."""
        share = self.settings.retrieval.cross_references
        top = sorted(scores.items(), key=lambda kv: -kv[1])[:_XREF_SOURCES]
        for cid, score in top:
            chunk = self.chunks[self.by_id[cid]]
            if chunk.doc_id not in docs:
                continue
            own = self.refs[self.by_id[cid]]
            named = [r for r in refs_in_question(chunk.text) if own is None or (r.kind, r.main) != (own.kind, own.main)]
            for target, _ in self.provisions.lookup(named[:_XREF_PER_SOURCE], {chunk.doc_id}).items():
                bonus = score * share
                if scores.get(target, 0.0) < bonus:
                    scores[target] = bonus
                    cands.signals.setdefault(target, {})["reference"] = bonus

    def _arrange(
        self,
        query: QueryAnalysis,
        scores: dict[str, float],
        allowed: list[str],
        k: int,
        pinned: set[str],
        copies: dict[str, list[str]] | None = None,
    ) -> list[tuple[str, float]]:
        """The final order: reranked head, one copy of each edition (the others go to `copies`), jurisdictions
        taking turns, parallel texts."""
        ranked = sorted(scores.items(), key=lambda kv: -kv[1])
        head = _HEAD * k
        if self.reranker is not None:
            ranked = self.reranker(query.question, ranked[:head], self.chunks, self.by_id, pinned) + ranked[head:]
        ranked = self._collapse(ranked[:head], copies) + ranked[head:]
        ranked = self._interleave(ranked, query.route)
        return self.provisions.parallel(ranked[: _PARALLEL_HEAD * k], query.reader_language, allowed)


def build_retriever(
    settings: Settings,
    *,
    embedders: dict[str, Embeddings] | None = None,
    store: ChromaStore | None = None,
    manifest: Manifest | None = None,
) -> Retriever:
    """A Retriever with the defaults the settings name: the corpus, the packaged embedders, the store, the
    glossary, each document family's profile and the optional reranker. Pass any of them to use your own."""
    manifest = manifest or load_corpus(settings.manifest, settings.cache_dir)
    embedders = embedders if embedders is not None else build_embedders(settings)
    profiles = {d.profile: load_profile(settings.profiles_dir, d.profile) for d in manifest.documents}
    return Retriever(
        settings,
        manifest=manifest,
        embedders=embedders,
        store=store or open_store(settings, embedders),
        glossary=Glossary.load(settings.glossary),
        profiles=profiles,
        reranker=load_reranker(settings.retrieval.reranker_path),
    )


def retrieve(
    question: str,
    settings: Settings,
    *,
    filters: Filters | None = None,
    k: int | None = None,
    retriever: Retriever | None = None,
) -> list[Passage]:
    """Ranked passages for a question, each with its chunk's provenance and the scores that placed it."""
    return (retriever or build_retriever(settings)).retrieve(question, filters, k)
