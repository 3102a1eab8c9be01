"""Whether the retrieved texts answer the point a question asks, even when they are about its topic (pure).

The refusal gate (refusal.py) catches a question about a law the library does not hold. This module catches the
near miss: the law is here, the asked detail is not. Three findings, each following from how such texts work:

- **unmentioned**: the asking sentence names something specific — a year, a law number ("Act No. 56 of 2026",
  「令和8年法律第56号」), a proper name ("Germany", "Measures for Labeling …") — that no retrieved passage mentions.
  Proper names of a scene-setting sentence ("We're a hospital in France. Who must…?") are context, not the point.
- **delegated**: the passage that speaks to the asked detail leaves it to another instrument ("prescribed by
  Presidential Decree", "delegated acts", 「政令で定める」, "rules promulgated by the Attorney General"), or the
  question asks for the content of such an instrument. The library holds statutes and guidance, never the decrees
  and rules made under them, so the answer is "the Act leaves this to <instrument>", citing the delegating text.
- **unmentioned topic**: "What does the Act say about <topic>?" when no word of the topic (nor the glossary's
  wording for it) stands anywhere in the whole named text, not only in the passages retrieved.
- **later event** (later.py): what a text cannot record — an event the question dates after the text, what became
  of a named text since (still in force? amended?), who has since signed, reported under or complied with it.

Each check returns a `Finding` of the gap form: its kind, what the message names, which passages it cites. The
question's side (what it asks, names, dates) is read once in search/reading.py; this module reads the passages.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence

from govqa.answering.claims import recorded_years
from govqa.answering.duties import HEADS
from govqa.answering.findings import CheckContext, Finding, Term
from govqa.answering.stated_figures import compared
from govqa.records import Chunk, Document, Passage
from govqa.search.analysis import QueryAnalysis
from govqa.text import fold, kanji_to_digits, name_words, tokenize

# ---------------------------------------------------------------- data: instruments a law delegates to

# pattern → the catalogue's name for the instrument (prompts/messages.*.toml, [instrument]).
DELEGATES: tuple[tuple[str, str], ...] = (
    (r"\bpresidential decrees?\b|대통령령", "presidential_decree"),
    (r"\bcabinet orders?\b|政令", "cabinet_order"),
    (r"\bministerial (?:ordinances?|orders?)\b|省令|内閣府令|総理令|총리령|부령", "ministerial_ordinance"),
    (r"\bdelegated acts?\b", "delegated_acts"),
    (r"\bimplementing acts?\b", "implementing_acts"),
    (r"\brules? (?:promulgated|adopted|issued) by the ([a-z ]{3,40}?)(?=[,.;]| pursuant| under| in\b)", "rules"),
    (r"\bthe ([a-z ]{3,40}?) (?:may|shall) (?:promulgate|adopt|issue) rules\b", "rules"),
    (r"委員会規則", "commission_rules"),
)
_DELEGATES = [(re.compile(p, re.I), name) for p, name in DELEGATES]
_PLURAL = frozenset({"delegated_acts", "implementing_acts", "rules", "commission_rules"})
DELEGATING = re.compile("|".join(f"(?:{p})" for p, _ in DELEGATES), re.I)
# The verb that makes a mention of such an instrument a delegation (not, say, a reference to an existing one).
_LEAVES = re.compile(
    r"\b(?:prescribed|specified|determined|laid down|set out|set forth|provided for|defined|designated|established)"
    r"\s+(?:by|in|under)\b|\bin accordance with\b|\bas (?:prescribed|specified|provided) (?:by|in)\b"
    r"|\bpromulgat\w*|\bempowered to adopt\b|\bby means of\b|で定める|で定め|의하여 정|으로 정",
    re.I,
)


def _lookup(passages: Sequence[Passage]) -> bool:
    """A provision asked for by number is answered by quoting it."""
    return any(p.lookup for p in passages[:3])


def _mentions(passages: Iterable[Passage], documents: Mapping[str, Document]) -> str:
    """All that the passages and their documents' records say, folded, with numbers as digits."""
    parts = [p.chunk.text for p in passages]
    parts += [f"{d.title} {d.version} {d.date}" for p in passages if (d := documents.get(p.chunk.doc_id))]
    return fold(kanji_to_digits(" ".join(parts)))


def unmentioned(query: QueryAnalysis, passages: Sequence[Passage], documents: Mapping[str, Document]) -> list[str]:
    """The years, law numbers and names the asking sentence gives that no passage (nor its record) mentions."""
    said = _mentions(passages, documents)
    dated = recorded_years(query.claim, documents)  # compared with the named texts' records (claims.from_records)
    # a year dating an event the passages date otherwise is contradicted, not unmentioned (the claim checks)
    missing = [y for y in query.years if y not in said and y not in dated and not compared(y, query, passages)]
    missing += [written for written, said_as in query.law_numbers if not re.search(said_as, said)]
    for name in query.names:
        if fold(name) not in said and not _mentioned(name, said):
            missing.append(name)
    return list(dict.fromkeys(missing))


def _mentioned(name: str, said: str) -> bool:
    """Every word of the name stands in what the passages say, the department or office it heads aside when
    the passages name the other ("Commerce Department": "Secretary of Commerce"; `duties.HEADS`)."""
    words = name_words(name)
    own = [w for w in words if w not in HEADS]
    if own and len(own) < len(words):
        return all(w in said for w in own) and any(h in said for h in HEADS)
    return all(w in said for w in words)


