"""Judging a journalist's claim against the quotes found for it (pure)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from govqa.answering.quotes import Quote, coverage
from govqa.records import Verdict
from govqa.text import FIGURE


def missing_figures(claim: str, evidence_text: str) -> list[str]:
    """The claim's figures (dates, amounts) that stand nowhere in the evidence text (commas and spaces aside)."""
    evidence = evidence_text.replace(",", "").replace(" ", "")
    return [n for n in FIGURE.findall(claim) if n.replace(",", "") not in evidence]


NEGATION = re.compile(r"\b(no|not|never|none|without|only|neither|nor|cannot)\b|ない|ません|なし", re.I)


def judge_claim(claim: str, quotes: Sequence[Quote], idf: dict[str, float]) -> tuple[Verdict | None, str]:
    """A verdict only where a quote covers the claim's content: same polarity → supported; opposite
    polarity → refuted. Anything less leaves the verdict open (None) for the reader."""
    if not quotes:
        return "not_addressed", "No passage addresses the claim."
    best = quotes[0]
    cover = coverage(claim, [best.passage], idf)
    if cover < 0.3:
        return None, f"The closest passage covers {cover:.0%} of the claim's terms."
    claim_neg = bool(NEGATION.search(claim))
    quote_neg = bool(NEGATION.search(best.text))
    if claim_neg == quote_neg:
        return "supported", f"{best.passage.chunk.locator} states the claim's terms with the same polarity."
    return "refuted", f"{best.passage.chunk.locator} states the claim's terms with the opposite polarity."
