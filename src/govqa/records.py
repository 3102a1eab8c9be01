"""Typed records that carry provenance from a source file to an answer.

Document (manifest entry) → Chunk (a structural unit's text with locator and page span)
→ Passage (a chunk as retrieved, with the scores that ranked it) → Citation → Answer.
Citation labels are built from these fields, never parsed back out of model output.
"""

from __future__ import annotations

import functools
import hashlib
from dataclasses import asdict, dataclass, field
from typing import Literal

Verdict = Literal["supported", "refuted", "not_addressed"]
Status = Literal["in_force", "current", "superseded", "revoked"]
LegalEffect = Literal["binding", "non_binding", "reference_translation"]


@dataclass(frozen=True)
class Document:
    """One corpus document as the manifest describes it."""

    id: str
    title: str
    short_title: str
    file: str = ""
    aliases: tuple[str, ...] = ()
    issuer: str = ""
    jurisdiction: str = ""
    doc_type: str = ""
    language: str = "en"
    version: str = ""
    date: str = ""
    status: Status = "current"
    legal_effect: LegalEffect = "non_binding"
    official_url: str = ""
    download_url: str = ""
    sha256: str = ""
    bytes: int = 0
    licence: str = ""
    format: str = ""
    profile: str = ""
    translation_of: str = ""
    superseded_by: str = ""
    notes: str = ""
    effect_note: str = ""  # "Commission guidance (non-binding)", "voluntary code": shown with its quotes
    # relations between texts (govqa.corpus.relations reads them)
    revokes: tuple[str, ...] = ()  # ids of the texts this one revokes
    interprets: tuple[str, ...] = ()  # "DOC-ID#PROVISION" this text is guidance on
    chapter_of: str = ""  # the whole this file is a chapter of

    @property
    def is_pdf(self) -> bool:
        return self.format == "pdf"

    def link(self, page: int | None = None) -> str:
        """Where a reader opens the text: the PDF itself at `page` (`#page=N`) where its URL is known, else the
        official page."""
        if self.is_pdf and page:
            return f"{self.download_url or self.official_url}#page={page}"
        return self.official_url

    @property
    def effect_label(self) -> str:
        """What a quote from this text is, where that matters: "Commission guidance (non-binding)", "voluntary
        code"; empty for binding texts and texts without a note (their status badge says the rest)."""
        return self.effect_note


@dataclass(frozen=True)
class Section:
    """A structural unit found in a document's text (an article, recital, annex, section)."""

    locator: str
    heading_path: tuple[str, ...]
    start: int
    end: int
    # (sub-locator suffix such as "(2)", start, end) for numbered paragraphs inside the unit
    blocks: tuple[tuple[str, int, int], ...] = ()


@dataclass(frozen=True)
class SourceText:
    """A document's text after parsing, with page offsets for PDFs and structure where known."""

    doc_id: str
    text: str
    language: str
    page_starts: tuple[int, ...] = ()  # char offset where each 1-based page begins; empty for XML/TXT
    sections: tuple[Section, ...] = ()  # given by structured formats (law XML); derived for PDFs

    def page_at(self, offset: int) -> int | None:
        """1-based page of a character offset, or None for page-less text."""
        if not self.page_starts:
            return None
        lo, hi = 0, len(self.page_starts) - 1
        while lo < hi:
            mid = (lo + hi + 1) // 2
            if self.page_starts[mid] <= offset:
                lo = mid
            else:
                hi = mid - 1
        return lo + 1


@dataclass(frozen=True)
class Chunk:
    """A piece of one structural unit; `text` is a verbatim slice of the document's source text."""

    doc_id: str
    locator: str
    heading_path: tuple[str, ...]
    text: str
    char_start: int
    char_end: int
    page_start: int | None
    page_end: int | None
    lang: str
    ordinal: int = 0  # position within the document, for stable ordering
    page_breaks: tuple[int, ...] = ()  # offsets inside `text` where a new page begins
    # What kind of provision this is ("definition", "obligation:deployer"…; see ingest/roles.toml). Not part
    # of the id: re-tagging a document re-writes metadata, never vectors.
    roles: tuple[str, ...] = ()

    def page_at(self, offset: int) -> int | None:
        """The page a character of this chunk's text stands on."""
        if self.page_start is None:
            return None
        return self.page_start + sum(1 for b in self.page_breaks if b <= offset)

    @functools.cached_property
    def id(self) -> str:
        """Content-derived id: the same text at the same place always gets the same id (hashed once per chunk:
        search reads it hundreds of times per question)."""
        key = f"{self.doc_id}|{self.locator}|{self.char_start}|{self.text}"
        return f"{self.doc_id}:{hashlib.sha256(key.encode()).hexdigest()[:16]}"

    @property
    def heading(self) -> str:
        return " › ".join(self.heading_path)

    @property
    def page_label(self) -> str:
        if self.page_start is None:
            return ""
        if self.page_end and self.page_end != self.page_start:
            return f"pp. {self.page_start}–{self.page_end}"
        return f"p. {self.page_start}"


