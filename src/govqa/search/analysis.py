"""Question analysis, once: a question becomes a typed record that retrieval (and answering) only reads.

    question ──► QueryAnalysis
                 ├─ language, reader_language   (script; "the Japanese original" asks for ja)
                 ├─ route                       (documents named by alias, else by jurisdiction word, and why)
                 ├─ refs                        ("Art. 50(2)", 第三条, 6-1-1702(1))
                 ├─ terms, asks_definition      (quoted terms: 'deployer', 「個人関連情報」)
                 ├─ roles                       (intents as provision roles: definition, scope, dates…)
                 ├─ focus                       (the asking sentence of a scenario)
                 └─ expansion, dense_text       (glossary English for CJK terms, the texts' wording)

Pure: `analyze` reads only the question, the router and the glossary.
"""

from __future__ import annotations

from dataclasses import dataclass

from govqa.documents.locators import Ref, refs_in_question
from govqa.search.intents import asked_roles
from govqa.search.query import ASKS_DEFINITION, asked_terms, check_question, question_focus, quoted_terms
from govqa.search.routing import Glossary, Route, Router, preferred_language, question_language


@dataclass(frozen=True)
class QueryAnalysis:
    """Everything retrieval reads about a question."""

    question: str
    language: str  # the question's script: "en", "ja" or "ko"
    reader_language: str  # the language the answer's text should be in
    route: Route
    refs: tuple[Ref, ...]
    terms: tuple[str, ...]  # quoted terms, or the terms a definition question asks about; lower case
    asks_definition: bool
    roles: tuple[str, ...]  # provision roles the question asks about (search/intents.py)
    focus: str  # the asking sentence when the question first sets a scene, else ""
    expansion: str  # glossary terms added to the question ("" when none)

    @property
    def english(self) -> bool:
        return self.language == "en"

    @property
    def dense_text(self) -> str:
        """What MiniLM embeds: an English question with its synonyms; any other one as is (its glossary
        rendering is searched as a list of its own)."""
        return f"{self.question} {self.expansion}".strip() if self.english else self.question

    def summary(self) -> dict[str, object]:
        """The record as plain data (for `govqa ask --explain` and debugging)."""
        return {
            "language": self.language,
            "reader_language": self.reader_language,
            "routed": list(self.route.doc_ids),
            "routed_by": self.route.by,
            "route_terms": list(self.route.terms),
            "refs": [f"{r.kind} {r.main}{''.join(f'({s})' for s in r.subs)}" for r in self.refs],
            "terms": list(self.terms),
            "asks_definition": self.asks_definition,
            "roles": list(self.roles),
            "focus": self.focus,
            "expansion": self.expansion,
        }


def analyze(question: str, router: Router, glossary: Glossary) -> QueryAnalysis:
    """The question's analysis (the question is checked first: QuestionError when empty or huge)."""
    question = check_question(question)
    roles = tuple(asked_roles(question))
    asks_definition = bool(ASKS_DEFINITION.search(question)) or "definition" in roles
    return QueryAnalysis(
        question=question,
        language=question_language(question),
        reader_language=preferred_language(question),
        route=router.route(question),
        refs=tuple(refs_in_question(question)),
        terms=tuple(asked_terms(question) if asks_definition else quoted_terms(question)),
        asks_definition=asks_definition,
        roles=roles,
        focus=question_focus(question),
        expansion=glossary.expansion(question),
    )
