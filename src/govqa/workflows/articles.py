"""Checking an article: every checkable statement of a draft or press release, through claim mode (pure apart
from the answerer it is given).

    text ─► sentences (Markdown read as plain text) ─► checkable? ─► single claims ─► Answerer (claim mode) ─► report

- **checkable**: a declarative sentence that names a text of the library or a jurisdiction with AI rules, or
  speaks of what AI rules do (require, ban, fine, apply, define, take effect…); not a question, not a quote of
  someone's words, not opinion or marketing;
- **single claims**: a sentence asserting two things ("X requires labels; Y bans scoring", "The Act requires
  registration and it imposes fines") is split where a second clause has its own subject and verb;
- **verdicts**: claim mode's, the same engine and checks as one claim at a time; a refused claim is "not
  addressed by the library".
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from govqa.messages import Messages
from govqa.records import Answer
from govqa.search.routing import Router
from govqa.text import language_of, trim_spans

# Markdown that is layout, not words: headings, list marks, emphasis, links (their text stays), code.
_MD_LINE = re.compile(r"^\s{0,3}(?:#{1,6}\s+|[-*+]\s+|\d+[.)]\s+)", re.M)
_MD_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_MD_MARK = re.compile(r"(\*\*|__|\*|_|`)(?=\S)(.+?)(?<=\S)\1")
_BLOCKQUOTE = re.compile(r"^\s{0,3}>.*$", re.M)  # a quoted passage: someone's words, not the article's claim
# A sentence ends at . ! ? before anything but a lower-case letter or a digit ("Art. 5", "No. 53", "e.g. this" go
# on), after 。！？, and at a blank line (a heading, a paragraph).
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"'”’)]?\s+(?=[^\sa-z0-9])|(?<=[。！？])|\n\s*\n")

# What makes a sentence a statement about AI rules: the words of rules and what they do.
_RULE_WORDS = re.compile(
    r"\b(?:acts?|laws?|regulations?|rules?|guidelines?|guidance|code of (?:conduct|practice)|framework|principles"
    r"|directive|orders?|bill|statute|legislation|obligations?|duty|duties|requires?|required|requirements?|must|shall"
    r"|mandat\w*|binding|voluntary|ban(?:s|ned)?|prohibit\w*|fines?|penalt\w+|sanctions?|enforce\w*|appl(?:y|ies)"
    r"|defines?|definition|in force|took effect|takes effect|enacted|passed|adopted|signed|revoked|repealed|amended"
    r"|exempt\w*|label\w*|disclos\w*|transparen\w+|high-risk|high-impact)\b"
    r"|法|令|指針|ガイドライン|規範|原則|義務|罰則|罰金|禁止|施行|適用|定義|努め",
    re.I,
)
# Not a checkable statement: someone's words or view, marketing, a question.
_ATTRIBUTED = re.compile(
    r"[\"“][^\"”]{12,}[\"”]\s*,?\s*(?:said|says|told|according to|wrote|added)\b"
    r"|\b(?:said|says|told|added)\s*[,:]?\s*[\"“]",
    re.I,
)
_OPINION = re.compile(
    r"^\s*(?:I|we)\s+(?:think|believe|feel|hope|expect)\b|\b(?:in (?:my|our) (?:view|opinion)|arguably|we are proud"
    r"|world-class|best-in-class|industry-leading|cutting-edge|game-chang\w+|sign up|contact us|learn more)\b",
    re.I,
)
# A second clause with its own subject and verb: where a compound sentence holds two claims.
_SECOND_CLAUSE = re.compile(
    r"\s*;\s+|,?\s+(?:and|but|while|whereas)\s+(?=(?:it|they|the|this|these|its|their|[A-Z][\w'’-]*)\b[^,;]{0,80}?"
    r"\b(?:must|shall|is|are|was|were|has|have|had|requires?|imposes?|bans?|prohibits?|applies|appl(?:y|ied)|does|do"
    r"|did|will|can|may|sets?|makes?|gives?|lacks?|lets?|allows?|defines?)\b)"
)
_MIN_WORDS = 5


@dataclass(frozen=True)
class Sentence:
    """A sentence of the article as written, with its place, and the single claims it makes (none: unchecked)."""

    text: str
    start: int
    end: int
    claims: tuple[str, ...] = ()
    why_not: str = ""  # why it is not checked: question, attributed, opinion, no rule
    # The texts the sentence, or else an earlier one, names: a claim naming none ("Disclosures are not required.",
    # "it imposes fines") is about them.
    context: tuple[str, ...] = ()


@dataclass(frozen=True)
class CheckedClaim:
    sentence: str
    claim: str
    answer: Answer

    @property
    def verdict(self) -> str | None:
        """supported | refuted | not_addressed | None (the texts do not settle it)."""
        return "not_addressed" if self.answer.refused else self.answer.verdict

    def to_json(self) -> dict[str, Any]:
        """The shape `govqa check --json` prints for one claim (docs/workflows.md)."""
        return {
            "sentence": self.sentence,
            "claim": self.claim,
            "verdict": self.verdict,
            "short_answer": self.answer.short_answer,
            "citations": [
                {"doc": c.doc_id, "locator": c.locator, "page": c.page, "quote": c.quote} for c in self.answer.citations
            ],
        }


@dataclass(frozen=True)
class ArticleCheck:
    text: str  # the article as given
    sentences: tuple[Sentence, ...]
    claims: tuple[CheckedClaim, ...] = field(default=())

    def to_json(self) -> dict[str, Any]:
        return {"claims": [c.to_json() for c in self.claims]}


def plain_text(text: str) -> str:
    """Markdown layout removed, one character for one character where it can be (links keep their text)."""
    text = _BLOCKQUOTE.sub(lambda m: " " * len(m.group(0)), text)
    text = _MD_LINK.sub(lambda m: m.group(1), text)
    text = _MD_MARK.sub(lambda m: m.group(2), text)
    return _MD_LINE.sub(lambda m: " " * len(m.group(0)), text)


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Spans of the sentences of a plain text (English stops before a capital, Japanese stops, blank lines)."""
    spans, start = [], 0
    for m in _SENTENCE_END.finditer(text):
        spans.append((start, m.start()))
        start = m.end()
    spans.append((start, len(text)))
    return trim_spans(text, spans)


