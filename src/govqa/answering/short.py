"""The short answer: one or two sentences, each ending in its citation marker, that answer the question as asked
before the quotes that support it (pure).

It is built from the structure of legal text, never from a model: a definition ("'X' means …"), a prohibition
("shall not", "prohibited") or exemption ("does not apply") that a quote states in so many words, a date or an
amount a quote contains, and a role absence the answerer found. A "Yes"/"No" is said only where the quote behind
it carries the matching wording; otherwise the short answer says what the closest text does say. Japanese
questions get Japanese framing around the (verbatim) quote.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from govqa.answering.quotes import FRAME_WORDS, Quote
from govqa.messages import Messages
from govqa.records import Verdict
from govqa.search.analysis import QueryAnalysis
from govqa.text import DEFINING_SENTENCE, POINT, language_of, sentence_spans, tokenize

# What a quote states.
# A rule that forbids, not a heading or a back-reference ("that prohibition should not …"), nor a rule that
# limits another ("This obligation shall not apply to …" exempts; "shall not affect" saves).
PROHIBITS = re.compile(
    r"\b(?:prohibited|forbidden)\b"
    r"|\b(?:shall|must|may) not\b(?!\s+(?:apply|affect|prejudice|preclude|be\s+(?:construed|interpreted|deemed)))"
    r"|してはならない|禁止する|禁止され",
    re.I,
)
EXEMPTS = re.compile(
    r"\b(?:does|do|shall) not apply\b|\bexempt\w*|\bnot be covered\b|\bshall not be subject\b"
    r"|適用しない|この限りでない",
    re.I,
)
_MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
STATES_DATE = re.compile(
    rf"\b{_MONTH}\.? \d{{1,2}},? \d{{4}}|\b\d{{1,2}} {_MONTH} \d{{4}}|\b\d+ (?:years?|months?|days?) after\b"
    r"|\bwithin \d+ (?:days|months|years)\b|\d+年\d+月\d+日|(?:年|月|日)を経過した日|から施行",
    re.I,
)
STATES_AMOUNT = re.compile(
    r"(?:EUR|USD|€|\$|KRW|RMB)\s?\d[\d,.]*|\d[\d,.]*\s?(?:%|percent|per cent|yen|won|yuan|euros?|dollars|credits)"
    r"|\b(?:fine|imprisonment|penalty)\b[^.;]{0,80}\d|\d[\d,]*\s?(?:円|万円|ウォン|元)|懲役|罰金",
    re.I,
)


# A sentence that forbids, in hard or soft law: guidelines and principles say "should not" and "not acceptable".
# Only the quote picker prefers it; a "Yes —" still needs PROHIBITS.
FORBIDS = re.compile(
    rf"{PROHIBITS.pattern}|(?<!prohibition )\bshould not\b"
    r"|\b(?:are|is) (?:thus )?not (?:acceptable|permitted|allowed)\b",
    re.I,
)


# A sentence that states a text's legal nature: voluntary, (not) binding, soft law (for "Is it mandatory?").
STATES_NATURE = re.compile(
    r"\bvoluntar(?:y|ily)\b|\bnon-binding\b|\b(?:not |no )?legally[- ]binding\b|\bnot binding\b|\bsoft laws?\b"
    r"|\blegal (?:force|effect|obligations?)\b|法的(?:な)?拘束力|拘束力|자율|구속력",
    re.I,
)


def stating_shape(query: QueryAnalysis) -> re.Pattern[str] | None:
    """The sentence shape that states what the question asks for, for the quote picker to prefer: a date or a
    period for a question about dates ("When does …", "By when …", 施行), an amount for one about fines, a
    statement of legal nature ("voluntary", "not legally binding") for "is it mandatory", a sentence that forbids
    for "is it banned / off-limits", one that exempts for "are there exemptions"."""
    roles = query.roles
    if "dates" in roles:
        return STATES_DATE
    if query.shape.amount:
        return STATES_AMOUNT
    if "legal_nature" in roles:
        return STATES_NATURE
    if "prohibition" in roles:
        return FORBIDS
    return EXEMPTS if "exclusion" in roles else None


SHORT_QUOTE_CHARS = 260  # longer quotes are elided in the short answer (the full quote follows below it)


@dataclass(frozen=True)
class _Cited:
    quote: Quote
    n: int

    @property
    def where(self) -> tuple[str, str]:
        p = self.quote.passage
        return p.chunk.locator, (p.document.short_title if p.document else p.chunk.doc_id)


def _cut(text: str, n: int) -> str:
    """The text's first `n` characters, ended at a word (English) or after a 、 or 。 (Japanese, which has no
    spaces): never a stub such as a lone heading before the first space."""
    if len(text) <= n:
        return text
    head = text[:n]
    for mark in (" ", "、", "。"):
        at = head.rfind(mark)
        if at >= n // 2:
            return head[: at + (mark != " ")]
    return head


def elide(text: str, limit: int = SHORT_QUOTE_CHARS, keep: re.Pattern[str] | None = None) -> str:
    """The quote on one line; a long one keeps its opening and any exception clause, with "…" for the rest.
    With `keep` (the shape the question asks for: "voluntary", a date…), words matching it that the opening
    would cut are kept too, with a few words around them."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    head = _cut(text, limit * 2 // 3)
    if keep and not keep.search(head) and (k := keep.search(text, len(head))):
        start = text.rfind(" ", len(head), max(len(head), k.start() - limit // 6)) + 1 or len(head)
        cut = _cut(text[start:], limit // 3)
        return f"{head} … {cut}{' …' if start + len(cut) < len(text) else ''}"
    m = re.search(r"\b(?:except|unless|provided|however)\b|ただし", text[len(head) :], re.I)
    if m:
        tail = text[len(head) + m.start() :]
        if len(tail) > limit // 3:
            tail = tail[: limit // 3].rsplit(" ", 1)[0] + " …"
        return f"{head} … {tail}"
    return f"{head} …"


def _lead_in(q: Quote) -> str:
    """The lead-in of a listed point ("The following AI practices shall be prohibited:"), when the quote is a point
    and its list's lead-in stands earlier in the same passage: it says what the point is."""
    text = q.passage.chunk.text
    start = q.core_start if q.core_start >= 0 else q.start
    if not POINT.match(text[start:]):
        return ""
    leads = [text[s:e] for s, e in sentence_spans(text[:start]) if text[s:e].rstrip().endswith((":", "："))]
    return leads[-1] if leads else ""


def _frame(
    kind: str, c: _Cited, msgs: Messages, lead: str = "", text: str = "", keep: re.Pattern[str] | None = None
) -> str:
    """A quote framed as the short answer says it: "Yes — Article 5 of the AI Act: “…” [1]" (kind: yes, no, states,
    definition, closest, claim_supported, claim_refuted)."""
    locator, title = c.where
    text = text or c.quote.core
    body = elide(text, keep=keep)
    if lead and not text.startswith(lead.strip()):
        body = f"{elide(lead, 120)} … {body}"
    return msgs(f"short.{kind}", locator=locator, title=title, body=body, n=c.n)


def _units(q: Quote) -> list[str]:
    """The sentences and points of a quote, the one that scored best first."""
    units = [q.text[s:e] for s, e in sentence_spans(q.text)]
    return [q.core, *(u for u in units if u != q.core)] if q.core_start >= 0 else units


def _find(cited: Sequence[_Cited], pattern: re.Pattern[str], terms: Sequence[str] = ()) -> tuple[_Cited, str] | None:
    """The first quote with a sentence or point that matches `pattern` (and names one of `terms`, if given)."""
    for c in cited:
        for unit in _units(c.quote):
            if pattern.search(unit) and (not terms or any(t in unit.lower() for t in terms)):
                return c, unit
    return None


# Words every question about a law shares with every provision: they say nothing of what the question is about.
_GENERIC = FRAME_WORDS | frozenset(
    tokenize(
        "ai artificial intelligence act law regulation rules apply applies covered ban banned prohibit prohibited "
        "exempt exempted allowed system systems model models"
    )
)


def _topical(query: QueryAnalysis, stated: str, c: _Cited, share: float) -> bool:
    """Whether a sentence is about what a yes/no question asks about: it carries at least `share` of the
    question's topic words (the words of the law's own name aside). "This Regulation does not apply to …
    natural persons" answers nothing about ChatGPT or US companies, whatever its "does not apply" says. Across
    languages (a Japanese question, an English text) the question's topic words are its glossary rendering;
    without one, such a quote is let through."""
    words = query.topic_tokens
    if query.language != language_of(stated):
        if not query.gloss_tokens:
            return True
        words = query.gloss_tokens
    doc = c.quote.passage.document
    name = set(tokenize(f"{doc.title} {doc.short_title} {' '.join(doc.aliases)}")) if doc else set()
    topic = set(words) - _GENERIC - name
    if not topic:
        return True
    return len(topic & set(tokenize(stated))) >= share * len(topic)


def _stated(query: QueryAnalysis, cited: Sequence[_Cited], msgs: Messages, topical_share: float) -> str:
    """The short answer a quote states outright (by the question's shape), or ""."""
    shape = query.shape
    if shape.definition or query.asks_definition:
        terms = list(query.quoted)
        found = (terms and _find(cited, DEFINING_SENTENCE, terms)) or _find(cited, DEFINING_SENTENCE)
        if found:
            return _frame("definition", found[0], msgs, text=found[1])
    for c in cited if shape.yes_no else ():  # a yes or a no rests on the point that states it, read with its lead-in
        lead = _lead_in(c.quote)
        stated = f"{lead} {c.quote.core}"
        if not _topical(query, stated if not shape.scope else c.quote.text, c, topical_share):
            continue
        if shape.ban and PROHIBITS.search(stated):
            return _frame("yes", c, msgs, lead)
        if shape.allowed and PROHIBITS.search(stated):
            return _frame("no", c, msgs, lead)
        if shape.exemption and EXEMPTS.search(stated):
            return _frame("yes", c, msgs, lead)
        if shape.scope and (found := _find([c], EXEMPTS)):
            return _frame("no", c, msgs, text=found[1])
    for asks, states in ((shape.date, STATES_DATE), (shape.amount, STATES_AMOUNT)):
        if asks and (found := _find(cited, states)):
            return _frame("states", found[0], msgs, text=found[1])
    return ""


def _claim(verdict: Verdict | None, c: _Cited, msgs: Messages) -> str:
    if verdict in ("supported", "refuted"):
        return _frame(f"claim_{verdict}", c, msgs)
    return msgs("short.claim_open", closest=_frame("closest", c, msgs))


def _lower_first(text: str) -> str:
    return f"{text[0].lower()}{text[1:]}" if text else text


def short_answer(
    query: QueryAnalysis,
    mode: str,
    quotes: Sequence[Quote],
    numbers: Mapping[int, int],
    msgs: Messages,
    *,
    verdict: Verdict | None = None,
    finding: str = "",
    relevant_share: float = 0.6,
    topical_share: float = 1 / 3,
) -> str | None:
    """One or two sentences answering the question from `quotes` (`numbers`: quote index → citation number).

    `finding` is a conclusion the answerer reached itself (a role the named law lacks): it leads, as "No: …",
    and the closest quote follows. None when there is no quote to stand behind an answer. A quote stands behind
    the short answer only if it scores at least `relevant_share` of the best; a yes or no needs a sentence with
    `topical_share` of the question's topic words."""
    if not quotes:
        return None
    cited = [_Cited(q, numbers[i]) for i, q in enumerate(quotes)]
    if finding:
        closest = _frame("closest", cited[0], msgs)
        key = f"finding_{verdict}" if mode == "claim" and verdict in ("supported", "refuted") else "finding_no"
        return msgs(f"short.{key}", finding=_lower_first(finding), closest=closest)
    if mode == "claim":
        return _claim(verdict, cited[0], msgs)
    if mode == "quote":
        return _frame("states", cited[0], msgs)
    if mode == "compare":  # one sentence per document, in the order the answer gives them
        firsts: dict[str, _Cited] = {}
        for c in cited:
            firsts.setdefault(c.quote.passage.chunk.doc_id, c)
        return " ".join(_frame("states", c, msgs) for c in list(firsts.values())[:2])
    best = max(q.score for q in quotes)
    relevant = [c for c in cited if c.quote.score >= relevant_share * best]
    return _stated(query, relevant, msgs, topical_share) or _frame("closest", cited[0], msgs, keep=stating_shape(query))


def refusal_note(reason: str, msgs: Messages) -> str:
    """What a refusal says about why: the reason the gate found, in a sentence."""
    return msgs("short.not_answered", reason=reason) if reason else msgs("short.not_answered_default")
