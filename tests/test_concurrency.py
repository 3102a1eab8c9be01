"""Concurrent queries against a real Chroma server on loopback: no errors, the same answers as one by one."""

from __future__ import annotations

import multiprocessing
import sys
import threading
import types
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

import pytest
from conftest import KeywordEmbedder, make_settings
from fixture_corpus import build_corpus

from govqa.index.pipeline import ingest, open_store
from govqa.index.store import close_client, local_server
from govqa.search.retriever import Retriever, build_retriever
from govqa.settings import Settings, StoreSettings

QUESTIONS = [
    "What must the operator report after an inspection?",
    "Robot Safety Act Article 3",
    "What penalty applies to a robot without registry entry?",
    "Which data privacy duties do the guidelines set?",
    "How is transparency labelling handled?",
    "ロボットの安全検査",
]


@pytest.fixture
def chroma_port(tmp_path: Path) -> Iterator[int]:
    """`chroma run` on a free loopback port with its data under tmp_path; stopped after the test."""
    with local_server(tmp_path / "server-data") as port:
        yield port


def _answers(retriever: Retriever, questions: list[str]) -> list[list[tuple[str, float]]]:
    return [[(p.chunk.id, round(p.score, 6)) for p in retriever.retrieve(q)] for q in questions]


def _process_answers(settings_data: dict[str, Any], questions: list[str], files: str) -> list[list[tuple[str, float]]]:
    """In a fresh (spawned) process: open the server index with the keyword embedder and ask."""
    settings = Settings(**settings_data)
    embedders = {"dense": KeywordEmbedder("fake-keywords")}
    manifest = build_corpus(Path(files), ids=("fx-robot-act-2027", "fx-data-guidelines"))
    retriever = build_retriever(settings, embedders=embedders, manifest=manifest)
    try:
        return _answers(retriever, questions)
    finally:
        close_client(retriever.store.client)


@pytest.mark.slow
@pytest.mark.parametrize("backend", ["memory", "chroma"])
def test_threads_and_processes_get_the_sequential_results(
    tmp_path: Path, chroma_port: int, backend: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """6 threads and 2 processes query one Chroma server at once (dense search in memory, or on the server
    at every query): no errors, and every result list equals the one a single sequential client gets."""
    # Spawned children re-run the parent's __main__; after Streamlit's AppTest that can be app.py. Give them
    # an empty one: everything they need comes from importing this module.
    monkeypatch.setitem(sys.modules, "__main__", types.ModuleType("__main__"))
    settings = make_settings(tmp_path, store=StoreSettings(mode="server", port=chroma_port))
    settings = settings.model_copy(
        update={"retrieval": settings.retrieval.model_copy(update={"dense_backend": backend})}
    )
    manifest = build_corpus(settings.cache_dir, ids=("fx-robot-act-2027", "fx-data-guidelines"))
    embedders = {"dense": KeywordEmbedder("fake-keywords")}
    store = open_store(settings, embedders)
    try:
        ingest(settings, manifest=manifest, embedders=embedders, store=store)
        retriever = build_retriever(settings, embedders=embedders, manifest=manifest, store=store)
        expected = _answers(retriever, QUESTIONS)
        assert all(expected), "every fixture question finds something"

        errors: list[BaseException] = []
        got: dict[int, list[list[tuple[str, float]]]] = {}

        def work(i: int) -> None:
            try:
                for _ in range(3):
                    got[i] = _answers(retriever, QUESTIONS[i % 3 :] + QUESTIONS[: i % 3])
            except BaseException as exc:  # collected and asserted below
                errors.append(exc)

        ctx = multiprocessing.get_context("spawn")
        with ProcessPoolExecutor(2, mp_context=ctx) as pool:
            data = settings.model_dump(mode="json")
            futures = [pool.submit(_process_answers, data, QUESTIONS, str(tmp_path / f"p{n}")) for n in range(2)]
            threads = [threading.Thread(target=work, args=(i,)) for i in range(6)]
            for t in threads:
                t.start()
            for t in threads:
                t.join()
            from_processes = [f.result(timeout=300) for f in futures]
        assert errors == []
        for i, answers in got.items():
            shift = i % 3
            assert answers == expected[shift:] + expected[:shift]
        assert len(got) == 6
        assert from_processes == [expected, expected]
    finally:
        close_client(store.client)
