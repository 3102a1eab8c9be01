"""govqa: cited answers about AI-governance texts.

The pipeline, one sub-package per stage, each importing only from the stages before it:

    corpus/     manifest → verified files          (what to read; sha256-pinned)
    documents/  file → structure → chunks           (parsing, per-family profiles, locators, chunking)
    index/      chunks → embeddings → Chroma + BM25 (embedders, embedding cache, store, ingest pipeline)
    search/     question → ranked passages          (question reading, routing, fusion, retriever)
    answering/  passages → cited answer             (extractive engine; LLM engine with verification)
    assessment/ facts → per-text status         (rule files per text, provisions resolved in the index)
    ui/         what the app shows                  (conversation follow-ups, source viewer, export)
    workflows/  whole jobs over the library         (citation packs, version diffs)

Shared by all: `records` (Document → Chunk → Passage → Citation → Answer), `settings`, `errors`, `text`.
`evaluation` and `cli` sit on top. This module is the public API that the app, its pages, the CLI and the
bench use; names are imported lazily so that `import govqa` stays cheap (no models, no Chroma).
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # the names as the type checker sees them; at run time they load on first use
    from govqa.answering.extractive import MODES, REFUSAL, Answerer, answer_json
    from govqa.answering.generation import answer, make_answerer
    from govqa.assessment.build import assess_file, build_assessor
    from govqa.assessment.facts import parse_facts
    from govqa.assessment.prefill import prefill_facts
    from govqa.corpus import Manifest, load_corpus, load_manifest, require_file
    from govqa.documents.reader import chunk_document
    from govqa.errors import (
        ChecksumMismatchError,
        ConfigError,
        GovQAError,
        IndexMismatchError,
        IndexMissingError,
        IndexStateError,
        LLMError,
        LLMTimeoutError,
        PromptError,
        QuestionError,
        SourceError,
        SourceUnavailableError,
        UnreadableDocumentError,
    )
    from govqa.evaluation import evaluate, evaluate_answers, load_questions
    from govqa.index.embedders import build_embedders, embedding_text
    from govqa.index.pipeline import DocReport, add_document, ingest, open_store
    from govqa.records import Answer, Chunk, Citation, Document, Passage
    from govqa.search.query import check_question
    from govqa.search.retriever import Retriever, build_retriever, retrieve
    from govqa.search.scope import Filters
    from govqa.settings import PROJECT_ROOT, EmbeddingSettings, Settings, StoreSettings, settings_hash

__version__ = "0.1.0"

_EXPORTS = {
    # configuration and records
    "Settings": "govqa.settings",
    "PROJECT_ROOT": "govqa.settings",
    "settings_hash": "govqa.settings",
    "EmbeddingSettings": "govqa.settings",
    "StoreSettings": "govqa.settings",
    "Document": "govqa.records",
    "Chunk": "govqa.records",
    "Passage": "govqa.records",
    "Citation": "govqa.records",
    "Answer": "govqa.records",
    # errors
    "GovQAError": "govqa.errors",
    "ConfigError": "govqa.errors",
    "SourceError": "govqa.errors",
    "ChecksumMismatchError": "govqa.errors",
    "SourceUnavailableError": "govqa.errors",
    "UnreadableDocumentError": "govqa.errors",
    "IndexStateError": "govqa.errors",
    "IndexMissingError": "govqa.errors",
    "IndexMismatchError": "govqa.errors",
    "QuestionError": "govqa.errors",
    "PromptError": "govqa.errors",
    "LLMError": "govqa.errors",
    "LLMTimeoutError": "govqa.errors",
    # corpus
    "Manifest": "govqa.corpus",
    "load_manifest": "govqa.corpus",
    "load_corpus": "govqa.corpus",
    "require_file": "govqa.corpus",
    # ingest
    "ingest": "govqa.index.pipeline",
    "add_document": "govqa.index.pipeline",
    "DocReport": "govqa.index.pipeline",
    "chunk_document": "govqa.documents.reader",
    "build_embedders": "govqa.index.embedders",
    "embedding_text": "govqa.index.embedders",
    "open_store": "govqa.index.pipeline",
    # search
    "retrieve": "govqa.search.retriever",
    "Retriever": "govqa.search.retriever",
    "build_retriever": "govqa.search.retriever",
    "Filters": "govqa.search.scope",
    "check_question": "govqa.search.query",
    # answering
    "answer": "govqa.answering.generation",
    "make_answerer": "govqa.answering.generation",
    "Answerer": "govqa.answering.extractive",
    "MODES": "govqa.answering.extractive",
    "REFUSAL": "govqa.answering.extractive",
    "answer_json": "govqa.answering.extractive",
    # assessment
    "assess_file": "govqa.assessment.build",
    "build_assessor": "govqa.assessment.build",
    "parse_facts": "govqa.assessment.facts",
    "prefill_facts": "govqa.assessment.prefill",
    # evaluation
    "load_questions": "govqa.evaluation",
    "evaluate": "govqa.evaluation",
    "evaluate_answers": "govqa.evaluation",
}

__all__ = [
    "MODES",
    "PROJECT_ROOT",
    "REFUSAL",
    "Answer",
    "Answerer",
    "ChecksumMismatchError",
    "Chunk",
    "Citation",
    "ConfigError",
    "DocReport",
    "Document",
    "EmbeddingSettings",
    "Filters",
    "GovQAError",
    "IndexMismatchError",
    "IndexMissingError",
    "IndexStateError",
    "LLMError",
    "LLMTimeoutError",
    "Manifest",
    "Passage",
    "PromptError",
    "QuestionError",
    "Retriever",
    "Settings",
    "SourceError",
    "SourceUnavailableError",
    "StoreSettings",
    "UnreadableDocumentError",
    "add_document",
    "answer",
    "answer_json",
    "assess_file",
    "build_assessor",
    "build_embedders",
    "build_retriever",
    "check_question",
    "chunk_document",
    "embedding_text",
    "evaluate",
    "evaluate_answers",
    "ingest",
    "load_corpus",
    "load_manifest",
    "load_questions",
    "make_answerer",
    "open_store",
    "parse_facts",
    "prefill_facts",
    "require_file",
    "retrieve",
    "settings_hash",
]


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'govqa' has no attribute {name!r}")
    return getattr(importlib.import_module(module), name)


def __dir__() -> list[str]:
    return sorted([*globals(), *_EXPORTS])
