"""Follow-up questions: the retrieval query is rewritten from the conversation, deterministically."""

from __future__ import annotations

import pytest

from govqa.documents.locators import Ref, refs_in_question
from govqa.records import Answer, Citation, Document
from govqa.search.routing import Router
from govqa.ui.conversation import Exchange, Turn, clean, mentions, provision_label, rewrite

DOCS = [
    Document(
        id="eu-act",
        title="EU Artificial Intelligence Act",
        short_title="EU AI Act",
        aliases=("AI Act", "Artificial Intelligence Act"),
        jurisdiction="EU",
    ),
    Document(
        id="jp-act",
        title="Japan AI Promotion Act",
        short_title="Japan AI Promotion Act (EN)",
        aliases=("AI Promotion Act", "Japanese AI Act"),
        jurisdiction="JP",
    ),
    Document(id="kr-act", title="Framework Act on AI", short_title="Korea AI Basic Act", jurisdiction="KR"),
]
WORDS = {"EU": ("EU", "European Union"), "JP": ("Japan", "Japanese"), "KR": ("Korea", "Korean")}


@pytest.fixture
def router() -> Router:
    return Router(DOCS, WORDS)


def test_first_question_is_searched_as_typed(router: Router) -> None:
    """With no earlier turn nothing is inherited, even for a pronoun."""
    got = rewrite("Does it have exceptions?", [], router)
    assert got.query == "Does it have exceptions?" and not got.rewritten


def test_and_follow_up_inherits_the_document(router: Router) -> None:
    """ "and what are the penalties?" is searched within the document named before."""
    got = rewrite("and what are the penalties?", [Exchange("What does the EU AI Act say about chatbots?")], router)
    assert got.query == "What are the penalties (EU AI Act)?"
    assert got.inherited == ("EU AI Act",)
    assert router.route(got.query).doc_ids == ("eu-act",)


def test_what_about_swaps_the_jurisdiction(router: Router) -> None:
    """ "What about Japan?" keeps the earlier topic and replaces its subject."""
    got = rewrite("What about Japan?", [Exchange("What are the penalties under the EU AI Act?")], router)
    assert got.query == "What are the penalties under Japan?"
    assert router.route(got.query).by == "jurisdiction" and "JP" in router.route(got.query).terms


def test_what_about_swaps_a_document_and_keeps_the_article(router: Router) -> None:
    """A new document replaces the old one; the rest of the earlier query stays."""
    got = rewrite("and the Korea AI Basic Act?", [Exchange("What does Article 5 of the EU AI Act prohibit?")], router)
    assert got.query == "What does Article 5 of the Korea AI Basic Act prohibit?"


def test_what_about_a_provision_swaps_the_provision(router: Router) -> None:
    """ "What about Article 52?" asks the earlier question of another provision."""
    got = rewrite("What about Article 52?", [Exchange("What does Article 50(2) of the AI Act require?")], router)
    assert got.query == "What does Article 52 of the AI Act require?"
    assert refs_in_question(got.query) == [Ref("article", "52")]


def test_what_about_replaces_a_possessive_subject_whole(router: Router) -> None:
    """ "Japan's AI Promotion Act" is one subject: "How about Korea?" replaces all of it."""
    got = rewrite("How about Korea?", [Exchange("What does Japan's AI Promotion Act ask of businesses?")], router)
    assert got.query == "What does Korea ask of businesses?"


def test_words_like_article_are_not_provisions(router: Router) -> None:
    """ "Which article of…" names no provision, so the pronoun follow-up takes the cited one instead."""
    history = [
        Exchange("Which article of the AI Act requires chatbots to disclose they are AI?", "EU AI Act", "Article 50(1)")
    ]
    got = rewrite("Does it have exceptions?", history, router)
    assert got.query == "Does it have exceptions (AI Act, Article 50)?"


