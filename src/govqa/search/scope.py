"""Which documents a question may be answered from: the user's filters, and retired texts set aside (pure)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from govqa.errors import QuestionError
from govqa.records import Document
from govqa.search.routing import Route


@dataclass(frozen=True)
class Filters:
    """Restrict retrieval; empty tuples mean "any"."""

    jurisdictions: tuple[str, ...] = ()
    doc_ids: tuple[str, ...] = ()
    doc_types: tuple[str, ...] = ()
    languages: tuple[str, ...] = ()
    include_superseded: bool | None = None  # None: the settings decide


def allowed_docs(
    documents: Mapping[str, Document],
    present: set[str],
    filters: Filters,
    route: Route,
    include_superseded: bool,
) -> list[str]:
    """The indexed documents (`present`) that the filters allow, without retired texts unless asked for."""
    check_filters(documents, present, filters)
    include_old = filters.include_superseded if filters.include_superseded is not None else include_superseded
    allowed = []
    for doc_id in sorted(present):
        doc = documents.get(doc_id)
        if doc is None:
            continue
        if filters.doc_ids and doc_id not in filters.doc_ids:
            continue
        if filters.jurisdictions and doc.jurisdiction not in filters.jurisdictions:
            continue
        if filters.doc_types and doc.doc_type not in filters.doc_types:
            continue
        if filters.languages and doc.language not in filters.languages:
            continue
        if not include_old and not filters.doc_ids and _retired(doc, route, present, documents):
            continue
        allowed.append(doc_id)
    return allowed


def check_filters(documents: Mapping[str, Document], present: set[str], filters: Filters) -> None:
    """A filter value no indexed document has is a QuestionError naming it and the valid values, instead of
    an empty search that reads as "the corpus does not address this" (the app and the CLI share this check)."""
    indexed = [documents[i] for i in sorted(present) if i in documents]
    fields = (
        ("document id", filters.doc_ids, [d.id for d in indexed]),
        ("jurisdiction", filters.jurisdictions, [d.jurisdiction for d in indexed]),
        ("document type", filters.doc_types, [d.doc_type for d in indexed]),
        ("language", filters.languages, [d.language for d in indexed]),
    )
    for name, asked, valid in fields:
        unknown = [v for v in asked if v not in valid]
        if unknown:
            known = ", ".join(sorted(set(valid))) or "none (the index is empty; run `govqa ingest`)"
            raise QuestionError(
                f"Unknown {name} {', '.join(repr(v) for v in unknown)}: no indexed document has it. "
                f"Valid values: {known}."
            )


def _retired(doc: Document, route: Route, present: set[str], documents: Mapping[str, Document]) -> bool:
    """Revoked texts, and superseded ones whose successor is indexed, unless the question names them or dates
    itself to a year when the superseded version was the text (dated that year or before, its successor later)."""
    if doc.id in route.named:
        return False
    if doc.status == "revoked":
        return doc.id not in route.doc_ids or route.by != "alias"
    if not (doc.status == "superseded" and doc.superseded_by and doc.superseded_by in present):
        return False
    successor = documents.get(doc.superseded_by)
    if route.years and doc.date[:4].isdigit() and successor and successor.date[:4].isdigit():
        return not int(doc.date[:4]) <= max(route.years) < int(successor.date[:4])
    return True
