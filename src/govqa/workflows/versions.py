"""What changed between two versions of one text: provisions aligned by number (or, for unnumbered units such as
addenda, by heading), each unchanged / changed / added / removed, with a word-level diff and both sides cited.

Which documents are versions of one text is the manifest's word, never a guess from their contents: one
supersedes the other (`superseded_by`, followed along a chain), both translate one original (`translation_of`),
or both carry a name in common (`aliases`: the signed act and its session-law print). Texts in two languages are
one text but not comparable word by word; anything else is a `NotVersionsError` saying so.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Literal

from govqa.documents.locators import numbering_script, parse_citation
from govqa.errors import DiffError, NotVersionsError
from govqa.records import Chunk, Document
from govqa.search.provisions import joined_text, provision_chunks, unit_key, unit_title
from govqa.workflows.library import Library

Change = Literal["unchanged", "changed", "added", "removed"]
Op = Literal["=", "-", "+"]


def _successors(doc: Document, documents: Mapping[str, Document]) -> list[str]:
    chain, seen = [], {doc.id}
    while doc.superseded_by and doc.superseded_by in documents and doc.superseded_by not in seen:
        doc = documents[doc.superseded_by]
        chain.append(doc.id)
        seen.add(doc.id)
    return chain


def versions_relation(a: Document, b: Document, documents: Mapping[str, Document]) -> str:
    """Why the manifest makes `a` and `b` versions of one text, or a NotVersionsError saying why it does not."""
    if a.id == b.id:
        raise NotVersionsError(f"{a.id} was given twice; name two versions of one text to compare.")
    if b.id in _successors(a, documents) or a.id in _successors(b, documents):
        old, new = (a, b) if b.id in _successors(a, documents) else (b, a)
        why = f"{old.short_title} ({old.id}) is superseded by {new.short_title} ({new.id})"
    elif a.translation_of == b.id or b.translation_of == a.id:
        why = f"{a.id if a.translation_of == b.id else b.id} translates the other"
    elif a.translation_of and a.translation_of == b.translation_of:
        why = f"both translate {a.translation_of}"
    elif shared := [n for n in a.aliases if n.casefold() in {m.casefold() for m in b.aliases}]:
        why = f"the manifest calls both {shared[0]!r}"
    else:
        raise NotVersionsError(
            f"{a.short_title} ({a.id}) and {b.short_title} ({b.id}) are not versions of one text: the manifest "
            "links them by no superseded_by, common translation_of or shared alias. `govqa diff` compares versions "
            "or editions of one text; to compare two different texts, ask in compare mode."
        )
    if a.language != b.language:
        raise NotVersionsError(
            f"{a.id} ({a.language}) and {b.id} ({b.language}) are one text ({why}) in two languages: a word-level "
            "diff needs one language. Compare versions in the same language, or quote both with `govqa cite`."
        )
    return why


@dataclass(frozen=True)
class ProvisionChange:
    """One provision in both versions (or in one of them), with the word-level diff from a to b."""

    locator: str
    change: Change
    a_chunks: tuple[Chunk, ...]
    b_chunks: tuple[Chunk, ...]
    words: tuple[tuple[Op, str], ...] = ()

    @property
    def a_text(self) -> str:
        return joined_text(self.a_chunks)[0] if self.a_chunks else ""

    @property
    def b_text(self) -> str:
        return joined_text(self.b_chunks)[0] if self.b_chunks else ""


@dataclass(frozen=True)
class VersionDiff:
    a: Document
    b: Document
    relation: str  # why they are versions of one text (the manifest's link)
    provisions: tuple[ProvisionChange, ...]

    def counts(self) -> dict[str, int]:
        found = {c: 0 for c in ("unchanged", "changed", "added", "removed")}
        for p in self.provisions:
            found[p.change] += 1
        return found


_TOKEN = re.compile(r"\s*(?:[\u3040-\u30ff\u3400-\u9fff]|[^\s\u3040-\u30ff\u3400-\u9fff]+)")


def word_diff(a: str, b: str) -> tuple[tuple[Op, str], ...]:
    """a → b as runs of kept, removed and added words (Chinese and Japanese characters one by one, having no
    spaces); whitespace does not count as a change, so a reflowed line reads as unchanged."""
    ta, tb = _TOKEN.findall(a), _TOKEN.findall(b)
    matcher = difflib.SequenceMatcher(None, [t.strip() for t in ta], [t.strip() for t in tb], autojunk=False)
    ops: list[tuple[Op, str]] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            ops.append(("=", "".join(tb[j1:j2])))
            continue
        if i2 > i1:
            ops.append(("-", "".join(ta[i1:i2])))
        if j2 > j1:
            ops.append(("+", "".join(tb[j1:j2])))
    return tuple(ops)


def _units(chunks: Sequence[Chunk]) -> dict[tuple[str, ...], list[Chunk]]:
    units: dict[tuple[str, ...], list[Chunk]] = {}
    for chunk in chunks:
        units.setdefault(unit_key(chunk), []).append(chunk)
    return units


def _compare(locator: str, a: Sequence[Chunk], b: Sequence[Chunk]) -> ProvisionChange:
    if not a:
        return ProvisionChange(locator, "added", (), tuple(b))
    if not b:
        return ProvisionChange(locator, "removed", tuple(a), ())
    a_text, b_text = joined_text(a)[0], joined_text(b)[0]
    # Spacing is not wording: a reflowed line, "60 (1)" against "60(1)", a word a PDF split ("DEPLOY ER")
    if "".join(a_text.split()) == "".join(b_text.split()):
        return ProvisionChange(locator, "unchanged", tuple(a), tuple(b))
    return ProvisionChange(locator, "changed", tuple(a), tuple(b), word_diff(a_text, b_text))


def _aligned(a: dict[tuple[str, ...], list[Chunk]], b: dict[tuple[str, ...], list[Chunk]]) -> list[tuple[str, ...]]:
    """Both versions' units in one reading order: b's order, a's removed units where they stood in a."""
    ka, kb = list(a), list(b)
    order: list[tuple[str, ...]] = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, ka, kb, autojunk=False).get_opcodes():
        order += [k for k in ka[i1:i2] if k not in b] if tag != "equal" else []
        order += kb[j1:j2]
    return list(dict.fromkeys(order + [k for k in ka if k not in order]))