def test_subject_appended_when_the_earlier_query_named_none(router: Router) -> None:
    """Swapping into a query without a subject adds the new subject to it."""
    got = rewrite("how about in Korea?", [Exchange("When do the rules apply?")], router)
    assert got.query == "When do the rules apply (Korea)?"


def test_pronoun_inherits_the_named_provision(router: Router) -> None:
    """ "does it have exceptions?" stays with the document and the provision named before."""
    got = rewrite("does it have exceptions?", [Exchange("What does Article 50 of the AI Act require?")], router)
    assert got.query == "Does it have exceptions (AI Act, Article 50)?"
    assert refs_in_question(got.query) == [Ref("article", "50")]


def test_pronoun_inherits_the_cited_provision(router: Router) -> None:
    """Without a provision in the earlier query, the one its answer cited first is used (its article)."""
    history = [Exchange("Which rule makes chatbots say they are AI?", "EU AI Act", "Article 50(1)")]
    got = rewrite("Does it have exceptions?", history, router)
    assert got.query == "Does it have exceptions (EU AI Act, Article 50)?"
    assert router.route(got.query).doc_ids == ("eu-act",)


def test_a_question_of_its_own_is_not_rewritten(router: Router) -> None:
    """A full question naming its own subject ignores the conversation."""
    history = [Exchange("What does the EU AI Act say about chatbots?")]
    got = rewrite("What does the Japanese AI Act say about research and development?", history, router)
    assert not got.rewritten


def test_long_question_without_follow_up_cues_is_not_rewritten(router: Router) -> None:
    """A new topic with no pronoun and no lead word is searched as typed."""
    history = [Exchange("What does the EU AI Act say about chatbots?")]
    got = rewrite("Which documents define a general-purpose AI model precisely?", history, router)
    assert not got.rewritten


def test_chain_of_follow_ups_keeps_the_subject(router: Router) -> None:
    """Each follow-up builds on the previous *query*, so the subject survives several turns."""
    first = rewrite("What about Japan?", [Exchange("What are the penalties under the EU AI Act?")], router)
    second = rewrite("and when does it apply?", [Exchange(first.query)], router)
    assert "Japan" in second.query and "apply" in second.query


@pytest.mark.parametrize(
    ("ref", "label"),
    [
        (Ref("article", "50", ("2",)), "Article 50"),
        (Ref("annex", "3"), "Annex III"),
        (Ref("recital", "27"), "Recital 27"),
        (Ref("govern", "1.2"), "GOVERN 1.2"),
        (Ref("annex", "14"), "Annex XIV"),
    ],
)
def test_provision_label_reads_back(ref: Ref, label: str) -> None:
    """A reference written out is read back to the same provision (ignoring paragraphs)."""
    assert provision_label(ref) == label
    assert refs_in_question(label)[0].main == ref.main


def test_mentions_prefer_the_longest_name(router: Router) -> None:
    """ "EU AI Act" is one document mention, not the jurisdiction "EU" plus "AI Act"."""
    found = mentions("Compare the EU AI Act with Japan", router)
    assert [(m.text, m.kind) for m in found] == [("EU AI Act", "alias"), ("Japan", "jurisdiction")]


def test_clean_collapses_spacing_and_width() -> None:
    """A question is NFKC-normalised (full-width letters) and its white space folded."""
    assert clean("  ＡＩ   Act\n fines ") == "AI Act fines"


def test_turn_exchange_carries_the_first_citation() -> None:
    """The app's turn hands the first citation's document and locator to the next rewrite."""
    cite = Citation(
        1, "eu-act", "EU AI Act", "Article 50(1)", 82, "quote", "https://x", "v", "in_force", "binding", "0" * 64, 0, 5
    )
    turn = Turn("q", "q (EU AI Act)", Answer("q", "ask", "text", (cite,)))
    assert turn.exchange() == Exchange("q (EU AI Act)", "EU AI Act", "Article 50(1)")
