"""The facts a business gives once for an assessment (schema version 1), read and checked in one place.

Every field may be `null` (unknown); an empty list means "none". Keys are never renamed: later versions only
add keys. A malformed file raises one `FactsError` naming the field, the value and the valid values.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any

from govqa.errors import FactsError

SCHEMA_VERSION = 1
# The manifest's jurisdictions (INTL aside: nobody is established "internationally") plus the ones a business
# may name that the corpus has no binding text for yet.
JURISDICTIONS = ("JP", "EU", "US", "US-CO", "KR", "CN", "SG", "other")
ROLES = ("developer", "provider", "deployer", "importer", "distributor", "business_user")
DECISIONS = (
    "employment",
    "credit",
    "education",
    "housing",
    "insurance",
    "healthcare",
    "legal_services",
    "essential_public_services",
    "law_enforcement",
    "migration",
)
PURPOSES = ("commercial", "research", "military", "personal")
SYSTEM_FLAGS = (
    "general_purpose_model",
    "generative",
    "interacts_with_people",
    "emotion_recognition",
    "biometric_identification",
    "social_scoring",
    "uses_personal_data",
)
# field path → the values it may hold: a tuple of choices for lists and one-of fields, a type name otherwise
VOCABULARY: dict[str, tuple[str, ...] | str] = {
    "established_in": JURISDICTIONS,
    "markets": JURISDICTIONS,
    "roles": ROLES,
    "employees": "count",
    **{f"system.{flag}": "bool" for flag in SYSTEM_FLAGS},
    "system.consequential_decisions": DECISIONS,
    "system.purpose": PURPOSES,
}
LIST_FIELDS = ("established_in", "markets", "roles", "system.consequential_decisions")

Value = tuple[str, ...] | bool | int | str | None


@dataclass(frozen=True)
class SystemFacts:
    general_purpose_model: bool | None = None
    generative: bool | None = None
    interacts_with_people: bool | None = None
    emotion_recognition: bool | None = None
    biometric_identification: bool | None = None
    social_scoring: bool | None = None
    uses_personal_data: bool | None = None
    consequential_decisions: tuple[str, ...] | None = None
    purpose: str | None = None


@dataclass(frozen=True)
class Facts:
    """What the business told us; None = unknown, () = none."""

    established_in: tuple[str, ...] | None = None
    markets: tuple[str, ...] | None = None
    roles: tuple[str, ...] | None = None
    employees: int | None = None
    system: SystemFacts = SystemFacts()

    def value(self, path: str) -> Value:
        """The value at a dotted path such as "system.generative"."""
        head, _, rest = path.partition(".")
        return getattr(self.system, rest) if head == "system" else getattr(self, head)

    def unknown(self) -> list[str]:
        return [path for path in VOCABULARY if self.value(path) is None]

    def to_json(self) -> dict[str, Any]:
        """The schema's JSON form (lists as lists, unknowns as null)."""

        def plain(v: Value) -> Any:
            return list(v) if isinstance(v, tuple) else v

        out: dict[str, Any] = {f.name: plain(getattr(self, f.name)) for f in fields(self) if f.name != "system"}
        out["system"] = {f.name: plain(getattr(self.system, f.name)) for f in fields(self.system)}
        return out


def _allowed(path: str) -> str:
    vocab = VOCABULARY[path]
    if isinstance(vocab, tuple):
        shape = "a list of" if path in LIST_FIELDS else "one of"
        return f"{shape} {', '.join(vocab)} (or null if unknown{', [] for none' if path in LIST_FIELDS else ''})"
    return {"bool": "true, false or null", "count": "a whole number ≥ 0 or null"}[vocab]


def _check(path: str, raw: Any) -> Value:
    """One field's value, or a FactsError naming it."""
    if raw is None:
        return None
    vocab = VOCABULARY[path]

    def bad(detail: str = "") -> FactsError:
        return FactsError(f"facts: `{path}` is {json.dumps(raw, ensure_ascii=False)}{detail}; use {_allowed(path)}")

    if vocab == "bool":
        if not isinstance(raw, bool):
            raise bad()
        return raw
    if vocab == "count":
        if isinstance(raw, bool) or not isinstance(raw, int) or raw < 0:
            raise bad()
        return raw
    assert isinstance(vocab, tuple)
    if path not in LIST_FIELDS:
        if raw not in vocab:
            raise bad()
        return str(raw)
    if not isinstance(raw, list):
        raise bad(" (not a list)")
    for item in raw:
        if item not in vocab:
            raise bad(f" ({json.dumps(item, ensure_ascii=False)} is not a valid value)")
    return tuple(dict.fromkeys(raw))


