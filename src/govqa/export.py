"""A conversation with its citations as Markdown or JSON (for the app's download buttons)."""

from __future__ import annotations

import json
from collections.abc import Sequence

from govqa.answering import Answer, Citation


def citation_string(c: Citation) -> str:
    """A copy-ready citation: title, locator, page, version, URL."""
    page = f", p. {c.page}" if c.page else ""
    return f"{c.short_title}, {c.locator}{page} ({c.version}). {c.url}"


def to_markdown(answers: Sequence[Answer]) -> str:
    parts = ["# govqa conversation\n"]
    for ans in answers:
        parts.append(f"## Q: {ans.question}\n\n*mode: {ans.mode}, engine: {ans.engine}*\n")
        parts.append(ans.text + "\n")
        if ans.verdict:
            parts.append(f"**Verdict:** {ans.verdict} — {ans.verdict_reason}\n")
        for c in ans.citations:
            parts.append(f"[{c.n}] {citation_string(c)}  \n> {' '.join(c.quote.split())}  \nsha256 `{c.sha256}`\n")
    return "\n".join(parts)


def to_json(answers: Sequence[Answer]) -> str:
    return json.dumps([a.to_json() for a in answers], ensure_ascii=False, indent=2)
