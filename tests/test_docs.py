"""The user docs stay true to the code: the README's commands table names every subcommand and flag the CLI
has, every relative link in the docs leads to a file, and the README stays short."""

from __future__ import annotations

import argparse
import re
from pathlib import Path

import pytest

from govqa.cli import build_parser
from govqa.settings import PROJECT_ROOT

README = PROJECT_ROOT / "README.md"
DOC_PAGES = sorted(
    [
        README,
        PROJECT_ROOT / "CHANGELOG.md",
        PROJECT_ROOT / "prompts" / "README.md",
        *(PROJECT_ROOT / "docs").glob("*.md"),
    ]
)
README_MAX_LINES = 200  # issue 22: a README for users, the rest in docs/


def subcommands() -> dict[str, argparse.ArgumentParser]:
    """The `govqa` subcommands and their parsers, as the CLI builds them."""
    parser = build_parser()
    (action,) = (a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    return dict(action.choices)


def long_options(parser: argparse.ArgumentParser) -> set[str]:
    return {s for a in parser._actions for s in a.option_strings if s.startswith("--") and s != "--help"}


def readme_section(title: str) -> str:
    text = README.read_text(encoding="utf-8")
    return text.split(f"\n## {title}\n", 1)[1].split("\n## ", 1)[0]


def command_rows(name: str) -> list[str]:
    """The rows of the README's commands table whose command cell runs `govqa NAME`."""
    rows = [line for line in readme_section("Commands").splitlines() if line.startswith("| `govqa ")]
    return [row for row in rows if re.search(rf"`govqa {re.escape(name)}\b", row.split(" | ")[0])]


@pytest.mark.parametrize("name", sorted(subcommands()))
def test_readme_commands_table_lists_every_subcommand_with_its_flags(name: str) -> None:
    """Each subcommand has a row in the README's commands table, and its rows name every long flag it takes."""
    rows = command_rows(name)
    assert rows, f"README.md, section Commands: no row for `govqa {name}`"
    command_cells = " ".join(row.split(" | ")[0] for row in rows)
    missing = sorted(opt for opt in long_options(subcommands()[name]) if opt not in command_cells)
    assert not missing, f"README.md, `govqa {name}` rows do not name {missing}"


def test_readme_names_the_global_options() -> None:
    """Options taken before the subcommand (`--index-dir`) are named in the commands section."""
    section = readme_section("Commands")
    assert all(opt in section for opt in long_options(build_parser()))


def test_readme_rows_name_no_subcommand_the_cli_lacks() -> None:
    """A row for a removed or misspelt subcommand is caught, not left to mislead."""
    rows = [line for line in readme_section("Commands").splitlines() if line.startswith("| `govqa ")]
    named = {m for row in rows for m in re.findall(r"`govqa (\w+)", row.split(" | ")[0])}
    assert named <= set(subcommands()), sorted(named - set(subcommands()))


def test_readme_stays_short() -> None:
    """The README is for users; evaluation, benchmarks, deployment and settings live in docs/."""
    lines = README.read_text(encoding="utf-8").count("\n")
    assert lines <= README_MAX_LINES, f"README.md has {lines} lines; move detail into docs/"


@pytest.mark.parametrize("page", DOC_PAGES, ids=lambda p: str(p.relative_to(PROJECT_ROOT)))
def test_relative_links_lead_to_files(page: Path) -> None:
    """Every relative Markdown link in the user docs points at a file or folder of the repository."""
    targets = re.findall(r"\]\(([^)\s]+)\)", page.read_text(encoding="utf-8"))
    local = [t.split("#", 1)[0] for t in targets if not re.match(r"[a-z]+:", t) and not t.startswith("#")]
    broken = [t for t in local if not (page.parent / t).exists()]
    assert not broken, f"{page.relative_to(PROJECT_ROOT)}: links to missing {broken}"
