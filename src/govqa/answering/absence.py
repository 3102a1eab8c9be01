"""When the law a question names has no provision of the kind it asks about ("Does Japan's AI Promotion Act
impose penalties?"): an answer in itself, and the commonest fact a journalist checks.

Said only when all of these hold, so that silence in the texts is never mistaken for silence in the law:
the question names its instrument(s) by title or alias, or by a description that resolves to one text ("Japan's
new AI law", claim_reading.py; not only a jurisdiction); every named instrument is a
statute, regulation or administrative measure indexed whole (not guidance, principles or a framework); the
index carries provision roles for them; not one of their chunks carries the role asked about; and not one of
their chunks even uses the words that ask for it (a role cue that missed a provision must not turn into a "no").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from govqa.answering.findings import CheckContext, Finding, Term
from govqa.records import Document, Passage
from govqa.search.analysis import QueryAnalysis
from govqa.search.intents import ABSENCE_ROLES, INTENTS
from govqa.search.statements import NEGATION

LAW_TYPES = frozenset({"statute", "regulation", "administrative_measures"})


@dataclass(frozen=True)
class Absence:
    """A role the question asks about that none of the named laws' indexed chunks carries."""

    role: str
    documents: tuple[Document, ...]
    chunks_checked: int

    def finding(self, cite: tuple[Passage, ...], claim_says_missing: bool | None) -> Finding:
        """The finding, naming what was checked (title and version of each text)."""
        # a version's first clause says which text it is ("Translation of the Act as enacted (promulgated …)")
        texts = tuple(
            f"{d.short_title} ({d.version.split(';')[0]})" if d.version else d.short_title for d in self.documents
        )
        fields = {"texts": texts, "chunks": self.chunks_checked, "role": Term(f"role.{self.role}")}
        return Finding("role_absent", "absence", fields, cite, "closest_provisions", claim_support=claim_says_missing)


def absent_role(query: QueryAnalysis, ctx: CheckContext) -> Absence | None:
    """The first role the question asks about that the laws it names lack entirely, or None."""
    roles = [role for role in query.roles if role in ABSENCE_ROLES]
    named = named_texts(query, ctx)
    if not roles or not named:
        return None
    allowed = set(ctx.allowed(query.route))
    docs = [ctx.documents[d] for d in named if d in allowed]
    if not docs or any(d.doc_type not in LAW_TYPES for d in docs):
        return None
    ids = {d.id for d in docs}
    chunks = [c for c in ctx.chunks if c.doc_id in ids]
    if not chunks or not all(any(c.roles for c in chunks if c.doc_id == d) for d in ids):
        return None  # an index built before roles were tagged says nothing about absence
    for role in roles:
        if not any(role in c.roles or INTENTS[role].search(c.text) for c in chunks):
            return Absence(role, tuple(docs), len(chunks))
    return None


def named_texts(query: QueryAnalysis, ctx: CheckContext) -> tuple[str, ...]:
    """The held texts the question names: by title or alias (its route), else by descriptions each of which
    names a topic and resolves to one text in its language versions ("Japan's new AI law"); () when it names
    none so, or a description stays ambiguous ("Japanese law": every Japanese statute, or the one the library
    happens to hold)."""
    if query.route.by == "alias":
        return tuple(d for d in query.route.doc_ids if d in ctx.documents)
    texts = query.claim.texts if query.claim is not None else ()
    ids = [d for n in texts for d in n.doc_ids if d in ctx.documents]
    if not ids or any(
        not n.topic or len({_family(ctx.documents[d]) for d in n.doc_ids if d in ctx.documents}) != 1 for n in texts
    ):
        return ()
    return tuple(dict.fromkeys(ids))


def _family(doc: Document) -> str:
    return doc.translation_of or doc.id


def check_role_absence(query: QueryAnalysis, passages: Sequence[Passage], ctx: CheckContext) -> Finding | None:
    """The named law has no provision of the asked kind: "No", citing its closest provisions. In claim mode the
    claim that such a provision is missing is supported, the claim that it exists refuted."""
    if not (absence := absent_role(query, ctx)):
        return None
    ids = {d.id for d in absence.documents}
    cite = tuple(p for p in passages if p.chunk.doc_id in ids)
    return absence.finding(cite, _says_missing(query, absence.role) if ctx.mode == "claim" else None)


# "relies on cooperation rather than penalties": a contrast denies what follows it, and only that.
_CONTRAST = re.compile(r"\b(?:rather than|instead of)\b(?P<denied>[^,.;]*)", re.I)


def _says_missing(query: QueryAnalysis, role: str) -> bool:
    """The claim says the law lacks the role: its own negation, where a contrast ("fines operators rather than
    warning them") denies the role only if what it denies asks for it."""
    if not query.claims_absence or query.claim is None:
        return query.claims_absence
    if not (contrast := _CONTRAST.search(query.claim.text)):
        return True
    rest = query.claim.text[: contrast.start()] + query.claim.text[contrast.end() :]
    return bool(INTENTS[role].search(contrast["denied"]) or NEGATION.search(rest) or query.restricts)
