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
from govqa.records import Verdict
from govqa.search.intents import asked_roles
from govqa.search.routing import question_language
from govqa.text import DEFINING_SENTENCE, POINT, sentence_spans, tokenize

# What the question asks for.
ASKS_DEFINITION = re.compile(
    r"\bdefin(?:e|es|ed|ition)\b|\bmean(?:s|ing)?\b|\bwhat (?:is|are) (?:an? |the )?['‘\"“]|とは[何など]|定義|意味",
    re.I,
)
ASKS_BAN = re.compile(
    r"\bban(?:s|ned)?\b|\bprohibit\w*|\bforbid\w*|\boff-limits\b|\bnot (?:allowed|permitted)\b|禁止|してはならない",
    re.I,
)
# "Is it allowed?" is answered "No —" by a rule that forbids it ("Are they not allowed?" asks for a ban).
ASKS_ALLOWED = re.compile(r"(?<!not )\b(?:allowed|permitted|lawful|legal)\b|許され(?!ない)", re.I)
ASKS_EXEMPTION = re.compile(r"\bexempt\w*|\bexclu(?:de|ded|sion)\b|適用除外", re.I)
ASKS_SCOPE = re.compile(r"\bappl(?:y|ies)\b|\bcover(?:s|ed)?\b|適用され", re.I)
ASKS_DATE = re.compile(
    r"\bwhen\b|\bwhat date\b|\bdeadline\b|\btakes? effect\b|\benter(?:s)? into force\b|いつ|施行日|期限|期日", re.I
)
ASKS_AMOUNT = re.compile(
    r"\bhow (?:much|high|large|many)\b|\bmaximum\b|\bfines?\b|\bpenalt\w+|\bprison\b|\bimprison\w*"
    r"|いくら|罰金|罰則|金額",
    re.I,
)
YES_NO = re.compile(
    r"^(?:is|are|does|do|can|could|must|should|will|has|have|may|was|were)\b|(?:ますか|ですか|ありますか|か)[？?]?$",
    re.I,
)
# A Japanese question ending in 「ですか」 asks yes or no only without a question word (「何ですか」 asks what).
WH_JA = re.compile(r"何(?!ら)|なに|どの|どこ|どう(?!か)|どれ|どんな|いつ|誰|だれ|なぜ|いくら|いくつ|どちら")

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
QUOTED_TERM = re.compile(r"(?<![A-Za-z])['‘\"“「『]([^'’\"”」』]{2,60})['’\"”」』]")  # not the "'s" of "Act's"


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


def stating_shape(question: str) -> re.Pattern[str] | None:
    """The sentence shape that states what the question asks for, for the quote picker to prefer: a date or a
    period for a question about dates ("When does …", "By when …", 施行), an amount for one about fines, a
    statement of legal nature ("voluntary", "not legally binding") for "is it mandatory", a sentence that forbids
    for "is it banned / off-limits", one that exempts for "are there exemptions"."""
    roles = asked_roles(question)
    if "dates" in roles:
        return STATES_DATE
    if ASKS_AMOUNT.search(question):
        return STATES_AMOUNT
    if "legal_nature" in roles:
        return STATES_NATURE
    if "prohibition" in roles:
        return FORBIDS
    return EXEMPTS if "exclusion" in roles else None


RELEVANT_SHARE = 0.6  # a quote stands behind the short answer only if it scores near the best quote
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
    kind: str, c: _Cited, japanese: bool, lead: str = "", text: str = "", keep: re.Pattern[str] | None = None
) -> str:
    locator, title = c.where
    text = text or c.quote.core
    body = elide(text, keep=keep)
    if lead and not text.startswith(lead.strip()):
        body = f"{elide(lead, 120)} … {body}"
    if japanese:
        opening = {"yes": "はい。", "no": "いいえ。", "closest": "最も近い規定は"}.get(kind, "")
        if kind == "closest":
            return f"{opening}{title}の{locator}で、次のように定めています：「{body}」[{c.n}]"
        label = "の定義" if kind == "definition" else ""
        return f"{opening}{title}の{locator}{label}：「{body}」[{c.n}]"
    if kind == "closest":
        return f"The closest text, {locator} of {title}, says: “{body}” [{c.n}]"
    opening = {"yes": "Yes — ", "no": "No — "}.get(kind, "")
    return f"{opening}{locator} of {title}: “{body}” [{c.n}]"


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
TOPICAL_SHARE = 1 / 3  # of the question's own topic words that a yes/no sentence must carry


def _topical(question: str, stated: str, c: _Cited, gloss: str = "") -> bool:
    """Whether a sentence is about what a yes/no question asks about: it carries at least a third of the
    question's topic words (the words of the law's own name aside). "This Regulation does not apply to …
    natural persons" answers nothing about ChatGPT or US companies, whatever its "does not apply" says. Across
    languages (a Japanese question, an English text) the question's topic words are its glossary rendering
    `gloss`; without one, such a quote is let through."""
    if question_language(question) != question_language(stated):
        if not gloss:
            return True
        question = gloss
    doc = c.quote.passage.document
    name = set(tokenize(f"{doc.title} {doc.short_title} {' '.join(doc.aliases)}")) if doc else set()
    topic = set(tokenize(question)) - _GENERIC - name
    if not topic:
        return True
    return len(topic & set(tokenize(stated))) >= TOPICAL_SHARE * len(topic)


