"""Benchmarks, govqa side by side with the naive LangChain recipe, in one run on one corpus folder.

    python bench/run.py --corpus ../shared/corpus [--questions ../shared/eval/dev.jsonl]

Measures: govqa ingest (cold embedding cache), raw model time on the same texts, parse time, the
effect of length-sorted batches, re-ingest of an unchanged corpus, rebuild with a warm embedding
cache, retrieval and extractive-answer latency (warm process, cold questions), hit@5 on the dev set;
the naive recipe's ingest, query latency and hit@5; retrieval latency and memory at 1k/10k/100k
synthetic chunks (bench/scale.py, one process per size); concurrent queries from threads (embedded)
and from threads and processes against a `chroma run` server that this script starts and stops; dense
search on a Chroma server holding up to a million synthetic chunks (bench/scale_server.py: ingest rate,
query p95, recall@10 against exact search, server and worker memory). The naive recipe reads exactly the
manifest's files.

Prints a table; the LAST LINE of stdout is one JSON object. Results are also saved as JSON under
bench/results/ with the machine's description. Nothing here asserts a target (targets live in
docs/benchmarks.md). Needs the bench dependency group: pip install -e . --group bench
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

import concurrency  # noqa: E402  (bench/ is not a package)
import naive  # noqa: E402
from scale import percentile  # noqa: E402

from govqa import (  # noqa: E402
    Answerer,
    EmbeddingSettings,
    Retriever,
    Settings,
    build_embedders,
    build_retriever,
    chunk_document,
    embedding_text,
    evaluate,
    ingest,
    load_manifest,
    load_questions,
    require_file,
)
from govqa.evaluation import run_label  # noqa: E402
from govqa.index.embed_cache import CachedEmbeddings, cached_embedders, settings_cache  # noqa: E402
from govqa.index.embedders import embed_many, expected_model_names, packaged_minilm_path  # noqa: E402

SIZES = (1_000, 10_000, 100_000)


def machine(settings: Settings) -> dict[str, Any]:
    import onnxruntime
    import torch

    cpu = ""
    mem_gb = 0.0
    try:
        cpu = next(
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        )
        meminfo = Path("/proc/meminfo").read_text().splitlines()
        mem_kb = next(int(x.split()[1]) for x in meminfo if x.startswith("MemTotal"))
        mem_gb = round(mem_kb / 2**20, 1)
    except (OSError, StopIteration):
        pass
    return {
        "date": time.strftime("%Y-%m-%d"),
        "cpu": cpu or platform.processor(),
        "cores": os.cpu_count(),
        "ram_gb": mem_gb,
        "os": platform.platform(),
        "python": platform.python_version(),
        "torch": torch.__version__,
        "torch_threads": torch.get_num_threads(),
        "onnxruntime": onnxruntime.__version__,
        "minilm_backend": settings.embedding.backend,
        "models": expected_model_names(settings),
        "e5_backend": settings.embedding.e5_backend,
        "commit": run_label(),
        "load_avg_1m": round(os.getloadavg()[0], 2),
    }


def _dir_mb(path: Path) -> float:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file()) / 2**20


def _timed_ms(fn: Any, *args: Any) -> float:
    t0 = time.perf_counter()
    fn(*args)
    return (time.perf_counter() - t0) * 1000


def _answer_ms(answerer: Answerer, retriever: Retriever, items: list[dict[str, Any]]) -> list[float]:
    """Milliseconds per extractive answer, each question cold (its embeddings not cached)."""
    out = []
    for item in items:
        retriever.clear_query_cache()
        mode = {"claim": "claim"}.get(item["kind"], "ask")
        out.append(_timed_ms(lambda q=item["question"], m=mode: answerer.answer(q, mode=m)))
    return out


def bench_govqa(settings: Settings, items: list[dict[str, Any]], repeat: int, results: dict[str, Any]) -> Retriever:
    # Like the naive recipe's, govqa's ingest time includes loading the models, and here also the one-time
    # ONNX export of MiniLM (settings.embedding.onnx_dir is a fresh folder): a first run on a new machine.
    t0 = time.perf_counter()
    embedders = build_embedders(settings)
    results["embedder_setup_s"] = round(time.perf_counter() - t0, 2)
    reports = ingest(settings, embedders=embedders)
    results["ingest_s"] = round(time.perf_counter() - t0, 2)
    results["chunks"] = sum(r.chunks for r in reports)
    results["failed_documents"] = [r.doc_id for r in reports if r.state == "failed"]

    # Raw model time on exactly the texts ingest embedded: the floor ingest cannot beat.
    texts: list[str] = []
    parse_s = 0.0
    for doc in load_manifest(settings.manifest).documents:
        t0 = time.perf_counter()
        chunks, _ = chunk_document(doc, require_file(doc, settings.cache_dir, settings.corpus_mirror), settings)
        parse_s += time.perf_counter() - t0
        texts.extend(embedding_text(doc, c) for c in dict((c.id, c) for c in chunks).values())
    results["parse_s"] = round(parse_s, 2)
    embed_s = {}
    for index, embedder in embedders.items():
        t0 = time.perf_counter()
        embed_many(embedder, texts)
        embed_s[index] = time.perf_counter() - t0
        results[f"embed_only_s_{index}"] = round(embed_s[index], 2)
    results["embed_only_s"] = round(sum(embed_s.values()), 2)
    results["ingest_over_embed"] = round(results["ingest_s"] / results["embed_only_s"], 2)

    # Length-sorted batches against batches in document order, on the same sample, MiniLM only.
    dense = embedders["dense"]
    sample = texts[:: max(1, len(texts) // 512)][:512]
    encode_batch, bs = getattr(dense, "encode_batch", None), getattr(dense, "batch_size", 0)
    if encode_batch is not None and bs:
        unsorted_s = _timed_ms(lambda: [encode_batch(sample[i : i + bs]) for i in range(0, len(sample), bs)]) / 1000
        sorted_s = _timed_ms(lambda: embed_many(dense, sample)) / 1000
        results["length_sort_speedup"] = round(unsorted_s / sorted_s, 2)

    t0 = time.perf_counter()
    ingest(settings, embedders=embedders)
    results["reingest_s"] = round(time.perf_counter() - t0, 2)

    # --rebuild drops the index; the embedding cache still knows every text.
    wrapped = cached_embedders(embedders, settings_cache(settings))
    t0 = time.perf_counter()
    ingest(settings, embedders=wrapped, rebuild=True)
    results["rebuild_cached_s"] = round(time.perf_counter() - t0, 2)
    results["rebuild_embedded_texts"] = sum(e.misses for e in wrapped.values() if isinstance(e, CachedEmbeddings))

    retriever = build_retriever(settings, embedders=embedders)
    questions = [q["question"] for q in items]
    retriever.retrieve(questions[0])  # warm-up
    latencies = []
    for _ in range(repeat):
        for q in questions:
            retriever.clear_query_cache()  # every question pays for its own embeddings
            latencies.append(_timed_ms(retriever.retrieve, q))
    results["query_p50_ms"] = round(statistics.median(latencies), 1)
    results["query_p95_ms"] = round(percentile(latencies, 0.95), 1)
    results["queries"] = len(latencies)

    # Each question once, cold; then the same questions by a new Answerer (what a restarted app or a later
    # `govqa eval` sees): its quote scorer holds nothing in memory and finds the sentence vectors the first
    # pass left in the embedding cache.
    for suffix in ("", "_table"):
        answer_ms = _answer_ms(Answerer(settings, retriever), retriever, items)
        results[f"answer_p50_ms{suffix}"] = round(statistics.median(answer_ms), 1)
        results[f"answer_p95_ms{suffix}"] = round(percentile(answer_ms, 0.95), 1)
    results["hit5"] = round(evaluate(items, lambda q: retriever.retrieve(q, k=5)).metrics()["hit@5"], 3)
    return retriever


def bench_naive(settings: Settings, tmp: Path, items: list[dict[str, Any]], results: dict[str, Any]) -> None:
    assert settings.corpus_mirror is not None
    files = naive.manifest_files(settings.corpus_mirror, [d.file for d in load_manifest(settings.manifest).documents])
    results["naive_files"] = len(files)
    t0 = time.perf_counter()
    embeddings = naive.minilm(packaged_minilm_path())
    index = naive.build(files, embeddings, tmp / "naive")
    results["naive_ingest_s"] = round(time.perf_counter() - t0, 2)
    results["naive_chunks"] = index.chunks
    index.search(items[0]["question"])
    latencies = [_timed_ms(index.search, it["question"]) for it in items]
    results["naive_query_p50_ms"] = round(statistics.median(latencies), 1)
    results["naive_query_p95_ms"] = round(percentile(latencies, 0.95), 1)
    results["naive_hit5"] = round(naive.hit_at(items, index.search, 5), 3)
    results["naive_index_mb"] = round(_dir_mb(tmp / "naive"), 1)
    index.close()


def bench_scale(index_dir: Path, questions: Path, sizes: tuple[int, ...], results: dict[str, Any]) -> None:
    table = {}
    for size in sizes:
        out = subprocess.run(
            [
                sys.executable,
                str(ROOT / "bench" / "scale.py"),
                "--index",
                str(index_dir),
                "--size",
                str(size),
                "--questions",
                str(questions),
                "--repeat",
                "1",
            ],
            check=True,
            capture_output=True,
            text=True,
        )
        table[str(size)] = json.loads(out.stdout.strip().splitlines()[-1])
    results["scale"] = table
    results.setdefault("query_p95_ms_100k", None)  # a stable key, null when 100k was not measured
    for size, row in table.items():
        suffix = f"{int(size) // 1000}k" if int(size) % 1000 == 0 else size
        results[f"query_p95_ms_{suffix}"] = row["query_p95_ms"]
        results[f"search_p95_ms_{suffix}"] = row["search_p95_ms"]
        results[f"lexical_p95_ms_{suffix}"] = row["lexical_p95_ms"]
        results[f"retriever_mb_{suffix}"] = row["retriever_mb"]


def bench_server(index_dir: Path, questions: Path, chunks: int, budget_s: float, results: dict[str, Any]) -> None:
    """bench/scale.py --server in its own process: a loopback Chroma server filled with `chunks` synthetic chunks
    (or as many as `budget_s` seconds of sending allow: `server_chunks` says how many)."""
    out = subprocess.run(
        [
            sys.executable,
            str(ROOT / "bench" / "scale.py"),
            *("--index", str(index_dir), "--questions", str(questions), "--server"),
            *("--chunks", str(chunks), "--budget-s", str(budget_s)),
        ],
        check=True,
        capture_output=True,
        text=True,
    )
    row = json.loads(out.stdout.strip().splitlines()[-1])
    results["server"] = row
    results["server_chunks"] = row["chunks"]
    results["query_p95_ms_1m"] = row["query_p95_ms"]
    results["recall_at_10_1m"] = row["recall_at_10"]
    results["server_ingest_chunks_per_s_1m"] = row["server_ingest_chunks_per_s"]
    results["server_mb_1m"] = row["server_mb"]
    results["server_worker_mb_1m"] = row["worker"]["worker_mb"]


def print_table(results: dict[str, Any]) -> None:
    print(f"{'metric':<26} value")
    for key, value in results.items():
        if key not in {"scale", "server"}:
            print(f"{key:<26} {value}")
    if "scale" in results:
        print(f"\n{'chunks':>8} {'p50 ms':>8} {'p95 ms':>8} {'bm25 p95':>9} {'build s':>8} {'MiB':>7}")
        for size, row in results["scale"].items():
            print(
                f"{size:>8} {row['query_p50_ms']:>8} {row['query_p95_ms']:>8} {row['lexical_p95_ms']:>9} "
                f"{row['build_s']:>8} {row['retriever_mb']:>7}"
            )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", required=True, type=Path, help="folder with the corpus files (a mirror)")
    parser.add_argument("--questions", type=Path, default=ROOT.parent / "shared" / "eval" / "dev.jsonl")
    parser.add_argument("--manifest", type=Path, help="corpus manifest (default: the project's)")
    parser.add_argument("--repeat", type=int, default=3, help="passes over the questions for latency")
    parser.add_argument("--sizes", default=",".join(map(str, SIZES)), help="synthetic sizes; empty to skip")
    parser.add_argument("--clients", type=int, default=4, help="concurrent threads / processes")
    parser.add_argument("--server-chunks", type=int, default=1_000_000, help="synthetic chunks on a Chroma server")
    parser.add_argument("--server-budget-s", type=float, default=1200, help="stop sending to the server after this")
    parser.add_argument("--skip", default="", help="comma list of parts to skip: naive,scale,concurrency,server")
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "results")
    args = parser.parse_args()
    skip = set(filter(None, args.skip.split(",")))
    items = load_questions(args.questions)
    results: dict[str, Any] = {}

    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        extra = {"manifest": args.manifest} if args.manifest else {}
        settings = Settings(
            index_dir=tmp / "index",
            cache_dir=tmp / "cache",
            corpus_mirror=args.corpus,
            embedding=EmbeddingSettings(onnx_dir=tmp / "models"),
            **extra,
        )
        retriever = bench_govqa(settings, items, args.repeat, results)
        if "naive" not in skip:
            bench_naive(settings, tmp, items, results)
            results["govqa_over_naive_ingest"] = round(results["ingest_s"] / results["naive_ingest_s"], 2)
        results["peak_rss_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)
        results["index_mb"] = round(_dir_mb(settings.index_dir), 1)
        questions = [it["question"] for it in items]
        if "concurrency" not in skip:
            results.update(concurrency.bench(settings, retriever, questions, args.clients, tmp))
        del retriever
        sizes = tuple(int(s) for s in args.sizes.split(",") if s)
        results["query_p95_ms_100k"] = None
        if "scale" not in skip and sizes:
            bench_scale(settings.index_dir, args.questions, sizes, results)
        for key in ("query_p95_ms_1m", "recall_at_10_1m", "server_ingest_chunks_per_s_1m"):
            results[key] = None  # stable keys, null when the server part is skipped
        if "server" not in skip and args.server_chunks > 0:
            bench_server(settings.index_dir, args.questions, args.server_chunks, args.server_budget_s, results)

    print_table(results)
    stamp = time.strftime("%Y-%m-%dT%H%M%S")
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / f"{stamp}.json").write_text(
        json.dumps({"machine": machine(settings), "results": results}, indent=2) + "\n"
    )
    print(json.dumps({k: v for k, v in results.items() if k not in {"scale", "server"}}))


if __name__ == "__main__":
    main()
