"""Decision logic as data: one TOML file per text in `rules/` (see docs/assessment.md for the format).

A file names its document (`doc`, a manifest id), whether the text binds (`binding`), and clauses:

    [[reach]]       a way the text reaches the business (status "applies", or "may_apply" where the text
                    leaves the point to secondary rules)
    [[exclusion]]   a way the text leaves the business out
    [[note]]        a finding worth stating when its condition holds (no penalties, a voluntary character…)
    [[obligation]]  what the text asks when its condition holds
    [outside]       the finding when no reach holds

Each clause has `when` (a condition, see conditions.py), its words (`finding`/`what`, optional `*_ja`), `cite`
(the provision it rests on, as the index names it; `cite_doc` for another document) and `if_unknown` (what an
unknown fact would change). The words are ours; the quote shown is always the indexed text of `cite`.
"""

from __future__ import annotations

import tomllib
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from govqa.assessment.conditions import ALWAYS, Condition, parse_condition
from govqa.errors import RuleError

RULES_DIR = Path(__file__).parent / "rules"
KINDS = ("reach", "exclusion", "note", "obligation")
_KEYS = {"when", "finding", "finding_ja", "what", "what_ja", "cite", "cite_doc", "status", "if_unknown",
         "if_unknown_ja"}  # fmt: skip


@dataclass(frozen=True)
class Clause:
    kind: str  # one of KINDS, or "outside"
    when: Condition
    text: str
    text_ja: str
    doc: str  # the document the cited provision is in
    cite: str
    status: str = "applies"  # a reach's status when it holds
    if_unknown: str = ""
    if_unknown_ja: str = ""

    def words(self, lang: str) -> str:
        return self.text_ja if lang == "ja" and self.text_ja else self.text

    def unknown_words(self, lang: str) -> str:
        return self.if_unknown_ja if lang == "ja" and self.if_unknown_ja else self.if_unknown


@dataclass(frozen=True)
class TextRules:
    doc: str
    binding: bool
    clauses: tuple[Clause, ...]
    outside: Clause
    source: Path

    def of(self, kind: str) -> list[Clause]:
        return [c for c in self.clauses if c.kind == kind]

    def citations(self) -> list[tuple[str, str]]:
        return [(c.doc, c.cite) for c in (*self.clauses, self.outside)]


def _clause(kind: str, raw: Any, doc: str, where: str) -> Clause:
    if not isinstance(raw, dict):
        raise RuleError(f"{where}: expected a table")
    if unknown := set(raw) - _KEYS:
        raise RuleError(f"{where}: unknown keys {sorted(unknown)}; the keys are {sorted(_KEYS)}")
    text_key = "what" if kind == "obligation" else "finding"
    text, cite = raw.get(text_key), raw.get("cite")
    if not isinstance(text, str) or not text.strip() or not isinstance(cite, str) or not cite.strip():
        raise RuleError(f"{where}: needs `{text_key}` (our words) and `cite` (the provision it rests on)")
    status = raw.get("status", "applies")
    if status not in ("applies", "may_apply") or (status != "applies" and kind != "reach"):
        raise RuleError(f'{where}: `status` is {status!r}; only a reach may say "may_apply"')
    return Clause(
        kind,
        parse_condition(raw.get("when"), where) if kind != "outside" else ALWAYS,
        text.strip(),
        str(raw.get(f"{text_key}_ja", "")).strip(),
        str(raw.get("cite_doc", doc)),
        cite.strip(),
        status,
        str(raw.get("if_unknown", "")).strip(),
        str(raw.get("if_unknown_ja", "")).strip(),
    )


def load_rule_file(path: Path) -> TextRules:
    """One text's rules; RuleError naming the file and the clause when malformed."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise RuleError(f"{path}: cannot read the rule file ({exc})") from exc
    doc = data.get("doc")
    if not isinstance(doc, str) or not isinstance(data.get("binding"), bool):
        raise RuleError(f'{path}: needs `doc = "<manifest id>"` and `binding = true|false`')
    if unknown := set(data) - {"doc", "binding", "outside", *KINDS}:
        raise RuleError(f"{path}: unknown tables or keys {sorted(unknown)}")
    clauses = [
        _clause(kind, raw, doc, f"{path.name} [[{kind}]] #{i + 1}")
        for kind in KINDS
        for i, raw in enumerate(data.get(kind, []))
    ]
    if not any(c.kind == "reach" for c in clauses) or "outside" not in data:
        raise RuleError(f"{path}: needs at least one [[reach]] and an [outside] finding")
    outside = _clause("outside", data["outside"], doc, f"{path.name} [outside]")
    return TextRules(doc, data["binding"], tuple(clauses), outside, path)


def load_rules(rules_dir: Path = RULES_DIR, doc_ids: Sequence[str] | None = None) -> list[TextRules]:
    """Every rule file in `rules_dir` (file order), optionally only those for `doc_ids` present there."""
    rules = [load_rule_file(p) for p in sorted(rules_dir.glob("*.toml"))]
    if not rules:
        raise RuleError(f"{rules_dir}: no rule files (*.toml)")
    seen: set[str] = set()
    for r in rules:
        if r.doc in seen:
            raise RuleError(f"{r.source}: a second rule file for {r.doc}")
        seen.add(r.doc)
    return [r for r in rules if doc_ids is None or r.doc in doc_ids]
