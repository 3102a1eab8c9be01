"""Which embedding models pay for themselves inside govqa's hybrid: one row per model set, each with the fusion
weights chosen for it on the odd-id half of the dev questions (bench/tune.py), scored on both halves.

    .venv/bin/python bench/models.py --mirror ../shared/corpus ../shared/eval/dev.jsonl ../shared/eval/dev-faq.jsonl

For every configuration: `govqa ingest` into its own index folder (the shared embedding cache makes repeats
cheap), then `govqa eval --halves --markdown`; the rows are printed as one table, labelled with the commit.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path

from govqa.evaluation import run_label

ROOT = Path(__file__).resolve().parents[1]
# name → the environment that selects its models and the weights chosen for it on the odd half
CONFIGS: dict[str, dict[str, str]] = {
    "MiniLM + USE (previous defaults)": {
        "GOVQA_EMBEDDING__E5": "false",
        "GOVQA_EMBEDDING__MULTILINGUAL": "true",
        "GOVQA_RETRIEVAL__RRF_K": "10",
        "GOVQA_RETRIEVAL__WEIGHT_DENSE": "0.5",
        "GOVQA_RETRIEVAL__WEIGHT_LEXICAL": "1.0",
    },
    "MiniLM + e5: e5 replacing USE (defaults)": {},
    "MiniLM + USE + e5: e5 beside both": {
        "GOVQA_EMBEDDING__MULTILINGUAL": "true",
        "GOVQA_RETRIEVAL__RRF_K": "10",
        "GOVQA_RETRIEVAL__WEIGHT_DENSE": "0.5",
        "GOVQA_RETRIEVAL__WEIGHT_E5": "0.5",
        "GOVQA_RETRIEVAL__WEIGHT_LEXICAL": "1.0",
    },
    "e5 + USE: e5 replacing MiniLM": {
        "GOVQA_EMBEDDING__DENSE_MODEL": "e5",
        "GOVQA_EMBEDDING__MULTILINGUAL": "true",
        "GOVQA_RETRIEVAL__RRF_K": "10",
        "GOVQA_RETRIEVAL__WEIGHT_DENSE": "1.0",
        "GOVQA_RETRIEVAL__WEIGHT_FOCUS": "0",
    },
    "e5 alone (+ BM25)": {
        "GOVQA_EMBEDDING__DENSE_MODEL": "e5",
        "GOVQA_RETRIEVAL__WEIGHT_DENSE": "1.0",
        "GOVQA_RETRIEVAL__WEIGHT_FOCUS": "0",
    },
}


def run(args: list[str], env: dict[str, str]) -> str:
    done = subprocess.run([sys.executable, "-m", "govqa.cli", *args], env=env, capture_output=True, text=True)
    if done.returncode != 0:
        raise SystemExit(f"govqa {' '.join(args)} failed:\n{done.stderr[-2000:]}")
    return done.stdout


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("questions", nargs="+")
    parser.add_argument("--mirror", required=True)
    parser.add_argument("--work", type=Path, default=ROOT / ".govqa" / "bench-models", help="index folders")
    args = parser.parse_args()
    print(f"{', '.join(Path(q).name for q in args.questions)} (dev sets, tuned on): {run_label()}")
    header_printed = False
    for n, (name, extra) in enumerate(CONFIGS.items()):
        env = {**os.environ, "GOVQA_INDEX_DIR": str(args.work / f"config-{n}"), **extra}
        run(["ingest", "--mirror", args.mirror], env)
        table = run(["eval", *args.questions, "--halves", "--markdown"], env).splitlines()[1:]
        if not header_printed:
            print("| models | " + table[0].removeprefix("| "))
            print("|---" + table[1])
            header_printed = True
        for row in table[2:]:
            print(f"| {name} " + row)


if __name__ == "__main__":
    main()
