"""Checks on what a language model wrote, before anyone sees it. Pure functions over text.

The model is asked for one point per line, each ending with `[n] "exact quote"`. A line survives only if
every one of these holds, else it is dropped with the reason:
- it cites at least one passage number the model was given, with a quote;
- each quote stands verbatim in the passage it cites (whitespace and quote-mark styles aside) and is long
  enough to mean something;
- no quote comes from text in a document that gives instructions to a model (see `instruction_spans`);
- every figure in the line appears in a passage it cites;
- the line does not repeat the instructions the model was given.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass

from govqa.text import CLAUSE_END, FIGURE

# Text in a document that addresses an AI model instead of its human reader: the shapes prompt
# injection takes. Narrow on purpose: legal texts talk *about* instructions ("instructions for use").
_INSTRUCTION = re.compile(
    r"\b(?:ignore|disregard|forget|override)\s+(?:all\s+|any\s+|the\s+|your\s+)*(?:previous|prior|above|earlier|"
    r"preceding|system|original)\s+(?:instructions?|prompts?|directions|rules)"
    r"|\b(?:reveal|print|show|repeat|output|disclose)\s+(?:your|the)\s+(?:system\s+|hidden\s+)?(?:prompt|instructions)"
    r"|\byou\s+are\s+now\s+(?:a|an|the|in)\b"
    r"|\b(?:new|updated)\s+instructions\s*:"
    r"|\b(?:answer|respond|reply)\s+(?:only\s+)?(?:with|by\s+saying)\s*[\"“'‘]"
    r"|(?:以前|これまで|上記)の指示を無視|指示を無視して|이전\s*지시를\s*무시",
    re.IGNORECASE,
)
_Q = r"(?:\"([^\"]+)\"|“([^”]+)”|「([^」]+)」)"
_REF_THEN_QUOTE = re.compile(r"\[(\d{1,3})\]\s*[:,]?\s*" + _Q)
_QUOTE_THEN_REF = re.compile(_Q + r"\s*\[(\d{1,3})\]")
_BARE_REF = re.compile(r"\[(\d{1,3})\]")
_VERDICT = re.compile(r"^\W*verdict\W*\s*(supported|refuted|not[ _]addressed)\b\W*(.*)$", re.IGNORECASE)
_SILENT_LINE = re.compile(r"^[\w ,/&()'-]{2,60}:\s*the texts retrieved do not say\.?$", re.IGNORECASE)
_QUOTE_FOLD = str.maketrans({"“": '"', "”": '"', "„": '"', "‘": "'", "’": "'", "\u00a0": " "})
# A provision label the model puts before its quote ("Article 4(1) An operator…"): the label is the
# passage's locator, not its words, so the quote is looked for without it.
_LABEL = re.compile(
    r"^(?:Article|Art\.|Section|Sec\.|§|Recital|Annex|Paragraph)\s*[\w.\-]+(?:\s?\(\w{1,4}\))*[:.]?\s+", re.IGNORECASE
)
MIN_QUOTE_WORDS = 3
MIN_QUOTE_CJK_CHARS = 6


def instruction_spans(text: str) -> list[tuple[int, int]]:
    """Sentences of `text` that give instructions to a model (prompt injection), as (start, end) offsets."""
    spans: list[tuple[int, int]] = []
    for m in _INSTRUCTION.finditer(text):
        start = max((e.end() for e in CLAUSE_END.finditer(text, 0, m.start())), default=0)
        end_m = CLAUSE_END.search(text, m.end())
        end = end_m.end() if end_m else len(text)
        if spans and start <= spans[-1][1]:
            spans[-1] = (spans[-1][0], max(end, spans[-1][1]))
        else:
            spans.append((start, end))
    return spans


def withhold_instructions(text: str, marker: str = "[text withheld: it addresses an AI model]") -> str:
    """The text with its instruction-like sentences replaced by a marker, for the model's eyes only."""
    for s, e in reversed(instruction_spans(text)):
        text = text[:s] + marker + text[e:]
    return text


def _fold(text: str) -> tuple[str, list[int]]:
    """Text with whitespace runs collapsed and quote marks unified, and each kept char's original offset."""
    out: list[str] = []
    where: list[int] = []
    for i, ch in enumerate(text.translate(_QUOTE_FOLD)):
        if ch.isspace():
            if out and out[-1] == " ":
                continue
            ch = " "
        out.append(ch)
        where.append(i)
    return "".join(out), where


def find_verbatim(quote: str, text: str) -> tuple[int, int] | None:
    """Where `quote` stands in `text` (offsets into `text`), allowing only whitespace and quote-mark
    differences; None when it does not stand there."""
    q, _ = _fold(quote.strip())
    q = q.strip(" .;,")
    if not q:
        return None
    folded, where = _fold(text)
    at = folded.find(q)
    if at < 0:
        return None
    return where[at], where[at + len(q) - 1] + 1


