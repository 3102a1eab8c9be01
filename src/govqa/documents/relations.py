"""Relations between texts, as the manifest states them: a guideline *interprets* provisions of a law
(`interprets = ["eu-ai-act-2024-1689-en#Article 5"]`), an order *revokes* another (`revokes = [...]`), files are
*chapters of* one code (`chapter_of = "…"`). Pure functions over Documents, Chunks and Citations:

- `relation_problems` checks the manifest's relations (unknown ids, unreadable provisions);
- `relation_notes` turns the documents and locators an answer cites into typed notes ("The Commission's
  guidance on Article 5 is in the library: …");
- `revocation` says which held text revokes a document, and the chunk of it that does so;
- `with_relations` is the one hook an answer passes through: the notes appended to its text, the revoking
  provision cited, and a non-binding quote labelled as such.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Literal

from govqa.documents.locators import Ref, ref_of_locator, refs_in_question
from govqa.messages import Messages, load_messages
from govqa.records import Answer, Chunk, Citation, Document, Passage

RelationKind = Literal["guidance_on", "revoked_by", "chapter_of", "legal_effect"]


@dataclass(frozen=True)
class RelationNote:
    """One thing the library knows about how a cited text relates to another."""

    kind: RelationKind
    about: str  # the cited document
    related: str  # the other document (guideline, revoking order, sibling chapter; `about` itself for legal_effect)
    key: str  # the sentence shown with the answer: a key of the message catalogue ([relation])
    fields: Mapping[str, object]  # the values it names
    locator: str = ""  # where in `related` (the interpreting paragraph, the revoking section), when known
    chunk: Chunk | None = None  # that place's chunk, when the index holds it

    def render(self, msgs: Messages) -> str:
        """The note in the catalogue's language (lists joined its way)."""
        return msgs(self.key, **{k: msgs.join(v) if isinstance(v, tuple) else v for k, v in self.fields.items()})

    @property
    def text(self) -> str:
        """The note in English (logs, tests)."""
        return self.render(load_messages("en"))


def interpreted(doc: Document) -> list[tuple[str, Ref]]:
    """The provisions a document is guidance on: (document id, provision reference) for each `interprets` entry."""
    out = []
    for entry in doc.interprets:
        target, _, provision = entry.partition("#")
        refs = refs_in_question(provision)
        if target and refs:
            out.append((target, refs[0]))
    return out


def relation_problems(documents: Iterable[Document], references: Iterable[Document] = ()) -> list[str]:
    """What is wrong with the manifest's relations, one message per problem (empty when all resolve)."""
    docs = list(documents)
    known = {d.id for d in docs} | {r.id for r in references}
    problems = []
    for doc in docs:
        for target in doc.revokes:
            if target not in known:
                problems.append(f"{doc.id}: revokes unknown id {target!r}; use a [[document]] or [[reference]] id.")
        for entry in doc.interprets:
            target, sep, provision = entry.partition("#")
            if not sep or target not in known:
                problems.append(f"{doc.id}: interprets {entry!r} must be 'DOC-ID#PROVISION' with a known id.")
            elif not refs_in_question(provision):
                problems.append(f"{doc.id}: interprets {entry!r} names no provision govqa reads ('Article 5').")
    return problems


def relations_summary(doc: Document, documents: Mapping[str, Document]) -> str:
    """One line for the Library page: "revokes Executive Order 14110", "guidance on Article 5 of …", "revoked by
    …", "chapter of …"."""

    def title(doc_id: str) -> str:
        return documents[doc_id].short_title if doc_id in documents else doc_id

    parts = [f"revokes {title(t)}" for t in doc.revokes]
    parts += [f"revoked by {d.short_title}" for d in documents.values() if doc.id in d.revokes]
    by_text: dict[str, list[str]] = {}
    for entry in doc.interprets:
        target, _, provision = entry.partition("#")
        by_text.setdefault(target, []).append(provision)
    parts += [f"guidance on {', '.join(on)} of {title(t)}" for t, on in by_text.items()]
    parts += [f"chapter of {doc.chapter_of}"] if doc.chapter_of else []
    return "; ".join(parts)


def name_patterns(doc: Document) -> list[re.Pattern[str]]:
    """How a text is named in another's words: its short title and aliases (six characters or more)."""
    names = {doc.short_title, *doc.aliases}
    return [re.compile(r"\b" + re.escape(n).replace(r"\ ", r"\s+") + r"\b", re.I) for n in names if len(n) >= 6]