def single_claims(sentence: str) -> tuple[str, ...]:
    """The claims a sentence makes: split where a second clause has its own subject and verb."""
    parts = [p.strip(" ,;") for p in _SECOND_CLAUSE.split(sentence)]
    parts = [p for p in parts if len(p.split()) >= 3 or language_of(p) != "en"]
    if len(parts) < 2:
        return (sentence,)
    return tuple(p if p.endswith((".", "。", "!", "?")) else f"{p}." for p in parts)


def why_not_checkable(sentence: str, router: Router, context: Sequence[str] = ()) -> str:
    """Why a sentence makes no checkable statement about AI rules, or "" when it does (`context`: the text an
    earlier sentence named, which a sentence about "it" or "the Act" goes on about)."""
    if sentence.rstrip().endswith(("?", "？")):
        return "question"
    if _ATTRIBUTED.search(sentence):
        return "attributed"
    if _OPINION.search(sentence):
        return "opinion"
    if language_of(sentence) == "en" and len(sentence.split()) < _MIN_WORDS:
        return "too short"
    named = bool(context) or router.route(sentence).by in ("alias", "jurisdiction")
    if not _RULE_WORDS.search(sentence) or not (
        named or re.search(r"\bAI\b|artificial intelligence|ＡＩ|人工知能", sentence, re.I)
    ):
        return "no rule"
    return ""


def read_article(text: str, router: Router) -> tuple[Sentence, ...]:
    """The article's sentences, each with the claims it makes or why it is not checked. A sentence that names no
    text or jurisdiction goes on about the texts the article last named (its `context`)."""
    plain = plain_text(text)
    sentences = []
    context: tuple[str, ...] = ()
    for s, e in split_sentences(plain):
        written = " ".join(plain[s:e].split())
        route = router.route(written)
        context = route.doc_ids if route.by else context
        reason = why_not_checkable(written, router, context)
        claims = () if reason else single_claims(written)
        sentences.append(Sentence(written, s, e, claims, reason, context))
    return tuple(sentences)


def check_article(
    text: str,
    router: Router,
    ask_claim: Callable[[str, tuple[str, ...]], Answer],
    *,
    on_claim: Callable[[int, int], None] | None = None,
) -> ArticleCheck:
    """Every checkable sentence's claims through `ask_claim(claim, doc_ids)`: claim mode of the answerer, within
    the texts the sentence's context names when it names none itself (empty: the whole library)."""
    sentences = read_article(text, router)
    todo = [(s, c) for s in sentences for c in s.claims]
    checked = []
    for n, (sentence, claim) in enumerate(todo, 1):
        scope = sentence.context if not router.route(claim).by else ()
        checked.append(CheckedClaim(sentence.text, claim, ask_claim(claim, scope)))
        if on_claim:
            on_claim(n, len(todo))
    return ArticleCheck(text, sentences, tuple(checked))


def report_lines(result: ArticleCheck, msgs: Messages) -> Sequence[str]:
    """The numbered report `govqa check` prints: each claim, its verdict and short answer, its citations."""
    lines: list[str] = []
    for n, c in enumerate(result.claims, 1):
        lines.append(f"[{n}] {c.claim}")
        verdict = msgs(f"check.{c.verdict or 'open'}")
        lines.append(f"    {verdict}: {c.answer.short_answer or ''}".rstrip())
        for cite in c.answer.citations[:3]:
            lines.append(f"    - {cite.label} — {cite.url}")
    if skipped := [s for s in result.sentences if s.why_not]:
        lines.append(msgs("check.skipped", n=len(skipped)))
    return lines
