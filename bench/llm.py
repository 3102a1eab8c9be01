"""The configured LLM engine beside the extractive engine, on the same questions and the same index.

    python bench/llm.py [--llm llamacpp|openai] [--limit N] [--dump answers.jsonl] [questions.jsonl ...]

Runs `govqa.evaluation.evaluate_answers` over the question files (default: the two dev sets) once per engine and
prints a Markdown table: gold passage cited, refusals both ways, claim verdicts, how much of the model's output
verification removed and how often the answer shown is the model's, time to first token and per answer. The LAST
LINE of stdout is one JSON object. Settings come from govqa.toml and GOVQA_* as everywhere (e.g.
GOVQA_LLM__BASE_URL for --llm openai); nothing here asserts a target.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from langchain_core.language_models import BaseChatModel

from govqa import (
    Answer,
    Answerer,
    Retriever,
    Settings,
    build_retriever,
    evaluate_answers,
    load_questions,
    make_answerer,
)
from govqa.evaluation import run_label

DEFAULT_QUESTIONS = ("../shared/eval/dev.jsonl", "../shared/eval/dev-faq.jsonl")
# (metric key, row label, decimals); a metric an engine does not have prints as "–".
ROWS = (
    ("citation_recall", "gold passage cited", 2),
    ("unanswerable_refused", "unanswerable refused", 2),
    ("answerable_refused", "answerable refused", 2),
    ("claim_verdict_accuracy", "claim verdict right", 2),
    ("llm_answers_written", "answers in the model's words", 2),
    ("llm_declined", "model replies with no answer line", 2),
    ("llm_lines_removed", "model lines removed by verification", 2),
    ("llm_first_token_s_median", "median s to first token", 1),
    ("llm_total_s_median", "median s of model time per answer", 1),
    ("answer_s_median", "median s per answer (all in)", 1),
)


class Recorded:
    """An answerer that keeps its last answer, for the dump (evaluate_answers hands `dump` the record only)."""

    def __init__(self, answerer: Answerer) -> None:
        self.inner, self.retriever = answerer, answerer.retriever
        self.engine: str = getattr(answerer, "engine", "extractive")
        self.last: Answer | None = None

    def answer(self, question: str, **kw: Any) -> Answer:
        self.last = self.inner.answer(question, **kw)
        return self.last


def parse(argv: Sequence[str] | None) -> argparse.Namespace:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("questions", nargs="*", type=Path, default=[Path(p) for p in DEFAULT_QUESTIONS])
    ap.add_argument("--llm", choices=["llamacpp", "openai"], default="llamacpp", help="the LLM engine's backend")
    ap.add_argument("--limit", type=int, help="only the first N questions (a quick trial)")
    ap.add_argument("--dump", type=Path, help="write the LLM engine's answer records here (JSON lines)")
    return ap.parse_args(argv)


def compare(items: list[dict[str, Any]], engines: dict[str, Any], dump: Callable[[dict[str, Any]], None] | None):
    """Each engine's answer metrics over the same questions (`dump` gets the last engine's records)."""
    names = list(engines)
    return {
        name: evaluate_answers(items, engine, dump=dump if name == names[-1] else None)["all"].answers.metrics()
        for name, engine in engines.items()
    }


def table(results: dict[str, dict[str, float]], label: str, n: int) -> str:
    names = list(results)
    lines = [
        f"bench/llm.py, {n} questions, {label}",
        "",
        f"| engine | {' | '.join(names)} |",
        "|---|" + "---|" * len(names),
    ]
    for key, row, digits in ROWS:
        cells = [f"{m[key]:.{digits}f}" if key in m else "–" for m in results.values()]
        lines.append(f"| {row} | {' | '.join(cells)} |")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None, *, retriever: Retriever | None = None, llm: BaseChatModel | None = None):
    """Run both engines and print the table, then the JSON line. `retriever` and `llm` replace the ones the
    settings would build (tests pass a fixture index and a fake chat model)."""
    args = parse(argv)
    settings = retriever.settings if retriever else Settings()
    if llm is None:  # the backend --llm names, built from the settings
        settings = settings.model_copy(update={"llm": settings.llm.model_copy(update={"backend": args.llm})})
    retriever = retriever or build_retriever(settings)
    items = [item for path in args.questions for item in load_questions(path)][: args.limit]
    model = Recorded(make_answerer(settings, llm=llm, retriever=retriever))
    engines = {"extractive": Answerer(settings, retriever), model.engine: model}
    out = args.dump.open("w", encoding="utf-8") if args.dump else None

    def dump(record: dict[str, Any]) -> None:
        assert out is not None and model.last is not None
        ans = model.last  # which engine wrote the answer shown, and why the model's was not shown
        record |= {"engine": ans.engine, "notice": ans.notice, "model_lines": ans.model_lines}
        out.write(json.dumps(record, ensure_ascii=False) + "\n")
        out.flush()
        print(f"answered {record['id']}", file=sys.stderr, flush=True)

    try:
        results = compare(items, engines, dump if out else None)
    finally:
        if out:
            out.close()
    label = run_label()
    print(table(results, label, len(items)))
    print(json.dumps({"label": label, "questions": len(items), "engines": results}))
    return results


if __name__ == "__main__":
    main()
