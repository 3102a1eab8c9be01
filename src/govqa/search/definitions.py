"""Finding the passage that defines a term the question quotes ("What does 'deployer' mean?").

Built once per index: for every definition cue of every chunk ("means", "refers to", "describes", 「とは」, a list
entry's ":"), the 64 characters before it (trailing white space and one closing quote dropped), casefolded and
reversed, in one sorted list. A definition puts the term right before its cue, so the cues a term may define are
those whose text before ends with the term: a binary search for the reversed term, not a scan of every chunk.
The definition patterns then decide, run only over the few characters from the term to that cue. A glossary
entry has no cue (the term on a line of its own, its definition below): a chunk of a definitions unit whose
first line is a bare term is indexed by that term.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator, Sequence
from typing import NamedTuple

from govqa.records import Chunk
from govqa.search.query import ASKS_DEFINITION, definition_patterns, quoted_terms
from govqa.text import DEFINITION_CUES

# What may follow a term being defined: a superset of `definition_patterns` (the candidates index is built
# from these cues, and the patterns then decide).
_CUES = (*DEFINITION_CUES, ":")  # folded (`_fold`)
_LONGEST_CUE = max(len(cue) for cue in _CUES)
# Where a definition cue starts (overlapping ones too).
_CUE_AT = re.compile(rf"(?=(?:{'|'.join(_CUES)}))", re.I)
# Text kept before a cue: the end of a longer term is looked up, and the patterns read the whole term.
_PREFIX_CHARS = 64
# The closing quotes `definition_patterns` allow between a term and its cue.
_CLOSING_QUOTES = "’'\"”」"
# A glossary entry's first line: an optional bullet (PDFs print them as private-use glyphs) and a bare term.
_ENTRY = re.compile(r"[\uE000-\uF8FF•▪■◆]?\s*([^.。:：\n]{1,60})\s*$")


_AI = re.compile(r"\bAI\b", re.I)
_ARTIFICIAL_INTELLIGENCE = re.compile(r"\bartificial intelligence\b", re.I)


def spellings(term: str) -> list[str]:
    """The term, and the term with "AI" written out or "artificial intelligence" abbreviated."""
    out = [term]
    if _AI.search(term):
        out.append(_AI.sub("artificial intelligence", term))
    if _ARTIFICIAL_INTELLIGENCE.search(term):
        out.append(_ARTIFICIAL_INTELLIGENCE.sub("AI", term))
    return out


def _fold(text: str) -> str:
    """The text as the case-insensitive definition patterns compare it: re's IGNORECASE pairs "İ" and "ı" with
    "i", casefold does not (it keeps "ı" and writes "İ" as "i" and a dot). With both made "i" first, a term
    matches a text case-insensitively only if their folds are equal (checked over every code point)."""
    return text.replace("İ", "i").replace("ı", "i").casefold()  # str.translate was 15 times slower here


def _find_all(text: str, part: str) -> list[int]:
    found, pos = [], text.find(part)
    while pos != -1:
        found.append(pos)
        pos = text.find(part, pos + 1)
    return found


class _Cue(NamedTuple):
    """One definition cue of one chunk; positions are in the chunk's text."""

    chunk: int
    start: int  # where the cue starts
    before_end: int  # where the text before it ends, trailing white space dropped
    entry: bool  # the cue is a list entry's ":" (else a verb such as "means")


def _before_end(text: str, start: int) -> int:
    """Where the text before `start` ends, trailing white space dropped (as `text[:start].rstrip()`)."""
    while start and text[start - 1].isspace():
        start -= 1
    return start


def _cue_starts(text: str, folded: str) -> list[int]:
    """Where the definition cues of a chunk start, in its text."""
    if len(folded) == len(text):  # one character for one: positions agree, str.find will do
        return sorted({m for cue in _CUES for m in _find_all(folded, cue)})
    return [m.start() for m in _CUE_AT.finditer(text)]  # exact but slow (case-insensitive lookahead everywhere)


