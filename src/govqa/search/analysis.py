"""Question analysis, once: a question becomes a typed record that retrieval (and answering) only reads.

    question ──► QueryAnalysis
                 ├─ language, reader_language   (script; "the Japanese original" asks for ja)
                 ├─ route                       (documents named by alias, else by jurisdiction word, and why)
                 ├─ refs                        ("Art. 50(2)", 第三条, 6-1-1702(1))
                 ├─ terms, asks_definition      (quoted terms: 'deployer', 「個人関連情報」)
                 ├─ roles                       (intents as provision roles: definition, scope, dates…)
                 ├─ focus, asking               (the asking sentence of a scenario; a statement quoted and asked about)
                 ├─ shape                       (yes/no, definition, date, amount, ban, exemption, fate… reading.py)
                 ├─ years, law_numbers, names   (what the asking sentence names that the texts must mention)
                 ├─ unknown_names, unheld       (names the corpus never mentions; listed texts it does not hold)
                 ├─ topic, instrument           (a topic named outright; "in its final report")
                 ├─ figures, claim_negated      (a claim's figures as written; whether it claims an absence)
                 └─ expansion, dense_text       (glossary English for CJK terms, the texts' wording)

Pure: `analyze` reads only the question, the router, the glossary and (when given) the corpus's idf and the
manifest's listed-but-unheld references. The answering stage reads this record, never the question string.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from govqa.documents.locators import Ref, refs_in_question
from govqa.search.claim_reading import ClaimReader, ClaimReading
from govqa.search.intents import asked_roles
from govqa.search.names import Unheld, named_years_and_numbers, proper_names, unheld_references, unknown_names
from govqa.search.query import ASKS_DEFINITION, asked_terms, check_question, quoted_terms
from govqa.search.reading import (
    RESTRICTS,
    Shape,
    asked_topic,
    asking_sentence,
    detail_terms,
    instrument_named,
    question_focus,
    read_shape,
    without_source_label,
)
from govqa.search.routing import Glossary, Route, Router, preferred_language, question_language
from govqa.text import FIGURE, NEGATION, YEAR, kanji_to_digits, strip_law_numbers, tokenize


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
    asking: str = ""  # the part that asks (a scene before it is context; a quoted statement asked about)
    shape: Shape = field(default_factory=Shape)
    quoted: tuple[str, ...] = ()  # terms the question quotes, lower case
    jurisdictions: tuple[str, ...] = ()  # jurisdiction codes whose words the question uses
    years: tuple[str, ...] = ()  # years the asking sentence names outside the titles of the library's texts
    event_years: tuple[int, ...] = ()  # years of the asking sentence, kanji and era years as digits
    law_numbers: tuple[tuple[str, str], ...] = ()  # (as written, how a text prints it: a pattern)
    names: tuple[str, ...] = ()  # proper names of texts, bodies, places the asking sentence names
    unknown_names: tuple[str, ...] = ()  # names that occur nowhere in the corpus
    unheld: Unheld = field(default_factory=Unheld)  # listed texts the library does not hold
    topic: str = ""  # a topic named outright ("say about <topic>")
    topic_terms: frozenset[str] = frozenset()  # its words and the glossary's wording for them
    instrument: tuple[str, str] = ("", "")  # a document asked the content of, and its kind
    detail_terms: frozenset[str] = frozenset()  # a detail question's topic words
    topic_tokens: frozenset[str] = frozenset()  # every token of the question (its words' stems, CJK bigrams)
    gloss_tokens: frozenset[str] = frozenset()  # the tokens of its glossary English (another language)
    figures: tuple[str, ...] = ()  # figures as written (dates, amounts): a claim's must stand in the evidence
    negated: bool = False  # the question or claim negates (law numbers such as "Act No. 53" aside)
    restricts: bool = False  # it says "only": a claim that a text does no more than something
    # The question and its asking sentence, each with the glossary's wording: the passages must share one's terms.
    coverage_texts: tuple[str, ...] = ()
    # The question read as a claim (claim_reading.py): the texts it names (by alias or description), actor,
    # modality, action, figures, dated events, scope, negation. None when no reader was given.
    claim: ClaimReading | None = None

    @property
    def claims_absence(self) -> bool:
        """A claim that a provision is missing ("has no fines", "only encourages"): the claim's own negation, not
        one inside a condition or a relative clause ("fines on businesses that do not cooperate")."""
        negated = self.claim.negated if self.claim is not None else self.negated
        return negated or self.restricts

    @property
    def english(self) -> bool:
        return self.language == "en"

    @property
    def japanese(self) -> bool:
        """Whether answers speak Japanese (the question is written in it)."""
        return self.language == "ja"

    @property
    def gloss(self) -> str:
        """The glossary's English for a question in another language ("" for an English question)."""
        return "" if self.english else self.expansion

    @property
    def expanded(self) -> str:
        """The question with the glossary's wording added: what quotes are chosen for."""
        return f"{self.question} {self.expansion}"

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
            "asking": self.asking,
            "shape": [name for name, on in vars(self.shape).items() if on],
            "years": list(self.years),
            "law_numbers": [n for n, _ in self.law_numbers],
            "names": list(self.names),
            "unknown_names": list(self.unknown_names),
            "unheld": [d.id for d in self.unheld.named],
            "topic": self.topic,
            "expansion": self.expansion,
        }


