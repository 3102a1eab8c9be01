"""Citation packs: a list of references ("EU AI Act Art. 10(2)–(5)", "第7条", "GOVERN 1.2") resolved to the
provisions' stored text, with locator, pages, deep link, version, status, legal effect and the file's sha256.

A reference is read by `documents.locators.parse_citation`; the words before it, if any, name the text
("EU AI Act", "APPI") and are read by the manifest's names and aliases (`search.routing.Router`). Which texts a
bare reference may come from follows retrieval's rule (`search.scope.allowed_docs`): superseded texts whose
successor is indexed, and revoked ones, only when named. A reference no text holds, or that several texts hold,
is returned as `Unresolved` with the reason and the way to settle it — never guessed.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from govqa.documents.locators import Ref, citable_ref, numbering_script, parse_citation
from govqa.records import Chunk, Citation, Document
from govqa.search.provisions import joined_text, provision_chunks
from govqa.search.routing import Route
from govqa.search.scope import Filters, allowed_docs
from govqa.workflows.library import Library

NOTATIONS = (
    "Article 5(1), Art. 10(2)–(5), Annex III point 4, Recital 27, 第7条, 제7조, 6-1-1703(3), GOVERN 1.2, paragraph (52)"
)


@dataclass(frozen=True)
class CitedProvision:
    """A reference resolved: the provision's chunks in one document, their text verbatim."""

    ref: str  # as the user wrote it
    document: Document
    chunks: tuple[Chunk, ...]

    @property
    def text(self) -> str:
        """The stored chunks' text verbatim, a line break where the index keeps them apart (see `joined_text`)."""
        return joined_text(self.chunks)[0]

    @property
    def locator(self) -> str:
        return ", ".join(dict.fromkeys(c.locator for c in self.chunks))

    @property
    def pages(self) -> tuple[int, int] | None:
        starts = [c.page_start for c in self.chunks if c.page_start is not None]
        ends = [c.page_end or c.page_start for c in self.chunks if c.page_start is not None]
        return (min(starts), max(e for e in ends if e is not None)) if starts else None

    @property
    def page_label(self) -> str:
        if self.pages is None:
            return ""
        first, last = self.pages
        return f"p. {first}" if first == last else f"pp. {first}–{last}"

    @property
    def url(self) -> str:
        return self.document.link(self.pages[0] if self.pages else None)

    def to_json(self) -> dict[str, object]:
        """The documented shape (docs/workflows.md): ref, doc, locator, page, text, url, sha256, then the rest."""
        doc = self.document
        return {
            "ref": self.ref,
            "doc": doc.id,
            "locator": self.locator,
            "page": self.pages[0] if self.pages else None,
            "text": self.text,
            "url": self.url,
            "sha256": doc.sha256,
            "page_end": self.pages[1] if self.pages else None,
            "title": doc.title,
            "short_title": doc.short_title,
            "version": doc.version,
            "status": doc.status,
            "legal_effect": doc.legal_effect,
        }


@dataclass(frozen=True)
class Unresolved:
    """A reference that names no provision of the library, or several: why, and how to settle it."""

    ref: str
    error: str

    def to_json(self) -> dict[str, object]:
        return {"ref": self.ref, "error": self.error}


PackEntry = CitedProvision | Unresolved


def _names(docs: Iterable[Document]) -> str:
    return "; ".join(f"{d.id} ({d.short_title})" for d in docs)


def _candidates(library: Library, name: str, after: str, doc_id: str | None) -> list[str] | str:
    """The documents a reference may come from, or why none: --doc, else the name written before it ("EU AI Act
    Art. 5") or after it ("Art. 5 of the EU AI Act"; words there that name no text are a caption, not an error),
    else every text retrieval would search."""
    if doc_id:
        return [library.document(doc_id).id]
    route = Route((), "")
    if name:
        route = library.router.route(name)
        if not route.doc_ids:
            return f"no text in the library is called {name!r}; name it by its short title or id, or pass --doc ID"
    elif after:
        route = library.router.route(after)
    allowed = allowed_docs(library.documents, library.indexed, Filters(), route, include_superseded=False)
    return [d for d in allowed if not route.doc_ids or d in route.doc_ids]


