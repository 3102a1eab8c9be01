"""The words figures are written in (pure data): number words, scales, currencies, periods and units of measure,
each spelling mapped to one value or unit. search/claim_figures.py reads figures with them."""

from __future__ import annotations

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
    "日": "day",
    "週": "week",
    "か月": "month",
    "ヶ月": "month",
    "カ月": "month",
    "箇月": "month",
    "年": "year",
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
