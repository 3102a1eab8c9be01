"""A conversation with its citations as Markdown or JSON (for the app's download buttons)."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from govqa.records import Answer, Citation
from govqa.ui.conversation import Turn
from govqa.ui.viewer import status_badge

CLOSEST_NOTE = "closest passages found; they do not answer the question"


def citation_string(c: Citation) -> str:
    """A copy-ready citation: title, locator, page, version, URL, and the other editions holding the same text."""
    page = f", p. {c.page}" if c.page else ""
    version = f" ({c.version})" if c.version else ""
    text = f"{c.short_title}, {c.locator}{page}{version}."
    text = f"{text} {c.url}" if c.url else text
    return f"{text} Also in: {'; '.join(c.also_in)}." if c.also_in else text


def to_markdown(answers: Sequence[Answer]) -> str:
    """Answers without conversation context (each question searched as typed)."""
    return conversation_markdown([Turn(a.question, a.question, a) for a in answers])


def to_json(answers: Sequence[Answer]) -> str:
    return json.dumps([a.to_json() for a in answers], ensure_ascii=False, indent=2)


def _closest(answer: Answer, limit: int = 3) -> list[dict[str, Any]]:
    rows = []
    for p in answer.passages[:limit]:
        rows.append(
            {
                "doc_id": p.chunk.doc_id,
                "title": p.document.short_title if p.document else p.chunk.doc_id,
                "locator": p.chunk.locator,
                "page": p.chunk.page_start,
            }
        )
    return rows


def turn_json(turn: Turn) -> dict[str, Any]:
    """One turn: the question as typed and as searched, the filters, the answer and its citations."""
    data: dict[str, Any] = {"question": turn.question, "searched_for": turn.query, "filters": turn.filters or {}}
    data |= turn.answer.to_json()
    data["question"] = turn.question
    for cite, c in zip(data["citations"], turn.answer.citations, strict=True):
        cite["citation"] = citation_string(c)
        cite["status_label"] = status_badge(c.status, c.legal_effect, c.effect_label)
    if turn.answer.refused:
        data["closest_passages"] = {"note": CLOSEST_NOTE, "passages": _closest(turn.answer)}
    return data


def conversation_json(turns: Sequence[Turn]) -> str:
    return json.dumps(
        {"format": "govqa-conversation/1", "turns": [turn_json(t) for t in turns]}, ensure_ascii=False, indent=2
    )


def conversation_markdown(turns: Sequence[Turn]) -> str:
    """The conversation as a Markdown document a reader can check: every quote with its source."""
    parts = ["# govqa conversation\n"]
    for i, turn in enumerate(turns, 1):
        ans = turn.answer
        parts.append(f"## {i}. {turn.question}\n")
        meta = [f"mode: {ans.mode}", f"engine: {ans.engine}"]
        if turn.query != turn.question:
            meta.insert(0, f"searched for: “{turn.query}”")
        parts.append(f"*{'; '.join(meta)}*\n")
        if ans.notice:
            parts.append(f"> Note: {ans.notice}\n")
        if ans.short_answer:
            parts.append(f"**{ans.short_answer}**\n")
        parts.append(ans.text + "\n")
        if ans.verdict:
            parts.append(f"**Verdict:** {ans.verdict} — {ans.verdict_reason}\n")
        if ans.refused and ans.passages:
            parts.append(f"Closest passages ({CLOSEST_NOTE}):\n")
            parts.extend(
                f"- {p['title']}, {p['locator']}" + (f", p. {p['page']}" if p["page"] else "") for p in _closest(ans)
            )
            parts.append("")
        if ans.citations:
            parts.append("**Sources**\n")
        for c in ans.citations:
            parts.append(
                f"[{c.n}] {citation_string(c)} — {status_badge(c.status, c.legal_effect, c.effect_label)}  \n"
                f"> {' '.join(c.quote.split())}\n\n"
                f"sha256 `{c.sha256}`\n"
            )
    return "\n".join(parts)
