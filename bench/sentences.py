"""What a sentence-vector table filled at ingest would cost: every distinct sentence the quote chooser can score
(`quotes.sentence_texts`) of an index, embedded with e5, beside e5 on the index's chunk texts.

    python bench/sentences.py --index DIR [--manifest M] [--with-chunks]

Reads an index built by `govqa ingest`; writes nothing. Prints wall and CPU seconds; the last line is JSON.
See docs/benchmarks.md (why the table is filled lazily, by answers, and not at ingest).
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path
from typing import Any

from govqa import Settings, build_embedders, open_store
from govqa.answering.quotes import sentence_texts
from govqa.corpus import load_manifest
from govqa.index.embedders import embed_many, embedding_text


def _timed(fn: Any) -> tuple[float, float]:
    t0, c0 = time.perf_counter(), time.process_time()
    fn()
    return round(time.perf_counter() - t0, 1), round(time.process_time() - c0, 1)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--index", required=True, type=Path)
    parser.add_argument("--manifest", type=Path, help="corpus manifest (default: the project's)")
    parser.add_argument("--with-chunks", action="store_true", help="also time e5 on the chunk texts")
    args = parser.parse_args()
    extra = {"manifest": args.manifest} if args.manifest else {}
    settings = Settings(index_dir=args.index, **extra)
    embedders = build_embedders(settings)
    e5 = embedders["e5"]
    chunks = open_store(settings, embedders).chunks()
    texts = sentence_texts(chunks)
    out: dict[str, Any] = {"chunks": len(chunks), "sentences": len(texts)}
    out["sentences_wall_s"], out["sentences_cpu_s"] = _timed(lambda: embed_many(e5, texts))
    if args.with_chunks:
        docs = {d.id: d for d in load_manifest(settings.manifest).documents}
        chunk_texts = [embedding_text(docs[c.doc_id], c) for c in chunks if c.doc_id in docs]
        out["chunks_wall_s"], out["chunks_cpu_s"] = _timed(lambda: embed_many(e5, chunk_texts))
    for key, value in out.items():
        print(f"{key:<18} {value}")
    print(json.dumps(out))


if __name__ == "__main__":
    main()
