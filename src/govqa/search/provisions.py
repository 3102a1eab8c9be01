"""Chunks by provision: which chunks hold "Article 5" of a document, and the same provision in its translation.

Built once per index from the chunks' locators; `lookup` serves a question that names a provision, `parallel`
puts a provision's text in the reader's language right before its translation.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence

from govqa.documents.locators import Ref, citable_ref, numbering_script, ref_of_locator
from govqa.records import Chunk, Document
from govqa.search.fusion import LOOKUP_BONUS, LOOKUP_EXACT_BONUS, LOOKUP_ORDINAL_STEP, LOOKUP_RANK_STEP

_TWIN_STEP = 1e-6  # the same provision in the reader's language goes right before its translation


class Provisions:
    """The chunks' provision references, chunks grouped by (kind, main number), and translation pairs."""

    def __init__(self, chunks: Sequence[Chunk], documents: Mapping[str, Document]) -> None:
        self.chunks = chunks
        self.documents = documents
        self.by_id = {c.id: i for i, c in enumerate(chunks)}
        self.refs: list[Ref | None] = [ref_of_locator(c.locator) for c in chunks]
        self.by_provision: dict[tuple[str, str], list[int]] = {}
        for i, ref in enumerate(self.refs):
            if ref is not None:
                self.by_provision.setdefault((ref.kind, ref.main), []).append(i)
        self.partners: dict[str, list[str]] = {}
        for doc in documents.values():
            if doc.translation_of and doc.translation_of in documents:
                self.partners.setdefault(doc.id, []).append(doc.translation_of)
                self.partners.setdefault(doc.translation_of, []).append(doc.id)

    def lookup(self, refs: Sequence[Ref], scope: set[str]) -> dict[str, float]:
        """Bonuses for the chunks of the `scope` documents holding a provision the question names, best-fitting
        first (see fusion.LOOKUP_*)."""
        found: dict[str, float] = {}
        holding = sorted({i for w in refs for i in self.by_provision.get((w.kind, w.main), [])})
        for i in holding:
            ref = self.refs[i]
            chunk = self.chunks[i]
            if ref is None or chunk.doc_id not in scope:
                continue
            for rank, wanted in enumerate(refs):
                if wanted.matches(ref):
                    exact = LOOKUP_EXACT_BONUS if wanted.subs and ref.subs and wanted.subs[0] in ref.subs else 0.0
                    # Earlier references and earlier chunks of a provision come first.
                    found[chunk.id] = max(
                        found.get(chunk.id, 0.0),
                        LOOKUP_BONUS + exact - LOOKUP_RANK_STEP * rank - LOOKUP_ORDINAL_STEP * chunk.ordinal,
                    )
        return found

    def parallel(self, ranked: list[tuple[str, float]], want_lang: str, allowed: list[str]) -> list[tuple[str, float]]:
        """Put the same provision in the wanted language right before a passage in another one."""
        partners = self.partners
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
                    for j in self.by_provision.get((ref.kind, ref.main), []):
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
                            out.append((twin.id, score + _TWIN_STEP))
                            emitted.add(twin.id)
            out.append((cid, score))
            emitted.add(cid)
        return out


def unit_key(chunk: Chunk) -> tuple[str, ...]:
    """The structural unit a chunk belongs to: ("article", "5") for every chunk of Article 5, else its headings
    (addenda, front matter), so the chunks of one unit group together within a document and across versions."""
    ref = citable_ref(chunk.locator)
    return (ref.kind, ref.main) if ref else chunk.heading_path or (chunk.locator,)


def unit_title(chunk: Chunk) -> str:
    """The unit's name without its paragraph numbers: "Article 2" for "Article 2(1)–(3)"."""
    ref = citable_ref(chunk.locator)
    if ref is None:
        return chunk.heading_path[-1] if chunk.heading_path else chunk.locator
    return re.sub(r"\s*[(（].*$", "", chunk.locator) or chunk.locator


def provision_chunks(chunks: Iterable[Chunk], wanted: Ref, script: str) -> dict[str, list[Chunk]]:
    """Per document, in reading order, the chunks holding `wanted` among locators numbered in `script` (see
    `numbering_script`). A paragraph asked for is the chunks that name it; where the unit was kept whole (no
    chunk names a paragraph asked for) the whole unit's chunks stand for it."""
    units: dict[str, list[tuple[Chunk, Ref]]] = {}
    for chunk in chunks:
        ref = citable_ref(chunk.locator)
        if ref and (ref.kind, ref.main) == (wanted.kind, wanted.main) and numbering_script(chunk.locator) == script:
            units.setdefault(chunk.doc_id, []).append((chunk, ref))
    found: dict[str, list[Chunk]] = {}
    for doc_id, held in units.items():
        named = [c for c, ref in held if set(wanted.subs) & set(ref.subs)]
        whole = [c for c, ref in held if not ref.subs]
        picked = held if not wanted.subs else [(c, r) for c, r in held if c in named or (not named and c in whole)]
        if picked:
            found[doc_id] = sorted((c for c, _ in picked), key=lambda c: c.ordinal)
    return found


def joined_text(chunks: Sequence[Chunk]) -> tuple[str, list[int]]:
    """Consecutive chunks of one document as one text: each chunk's text verbatim, a line break where the chunker
    left a gap (a heading, a page's furniture) and the earlier chunk did not end a line; and where each chunk
    starts in it."""
    parts: list[str] = []
    starts: list[int] = []
    offset = 0
    prev_end: int | None = None
    for chunk in chunks:
        if prev_end is not None:
            sep = "\n" if chunk.char_start > prev_end or not parts[-1].endswith("\n") else ""
            parts.append(sep)
            offset += len(sep)
        starts.append(offset)
        parts.append(chunk.text)
        offset += len(chunk.text)
        prev_end = chunk.char_end
    return "".join(parts), starts
