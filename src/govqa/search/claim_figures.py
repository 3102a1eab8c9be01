"""Figures and dates as a claim or a law states them, each with what it counts or dates (pure).

One reader for both sides of a comparison: the claim ("a maximum fine of €7,500,000 or 1.5%", "signed … on
June 8, 2021", 「2027年8月2日までに」) and the sentence that may decide it ("fines of up to EUR 7 500 000 or … up to
1 %", "shall enter into force on the twentieth day following …"). A figure keeps its kind (amount, percentage,
period, count) and unit; a date keeps the event it dates (`EVENTS`; a deadline; the naming of a text; a draft's
publication), read from the nearest event word in its clause: a claimed date is compared only with a stated date
of the same event (a page header's date is not the act's date).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from govqa.documents.locators import kanji_to_int
from govqa.search.units import (
    CURRENCIES,
    FUNCTION_WORDS,
    MEASURES,
    NOT_NOUNS,
    ORDINALS,
    PERIODS,
    SAME_PERIOD,
    SCALE_ABBREVIATIONS,
    SCALES,
    WORD_NUMBERS,
    japanese_number,
    korean_amounts_as_japanese,
)
from govqa.text import tokenize

_MONTH_NAMES = "jan january|feb february|mar march|apr april|may|jun june|jul july|aug august|sep sept september|oct"
MONTHS = {
    m: i for i, ns in enumerate(f"{_MONTH_NAMES} october|nov november|dec december".split("|"), 1) for m in ns.split()
}
_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d{2})"
ERAS = {"令和": 2018, "平成": 1988}  # Japanese era years: 令和 1 = 2019, 平成 1 = 1989
DATE_PATTERNS = (
    re.compile(rf"\b{_MONTH}\s+{_DAY},?\s+{_YEAR}\b", re.I),  # June 8, 2021
    re.compile(rf"(?<![\d./-]){_DAY}\s+{_MONTH},?\s+{_YEAR}\b", re.I),  # 2 August 2026, not "AI 600-1 July 2024"
    re.compile(rf"\b{_MONTH},?\s+{_YEAR}\b", re.I),  # May 2024
    re.compile(r"(?P<year>(?:19|20)\d{2})-(?P<month>[01]\d)-(?P<day>[0-3]\d)"),  # 2025-06-04
    re.compile(r"(?P<era>令和|平成)(?P<year>\d{1,2}|元)年(?:(?P<month>\d{1,2})月(?:(?P<day>\d{1,2})日)?)?"),
    re.compile(
        r"(?P<year>(?:19|20)\d{2})\s*[年년]\s*(?:(?P<month>\d{1,2})\s*[月월]\s*(?:(?P<day>\d{1,2})\s*[日일])?)?"
    ),
    re.compile(r"(?<![\d./-])(?P<year>(?:19|20)\d{2})(?![\d/-]|\s*(?:%|per ?cent))"),  # a bare year: "in 2025"
)

# The events laws and news date, in the words of each language; the nearest one in the clause is the date's.
EVENTS: dict[str, re.Pattern[str]] = {
    "entry_into_force": re.compile(
        r"\b(?:enter(?:s|ed|ing)? into force|entry into force|(?:take|takes|took|taken|taking) effect|effective"
        r"|(?:come|comes|came|coming) into (?:force|effect)|in force|go(?:es|ing)? into effect)\b|施行|発効|시행",
        re.I,
    ),
    "application": re.compile(
        r"\b(?:appl(?:y|ies|ied|ying)|applicab\w+|application|compl(?:y|ying|iance))\b|適用|遵守|準拠|적용",
        re.I,
    ),
    "effect": re.compile(r"\b(?:kick(?:s|ed|ing)? in|bites?)\b", re.I),  # news's words for either start
    # a treaty is adopted, opened for signature, then enters into force (before "enactment": "signature" as near)
    "opening": re.compile(r"\bopen(?:ed|s|ing)? for signature\b|署名のために開放|署名開放", re.I),
    "enactment": re.compile(
        r"\b(?:promulgat\w+|enact\w*|signed|signature|adopted|adoption|passed|approved)\b|公布|成立|制定|採択|署名|공포|의결|서명",
        re.I,
    ),
    "publication": re.compile(
        r"\b(?:publish\w*|publication|released?|issued?|announced|unveiled|distr(?=\.)|distributed"
        r"|(?:came|comes?|rolled|rolls?) out(?! against| for| in favou?r))\b|公表|公開|発表|공개|발표",
        re.I,
    ),
    "revocation": re.compile(r"\b(?:revok\w+|revocation|rescind\w*|repeal\w*|scrap(?:s|ped)?)\b|廃止|撤回|폐지", re.I),
    "amendment": re.compile(r"\b(?:amend\w*|updated?|revised?|revision)\b|改正|改定|改訂|アップデート|개정", re.I),
    "meeting": re.compile(r"\b(?:held|convened|met|meeting)\b|開催|会合|개최", re.I),
}
_EITHER_START = ({"effect", "application"}, {"effect", "entry_into_force"})
# What a body did under or about a text, as news reports it (claims only, `dates_in(reported=True)`): an action
# brought, a fine imposed, a body set up, a plan decided by cabinet; no text records these after its own date
# (answering/later.py). A law's "any action brought" or "must set up … by" is a condition or a deadline.
REPORTED = {
    "action": re.compile(
        r"(?<!must )(?<!shall )(?<!will )(?<!\bto )(?<!should )(?<!\bbe )"  # ("could be fined": no act done)
        r"\b(?:brought|filed|opened|launched|fined|imposed|sued|set up|created|established|appointed|kicked off"
        r"|began|started)\b|閣議決定|創設|発足|設立|設置さ|開始し|任命|提訴",
        re.I,
    ),
}
EVENT_REACH = 100  # how far (characters) an event word may stand from its date: a long clause names others further
_DENIED_EVENT = re.compile(r"\b(?:not(?: yet)?|never)\s+$", re.I)
# A date after "by"/"no later than"/「までに」 is a deadline when no event word dates it.
DEADLINE = re.compile(r"\b(?:by|no later than|not later than|before|until)\s+(?:the\s+)?$", re.I)
# A law's number dates it: "Act No. 53 of June 4, 2025", "<Act No. 20676, Jan. 21, 2025>" (its promulgation).
LAW_DATED = re.compile(r"\b(?:no\.|(?:executive\s+)?order|decree)\s*(?P<no>\d+)\s*(?:of|,)\s*$", re.I)
# A date after "on and after"/"as from"/「から」/a clause's opening "From", with no event word: when a rule applies.
STARTING = re.compile(r"\b(?:on (?:and|or) after|as (?:of|from)|beginning|starting)\s+(?:the\s+)?$|^\s*from\s+$", re.I)
DEADLINE_AFTER = re.compile(r"^\s*(?:まで|までに|迄)")
# A full stop ends a clause only before a space (not in "doi.org/10.6028/NIST.AI.600-1", "No.5"). A purpose ("ready
# by 2 May 2025 in view of enabling providers to demonstrate compliance") starts a clause: it dates no event.
_CLAUSE = re.compile(
    r"(?i)[.;!?](?=\s|$)|[。；]|,\s+(?:and|but|while|whereas)\b|\s(?:in view of|in order to|with a view to|so as to)\b"
)


@dataclass(frozen=True)
class DateMention:
    """A date as written, and the event it dates ("" when none is named)."""

    year: int
    month: int | None
    day: int | None
    text: str
    start: int
    end: int
    event: str = ""
    law: str = ""  # the number of the law the date is part of the citation of ("Order 14148 of …"): its date

    def dates_as(self, other: DateMention) -> bool:
        """Both date the same event (news's "kicked in" either start), of one law where each is cited by its number."""
        same = self.event == other.event or {self.event, other.event} in _EITHER_START
        return same and not (self.law and other.law and self.law != other.law)

    def agrees(self, other: DateMention) -> bool:
        """The two dates can be the same day: equal where both are precise."""
        return (
            self.year == other.year
            and (self.month is None or other.month is None or self.month == other.month)
            and (self.day is None or other.day is None or self.day == other.day)
        )


# A date naming a text by when it was made, before its kind ("Trump's January 2025 AI order", 「2019年の倫理ガイド
# ライン」) or in brackets after its title (「…ガイドライン」（2019年）): which text the claim is about, compared
# with the text's own date, never with a sentence's (event "title").
_TEXT_KIND = (
    r"(?:executive\s+)?(?:orders?|acts?|laws?|regulations?|guidelines?|frameworks?|resolutions?|conventions?|codes?"
    r"|principles|recommendations?|rules|measures|bills?|treaty|declarations?|statutes?|directives?|profiles?)\b"
)
_TITLE_BEFORE = re.compile(r"(?:['’]s|\b(?:the|its|their|this|that))\s+$", re.I)
_TITLE_AFTER = re.compile(
    rf"^\s+(?:(?!(?:the|a|an|its|this|that|which|when|in|on|of)\b)[A-Za-z][\w’'-]*\s+){{0,3}}?{_TEXT_KIND}", re.I
)
_TITLE_AFTER_JA = re.compile(
    r"^\s*の[^、。「」\s]{0,15}?(?:法|規則|指針|ガイドライン|大統領令|決議|条約|原則|規範|フレームワーク)"
    r"(?!\s*(?:の)?(?:改正|改定|施行|公布|成立|制定|採択|公表|廃止))"
)
_TITLE_BRACKETS = re.compile(rf"(?:{_TEXT_KIND}|[」』])\s*[（(]\s*$", re.I)
_BRACKET_CLOSE = re.compile(r"^\s*[)）]")


def names_text(text: str, start: int, end: int) -> bool:
    """The date at text[start:end] names a text by when it was made (see `_TITLE_AFTER`)."""
    after = text[end : end + 80]
    if _TITLE_BEFORE.search(text[max(0, start - 12) : start]) and _TITLE_AFTER.match(after):
        return True
    if _TITLE_AFTER_JA.match(after):
        return True
    return bool(_TITLE_BRACKETS.search(text[max(0, start - 30) : start]) and _BRACKET_CLOSE.match(after))


def _event_at(text: str, start: int, end: int, events: dict[str, re.Pattern[str]] = EVENTS) -> str:
    """The event word nearest to the span within its clause, else "deadline" after "by …", else "". A date
    numbering a law ("<Act No. 21311, Jan. 20, 2026> This Act shall enter into force on …") dates its enactment
    whatever event word stands near; a date naming a text ("Biden's 2023 AI order") dates the text ("title")."""
    if LAW_DATED.search(text, max(0, start - 30), start):  # "No." ends no clause here
        return "enactment"
    if names_text(text, start, end):
        return "title"
    lo = max((m.end() for m in _CLAUSE.finditer(text, 0, start)), default=0)
    hi = next((m.start() for m in _CLAUSE.finditer(text, end)), len(text))
    best: tuple[int, str] | None = None
    for event, rx in events.items():
        for m in rx.finditer(text, max(lo, start - EVENT_REACH), min(hi, end + EVENT_REACH)):
            if _DENIED_EVENT.search(text, max(0, m.start() - 12), m.start()):
                continue  # "(not yet published in the Official Journal)" dates no publication
            distance = start - m.end() if m.end() <= start else m.start() - end
            if best is None or abs(distance) < best[0]:
                best = (abs(distance), event)
    if best:
        return "draft" if re.search(r"(?i)\bdrafts?\b(?! by)", text[lo:hi]) else best[1]  # not "drafted by"
    if DEADLINE.search(text[lo:start]) or DEADLINE_AFTER.match(text[end:hi]):
        return "deadline"
    if STARTING.search(text[lo:start]):
        return "application"
    return ""


def _date(m: re.Match[str]) -> tuple[int, int | None, int | None]:
    groups = m.groupdict()
    raw_year = groups["year"]
    year = 1 if raw_year == "元" else int(raw_year)
    if groups.get("era"):
        year += ERAS[groups["era"]]
    month, day = groups.get("month"), groups.get("day")
    month_no = (int(month) if month.isdigit() else MONTHS[month.lower().rstrip(".")]) if month else None
    return year, month_no, int(day) if day else None


def dates_in(text: str, *, reported: bool = False) -> list[DateMention]:
    """Every date in the text (NFKC), longest reading first where patterns overlap, in order of appearance;
    `reported`: the text is a claim, whose dates may also date a body's act (`REPORTED`)."""
    events = EVENTS | REPORTED if reported else EVENTS
    text = unicodedata.normalize("NFKC", text)
    taken: list[tuple[int, int]] = []
    found: list[DateMention] = []
    for rx in DATE_PATTERNS:
        for m in rx.finditer(text):
            if any(s < m.end() and m.start() < e for s, e in taken):
                continue
            year, month, day = _date(m)
            if month is not None and not 1 <= month <= 12:
                continue
            taken.append((m.start(), m.end()))
            event = _event_at(text, *m.span(), events)
            law = cited.group("no") if (cited := LAW_DATED.search(text, max(0, m.start() - 30), m.start())) else ""
            found.append(DateMention(year, month, day, m.group(), m.start(), m.end(), event, law))
    return sorted(found, key=lambda d: d.start)


# ---------------------------------------------------------------- figures

# Japanese writes a large number with its units, in digits or kanji: 「1億5000万」, 「1億5千万」, 「二十」.
_JA_DIGITS = r"(?:\d+|[〇一二三四五六七八九]+)"
_JA_GROUP = rf"(?:{_JA_DIGITS}?[十百千]|{_JA_DIGITS}[万億兆]|(?<=[十百千])[万億兆])"  # 「1億5千万」
_NUM = (
    rf"(?P<num>{_JA_GROUP}+{_JA_DIGITS}?|\d{{1,3}}(?:[ ,]\d{{3}})+(?:\.\d+)?|\d+(?:\.\d+)?|"
    + "|".join(sorted(WORD_NUMBERS, key=len, reverse=True))
    + r"|[一二三四五六七八九十百千]+)"
)
_SCALE = r"(?:\s*(?P<scale>thousand|million|billion|trillion|septillion|万|億|兆))?"
_ABBREVIATED = rf"(?:\s?(?P<abbr>mn|mln|bn|tn)|(?P<abbr1>{'|'.join(SCALE_ABBREVIATIONS)}))(?![a-z])"
_CUR = "|".join(re.escape(c) for c in sorted(CURRENCIES, key=len, reverse=True))
AMOUNTS = (  # (an abbreviated scale only beside the currency: "35m" alone may be metres)
    re.compile(rf"(?P<cur>{_CUR})\s*{_NUM}(?:{_ABBREVIATED}|{_SCALE})", re.I),  # €7,500,000; EUR 15 million; €35m
    re.compile(
        rf"{_NUM}(?:{_ABBREVIATED}|{_SCALE})\s*(?P<cur>{_CUR})(?![a-z])", re.I
    ),  # 100,000 yuan; 20,000,000ユーロ
)
PERCENT = re.compile(rf"{_NUM}\s*(?:%|per ?cent|パーセント|퍼센트)", re.I)
_MEASURE_UNITS = "|".join(re.escape(u).replace(r"\ ", r"\s+") for u in sorted(MEASURES, key=len, reverse=True))
MEASURE = re.compile(rf"(?<![\d.,]){_NUM}\s*(?P<unit>{_MEASURE_UNITS})(?![a-z0-9/])", re.I)
_PERIOD_UNITS = "|".join(sorted(PERIODS, key=len, reverse=True))
PERIOD = re.compile(rf"(?<![\da-z.,年月]){_NUM}[\s-]*(?P<unit>(?:{_PERIOD_UNITS}))(?:s|間|以内|ごと)?(?![a-z月])", re.I)
# One unit of time with the article: "has a month to notify", "a full week"; no frequency ("once a year", "per year").
ONE_PERIOD = re.compile(
    r"(?<!once )(?<!twice )(?<!times )(?<!hours )(?<!days )\ban?\s+(?:full\s+|whole\s+|single\s+)?"
    r"(?P<unit>hour|day|week|month|year)\b(?!s\b|-)",
    re.I,
)
_PARTS = {"half": 2, "third": 3, "quarter": 4, "fourth": 4, "fifth": 5, "tenth": 10}  # "a third of", "one-tenth of"
FRACTION = re.compile(  # also a bare "half of" ("more than half of the compute"), not "the first half of 2025"
    rf"\b(?:(?:a|one)[\s-]+(?P<part>{'|'.join(_PARTS)})|(?<!the )(?<!first )(?<!second )(?P<half>half))\s+of\b", re.I
)
JA_MONTHS = re.compile(rf"(?<![\d年第]){_NUM}月(?=を超えない|以内|を経過|間)")
# A period counted by its last day: "on the twentieth day following its publication" is 20 days from the event.
ORDINAL_PERIOD = re.compile(
    r"\bthe\s+(?P<num>"
    + "|".join(sorted(ORDINALS, key=len, reverse=True))
    + r"|\d+(?:st|nd|rd|th))\s+(?P<unit>day|week|month|year)\s+(?:following|after|from)\b",
    re.I,
)
# A count: a number and what it counts ("11 areas", "5つの分野"), not a provision's or law's number ("Article 99").
# A counted noun may follow up to four qualifying words ("ten new National AI Research Institutes"), none opening
# a phrase of its own ("two of the more important factors" counts no factors); it ends in a plural (NOT_NOUNS).
_PLURAL = rf"(?!(?:{NOT_NOUNS})\b)[a-z-]+s\b"
COUNT = re.compile(
    rf"(?<![\da-z.(/-]){_NUM}{_SCALE}(?:\s+|(?:つ|個|件)?の)"
    rf"(?!(?:{NOT_NOUNS})\b)(?P<noun>(?:(?!{FUNCTION_WORDS}\b)[a-z-]+\s+){{1,4}}{_PLURAL}"
    rf"|(?:[a-z-]+\s+){{0,2}}{_PLURAL}|[\u30a0-\u30ff\u4e00-\u9fff]{{1,6}})",
    re.I,
)
# Japanese counter words: 委員八人, 年4回, 53か国 (no ordinal, 第3回; nor 人 opening a word: "①人間" reads "1人間").
COUNTER = re.compile(rf"(?<![\d第]){_NUM}(?P<noun>人(?![間工権々格材口種類])|名|回|か国|カ国|ヶ国)")
# Training compute as a power of ten, however printed: "10^26 FLOPs", "10²⁶" (NFKC "1026"), "1e26", a PDF's "10 25".
_OPS = r"(?:\(?(?:integer or )?floating[- ]point operations\)?|FLOPs?\b)"
COMPUTE = (
    re.compile(rf"(?<![\d.,])(?:10\s*(?:\^|\*\*)?\s*(?P<exp>\d{{2}})|1e(?P<e>\d{{2}}))(?!\d)\s*{_OPS}", re.I),
    re.compile(rf"{_OPS}[^.;]{{0,40}}?(?<![\d.,])10\s*(?:\^|\*\*)?\s*(?P<exp>\d{{2}})(?![\d,])", re.I),
    # a power of ten written as one counts operations however they are named ("10^23 operations")
    re.compile(r"(?<![\d.,])(?:10\s*(?:\^|\*\*)\s*(?P<exp>\d{2})|1e(?P<e>\d{2}))(?!\d)\s*(?:\w+\s+)?operations", re.I),
)
OPERATIONS = "floating-point operations"  # the unit of a compute figure, however named
_NUMBERED = re.compile(  # a provision's or a section's number: "Appendix 1.4 Specified systemic risks"
    r"(?i)(?:article|art|section|sec|no|annex|appendix|point|paragraph|chapter|part|measure|commitment|principle"
    r"|dimension|order|eo|resolution|bill|act|第)\.?\s*$"
)


@dataclass(frozen=True)
class Figure:
    """An amount, a percentage, a measure, a period or a count as written, with its value and unit (EUR, %,
    Gbit/s, month, the counted noun)."""

    kind: str  # "amount" | "percent" | "measure" | "period" | "count"
    value: float
    unit: str
    text: str
    start: int
    end: int

    def apart_from(self, other: Figure) -> bool:
        """Periods in days and in months or years (no fixed number of days) that differ however long the months
        are: "30 days" and "six months" (168 to 186 days), not "30 days" and "one month"."""
        days, years = (self, other) if self.unit == "day" else (other, self)
        periods = self.kind == other.kind == "period" and (days.unit, years.unit) == ("day", "year")
        return periods and not 28 * 12 * years.value <= days.value <= 31 * 12 * years.value

    def compares_with(self, other: Figure) -> bool:
        """Both give the same kind of figure in the same unit; counts of the same thing share a word of their
        nouns ("round-trip flights", "roundtrip flights")."""
        if self.kind == other.kind == "count":
            return bool(set(tokenize(self.unit)) & set(tokenize(other.unit)))
        return self.kind == other.kind and self.unit == other.unit


def number(raw: str, scale: str | None = None) -> float | None:
    """A written number as a value: "7 500 000", "1,5"? (a decimal point only), "seventy-two", "十", 「1億5000万」,
    with its scale ("million", 「万」, "m", "bn")."""
    raw = raw.strip().lower()
    if raw in WORD_NUMBERS:
        value: float = WORD_NUMBERS[raw]
    elif re.fullmatch(r"[一二三四五六七八九十百千]+", raw):
        if (kanji := kanji_to_int(raw)) is None:
            return None
        value = kanji
    elif re.search(r"[十百千万億兆]", raw):
        value = japanese_number(raw)
    else:
        value = float(re.sub(r"[ ,]", "", raw))
    scale = (scale or "").strip().lower()
    return value * SCALES.get(scale, SCALE_ABBREVIATIONS.get(scale, 1.0))


def figures_in(text: str) -> list[Figure]:
    """The amounts, percentages, periods and counts of a text (NFKC), in order; no year, date or provision number."""
    text = korean_amounts_as_japanese(unicodedata.normalize("NFKC", text))
    dated = [(d.start, d.end) for d in dates_in(text)]
    found: list[Figure] = []

    def free(s: int, e: int) -> bool:
        return not any(a < e and s < b for a, b in [*dated, *((f.start, f.end) for f in found)])

    for rx in COMPUTE:
        for m in rx.finditer(text):
            if free(*m.span()):
                exp = int(m.group("exp") or m.groupdict().get("e") or 0)
                found.append(Figure("count", 10.0**exp, OPERATIONS, m.group(), m.start(), m.end()))
    for m in ONE_PERIOD.finditer(text):  # "a month", "a full week": one of the unit
        if free(*m.span()):
            found.append(_figure("period", 1.0, PERIODS[m.group("unit").lower()], m))
    for m in FRACTION.finditer(text):  # "greater than a third of the training compute": a share, as a percentage
        if free(*m.span()):
            found.append(_figure("percent", 100 / _PARTS[(m.group("part") or "half").lower()], "%", m))
    for m in JA_MONTHS.finditer(text):  # 「起算して三月を超えない」: a law's bare 月 after a number is a period
        if free(*m.span()) and (n := number(m.group("num"))):
            found.append(_figure("period", n, "month", m))
    for m in ORDINAL_PERIOD.finditer(text):  # "the twentieth day following": 20 days
        nth = ORDINALS.get(m.group("num").lower()) or int(re.sub(r"\D", "", m.group("num")))
        if free(*m.span()) and nth >= 2:
            found.append(_figure("period", float(nth), PERIODS[m.group("unit").lower()], m))
    kinds = (*(("amount", a) for a in AMOUNTS), ("percent", PERCENT), ("measure", MEASURE), ("period", PERIOD))
    for kind, rx in (*kinds, ("count", COUNT), ("count", COUNTER)):
        pos = 0
        while hit := rx.search(text, pos):
            pos = hit.end()
            if _NUMBERED.search(text[max(0, hit.start() - 12) : hit.start()]):
                pos = hit.end("num")  # what follows a provision's number may count ("Article 5 bans eight practices")
                continue
            if not free(*hit.span()):
                continue
            groups = hit.groupdict()
            value = number(hit.group("num"), groups.get("scale") or groups.get("abbr") or groups.get("abbr1"))
            if value is None or (kind == "count" and not value.is_integer()):
                continue  # a count is a whole number: "1.4 Specified systemic risks" numbers a section
            found.append(_figure(kind, value, _unit(kind, hit), hit))
    return sorted(found, key=lambda f: f.start)


def _figure(kind: str, value: float, unit: str, m: re.Match[str]) -> Figure:
    if kind == "period" and unit in SAME_PERIOD:
        unit, times, per = SAME_PERIOD[unit]
        value = value * times / per
    return Figure(kind, value, unit, m.group(), m.start(), m.end())


def _unit(kind: str, m: re.Match[str]) -> str:
    if kind == "amount":
        return CURRENCIES[m.group("cur").lower()]
    if kind == "percent":
        return "%"
    if kind == "period":
        return PERIODS[m.group("unit").lower()]
    if kind == "measure":
        return MEASURES[" ".join(m.group("unit").lower().split())]
    noun = " ".join(m.group("noun").lower().split())
    return OPERATIONS if re.fullmatch(rf"(?:integer or )?{_OPS}", noun, re.I) else noun