def analyze(
    question: str,
    router: Router,
    glossary: Glossary,
    *,
    idf: dict[str, float] | None = None,
    references: Router | None = None,
    claims: ClaimReader | None = None,
) -> QueryAnalysis:
    """The question's analysis (the question is checked first: QuestionError when empty or huge). `idf` (the
    corpus's words) finds names it never mentions; `references` the listed texts it does not hold; `claims`
    reads the question as a claim."""
    # Kept whole: one line per field of the record, each read here once and nowhere else.
    question = check_question(question)
    roles = tuple(asked_roles(question))
    asks_definition = bool(ASKS_DEFINITION.search(question)) or "definition" in roles
    asking = asking_sentence(question)
    years, law_numbers = named_years_and_numbers(asking, router)
    topic, topic_terms = asked_topic(asking, glossary)
    expansion = glossary.expansion(question)
    english = question_language(question) == "en"
    # what is said, less a writer's label before it ("Client alert:", 「解説ブログ：」) naming no text or place:
    # where it was read is neither claimed nor a name the texts should mention
    known = [router, *([references] if references else [])]
    statement = without_source_label(question, lambda label: any(r.known_spans(label) for r in known))
    claim = claims.read(statement) if claims is not None else None
    return QueryAnalysis(
        question=question,
        language=question_language(question),
        reader_language=preferred_language(question),
        route=described_route(router.route(question), claim),
        refs=tuple(refs_in_question(question)),
        terms=tuple(asked_terms(question) if asks_definition else quoted_terms(question)),
        asks_definition=asks_definition,
        roles=roles,
        focus=question_focus(question),
        expansion=expansion,
        asking=asking,
        shape=read_shape(question, asking, roles),
        quoted=tuple(quoted_terms(question)),
        jurisdictions=tuple(sorted(router.jurisdictions_named(question))),
        years=years,
        event_years=tuple(int(y) for y in YEAR.findall(kanji_to_digits(asking))),
        law_numbers=law_numbers,
        names=proper_names(asking, router, glossary),
        unknown_names=(
            unknown_names(statement, router, glossary, idf, names_held=bool(claim and claim.doc_ids))
            if idf is not None
            else ()
        ),
        unheld=described_unheld(unheld_references(question, router, references), claim, router, references),
        topic=topic,
        topic_terms=topic_terms,
        instrument=instrument_named(asking),
        detail_terms=detail_terms(asking),
        topic_tokens=frozenset(tokenize(question)),
        gloss_tokens=frozenset(tokenize(expansion)) if not english else frozenset(),
        # "Act No. 53", 「令和7年法律第53号」 name the law: no figure of the claim's
        figures=tuple(FIGURE.findall(strip_law_numbers(kanji_to_digits(question)))),
        negated=bool(NEGATION.search(strip_law_numbers(question))),
        restricts=bool(RESTRICTS.search(question)),
        coverage_texts=tuple(
            dict.fromkeys(f"{t} {glossary.expansion(t)}" for t in (question, question_focus(question) or question))
        ),
        claim=claim,
    )


def described_unheld(unheld: Unheld, claim: ClaimReading | None, router: Router, references: Router | None) -> Unheld:
    """A claim naming, by description only, one text the library lists without holding it, of a jurisdiction and
    kind the library holds nothing of ("the Council of Europe's AI treaty", 「欧州評議会のAI条約」), is about that
    text, as its alias would say, and so is one whose words set it apart from the others ("UNESCO's recommendation").
    A claim naming a held text too, a description several texts answer, or an unheld edition of a kind the
    library holds ("Japan's new AI guidelines": the held edition may be meant) is not."""
    if unheld.named or claim is None or references is None or not claim.texts:
        return unheld
    if any(t.doc_ids or not t.reference_ids or not t.one_text for t in claim.texts):
        return unheld
    ids = {r for t in claim.texts for r in t.reference_ids}
    named = tuple(d for d in references.documents if d.id in ids)
    held = {(d.jurisdiction, d.doc_type) for d in router.documents}
    if all(t.told_apart for t in claim.texts):
        return Unheld(named)  # its words set it apart ("UNESCO's recommendation"): no held text of the kind is meant
    return unheld if any((d.jurisdiction, d.doc_type) in held for d in named) else Unheld(named)


def described_route(route: Route, claim: ClaimReading | None) -> Route:
    """A route by alias stands; else the texts a claim names by description, when it names held texts (each
    description resolving, through a topic its title carries, to one text with its language versions): "Biden's
    2023 AI executive order" points at one order as its title would, though no alias is written. ("Japanese law"
    names no topic: it is every Japanese statute, though the library may hold one.)"""
    if route.by == "alias" or claim is None:
        return route
    described = [t for t in claim.texts if t.by == "description" and t.doc_ids and t.one_text and t.topic]
    if not described:
        return route
    ids = tuple(dict.fromkeys(d for t in described for d in t.doc_ids))
    return Route(ids, "alias", tuple(t.words for t in described), ids, route.years)
