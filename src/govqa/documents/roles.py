"""Chunk roles: what kind of provision a chunk is (definition, obligation, penalty…), read from the
document's own captions first and from conservative per-language wording cues second.

The vocabulary and every pattern are data in `ingest/roles.toml` (its header explains the rules); this
module only loads and checks that file (`load_roles`), applies it to a chunk (`roles_of`) and counts a
document's roles (`role_counts`). All are pure apart from reading the file. A role string is a name of
ROLES, "obligation:ADDRESSEE" beside a plain "obligation", or "definition:party" beside a plain "definition"
(the definition of a person or body: who the text binds or protects).
"""

from __future__ import annotations

import re
import tomllib
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from govqa.errors import ConfigError
from govqa.records import Chunk

ROLES = (
    "purpose",
    "definition",
    "scope",
    "exclusion",
    "obligation",
    "prohibition",
    "right",
    "enforcement",
    "authority",
    "dates",
    "delegation",
    "legal_nature",
    "other",
)
OBLIGATION = "obligation"
DEFINITION = "definition"
PARTY_DEFINITION = "definition:party"  # defines a person or body: a scope question's answer often lies here
OTHER = "other"
_LANGUAGE_KEYS = {"captions", "cues", "addressees", "parties", "subject_marker", "joiner"}
# Sentence ends for finding an obligation's subject; "。" inside 「…という。」 or （…。） ends nothing.
_SENTENCE_END = re.compile(r"(?<=[.;!?])\s+(?=[A-Z(\"“‘\d])|(?<=。)(?![）」])|(?<=다\.)\s+")

Patterns = tuple[re.Pattern[str], ...]


@dataclass(frozen=True)
class LanguageRules:
    """One language's patterns: captions and cues per role, addressees per name."""

    captions: dict[str, Patterns]
    cues: dict[str, Patterns]
    addressees: dict[str, Patterns]
    parties: Patterns = ()  # a definition whose term is a person or body ("'deployer' means a person …")
    subject_marker: re.Pattern[str] | None = None  # what must follow an obligation's subject ("は")
    joiner: re.Pattern[str] | None = None  # what may stand between two joined subjects ("及び")


@dataclass(frozen=True)
class RoleRules:
    """The loaded roles file: per language rules, caption overrides, and the addressee names in order."""

    source: str
    languages: dict[str, LanguageRules]
    overrides: dict[str, frozenset[str]]
    addressees: tuple[str, ...]


# ---------------------------------------------------------------- loading


def _compile(value: object, where: str) -> re.Pattern[str]:
    if not isinstance(value, str) or not value:
        raise ConfigError(f"{where}: expected a non-empty regular expression string, got {value!r}.")
    try:
        return re.compile(value, re.IGNORECASE)
    except re.error as exc:
        raise ConfigError(f"{where}: bad regular expression {value!r}: {exc}; fix the pattern.") from exc


def _pattern_table(table: object, names: tuple[str, ...], where: str) -> dict[str, Patterns]:
    """{name: [regex, …]} with every name from `names`, compiled."""
    if not isinstance(table, dict):
        raise ConfigError(f"{where}: expected a table of name = [patterns], got {type(table).__name__}.")
    out: dict[str, Patterns] = {}
    for name, patterns in table.items():
        at = f"{where}.{name}"
        if name not in names:
            raise ConfigError(f"{at}: unknown name {name!r}; known: {', '.join(names)}.")
        if not isinstance(patterns, list):
            raise ConfigError(f"{at}: expected a list of regular expressions, got {type(patterns).__name__}.")
        out[name] = tuple(_compile(p, f"{at}[{i}]") for i, p in enumerate(patterns))
    return out


def _language(lang: str, data: object, addressees: tuple[str, ...], where: str) -> LanguageRules:
    at = f"{where} [{lang}]"
    if not isinstance(data, dict):
        raise ConfigError(f"{at}: expected a table with captions, cues and addressees.")
    if unknown := set(data) - _LANGUAGE_KEYS:
        raise ConfigError(
            f"{at}: unknown key(s) {', '.join(sorted(unknown))}; known: {', '.join(sorted(_LANGUAGE_KEYS))}."
        )
    marker, joiner = data.get("subject_marker"), data.get("joiner")
    parties = data.get("parties", [])
    if not isinstance(parties, list):
        raise ConfigError(f"{at} parties: expected a list of regular expressions, got {type(parties).__name__}.")
    return LanguageRules(
        captions=_pattern_table(data.get("captions", {}), ROLES, f"{at} captions"),
        cues=_pattern_table(data.get("cues", {}), ROLES, f"{at} cues"),
        addressees=_pattern_table(data.get("addressees", {}), addressees, f"{at} addressees"),
        parties=tuple(_compile(p, f"{at} parties[{i}]") for i, p in enumerate(parties)),
        subject_marker=None if marker is None else _compile(marker, f"{at} subject_marker"),
        joiner=None if joiner is None else _compile(joiner, f"{at} joiner"),
    )


def _overrides(table: object, where: str) -> dict[str, frozenset[str]]:
    if not isinstance(table, dict):
        raise ConfigError(f"{where} [overrides]: expected a table of role = [roles].")
    out = {}
    for role, blocked in table.items():
        at = f"{where} [overrides] {role}"
        if role not in ROLES or not isinstance(blocked, list) or not set(blocked) <= set(ROLES):
            raise ConfigError(f"{at}: must map a role to a list of roles; known roles: {', '.join(ROLES)}.")
        out[role] = frozenset(blocked)
    return out


