"""Reading a question: the checks and the parts of it that retrieval and answering act on (pure)."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

from govqa.errors import QuestionError
from govqa.text import DEFINITION_CUES, QUESTION_SENTENCE_BREAK, tokenize

MAX_QUESTION_CHARS = 4000
# A question asking what a term means.
ASKS_DEFINITION = re.compile(
    r"\b(define[sd]?|definition|meaning|what (?:is|are) meant by|describe[sd]?|explain(?:s|ed)?)\b|定義|とは|説明", re.I
)
# Words of a question's frame, not its topic: a last sentence made only of these has no focus.
_FRAME = frozenset(tokenize("corpus support claim true correct right say says text document quote answer"))
# Quoted terms: Latin quotes need word boundaries around them (apostrophes); CJK brackets do not.
_QUOTED = re.compile(r"(?:^|(?<=[\s(]))[‘'\"“]([^’'\"”]{2,60})[’'\"”](?=[\s.,;:!?)]|$)|[「『]([^」』]{2,60})[」』]")


def check_question(question: str) -> str:
    """The question with white space folded and unprintable characters removed; QuestionError if empty or huge."""
    text = " ".join((question or "").split())
    text = "".join(ch for ch in text if ch.isprintable())
    if not text:
        raise QuestionError("The question is empty; type a question about the corpus.")
    if len(text) > MAX_QUESTION_CHARS:
        raise QuestionError(
            f"The question is {len(text)} characters long; shorten it to {MAX_QUESTION_CHARS} or fewer."
        )
    return text


def quoted_terms(question: str) -> list[str]:
    """Terms the question quotes; a quoted "用語（Term）" also yields each of its two names."""
    terms: list[str] = []
    for latin, cjk in _QUOTED.findall(question):
        quoted = unicodedata.normalize("NFKC", latin or cjk).strip()
        terms.append(quoted)
        if m := re.fullmatch(r"(.+?)\s*\((.+)\)", quoted):
            terms.extend(t.strip() for t in m.groups())
    return [t.lower() for t in dict.fromkeys(terms) if t]


def definition_patterns(terms: Sequence[str]) -> list[re.Pattern[str]]:
    """Patterns for a passage that defines or glosses a term: "‘X’ means", "X refers to", "X is
    defined as", "X describes", "Xとは", or a list entry at a line start ("8. X: …")."""
    verbs = rf"\s*(?:{'|'.join(DEFINITION_CUES)})"
    patterns = []
    for term in terms:
        t = re.escape(term)
        patterns.append(re.compile(rf"[‘'\"“「]?{t}[’'\"”」]?{verbs}", re.I))
        patterns.append(re.compile(rf"(?:^|\n)(?:\d+\.\s*)?[‘'\"“「]?{t}[’'\"”」]?\s*:", re.I))
    return patterns


def question_focus(question: str) -> str:
    """The sentence that asks, when a question first sets a scene ("We are a hospital… Who must…?").

    Scenario words dilute both the embedding and BM25; the asking sentence, searched on its own as
    an extra list, names the duty or topic wanted. Empty for a one-sentence question.
    """
    sentences = [s.strip() for s in QUESTION_SENTENCE_BREAK.split(question) if s.strip()]
    if len(sentences) < 2:
        return ""
    asking = [s for s in sentences if s.endswith(("?", "？"))]
    focus = (asking or sentences)[-1]
    return focus if set(tokenize(focus)) - _FRAME else ""
