"""The deciding checks, in one order that every answer mode runs (ask, claim, applies, compare, quote).

Each check is `check(query, passages, ctx) -> Finding | None`: it reads the question's record (never the question
string), the passages and the library, and either concludes or passes. The first finding decides the answer:

    1. role_absence        the named law has no provision of the asked kind  → "No" (a claim's verdict)
    2. unheld_text         asked only about texts the library lists, not holds  → declined, official source
    3. retrieved           nothing was retrieved                               → declined
    4. unknown_names       a name the corpus never mentions                    → declined
    5. coverage            the passages share too few of the question's terms   → declined
    6. later_event         a later event, fate, uptake or vote no text records → gap, closest passages
    7. delegated           the detail is left to an instrument not held         → gap, the delegating provision
    8. unheld_instrument   the content of a report/guide the library lacks      → gap, closest passages
    9. unmentioned_topic   no part of the named text mentions the topic         → gap, closest passages
   10. unmentioned         a year, law number or name no passage mentions       → gap, closest passages
   11. claim_figures       (claims) a figure the evidence never states          → not addressed

Role absence runs first because it is an answer found by structure, whatever the passages' wording; the gate
(2–5) before the gaps (6–10), which assume the texts are about the question's topic.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from govqa.answering.absence import check_role_absence
from govqa.answering.answerability import (
    check_delegated,
    check_unheld_instrument,
    check_unmentioned,
    check_unmentioned_topic,
)
from govqa.answering.findings import CheckContext, Finding
from govqa.answering.later import check_later_event
from govqa.answering.refusal import check_coverage, check_retrieved, check_unheld_text, check_unknown_names
from govqa.answering.stated_figures import check_claim_figures
from govqa.records import Passage
from govqa.search.analysis import QueryAnalysis

Check = Callable[[QueryAnalysis, Sequence[Passage], CheckContext], Finding | None]

CHECKS: tuple[Check, ...] = (
    check_role_absence,
    check_unheld_text,
    check_retrieved,
    check_unknown_names,
    check_coverage,
    check_later_event,
    check_delegated,
    check_unheld_instrument,
    check_unmentioned_topic,
    check_unmentioned,
    check_claim_figures,
)


def first_finding(
    query: QueryAnalysis, passages: Sequence[Passage], ctx: CheckContext, checks: Sequence[Check] = CHECKS
) -> Finding | None:
    """The first check's finding, in the documented order; None when the passages answer the question."""
    for check in checks:
        if (finding := check(query, passages, ctx)) is not None:
            return finding
    return None