@dataclass(frozen=True)
class Passage:
    """A chunk as retrieval returns it, with the scores that placed it."""

    chunk: Chunk
    score: float
    scores: dict[str, float] = field(default_factory=dict)  # per-signal: dense, lexical, route, lookup…
    document: Document | None = None
    # The same provision in other editions of the text (the signed act and its session-law print): retrieval
    # lists each right after this passage, with `edition_of` naming this passage's chunk id; answers quote
    # this one and cite the others as "also in".
    editions: tuple[Passage, ...] = ()
    edition_of: str = ""
    # How structure found it, whatever its wording shares with the question: the provision the question names
    # by number, the definition of the term it asks about, a provision of the role it asks about.
    lookup: bool = False
    defines: bool = False
    role_match: bool = False

    @property
    def found_by_structure(self) -> bool:
        """Found as the named provision, the asked term's definition or a provision of the asked role."""
        return self.lookup or self.defines or self.role_match

    @property
    def label(self) -> str:
        """Where it stands: short title, locator, page ("Colorado AI Act, Session Laws ch. 198, 6-1-1703(2), p. 4")."""
        title = self.document.short_title if self.document else self.chunk.doc_id
        return f"{title}, {self.chunk.locator}" + (f", {self.chunk.page_label}" if self.chunk.page_label else "")


@dataclass(frozen=True)
class Citation:
    """One numbered citation: where the quote stands and which file it comes from."""

    n: int
    doc_id: str
    short_title: str
    locator: str
    page: int | None
    quote: str
    url: str
    version: str
    status: str
    legal_effect: str
    sha256: str
    quote_start: int  # offsets of the quote inside the document's parsed text
    quote_end: int
    also_in: tuple[str, ...] = ()  # the same provision in other editions of the text: "<title>, <locator>, p. N"
    also_in_docs: tuple[str, ...] = ()  # those editions' document ids, in the same order
    # what the quoted text is where that matters ("Commission guidance (non-binding)", "voluntary code"):
    # Document.effect_label, so a guideline's sentence is never taken for the law's
    effect_label: str = ""

    @property
    def label(self) -> str:
        page = f", p. {self.page}" if self.page else ""
        effect = f" ({self.effect_label})" if self.effect_label else ""
        return f"{self.short_title}, {self.locator}{page}{effect}"


@dataclass(frozen=True)
class Check:
    """What one comparison of a claim with a sentence found (answering/comparisons.py): the verdict it supports
    and its one reason, with what the claim said and what the sentence states (for the message catalogue)."""

    check: str  # a name of comparisons.CHECKS: "figures", "dates", "modality", "actor", "scope", …, "most"
    verdict: Verdict
    reason: str  # a key: "figure_differs", "figure_agrees", "date_differs", …
    claimed: str = ""
    stated: str = ""


@dataclass(frozen=True)
class Answer:
    question: str
    mode: str
    text: str
    citations: tuple[Citation, ...]
    refused: bool = False
    verdict: Verdict | None = None
    verdict_reason: str = ""
    # What decided the verdict, as a key: the deciding check of a claim ("evidence.states_most", "verdict.too_few"
    # when none did) or the finding behind a refusal ("finding.unmentioned"); "model" for an LLM's own verdict.
    verdict_check: str = ""
    engine: str = "extractive"
    notice: str = ""  # e.g. why an LLM answer was replaced by the extractive one
    # One or two sentences answering the question as asked, each ending in its citation marker, shown before the
    # quotes; for a refusal, why it was refused. None where the engine gives none (e.g. an LLM answer).
    short_answer: str | None = None
    passages: tuple[Passage, ...] = field(default=(), repr=False)
    settings_hash: str = ""
    timings: dict[str, float | None] = field(default_factory=dict)  # LLM engine: first_token_s, total_s
    model_lines: tuple[int, int] | None = None  # LLM engine: lines the model wrote, lines verification removed

    def to_json(self) -> dict[str, object]:
        return {
            "question": self.question,
            "mode": self.mode,
            "short_answer": self.short_answer,
            "answer": self.text,
            "refused": self.refused,
            "verdict": self.verdict,
            "verdict_reason": self.verdict_reason,
            "verdict_check": self.verdict_check,
            "engine": self.engine,
            "notice": self.notice,
            "settings_hash": self.settings_hash,
            "timings": self.timings,
            "citations": [asdict(c) | {"label": c.label} for c in self.citations],
        }