def delegation(query: QueryAnalysis, passages: Sequence[Passage]) -> tuple[Term, Passage] | None:
    """The instrument the best-matching passages leave the asked detail to, and the passage.

    Only for a question asking for a detail (an amount, criteria, a procedure, a list) or for a subordinate
    instrument's content; only a passage among the top three whose delegating sentence shares most of the asking
    sentence's terms speaks to the asked detail."""
    shape = query.shape
    if not (shape.instrument or shape.detail) or shape.when:
        return None
    terms = query.detail_terms
    for passage in passages[:3]:
        for clause in re.split(r"(?<=[.;。])\s*", " ".join(passage.chunk.text.split())):
            found = next(((name, m) for rx, name in _DELEGATES if (m := rx.search(clause))), None)
            if not found or not (_LEAVES.search(clause) or found[0] == "rules"):
                continue
            # a question about the instrument itself is answered by the whole delegating provision; one about a
            # detail only by the very clause that delegates it
            shared = terms & set(tokenize(passage.chunk.text if shape.instrument else clause))
            if terms and len(shared) / len(terms) >= 0.5:
                name, m = found
                if name == "rules" and m.groups() and m.group(1):  # rules name their maker
                    return Term("instrument.rules_of", {"maker": m.group(1).strip().title()}), passage
                return Term(f"instrument.{name}"), passage
    return None


class DocumentTerms:
    """The words (tokens) of each whole document, read once per document: whether a text mentions a topic at all."""

    def __init__(self, chunks: Sequence[Chunk]) -> None:
        self.chunks = chunks
        self._terms: dict[str, frozenset[str]] = {}

    def __call__(self, doc_id: str) -> frozenset[str]:
        if doc_id not in self._terms:
            texts = (c.text for c in self.chunks if c.doc_id == doc_id)
            self._terms[doc_id] = frozenset(t for text in texts for t in tokenize(text))
        return self._terms[doc_id]


# ---------------------------------------------------------------- the checks, in their order


def check_delegated(query: QueryAnalysis, passages: Sequence[Passage], ctx: CheckContext) -> Finding | None:
    """The asked detail is left to an instrument the library does not hold; cites the delegating provision."""
    if _lookup(passages) or not (found := delegation(query, passages)):
        return None
    instrument, passage = found
    kind = "delegated_plural" if instrument.key.split(".")[1] in _PLURAL | {"rules_of"} else "delegated"
    return Finding(kind, "gap", {"instrument": instrument}, (passage,), "delegating", DELEGATING, cites_first=True)


# A law's delegation in Japanese: 「政令で定める日」 (instrument, で定める, what it sets; news: 「政令が定める」).
_DELEGATION = re.compile(r"(施行令|施行規則|政令|省令)[でが]定める([^\s、。をにがはのでと]{1,4})")


def check_unheld_instrument(query: QueryAnalysis, passages: Sequence[Passage], ctx: CheckContext) -> Finding | None:
    """The question asks the content of a document of a kind no document of the library is ("its final report")."""
    held, kind = query.instrument
    if _lookup(passages) or not passages or not held:
        return None
    if query.claim and any(kind in fold(t.words) and t.doc_ids for t in query.claim.texts):
        return None  # news's name for a held law ("under the EU's AI rulebook"), resolved to it by description
    law = f"{said.group(1)}で定める{said.group(2)}" if (said := _DELEGATION.search(query.question)) else ""
    if law and any(law in p.chunk.text for p in passages[:5]):
        return None  # the law's own delegation, restated (「政令で定める日に施行」): what the law says, not the order
    documents = ctx.documents.values()
    titles = fold(" ".join(f"{d.title} {d.short_title} {' '.join(d.aliases)}" for d in documents))
    if re.search(rf"\b{re.escape(kind)}\b", titles):
        return None
    return Finding("unheld_instrument", "gap", {"instrument": held}, tuple(passages[:2]), "closest")


def check_unmentioned_topic(query: QueryAnalysis, passages: Sequence[Passage], ctx: CheckContext) -> Finding | None:
    """A topic named outright that no word of the named texts (nor the glossary's wording for it) mentions."""
    route = query.route
    # the texts asked about: named, or all of a jurisdiction named ("Singapore's …")
    if _lookup(passages) or not passages or not query.topic or route.by not in {"alias", "jurisdiction"}:
        return None
    if not route.doc_ids:  # a jurisdiction the library holds no text of is the gate's to decline
        return None
    present: set[str] = set()
    for doc_id in route.doc_ids:
        present |= ctx.terms_of(doc_id)
    if query.topic_terms & present:
        return None
    titles = tuple(ctx.documents[d].short_title for d in route.doc_ids if d in ctx.documents)
    return Finding("unmentioned_topic", "gap", {"titles": titles, "topic": query.topic}, tuple(passages[:2]), "closest")


def check_unmentioned(query: QueryAnalysis, passages: Sequence[Passage], ctx: CheckContext) -> Finding | None:
    """A year, law number or name of the asking sentence that no retrieved passage mentions."""
    if _lookup(passages) or not passages or not (missing := unmentioned(query, passages, ctx.documents)):
        return None
    return Finding("unmentioned", "gap", {"names": tuple(missing)}, tuple(passages[:2]), "closest")
