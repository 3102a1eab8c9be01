"""Checking an article: which sentences are checkable, how compound sentences split, what a claim naming no text
is about, and that every claim goes through claim mode (the fixture corpus and its index)."""

from __future__ import annotations

import json

import pytest
from fixture_index import build_retriever

from govqa.answering.extractive import Answerer
from govqa.records import Document
from govqa.search.retriever import Filters, Retriever
from govqa.search.routing import Router
from govqa.workflows.articles import check_article, plain_text, read_article, single_claims, why_not_checkable

ACT = Document(id="ex-robot-act", title="Examplia Robot Act", short_title="Robot Act", jurisdiction="XL")
ROUTER = Router([ACT], {"XL": ("Examplia",)})


@pytest.mark.parametrize(
    ("sentence", "why"),
    [
        ("The Robot Act requires operators to register every robot.", ""),
        ("Examplia bans robots that rank citizens by their behaviour.", ""),
        ("The Robot Act has no penalties.", ""),  # a claim of absence is checkable
        ("Does the Robot Act require registration?", "question"),
        ('"The Robot Act is a great step," said the minister.', "attributed"),
        ("We believe the Robot Act is the best law in the world.", "opinion"),
        ("Our robots are world-class and ready for the Robot Act.", "opinion"),
        ("The weather in Examplia was sunny all week long.", "no rule"),  # names a place, says nothing of rules
        ("Operators must keep a log of every repair they make.", "no rule"),  # a rule, but of no text named
    ],
)
def test_a_checkable_sentence_states_something_about_a_named_text_or_ai_rules(sentence: str, why: str) -> None:
    """Statements about a named text or jurisdiction's rules are checked; questions, people's words, opinion,
    marketing and sentences about nothing the library covers are not."""
    assert why_not_checkable(sentence, ROUTER) == why


def test_a_sentence_naming_no_text_goes_on_about_the_one_named_before() -> None:
    """ "Disclosures are not legally required." after a sentence on the Robot Act is about the Robot Act; the same
    sentence at the head of an article is about nothing the library holds."""
    article = "The Robot Act took effect in 2027. Disclosures are not legally required."
    _, second = read_article(article, ROUTER)
    assert second.claims == ("Disclosures are not legally required.",) and second.context == ("ex-robot-act",)
    [alone] = read_article("Disclosures are not legally required.", ROUTER)
    assert alone.why_not == "no rule" and not alone.claims


@pytest.mark.parametrize(
    ("sentence", "claims"),
    [
        (
            "The Robot Act requires registration; Examplia bans scoring robots.",
            ("The Robot Act requires registration.", "Examplia bans scoring robots."),
        ),
        (
            "The Robot Act requires registration and it imposes fines of up to 5,000 credits.",
            ("The Robot Act requires registration.", "it imposes fines of up to 5,000 credits."),
        ),
        # counter-examples: one claim with a list, or a clause without a subject and verb of its own
        ("The Robot Act requires registration and labelling of robots.", None),
        ("The Robot Act, enacted in 2027 and amended in 2028, requires registration.", None),
    ],
)
def test_a_compound_sentence_is_split_where_a_second_clause_has_its_own_subject(
    sentence: str, claims: tuple[str, ...] | None
) -> None:
    """Two assertions become two claims; a list or a participle clause stays one claim."""
    assert single_claims(sentence) == (claims or (sentence,))


def test_markdown_is_read_as_text_and_a_blockquote_is_someone_else_s_words() -> None:
    """Headings, emphasis and links are layout; a quoted block is not the article's claim."""
    text = "# Title\n\n**The Robot Act** bans [scoring](https://x.example) robots.\n> The Robot Act bans nothing."
    plain = plain_text(text)
    assert "The Robot Act bans scoring robots." in " ".join(plain.split())
    assert "bans nothing" not in plain


@pytest.fixture(scope="module")
def retriever(tmp_path_factory: pytest.TempPathFactory) -> Retriever:
    return build_retriever(tmp_path_factory.mktemp("articles"))


def test_every_claim_gets_claim_mode_s_verdict(retriever: Retriever) -> None:
    """The article check gives each claim exactly the answer claim mode gives it (one engine), and its JSON has
    the documented shape."""
    answerer = Answerer(retriever.settings, retriever)
    article = (
        "The Robot Safety Act 2027 requires operators to register robots; the Japan Robot Act imposes fines.\n"
        "Is that fair? We believe it is."
    )

    def ask(claim: str, docs: tuple[str, ...]) -> object:
        return answerer.answer(claim, mode="claim", filters=Filters(doc_ids=docs))

    result = check_article(article, retriever.router, ask)  # type: ignore[arg-type]
    assert [c.claim for c in result.claims] == [
        "The Robot Safety Act 2027 requires operators to register robots.",
        "the Japan Robot Act imposes fines.",
    ]
    for c in result.claims:
        alone = answerer.answer(c.claim, mode="claim")
        assert (c.answer.verdict, c.answer.refused) == (alone.verdict, alone.refused)
    assert result.claims[1].verdict == "refuted"  # the Japan Robot Act has no penalty provision (role absence)
    data = json.loads(json.dumps(result.to_json()))
    assert set(data["claims"][0]) == {"sentence", "claim", "verdict", "short_answer", "citations"}
    assert all(set(c) == {"doc", "locator", "page", "quote"} for c in data["claims"][0]["citations"])
    assert [s.why_not for s in result.sentences][1:] == ["question", "opinion"]