class DefinitionIndex:
    """Which chunks may define a term, found by the text right before each definition cue."""

    def __init__(self, chunks: Sequence[Chunk]) -> None:
        self.chunks = chunks
        keyed: list[tuple[str, int]] = []
        self._cues: list[_Cue] = []
        for i, chunk in enumerate(chunks):
            folded = _fold(chunk.text)
            if not any(cue in folded for cue in _CUES):
                continue
            for start in _cue_starts(chunk.text, folded):
                end = _before_end(chunk.text, start)
                self._cues.append(_Cue(i, start, end, chunk.text.startswith(":", start)))
                # the term, then an optional closing quote: both spellings end with the term
                key = _fold(chunk.text[max(0, end - _PREFIX_CHARS) : end])[::-1]
                keyed.append((key, len(self._cues) - 1))
                if key[:1] and key[0] in _CLOSING_QUOTES:
                    keyed.append((key[1:], len(self._cues) - 1))
        keyed.sort()
        self._keys = [k for k, _ in keyed]
        self._key_cue = [n for _, n in keyed]
        self._entries: dict[str, list[int]] = {}
        for i, chunk in enumerate(chunks):
            if "definition" in chunk.roles and (m := _ENTRY.match(chunk.text.split("\n", 1)[0])):
                self._entries.setdefault(m.group(1).strip().casefold(), []).append(i)

    def _cues_after(self, term: str) -> Iterator[_Cue]:
        """The cues whose text before ends with the term (or with its last characters, for a long term)."""
        tail = _fold(term)[-(_PREFIX_CHARS - 1) :][::-1]
        at = bisect.bisect_left(self._keys, tail)
        seen: set[int] = set()
        while at < len(self._keys) and self._keys[at].startswith(tail):
            if self._key_cue[at] not in seen:
                seen.add(self._key_cue[at])
                yield self._cues[self._key_cue[at]]
            at += 1

    def defining(self, question: str, doc_ids: Sequence[str]) -> list[str]:
        """Ids of the chunks of `doc_ids` that define or gloss a term the question quotes and asks about."""
        if not ASKS_DEFINITION.search(question):
            return []
        return self.defining_terms(quoted_terms(question), doc_ids)

    def defining_terms(self, terms: Sequence[str], doc_ids: Sequence[str]) -> list[str]:
        """Ids of the chunks of `doc_ids` that define or gloss one of `terms` (or its spelling with "AI" written
        out, or abbreviated: users write "high-impact AI", laws "high-impact artificial intelligence")."""
        if not terms:
            return []
        terms = list(dict.fromkeys(v for t in terms for v in spellings(t)))
        allowed = set(doc_ids)
        found = {i for term in terms for i in self._entries.get(term.casefold(), ())}
        found = {i for i in found if self.chunks[i].doc_id in allowed}
        for term in terms:
            found.update(self._defined_at_cues(term, allowed, found))
        return [self.chunks[i].id for i in sorted(found)]

    def _defined_at_cues(self, term: str, allowed: set[str], known: set[int]) -> set[int]:
        """Chunks in which a definition pattern of the term matches, read from the term to each of its cues:
        a match ends at a cue, and its term (with an opening quote) starts right before the cue's text before.
        A list entry starts at a line start after any number of digits and spaces: read from the chunk's start."""
        verb, entry = definition_patterns([term])
        out: set[int] = set()
        for cue in self._cues_after(term):
            chunk = self.chunks[cue.chunk]
            if cue.chunk in known or cue.chunk in out or chunk.doc_id not in allowed:
                continue
            text = chunk.text
            if cue.entry:
                hit = entry.search(text, 0, cue.start + 1)
            else:
                hit = verb.search(text, max(0, cue.before_end - len(term) - 2), cue.start + _LONGEST_CUE)
            if hit:
                out.add(cue.chunk)
        return out
