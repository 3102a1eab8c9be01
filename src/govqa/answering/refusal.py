"""When the retrieved passages do not answer a question: the refusal gate every mode passes."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

from govqa.answering.quotes import coverage
from govqa.records import Document, Passage
from govqa.search.query import question_focus
from govqa.search.routing import Glossary, Router, question_language
from govqa.text import fold, tokenize

_NAME = re.compile(r"\b(?:[A-Z][a-z]+(?:[-\s][A-Z][a-z]+)*|[A-Z][A-Z\-]{1,})\b")
_KATAKANA = re.compile(r"[\u30a0-\u30ff]{3,}")


def _sentence_initial(text: str, pos: int) -> bool:
    before = text[:pos].rstrip(" '\"‘“(")
    return not before or before[-1] in ".?!:。"


def unknown_names(question: str, router: Router, glossary: Glossary, idf: dict[str, float]) -> list[str]:
    """Names in the question that occur nowhere in the corpus (a law, country or body it does not hold).

    Capitalised words and acronyms (not sentence-initial) and katakana runs count as names unless
    they are a document alias, a jurisdiction word or a glossary term.
    """
    text = fold(question)
    for s, e in sorted(router.known_spans(question), key=lambda se: se[0] - se[1]):
        text = text[:s] + " " * (e - s) + text[e:]
    original = unicodedata.normalize("NFKC", question)
    names = [m.group(0) for m in _NAME.finditer(original) if not _sentence_initial(original, m.start())]
    names += _KATAKANA.findall(original)
    unknown = []
    for name in names:
        norm = fold(name)
        if norm not in text or glossary.known(name):
            continue
        tokens = sorted(tokenize(name), key=len)
        if tokens and tokens[-1] not in idf:  # its most specific part is nowhere in the corpus
            unknown.append(name)
    return unknown


def unheld_references(question: str, router: Router, references: Router) -> tuple[list[Document], list[Document], bool]:
    """The texts the manifest lists without holding them (`[[reference]]`: OECD, UNESCO, a later edition…) that
    the question names; the held documents named only inside those names ("AI Guidelines for Business v1.2"
    contains the alias of v1.0); and whether the question names a held document apart from them."""
    held = router.named_spans(question)
    named, inside = [], set()
    for start, end, ref_id in references.named_spans(question):
        named.append(next(d for d in references.documents if d.id == ref_id))
        inside |= {h for h in held if start <= h[0] and h[1] <= end and h[1] - h[0] < end - start}
    docs = {d.id: d for d in router.documents}
    within = list({h[2]: docs[h[2]] for h in sorted(inside)}.values())
    return named, within, len(inside) < len(held)


def unheld_reason(references: Sequence[Document], held: Sequence[Document], japanese: bool) -> str:
    """What the refusal says of a listed text the library does not hold: its title, version and official URL."""
    also = ", ".join(d.short_title for d in held)
    if japanese:
        listed = "、".join(f"{r.title}（{r.version}、公式: {r.official_url}）" for r in references)
        return f"ライブラリは{listed}を挙げていますが、本文を保持していません" + (
            f"。保持しているのは{also}です" if also else ""
        )
    listed = "; ".join(f"{r.title} ({r.version}; official source: {r.official_url})" for r in references)
    text = f"the library lists {listed} but does not hold the text"
    return text + (f". It holds {also}, which you can ask about instead" if also else "")


def unheld_note(question: str, router: Router, references: Router) -> str:
    """For an answer about held texts that also names a text the library only lists (a comparison with the Council
    of Europe convention): the note that this part is not covered, with that text's official source; else ""."""
    named, within, apart = unheld_references(question, router, references)
    if not named or not apart:
        return ""
    japanese = question_language(question) == "ja"
    reason = unheld_reason(named, within, japanese)
    return (
        f"注：{reason}。この回答はそれを扱っていません。"
        if japanese
        else f"Note: {reason}, so this answer does not cover it."
    )


def refusal_reason(
    question: str,
    passages: Sequence[Passage],
    *,
    router: Router,
    glossary: Glossary,
    idf: dict[str, float],
    min_coverage: float,
    references: Router | None = None,
) -> str:
    """Why the passages do not answer, or "" when they plausibly do."""
    if references is not None:
        named, within, apart = unheld_references(question, router, references)
        if named and not apart:  # asked only about texts the library does not hold
            return unheld_reason(named, within, japanese=question_language(question) == "ja")
    if not passages:
        return "nothing was retrieved"
    # A provision the question names, the definition of its term, or a provision of the kind it asks about
    # (its role) in the law it names: found by structure, whatever the wording shares with the question.
    if any("lookup" in p.scores or "definition" in p.scores or "role" in p.scores for p in passages[:3]):
        return ""
    # A name the corpus never mentions is a law, country or body it does not hold, unless the question names a
    # text the corpus holds: then the name is what that text is asked about ("Does the EU AI Act apply to
    # <company>?"); a text or body it names beside it is the answerability check's (answering/answerability.py).
    names = unknown_names(question, router, glossary, idf)
    if names and router.route(question).by != "alias":
        return f"the corpus never mentions {', '.join(names)}"
    if question_language(question) == "en":
        # A scene set before the question ("We sell an AI toy in Europe.") is context: the asking sentence's
        # words alone ("What obligations do we have?") may be what the passages share.
        score = max(
            coverage(f"{text} {glossary.expansion(text)}", passages[:5], idf)
            for text in {question, question_focus(question) or question}
        )
        if score < min_coverage:
            return f"the closest passages share only {score:.0%} of the question's terms"
    return ""
