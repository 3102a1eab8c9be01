"""How long the real chunks are in tokens, per encoder: what a shorter sequence cap would cut.

    python bench/tokens.py --corpus ../shared/corpus [--manifest M]

Chunks the manifest's documents as ingest does, builds each chunk's embedding text, and counts its tokens with
e5's tokenizer ("passage: " prefix, <s> and </s> included) and MiniLM's ([CLS] and [SEP] included, before its
256-token cap). For each cap: the share of chunks it would cut and the share of all tokens it would keep.
Prints a table, then one JSON object.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import numpy as np
from tokenizers import Tokenizer

from govqa import Settings, chunk_document, embedding_text, load_manifest, require_file
from govqa.index.e5 import packaged_e5_path
from govqa.index.e5_onnx import E5Tokenizer, read_packed_model
from govqa.index.embedders import packaged_minilm_path

CAPS = (128, 192, 256, 320, 384, 512)


def chunk_texts(settings: Settings) -> list[str]:
    texts: list[str] = []
    for doc in load_manifest(settings.manifest).documents:
        chunks, _ = chunk_document(doc, require_file(doc, settings.cache_dir, settings.corpus_mirror), settings)
        texts.extend(embedding_text(doc, c) for c in {c.id: c for c in chunks}.values())
    return texts


def token_counts(texts: list[str]) -> dict[str, np.ndarray]:
    e5 = E5Tokenizer(read_packed_model(packaged_e5_path()))
    minilm = Tokenizer.from_file(str(Path(packaged_minilm_path()) / "tokenizer.json"))
    minilm.no_truncation()
    minilm.no_padding()
    return {
        "e5": np.array([len(ids) + 2 for ids in e5.content_ids([f"passage: {t}" for t in texts])]),
        "minilm": np.array([len(e.ids) for e in minilm.encode_batch(texts)]),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", required=True, type=Path, help="folder with the corpus files (a mirror)")
    parser.add_argument("--manifest", type=Path, help="corpus manifest (default: the project's)")
    parser.add_argument("--cache-dir", type=Path, help="where documents are copied (default: the settings')")
    args = parser.parse_args()
    extra = {k: v for k, v in {"manifest": args.manifest, "cache_dir": args.cache_dir}.items() if v}
    texts = chunk_texts(Settings(corpus_mirror=args.corpus, **extra))
    result = {}
    for model, n in token_counts(texts).items():
        pcts = dict(
            zip(("p50", "p75", "p90", "p95", "p99", "max"), np.percentile(n, [50, 75, 90, 95, 99, 100]), strict=True)
        )
        row = {"chunks": len(n), "tokens": int(n.sum()), "mean": round(float(n.mean()), 1)}
        row |= {k: int(v) for k, v in pcts.items()}
        row["caps"] = {
            cap: {
                "chunks_cut": round(float(np.mean(n > cap)), 3),
                "tokens_kept": round(float(np.minimum(n, cap).sum() / n.sum()), 3),
            }
            for cap in CAPS
        }
        result[model] = row
        print(
            f"{model}: {len(n)} chunks, {row['tokens']} tokens, mean {row['mean']}, p50/p90/p95/p99/max "
            f"{row['p50']}/{row['p90']}/{row['p95']}/{row['p99']}/{row['max']}"
        )
        for cap, c in row["caps"].items():
            print(f"  cap {cap:>4}: {c['chunks_cut']:.3f} of chunks cut, {c['tokens_kept']:.3f} of tokens kept")
    print(json.dumps(result))


if __name__ == "__main__":
    main()