def long_enough(quote: str) -> bool:
    cjk = sum(1 for ch in quote if "\u3000" <= ch <= "\u9fff" or "\uac00" <= ch <= "\ud7af")
    return cjk >= MIN_QUOTE_CJK_CHARS or len(quote.split()) >= MIN_QUOTE_WORDS


@dataclass(frozen=True)
class Support:
    passage: int  # 0-based index into the passages the model was given
    start: int  # offsets of the quote inside that passage's text
    end: int


@dataclass(frozen=True)
class Line:
    statement: str  # the model's words, citation markers and quotes removed
    support: tuple[Support, ...]  # empty for an "aspect: the texts retrieved do not say" line


@dataclass(frozen=True)
class Checked:
    lines: tuple[Line, ...]
    dropped: tuple[tuple[str, str], ...]  # (line as written, why it was dropped)
    refused: bool
    verdict: str | None
    verdict_reason: str


def _shingles(text: str, n: int = 8) -> set[tuple[str, ...]]:
    words = re.findall(r"\w+", text.lower())
    return {tuple(words[i : i + n]) for i in range(len(words) - n + 1)}


def parse_refs(line: str) -> tuple[str, list[tuple[int, str | None]]]:
    """The statement and its (passage number, quote) pairs: `[n] "quote"`, `"quote" [n]` or a bare `[n]`."""
    refs: list[tuple[int, str | None]] = []

    def take(n_group: int) -> Callable[[re.Match[str]], str]:
        def keep(m: re.Match[str]) -> str:
            groups = m.groups()
            quote = next((g for i, g in enumerate(groups, 1) if g is not None and i != n_group), None)
            refs.append((int(m.group(n_group)), quote))
            return " "

        return keep

    rest = _REF_THEN_QUOTE.sub(take(1), line)
    rest = _QUOTE_THEN_REF.sub(take(4), rest)
    rest = _BARE_REF.sub(take(1), rest)
    return " ".join(rest.split()).strip(" -–—:;,"), refs


def check_line(line: str, passages: Sequence[str], *, secret: AbstractSet[tuple[str, ...]] = frozenset()) -> Line | str:
    """A verified `Line`, or the reason the line fails (see the module docstring)."""
    line = line.strip().lstrip("-*• ").strip()
    if _SILENT_LINE.match(line):
        return Line(line.rstrip(".") + ".", ())
    if secret and _shingles(line) & secret:
        return "it repeats the model's instructions"
    statement, refs = parse_refs(line)
    if not refs:
        return "it cites no passage"
    support: list[Support] = []
    for n, quote in refs:
        if not 1 <= n <= len(passages):
            return f"it cites passage [{n}], which the model was not given"
        if not quote:
            return f"it cites [{n}] without a quote"
        if not long_enough(quote):
            return f"its quote from [{n}] is too short to show anything"
        text = passages[n - 1]
        found = find_verbatim(quote, text)
        if found is None and (unlabelled := _LABEL.sub("", quote.strip(), count=1)) != quote.strip():
            found = find_verbatim(unlabelled, text) if long_enough(unlabelled) else None
        if found is None:
            return f"its quote does not stand in passage [{n}]"
        if any(s < found[1] and found[0] < e for s, e in instruction_spans(text)):
            return f"it quotes text in passage [{n}] that gives instructions to a model"
        support.append(Support(n - 1, *found))
    cited = " ".join(passages[s.passage] for s in support).replace(",", "")
    for figure in FIGURE.findall(statement):
        if figure.replace(",", "") not in cited:
            return f"it states {figure}, which its passages do not"
    return Line(statement, tuple(support))


def check_output(output: str, passages: Sequence[str], *, refusal: str, instructions: str = "") -> Checked:
    """Every line of the model's output checked; the verdict line (claim mode) and a refusal recognised."""
    secret = _shingles(instructions) if instructions else set()
    lines: list[Line] = []
    dropped: list[tuple[str, str]] = []
    verdict: str | None = None
    reason = ""
    refused = False
    for raw in output.splitlines():
        if not raw.strip():
            continue
        if m := _VERDICT.match(raw.strip()):
            verdict = m.group(1).lower().replace(" ", "_")
            reason = m.group(2).strip()
            if (secret and _shingles(reason) & secret) or any(
                f.replace(",", "") not in " ".join(passages).replace(",", "") for f in FIGURE.findall(reason)
            ):
                reason = ""
            continue
        if refusal.rstrip(".") in raw:
            refused = True
            continue
        result = check_line(raw, passages, secret=secret)
        if isinstance(result, Line):
            lines.append(result)
        else:
            dropped.append((raw.strip(), result))
    return Checked(tuple(lines), tuple(dropped), refused and not any(ln.support for ln in lines), verdict, reason)