def revocation(doc_id: str, documents: Mapping[str, Document], chunks: Sequence[Chunk] = ()) -> RelationNote | None:
    """The held text that revokes `doc_id`, with the chunk of it that names the revoked text when the index holds
    it (EO 14148, Section 2(ggg)); None when no held text revokes it."""
    revoked = documents.get(doc_id)
    revoker = next((d for d in documents.values() if doc_id in d.revokes), None)
    if revoked is None or revoker is None:
        return None
    names = name_patterns(revoked)
    place = next(
        (c for c in chunks if c.doc_id == revoker.id and any(rx.search(c.text) for rx in names)),
        None,
    )
    fields = {"revoked": revoked.short_title, "revoker": revoker.short_title, "revoker_id": revoker.id}
    if place is None:
        return RelationNote("revoked_by", doc_id, revoker.id, "relation.revoked_by", fields)
    where = place.locator + (f", {place.page_label}" if place.page_label else "")
    return RelationNote(
        "revoked_by", doc_id, revoker.id, "relation.revoked_by_at", {**fields, "where": where}, place.locator, place
    )


def _guidance(
    cited: Sequence[tuple[str, str]],
    documents: Mapping[str, Document],
    locate: Callable[[str], Chunk | None] | None,
) -> list[RelationNote]:
    notes: list[RelationNote] = []
    for guide in documents.values():
        for target, ref in interpreted(guide):
            hit = next(
                (
                    (doc_id, loc)
                    for doc_id, loc in cited
                    if doc_id == target and (r := ref_of_locator(loc)) is not None and ref.matches(r)
                ),
                None,
            )
            if hit is None or any(n.related == guide.id for n in notes):
                continue
            law = documents[target].short_title if target in documents else target
            place = locate(guide.id) if locate else None
            effect = f" ({guide.effect_label})" if guide.effect_label else ""
            provision = hit[1].split("(")[0] if ref.kind == "article" and not ref.subs else hit[1]
            fields = {"guide": guide.short_title, "effect": effect, "provision": provision, "law": law}
            fields |= {"guide_id": guide.id, "where": place.locator if place else ""}
            key = "relation.guidance_on_at" if place else "relation.guidance_on"
            notes.append(
                RelationNote("guidance_on", target, guide.id, key, fields, place.locator if place else "", place)
            )
    return notes


def _chapters(cited_docs: Sequence[str], documents: Mapping[str, Document]) -> list[RelationNote]:
    notes: list[RelationNote] = []
    for doc_id in dict.fromkeys(cited_docs):
        doc = documents.get(doc_id)
        if doc is None or not doc.chapter_of or any(n.related == doc.chapter_of for n in notes):
            continue
        others = [d.short_title for d in documents.values() if d.chapter_of == doc.chapter_of and d.id != doc_id]
        if others:
            fields = {"code": doc.chapter_of, "chapters": (doc.short_title, *others)}
            notes.append(RelationNote("chapter_of", doc_id, doc.chapter_of, "relation.chapter_of", fields))
    return notes


def relation_notes(
    cited: Sequence[tuple[str, str]],
    documents: Mapping[str, Document],
    chunks: Sequence[Chunk] = (),
    locate: Callable[[str], Chunk | None] | None = None,
) -> list[RelationNote]:
    """Typed notes for the (document id, locator) pairs an answer cites, in citation order: the legal effect of a
    non-binding text it quotes, the guidance held on a provision it quotes (`locate(guide_id)` finds the guide's
    closest passage, when given), the text that revokes one it quotes, the other chapters of a code it quotes."""
    notes: list[RelationNote] = []
    for doc_id in dict.fromkeys(d for d, _ in cited):
        doc = documents.get(doc_id)
        if doc is not None and doc.effect_label:
            numbers = ", ".join(str(n) for n, (d, _) in enumerate(cited, start=1) if d == doc_id)
            fields = {"numbers": numbers, "title": doc.short_title, "effect": doc.effect_label}
            notes.append(RelationNote("legal_effect", doc_id, doc_id, "relation.legal_effect", fields))
    for doc_id in dict.fromkeys(d for d, _ in cited):
        if (note := revocation(doc_id, documents, chunks)) is not None:
            notes.append(note)
    notes += _guidance(cited, documents, locate)
    notes += _chapters([d for d, _ in cited], documents)
    return notes


