"""Parsing profiles: every shipped profile loads; bad ones fail with a message naming the place."""

from __future__ import annotations

from pathlib import Path

import pytest

from govqa.documents.profiles import load_profile, parse_profile
from govqa.errors import ConfigError
from govqa.settings import PROJECT_ROOT

PROFILES = PROJECT_ROOT / "ingest" / "profiles"
SHIPPED = sorted(p.stem for p in PROFILES.glob("*.toml"))


def test_profiles_are_shipped() -> None:
    """The profiles folder holds the families the manifest names (and a generic fallback)."""
    assert {"generic", "eu-oj", "jp-law-xml", "kr-moleg-xml", "articles-text"} <= set(SHIPPED)


@pytest.mark.parametrize("name", SHIPPED)
def test_every_shipped_profile_loads(name: str) -> None:
    """Each profile file parses, and every heading locator template only uses groups its pattern has."""
    profile = load_profile(PROFILES, name)
    assert profile.name == name
    for rule in profile.headings:
        groups = rule.pattern.groups
        for n in range(groups + 1, 10):
            assert f"{{{n}}}" not in rule.locator, (
                f"{name}: {rule.locator!r} uses group {n} of {rule.pattern.pattern!r}"
            )
    for block in profile.blocks:
        assert block.pattern.groups >= 1 or not block.sequential, f"{name}: sequential block without a number group"


def test_rule_fields_are_read() -> None:
    """Heading and block options from the TOML reach the rules."""
    profile = parse_profile(
        "p",
        {
            "front_locator": "Cover",
            "furniture": {"drop": ["^x$"], "repeat_fraction": 0.5, "edge_lines": 2},
            "heading": [
                {
                    "pattern": r"^A (\d+)$",
                    "locator": "A {1}",
                    "level": 2,
                    "unit": False,
                    "title_lines": 1,
                    "sequential": True,
                    "after": "^start",
                    "before": "^end",
                }
            ],
            "block": [{"pattern": r"^\((\d+)\)", "suffix": "({1})", "within": ["A"], "sequential": False}],
        },
        "p.toml",
    )
    (h,) = profile.headings
    (b,) = profile.blocks
    assert (profile.front_locator, profile.repeat_fraction, profile.edge_lines) == ("Cover", 0.5, 2)
    assert (h.level, h.unit, h.title_lines, h.sequential) == (2, False, 1, True)
    assert h.after is not None and h.after.pattern == "^start" and h.before is not None
    assert (b.within, b.sequential) == (("A",), False)


@pytest.mark.parametrize(
    ("data", "fragment"),
    [
        ({"heading": [{"pattern": "(unclosed", "locator": "x"}]}, "heading #1: bad regular expression"),
        ({"heading": [{"locator": "x"}]}, "heading #1: needs 'pattern' and 'locator'"),
        ({"block": [{"pattern": "x"}]}, "block #1: needs 'pattern' and 'suffix'"),
        ({"furniture": {"drop": ["[bad"]}}, "furniture: bad regular expression"),
        ({"stop": "(?P<"}, "bad regular expression"),
    ],
)
def test_invalid_profiles_name_the_rule(data: dict[str, object], fragment: str) -> None:
    """A broken rule is a ConfigError naming the file and the rule."""
    with pytest.raises(ConfigError, match=r"my\.toml") as info:
        parse_profile("my", data, "my.toml")
    assert fragment in str(info.value)


def test_unknown_profile_lists_the_known_ones(tmp_path: Path) -> None:
    """Asking for a missing profile names it and lists what exists."""
    (tmp_path / "alpha.toml").write_text("", encoding="utf-8")
    (tmp_path / "beta.toml").write_text("", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"'gamma'.*known: alpha, beta"):
        load_profile(tmp_path, "gamma")


def test_profile_with_bad_toml_names_the_file(tmp_path: Path) -> None:
    """Invalid TOML in a profile is a ConfigError naming its path."""
    (tmp_path / "broken.toml").write_text("[[heading]\npattern = ", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"broken\.toml"):
        load_profile(tmp_path, "broken")
