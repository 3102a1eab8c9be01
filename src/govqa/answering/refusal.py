"""The refusal gate: checks that the retrieved passages answer the question at all (pure).

- **unheld text**: the question asks only about texts the manifest lists without holding (`[[reference]]`):
  declined with each text's official source;
- **nothing retrieved**;
- **unknown names**: a name the corpus never mentions is a law, country or body it does not hold, unless the
  question names a text the corpus holds (then the name is what that text is asked about: "Does the EU AI Act
  apply to <company>?"). A provision number alone ("Annex III") names no text: news of an amending instrument the
  corpus never mentions stays declined;
- **low coverage**: the closest passages share too few of the question's terms (English questions; a scene set
  before the question counts as context: the asking sentence's words alone may be what the passages share).

A passage found by structure (the provision the question names, the asked term's definition, a provision of the
asked role in the named law) answers whatever its wording shares with the question: the coverage gate lets it
through.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from govqa.answering.findings import CheckContext, Finding
from govqa.answering.quotes import coverage
from govqa.messages import Messages
from govqa.records import Passage
from govqa.search.analysis import QueryAnalysis
from govqa.text import fold


def structural(passages: Sequence[Passage]) -> bool:
    """Whether one of the top three passages was found by structure, not by shared words."""
    return any(p.found_by_structure for p in passages[:3])


def check_unheld_text(query: QueryAnalysis, passages: Sequence[Passage], ctx: CheckContext) -> Finding | None:
    """Asked only about texts the library lists without holding them."""
    unheld = query.unheld
    if not unheld.named or unheld.apart:
        return None
    kind = "unheld_text_also" if unheld.within else "unheld_text"
    return Finding(kind, "gate", {"listed": unheld.named, "held": tuple(d.short_title for d in unheld.within)})


def check_retrieved(query: QueryAnalysis, passages: Sequence[Passage], ctx: CheckContext) -> Finding | None:
    """Nothing was retrieved."""
    return None if passages else Finding("no_passages", "gate")


# A name of an instrument ("the Digital Omnibus", "the Bletchley Declaration"): a claim about what it does is about
# a text the library does not hold, whatever held text it acts on.
INSTRUMENT_NAME = re.compile(
    r"\b(?:omnibus|act|regulation|directive|order|law|bill|convention|declaration|plan|strategy|treaty|decree"
    r"|charter|accord|pact)$",
    re.I,
)


def check_unknown_names(query: QueryAnalysis, passages: Sequence[Passage], ctx: CheckContext) -> Finding | None:
    """A name the corpus never mentions, in a question that names no held text, or a claim about an instrument
    the corpus never mentions (by a word of its name, or by its whole title: `unheld_titles`)."""
    instrument = ctx.mode == "claim" and any(INSTRUMENT_NAME.search(n) for n in query.unknown_names)
    if query.unknown_names and (query.route.by != "alias" or instrument):
        return Finding("unknown_names", "gate", {"names": query.unknown_names})
    if ctx.mode == "claim" and (titles := unheld_titles(query, passages, ctx)):
        return Finding("unknown_names", "gate", {"names": titles})
    return None


# A text named by its owner and its title: "Canada's Artificial Intelligence and Data Act" (title words capitalised,
# small words between them, ending in the kind of text). A kind word another capitalised noun follows names no text
# but a body or thing of it: "Japan's AI Strategy Headquarters", "the EU's AI Act Service Desk".
_OWNED_TITLE = re.compile(
    r"\b(?P<owner>[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*)*)['’]s\s+"
    r"(?P<title>[A-Z][\w'’-]*\s+(?:(?:[A-Z][\w'’-]*|and|of|on|for|the|in)\s+){0,7}?"
    r"(?:Act|Regulation|Directive|Order|Law|Bill|Convention|Declaration|Strategy|Treaty|Decree|Charter))\b"
    r"(?!\s+[A-Z][a-z])"
)

# A body named for its subject is no text: "Korea's Presidential Council on National AI Strategy".
_BODY_ON = re.compile(r"\b(?:Council|Committee|Board|Office|Commission|Agency|Authority|Institute)\s+(?:on|for|of)\b")


def owned_titles(text: str) -> list[tuple[str, str]]:
    """(title, owner and title) of each text the words name by owner and title, bodies named for a subject aside."""
    return [(m.group("title"), m.group()) for m in _OWNED_TITLE.finditer(text) if not _BODY_ON.search(m.group("title"))]


def unheld_titles(query: QueryAnalysis, passages: Sequence[Passage], ctx: CheckContext) -> tuple[str, ...]:
    """Titles of texts a claim names by owner and title that the texts retrieved never write, where the owner is
    no jurisdiction word and the title no alias of the library's (the claim's reading names no text there): a
    text the library does not hold ("Canada's Artificial Intelligence and Data Act would have allowed fines …"),
    whatever held texts share its words."""
    named = [fold(t.words) for t in (query.claim.texts if query.claim else ())]
    titles = [
        t for t, whole in owned_titles(query.question) if not any(fold(t) in n or n in fold(whole) for n in named)
    ]
    if not titles:
        return ()
    docs = {p.chunk.doc_id for p in passages[:5]}
    written = fold(" ".join(c.text for c in ctx.chunks if c.doc_id in docs))
    return tuple(t for t in titles if fold(t) not in written)


def check_coverage(query: QueryAnalysis, passages: Sequence[Passage], ctx: CheckContext) -> Finding | None:
    """The closest passages share too few of an English question's terms (or of its asking sentence's)."""
    if structural(passages) or not query.english:
        return None
    score = max(coverage(text, passages[:5], ctx.idf) for text in query.coverage_texts)
    return Finding("low_coverage", "gate", {"share": score}) if score < ctx.min_coverage else None


def unheld_note(query: QueryAnalysis, msgs: Messages) -> str:
    """For an answer about held texts that also names a text the library only lists: the note that this part is
    not covered, with that text's official source; else ""."""
    unheld = query.unheld
    if not unheld.named or not unheld.apart:
        return ""
    kind = "unheld_text_also" if unheld.within else "unheld_text"
    reason = Finding(kind, "gate", {"listed": unheld.named, "held": tuple(d.short_title for d in unheld.within)})
    return msgs("answer.note", reason=reason.statement(msgs))
