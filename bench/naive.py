"""The naive recipe a user would otherwise build (the LangChain RAG tutorial), for side-by-side timing.

PyPDFLoader per page (plain text for XML and TXT), RecursiveCharacterTextSplitter(1000, 200), the
same packaged MiniLM through langchain-huggingface, a Chroma vector store, similarity top-k.
Needs the `bench` dependency group: pip install -e . --group bench
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from langchain_core.documents import Document as LCDocument

from govqa.evaluation import half_match

CHUNK_SIZE = 1000
CHUNK_OVERLAP = 200


def load_pages(path: Path) -> list[LCDocument]:
    """One LangChain Document per PDF page, or one per XML/TXT file (its plain text)."""
    if path.suffix.lower() == ".pdf":
        from langchain_community.document_loaders import PyPDFLoader

        pages = PyPDFLoader(str(path)).load()
    elif path.suffix.lower() == ".xml":
        from lxml import etree

        root = etree.parse(str(path)).getroot()
        pages = [LCDocument(page_content="".join(root.itertext()), metadata={"source": str(path)})]
    else:
        pages = [LCDocument(page_content=path.read_text(encoding="utf-8"), metadata={"source": str(path)})]
    for page in pages:
        page.metadata["doc_id"] = path.stem
    return pages


def split(pages: Sequence[LCDocument]) -> list[LCDocument]:
    from langchain_text_splitters import RecursiveCharacterTextSplitter

    splitter = RecursiveCharacterTextSplitter(chunk_size=CHUNK_SIZE, chunk_overlap=CHUNK_OVERLAP)
    return splitter.split_documents(list(pages))


def minilm(model_path: str) -> Any:
    """The packaged MiniLM as a langchain-huggingface embedder (normalised, as govqa's)."""
    from langchain_huggingface import HuggingFaceEmbeddings

    return HuggingFaceEmbeddings(
        model_name=model_path, model_kwargs={"device": "cpu"}, encode_kwargs={"normalize_embeddings": True}
    )


@dataclass
class NaiveIndex:
    store: Any  # langchain_chroma.Chroma
    chunks: int

    def search(self, question: str, k: int = 5) -> list[LCDocument]:
        return list(self.store.similarity_search(question, k=k))

    def close(self) -> None:
        client = getattr(self.store, "_client", None)
        if client is not None and hasattr(client, "close"):
            client.close()


def build(files: Sequence[Path], embeddings: Any, persist_dir: Path) -> NaiveIndex:
    """Load, split, embed and store every file: the whole naive ingest."""
    from chromadb.config import Settings as ChromaSettings
    from langchain_chroma import Chroma

    docs = split([p for f in files for p in load_pages(f)])
    store = Chroma.from_documents(
        docs,
        embeddings,
        collection_name="naive",
        persist_directory=str(persist_dir),
        collection_metadata={"hnsw:space": "cosine"},
        client_settings=ChromaSettings(anonymized_telemetry=False),  # offline machine: no telemetry attempts
    )
    return NaiveIndex(store, len(docs))


def corpus_files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.iterdir() if p.suffix.lower() in {".pdf", ".xml", ".txt"})


def manifest_files(folder: Path, files: Sequence[str]) -> list[Path]:
    """Exactly the files a manifest lists (`Document.file`), from the corpus folder: the files govqa reads,
    not every file the folder holds."""
    paths = [folder / name for name in files]
    missing = [p.name for p in paths if not p.is_file()]
    if missing:
        raise FileNotFoundError(f"{folder} lacks files the manifest lists: {', '.join(missing)}")
    return paths


def hit_at(items: Sequence[dict[str, Any]], search: Any, k: int = 5) -> float:
    """Share of answerable questions with a gold passage among the top k (govqa.evaluation's half match)."""
    answerable = [it for it in items if it["gold"]]
    if not answerable:
        return 0.0
    hits = 0
    for item in answerable:
        found = search(item["question"], k)
        if any(
            d.metadata.get("doc_id") == g["doc"] and half_match(g["quote"], d.page_content)
            for d in found
            for g in item["gold"]
        ):
            hits += 1
    return hits / len(answerable)
