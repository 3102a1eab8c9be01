"""Citations: numbered quotes with the provenance of their passage (document, locator, page, offsets, sha256),
built from the records' fields, never parsed from text (pure)."""

from __future__ import annotations

from collections.abc import Sequence

from govqa.answering.quotes import Quote
from govqa.records import Citation


def cite_quotes(quotes: Sequence[Quote]) -> tuple[list[Citation], dict[int, int]]:
    """Number quotes by passage (one number per passage), in order of first use."""
    numbers: dict[str, int] = {}
    cites: list[Citation] = []
    index: dict[int, int] = {}
    for i, q in enumerate(quotes):
        c, doc = q.passage.chunk, q.passage.document
        key = f"{c.id}:{q.start}"
        if key not in numbers:
            numbers[key] = len(numbers) + 1
            url = doc.link(c.page_at(q.start)) if doc else ""  # the PDF at its page where its URL is known
            cites.append(
                Citation(
                    n=numbers[key],
                    doc_id=c.doc_id,
                    short_title=doc.short_title if doc else c.doc_id,
                    locator=c.locator,
                    page=c.page_at(q.start),
                    quote=q.text,
                    url=url,
                    version=doc.version if doc else "",
                    status=doc.status if doc else "",
                    legal_effect=doc.legal_effect if doc else "",
                    sha256=doc.sha256 if doc else "",
                    quote_start=c.char_start + q.start,
                    quote_end=c.char_start + q.end,
                    also_in=tuple(e.label for e in q.passage.editions),
                    also_in_docs=tuple(e.chunk.doc_id for e in q.passage.editions),
                    effect_label=doc.effect_label if doc else "",  # guidance and codes are labelled, never the law
                )
            )
        index[i] = numbers[key]
    return cites, index
