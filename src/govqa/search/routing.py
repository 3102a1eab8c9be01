"""Which documents a question names: aliases and short titles first, jurisdiction words second.

Pure string work over the manifest; the longest alias wins where aliases overlap ("Japanese AI
Act" routes to Japan's act, not to the EU "AI Act").
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from govqa.errors import ConfigError
from govqa.records import Document
from govqa.text import fold, language_of, tokenize

_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")


# What may stand between a jurisdiction word and the name it qualifies: "Japan's", "Japanese", "Colorado's new",
# 「日本の」.
# Japanese names a place's law with its kind of place before の: 「コロラド州のAI法」, 「中国政府の…」.
_BINDS = re.compile(r"(?:['’]s|s['’])?\s*(?:(?:new|own|national|federal|state|first)\s+)?|(?:州|国|県|市|省|政府)?の")


# A possessive referring back to a place named before it: "Colorado's attorney general … under the state's AI
# Act" means Colorado's act, 「同州のAI法」 likewise.
_REFERS_BACK = re.compile(
    r"\bthe\s+(?:state|country|nation|province|city)['’]s\s+(?:(?:new|own|first)\s+)?$|同(?:州|国|県|市)の$"
)


def _pattern(term: str) -> re.Pattern[str]:
    """An alias as a pattern. News writes the possessive of a name's first words ("Biden's AI executive
    order" for the alias "Biden AI executive order", "Colorado's AI Act"), so a word followed by another may
    carry 's."""
    if _CJK.search(term):
        return re.compile(re.escape(fold(term)).replace(r"\ ", r"(?:['’]s)?\s+"))
    # a title's "Artificial Intelligence" is "AI" in news, and an alias's "AI" may be spelt out
    words = re.sub(r"\bartificial intelligence\b", "ai", fold(term)).split(" ")
    norm = r"(?:['’]s)?\s+".join(r"(?:ai|artificial\s+intelligence)" if w == "ai" else re.escape(w) for w in words)
    return re.compile(rf"(?<![a-z0-9]){norm}(?![a-z0-9])")


# A bill or an order cited by its number, spelled as the alias is not: "SB24-205" is also "SB 24-205", "S.B.
# 24-205", "Senate Bill 24-205"; "Executive Order 14179" also "EO14179", "E.O. 14179", "Executive Order No.
# 14179". A state's bill numbers restart each session, so a number without its session ("SB 205") names the held
# bill only right after the state's name ("Colorado's SB 205").
_DESIGNATORS = {
    "senate": r"s\.?\s?b\.?|senate\s+bill",
    "house": r"h\.?\s?b\.?|house\s+bill",
    "order": r"e\.?\s?o\.?|executive\s+order",
}
_DESIGNATION = re.compile(
    r"(?P<kind>s\.?\s?b\.?|senate bill|h\.?\s?b\.?|house bill|e\.?\s?o\.?|executive order)\s*(?:no\.?\s*)?"
    r"(?:(?P<session>\d{2})-)?(?P<number>\d+)"
)


def _designation(term: str, places: Iterable[str]) -> re.Pattern[str] | None:
    """The spellings of an alias that designates a bill or an order by its number (see `_DESIGNATORS`), or None."""
    m = _DESIGNATION.fullmatch(fold(term))
    if m is None:
        return None
    kind = next(k for k, rx in _DESIGNATORS.items() if re.fullmatch(rx, m.group("kind")))
    said = rf"(?:{_DESIGNATORS[kind]})\s*(?:no\.?\s*)?"
    number = rf"{m.group('number')}(?![\d-])"
    if not m.group("session"):
        return re.compile(rf"(?<![a-z0-9]){said}{number}")
    place = "|".join(re.escape(fold(p)) for p in places)
    own = rf"|(?<![a-z0-9])(?:{place})(?:['’]s)?\s+{said}{number}" if place else ""
    return re.compile(rf"(?<![a-z0-9]){said}{m.group('session')}-{number}{own}")


# News shortens a code of practice or of conduct named by its subject to "code": "the GPAI code" for the alias
# "GPAI Code of Practice".
_CODE_OF = re.compile(r"(\S.*?)\s+code of (?:practice|conduct)", re.I)


def _chapter_pattern(name: str) -> re.Pattern[str]:
    """A chapter's name beside the word for a chapter: "transparency chapter", "chapter on transparency"."""
    norm = re.escape(fold(name.strip())).replace(r"\ ", r"\s+")
    return re.compile(
        rf"(?<![a-z0-9]){norm}(?:'s)?\s+chapter|\bchapter\s+(?:on|of|about)\s+(?:the\s+)?{norm}(?![a-z0-9])"
    )


