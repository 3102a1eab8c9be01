"""Conditions over facts, read three-valued: True, False, or None when a fact they need is unknown.

A condition in a rule file is a string atom or a table of atoms:

    "markets has EU"                        a list field holds a value
    "roles has_any provider,developer"      … any of these values
    "system.consequential_decisions nonempty"
    "system.generative"  /  "not system.generative"
    "employees < 50"  /  "employees >= 50"
    "system.purpose = military"
    {all = [...]}  /  {any = [...]}         nested freely; a plain list means all

Kleene logic: `all` is False if any part is False, else None if any is unknown; `any` mirrors it. Atoms are
checked against the facts vocabulary when the rules load, so a typo fails the build, not an assessment.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from govqa.assessment.facts import LIST_FIELDS, VOCABULARY, Facts
from govqa.errors import RuleError

_OPS = ("has_any", "has", "nonempty", ">=", "<", "=")


@dataclass(frozen=True)
class Atom:
    path: str
    op: str  # "is" for a bare boolean field
    values: tuple[str, ...] = ()
    negated: bool = False

    def evaluate(self, facts: Facts) -> bool | None:
        value = facts.value(self.path)
        if value is None:
            return None
        if self.op == "is":
            result = bool(value)
        elif self.op in ("has", "has_any"):
            result = any(v in value for v in self.values)  # type: ignore[operator]
        elif self.op == "nonempty":
            result = bool(value)
        elif self.op == "=":
            result = value == self.values[0]
        else:
            limit = int(self.values[0])
            result = value >= limit if self.op == ">=" else value < limit  # type: ignore[operator]
        return not result if self.negated else result


@dataclass(frozen=True)
class Condition:
    """`kind` is "atom", "all" or "any"."""

    kind: str
    atom: Atom | None = None
    parts: tuple[Condition, ...] = ()

    def evaluate(self, facts: Facts) -> bool | None:
        if self.atom is not None:
            return self.atom.evaluate(facts)
        results = [p.evaluate(facts) for p in self.parts]
        decisive = self.kind == "any"  # True decides an `any`, False decides an `all`
        if decisive in results:
            return decisive
        return None if None in results else not decisive

    def fields(self) -> Iterable[str]:
        """The fact paths this condition reads."""
        if self.atom is not None:
            yield self.atom.path
        for p in self.parts:
            yield from p.fields()

    def unknown_fields(self, facts: Facts) -> list[str]:
        return list(dict.fromkeys(f for f in self.fields() if facts.value(f) is None))


ALWAYS = Condition("all")  # an empty `all` holds


def _atom(text: str, where: str) -> Atom:
    words = text.split()
    negated = bool(words) and words[0] == "not"
    words = words[1:] if negated else words
    if not words or words[0] not in VOCABULARY:
        raise RuleError(f"{where}: condition {text!r} does not start with a facts field ({', '.join(VOCABULARY)})")
    path, rest = words[0], words[1:]
    vocab = VOCABULARY[path]
    if not rest:
        if vocab != "bool":
            raise RuleError(f"{where}: condition {text!r}: `{path}` is not true/false; compare it with an operator")
        return Atom(path, "is", negated=negated)
    op, values = rest[0], tuple(v for part in rest[1:] for v in part.split(",") if v)
    if op not in _OPS:
        raise RuleError(f"{where}: condition {text!r}: unknown operator {op!r}; use one of {', '.join(_OPS)}")
    if op in ("has", "has_any", "nonempty") and path not in LIST_FIELDS:
        raise RuleError(f"{where}: condition {text!r}: `{op}` needs a list field")
    if op in (">=", "<") and (vocab != "count" or len(values) != 1 or not values[0].isdecimal()):
        raise RuleError(f"{where}: condition {text!r}: `{op}` compares a count with one whole number")
    if isinstance(vocab, tuple) and (bad := [v for v in values if v not in vocab]):
        raise RuleError(f"{where}: condition {text!r}: {bad} not among the values of `{path}` ({', '.join(vocab)})")
    if (op in ("has", "=") and len(values) != 1) or (op == "nonempty" and values):
        raise RuleError(f"{where}: condition {text!r}: wrong number of values for `{op}`")
    return Atom(path, op, values, negated)


def parse_condition(raw: Any, where: str) -> Condition:
    """A Condition from its TOML form; RuleError naming `where` when malformed."""
    if raw is None:
        return ALWAYS
    if isinstance(raw, str):
        return Condition("atom", atom=_atom(raw, where))
    if isinstance(raw, list):
        return Condition("all", parts=_parts(raw, where))
    if isinstance(raw, dict) and len(raw) == 1 and next(iter(raw)) in ("all", "any"):
        kind, parts = next(iter(raw.items()))
        if isinstance(parts, list):
            return Condition(kind, parts=_parts(parts, where))
    raise RuleError(f"{where}: a condition is a string, a list, or a table {{all = [...]}} / {{any = [...]}}")


def _parts(raw: Sequence[Any], where: str) -> tuple[Condition, ...]:
    return tuple(parse_condition(r, where) for r in raw)