def _stated(question: str, cited: Sequence[_Cited], japanese: bool, gloss: str = "") -> str:
    """The short answer a quote states outright (by the question's shape), or ""."""
    if ASKS_DEFINITION.search(question) or "definition" in asked_roles(question):
        terms = [t.lower() for t in QUOTED_TERM.findall(question)]
        found = (terms and _find(cited, DEFINING_SENTENCE, terms)) or _find(cited, DEFINING_SENTENCE)
        if found:
            return _frame("definition", found[0], japanese, text=found[1])
    yes_no = bool(YES_NO.search(question.strip())) and not WH_JA.search(question)
    for c in cited if yes_no else ():  # a yes or a no rests on the point that states it, read with its lead-in
        lead = _lead_in(c.quote)
        stated = f"{lead} {c.quote.core}"
        if not _topical(question, stated if not ASKS_SCOPE.search(question) else c.quote.text, c, gloss):
            continue
        if ASKS_BAN.search(question) and PROHIBITS.search(stated):
            return _frame("yes", c, japanese, lead)
        if ASKS_ALLOWED.search(question) and PROHIBITS.search(stated):
            return _frame("no", c, japanese, lead)
        if ASKS_EXEMPTION.search(question) and EXEMPTS.search(stated):
            return _frame("yes", c, japanese, lead)
        if ASKS_SCOPE.search(question) and (found := _find([c], EXEMPTS)):
            return _frame("no", c, japanese, text=found[1])
    for asks, states in ((ASKS_DATE, STATES_DATE), (ASKS_AMOUNT, STATES_AMOUNT)):
        if asks.search(question) and (found := _find(cited, states)):
            return _frame("states", found[0], japanese, text=found[1])
    return ""


def _claim(verdict: Verdict | None, c: _Cited, japanese: bool) -> str:
    locator, title = c.where
    if japanese:
        head = {"supported": "主張は裏付けられます。", "refuted": "主張は本文と矛盾します。"}.get(
            verdict or "", "引用だけでは主張の当否は決まりません。"
        )
        return f"{head}{_frame('closest' if not verdict else 'states', c, japanese)}"
    head = {"supported": "Supported — ", "refuted": "Contradicted — "}.get(verdict or "", "")
    if not head:
        return f"The quotes alone do not settle the claim. {_frame('closest', c, japanese)}"
    return f"{head}{locator} of {title}: “{elide(c.quote.core)}” [{c.n}]"


def short_answer(
    question: str,
    mode: str,
    quotes: Sequence[Quote],
    numbers: Mapping[int, int],
    *,
    verdict: Verdict | None = None,
    finding: str = "",
    gloss: str = "",
) -> str | None:
    """One or two sentences answering `question` from `quotes` (`numbers`: quote index → citation number).
    `gloss` is the glossary's English for a question in another language: a yes or no needs its words.

    `finding` is a conclusion the answerer reached itself (a role the named law lacks): it leads, as "No: …",
    and the closest quote follows. None when there is no quote to stand behind an answer."""
    if not quotes:
        return None
    japanese = question_language(question) == "ja"
    cited = [_Cited(q, numbers[i]) for i, q in enumerate(quotes)]
    if finding:
        if mode == "claim" and verdict in ("supported", "refuted"):  # the finding settles the claim
            heads = {
                "supported": ("主張は裏付けられます。", "Supported: "),
                "refuted": ("主張は本文と矛盾します。", "Contradicted: "),
            }
            head = heads[verdict][0 if japanese else 1]
            lead = f"{head}{finding}" if japanese else f"{head}{finding[0].lower()}{finding[1:]}"
        else:
            lead = f"いいえ。{finding}" if japanese else f"No: {finding[0].lower()}{finding[1:]}"
        return f"{lead} {_frame('closest', cited[0], japanese)}"
    if mode == "claim":
        return _claim(verdict, cited[0], japanese)
    if mode == "quote":
        return _frame("states", cited[0], japanese)
    if mode == "compare":  # one sentence per document, in the order the answer gives them
        firsts: dict[str, _Cited] = {}
        for c in cited:
            firsts.setdefault(c.quote.passage.chunk.doc_id, c)
        return " ".join(_frame("states", c, japanese) for c in list(firsts.values())[:2])
    best = max(q.score for q in quotes)
    relevant = [c for c in cited if c.quote.score >= RELEVANT_SHARE * best]
    return _stated(question, relevant, japanese, gloss) or _frame(
        "closest", cited[0], japanese, keep=stating_shape(question)
    )


def refusal_note(reason: str, japanese: bool = False) -> str:
    """What a refusal says about why: the reason the gate found, in a sentence."""
    if japanese:
        return f"回答できません：{reason}。" if reason else "回答できません：文書はこの質問に答えていません。"
    return f"Not answered: {reason}." if reason else "Not answered: the texts retrieved do not address the question."
