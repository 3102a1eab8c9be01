"""What the workflows read: the manifest's documents and the chunks the index holds of them, nothing heavier.

A citation pack or a version diff needs no embedding model: `load_library` reads the stored chunks (as
`govqa chunks` does) and the manifest; the app hands over the answerer's retriever instead
(`Library.of_retriever`), so the page reuses what is already loaded.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING

from govqa.corpus.manifest import Manifest, load_corpus
from govqa.documents.locators import Ref, citable_ref
from govqa.errors import ConfigError, IndexMissingError
from govqa.index.embedders import expected_model_names
from govqa.index.store import ChromaStore
from govqa.records import Chunk, Document
from govqa.search.routing import Router
from govqa.settings import Settings

if TYPE_CHECKING:
    from govqa.search.retriever import Retriever


@dataclass(frozen=True)
class Library:
    """The documents of the manifest and the chunks the index holds, in document order."""

    documents: Mapping[str, Document]
    chunks: Sequence[Chunk]
    jurisdiction_words: Mapping[str, tuple[str, ...]] = field(default_factory=dict)

    @classmethod
    def of_retriever(cls, retriever: Retriever) -> Library:
        return cls(retriever.documents, retriever.chunks, retriever.manifest.jurisdiction_words)

    @classmethod
    def of_manifest(cls, manifest: Manifest, chunks: Sequence[Chunk]) -> Library:
        return cls({d.id: d for d in manifest.documents}, chunks, manifest.jurisdiction_words)

    @cached_property
    def router(self) -> Router:
        """Names and aliases of the documents, to read "EU AI Act" in "EU AI Act Art. 9"."""
        return Router(self.documents.values(), dict(self.jurisdiction_words))

    @cached_property
    def indexed(self) -> set[str]:
        return {c.doc_id for c in self.chunks}

    @cached_property
    def _units(self) -> dict[tuple[str, str], list[Chunk]]:
        units: dict[tuple[str, str], list[Chunk]] = {}
        for chunk in self.chunks:
            if ref := citable_ref(chunk.locator):
                units.setdefault((ref.kind, ref.main), []).append(chunk)
        return units

    def holding(self, ref: Ref) -> list[Chunk]:
        """The chunks of every document whose locator names the unit `ref` is in (Article 5 for Article 5(2));
        read once per library, so a long list of references does not re-read every locator."""
        return self._units.get((ref.kind, ref.main), [])

    def chunks_of(self, doc_id: str) -> list[Chunk]:
        return sorted((c for c in self.chunks if c.doc_id == doc_id), key=lambda c: c.ordinal)

    def document(self, doc_id: str) -> Document:
        """An indexed document by id; a ConfigError naming the known ids, or an IndexMissingError saying how to
        index it."""
        if doc_id not in self.documents:
            known = ", ".join(sorted(self.documents))
            raise ConfigError(f"No document {doc_id!r} in the manifest. Known ids: {known}")
        if doc_id not in self.indexed:
            raise IndexMissingError(f"{doc_id} is in the manifest but not in the index: run `govqa ingest`.")
        return self.documents[doc_id]


def load_library(settings: Settings, *, store: ChromaStore | None = None, manifest: Manifest | None = None) -> Library:
    """The manifest (with user-added documents) and every stored chunk; loads no model."""
    manifest = manifest or load_corpus(settings.manifest, settings.cache_dir)
    store = store or ChromaStore(settings, model_names=expected_model_names(settings))
    return Library.of_manifest(manifest, store.chunks())
