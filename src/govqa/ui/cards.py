"""A citation card's HTML, shared by the chat and the assessment page: title and status badge, locator, page and
link, then the passage with the quote marked (by offsets when the chunk is known)."""

from __future__ import annotations

import html

from govqa.records import Chunk, Citation
from govqa.ui.viewer import highlight_html, status_badge

BADGE_CLASS = {"in_force": "ok", "current": "ok", "superseded": "old", "revoked": "bad"}


def badge_html(status: str, legal_effect: str, effect_label: str = "") -> str:
    cls = BADGE_CLASS.get(status, "old")
    out = f"<span class='badge {cls}'>{html.escape(status_badge(status, '')).strip()}</span>"
    if legal_effect == "reference_translation":
        out += "<span class='badge tr'>translation without legal effect</span>"
    if effect_label:  # guidance and codes are not law: "Commission guidance (non-binding)", "voluntary code"
        out += f"<span class='badge tr'>{html.escape(effect_label)}</span>"
    return out


def card_head_html(c: Citation) -> str:
    page = f" · p. {c.page}" if c.page else ""
    link = f" · <a href='{html.escape(c.url, quote=True)}' target='_blank'>official source ↗</a>" if c.url else ""
    return (
        f"<div class='cite-head'><span class='cite-n'>{c.n}</span><b>{html.escape(c.short_title)}</b>"
        f"{badge_html(c.status, c.legal_effect, c.effect_label)}</div>"
        f"<div class='cite-loc'><b>{html.escape(c.locator)}</b>{page}{link}</div>"
        + (f"<div class='cite-loc'>also in {html.escape('; '.join(c.also_in))}</div>" if c.also_in else "")
    )


def card_body_html(c: Citation, chunk: Chunk | None) -> str:
    if chunk is not None:
        body = highlight_html(chunk.text, c.quote_start - chunk.char_start, c.quote_end - chunk.char_start)
    else:
        body = highlight_html(c.quote, 0, len(c.quote))
    return f"<div class='passage'>{body}</div>"
