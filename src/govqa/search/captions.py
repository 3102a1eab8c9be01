"""Article captions as a question names them (pure).

Statutes caption their articles: "Article 3 (Basic Principles)", 「第三条（基本理念）」, "제5조(다른 법률과의 관계)".
A question that names a caption ("What are the basic principles of …?", 「AI推進法の基本理念は？」) asks for the
article under it, whatever else its wording shares with other articles. The captions are read from the chunks'
heading paths once; a question is matched against them with plain string search.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from govqa.records import Chunk
from govqa.text import fold

# An article's caption in brackets after its number: "Article 3 (Basic Principles)", 「第三条　（基本理念）」,
# "제5조(다른 법률과의 관계)" (not a glossary label such as "Part 1 Definitions (AI system)").
_CAPTION = re.compile(
    r"^\s*(?:article|section|第[^条]{1,8}条|제\d+조)[^(（]{0,12}[(（]([^()（）]{2,80})[)）]\s*$", re.I
)
_LATIN = re.compile(r"[a-z]")
# A Latin caption shorter than this ("Purpose", "Review") is a common word, not a name: the provision roles
# (purpose, definition…) find those articles. CJK captions are names from two characters (「目的」, 「定義」).
MIN_LATIN_CHARS = 8


class Captions:
    """Which chunks stand under each article caption."""

    def __init__(self, chunks: Sequence[Chunk]) -> None:
        self.chunks = chunks
        self._under: dict[str, list[int]] = {}
        for i, chunk in enumerate(chunks):
            for heading in reversed(chunk.heading_path):  # the innermost captioned heading
                if m := _CAPTION.search(heading):
                    caption = fold(m.group(1))
                    if not _LATIN.search(caption) or len(caption) >= MIN_LATIN_CHARS:
                        self._under.setdefault(caption, []).append(i)
                    break
        self._patterns = {
            c: re.compile(rf"(?<!\w){re.escape(c)}(?!\w)") if _LATIN.search(c) else None for c in self._under
        }

    def named(self, question: str, doc_ids: Sequence[str]) -> list[str]:
        """Ids of the chunks of `doc_ids` under a caption the question names, in document order."""
        text = fold(question)
        allowed = set(doc_ids)
        found: set[int] = set()
        for caption, under in self._under.items():
            pattern = self._patterns[caption]
            if pattern.search(text) if pattern else caption in text:
                found.update(i for i in under if self.chunks[i].doc_id in allowed)
        return [self.chunks[i].id for i in sorted(found)]