# The word for a kind of text, which a name followed by it may narrow to another text of that kind ("the Hiroshima
# Process code of conduct", "the NIST AI RMF generative AI profile").
_KIND = re.compile(
    r"\b(?:code|conduct|practice|guidelines?|guidance|principles?|profile|framework|methodology|measures"
    r"|declaration|recommendation|convention|resolution|order|act|law|regulation|rules)\b"
)
_FOLLOWING = re.compile(r"(?:[ \t]+[a-z0-9][a-z0-9-]*){1,5}")  # the words right after a name, no "'s" between

_GUIDANCE = re.compile(r"\bguidance\b|\bguidelines?\b|指針|ガイドライン", re.I)
_YEAR = re.compile(r"(?<![\d-])(?:19|20)\d{2}(?![\d-])")


@dataclass(frozen=True)
class Route:
    doc_ids: tuple[str, ...]  # documents the question points at (empty: no routing)
    by: str  # "alias", "jurisdiction" or ""
    terms: tuple[str, ...] = ()
    named: tuple[str, ...] = ()  # documents named by a title or alias that no other document shares
    # Years the question dates itself to ("promulgated in January 2025"): a superseded version that was the
    # text at that time is the one it asks about (see scope.allowed_docs).
    years: tuple[int, ...] = ()


