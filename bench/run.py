"""Benchmarks: ingest, re-ingest and retrieval latency on a corpus folder, printed as a table and,
on the last line, one JSON object. Results are also saved under bench/results/.

    python bench/run.py --corpus ../shared/corpus [--questions ../shared/eval/dev.jsonl]

Times are wall-clock on this machine; nothing here asserts a target (targets live in the README).
"""

from __future__ import annotations

import argparse
import json
import platform
import resource
import statistics
import tempfile
import time
from pathlib import Path

from govqa.corpus import load_manifest, require_file
from govqa.embedding import build_embedders, embed_many
from govqa.evaluation import load_questions
from govqa.ingest import chunk_document, embedding_text, ingest
from govqa.retrieval import Retriever
from govqa.settings import Settings

ROOT = Path(__file__).resolve().parents[1]


def _dir_mb(path: Path) -> float:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file()) / 2**20


def _percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--corpus", required=True, help="folder with the corpus files (a mirror)")
    parser.add_argument("--questions", default=str(ROOT.parent / "shared" / "eval" / "dev.jsonl"))
    parser.add_argument("--repeat", type=int, default=3, help="passes over the questions for latency")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        settings = Settings(index_dir=Path(tmp) / "index", cache_dir=Path(tmp) / "cache",
                            corpus_mirror=Path(args.corpus))
        embedders = build_embedders(settings)
        results: dict[str, object] = {}

        t0 = time.perf_counter()
        reports = ingest(settings, embedders=embedders)
        results["ingest_s"] = round(time.perf_counter() - t0, 2)
        results["chunks"] = sum(r.chunks for r in reports)
        results["failed_documents"] = [r.doc_id for r in reports if r.state == "failed"]

        # Raw model time on exactly the texts ingest embedded: the floor ingest cannot beat.
        manifest = load_manifest(settings.manifest)
        texts = []
        for doc in manifest.documents:
            chunks, _ = chunk_document(doc, require_file(doc, settings.cache_dir, settings.corpus_mirror), settings)
            texts.extend(embedding_text(doc, c) for c in chunks)
        t0 = time.perf_counter()
        for embedder in embedders.values():
            embed_many(embedder, texts)
        results["embed_only_s"] = round(time.perf_counter() - t0, 2)
        results["ingest_over_embed"] = round(float(results["ingest_s"]) / float(results["embed_only_s"]), 2)

        t0 = time.perf_counter()
        ingest(settings, embedders=embedders)
        results["reingest_s"] = round(time.perf_counter() - t0, 2)

        retriever = Retriever(settings, embedders=embedders)
        questions = [q["question"] for q in load_questions(Path(args.questions))]
        retriever.retrieve(questions[0])  # warm-up
        latencies = []
        for _ in range(args.repeat):
            for q in questions:
                retriever.clear_query_cache()  # every question pays for its own embeddings
                t0 = time.perf_counter()
                retriever.retrieve(q)
                latencies.append((time.perf_counter() - t0) * 1000)
        results["query_p50_ms"] = round(statistics.median(latencies), 1)
        results["query_p95_ms"] = round(_percentile(latencies, 0.95), 1)
        results["queries"] = len(latencies)
        results["peak_rss_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)
        results["index_mb"] = round(_dir_mb(settings.index_dir), 1)

    machine = {"python": platform.python_version(), "machine": platform.machine(),
               "processor": platform.processor(), "cpus": __import__("os").cpu_count()}
    print(f"{'metric':<22} value")
    for key, value in results.items():
        print(f"{key:<22} {value}")
    stamp = time.strftime("%Y-%m-%dT%H%M%S")
    out = ROOT / "bench" / "results" / f"{stamp}.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps({"machine": machine, "results": results}, indent=2) + "\n")
    print(json.dumps(results))


if __name__ == "__main__":
    main()
