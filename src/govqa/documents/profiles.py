"""Document-family profiles: the data that tells the structurer how a family of texts is laid out.

A profile is a TOML file in `ingest/profiles/` (see `ingest/profiles/README.md` for the fields).
Adding a family is writing a profile, not code.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from govqa.errors import ConfigError


@dataclass(frozen=True)
class HeadingRule:
    """A line that opens a structural unit (or only names a level of the heading path)."""

    pattern: re.Pattern[str]
    locator: str  # template: "{1}" is the first group, "{title}" the title line
    level: int = 1
    unit: bool = True  # False: only enters the heading path (chapters, parts)
    title_lines: int = 0  # following lines that make up the heading's title
    sequential: bool = False  # group 1 must follow the previous number of this rule
    after: re.Pattern[str] | None = None  # active only once a line matched this
    before: re.Pattern[str] | None = None  # inactive once a line matched this
    # an aside (a footnote): its unit ends with its page, where the unit it interrupted resumes; it is only
    # taken when no other unit heading follows it on that page (footnotes sit below the text)
    aside: bool = False


@dataclass(frozen=True)
class BlockRule:
    """A numbered paragraph or point inside a unit, appended to its locator ("Article 50" + "(2)")."""

    pattern: re.Pattern[str]
    suffix: str
    within: tuple[str, ...] = ()  # unit locator prefixes where the rule applies; empty = all
    sequential: bool = True
    # a lettered list (a)…(z), (aa)…: an i/v/x token is a letter only where it continues the letters, else a roman
    # sub-item kept inside the item before it (structure._is_letter_item)
    letters: bool = False


@dataclass(frozen=True)
class Profile:
    name: str
    front_locator: str = "Front matter"
    furniture_patterns: tuple[re.Pattern[str], ...] = ()
    repeat_fraction: float = 0.3
    edge_lines: int = 3
    contents_pages: bool = False  # empty the pages that are a table of contents (dot leaders to page numbers)
    footnote_marks: bool = False  # drop footnote references glued to words ("practices12 are"; parsing/pdf.py)
    headings: tuple[HeadingRule, ...] = ()
    blocks: tuple[BlockRule, ...] = ()
    stop: re.Pattern[str] | None = None  # text from this line on is dropped (e.g. back-matter indexes)
    # Retrieval prior by locator prefix: operative provisions outrank recitals, covers and tables of contents.
    prior: dict[str, float] = field(default_factory=dict)
    front_prior: float = 0.6
    extra: dict[str, object] = field(default_factory=dict)


def _rx(value: object, where: str) -> re.Pattern[str]:
    try:
        return re.compile(str(value))
    except re.error as exc:
        raise ConfigError(f"{where}: bad regular expression {value!r}: {exc}") from exc


def _opt_rx(value: object, where: str) -> re.Pattern[str] | None:
    return None if value in (None, "") else _rx(value, where)


def parse_profile(name: str, data: dict[str, Any], where: str) -> Profile:
    # A little over a screen: it reads the TOML tables in the order ingest/profiles/README.md lists the fields.
    furniture = data.get("furniture", {})
    assert isinstance(furniture, dict)
    headings = []
    for i, h in enumerate(data.get("heading", [])):
        at = f"{where} heading #{i + 1}"
        if "pattern" not in h or "locator" not in h:
            raise ConfigError(f"{at}: needs 'pattern' and 'locator'.")
        headings.append(
            HeadingRule(
                pattern=_rx(h["pattern"], at),
                locator=h["locator"],
                level=int(h.get("level", 1)),
                unit=bool(h.get("unit", True)),
                title_lines=int(h.get("title_lines", 0)),
                sequential=bool(h.get("sequential", False)),
                after=_opt_rx(h.get("after"), at),
                before=_opt_rx(h.get("before"), at),
                aside=bool(h.get("aside", False)),
            )
        )
    blocks = []
    for i, b in enumerate(data.get("block", [])):
        at = f"{where} block #{i + 1}"
        if "pattern" not in b or "suffix" not in b:
            raise ConfigError(f"{at}: needs 'pattern' and 'suffix'.")
        blocks.append(
            BlockRule(
                pattern=_rx(b["pattern"], at),
                suffix=b["suffix"],
                within=tuple(b.get("within", ())),
                sequential=bool(b.get("sequential", True)),
                letters=bool(b.get("letters", False)),
            )
        )
    return Profile(
        name=name,
        front_locator=str(data.get("front_locator", "Front matter")),
        furniture_patterns=tuple(_rx(p, f"{where} furniture") for p in furniture.get("drop", [])),
        repeat_fraction=float(furniture.get("repeat_fraction", 0.3)),
        edge_lines=int(furniture.get("edge_lines", 3)),
        contents_pages=bool(furniture.get("contents_pages", False)),
        footnote_marks=bool(furniture.get("footnote_marks", False)),
        headings=tuple(headings),
        blocks=tuple(blocks),
        stop=_opt_rx(data.get("stop"), where),
        prior={str(k): float(v) for k, v in dict(data.get("prior", {})).items()},
        front_prior=float(data.get("front_prior", 0.6)),
        extra={
            k: v
            for k, v in data.items()
            if k not in {"furniture", "heading", "block", "front_locator", "stop", "prior", "front_prior"}
        },
    )


def load_profile(profiles_dir: Path, name: str) -> Profile:
    """Load `profiles_dir/NAME.toml`; an unknown name is a ConfigError listing the known ones."""
    path = profiles_dir / f"{name}.toml"
    if not path.is_file():
        known = sorted(p.stem for p in profiles_dir.glob("*.toml"))
        raise ConfigError(f"No parsing profile {name!r} in {profiles_dir}; known: {', '.join(known) or 'none'}.")
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"Profile {path} is not valid TOML: {exc}") from exc
    return parse_profile(name, data, str(path))


def unit_prior(profile: Profile, locator: str) -> float:
    """Multiplier for a chunk's retrieval score from where it stands in its document."""
    if locator == profile.front_locator:
        return profile.front_prior
    for prefix, weight in profile.prior.items():
        if locator.startswith(prefix):
            return weight
    return 1.0
