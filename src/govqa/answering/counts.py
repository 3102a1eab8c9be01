"""A claimed count of a text's own items against how far the text numbers them (pure).

"The Hiroshima guiding principles contain eleven principles", "the Act has 28 articles": a text numbering its
main units 1 to N without a gap has N of them.

- supported: the claim counts N, whatever it counts (a claim may call the units otherwise: "11 main areas");
- refuted: the claim counts another number of the units themselves, the whole of them: its counted noun is
  the units' kind ("principles" for Principle 1–11, 「原則」 through its glosses), every word qualifying it
  is a word of the text's own names ("guiding principles", "actions for organizations developing advanced AI
  systems"), and no bound stands before the number ("more than", "at least", 「以上」). "Three principles on
  risk", "eight prohibited practices" or "13 chapters" count something else, and decide nothing.

`claims.record_count` gives the verdict; `check_claim_figures` lets such a count through to it.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Mapping, Sequence

from govqa.answering.findings import Term
from govqa.answering.quotes import Quote
from govqa.records import Chunk, Document, Passage, Verdict
from govqa.search.claim_figures import Figure
from govqa.search.claim_reading import ClaimReading
from govqa.search.glosses import glossary
from govqa.text import sentence_spans, tokenize

# A numbered unit of a text ("Principle 11", "Article 28", "Action 3"), apparatus aside: notes and recitals
# are not the items a text sets out.
_UNIT = re.compile(r"^(?!Footnote|Recital|Annex|Table|Figure|Page)([A-Z][A-Za-z]+) (\d+)\b")
FEWEST_COUNTED = 3  # a count of one or two items agrees with any text's numbering by chance
# A bound before a number, or after it in Japanese: the count is not the claimed total.
_BOUND = re.compile(
    r"\b(?:(?:more|fewer|less)\s+than|over|under|at\s+least|at\s+most|up\s+to|about|around|nearly|almost|some|roughly"
    r"|approximately|only|just)\s*$",
    re.I,
)
_JA_BOUND = re.compile(r"^(?:つ|個|件)?(?:以上|以下|超|未満|程度|ほど|余り)|約$")
_CLAUSE_END = re.compile(r"[.;:!?。、，,]|\b(?:and|but|while|whereas|which|that)\b")
_JA_BEFORE = re.compile(r"(?:は|が|も|、|では)\s*$")  # 「…は12の原則から成る」: nothing qualifies the count


def numbered_units(doc_id: str, chunks: Sequence[Chunk]) -> tuple[str, dict[int, Chunk]] | None:
    """The kind of unit the text numbers most ("Principle") and its units by number, when numbered 1 to N
    without a gap; None otherwise."""
    units: dict[str, dict[int, Chunk]] = defaultdict(dict)
    for chunk in (c for c in chunks if c.doc_id == doc_id):
        if m := _UNIT.match(chunk.locator):
            units[m.group(1)].setdefault(int(m.group(2)), chunk)
    if not units:
        return None
    kind, numbered = max(units.items(), key=lambda kv: len(kv[1]))
    return (kind, numbered) if sorted(numbered) == list(range(1, len(numbered) + 1)) else None


def counts_the_units(reading: ClaimReading, count: Figure, kind: str, names: set[str]) -> bool:
    """The claim counts the units themselves, all of them (see the module docstring)."""
    text = reading.text
    words = count.unit.split()  # "actions for organizations": the kind, and the words qualifying it
    head = next((i for i, w in enumerate(words) if _is_kind(w, kind)), None)
    if head is None:
        return False
    qualifiers = set(tokenize(" ".join(words[:head] + words[head + 1 :])))
    if reading.language == "ja":
        return not _JA_BOUND.search(text[count.end : count.end + 3]) and bool(_JA_BEFORE.search(text[: count.start]))
    after = text[count.end :]
    qualifiers |= set(tokenize(after[: m.start()] if (m := _CLAUSE_END.search(after)) else after))
    return not _BOUND.search(text[: count.start]) and qualifiers <= names


def _is_kind(noun: str, kind: str) -> bool:
    """The counted noun names the units' kind: an English word by its stem, a Japanese word by a one-word gloss
    ("原則": "principle")."""
    stems = set(tokenize(kind))
    if re.fullmatch(r"[a-z-]+", noun):
        return set(tokenize(noun)) == stems
    return any(g == stems for g in glossary().glosses(noun))


def counted(
    reading: ClaimReading | None, documents: Mapping[str, Document], chunks: Sequence[Chunk]
) -> tuple[Verdict, Term, Quote] | None:
    """A claim's count of the one text it names, against the text's numbering (the module docstring), resting on
    the N-th unit (its first sentence)."""
    counts = [f for f in reading.figures if f.kind == "count" and f.value >= FEWEST_COUNTED] if reading else []
    docs = [documents[i] for i in (reading.doc_ids if reading else ()) if i in documents]
    if reading is None or len(counts) != 1 or len({d.translation_of or d.id for d in docs}) != 1:
        return None  # one text (its language versions are one), one count
    claimed = counts[0]
    found = next(((d, units) for d in docs if (units := numbered_units(d.id, chunks))), None)
    if found is None:
        return None
    doc, (kind, numbered) = found
    if claimed.value == len(numbered):
        verdict: Verdict = "supported"
        last = numbered[len(numbered)]
    else:
        names = set(tokenize(" ".join(w for d in docs for w in (d.title, d.short_title, *d.aliases))))
        # (a count of operations, 10^25, is no count of units: its noun is no unit's kind)
        if not counts_the_units(reading, claimed, kind, names):
            return None
        verdict, last = "refuted", numbered[len(numbered)]
    start, end = next(iter(sentence_spans(last.text, min_chars=0)), (0, len(last.text)))
    fields = {"locator": last.locator, "claimed": claimed.text, "stated": f"{kind} 1–{len(numbered)}"}
    quote = Quote(Passage(last, 1.0, document=documents[doc.id]), start, end, 1.0)
    key = "evidence.count_numbered" if verdict == "supported" else "evidence.count_differs"
    return verdict, Term(key, fields), quote
