"""Shared fixtures: a network guard, tmp-path settings, generated PDFs and a keyword-count embedder.

Every fixture document is generated here or in the test that needs it; nothing is copied from the
corpus. The guard makes any attempt to leave the machine fail loudly (a model hub, telemetry), while
loopback stays open for the test HTTP server.
"""

from __future__ import annotations

import ipaddress
import math
import os
import re
import socket
import tempfile
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import pytest
from langchain_core.embeddings import Embeddings

from govqa.settings import RetrievalSettings, Settings

# The shared corpus sits beside the checkout (/work/shared/corpus here; `shared/` next to it in CI).
CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"


# ---------------------------------------------------------------- network guard


class NetworkBlockedError(RuntimeError):
    """Raised instead of connecting anywhere but loopback. Not an OSError, so no client retries it quietly."""


def _is_loopback(address: Any) -> bool:
    if not isinstance(address, tuple) or not address:
        return True  # AF_UNIX paths and other non-IP addresses stay on this machine
    host = str(address[0])
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.split("%")[0]).is_loopback
    except ValueError:
        return False  # a host name: resolving it would already be a network look-up


@pytest.fixture(autouse=True, scope="session")
def network_guard() -> Iterator[None]:
    """Offline hub settings and a socket guard for the whole session (set up before any other fixture)."""
    real_connect = socket.socket.connect
    real_connect_ex = socket.socket.connect_ex
    real_create_connection = socket.create_connection

    def connect(self: socket.socket, address: Any) -> None:
        if not _is_loopback(address):
            raise NetworkBlockedError(f"test tried to connect to {address!r}; tests stay on 127.0.0.1")
        return real_connect(self, address)

    def connect_ex(self: socket.socket, address: Any) -> int:
        if not _is_loopback(address):
            raise NetworkBlockedError(f"test tried to connect to {address!r}; tests stay on 127.0.0.1")
        return real_connect_ex(self, address)

    def create_connection(address: Any, *args: Any, **kwargs: Any) -> socket.socket:
        if not _is_loopback(address):
            raise NetworkBlockedError(f"test tried to connect to {address!r}; tests stay on 127.0.0.1")
        return real_create_connection(address, *args, **kwargs)

    with pytest.MonkeyPatch.context() as mp:
        for name in list(os.environ):
            if name.startswith("GOVQA_"):  # the tester's own settings must not change what the tests see
                mp.delenv(name)
        mp.setenv("HF_HUB_OFFLINE", "1")
        mp.setenv("TRANSFORMERS_OFFLINE", "1")
        mp.setenv("HF_DATASETS_OFFLINE", "1")
        mp.setenv("ANONYMIZED_TELEMETRY", "False")
        mp.setattr(socket.socket, "connect", connect)
        mp.setattr(socket.socket, "connect_ex", connect_ex)
        mp.setattr(socket, "create_connection", create_connection)
        yield


def pytest_configure(config: pytest.Config) -> None:
    """Hypothesis writes caches while collecting (before any fixture runs): keep them in the system temp
    folder instead of a .hypothesis/ folder in the checkout. (The example database is off per test.)"""
    from hypothesis.configuration import set_hypothesis_home_dir

    set_hypothesis_home_dir(Path(tempfile.gettempdir()) / "govqa-tests-hypothesis")


# ---------------------------------------------------------------- settings


def make_settings(root: Path, **overrides: Any) -> Settings:
    """Settings whose state lives under `root`; the real profiles folder is kept unless overridden."""
    values: dict[str, Any] = {
        "index_dir": root / "index",
        "cache_dir": root / "cache",
        "manifest": root / "sources.toml",
        "corpus_mirror": None,
        # The fixture index is searched with keyword-counting stand-ins for the dense models, whose lists are
        # word counts, not meaning: the fixture tests keep the fusion balance they were written for (BM25 at
        # full weight, each stand-in at half). The defaults are tuned on the real corpus (bench/tune.py).
        "retrieval": RetrievalSettings(weight_dense=0.5, weight_lexical=1.0, rrf_k=10),
    }
    values.update(overrides)
    return Settings(**values)


@pytest.fixture
def settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Settings:
    """Settings with index, cache and manifest under tmp_path (and no govqa.toml from the cwd)."""
    monkeypatch.chdir(tmp_path)
    return make_settings(tmp_path)


