"""Follow-up questions in context: rewrite the retrieval query from the conversation.

Pure string work over the router (document aliases, jurisdiction words) and provision references, no
model. Three cases, decided in this order:

    "What about Japan?"            names a new subject and little else → the previous query with its
                                   subject (document / jurisdiction / provision) swapped for the new one
    "And what are the penalties?"  a follow-up that names no subject → inherits the documents and
                                   jurisdictions of the previous query
    "Does it have exceptions?"     a pronoun → also inherits the provision (named in the previous query,
                                   else the one the previous answer cited first)

Anything else is a question of its own and is searched as typed. The previous *query* (already
rewritten) is the context, so a chain of follow-ups keeps its subject.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from govqa.documents.locators import Ref, ref_of_locator, refs_in_question
from govqa.records import Answer
from govqa.search.routing import Router
from govqa.text import fold

_LEAD = re.compile(
    r"^\s*(?:(?:and|but|so|also|then|ok(?:ay)?)\s*,?\s+)*(?:(?:what|how)\s+about|same\s+(?:for|in)|and|also|"
    r"what\s+if|now|then)\b\s*,?\s*",
    re.I,
)
_CONJUNCTION = re.compile(r"^\s*(?:(?:and|but|so|also|then|ok(?:ay)?)\s*,?\s+)+", re.I)
_PRONOUN = re.compile(r"\b(?:it|its|it's|this|that|these|those|they|them|their|there|such|the same)\b", re.I)
_FILLER = frozenset(
    (
        "the",
        "in",
        "for",
        "of",
        "under",
        "about",
        "with",
        "regarding",
        "to",
        "then",
        "as",
        "well",
        "too",
        "also",
        "and",
        "what",
        "how",
        "same",
    )
)
# Provision mentions as people type them ("Article 50(2)", "Art. 5", "Recital 27", "Annex III", "第三条").
_PROVISION_TEXT = re.compile(
    r"\b(?:article|art\.?|recital|annex|section|sec\.|principle|action)\s*(?:\d+|(?-i:[IVXLC]+))\b"
    r"(?:[.-]\d+)*(?:\s?\(\w{1,4}\))*"
    r"|§\s*\d+(?:\.\d+)*|\b(?:GOVERN|MAP|MEASURE|MANAGE)\s+\d+(?:\.\d+)?"
    r"|第[0-9０-９〇一二三四五六七八九十百千]+条(?:の[0-9一二三四五六七八九十]+)?(?:第[0-9一二三四五六七八九十]+項)?",
    re.I,
)
_ROMAN = ((10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))


@dataclass(frozen=True)
class Exchange:
    """One earlier turn as context: what was searched and what its answer cited first."""

    query: str
    cited_document: str = ""  # short title of the first citation's document
    cited_locator: str = ""  # its locator, e.g. "Article 50(1)"


@dataclass(frozen=True)
class Turn:
    """One question of a conversation: as typed, as searched, with the settings it was asked under."""

    question: str
    query: str
    answer: Answer
    filters: dict[str, object] | None = None  # jurisdictions, documents, include_superseded as chosen

    def exchange(self) -> Exchange:
        first = self.answer.citations[0] if self.answer.citations else None
        return Exchange(self.query, first.short_title if first else "", first.locator if first else "")


@dataclass(frozen=True)
class Rewrite:
    """The question as typed, the query actually searched, and what it took from earlier turns."""

    question: str
    query: str
    inherited: tuple[str, ...] = ()

    @property
    def rewritten(self) -> bool:
        return self.query != self.question


@dataclass(frozen=True)
class Mention:
    """A span of the (cleaned) question naming a document or a jurisdiction."""

    start: int
    end: int
    text: str
    kind: str  # "alias" (a document) or "jurisdiction"


def clean(question: str) -> str:
    """NFKC and single spaces: the form both the spans and the displayed query use."""
    return " ".join(unicodedata.normalize("NFKC", question or "").split())


def mentions(text: str, router: Router) -> list[Mention]:
    """Documents and jurisdictions named in `text` (longest match wins), in order of appearance."""
    norm = fold(text)
    surface = text if len(norm) == len(text) else norm  # offsets hold while lower-casing keeps lengths
    spans = sorted(set(router.known_spans(text)), key=lambda se: (se[0], -(se[1] - se[0])))
    found: list[Mention] = []
    for s, e in spans:
        if found and s < found[-1].end:
            continue  # inside (or overlapping) a longer, earlier match
        kind = router.route(norm[s:e]).by
        if kind:
            found.append(Mention(s, e, surface[s:e], kind))
    return found


def provision_label(ref: Ref) -> str:
    """A reference as a person writes it, in a form `refs_in_question` reads back."""
    if ref.kind == "annex" and ref.main.isdigit():
        n, roman = int(ref.main), ""
        for value, letters in _ROMAN:
            while n >= value:
                roman, n = roman + letters, n - value
        return f"Annex {roman}"
    if ref.kind in ("govern", "map", "measure", "manage"):
        return f"{ref.kind.upper()} {ref.main}"
    return f"{ref.kind.capitalize()} {ref.main}"


def _content_words(question: str, router: Router) -> list[str]:
    """Words of a question besides its lead ("what about"), subjects, provisions and filler."""
    text = _LEAD.sub("", question)
    for m in sorted(mentions(text, router), key=lambda m: -m.start):
        text = text[: m.start] + " " + text[m.end :]
    text = _PROVISION_TEXT.sub(" ", text)
    return [w for w in re.findall(r"\w+", text.lower()) if w not in _FILLER]


def _ending(text: str) -> tuple[str, str]:
    """Split off closing punctuation: ("What are the fines", "?")."""
    m = re.search(r"[\s?？.。!！]*$", text)
    end = m.start() if m else len(text)
    return text[:end], "?" if "?" in text[end:] or "？" in text[end:] else text[end:].strip()


def _append(text: str, extra: Sequence[str]) -> str:
    core, end = _ending(text)
    return f"{core} ({', '.join(extra)}){end}"


def _substitute(previous: str, new: Sequence[Mention], new_provisions: Sequence[str], router: Router) -> str:
    """The previous query with its subjects (and provisions, if new ones are named) replaced."""
    text = previous
    if new:
        old = mentions(text, router)
        replacement = " and ".join(m.text for m in new)
        if old:
            # "Japan's AI Promotion Act" is two mentions side by side: one subject, replaced as a whole
            first_start, first_end = old[0].start, old[0].end
            rest = old[1:]
            while rest and re.fullmatch(r"(?:['’]s)?\s*", text[first_end : rest[0].start]):
                first_end, rest = rest[0].end, rest[1:]
            for m in reversed(rest):
                text = text[: m.start] + text[m.end :]
            before = text[:first_start]
            if all(m.kind == "jurisdiction" for m in new):
                before = re.sub(r"\bthe\s+$", "", before, flags=re.I)  # "under the EU AI Act" → "under Japan"
            text = before + replacement + text[first_end:]
        else:
            text = _append(text, [replacement])
    if new_provisions:
        spans = list(_PROVISION_TEXT.finditer(text))
        if spans:
            text = text[: spans[0].start()] + " and ".join(new_provisions) + text[spans[0].end() :]
            for extra in reversed(list(_PROVISION_TEXT.finditer(text))[len(new_provisions) :]):
                text = text[: extra.start()] + text[extra.end() :]
        else:
            text = _append(text, new_provisions)
    text = re.sub(r"\s*\(\s*(?:,\s*)*\)", "", text)  # an emptied "( , )"
    return re.sub(r"\s+([?,.)])", r"\1", re.sub(r"\s{2,}", " ", text)).strip()


def rewrite(question: str, history: Sequence[Exchange], router: Router) -> Rewrite:
    """The query to search for `question`, given the earlier turns (oldest first)."""
    q = clean(question)
    if not history or not q:
        return Rewrite(q, q)
    previous = history[-1]
    own = mentions(q, router)
    own_refs = refs_in_question(q)
    led = bool(_LEAD.match(q))
    if own or own_refs:
        if led and len(_content_words(q, router)) <= 1:
            new_provisions = [m.group(0) for m in _PROVISION_TEXT.finditer(q)]
            query = _substitute(previous.query, own, new_provisions, router)
            return Rewrite(q, query, (previous.query,))
        return Rewrite(q, q)
    pronoun = bool(_PRONOUN.search(q))
    if not (led or pronoun or len(re.findall(r"\w+", q)) <= 4):
        return Rewrite(q, q)
    context = mentions(previous.query, router)
    inherited = list(dict.fromkeys(m.text for m in context))
    if pronoun or not inherited:
        named = [m.group(0) for m in _PROVISION_TEXT.finditer(previous.query)]
        if named:
            inherited += named
        elif previous.cited_locator and (ref := ref_of_locator(previous.cited_locator)):
            if not context and previous.cited_document:
                inherited.append(previous.cited_document)
            inherited.append(provision_label(ref))
    if not inherited:
        return Rewrite(q, q)
    core = _CONJUNCTION.sub("", q)
    core = core[:1].upper() + core[1:]
    return Rewrite(q, _append(core, inherited), tuple(inherited))
