"""Finding the passage that defines a term the question quotes ("What does 'deployer' mean?").

Built once per index: the 64 characters before every definition cue of every chunk ("means", "refers to",
"describes", 「とは」, a list entry's ":"), casefolded and joined, so a question's terms are found with
str.find instead of a regex over every chunk; the definition patterns then decide. A glossary entry has no
cue (the term on a line of its own, its definition below): a chunk of a definitions unit whose first line is
a bare term is indexed by that term.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import numpy as np

from govqa.records import Chunk
from govqa.search.query import ASKS_DEFINITION, definition_patterns, quoted_terms
from govqa.text import DEFINITION_CUES

# What may follow a term being defined: a superset of `definition_patterns` (the candidates index is built
# from these cues, and the patterns then decide).
_CUES = (*DEFINITION_CUES, ":")  # casefolded
# Where a definition cue starts (overlapping ones too).
_CUE_AT = re.compile(rf"(?=(?:{'|'.join(_CUES)}))", re.I)
_PREFIX_CHARS = 64  # the term (at most 60 characters) and an optional closing quote
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


def _find_all(text: str, part: str) -> list[int]:
    found, pos = [], text.find(part)
    while pos != -1:
        found.append(pos)
        pos = text.find(part, pos + 1)
    return found


class DefinitionIndex:
    """Which chunks may define a term, found by the text right before each definition cue."""

    def __init__(self, chunks: Sequence[Chunk]) -> None:
        self.chunks = chunks
        parts, owners = [], []
        for i, chunk in enumerate(chunks):
            folded = chunk.text.casefold()
            if not any(cue in folded for cue in _CUES):
                continue
            same_length = len(folded) == len(chunk.text)
            if same_length:  # one character for one: positions agree, str.find will do
                at = sorted({m for cue in _CUES for m in _find_all(folded, cue)})
            else:  # the regex is exact but slow (case-insensitive lookahead at every position)
                at = [m.start() for m in _CUE_AT.finditer(chunk.text)]
            for start in at:
                # the term and an optional closing quote, then only whitespace
                before = folded[:start] if same_length else chunk.text[:start].casefold()
                parts.append(before.rstrip()[-_PREFIX_CHARS:])
                owners.append(i)
        self._entries: dict[str, list[int]] = {}
        for i, chunk in enumerate(chunks):
            if "definition" in chunk.roles and (m := _ENTRY.match(chunk.text.split("\n", 1)[0])):
                self._entries.setdefault(m.group(1).strip().casefold(), []).append(i)
        self._text = "\x00".join(parts)
        self._starts = np.cumsum([0] + [len(p) + 1 for p in parts])
        self._owners = np.array(owners, dtype=np.int64)

    def candidates(self, terms: Sequence[str]) -> list[int]:
        """Chunks in which a term may stand right before a definition cue, in chunk order: a superset of the
        matches (the patterns decide)."""
        if any(not t for t in terms):
            return list(range(len(self.chunks)))
        found: set[int] = set()
        for term in terms:
            folded = term.casefold()
            pos = self._text.find(folded)
            while pos != -1:
                found.add(int(self._owners[np.searchsorted(self._starts, pos, side="right") - 1]))
                pos = self._text.find(folded, pos + 1)
        return sorted(found)

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
        patterns = definition_patterns(terms)
        allowed = set(doc_ids)
        entries = {i for term in terms for i in self._entries.get(term.casefold(), ())}
        found = []
        for i in sorted(entries.union(self.candidates(terms))):
            chunk = self.chunks[i]
            if chunk.doc_id in allowed and (i in entries or any(p.search(chunk.text) for p in patterns)):
                found.append(chunk.id)
        return found
