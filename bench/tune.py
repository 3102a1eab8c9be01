"""Choose fusion weights on one fixed half of the dev questions and confirm them on the other.

    .venv/bin/python bench/tune.py ../shared/eval/dev.jsonl ../shared/eval/dev-faq.jsonl \
        --grid weight_dense=0,0.5,1 --grid weight_e5=0,1,2 [--choose odd]

Loads the index once (the settings come from GOVQA_* as for `govqa`), then scores retrieval (hit@1, hit@5,
MRR over the answerable questions) for every combination of the grid, on the odd-id and even-id halves
apart. The table is sorted by the chosen half; a setting is worth keeping only if the other half agrees.
Question embeddings are cached across combinations, so a grid of a hundred costs little more than one.
"""

from __future__ import annotations

import argparse
import itertools
import json
import time
from pathlib import Path
from typing import Any

from govqa import Settings, build_retriever, load_questions
from govqa.evaluation import Report, half_of, score_question


def parse_grid(specs: list[str]) -> dict[str, list[float]]:
    """`name=v1,v2` pairs → {retrieval setting: values}."""
    grid: dict[str, list[float]] = {}
    for spec in specs:
        name, _, values = spec.partition("=")
        grid[name] = [float(v) for v in values.split(",")]
    return grid


def score(retriever: Any, items: list[dict[str, Any]], k: int = 10) -> dict[str, dict[str, float]]:
    """hit@1, hit@5 and MRR of each half and of all questions, with the retriever's current settings."""
    reports = {"odd": Report(), "even": Report(), "all": Report(), "ja": Report()}
    for item in items:
        result = score_question(item, retriever.retrieve(item["question"], k=k))
        for group in (half_of(item), "all", "ja" if item.get("lang") == "ja" else None):
            if group:
                reports[group].results.append(result)
    keep = ("hit@1", "hit@5", "mrr")
    return {half: {key: r.metrics().get(key, 0.0) for key in keep} for half, r in reports.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("questions", nargs="+")
    parser.add_argument("--grid", action="append", default=[], help="retrieval setting=v1,v2,… (repeatable)")
    parser.add_argument("--choose", choices=["odd", "even"], default="odd", help="the half settings are chosen on")
    parser.add_argument("--top", type=int, default=15, help="rows to print")
    args = parser.parse_args()

    settings = Settings()
    items = [item for path in args.questions for item in load_questions(Path(path))]
    retriever = build_retriever(settings)
    retriever.query_cache_size = 100_000
    grid = parse_grid(args.grid)
    rows = []
    started = time.perf_counter()
    for values in itertools.product(*grid.values()):
        update = dict(zip(grid, values, strict=True))
        retriever.settings = settings.model_copy(update={"retrieval": settings.retrieval.model_copy(update=update)})
        rows.append((update, score(retriever, items)))
    other = "even" if args.choose == "odd" else "odd"
    rows.sort(key=lambda r: (-r[1][args.choose]["hit@5"], -r[1][args.choose]["mrr"]))
    print(
        f"{len(rows)} settings × {len(items)} questions in {time.perf_counter() - started:.0f} s; "
        f"models: {settings.embedding.dense_model} dense, USE {settings.embedding.multilingual}, "
        f"e5 beside {settings.embedding.e5}; sorted by the {args.choose} half"
    )
    print(
        f"{'setting':<60} {args.choose + ' hit@5/MRR':>16} {other + ' hit@5/MRR':>16} {'all hit@1/hit@5/MRR':>22}"
        f" {'ja hit@5':>9}"
    )
    for update, m in rows[: args.top]:
        name = " ".join(f"{k.removeprefix('weight_')}={v:g}" for k, v in update.items())
        mine, theirs, both = m[args.choose], m[other], m["all"]
        print(
            f"{name:<60} {mine['hit@5']:>7.2f}/{mine['mrr']:.2f} {theirs['hit@5']:>11.2f}/{theirs['mrr']:.2f}"
            f" {both['hit@1']:>11.2f}/{both['hit@5']:.2f}/{both['mrr']:.2f} {m['ja']['hit@5']:>9.2f}"
        )
    print(json.dumps([{"setting": u, "scores": m} for u, m in rows]))


if __name__ == "__main__":
    main()