def _check_keys(data: Mapping[str, Any], known: set[str], where: str) -> None:
    for key in data:
        if key not in known:
            raise FactsError(f"facts: unknown field `{where}{key}`; the fields are {', '.join(sorted(known))}")


def parse_facts(data: Any) -> Facts:
    """Facts from the schema's JSON object; missing keys are unknown. Raises FactsError naming the bad field."""
    if not isinstance(data, dict):
        raise FactsError('facts: expected a JSON object such as {"markets": ["EU"], "system": {…}}')
    top = {p for p in VOCABULARY if "." not in p}
    _check_keys(data, top | {"system", "schema_version"}, "")
    version = data.get("schema_version", SCHEMA_VERSION)
    if version != SCHEMA_VERSION:
        raise FactsError(f"facts: `schema_version` is {version!r}; this govqa reads version {SCHEMA_VERSION}")
    system = data.get("system") or {}
    if not isinstance(system, dict):
        raise FactsError("facts: `system` must be an object (or null if unknown)")
    _check_keys(system, {p.partition(".")[2] for p in VOCABULARY if p.startswith("system.")}, "system.")
    sys_values = {key: _check(f"system.{key}", value) for key, value in system.items()}
    top_values = {key: _check(key, value) for key, value in data.items() if key in top}
    return Facts(**top_values, system=SystemFacts(**sys_values))  # type: ignore[arg-type]


def load_facts(path: Path) -> Facts:
    """Facts from a JSON file; a file that is not JSON or breaks the schema raises FactsError naming it."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise FactsError(f"{path}: cannot read the facts file ({exc.strerror})") from exc
    except json.JSONDecodeError as exc:
        raise FactsError(f"{path}: not JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})") from exc
    try:
        return parse_facts(data)
    except FactsError as exc:
        raise FactsError(f"{path}: {exc}") from exc


# The question that settles each field, for the form and for "what would change the outcome": (en, ja).
QUESTIONS: dict[str, tuple[str, str]] = {
    "established_in": ("Where is your organisation established?", "貴社の拠点（設立地）はどこですか？"),
    "markets": (
        "Where is the system offered, its output used or its users located?",
        "システムを提供する地域、出力が利用される地域、利用者のいる地域はどこですか？",
    ),
    "roles": ("What is your role for the AI system?", "AIシステムに対する貴社の役割は何ですか？"),
    "employees": ("How many (full-time-equivalent) employees do you have?", "従業員数（フルタイム換算）は何人ですか？"),
    "system.general_purpose_model": (
        "Is it a general-purpose AI model (a foundation model others build on)?",
        "汎用AIモデル（他者が組み込む基盤モデル）ですか？",
    ),
    "system.generative": (
        "Does it generate text, images, audio or video?",
        "テキスト・画像・音声・動画を生成しますか？",
    ),
    "system.interacts_with_people": ("Does it interact directly with people?", "人と直接やり取りしますか？"),
    "system.emotion_recognition": ("Does it recognise or infer emotions?", "感情を認識・推定しますか？"),
    "system.biometric_identification": (
        "Does it identify or categorise people from biometric data?",
        "生体データから人を識別・分類しますか？",
    ),
    "system.social_scoring": (
        "Does it score people on their social behaviour or personality?",
        "人の社会的行動や人格を点数化しますか？",
    ),
    "system.uses_personal_data": ("Does it handle personal data?", "個人情報を取り扱いますか？"),
    "system.consequential_decisions": (
        "Which significant decisions about people does it make or support?",
        "人に関するどの重要な判断を行い、または支援しますか？",
    ),
    "system.purpose": ("What is it used for?", "利用目的は何ですか？"),
}


def question(path: str, lang: str = "en") -> str:
    en, ja = QUESTIONS[path]
    return ja if lang == "ja" else en