def diff_versions(library: Library, a_id: str, b_id: str, provision: str | None = None) -> VersionDiff:
    """Every provision of two versions of one text aligned and compared (or only `provision`, e.g. "Article 2")."""
    a, b = library.document(a_id), library.document(b_id)
    relation = versions_relation(a, b, library.documents)
    a_chunks, b_chunks = library.chunks_of(a.id), library.chunks_of(b.id)
    if provision:
        parsed = parse_citation(provision)
        if parsed is None:
            raise DiffError(f"--provision {provision!r} names no provision govqa can read (e.g. Article 2).")
        script = numbering_script(provision)
        held_a = provision_chunks(a_chunks, parsed[2], script).get(a.id, [])
        held_b = provision_chunks(b_chunks, parsed[2], script).get(b.id, [])
        if not held_a and not held_b:
            raise DiffError(f"Neither {a.id} nor {b.id} has {provision}; check the reference.")
        return VersionDiff(a, b, relation, (_compare(provision, held_a, held_b),))
    units_a, units_b = _units(a_chunks), _units(b_chunks)
    changes = []
    for key in _aligned(units_a, units_b):
        first = (units_b.get(key) or units_a[key])[0]
        changes.append(_compare(unit_title(first), units_a.get(key, []), units_b.get(key, [])))
    return VersionDiff(a, b, relation, tuple(changes))


def version_pairs(documents: Mapping[str, Document], present: set[str]) -> list[tuple[str, str]]:
    """The indexed pairs the manifest makes versions of one text in one language, the earlier one first (the one
    superseded, else the earlier date, else manifest order): what the Library page offers to compare."""
    ids = [d for d in documents if d in present]
    pairs = []
    for i, a in enumerate(ids):
        for b in ids[i + 1 :]:
            try:
                versions_relation(documents[a], documents[b], documents)
            except NotVersionsError:
                continue
            da, db = documents[a], documents[b]
            later_first = a in _successors(db, documents) or (b not in _successors(da, documents) and db.date < da.date)
            pairs.append((b, a) if later_first else (a, b))
    return pairs
