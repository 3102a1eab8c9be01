"""Concurrent queries: threads against the embedded index, threads and processes against a Chroma server.

The server is a real `chroma run --path DIR --host 127.0.0.1 --port N` started here and stopped here.
Server-mode retrievers use dense_backend = "chroma", so every dense search of every query is a request
to the server (with the default in-memory backend the server is only read when a retriever starts).
The server index is filled by `govqa ingest` from the warm embedding cache, so nothing is re-embedded.
"""

from __future__ import annotations

import multiprocessing
import statistics
import threading
import time
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

from govqa import Retriever, Settings, StoreSettings, build_retriever, ingest
from govqa.index.store import close_client, local_server


def _run_queries(retrieve: Callable[[str], Any], questions: Sequence[str]) -> tuple[list[float], list[str], list[Any]]:
    latencies, errors, results = [], [], []
    for q in questions:
        t0 = time.perf_counter()
        try:
            results.append(retrieve(q))
        except Exception as exc:  # a benchmark counts every failure, whatever its type
            errors.append(f"{type(exc).__name__}: {exc}")
            results.append(None)
        latencies.append((time.perf_counter() - t0) * 1000)
    return latencies, errors, results


def run_threads(
    retrieve: Callable[[str], Any], questions: Sequence[str], clients: int
) -> tuple[list[float], list[str], list[list[Any]]]:
    """Each of `clients` threads asks every question (each from a different starting point)."""
    outs: list[tuple[list[float], list[str], list[Any]]] = [([], [], [])] * clients

    def work(i: int) -> None:
        shift = (i * len(questions)) // clients
        order = [*questions[shift:], *questions[:shift]]
        lat, err, res = _run_queries(retrieve, order)
        outs[i] = (lat, err, res[len(order) - shift :] + res[: len(order) - shift])  # back to question order

    threads = [threading.Thread(target=work, args=(i,)) for i in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return [x for o in outs for x in o[0]], [x for o in outs for x in o[1]], [o[2] for o in outs]


def ranked_ids(retriever: Retriever, question: str) -> list[str]:
    return [p.chunk.id for p in retriever.retrieve(question)]


def process_worker(settings_data: dict[str, Any], questions: Sequence[str]) -> tuple[list[float], list[str], list[Any]]:
    """In a fresh process: open the server-mode index and ask every question."""
    settings = Settings(**settings_data)
    retriever = build_retriever(settings)
    try:
        return _run_queries(lambda q: ranked_ids(retriever, q), questions)
    finally:
        close_client(retriever.store.client)


def run_processes(
    settings: Settings, questions: Sequence[str], processes: int
) -> tuple[list[float], list[str], list[list[Any]]]:
    data = settings.model_dump(mode="json")
    ctx = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(processes, mp_context=ctx) as pool:
        outs = list(pool.map(process_worker, [data] * processes, [list(questions)] * processes))
    return [x for o in outs for x in o[0]], [x for o in outs for x in o[1]], [o[2] for o in outs]


def _summary(prefix: str, latencies: list[float], errors: list[str]) -> dict[str, Any]:
    ordered = sorted(latencies)
    return {
        f"{prefix}_queries": len(latencies),
        f"{prefix}_errors": len(errors),
        f"{prefix}_p50_ms": round(statistics.median(ordered), 1) if ordered else None,
        f"{prefix}_p95_ms": round(ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))], 1)
        if ordered
        else None,
    }


def bench(
    settings: Settings, retriever: Retriever, questions: Sequence[str], clients: int, tmp: Path
) -> dict[str, Any]:
    """Concurrency figures for run.py: zero errors expected, latency under load reported."""
    out: dict[str, Any] = {"concurrent_clients": clients}
    lat, err, _ = run_threads(lambda q: ranked_ids(retriever, q), questions, clients)
    out.update(_summary("conc_embedded_threads", lat, err))
    with local_server(tmp / "server-data") as port:
        server = settings.model_copy(
            update={
                "store": StoreSettings(mode="server", port=port),
                "retrieval": settings.retrieval.model_copy(update={"dense_backend": "chroma"}),
            }
        )
        t0 = time.perf_counter()
        ingest(server, embedders=retriever.embedders)  # from the embedding cache: nothing is re-embedded
        out["server_ingest_s"] = round(time.perf_counter() - t0, 2)
        remote = build_retriever(server, embedders=retriever.embedders)
        try:
            lat, err, _ = run_threads(lambda q: ranked_ids(remote, q), questions, clients)
            out.update(_summary("conc_server_threads", lat, err))
        finally:
            close_client(remote.store.client)
        processes = max(2, clients // 2)
        lat, err, _ = run_processes(server, questions, processes)
        out.update(_summary("conc_server_processes", lat, err))
        out["conc_server_processes_n"] = processes
    out["conc_errors"] = sum(v for k, v in out.items() if k.endswith("_errors"))
    return out


def main() -> None:
    """Standalone: the concurrency figures for an index that is already built (no full benchmark run)."""
    import argparse
    import json
    import tempfile

    from govqa import load_corpus, load_questions
    from govqa.index.embed_cache import seed_from_store, settings_cache

    parser = argparse.ArgumentParser(description=main.__doc__)
    parser.add_argument("--index", required=True, type=Path, help="an embedded index built by `govqa ingest`")
    parser.add_argument("--corpus", required=True, type=Path, help="the corpus mirror it was built from")
    parser.add_argument("--questions", required=True, type=Path)
    parser.add_argument("--clients", type=int, default=4)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        settings = Settings(index_dir=args.index, cache_dir=tmp / "cache", corpus_mirror=args.corpus)
        retriever = build_retriever(settings)
        seed_from_store(retriever.store, load_corpus(settings.manifest, settings.cache_dir), settings_cache(settings))
        questions = [q["question"] for q in load_questions(args.questions)]
        print(json.dumps(bench(settings, retriever, questions, args.clients, tmp)))


if __name__ == "__main__":
    main()
