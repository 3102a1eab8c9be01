"""A text's publication and entry into force as its own pages state them, where no sentence dates them (pure).

An act of the European Union is dated by the Official Journal edition that publishes it, printed on every page
("OJ L, 12.7.2024"), and states its entry into force as a period counted from that publication ("This
Regulation shall enter into force on the twentieth day following that of its publication in the Official
Journal"): no sentence of it says "1 August 2024", the date news gives.

- `record_publication`: a claimed date of publication of the one text named against its pages' edition date,
  and a claimed date of entry into force against that date plus the stated period: a date that differs →
  refuted; one that agrees → supported when the claim says nothing else of the text (`only_dates`).
  A claim of when the act applies ("applies from …") is another event, left to the evidence sentences.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Mapping, Sequence

from govqa.answering.coverage import claim_weights
from govqa.answering.findings import Term
from govqa.answering.quotes import Quote
from govqa.records import Chunk, Document, Passage, Verdict
from govqa.search.claim_figures import EVENTS, DateMention
from govqa.search.claim_reading import ClaimReading
from govqa.search.units import ORDINALS
from govqa.text import sentence_spans, tokenize

# The edition date a page of the Official Journal carries in its header.
_EDITION = re.compile(r"\bOJ L, (?P<d>\d{1,2})\.(?P<m>\d{1,2})\.(?P<y>(?:19|20)\d{2})\b")
# Entry into force counted from publication: "on the twentieth day following that of its publication", "20 days
# after its publication".
_COUNTED = re.compile(
    r"enter\s+into\s+force\s+(?:on\s+the\s+(?P<nth>"
    + "|".join(sorted(ORDINALS, key=len, reverse=True))
    + r"|\d+(?:st|nd|rd|th))\s+day\s+following|(?P<days>\d+)\s+days\s+after)\s+(?:that\s+of\s+)?(?:the\s+date\s+of\s+)?"
    r"its\s+publication",
    re.I,
)

# Words naming a kind of text: "… was signed into law", "the Act was adopted" say no more than the event.
_TEXT_KINDS = frozenset(tokenize("law act bill regulation order guidelines framework code text document"))


def only_dates(reading: ClaimReading | None, allowed: frozenset[str] = frozenset()) -> bool:
    """The claim says nothing of the text but its date(s) and their event ("AI推進法は2025年に公布された", "The
    Robot Act was signed into law on 17 May 2024"), and the `allowed` words: a line stating that date, agreeing,
    states all of it."""
    if reading is None:
        return False
    words = set(claim_weights(reading, {}))
    for d in reading.dates:
        words -= set(tokenize(reading.text[d.start : d.end]))
    words -= {t for rx in EVENTS.values() for m in rx.finditer(reading.text) for t in tokenize(m.group())}
    return not words - _TEXT_KINDS - allowed


def _edition(chunks: Sequence[Chunk]) -> tuple[dt.date, tuple[Chunk, int, int]] | None:
    """The edition date the text's pages carry most often, with its first header line (chunk, start, end)."""
    found = [(c, m) for c in chunks for m in _EDITION.finditer(c.text)]
    if not found:
        return None
    dates = Counter((int(m["y"]), int(m["m"]), int(m["d"])) for _, m in found)
    (y, mo, d), _ = dates.most_common(1)[0]
    chunk, m = next((c, m) for c, m in found if (int(m["y"]), int(m["m"]), int(m["d"])) == (y, mo, d))
    start = chunk.text.rfind("\n", 0, m.start()) + 1
    end = chunk.text.find("\n", m.end())
    return dt.date(y, mo, d), (chunk, start, end if end >= 0 else len(chunk.text))


def _counted(chunks: Sequence[Chunk]) -> tuple[int, tuple[Chunk, int, int]] | None:
    """The days from publication to entry into force the text states, with the sentence stating them."""
    for chunk in chunks:
        if m := _COUNTED.search(chunk.text):
            nth = (m["nth"] or "").lower()
            days = int(m["days"]) if m["days"] else ORDINALS.get(nth) or int(re.sub(r"\D", "", nth))
            start, end = next(((s, e) for s, e in sentence_spans(chunk.text, min_chars=0) if s <= m.start() < e))
            return days, (chunk, start, end)
    return None


def _agrees(claimed: DateMention, date: dt.date) -> bool:
    return claimed.agrees(DateMention(date.year, date.month, date.day, "", 0, 0))


# An entry into force told as past: a single event. "Will take effect in 2026" is how news speaks of when rules
# apply, which the act dates otherwise.
_ENTERED = re.compile(
    r"\b(?:entered into force|came into (?:force|effect)|took effect|went into effect|(?:has|have) been in force"
    r"|in force since)\b|発効し|施行され|施行し",
    re.I,
)
# Words a claim of the date may add: the journal's name, "in force since".
_JOURNAL = frozenset(tokenize("official journal of the european union eu gazette since"))


def _claimed(reading: ClaimReading) -> list[DateMention]:
    """The claim's dates of the text's publication or past entry into force, when it says nothing else of the
    text (`only_dates`, the journal's name aside): "the AI Act's ban on social scoring took effect in 2025"
    dates a part of the act, which its articles date."""
    if not only_dates(reading, _JOURNAL):
        return []
    entered = bool(_ENTERED.search(reading.text))
    return [d for d in reading.dates if d.event == "publication" or (d.event == "entry_into_force" and entered)]


def record_publication(
    reading: ClaimReading | None, documents: Mapping[str, Document], chunks: Sequence[Chunk]
) -> tuple[Verdict, Term, Quote] | None:
    """A claimed publication or entry-into-force date of the one text named, against its pages (module
    docstring)."""
    docs = [documents[i] for i in (reading.doc_ids if reading else ()) if i in documents]
    if reading is None or len({d.translation_of or d.id for d in docs}) != 1 or not (claimed := _claimed(reading)):
        return None
    for doc in docs:
        own = [c for c in chunks if c.doc_id == doc.id]
        if (edition := _edition(own)) is None:
            continue
        published, header = edition
        counted = _counted(own)
        for said in claimed:
            if said.event == "entry_into_force" and counted is None:
                return None
            if said.event == "entry_into_force" and counted:
                days, where = counted
                date = published + dt.timedelta(days=days)
                stated = f"{_day(date)}, {days} days after its publication on {_day(published)}"
            else:
                date, where, stated = published, header, f"{_day(published)} (OJ)"
            chunk, start, end = where
            fields = {"locator": chunk.locator, "claimed": said.text, "stated": stated}
            quote = Quote(Passage(chunk, 1.0, document=doc), start, end, 1.0)
            if not _agrees(said, date):
                return "refuted", Term("evidence.date_differs", fields), quote
        return "supported", Term("evidence.date_agrees", fields), quote
    return None


def _day(date: dt.date) -> str:
    return f"{date.day} {date:%B %Y}"


def after(claimed: DateMention, record: DateMention) -> bool:
    """The claimed date falls after the record's, at the claim's precision (September 2024 after 26 July 2024): a
    draft claimed after the text's issue, which it must precede."""
    month, day = (record.month or 0) if claimed.month else 0, (record.day or 0) if claimed.day else 0
    return (claimed.year, claimed.month or 0, claimed.day or 0) > (record.year, month, day)
