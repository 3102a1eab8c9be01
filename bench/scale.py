"""Retrieval at scale: latency and memory of govqa's Retriever over a synthetic corpus of N chunks.

    python bench/scale.py --index DIR --size 100000 [--questions dev.jsonl]
    python bench/scale.py --index DIR --chunks 1000000 --server [--budget-s 1200]   (see scale_server.py)

Reads the chunks and vectors of an index that was already built (`govqa ingest`), recombines their
sentences into N synthetic chunks (synthetic), derives their vectors by mixing the stored ones
(no embedding: exact search costs the same whatever the vectors hold), builds the BM25 index over the
synthetic texts, and times `Retriever.retrieve` on the questions. Run one size per process so the
memory figures do not mix. Prints one JSON object.
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import time
from pathlib import Path

import numpy as np
from scale_server import measure_server
from synthetic import MemoryStore, mixed_vectors, recombine

from govqa import EmbeddingSettings, Settings, build_embedders, build_retriever, load_questions, open_store
from govqa.records import Chunk


def rss_mb() -> float:
    """Current resident set size (Linux /proc), in MiB."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def measure(index_dir: Path, size: int, questions: list[str], repeat: int, seed: int = 0) -> dict[str, float]:
    settings = Settings(index_dir=index_dir)
    embedders = build_embedders(settings)
    real = open_store(settings, embedders)
    source = real.chunks()
    source_vectors = {}
    for index in embedders:
        stored = real.vectors(index)
        source_vectors[index] = np.array([stored[c.id] for c in source], dtype=np.float32)
    t0 = time.perf_counter()
    corpus = recombine(source, size, seed=seed)
    vectors = {index: mixed_vectors(m, corpus.sources) for index, m in source_vectors.items()}
    generate_s = time.perf_counter() - t0
    del source_vectors, stored
    base_rss = rss_mb()
    t0 = time.perf_counter()
    retriever = build_retriever(settings, embedders=embedders, store=MemoryStore(corpus.chunks, vectors))  # type: ignore[arg-type]
    build_s = time.perf_counter() - t0
    del vectors, corpus
    retriever_mb = rss_mb() - base_rss
    retriever.retrieve(questions[0])  # warm-up
    latencies, search, lexical = [], [], []
    # CPU time of the process (all its threads) beside wall time: on a machine shared with other jobs the wall
    # time mostly measures waiting for a core, the CPU time what a question costs.
    latencies_cpu, search_cpu = [], []
    for _ in range(repeat):
        for q in questions:
            retriever.clear_query_cache()  # every question pays for its own embeddings, as in run.py
            t0, c0 = time.perf_counter(), time.process_time()
            retriever.retrieve(q)
            latencies.append((time.perf_counter() - t0) * 1000)
            latencies_cpu.append((time.process_time() - c0) * 1000)
            # Again with the question's embeddings known but every search redone: the part that grows with N.
            retriever.similarities.clear()
            retriever.lexical.clear_cache()
            t0, c0 = time.perf_counter(), time.process_time()
            retriever.retrieve(q)
            search.append((time.perf_counter() - t0) * 1000)
            search_cpu.append((time.process_time() - c0) * 1000)
            retriever.lexical.clear_cache()
            t0 = time.perf_counter()
            retriever.lexical.search(q, settings.retrieval.candidates)
            lexical.append((time.perf_counter() - t0) * 1000)
    return {
        "chunks": len(retriever.chunks),
        "generate_s": round(generate_s, 2),
        "build_s": round(build_s, 2),
        "query_p50_ms": round(statistics.median(latencies), 1),
        "query_p95_ms": round(percentile(latencies, 0.95), 1),
        "search_p50_ms": round(statistics.median(search), 1),
        "search_p95_ms": round(percentile(search, 0.95), 1),
        "query_cpu_p95_ms": round(percentile(latencies_cpu, 0.95), 1),
        "search_cpu_p95_ms": round(percentile(search_cpu, 0.95), 1),
        "lexical_p50_ms": round(statistics.median(lexical), 1),
        "lexical_p95_ms": round(percentile(lexical, 0.95), 1),
        "retriever_mb": round(retriever_mb, 1),
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
    }


def server_inputs(index_dir: Path, questions: list[str]) -> tuple[list[Chunk], np.ndarray, np.ndarray]:
    """The real index's chunks and MiniLM vectors (the synthetic chunks' sources) and the questions' vectors."""
    settings = Settings(index_dir=index_dir, embedding=EmbeddingSettings(e5=False, multilingual=False))
    embedders = build_embedders(settings)
    store = open_store(settings, embedders)
    source = store.chunks()
    stored = store.vectors("dense")
    vectors = np.array([stored[c.id] for c in source], dtype=np.float32)
    asked = np.array([embedders["dense"].embed_query(q) for q in questions], dtype=np.float32)
    return source, vectors, asked


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--index", required=True, type=Path, help="an index built by `govqa ingest`")
    parser.add_argument("--size", "--chunks", dest="size", required=True, type=int, help="synthetic chunks")
    parser.add_argument("--questions", required=True, type=Path)
    parser.add_argument("--repeat", type=int, default=2)
    parser.add_argument("--server", action="store_true", help="dense search on a loopback Chroma server (HNSW)")
    parser.add_argument("--budget-s", type=float, default=1200.0, help="server mode: stop sending after this long")
    args = parser.parse_args()
    questions = [q["question"] for q in load_questions(args.questions)]
    if args.server:
        source, vectors, asked = server_inputs(args.index, questions)
        print(json.dumps(measure_server(source, vectors, asked, args.size, budget_s=args.budget_s)))
    else:
        print(json.dumps(measure(args.index, args.size, questions, args.repeat)))


if __name__ == "__main__":
    main()
