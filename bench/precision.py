"""int8 against fp32 ONNX graphs: the same chunk texts embedded by both precisions of each model.

    python bench/precision.py --index DIR [--limit N]

Reads the chunks of an index already built (`govqa ingest`), rebuilds the text each model saw, embeds it
with `embedding.onnx_precision` fp32 and int8 (both graphs made once in `embedding.onnx_dir`), and prints
per model the mean and minimum cosine between the two vectors of each chunk and the seconds each precision
took, then one JSON object on the last line. Questions are compared too (e5 gives them a "query: " prefix).
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path
from typing import Any

import numpy as np

from govqa import Settings, build_embedders, embedding_text, load_manifest, load_questions, open_store
from govqa.index.embedders import embed_many


def _texts(settings: Settings, limit: int) -> list[str]:
    docs = {d.id: d for d in load_manifest(settings.manifest).documents}
    chunks = [c for c in open_store(settings, build_embedders(settings)).chunks() if c.doc_id in docs]
    texts = [embedding_text(docs[c.doc_id], c) for c in chunks]
    return texts[:: max(1, len(texts) // limit)][:limit] if limit else texts


def _cosines(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    a = a / np.linalg.norm(a, axis=1, keepdims=True)
    b = b / np.linalg.norm(b, axis=1, keepdims=True)
    return np.asarray((a * b).sum(axis=1))


def compare(settings: Settings, texts: list[str], questions: list[str]) -> dict[str, Any]:
    """Per model: cosine fp32 vs int8 on the passages and on the questions, and each precision's seconds."""
    vectors: dict[str, dict[str, tuple[np.ndarray, np.ndarray]]] = {}
    seconds: dict[str, dict[str, float]] = {}
    for precision in ("fp32", "int8"):
        embedders = build_embedders(
            settings.model_copy(
                update={"embedding": settings.embedding.model_copy(update={"onnx_precision": precision})}
            )
        )
        for index, embedder in embedders.items():
            t0 = time.perf_counter()
            passages = np.array(embed_many(embedder, texts), dtype=np.float32)
            seconds.setdefault(index, {})[precision] = round(time.perf_counter() - t0, 2)
            asked = np.array([embedder.embed_query(q) for q in questions], dtype=np.float32)
            vectors.setdefault(index, {})[precision] = (passages, asked)
    out: dict[str, Any] = {"texts": len(texts), "questions": len(questions)}
    for index, by in vectors.items():
        passages = _cosines(by["fp32"][0], by["int8"][0])
        asked = _cosines(by["fp32"][1], by["int8"][1]) if questions else np.ones(1)
        out[index] = {
            "passage_cos_mean": round(float(passages.mean()), 4),
            "passage_cos_min": round(float(passages.min()), 4),
            "query_cos_mean": round(float(asked.mean()), 4),
            "query_cos_min": round(float(asked.min()), 4),
            "fp32_s": seconds[index]["fp32"],
            "int8_s": seconds[index]["int8"],
        }
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--index", required=True, type=Path, help="an index built by `govqa ingest`")
    parser.add_argument("--questions", type=Path, nargs="*", default=[], help="question files (FORMAT.md)")
    parser.add_argument("--limit", type=int, default=0, help="embed an even sample of this many chunks (0 = all)")
    args = parser.parse_args()
    settings = Settings(index_dir=args.index)
    questions = [q["question"] for path in args.questions for q in load_questions(path)]
    result = compare(settings, _texts(settings, args.limit), questions)
    print(
        f"{'model':<14} {'cos mean':>9} {'cos min':>8} {'q cos mean':>10} {'q cos min':>9} {'fp32 s':>7} {'int8 s':>7}"
    )
    for index, row in result.items():
        if isinstance(row, dict):
            print(
                f"{index:<14} {row['passage_cos_mean']:>9} {row['passage_cos_min']:>8} {row['query_cos_mean']:>10} "
                f"{row['query_cos_min']:>9} {row['fp32_s']:>7} {row['int8_s']:>7}"
            )
    print(json.dumps(result))


if __name__ == "__main__":
    main()
