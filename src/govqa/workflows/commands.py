"""The workflows' subcommands of `govqa` (cite, diff): thin wrappers, registered by cli.py's parser.

Kept here rather than in cli.py so each job's command sits with its code; cli.py passes its settings builder
in (`--index-dir` and the rest), so nothing here imports upward.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from pathlib import Path
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


def article_text(path: str) -> str:
    """The article to check: a text or Markdown file, or standard input for "-"."""
    from govqa.errors import QuestionError

    if path == "-":
        return sys.stdin.read()
    try:
        return Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise QuestionError(
            f"Cannot read the article {path} ({exc}); give a UTF-8 text or Markdown file, or - for stdin."
        ) from exc


def cmd_check(args: argparse.Namespace, settings: Settings) -> int:
    from govqa.answering.generation import make_answerer
    from govqa.messages import load_messages
    from govqa.search.scope import Filters
    from govqa.workflows.articles import check_article, report_lines

    text = article_text(args.file)
    answerer = make_answerer(settings, embedders=getattr(args, "embedder_factory", None))

    def ask_claim(claim: str, docs: tuple[str, ...]) -> Any:
        return answerer.answer(claim, mode="claim", filters=Filters(doc_ids=docs or tuple(args.doc or ())))

    result = check_article(text, answerer.retriever.router, ask_claim)
    if args.json:
        print(json.dumps(result.to_json(), ensure_ascii=False, indent=2))
    else:
        print("\n".join(report_lines(result, load_messages("en"))))
    return 0


def add_parsers(sub: Any, settings_of: SettingsOf) -> None:
    """`govqa cite`, `govqa diff` and `govqa check`."""
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

    check = sub.add_parser(
        "check", help="check every claim of an article or draft (text or Markdown) against the texts"
    )
    check.add_argument("file", metavar="FILE", help="the article, a text or Markdown file; - reads stdin")
    check.add_argument(
        "--doc", action="append", help="check claims naming no text against this document id (repeatable)"
    )
    check.add_argument("--json", action="store_true", help="print JSON: {claims: [{sentence, claim, verdict, …}]}")
    check.set_defaults(func=lambda args: cmd_check(args, settings_of(args)))
