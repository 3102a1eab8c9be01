"""int8 against fp32 ONNX graphs on the real chunks: the vectors two indexes of the same corpus hold.

    GOVQA_EMBEDDING__ONNX_PRECISION=fp32 govqa --index-dir A ingest
    GOVQA_EMBEDDING__ONNX_PRECISION=int8 govqa --index-dir B ingest
    python bench/precision.py --fp32 A --int8 B [--precision int8-mixed] [--questions dev.jsonl …]

For every index (MiniLM "dense", "e5") and every chunk both hold (same chunker, so same ids): the cosine
between its fp32 and its int8 vector, mean and minimum; then each question embedded by fp32 and by
`--precision` (int8 or int8-mixed, both models; e5 gives questions a "query: " prefix, so they are compared
apart). Prints a table, then one JSON object.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

import numpy as np

from govqa import EmbeddingSettings, Settings, build_embedders, load_questions
from govqa.index.embedders import expected_model_names
from govqa.index.store import ChromaStore


def _settings(index_dir: Path, precision: str, onnx_dir: Path | None = None) -> Settings:
    extra = {"onnx_dir": onnx_dir} if onnx_dir else {}
    embedding = EmbeddingSettings(onnx_precision=precision, e5_precision=precision, **extra)  # type: ignore[arg-type]
    return Settings(index_dir=index_dir, embedding=embedding)


def stored_cosines(fp32_dir: Path, int8_dir: Path) -> dict[str, np.ndarray]:
    """Per index: cosine of the two stored vectors of every chunk id both indexes hold."""
    names = expected_model_names(Settings())
    a = ChromaStore(_settings(fp32_dir, "fp32"), model_names=names)
    b = ChromaStore(_settings(int8_dir, "int8"), model_names=names)
    out = {}
    for index in names:
        va, vb = a.vectors(index), b.vectors(index)
        shared = sorted(set(va) & set(vb))
        x = np.array([va[i] for i in shared], dtype=np.float32)
        y = np.array([vb[i] for i in shared], dtype=np.float32)
        out[index] = (x * y).sum(1) / np.linalg.norm(x, axis=1) / np.linalg.norm(y, axis=1)
    return out


def question_cosines(questions: list[str], onnx_dir: Path | None, candidate: str = "int8") -> dict[str, np.ndarray]:
    """Per model: cosine of each question's fp32 and `candidate` query vectors."""
    vectors: dict[str, list[np.ndarray]] = {}
    for precision in ("fp32", candidate):
        for index, embedder in build_embedders(_settings(Path("unused"), precision, onnx_dir)).items():
            vectors.setdefault(index, []).append(np.array([embedder.embed_query(q) for q in questions]))
    return {
        index: (x * y).sum(1) / np.linalg.norm(x, axis=1) / np.linalg.norm(y, axis=1)
        for index, (x, y) in vectors.items()
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--fp32", required=True, type=Path, help="index built with onnx_precision=fp32")
    parser.add_argument("--int8", required=True, type=Path, help="index built with onnx_precision=int8")
    parser.add_argument("--questions", type=Path, nargs="*", default=[], help="question files (FORMAT.md)")
    parser.add_argument("--onnx-dir", type=Path, help="where the graphs are kept (default: the settings')")
    parser.add_argument("--precision", default="int8", choices=["int8", "int8-mixed"], help="the --int8 index's")
    args = parser.parse_args()
    chunks = stored_cosines(args.fp32, args.int8)
    questions = [q["question"] for path in args.questions for q in load_questions(path)]
    asked = question_cosines(questions, args.onnx_dir, args.precision) if questions else {}
    result: dict[str, Any] = {}
    print(f"{'index':<8} {'chunks':>7} {'cos mean':>9} {'cos min':>8} {'questions':>9} {'q mean':>7} {'q min':>7}")
    for index, cos in chunks.items():
        q = asked.get(index, np.ones(0))
        result[index] = {
            "chunks": len(cos),
            "chunk_cos_mean": round(float(cos.mean()), 4),
            "chunk_cos_min": round(float(cos.min()), 4),
            "questions": len(q),
            "question_cos_mean": round(float(q.mean()), 4) if len(q) else None,
            "question_cos_min": round(float(q.min()), 4) if len(q) else None,
        }
        row = result[index]
        print(
            f"{index:<8} {row['chunks']:>7} {row['chunk_cos_mean']:>9} {row['chunk_cos_min']:>8} {row['questions']:>9} "
            f"{row['question_cos_mean']!s:>7} {row['question_cos_min']!s:>7}"
        )
    print(json.dumps(result))


if __name__ == "__main__":
    main()
