"""Claim verdicts scored as a journalist meets them (pure; evaluation.py feeds it one outcome per claim).

Kept apart from evaluation.py's retrieval and answer metrics: a claim's verdict is judged on every claim (no
verdict is a wrong one), and a refusal is a verdict — "the texts do not address it" — right only for the claims
FORMAT.md marks `not_addressed`.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class ClaimOutcome:
    """How one claim fared: the verdict given (a refusal in claim mode is a "not_addressed" verdict), the gold
    verdict, and whether the first citation is a gold passage. Kept per claim so any subset can be scored."""

    id: str
    half: str  # "odd" or "even" (evaluation.half_of)
    lang: str
    gold: str
    given: str | None
    refused: bool
    first_gold: bool
    check: str = ""  # what decided (Answer.verdict_check): the deciding check's or finding's key


def claim_outcome(item: dict[str, Any], record: dict[str, Any], *, half: str, first_gold: bool) -> ClaimOutcome:
    """The outcome of a claim's answer record (a --dump record); the caller says its half and whether its first
    citation cites a gold item (evaluation.py's matching rule)."""
    given = record.get("verdict") or ("not_addressed" if record["refused"] else None)
    return ClaimOutcome(
        str(item["id"]),
        half,
        item.get("lang", "en"),
        str(item.get("verdict")),
        given,
        bool(record["refused"]),
        first_gold,
        str(record.get("check") or ""),
    )


def claim_metrics(outcomes: Sequence[ClaimOutcome]) -> dict[str, float]:
    """Verdicts on claims, as a journalist meets them.

    recall: every claim counts, no verdict is wrong, and a refusal ("not addressed") is right only for a claim the
    texts do not address; precision: right verdicts over the verdicts given (a refusal is one); given: the share
    of claims with a verdict; first citation gold: over the claims the texts address; refused: the share of
    not-addressed claims refused, and of addressed claims refused."""
    if not outcomes:
        return {}
    given = [o for o in outcomes if o.given]
    right = [o for o in given if o.given == o.gold]
    addressed = [o for o in outcomes if o.gold != "not_addressed"]
    silent = [o for o in outcomes if o.gold == "not_addressed"]

    def rate(part: Sequence[ClaimOutcome], whole: Sequence[ClaimOutcome]) -> float:
        return len(part) / len(whole) if whole else 0.0

    def refused(o: ClaimOutcome) -> bool:
        return o.refused or o.given == "not_addressed"

    return {
        "n": float(len(outcomes)),
        "verdict_recall": rate(right, outcomes),
        "verdict_given": rate(given, outcomes),
        "verdict_precision": rate(right, given),
        "first_citation_gold": rate([o for o in addressed if o.first_gold], addressed),
        "unanswerable_refused": rate([o for o in silent if refused(o)], silent),
        "answerable_refused": rate([o for o in addressed if refused(o)], addressed),
    }


CLAIM_SUMMARY = (
    "verdict_recall",
    "verdict_given",
    "verdict_precision",
    "first_citation_gold",
    "unanswerable_refused",
    "answerable_refused",
)


def claim_sets(outcomes: Sequence[ClaimOutcome]) -> dict[str, list[ClaimOutcome]]:
    """The claims of a run by half and by language, the subsets the claim table reports."""
    sets: dict[str, list[ClaimOutcome]] = {"all": list(outcomes)}
    for half in ("odd", "even"):
        sets[half] = [o for o in outcomes if o.half == half]
    for lang in sorted({o.lang for o in outcomes}):
        sets[lang] = [o for o in outcomes if o.lang == lang]
    return {name: rows for name, rows in sets.items() if rows}


def check_counts(outcomes: Sequence[ClaimOutcome]) -> list[tuple[str, str, str, str, int]]:
    """How many claims each check decided, by language, gold verdict and verdict given ("open": none), most
    first: where a run's right and wrong verdicts come from. It names no claim, so a held-out set can be read
    this way and stay held out."""
    counts = Counter((o.lang, o.gold, o.given or "open", o.check or "-") for o in outcomes)
    return [(*key, n) for key, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))]
