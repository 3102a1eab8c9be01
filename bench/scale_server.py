"""Dense search on a Chroma server at up to a million chunks: ingest rate, query latency, recall, memory.

    python bench/scale.py --index DIR --chunks 1000000 --server [--budget-s 1200] [--questions dev.jsonl]

A loopback `chroma run` server (started here, stopped at the end, data in a temporary folder) receives
synthetic chunks in batches: texts recombined from the sentences of a real index (realistic lengths and
metadata, see synthetic.py) and vectors mixed from its stored MiniLM vectors (no model runs: a stand-in that
costs nothing and keeps the real vectors' clustering, which is what HNSW's recall depends on). At each
checkpoint (every doubling) the collection is probed with the question vectors: query p50/p95 through the
HTTP client, recall@10 against exact search over every vector sent so far (ties at the 10th score count as
found), the server's resident memory. At the end, ef_search is swept on the full collection, and a separate
govqa worker process queries through `ChromaStore.query` (the path of `retrieval.dense_backend = "chroma"`),
reporting its own memory and latency. Ingest stops at `--budget-s` seconds of sending: the rows say how far
it got, so the curve can be extrapolated.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
import warnings
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np
from synthetic import mixed_vectors, recombine

from govqa.documents.chunking import CHUNKER_VERSION
from govqa.index.store import chunk_metadata, close_client, local_server_process
from govqa.records import Chunk

COLLECTION_PREFIX = "scale"
MODEL_NAME = "synthetic-minilm-mix"
# HNSW settings (see docs/benchmarks.md): M = 16 links per node (Chroma's default; 32 doubled the graph's
# memory for a recall the ef_search sweep reaches anyway), ef_construction = 100 (Chroma's default; a better
# graph costs ingest time on 2 cores), ef_search chosen by the sweep as the smallest reaching recall@10 ≥ 0.95.
HNSW = {"space": "cosine", "max_neighbors": 16, "ef_construction": 100, "ef_search": 100}
EF_SWEEP = (10, 20, 40, 100, 200)


def rss_mb(pid: int) -> float:
    """Resident memory of a process and its children (Linux /proc), in MiB."""
    total = 0.0
    pids = [pid]
    children = Path(f"/proc/{pid}/task/{pid}/children")
    if children.is_file():
        pids += [int(p) for p in children.read_text().split()]
    for p in pids:
        try:
            for line in Path(f"/proc/{p}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1]) / 1024
        except OSError:
            continue
    return round(total, 1)


def percentile(values: Sequence[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def recall_at(found: Sequence[Sequence[int]], held: np.ndarray, queries: np.ndarray, k: int = 10) -> float:
    """Share of each query's exact top k that the server returned; a returned row as close as the exact k-th
    (within 1e-5) counts too, so equal vectors do not read as misses."""
    sims = queries @ held.T
    hits = 0
    for row, got in zip(sims, found, strict=True):
        kth = np.partition(row, -k)[-k]
        hits += min(k, sum(1 for i in got[:k] if row[i] >= kth - 1e-5))
    return hits / (k * len(queries))


def probe(coll: Any, held: np.ndarray, queries: np.ndarray, k: int = 10) -> dict[str, float]:
    """Query latency (HTTP client → server, n_results = k) and recall@k against exact search over `held`."""
    latencies, found = [], []
    coll.query(query_embeddings=[queries[0].tolist()], n_results=k, include=[])  # warm-up
    for q in queries:
        t0 = time.perf_counter()
        got = coll.query(query_embeddings=[q.tolist()], n_results=k, include=[])
        latencies.append((time.perf_counter() - t0) * 1000)
        found.append([int(i[1:]) for i in got["ids"][0]])
    return {
        "query_p50_ms": round(float(np.median(latencies)), 1),
        "query_p95_ms": round(percentile(latencies, 0.95), 1),
        "recall_at_10": round(recall_at(found, held, queries, k), 4),
    }


def _batch(source: Sequence[Chunk], vectors: np.ndarray, start: int, size: int) -> tuple[dict[str, Any], np.ndarray]:
    corpus = recombine(source, size, seed=start)
    mixed = mixed_vectors(vectors, corpus.sources)
    extra = {"source_sha256": "0" * 64, "build_key": "synthetic"}
    record = {
        "ids": [f"s{start + i:08d}" for i in range(size)],
        "embeddings": mixed,
        "documents": [c.text for c in corpus.chunks],
        "metadatas": [chunk_metadata(c, extra) for c in corpus.chunks],
    }
    return record, mixed


def checkpoints(total: int, first: int) -> list[int]:
    """first, 2·first, 4·first, … below total, then total."""
    marks, n = [], first
    while n < total:
        marks.append(n)
        n *= 2
    return [*marks, total]


def measure_server(
    source: Sequence[Chunk],
    source_vectors: np.ndarray,
    queries: np.ndarray,
    total: int,
    *,
    batch: int = 4000,
    budget_s: float = 1200.0,
    first_checkpoint: int = 62_500,
    worker_n: int = 40,
) -> dict[str, Any]:
    """Send up to `total` synthetic chunks to a loopback Chroma server and measure it (see the module doc)."""
    import chromadb
    from chromadb.config import Settings as ChromaSettings

    queries = queries / np.linalg.norm(queries, axis=1, keepdims=True)
    held = np.empty((total, source_vectors.shape[1]), dtype=np.float32)
    rows: list[dict[str, Any]] = []
    with tempfile.TemporaryDirectory() as data, local_server_process(Path(data)) as (port, server):
        client = chromadb.HttpClient(host="127.0.0.1", port=port, settings=ChromaSettings(anonymized_telemetry=False))
        batch = max(1, min(batch, client.get_max_batch_size()))
        coll = client.create_collection(
            f"{COLLECTION_PREFIX}-dense",
            metadata={"embedding_model": MODEL_NAME, "chunker_version": CHUNKER_VERSION},
            configuration={"hnsw": HNSW},
            embedding_function=None,
        )
        sent, send_s, marks = 0, 0.0, checkpoints(total, min(first_checkpoint, total))
        while sent < total and (sent == 0 or send_s < budget_s):  # at least one batch
            size = min(batch, total - sent)
            record, mixed = _batch(source, source_vectors, sent, size)
            t0 = time.perf_counter()
            coll.add(**record)
            send_s += time.perf_counter() - t0
            held[sent : sent + size] = mixed
            sent += size
            if sent >= marks[0] or sent == total or send_s >= budget_s:
                while marks and sent >= marks[0]:
                    marks.pop(0)
                row = {"chunks": sent, "ingest_s": round(send_s, 1), "chunks_per_s": round(sent / send_s, 1)}
                row |= probe(coll, held[:sent], queries) | {"server_mb": rss_mb(server.pid)}
                rows.append(row)
                print(json.dumps(row), file=sys.stderr, flush=True)
        sweep = []
        for ef in EF_SWEEP:
            _set_ef_search(coll, ef)
            sweep.append({"ef_search": ef, **probe(coll, held[:sent], queries)})
        chosen = next((s for s in sweep if s["recall_at_10"] >= 0.95), sweep[-1])
        _set_ef_search(coll, chosen["ef_search"])
        worker = _worker(port, queries, worker_n)
        server_mb = rss_mb(server.pid)
        close_client(client)
    return {
        "chunks_requested": total,
        "chunks": sent,
        "server_ingest_chunks_per_s": rows[-1]["chunks_per_s"],
        "hnsw": {**HNSW, "ef_search": chosen["ef_search"]},
        "query_p50_ms": chosen["query_p50_ms"],
        "query_p95_ms": chosen["query_p95_ms"],
        "recall_at_10": chosen["recall_at_10"],
        "server_mb": server_mb,
        "worker": worker,
        "curve": rows,
        "ef_sweep": sweep,
    }


def _set_ef_search(coll: Any, ef: int) -> None:
    with warnings.catch_warnings():
        # chromadb warns that a collection made without an embedding function carries a "legacy" marker when it
        # re-reads the configuration after the change; the server has applied ef_search by then.
        warnings.simplefilter("ignore", DeprecationWarning)
        coll.modify(configuration={"hnsw": {"ef_search": ef}})


def _worker(port: int, queries: np.ndarray, n: int) -> dict[str, float]:
    """A separate process querying as a govqa worker does with the dense index on the server."""
    with tempfile.NamedTemporaryFile(suffix=".npy") as fh:
        np.save(fh.name, queries)
        done = subprocess.run(
            [sys.executable, __file__, "--worker", str(port), fh.name, str(n)],
            check=True,
            capture_output=True,
            text=True,
        )
    return dict(json.loads(done.stdout.strip().splitlines()[-1]))


def worker_main(port: int, queries_file: Path, n: int) -> None:
    from govqa.index.store import ChromaStore
    from govqa.settings import Settings, StoreSettings

    settings = Settings(store=StoreSettings(mode="server", port=port, collection_prefix=COLLECTION_PREFIX))
    store = ChromaStore(settings, model_names={"dense": MODEL_NAME})
    queries = np.load(queries_file)
    store.query("dense", queries[0].tolist(), n)  # warm-up
    latencies = []
    for q in queries:
        t0 = time.perf_counter()
        store.query("dense", q.tolist(), n)
        latencies.append((time.perf_counter() - t0) * 1000)
    print(
        json.dumps(
            {
                "candidates": n,
                "query_p50_ms": round(float(np.median(latencies)), 1),
                "query_p95_ms": round(percentile(latencies, 0.95), 1),
                "worker_mb": rss_mb(os.getpid()),
            }
        )
    )


if __name__ == "__main__" and sys.argv[1:2] == ["--worker"]:
    worker_main(int(sys.argv[2]), Path(sys.argv[3]), int(sys.argv[4]))