class Router:
    def __init__(
        self,
        documents: Iterable[Document],
        jurisdiction_words: dict[str, tuple[str, ...]],
        seats: Iterable[str] = (),
    ) -> None:
        self.documents = list(documents)
        self.seats = frozenset(fold(w) for w in seats)  # jurisdiction words standing for the jurisdiction itself
        self._aliases: list[tuple[re.Pattern[str], str, str]] = []
        for doc in self.documents:
            for term in {doc.short_title, *doc.aliases}:
                if term:
                    self._aliases.append((_pattern(term), term, doc.id))
                if term and (spelled := _designation(term, jurisdiction_words.get(doc.jurisdiction, ()))):
                    self._aliases.append((spelled, term, doc.id))
                if term and (short := _CODE_OF.fullmatch(term)):
                    self._aliases.append((_pattern(f"{short.group(1)} code"), term, doc.id))
        self._jurisdictions = [
            (_pattern(word), word, code) for code, words in jurisdiction_words.items() for word in words
        ]
        # A chapter named by its own name beside the word "chapter" ("the code's transparency chapter", "the
        # chapter on copyright"): the distinguishing part of its short title ("…: Transparency").
        self._chapters = [
            (_chapter_pattern(doc.short_title.rsplit(":", 1)[-1]), doc.id)
            for doc in self.documents
            if doc.chapter_of and ":" in doc.short_title
        ]
        # The words of each document's title, short title, aliases and jurisdiction, for a name the words after
        # it narrow (`_narrowed`).
        self._name_words = {
            d.id: frozenset(
                tokenize(" ".join([d.title, d.short_title, *d.aliases, *jurisdiction_words.get(d.jurisdiction, ())]))
            )
            for d in self.documents
        }
        # Which documents share each alias, built once: a question is routed several times per search.
        self._owners: dict[str, set[str]] = {}
        for _, term, doc_id in self._aliases:
            self._owners.setdefault(fold(term), set()).add(doc_id)

    @staticmethod
    def _longest(hits: list[tuple[int, int, str, str]]) -> list[tuple[int, int, str, str]]:
        """Drop matches lying inside a longer match."""
        return [
            h for h in hits if not any(o[0] <= h[0] and h[1] <= o[1] and (o[1] - o[0]) > (h[1] - h[0]) for o in hits)
        ]

    def _unbound(
        self, hits: list[tuple[int, int, str, str]], jhits: list[tuple[int, int, str, str]], text: str
    ) -> tuple[list[tuple[int, int, str, str]], set[str]]:
        """Alias matches, less those a jurisdiction word binds to another jurisdiction, and the jurisdictions
        that took them: in "Japan's AI Act" or "Colorado AI Act" the generic name ("AI Act", an alias of the
        EU's act) belongs to Japan or Colorado, so the question is routed within that jurisdiction instead."""
        jurisdiction = {d.id: d.jurisdiction for d in self.documents}
        kept, rebound = [], set()
        for hit in hits:
            bound = [j[3] for j in jhits if j[1] <= hit[0] and _BINDS.fullmatch(text[j[1] : hit[0]])]
            if not bound and _REFERS_BACK.search(text[: hit[0]]):  # "Colorado's … the state's AI Act"
                bound = list(dict.fromkeys(j[3] for j in jhits if j[1] <= hit[0]))
            if not bound:
                bound = self._generic_elsewhere(hit, jhits)
            if bound and jurisdiction.get(hit[3]) not in bound:
                rebound.update(bound)
                continue
            kept.append(hit)
        return kept, rebound

    def _guidance_on(self, hits: list[tuple[int, int, str, str]], text: str) -> list[str]:
        """The held guidelines on a text the question names, when it speaks of guidance without naming one ("According
        to Brussels' guidance, … under the AI Act …"): guidelines whose title names that text ("… established by
        Regulation (EU) 2024/1689 (AI Act)")."""
        docs = {d.id: d for d in self.documents}
        named = [docs[h[3]] for h in hits if h[3] in docs]
        if not _GUIDANCE.search(text) or any(d.doc_type == "guidelines" for d in named):
            return []
        names = {fold(n) for d in named for n in (d.short_title, *d.aliases) if len(n) > 3}
        return [g.id for g in self.documents if g.doc_type == "guidelines" and any(n in fold(g.title) for n in names)]

    def _generic_elsewhere(self, hit: tuple[int, int, str, str], jhits: list[tuple[int, int, str, str]]) -> list[str]:
        """A generic Japanese name (「AI法」, part of another jurisdiction's alias, 「欧州AI法」) in a question naming
        one jurisdiction only, another than the name's owner, that holds a text so called: the name is that
        jurisdiction's (「欧州委員会の指針によれば、…AI法の…例外」 is the EU's act). Japanese writes 「AI法」 for
        either act; English "the AI Act" is the EU's by name, wherever a company comes from. [jurisdiction] or []."""
        if not _CJK.search(hit[2]):
            return []
        codes = {j[3] for j in jhits}
        owner = next((d.jurisdiction for d in self.documents if d.id == hit[3]), "")
        if len(codes) != 1 or owner in codes:
            return []
        term = fold(hit[2])
        code = next(iter(codes))
        holders = [d for d in self.documents if d.jurisdiction == code]
        return [code] if any(term in fold(a) and fold(a) != term for d in holders for a in d.aliases) else []

    def chapters_named(self, ids: Iterable[str], text: str) -> list[str]:
        """The chapters among `ids` that the (folded) question names as a chapter ("the GPAI code's transparency
        chapter"): a name shared by the code's chapters then means that chapter only (`to_chapters`)."""
        return [doc_id for rx, doc_id in self._chapters if doc_id in ids and rx.search(text)]

    def to_chapters(self, ids: tuple[str, ...], chapters: list[str]) -> tuple[str, ...]:
        """`ids` less the other chapters of the codes `chapters` belong to."""
        codes = {d.chapter_of for d in self.documents if d.id in chapters}
        others = {d.id for d in self.documents if d.chapter_of in codes} - set(chapters)
        return tuple(i for i in ids if i not in others)

    def _narrowed(self, hits: list[tuple[int, int, str, str]], text: str) -> list[tuple[int, int, str, str]]:
        """Alias matches, each followed by the words for a kind of text its own names lack but another text's
        carry with the alias's words ("the Hiroshima Process code of conduct": the guiding principles' alias and
        the code of conduct's kind; "the EU AI Act guidelines on prohibited practices") moved to that text, one
        text only (its language versions are one), the span run on over those words. The longest such run of
        words decides; words of the alias's own names ("the AI Act regulation") move nothing, nor does a kind
        reached past a word that starts a phrase ("the AI Act with the AI Promotion Act")."""
        return [moved for hit in hits for moved in (self._moved(hit, text) or [hit])]

    def _moved(self, hit: tuple[int, int, str, str], text: str) -> list[tuple[int, int, str, str]] | None:
        start, end, term, doc_id = hit
        after = _FOLLOWING.match(text, end)
        words = list(re.finditer(r"\S+", after.group())) if after else []
        for k in range(len(words), 0, -1):
            tail = " ".join(w.group() for w in words[:k])
            kind = _KIND.search(tail)
            before = tail[: kind.start()].split() if kind else []
            if not kind or len(tokenize(" ".join(before))) < len(before):
                continue  # no kind, or one past a word that starts a phrase of its own ("… with the AI Act")
            wanted = set(tokenize(f"{term} {tail}"))
            if wanted <= self._name_words[doc_id]:
                return None
            others = [d for d in self.documents if d.id != doc_id and wanted <= self._name_words[d.id]]
            if others and len({d.translation_of or d.id for d in others}) == 1:
                return [(start, end + words[k - 1].end(), f"{term} {tail}", d.id) for d in others]
        return None

    def named_spans(self, question: str) -> list[tuple[int, int, str]]:
        """Where the normalised question names a document by an alias (longest matches; see `_narrowed`): start,
        end, document id."""
        text = fold(question)
        hits = [(m.start(), m.end(), term, doc_id) for rx, term, doc_id in self._aliases for m in rx.finditer(text)]
        return [(s, e, doc_id) for s, e, _, doc_id in self._narrowed(self._longest(hits), text)]

    def jurisdictions_named(self, question: str) -> set[str]:
        """The jurisdictions whose words the question uses ("Colorado" → "US-CO")."""
        text = fold(question)
        return {code for rx, _, code in self._jurisdictions if rx.search(text)}

    def known_spans(self, question: str) -> list[tuple[int, int]]:
        """Spans of the normalised question that name a document or a jurisdiction."""
        text = fold(question)
        pats = [rx for rx, _, _ in self._aliases] + [rx for rx, _, _ in self._jurisdictions]
        return [(m.start(), m.end()) for rx in pats for m in rx.finditer(text)]

    def route(self, question: str) -> Route:
        years = tuple(sorted({int(y) for y in _YEAR.findall(question)}))
        text = fold(question)
        hits = [(m.start(), m.end(), term, doc_id) for rx, term, doc_id in self._aliases for m in rx.finditer(text)]
        jhits = self._longest(
            [(m.start(), m.end(), w, code) for rx, w, code in self._jurisdictions for m in rx.finditer(text)]
        )
        hits, rebound = self._unbound(self._narrowed(self._longest(hits), text), jhits, text)
        if hits:
            rebound_ids = [d.id for d in self.documents if d.jurisdiction in rebound]
            ids = tuple(dict.fromkeys([*(h[3] for h in hits), *rebound_ids, *self._guidance_on(hits, text)]))
            named = tuple(dict.fromkeys(h[3] for h in hits if len(self._owners.get(fold(h[2]), {h[3]})) == 1))
            if chapters := self.chapters_named(ids, text):
                ids = self.to_chapters(ids, chapters)
                named = tuple(dict.fromkeys([*named, *chapters]))
            return Route(ids, "alias", tuple(dict.fromkeys(h[2] for h in hits)), named, years)
        codes = {h[3] for h in jhits}
        if codes:
            ids = tuple(d.id for d in self.documents if d.jurisdiction in codes)
            return Route(ids, "jurisdiction", tuple(sorted(codes)), years=years)
        return Route((), "", years=years)


