"""A claim's figures the texts never state, and the provisions of a named text that do state them (pure).

- `check_claim_figures` (a gate of checks.py): a claimed date's number, amount, percentage, count or period that
  stands nowhere in the documents the evidence comes from (as a whole number; a count, amount or period as a
  figure of its kind, not as a recital's or an article's number), unless the passages state a figure of its kind
  and unit, which the evidence checks compare: the texts do not address the claim.
- `compared`: whether the passages state such a figure, or date the claimed event (also asked of years by
  answerability.py).
- `with_figure_provisions`: the provisions of a named text stating a figure the claim gives, added to its evidence.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Collection, Mapping, Sequence
from typing import Protocol

from govqa.answering.claims import recorded_years
from govqa.answering.counts import counted
from govqa.answering.coverage import STATES_MOST, figure_topic, term_coverage
from govqa.answering.findings import CheckContext, Finding
from govqa.answering.stating import agrees
from govqa.records import Chunk, Document, Passage
from govqa.search.analysis import QueryAnalysis
from govqa.search.claim_figures import Figure, dates_in, figures_in
from govqa.search.claim_reading import ClaimReading
from govqa.text import kanji_to_digits, sentence_spans


def missing_figures(figures: Sequence[str], evidence_text: str) -> list[str]:
    """The claim's figures (dates, amounts) that stand nowhere in the evidence text as whole numbers, a thousands
    separator aside ("100,000" or "100 000" for "100000"): "120" is not stated by "1200", nor by "21, 2025"."""
    evidence = _THOUSANDS.sub("", evidence_text)
    return [n for n in figures if not _whole(n.replace(",", "")).search(evidence)]


_THOUSANDS = re.compile(r"(?<=\d)[, \u00a0\u202f](?=\d{3}(?!\d))")


def _whole(figure: str) -> re.Pattern[str]:
    return re.compile(rf"(?<![\d]){re.escape(figure)}(?![\d])")


def check_claim_figures(query: QueryAnalysis, passages: Sequence[Passage], ctx: CheckContext) -> Finding | None:
    """A claim's figures (dates, amounts) must stand somewhere in the documents the evidence comes from, their
    text or their record's date (a law's signing year is often printed nowhere in its text). A figure of a kind
    and unit the passages state (another percentage, another amount in euros), or a date of an event they date,
    is contradicted rather than unmentioned: the evidence checks compare it."""
    if ctx.mode != "claim" or not query.figures:
        return None
    docs = {p.chunk.doc_id for p in passages[:5]}
    evidence = kanji_to_digits("".join(c.text for c in ctx.chunks if c.doc_id in docs))  # 令和七年 states 令和7年
    evidence += " ".join(d.date for i in sorted(docs) if (d := ctx.documents.get(i)))
    missing = [
        n
        for n in query.figures
        if (
            n in missing_figures([n], evidence)
            or _unstated_as_claimed(n, query, [c for c in ctx.chunks if c.doc_id in docs])
        )
        and n not in _recorded(query, ctx.documents)
        and not compared(n, query, passages[:5])
        and not any(_whole(w).search(evidence.replace(" ", "")) for w in _in_words(n, query))
    ]
    if missing and counted(query.claim, ctx.documents, ctx.chunks):  # compared with the text's numbering
        counts = {f"{f.value:g}" for f in query.claim.figures if f.kind == "count"} if query.claim else set()
        missing = [n for n in missing if n not in counts]
    return (
        Finding("missing_figures", "gate", {"figures": tuple(_as_written(n, query) for n in missing)})
        if missing
        else None
    )


def _as_written(number: str, query: QueryAnalysis) -> str:
    """A missing number as the claim writes its figure ("1 million users" for the "1" of it), else the number."""
    claimed = [f.text for f in (query.claim.figures if query.claim else ()) if number in f.text.replace(",", "")]
    return next(iter(claimed), number)


def _unstated_as_claimed(figure: str, query: QueryAnalysis, chunks: Sequence[Chunk]) -> bool:
    """A claimed amount, percentage, count or period whose number the texts hold only as something else: a
    recital's or an article's number ("(140)" for "a staff of 140"), a year, a figure of another kind ("140
    days"). Texts state a figure as one: its value with its kind."""
    claimed = [f for f in (query.claim.figures if query.claim else ()) if figure in f.text.replace(",", "")]
    if not claimed or any(f.kind == "count" and f.value == 1 for f in claimed):
        return False  # a date's number or a bare one; or a count of one, which texts write "once", "a", "single"
    return not any(g.kind == f.kind and agrees(f, g) for c in chunks for g in _figures_of(c.text) for f in claimed)


@functools.lru_cache(maxsize=50_000)
def _figures_of(text: str) -> tuple[Figure, ...]:
    return tuple(figures_in(text))


def _in_words(figure: str, query: QueryAnalysis) -> list[str]:
    """How an English text writes a claimed amount given in 万 or 億 (「3000万ウォン」: "30 million"): the same
    figure, not a missing one."""
    amounts = [f.value for f in query.claim.figures if figure in f.text] if query.claim else []
    return [f"{v / unit:g}{word}" for v in amounts for unit, word in ((1e6, "million"), (1e9, "billion")) if v >= unit]


def _recorded(query: QueryAnalysis, documents: Mapping[str, Document]) -> set[str]:
    """The figures of a claimed date that `record_date` compares with the named text's own date line: its
    enactment (or issue) date, year, month and day ("2025年6月4日に公布": 2025, 6 and 4); and of a claimed
    revocation date that `record_revocation` compares with the held revoking text's date."""
    years = recorded_years(query.claim, documents)
    dates = [d for d in (query.claim.dates if query.claim else ()) if str(d.year) in years]
    return {str(n) for d in dates for n in (d.year, d.month, d.day) if n}


def compared(figure: str, query: QueryAnalysis, passages: Sequence[Passage]) -> bool:
    """Whether the passages state a figure of the kind and unit the claim gives `figure` in, or a date of the event
    it dates: then the figure is compared with theirs, not declared unmentioned."""
    if query.claim is None:
        return False
    text = " ".join(p.chunk.text for p in passages)
    stated = figures_in(text)
    events = {d.event for d in dates_in(text) if d.event}
    claimed = [f for f in query.claim.figures if figure in f.text.replace(" ", "")]
    dated = [d.event for d in query.claim.dates if figure in d.text and d.event]
    if any(f.compares_with(g) or f.apart_from(g) for f in claimed for g in stated) or any(e in events for e in dated):
        return True
    # a year of no named event ("looks forward to reviewing progress … in 2026") against a dated sentence stating
    # most of the year's clause ("Looks forward also to the overall review …, in 2025, of the progress …"), as the
    # date check compares such a year only in a sentence stating most of the claim
    undated = [d for d in query.claim.dates if figure in d.text and not d.event]
    return any(
        dates_in(sentence) and term_coverage(dict.fromkeys(figure_topic(query.claim, d), 1.0), sentence) >= STATES_MOST
        for d in undated
        for p in passages
        for sentence in (p.chunk.text[a:b] for a, b in sentence_spans(p.chunk.text))
    )


FIGURE_PROVISIONS = 3  # provisions stating the claimed figure added to the evidence, at most


class FigureTable:
    """The figures (kind, unit, value) each chunk states, read once per chunk when first needed: reading a law's
    every provision costs about half a second, too much to repeat for each claim."""

    def __init__(self) -> None:
        self._of: dict[str, frozenset[tuple[str, str, float]]] = {}

    def of(self, chunk: Chunk) -> frozenset[tuple[str, str, float]]:
        if (found := self._of.get(chunk.id)) is None:
            found = self._of[chunk.id] = frozenset((f.kind, f.unit, f.value) for f in figures_in(chunk.text))
        return found


class ByStructure(Protocol):
    """What finds provisions by structure (the retriever): its chunks, and passages for some of them."""

    chunks: list[Chunk]

    def passages_for(self, ids: Sequence[str], exclude: Sequence[Passage] = ()) -> list[Passage]: ...


def with_figure_provisions(
    reading: ClaimReading | None,
    passages: Sequence[Passage],
    library: ByStructure,
    table: FigureTable,
    allowed: Collection[str],
) -> list[Passage]:
    """The passages, then (at most FIGURE_PROVISIONS) provisions of the texts the claim names, among those
    searched (`allowed`), that state a period, amount or percentage the claim gives, with its unit and value ("a plan
    every three years": "every 3 years"): where a law states a figure is where a claim of it is checked,
    whatever else the claim's wording retrieved. Counts are left out (a count is of the claim's own nouns)."""
    wanted = {(f.kind, f.unit, f.value) for f in (reading.figures if reading else ()) if f.kind != "count"}
    docs = set(allowed) & set(reading.doc_ids) if reading and wanted else set()
    found = [c.id for c in library.chunks if c.doc_id in docs and wanted & table.of(c)]
    return [*passages, *library.passages_for(found, passages)[:FIGURE_PROVISIONS]] if found else list(passages)
