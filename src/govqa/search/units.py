"""The words figures are written in (pure data): number words and ordinals, scales, currencies, periods and units
of measure, each spelling mapped to one value or unit, and how a Japanese number written with its units reads.
search/claim_figures.py reads figures with them."""

from __future__ import annotations

import re
import unicodedata

from govqa.documents.locators import kanji_to_int

# Words a counted noun does not open with (a phrase of its own) or end on: ending in "s", they are no plural ("one
# chair and as many as" counts nothing).
FUNCTION_WORDS = r"(?:of|the|a|an|and|or|to|for|in|on|by|with|from|at|than|that|which)"
NOT_NOUNS = "was|has|is|as|its|this|does|thus|plus|yes|unless|across|always|perhaps|whereas"

# Periods converting exactly compare in one unit ("72 hours" is "3 days", "24 months" "2 years"); a month is no fixed
# number of days (claim_figures.Figure.apart_from).
SAME_PERIOD = {"hour": ("day", 1, 24), "week": ("day", 7, 1), "month": ("year", 1, 12)}  # (unit, ×, ÷)

WORD_NUMBERS = {
    w: i
    for i, w in enumerate(
        [
            "zero",
            "one",
            "two",
            "three",
            "four",
            "five",
            "six",
            "seven",
            "eight",
            "nine",
            "ten",
            "eleven",
            "twelve",
            "thirteen",
            "fourteen",
            "fifteen",
            "sixteen",
            "seventeen",
            "eighteen",
            "nineteen",
            "twenty",
        ]
    )
}
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
_UNITS = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
# Tens, and the numbers between them as English spells them: "seventy-two hours", "thirty five days".
WORD_NUMBERS |= _TENS | {"hundred": 100}
WORD_NUMBERS |= {f"{t}{sep}{u}": v + i + 1 for t, v in _TENS.items() for i, u in enumerate(_UNITS) for sep in "- "}


def _ordinal(word: str) -> str:
    """The ordinal English spells a number word as: "twenty" → "twentieth", "twenty-one" → "twenty-first"."""
    for sep in "- ":
        if sep in word:
            tens, unit = word.rsplit(sep, 1)
            return f"{tens}{sep}{_ordinal(unit)}"
    irregular = {"one": "first", "two": "second", "three": "third", "five": "fifth", "eight": "eighth"}
    irregular |= {"nine": "ninth", "twelve": "twelfth"}
    if word in irregular:
        return irregular[word]
    return word[:-1] + "ieth" if word.endswith("y") else word + "th"


# "the twentieth day following", "the 90th day after": ordinals from the second on (a law counts a period by its
# last day; "the first day of the month following" is no period).
ORDINALS = {_ordinal(w): v for w, v in WORD_NUMBERS.items() if v >= 2 and w != "hundred"}
SCALES = {
    "thousand": 1e3,
    "million": 1e6,
    "billion": 1e9,
    "trillion": 1e12,
    "septillion": 1e24,
    "万": 1e4,
    "億": 1e8,
    "兆": 1e12,
}
# A scale as news abbreviates it after an amount of money: "€35m", "$1.5bn", "15 mn euros", "¥300k".
SCALE_ABBREVIATIONS = {"k": 1e3, "m": 1e6, "mn": 1e6, "mln": 1e6, "bn": 1e9, "b": 1e9, "tn": 1e12}
CURRENCIES = {
    "€": "EUR",
    "eur": "EUR",
    "euro": "EUR",
    "euros": "EUR",
    "ユーロ": "EUR",
    "$": "USD",
    "usd": "USD",
    "dollars": "USD",
    "ドル": "USD",
    "¥": "JPY",
    "yen": "JPY",
    "円": "JPY",
    "yuan": "CNY",
    "rmb": "CNY",
    "元": "CNY",
    "won": "KRW",
    "krw": "KRW",
    "₩": "KRW",
    "원": "KRW",
    "ウォン": "KRW",
}
PERIODS = {
    "hour": "hour",
    "day": "day",
    "week": "week",
    "month": "month",
    "year": "year",
    "時間": "hour",
    "日": "day",
    "週": "week",
    "か月": "month",
    "ヶ月": "month",
    "カ月": "month",
    "箇月": "month",
    "年": "year",
    "시간": "hour",
    "일": "day",
    "개월": "month",
    "년": "year",
}


# Units of measure a threshold is written in ("data center networking of over 100 Gbit/s", "80GB of memory"),
# each spelling as one unit: a rate of 400 Gbit/s is compared with 100 Gbit/s, not with a count of anything.
MEASURES = {
    "gbit/s": "Gbit/s",
    "gb/s": "Gbit/s",
    "gbps": "Gbit/s",
    "gigabits per second": "Gbit/s",
    "gigabit per second": "Gbit/s",
    "tbit/s": "Tbit/s",
    "tbps": "Tbit/s",
    "terabits per second": "Tbit/s",
    "mbit/s": "Mbit/s",
    "mbps": "Mbit/s",
    "megabits per second": "Mbit/s",
    "gb": "GB",
    "gigabytes": "GB",
    "tb": "TB",
    "terabytes": "TB",
    "mw": "MW",
    "megawatts": "MW",
    "gw": "GW",
    "gigawatts": "GW",
}


_JA_UNITS = {"十": 10, "百": 100, "千": 1000, "万": 1e4, "億": 1e8, "兆": 1e12}
# Korean writes an amount with these units in hangul: 「3천만원」 (30 million won). Not 「제3조」 (Article 3).
_KO_AMOUNT = re.compile(r"(?<![제\d])\d+(?:[천백십만억조]\d*)+(?=\s*원)")
_KO_UNITS = str.maketrans("천백십만억조", "千百十万億兆")


def korean_amounts_as_japanese(text: str) -> str:
    """The text with each Korean amount's units written as Japanese does (「3천만원」 → 「3千万원」), so that one
    reading serves both; every other character, and so every offset, stays."""
    return _KO_AMOUNT.sub(lambda m: m.group().translate(_KO_UNITS), text)


def japanese_number(raw: str) -> float:
    """「1億5000万」 → 150000000, 「3千」 → 3000: digits (Arabic or kanji) times the units after them, each of 万, 億
    and 兆 multiplying what comes before it since the last of them."""
    total, section, digits = 0.0, 0.0, ""
    for ch in unicodedata.normalize("NFKC", raw):
        if ch.isdecimal():
            digits += ch
        elif (k := kanji_to_int(ch)) is not None and ch not in _JA_UNITS:
            digits += str(k)
        elif ch in "十百千":
            section += int(digits or 1) * _JA_UNITS[ch]
            digits = ""
        else:  # 万, 億, 兆
            total += (section + int(digits or 0) or 1) * _JA_UNITS[ch]
            section, digits = 0.0, ""
    return total + section + int(digits or 0)
