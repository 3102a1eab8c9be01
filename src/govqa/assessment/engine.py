"""Facts + one text's rules → that text's result: status, reasons, obligations, and the unknown facts that
would change it. Every reason and obligation carries the verified quote of the provision it rests on.

Status, in order: an exclusion that holds → does_not_apply; a reach that holds → applies (voluntary for a text
that does not bind; may_apply for a reach the text leaves to secondary rules); a reach left open by an unknown
fact → may_apply, with the question that would settle it; otherwise → does_not_apply. An unknown fact can
therefore never produce does_not_apply.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace

from govqa.assessment.facts import Facts
from govqa.assessment.resolve import ProvisionResolver
from govqa.assessment.rules import Clause, TextRules
from govqa.errors import RuleError
from govqa.records import Citation, Document

STATUSES = ("applies", "may_apply", "voluntary", "does_not_apply")


@dataclass(frozen=True)
class Finding:
    text: str
    citation: Citation


@dataclass(frozen=True)
class UnknownFact:
    fact: str  # a facts path, e.g. "markets"
    effect: str  # what knowing it would change, in the rule's words


@dataclass(frozen=True)
class TextResult:
    doc: str
    short_title: str
    jurisdiction: str
    binding: bool
    status: str
    reasons: tuple[Finding, ...]
    obligations: tuple[Finding, ...]
    unknown_facts: tuple[UnknownFact, ...] = ()


@dataclass(frozen=True)
class Assessment:
    facts: Facts
    results: tuple[TextResult, ...]
    lang: str = "en"
    skipped: tuple[str, ...] = field(default=())  # rule files whose document the index does not hold


class _Cites:
    """Resolves clause citations, numbering them in order of first use."""

    def __init__(self, resolver: ProvisionResolver) -> None:
        self.resolver = resolver
        self.numbers: dict[tuple[str, str], int] = {}

    def finding(self, clause: Clause, lang: str) -> Finding:
        key = (clause.doc, clause.cite)
        n = self.numbers.setdefault(key, len(self.numbers) + 1)
        citation = self.resolver.resolve(clause.doc, clause.cite, n)
        if citation is None:  # check_rules runs first; this guards a resolver used without it
            raise RuleError(f"{clause.doc}: the index holds no provision {clause.cite!r}")
        return Finding(clause.words(lang), citation)


def _unknowns(clauses: Sequence[Clause], facts: Facts, lang: str) -> list[UnknownFact]:
    out: list[UnknownFact] = []
    for c in clauses:
        if c.unknown_words(lang) and c.when.evaluate(facts) is None:
            out.extend(UnknownFact(f, c.unknown_words(lang)) for f in c.when.unknown_fields(facts)[:1])
    return out


def assess_text(rules: TextRules, facts: Facts, cites: _Cites, document: Document, lang: str) -> TextResult:
    """One text's result (see the module docstring for the order of the checks)."""
    state = {c: c.when.evaluate(facts) for c in rules.clauses}
    excluded = [c for c in rules.of("exclusion") if state[c]]
    reaches = [c for c in rules.of("reach") if state[c]]
    open_reaches = [c for c in rules.of("reach") if state[c] is None]
    unknown = _unknowns(rules.of("exclusion"), facts, lang) if not excluded else []
    if excluded:
        status, reasons = "does_not_apply", excluded
    elif any(c.status == "applies" for c in reaches):
        status, reasons = ("applies" if rules.binding else "voluntary"), reaches
    elif reaches or open_reaches:
        status, reasons = "may_apply", reaches
        unknown = _unknowns(open_reaches, facts, lang) + unknown
    else:
        status, reasons = "does_not_apply", [rules.outside]
    obligations: list[Clause] = []
    if status != "does_not_apply":
        reasons = reasons + [c for c in rules.of("note") if state[c]]
        obligations = [c for c in rules.of("obligation") if state[c]]
        unknown += _unknowns([*rules.of("note"), *rules.of("obligation")], facts, lang)
    findings = [cites.finding(c, lang) for c in reasons]
    if status == "may_apply" and not findings:  # open reaches: what they rest on; the open fact is listed below
        findings = [cites.finding(c, lang) for c in open_reaches]
    seen: set[tuple[str, str]] = set()
    unique = [u for u in unknown if (u.fact, u.effect) not in seen and not seen.add((u.fact, u.effect))]  # type: ignore[func-returns-value]
    return TextResult(
        rules.doc,
        document.short_title,
        document.jurisdiction,
        rules.binding,
        status,
        tuple(findings),
        tuple(cites.finding(c, lang) for c in obligations),
        tuple(unique),
    )


def _renumber(results: list[TextResult]) -> list[TextResult]:
    """Citation numbers in reading order (they were given in rule-file order); one provision keeps one number."""
    numbers: dict[int, int] = {}

    def again(f: Finding) -> Finding:
        n = numbers.setdefault(f.citation.n, len(numbers) + 1)
        return replace(f, citation=replace(f.citation, n=n))

    return [
        replace(r, reasons=tuple(map(again, r.reasons)), obligations=tuple(map(again, r.obligations))) for r in results
    ]


def check_rules(rules: Sequence[TextRules], resolver: ProvisionResolver) -> list[str]:
    """Every citation a rule makes that the index cannot resolve, as "file: doc locator" lines."""
    missing = []
    for r in rules:
        for doc, locator in r.citations():
            if resolver.resolve(doc, locator) is None:
                missing.append(f"{r.source.name}: {doc} {locator!r}")
    return missing


def assess(
    facts: Facts,
    rules: Sequence[TextRules],
    resolver: ProvisionResolver,
    documents: Mapping[str, Document],
    *,
    lang: str = "en",
) -> Assessment:
    """Assess `facts` against every text whose rules and document the index holds; a cited provision the index
    lacks raises RuleError (a rule file and an index out of step are a build error, not a quiet gap)."""
    present = [r for r in rules if resolver.holds(r.doc) and r.doc in documents]
    if missing := check_rules(present, resolver):
        raise RuleError("assessment rules cite provisions the index does not hold: " + "; ".join(missing))
    cites = _Cites(resolver)
    results = [assess_text(r, facts, cites, documents[r.doc], lang) for r in present]
    results.sort(key=lambda t: STATUSES.index(t.status))  # stable: file order within a status
    results = _renumber(results)
    skipped = tuple(r.doc for r in rules if r not in present)
    return Assessment(facts, tuple(results), lang, skipped)