def _not_found(library: Library, label: str, ref: Ref, script: str, candidates: Sequence[str]) -> str:
    """Why no candidate holds the provision: no such paragraph, only in texts set aside, or nowhere."""
    searched = (c for c in library.holding(ref) if c.doc_id in candidates)
    unit = provision_chunks(searched, Ref(ref.kind, ref.main), script)
    if unit:  # the article is there, the paragraph is not
        held = sorted({s for chunks in unit.values() for c in chunks for s in _subs(c)}, key=_number_order)
        parts = f"; its numbered parts are {', '.join(f'({s})' for s in held)}" if held else ""
        return f"{_names(library.documents[d] for d in unit)} has no {label}{parts}"
    where = (
        f"{library.documents[candidates[0]].short_title} has no {label}"
        if len(candidates) == 1
        else f"no text searched has {label} (superseded and revoked texts only when named)"
    )
    elsewhere = provision_chunks((c for c in library.holding(ref) if c.doc_id not in candidates), ref, script)
    if elsewhere:
        return f"{where}; it is in {_names(library.documents[d] for d in elsewhere)}: pass --doc ID to cite it"
    return where if len(candidates) == 1 else f"no indexed text has {label}"


def _subs(chunk: Chunk) -> tuple[str, ...]:
    ref = citable_ref(chunk.locator)
    return ref.subs if ref else ()


def _number_order(sub: str) -> tuple[int, str]:
    return (int(sub), "") if sub.isdecimal() else (10**6, sub)


def resolve(ref_text: str, library: Library, doc_id: str | None = None) -> PackEntry:
    """One reference → its provision in one document, or `Unresolved` with the reason."""
    ref_text = ref_text.strip()
    parsed = parse_citation(ref_text)
    if parsed is None:
        return Unresolved(ref_text, f"names no provision govqa can read; write it as one of: {NOTATIONS}")
    start, end, ref = parsed
    norm = unicodedata.normalize("NFKC", ref_text)
    name, label = norm[:start].strip(" ,;:–-"), norm[start:end]
    script = numbering_script(label)
    candidates = _candidates(library, name, norm[end:].strip(), doc_id)
    if isinstance(candidates, str):
        return Unresolved(ref_text, candidates)
    found = provision_chunks((c for c in library.holding(ref) if c.doc_id in candidates), ref, script)
    if not found:
        return Unresolved(ref_text, _not_found(library, label, ref, script, candidates))
    if len(found) > 1:
        return Unresolved(
            ref_text,
            f"ambiguous: {label} is in {len(found)} texts: {_names(library.documents[d] for d in found)}; "
            "pass --doc ID or write the text's name before the reference",
        )
    ((held_by, chunks),) = found.items()
    return CitedProvision(ref_text, library.documents[held_by], tuple(chunks))


def citation_pack(refs: Iterable[str], library: Library, doc_id: str | None = None) -> list[PackEntry]:
    """Each reference resolved in order (an unknown --doc is an error before any is read)."""
    if doc_id:
        library.document(doc_id)
    return [resolve(r, library, doc_id) for r in refs if r.strip()]


_LIST_ITEM = re.compile(r",\s*(?:and\s+)?(?=\d)")


def split_references(text: str) -> list[str]:
    """A list as an auditor writes it — "EU AI Act Art. 9, 10(2)–(5), 13; APPI Art. 27; 第7条", one per line or
    separated by semicolons — as single references: a bare number after a comma takes the name and the word
    ("Art.") of the reference before it."""
    refs: list[str] = []
    for segment in re.split(r"[;\n]+", text):
        items = [i.strip() for i in _LIST_ITEM.split(segment) if i.strip()]
        if not items:
            continue
        parsed = parse_citation(items[0])
        refs.append(items[0])
        if parsed is None:
            refs += items[1:]
            continue
        norm = unicodedata.normalize("NFKC", items[0])
        word = re.match(r"\D*", norm[parsed[0] : parsed[1]])
        lead = norm[: parsed[0]] + (word.group() if word else "")
        refs += [lead + item for item in items[1:]]
    return refs


def pack_of_citations(citations: Iterable[Citation], library: Library) -> list[PackEntry]:
    """The provisions an answer (or a whole conversation) cited, each once, resolved in the document it was cited
    from: the full text of what the answers quoted a sentence of."""
    seen = dict.fromkeys((c.doc_id, c.locator) for c in citations)
    return [
        resolve(locator, library, doc_id)
        if doc_id in library.indexed
        else Unresolved(locator, f"{doc_id} is no longer in the index")
        for doc_id, locator in seen
    ]
