"""The fixture corpus (tests/fixture_corpus.py) ingested into a real embedded Chroma index with the
keyword-count embedders, for tests of the layers above retrieval (answers, the LLM chain)."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from pathlib import Path

from conftest import KeywordEmbedder, make_settings
from fixture_corpus import build_corpus, pinned
from langchain_core.embeddings import Embeddings

from govqa.index.pipeline import ingest
from govqa.records import Document
from govqa.search import retriever as search
from govqa.search.retriever import Retriever


def build_retriever(root: Path, extra: Sequence[tuple[Document, str]] = ()) -> Retriever:
    """The index of the fixture corpus, plus `extra` (document, file text) pairs written beside it."""
    settings = make_settings(root)
    manifest = build_corpus(settings.cache_dir)
    added = []
    for doc, text in extra:
        path = settings.cache_dir / doc.file
        path.write_text(text, encoding="utf-8")
        added.append(pinned(doc, path))
    manifest = dataclasses.replace(manifest, documents=manifest.documents + tuple(added))
    embedders: dict[str, Embeddings] = {
        "dense": KeywordEmbedder("fake-keywords"),
        "multilingual": KeywordEmbedder("fake-keywords-2"),
    }
    reports = ingest(settings, manifest=manifest, embedders=embedders)
    assert [r.state for r in reports] == ["ingested"] * len(manifest.documents), reports
    return search.build_retriever(settings, embedders=embedders, manifest=manifest)
