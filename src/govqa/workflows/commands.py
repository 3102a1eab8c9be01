"""The workflows' subcommands of `govqa` (cite, diff): thin wrappers, registered by cli.py's parser.

Kept here rather than in cli.py so each job's command sits with its code; cli.py passes its settings builder
in (`--index-dir` and the rest), so nothing here imports upward.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from typing import Any

from govqa.settings import Settings

SettingsOf = Callable[[argparse.Namespace], Settings]


def references(refs: list[str]) -> list[str]:
    """The REF arguments, or one per line from stdin for "-"; lists ("Art. 9, 10(2)–(5); 第7条") split."""
    from govqa.workflows.citations import split_references

    return split_references(sys.stdin.read() if refs == ["-"] else "\n".join(refs))


def cmd_cite(args: argparse.Namespace, settings: Settings) -> int:
    from govqa.workflows.citations import CitedProvision, citation_pack
    from govqa.workflows.library import load_library
    from govqa.workflows.packs import pack_csv, pack_json, pack_markdown

    entries = citation_pack(references(args.refs), load_library(settings), args.doc)
    print({"md": pack_markdown, "json": pack_json, "csv": pack_csv}[args.format](entries), end="")
    return 0 if all(isinstance(e, CitedProvision) for e in entries) else 2  # 2: some references not resolved


def cmd_diff(args: argparse.Namespace, settings: Settings) -> int:
    from govqa.workflows.library import load_library
    from govqa.workflows.packs import diff_json, diff_markdown
    from govqa.workflows.versions import diff_versions

    diff = diff_versions(load_library(settings), args.doc_a, args.doc_b, args.provision)
    print(diff_json(diff) if args.json else diff_markdown(diff, all_provisions=args.all), end="")
    return 0


def add_parsers(sub: Any, settings_of: SettingsOf) -> None:
    """`govqa cite` and `govqa diff` (a "check an article" command would be added here the same way)."""
    cite = sub.add_parser("cite", help="a citation pack: each reference's verbatim text, page, link and sha256")
    cite.add_argument("refs", nargs="+", metavar="REF", help='"EU AI Act Art. 10(2)–(5)", "第7条", …; - reads stdin')
    cite.add_argument("--doc", help="resolve every reference in this document id")
    cite.add_argument("--format", choices=["md", "json", "csv"], default="md", help="output format (default md)")
    cite.set_defaults(func=lambda args: cmd_cite(args, settings_of(args)))

    diff = sub.add_parser("diff", help="what changed between two versions of one text, provision by provision")
    diff.add_argument("doc_a", metavar="DOC_A", help="the earlier version's document id")
    diff.add_argument("doc_b", metavar="DOC_B", help="the later version's document id")
    diff.add_argument("--provision", metavar="REF", help="only this provision (e.g. 'Article 2')")
    diff.add_argument("--json", action="store_true", help="print JSON (every provision, unchanged ones too)")
    diff.add_argument("--all", action="store_true", help="Markdown: list unchanged provisions too")
    diff.set_defaults(func=lambda args: cmd_diff(args, settings_of(args)))
