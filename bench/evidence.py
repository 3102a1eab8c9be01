"""Evidence sentences against the first citation, on the claims of question files (nothing is wired into answers).

    python bench/evidence.py DUMP.jsonl QUESTIONS.jsonl [QUESTIONS.jsonl ...] [--top 3]

For each claim the texts address (FORMAT.md: gold is not empty), retrieves the passages as `govqa eval` does,
reads the claim (search/claim_reading.py), ranks the passages' sentences (answering/evidence.py, with and
without the e5 sentence scorer) and asks: does the best sentence stand in a gold passage — the gold quote's
half-match rule of `govqa eval` against the sentence's passage — and, from DUMP (`govqa eval --dump` of the
same code), did the answer's first citation? Also what the ordered checks would decide on the top sentences,
against the gold verdict. Prints one table per half and language, then the per-claim lines.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from govqa import Settings, make_answerer
from govqa.answering.evidence import decide, rank_evidence
from govqa.claim_scores import claim_sets
from govqa.evaluation import cites, half_match, half_of, load_questions
from govqa.records import Passage
from govqa.search.claim_reading import ClaimReader


def gold_passage(passage: Passage, gold: Sequence[dict[str, Any]]) -> bool:
    """The passage holds a gold item (govqa eval's half-match rule; another edition of the text counts)."""
    docs = {passage.chunk.doc_id, *(e.chunk.doc_id for e in passage.editions)}
    return any(g["doc"] in docs and half_match(g["quote"], passage.chunk.text) for g in gold)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dump", help="govqa eval --dump output for the same questions")
    parser.add_argument("questions", nargs="+")
    parser.add_argument("--top", type=int, default=3, help="sentences the checks look at")
    args = parser.parse_args(argv)
    records = {r["id"]: r for r in map(json.loads, Path(args.dump).read_text(encoding="utf-8").splitlines())}
    answerer = make_answerer(Settings())
    reader = ClaimReader(answerer.retriever.manifest)
    rows: list[dict[str, Any]] = []
    for item in (i for path in args.questions for i in load_questions(Path(path)) if i["kind"] == "claim"):
        passages = [p for p in answerer.retriever.retrieve(item["question"], k=10) if not p.edition_of]
        reading = reader.read(item["question"])
        lexical = rank_evidence(reading, passages, answerer.idf)
        dense = rank_evidence(reading, passages, answerer.idf, similarity=answerer.similarity)
        decided = decide(reading, dense, answerer.idf, top=args.top)
        record = records.get(item["id"], {"citations": []})
        rows.append(
            {
                "id": item["id"],
                "half": half_of(item),
                "lang": item.get("lang", "en"),
                "gold": item["verdict"],
                "addressed": bool(item["gold"]),
                "first": any(cites(c, g) for c in record["citations"][:1] for g in item["gold"]),
                "lexical": bool(lexical) and gold_passage(lexical[0].passage, item["gold"]),
                "dense": bool(dense) and gold_passage(dense[0].passage, item["gold"]),
                "passage1": bool(passages) and gold_passage(passages[0], item["gold"]),
                "check": f"{decided[0].check}:{decided[0].verdict}" if decided else "-",
                "given": record.get("verdict"),
            }
        )
    print_tables(rows)
    for r in rows:
        print(json.dumps(r, ensure_ascii=False))
    return 0


def print_tables(rows: list[dict[str, Any]]) -> None:
    """Per half and language: the share of addressed claims whose first citation / best sentence (lexical, with
    e5) / first retrieved passage is gold; and the ordered checks' verdicts (given, right) over all claims."""
    print(
        "| set | addressed | first citation gold | top sentence gold (lexical) | top sentence gold (+e5) "
        "| top passage gold | checks decide | checks right |"
    )
    print("|---|---|---|---|---|---|---|---|")
    by_id = {r["id"]: r for r in rows}

    class _Outcome:  # claim_sets groups anything with half and lang
        def __init__(self, r: dict[str, Any]) -> None:
            self.id, self.half, self.lang = r["id"], r["half"], r["lang"]

    for name, subset in claim_sets([_Outcome(r) for r in rows]).items():  # type: ignore[arg-type]
        rs = [by_id[o.id] for o in subset]
        addressed = [r for r in rs if r["addressed"]]

        def share(key: str, rs: list[dict[str, Any]] = addressed) -> str:
            return f"{sum(r[key] for r in rs) / len(rs):.2f}" if rs else "-"

        decided = [r for r in rs if r["check"] != "-"]
        right = sum(r["check"].split(":")[1] == r["gold"] for r in decided)
        print(
            f"| {name} | {len(addressed)} | {share('first')} | {share('lexical')} | {share('dense')} "
            f"| {share('passage1')} | {len(decided)}/{len(rs)} | {right}/{len(decided)} |"
        )


if __name__ == "__main__":
    raise SystemExit(main())
