"""When the law a question names has no provision of the kind it asks about ("Does Japan's AI Promotion Act
impose penalties?"): an answer in itself, and the commonest fact a journalist checks.

Said only when all of these hold, so that silence in the texts is never mistaken for silence in the law:
the question names its instrument(s) by title or alias (not only a jurisdiction); every named instrument is a
statute, regulation or administrative measure indexed whole (not guidance, principles or a framework); the
index carries provision roles for them; not one of their chunks carries the role asked about; and not one of
their chunks even uses the words that ask for it (a role cue that missed a provision must not turn into a "no").
"""

from __future__ import annotations

from dataclasses import dataclass

from govqa.records import Document
from govqa.search.analysis import QueryAnalysis
from govqa.search.intents import INTENTS, ROLE_NAMES
from govqa.search.retriever import Retriever
from govqa.search.scope import Filters

LAW_TYPES = frozenset({"statute", "regulation", "administrative_measures"})


@dataclass(frozen=True)
class Absence:
    """A role the question asks about that none of the named laws' indexed chunks carries."""

    role: str
    documents: tuple[Document, ...]
    chunks_checked: int

    def statement(self, japanese: bool = False) -> str:
        """The finding, naming what was checked (title and version of each text)."""
        english, ja = ROLE_NAMES[self.role]
        # a version's first clause says which text it is ("Translation of the Act as enacted (promulgated …)")
        texts = ", ".join(
            f"{d.short_title} ({d.version.split(';')[0]})" if d.version else d.short_title for d in self.documents
        )
        if japanese:
            return f"索引にある{texts}の本文（{self.chunks_checked}節）には{ja}がありません。"
        return f"The indexed text of {texts} ({self.chunks_checked} passages checked) contains no {english}."


def absent_role(question: str | QueryAnalysis, retriever: Retriever, filters: Filters | None = None) -> Absence | None:
    """The first role the question (or its analysis) asks about that the laws it names lack entirely, or None."""
    query = question if isinstance(question, QueryAnalysis) else retriever.analyze(question)
    roles = [role for role in query.roles if role in ROLE_NAMES]
    if not roles:
        return None
    route = query.route
    if route.by != "alias":
        return None
    allowed = set(retriever.allowed_docs(filters or Filters(), route))
    docs = [retriever.documents[d] for d in route.doc_ids if d in allowed and d in retriever.documents]
    if not docs or any(d.doc_type not in LAW_TYPES for d in docs):
        return None
    ids = {d.id for d in docs}
    chunks = [c for c in retriever.chunks if c.doc_id in ids]
    if not chunks or not all(any(c.roles for c in chunks if c.doc_id == d) for d in ids):
        return None  # an index built before roles were tagged says nothing about absence
    for role in roles:
        if not any(role in c.roles or INTENTS[role].search(c.text) for c in chunks):
            return Absence(role, tuple(docs), len(chunks))
    return None
