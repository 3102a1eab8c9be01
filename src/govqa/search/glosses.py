"""English glosses of a Japanese claim's content words, and near-synonyms of an English claim's, from the JMdict
dictionary the `jamdict-data` package ships.

A Japanese claim about a text the library holds only in English ("EU AI法では…罰金が科される") shares no character
with the English sentence that decides it; its e5 similarity alone cannot tell what the sentence states. Each
content word of the claim (a run of kanji or katakana: 罰金, 個人情報取扱事業者, ディープフェイク) is cut into
the longest dictionary words it is made of (個人情報 / 取扱 / 事業者), and each dictionary word is stated by an
English sentence when one of its first glosses stands in it whole ("fine", "penalty"; "personal information").

The same dictionary gives an English claim's words their near-synonyms (`Glossary.synonyms`): two English words
that render one sense of a Japanese word together, in two senses or more ("tell" and "inform", "fix" and "repair").
A claim written in everyday words ("companies must fix …") then states part of a sentence in the law's ("shall
correct …").

The dictionary is the Electronic Dictionary Research and Development Group's JMdict (CC BY-SA 3.0), read from
the SQLite file of the `jamdict-data` package, read-only. Without that package no word has a gloss or a synonym,
and claims are compared word for word (a Japanese claim with an English sentence on its English terms alone).
"""

from __future__ import annotations

import re
import sqlite3
import threading
from collections import Counter, defaultdict
from collections.abc import Sequence
from functools import lru_cache
from importlib.util import find_spec
from pathlib import Path

from govqa.text import tokenize

# Senses past the first few are rare or figurative uses (施行: "execution", "enforcing", … "giving alms"); a
# gloss of more words than this is an explanation, not a rendering.
SENSES = 3
GLOSS_WORDS = 3
_ING = re.compile(r"[\u30a1-\u30fa]ング")  # an English "-ing" in katakana (リング, ピング, キング)
_KATAKANA_STEM = re.compile(r"[\u30a1-\u30fa\u30fc]+(?<!ング)")  # a katakana word not itself in "-ing"
_LONGEST = 8  # characters: the longest dictionary word tried at each position of a run
# Two English words are near-synonyms when JMdict gives both as one-word glosses of one sense (a sense of at most
# `_SENSE_WORDS` such glosses: a longer list is a word of many uses) in at least `_TOGETHER` senses: "tell" and
# "inform" render 知らせる, 告げる, …; "fine" and "penalty" 罰金 alone, once.
_SENSE_WORDS = 8
_TOGETHER = 2

_NOTE = re.compile(r"\([^)]*\)")  # "promulgation (e.g. of regulations)"
_GLOSSES = """
select sg.text from {table} w cross join Sense s on s.idseq = w.idseq cross join SenseGloss sg on sg.sid = s.ID
where w.text = ? and +sg.lang = 'eng' and s.ID in (
    select s2.ID from {table} w2 cross join Sense s2 on s2.idseq = w2.idseq where w2.text = ? order by s2.ID limit ?
)
"""


def dictionary_path() -> Path | None:
    """The JMdict SQLite file of the installed `jamdict-data` package, or None."""
    spec = find_spec("jamdict_data")
    if spec is None or not spec.submodule_search_locations:
        return None
    path = Path(next(iter(spec.submodule_search_locations))) / "jamdict.db"
    return path if path.is_file() else None


class Glossary:
    """Looks words up in a JMdict SQLite file (read-only); a word no entry spells has no glosses."""

    def __init__(self, path: Path | None) -> None:
        self._db = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True, check_same_thread=False) if path else None
        self.glosses = lru_cache(maxsize=20_000)(self._glosses)
        self._synonyms: dict[str, frozenset[str]] | None = None
        self._lock = threading.Lock()  # one connection, shared by the app's threads

    def _glosses(self, word: str) -> tuple[frozenset[str], ...]:
        """Each gloss of the word's first senses as its set of stems ("business operator" → {busi, oper})."""
        if self._db is None:
            return ()
        rows: list[tuple[str]] = []
        for table in ("Kanji", "Kana"):
            with self._lock:
                rows = self._db.execute(_GLOSSES.format(table=table), (word, word, SENSES)).fetchall()
            if rows:
                break
        out = []
        for (text,) in rows:
            stems = frozenset(tokenize(_NOTE.sub(" ", text)))
            if stems and len(stems) <= GLOSS_WORDS and stems not in out:
                out.append(stems)
        return tuple(out)

    def synonyms(self) -> dict[str, frozenset[str]]:
        """Each English stem's near-synonyms (see `_TOGETHER`), read once from the whole dictionary."""
        with self._lock:
            if self._synonyms is None:
                self._synonyms = self._read_synonyms()
            return self._synonyms

    def _read_synonyms(self) -> dict[str, frozenset[str]]:
        if self._db is None:
            return {}
        senses: defaultdict[int, set[str]] = defaultdict(set)
        for sid, text in self._db.execute("select sid, text from SenseGloss where lang = 'eng'").fetchall():
            stems = tokenize(text)
            if len(stems) == 1:
                senses[sid].add(stems[0])
        together: Counter[tuple[str, str]] = Counter()
        for words in senses.values():
            if 2 <= len(words) <= _SENSE_WORDS:
                together.update((a, b) for a in words for b in words if a != b)
        out: defaultdict[str, set[str]] = defaultdict(set)
        for (a, b), n in together.items():
            if n >= _TOGETHER:
                out[a].add(b)
        return {a: frozenset(bs) for a, bs in out.items()}

    def words(self, run: str) -> list[str]:
        """The dictionary words a run of kanji or katakana is made of, longest first from the left; a
        character no word starts with stands alone. A katakana word's English "-ing" (スコア + リング: "scoring")
        is no word of its own ("ring"): the stem before it says what the word does."""
        out: list[str] = []
        i = 0
        while i < len(run):
            for j in range(min(len(run), i + _LONGEST), i, -1):
                if j - i == 1 or self.glosses(run[i:j]):
                    if not (out and _ING.fullmatch(run[i:j]) and _KATAKANA_STEM.fullmatch(out[-1])):
                        out.append(run[i:j])
                    i = j
                    break
        return out

    def renderings(self, run: str) -> tuple[tuple[frozenset[str], ...], ...]:
        """For each dictionary word of the run, its glosses (empty for a word the dictionary lacks)."""
        return tuple(self.glosses(w) for w in self.words(run))


def renders_head(glossary: Glossary, run: str, english: str) -> bool:
    """Whether the English words render the run's last dictionary word, the head of a Japanese noun (「4つの機能」
    counts 機能, "function"; 「9つの側面」 側面, "dimension" among its glosses)."""
    words = glossary.renderings(run)
    return bool(words) and any(g <= set(tokenize(english)) for g in words[-1])


def stated_share(renderings: Sequence[Sequence[frozenset[str]]], present: set[str]) -> float:
    """The share of a run's dictionary words that an English sentence (its stems `present`) renders: one of the
    word's glosses stands in it whole."""
    if not renderings:
        return 0.0
    return sum(any(g <= present for g in glosses) for glosses in renderings) / len(renderings)


@lru_cache(maxsize=1)
def glossary() -> Glossary:
    """The glossary of the installed dictionary (one connection per process)."""
    return Glossary(dictionary_path())