def parse_roles(data: dict[str, Any], where: str) -> RoleRules:
    """Check and compile a parsed roles file; `where` names it in every error."""
    described = data.get("roles")
    if not isinstance(described, dict) or set(described) != set(ROLES):
        have = sorted(described) if isinstance(described, dict) else []
        raise ConfigError(f"{where} [roles]: must describe exactly the roles {', '.join(ROLES)}; it has {have}.")
    names = data.get("addressees", {})
    if not isinstance(names, dict) or any(not re.fullmatch(r"[a-z_]+", n) for n in names):
        raise ConfigError(f"{where} [addressees]: expected a table of lower_case_name = description.")
    addressees = tuple(names)
    languages = {
        lang: _language(lang, table, addressees, where)
        for lang, table in data.items()
        if lang not in {"roles", "addressees", "overrides"}
    }
    return RoleRules(where, languages, _overrides(data.get("overrides", {}), where), addressees)


def load_roles(path: Path) -> RoleRules:
    """Load and check `ingest/roles.toml` (or another roles file); any fault is a ConfigError naming it."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise ConfigError(f"Roles file {path} is missing; restore it or set GOVQA_ROLES to another one.") from exc
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ConfigError(f"Roles file {path} is not valid TOML: {exc}") from exc
    return parse_roles(data, str(path))


# ---------------------------------------------------------------- tagging


def _matches(patterns: Patterns, text: str) -> bool:
    return any(p.search(text) for p in patterns)


def _names_in(text: str, lang: LanguageRules) -> set[str]:
    return {name for name, patterns in lang.addressees.items() if _matches(patterns, text)}


def _subject(before: str, lang: LanguageRules) -> set[str]:
    """Addressees that are the subject of an obligation cue: the nearest one before it (followed by the
    language's subject marker, if it has one), and those joined to it ("国及び地方公共団体は")."""
    found = sorted(
        (
            (m.start(), m.end(), name)
            for name, patterns in lang.addressees.items()
            for p in patterns
            for m in p.finditer(before)
        ),
        key=lambda hit: (hit[1], -hit[0]),
    )
    marked = [h for h in found if lang.subject_marker is None or lang.subject_marker.match(before[h[1] :])]
    if not marked:
        return set()
    start, _, name = marked[-1]
    names = {name}
    for prev_start, prev_end, prev_name in reversed(found):
        if prev_end > start:
            continue
        if lang.joiner is None or not lang.joiner.match(before[prev_end:start]):
            break
        names.add(prev_name)
        start = prev_start
    return names


def _cue_addressees(text: str, lang: LanguageRules) -> set[str]:
    names: set[str] = set()
    for sentence in _SENTENCE_END.split(" ".join(text.split())):
        for cue in lang.cues.get(OBLIGATION, ()):
            for m in cue.finditer(sentence):
                names |= _subject(sentence[: m.start()], lang)
    return names


def _caption_roles(chunk: Chunk, lang: LanguageRules) -> tuple[set[str], set[str]]:
    """Roles from the chunk's headings, and the addressees its own unit's caption names when that caption
    gives the obligation ("Obligations of deployers"; a chapter listing several parties names none)."""
    roles = {role for heading in chunk.heading_path for role, pats in lang.captions.items() if _matches(pats, heading)}
    own = chunk.heading_path[-1] if chunk.heading_path else ""
    addressees = _names_in(own, lang) if _matches(lang.captions.get(OBLIGATION, ()), own) else set()
    return roles, addressees


def roles_of(chunk: Chunk, rules: RoleRules) -> tuple[str, ...]:
    """The chunk's roles in vocabulary order, each obligation addressee after "obligation" and
    "definition:party" after "definition"; ("other",) when nothing applies."""
    lang = rules.languages.get(chunk.lang)
    if lang is None:
        return (OTHER,)
    roles, addressees = _caption_roles(chunk, lang)
    blocked: frozenset[str] = frozenset().union(*(rules.overrides.get(r, frozenset()) for r in roles))
    for role, patterns in lang.cues.items():
        if role not in roles and role not in blocked and _matches(patterns, chunk.text):
            roles.add(role)
    if OBLIGATION in roles and OBLIGATION not in blocked:
        addressees |= _cue_addressees(chunk.text, lang)
    ordered: list[str] = []
    for role in ROLES:
        if role in roles:
            ordered.append(role)
            if role == OBLIGATION:
                ordered.extend(f"{OBLIGATION}:{name}" for name in rules.addressees if name in addressees)
            if role == DEFINITION and _matches(lang.parties, chunk.text):
                ordered.append(PARTY_DEFINITION)
    return tuple(ordered) or (OTHER,)


def role_counts(chunks: Iterable[Chunk]) -> dict[str, int]:
    """Chunks per role: every role of the vocabulary, 0 included (a law with no penalty provisions shows
    "enforcement 0"), then the definitions of parties, then each obligation addressee found, most frequent
    first."""
    counts = Counter(role for chunk in chunks for role in chunk.roles)
    addressees = sorted((r for r in counts if r.startswith(f"{OBLIGATION}:")), key=lambda r: (-counts[r], r))
    return {role: counts[role] for role in (*ROLES, PARTY_DEFINITION, *addressees)}