def question_language(question: str) -> str:
    """'ja' or 'ko' when the question is written in that script, else 'en' (see `text.language_of`)."""
    return language_of(question)


_WANTS = {
    "ja": re.compile(r"japanese (original|text|version)|original japanese|in japanese|原文|日本語(版|の原文)", re.I),
    "en": re.compile(r"english (translation|text|version)|in english|英訳|英語(版|訳)", re.I),
    "ko": re.compile(r"korean (original|text|version)|original korean|in korean|韓国語", re.I),
}


def preferred_language(question: str) -> str:
    """The language the answer's text should be in: asked for explicitly, else the question's."""
    for lang, rx in _WANTS.items():
        if rx.search(question):
            return lang
    return question_language(question)


class Glossary:
    """Dictionary-based query translation: Japanese/Korean terms in a question → English terms."""

    def __init__(self, terms: dict[str, str], synonyms: dict[str, str] | None = None) -> None:
        self._terms = sorted(((fold(k), v) for k, v in terms.items()), key=lambda kv: -len(kv[0]))
        self._synonyms = [(_pattern(k), v) for k, v in sorted((synonyms or {}).items(), key=lambda kv: -len(kv[0]))]

    @classmethod
    def load(cls, path: Path) -> Glossary:
        if not path.is_file():
            return cls({})
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except tomllib.TOMLDecodeError as exc:
            raise ConfigError(f"Glossary {path} is not valid TOML: {exc}") from exc
        return cls(
            {str(k): str(v) for k, v in data.get("terms", {}).items()},
            {str(k): str(v) for k, v in data.get("synonyms", {}).items()},
        )

    def known(self, term: str) -> bool:
        return fold(term) in {t for t, _ in self._terms}

    def english_terms(self, question: str) -> str:
        """English renderings of the glossary terms in the question, longest terms first, each once."""
        text = fold(question)
        found: list[str] = []
        for term, english in self._terms:
            if term in text:
                found.append(english)
                text = text.replace(term, "\u2400")  # a shorter term inside it must not match again
        return " ".join(found)

    def expansion(self, question: str) -> str:
        """Terms to add to a question: English for CJK terms, the texts' wording for everyday words."""
        found = [self.english_terms(question)] if question_language(question) != "en" else []
        text = fold(question)
        for rx, wording in self._synonyms:
            if rx.search(text):
                found.append(wording)
                text = rx.sub("\u2400", text)
        return " ".join(f for f in found if f)