# ---------------------------------------------------------------- generated PDFs


def make_pdf(
    path: Path,
    pages: Sequence[Sequence[str]],
    header: str | None = "Invented Gazette of Robot Rules",
    footer: str | None = "Gazette {page}/{pages} - Invented Series",
) -> Path:
    """Write a PDF with one line per string (Helvetica, so latin-1 only) and running header/footer.

    `header`/`footer` may use {page} and {pages}; None leaves them out.
    """
    from fpdf import FPDF

    total = len(pages)

    class _PDF(FPDF):
        def header(self) -> None:
            if header is not None:
                self.set_font("Helvetica", size=9)
                self.cell(0, 8, header.format(page=self.page_no(), pages=total), new_x="LMARGIN", new_y="NEXT")

        def footer(self) -> None:
            if footer is not None:
                self.set_y(-15)
                self.set_font("Helvetica", size=9)
                self.cell(0, 8, footer.format(page=self.page_no(), pages=total))

    pdf = _PDF()
    pdf.set_auto_page_break(False)
    for lines in pages:
        pdf.add_page()
        pdf.set_font("Helvetica", size=11)
        for line in lines:
            pdf.cell(0, 6, line, new_x="LMARGIN", new_y="NEXT")
    path.parent.mkdir(parents=True, exist_ok=True)
    pdf.output(str(path))
    return path


# ---------------------------------------------------------------- fake embedders

_WORD = re.compile(r"\w+")


class KeywordEmbedder(Embeddings):
    """Vector = counts of a fixed vocabulary's words, L2-normalised (llm's EmbedDemo, in LangChain's shape).

    A tiny constant component keeps texts without any vocabulary word off the zero vector, which
    cosine distance cannot handle.
    """

    # fmt: off
    VOCABULARY = (
        "robot", "robots", "safety", "inspection", "operator", "registry", "penalty", "fine", "data", "privacy",
        "transparency", "label", "model", "risk", "report", "scope", "ministry", "letter",
        "ロボット", "安全", "検査", "登録", "罰則",
    )
    # fmt: on

    def __init__(self, name: str = "fake-keywords", vocabulary: Sequence[str] | None = None) -> None:
        self.name = name
        self.vocabulary = tuple(vocabulary or self.VOCABULARY)
        self.calls = 0  # texts embedded so far, for "nothing was re-embedded" checks

    def _vector(self, text: str) -> list[float]:
        lowered = text.lower()
        words = _WORD.findall(lowered)
        counts = [float(words.count(w) if w.isascii() else lowered.count(w)) for w in self.vocabulary]
        counts.append(0.01)
        norm = math.sqrt(sum(c * c for c in counts))
        return [c / norm for c in counts]

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        self.calls += len(texts)
        return [self._vector(t) for t in texts]

    def embed_query(self, text: str) -> list[float]:
        return self._vector(text)


# ---------------------------------------------------------------- index contents (hardening tests)


def fake_embedders() -> dict[str, Embeddings]:
    """The two keyword embedders the ingest tests index with (names as recorded in the index)."""
    return {"dense": KeywordEmbedder("fake-keywords"), "multilingual": KeywordEmbedder("fake-keywords-2")}


def index_snapshot(index_dir: Path, prefix: str = "govqa") -> dict[str, list[tuple[str, str, str, tuple[float, ...]]]]:
    """Everything govqa's collections hold, per collection: sorted (id, text, metadata JSON, rounded vector).

    Opens its own Chroma client; two snapshots are equal exactly when the indexes hold the same content.
    """
    import json

    import chromadb
    from chromadb.config import Settings as ChromaSettings

    client = chromadb.PersistentClient(path=str(index_dir), settings=ChromaSettings(anonymized_telemetry=False))
    out: dict[str, list[tuple[str, str, str, tuple[float, ...]]]] = {}
    for coll in client.list_collections():
        name = coll.name if hasattr(coll, "name") else str(coll)
        if not name.startswith(f"{prefix}-"):
            continue
        got = client.get_collection(name).get(include=["documents", "metadatas", "embeddings"])
        out[name] = sorted(
            (cid, text or "", json.dumps(meta, sort_keys=True), tuple(round(float(x), 5) for x in vec))
            for cid, text, meta, vec in zip(
                got["ids"], got["documents"], got["metadatas"], got["embeddings"], strict=True
            )
        )
    return out