def with_relations(
    answer: Answer,
    documents: Mapping[str, Document],
    chunks: Sequence[Chunk] = (),
    locate: Callable[[str], Chunk | None] | None = None,
    fate_of: Sequence[str] = (),
    msgs: Messages | None = None,
) -> Answer:
    """The answer with its relation notes appended to its text, and the revoking provision cited when the index
    holds it (the hook `Answerer.answer` calls; see docs/relations.md). `fate_of`: the texts a question asks what
    became of ("Who revoked EO 14110?", "Is it still in force?"): when the library holds a text revoking one, its
    revoking provision is the short answer and the first citation, before any quote of the revoked text (a claim
    keeps its verdict's quote first; only its refusal becomes the revoking provision). The notes are written in
    `msgs`'s language (English by default)."""
    msgs = msgs or load_messages("en")
    fate = next(
        (n for d in fate_of if (n := revocation(d, documents, chunks)) is not None and n.chunk is not None), None
    )
    led: set[str] = set()
    if fate is not None and answer.mode != "claim":  # a claim's verdict cites first the quote it rests on
        answer, led = _lead_with(fate, answer, documents, msgs), {fate.about}
    elif answer.refused and fate is not None:
        cite = _citation(1, fate.chunk, documents[fate.related], documents.get(fate.about))  # type: ignore[arg-type]
        return replace(answer, text=f"{fate.render(msgs)} [1]", citations=(cite,), refused=False)
    if answer.refused:
        return answer
    if not answer.citations:
        return answer
    cited = [(c.doc_id, c.locator) for c in answer.citations]
    notes = [
        n for n in relation_notes(cited, documents, chunks, locate) if not (n.kind == "revoked_by" and n.about in led)
    ]
    if not notes:
        return answer
    citations = list(answer.citations)
    for note in notes:
        if note.kind == "revoked_by" and note.chunk is not None and note.related not in {c.doc_id for c in citations}:
            revoker, revoked = documents[note.related], documents.get(note.about)
            citations.append(_citation(len(citations) + 1, note.chunk, revoker, revoked))
    lines = [n.render(msgs) + (f" [{len(citations)}]" if n.kind == "revoked_by" and n.chunk else "") for n in notes]
    return replace(answer, text=answer.text + "\n" + "\n".join(lines), citations=tuple(citations))


_MARKER = re.compile(r"\[(\d+)\]")


def _lead_with(note: RelationNote, answer: Answer, documents: Mapping[str, Document], msgs: Messages) -> Answer:
    """A question on what became of a text ("Is EO 14110 still in force?"): the provision of the held text that
    revokes it is the short answer, cited [1] and ranked first among the passages and the quotes; the answer's own
    quotes follow, renumbered (one of that very provision folds into [1]; a refusal's reason gives way to it)."""
    chunk = note.chunk
    assert chunk is not None
    revoker = documents[note.related]
    cite = _citation(1, chunk, revoker, documents.get(note.about))
    line = msgs("answer.line", title=revoker.short_title, locator=cite.locator, quote=" ".join(cite.quote.split()), n=1)
    short = f"{note.render(msgs)} [1]"
    if answer.refused:
        return replace(answer, text=line, short_answer=short, citations=(cite,), refused=False)
    same = {c.n for c in answer.citations if (c.doc_id, c.locator) == (revoker.id, chunk.locator)}
    kept = [c for c in answer.citations if c.n not in same]
    number = {c.n: n for n, c in enumerate(kept, start=2)} | dict.fromkeys(same, 1)

    def renumber(text: str) -> str:
        return _MARKER.sub(lambda m: f"[{number[int(m[1])]}]" if int(m[1]) in number else m[0], text)

    lines = [
        renumber(text)
        for text in answer.text.split("\n")
        if not (text.startswith("- ") and (cited := {int(n) for n in _MARKER.findall(text)}) and cited <= same)
    ]
    first = next((i for i, text in enumerate(lines) if text.startswith("- ")), 0)
    passage = Passage(chunk, 1.0, {"relation": 1.0}, revoker, lookup=True)
    others = tuple(
        p for p in answer.passages if (p.chunk.doc_id, p.chunk.char_start) != (chunk.doc_id, chunk.char_start)
    )
    return replace(
        answer,
        text="\n".join([*lines[:first], line, *lines[first:]]),
        short_answer=short,
        citations=(cite, *(replace(c, n=number[c.n]) for c in kept)),
        passages=(passage, *others),
    )


def _citation(n: int, chunk: Chunk, doc: Document, revoked: Document | None) -> Citation:
    """The revoking provision as a citation: the item of the chunk that names the revoked text (a list item
    "(ggg) Executive Order 14110 of …" runs from its "(" line to the next one), else the whole chunk."""
    text = chunk.text
    start, end = 0, len(text)
    hit = next((m for rx in (name_patterns(revoked) if revoked else []) if (m := rx.search(text))), None)
    if hit is not None:
        start = max(text.rfind("\n(", 0, hit.start()) + 1, 0)
        end = text.find("\n(", hit.end())
        end = len(text) if end < 0 else end
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    url = f"{doc.download_url or doc.official_url}#page={chunk.page_at(start)}" if doc.is_pdf else doc.official_url
    return Citation(
        n=n,
        doc_id=doc.id,
        short_title=doc.short_title,
        locator=chunk.locator,
        page=chunk.page_at(start),
        quote=text[start:end],
        url=url,
        version=doc.version,
        status=doc.status,
        legal_effect=doc.legal_effect,
        sha256=doc.sha256,
        quote_start=chunk.char_start + start,
        quote_end=chunk.char_start + end,
        effect_label=doc.effect_label,
    )
