"""The extractive answerer over a real embedded index of the invented fixture corpus.

Every quote shown must be a verbatim slice of a retrieved chunk, at the offsets its citation names;
refusals use the shared sentinel; each mode keeps its promise (quote = the provision, applies = aspects
and the not-legal-advice line, claim = a verdict only where the quotes justify one).
"""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import pytest
from fixture_corpus import BASE, FILLER
from fixture_index import build_retriever

from govqa.answering.extractive import NOT_LEGAL_ADVICE, REFUSAL, TEXTS_SILENT, Answerer
from govqa.errors import QuestionError
from govqa.records import Answer, Document, Passage
from govqa.search.retriever import Filters, Retriever
from govqa.search.routing import Router
from govqa.text import sentence_spans


@pytest.fixture(scope="module")
def retriever(tmp_path_factory: pytest.TempPathFactory) -> Retriever:
    return build_retriever(tmp_path_factory.mktemp("answering"))


@pytest.fixture(scope="module")
def answerer(retriever: Retriever) -> Answerer:
    return Answerer(retriever.settings, retriever)


def assert_verbatim(ans: Answer, retriever: Retriever) -> None:
    """Each citation's quote is the document text at its offsets (via the chunk that holds them)."""
    assert ans.citations
    for c in ans.citations:
        holders = [
            ch
            for ch in retriever.chunks
            if ch.doc_id == c.doc_id and ch.char_start <= c.quote_start and c.quote_end <= ch.char_end
        ]
        assert holders, c
        ch = holders[0]
        assert ch.text[c.quote_start - ch.char_start : c.quote_end - ch.char_start] == c.quote
        assert c.locator == ch.locator


@pytest.mark.parametrize(
    ("mode", "question"),
    [
        ("ask", "What fine applies to an operator who fails to register a robot?"),
        ("claim", "An operator who fails to register a robot is liable to a fine."),
        ("applies", "Does the Robot Safety Act 2027 apply to my factory robot?"),
        ("compare", "Compare registration of robots in the Robot Safety Act 2027 and the Robot Safety Act of Japan"),
        ("quote", "Quote Article 2 of the Robot Safety Act 2027"),
    ],
)
def test_every_mode_cites_verbatim_quotes(answerer: Answerer, retriever: Retriever, mode: str, question: str) -> None:
    """In every mode, each cited quote stands verbatim at the offsets its citation gives."""
    ans = answerer.answer(question, mode=mode)
    assert not ans.refused
    assert ans.mode == mode and ans.engine == "extractive"
    assert_verbatim(ans, retriever)
    for c in ans.citations:  # numbered markers in the text refer to citations that exist
        assert f"[{c.n}]" in ans.text


def test_ask_cites_the_penalty_article_first(answerer: Answerer) -> None:
    """The fine question is answered from Article 4(1), with the document's identity on the citation."""
    ans = answerer.answer("What fine applies to an operator who fails to register a robot?")
    first = ans.citations[0]
    assert (first.doc_id, first.locator) == ("fx-robot-act-2027", "Article 4(1)")
    assert "ten thousand euro" in first.quote
    assert first.sha256 and first.url.startswith("https://") and first.status == "in_force"


def test_quote_mode_returns_every_paragraph_of_the_named_article(answerer: Answerer) -> None:
    """ "Quote Article 2" gives Article 2(1) and 2(2) in order, whole, and nothing else."""
    ans = answerer.answer("Quote Article 2 of the Robot Safety Act 2027", mode="quote")
    assert [c.locator for c in ans.citations] == ["Article 2(1)", "Article 2(2)"]
    assert " ".join(ans.citations[0].quote.split()).startswith("Article 2 (1) Every operator shall enter")


def test_pdf_citation_links_to_its_page(answerer: Answerer) -> None:
    """A quote from a PDF carries its page and an official link ending in #page=N."""
    ans = answerer.answer(
        "What must the transparency label on a robot that talks to people tell them?",
        filters=Filters(doc_ids=("fx-data-guidelines",)),
    )
    c = ans.citations[0]
    assert c.doc_id == "fx-data-guidelines" and c.page == 2
    assert c.url.endswith("#page=2")


@pytest.mark.parametrize("mode", ["ask", "claim", "compare", "quote", "applies"])
def test_a_subject_the_corpus_never_names_is_refused(answerer: Answerer, mode: str) -> None:
    """A question about a code the corpus does not hold gets the refusal sentinel and no citations."""
    ans = answerer.answer("What does the Martian Robot Code say about fines for robots?", mode=mode)
    if mode == "applies":  # applies looks per aspect in the documents the question routes to
        assert ans.refused or TEXTS_SILENT in ans.text
        return
    assert ans.refused and ans.text == REFUSAL and not ans.citations


def test_a_company_asked_about_under_a_named_law_is_answered_not_refused(answerer: Answerer) -> None:
    """A name the corpus never mentions beside a law it holds is what the law is asked about (a company, a
    product): the question is answered from that law; the same name alone, naming no law held, is refused."""
    ans = answerer.answer("Does the Robot Safety Act 2027 apply to Zorblax Robotics?")
    assert not ans.refused and ans.citations[0].doc_id == "fx-robot-act-2027"
    alone = answerer.answer("Do the Zorblax Robotics rules apply to service robots?")
    assert alone.refused and "Zorblax" in (alone.short_answer or "")


@pytest.mark.parametrize("mode", ["ask", "claim"])
def test_an_unknown_instrument_is_refused_though_it_names_a_provision(answerer: Answerer, mode: str) -> None:
    """A provision number found by structure ("Article 4") does not make a question about an instrument the
    corpus never names (news of an amending act) a question about a held text; naming the held text does."""
    ans = answerer.answer("The Martian Robot Omnibus would move the duties of Article 4 to 2031.", mode=mode)
    assert ans.refused and "Martian" in (ans.short_answer or "")
    named = answerer.answer("Does Article 4 of the Robot Safety Act 2027 apply to Zorblax Robotics?", mode=mode)
    assert not named.refused and named.citations[0].doc_id == "fx-robot-act-2027"


def test_a_claim_about_a_text_named_by_owner_and_title_that_no_retrieved_text_writes_is_declined(
    answerer: Answerer,
) -> None:
    """ "X's Robot Registration Act" names a text by its owner and title; its words are the library's words, but
    no retrieved text writes the title: the claim is about a text the library does not hold. A title the
    retrieved text writes (the counter-example) is the held text's."""
    claim = "The Ministry's Robot Registration Act fines an operator up to ten thousand euro for each robot."
    ans = answerer.answer(claim, mode="claim")
    assert ans.refused and "Robot Registration Act" in (ans.short_answer or "")
    held = answerer.answer(claim.replace("Registration", "Safety"), mode="claim")
    assert not held.refused and held.citations[0].doc_id == "fx-robot-act-2027"


def test_a_claim_about_an_unknown_instrument_is_declined_though_it_names_a_held_law(answerer: Answerer) -> None:
    """A claim of what an instrument the corpus never names did to a held law is about that instrument: declined.
    A company beside the held law is what the law is asked about (the counter-example), and ask mode keeps the
    held law's name over the unknown one (it may decline for another reason: here the year)."""
    claim = "The Martian Omnibus has pushed back the Robot Safety Act 2027's duties to 2031."
    ans = answerer.answer(claim, mode="claim")
    assert ans.refused and "Martian Omnibus" in (ans.short_answer or "")
    company = answerer.answer(
        "Zorblax Robotics must register its robots under the Robot Safety Act 2027.", mode="claim"
    )
    assert not company.refused
    asked = answerer.answer(claim, mode="ask")
    assert "Martian" not in asked.text


LISTED = Document(
    id="fx-robot-code-2030",
    title="Robot Safety Act 2027, 2030 revision",
    short_title="RSA 2030",
    aliases=("Robot Safety Act 2027, 2030 revision", "Lunar Robot Accord"),
    version="Revised 2030-01-01",
    official_url="https://example.org/robot-code-2030",
)


@pytest.mark.parametrize("mode", ["ask", "claim", "compare", "quote", "applies"])
def test_a_text_the_library_lists_but_does_not_hold_is_declined_with_its_source(
    answerer: Answerer, monkeypatch: pytest.MonkeyPatch, mode: str
) -> None:
    """A question about a `[[reference]]` text (listed in the manifest, not mirrored) is refused in every mode,
    naming the text, its version and official URL, instead of being answered from whatever text is closest. A
    later revision whose name holds a held text's name ("Robot Safety Act 2027, 2030 revision") also names the
    held text to ask about instead."""
    monkeypatch.setattr(answerer.retriever, "references", Router([LISTED], {}))
    ans = answerer.answer("What fines for robots does the Lunar Robot Accord set?", mode=mode)
    assert ans.refused and not ans.citations
    assert "Robot Safety Act 2027, 2030 revision (Revised 2030-01-01" in (ans.short_answer or "")
    assert "https://example.org/robot-code-2030" in (ans.short_answer or "")
    revision = answerer.answer("What fines for robots does the Robot Safety Act 2027, 2030 revision set?", mode=mode)
    assert revision.refused and "It holds Robot Safety Act 2027, which you can ask about" in (
        revision.short_answer or ""
    )


def test_an_answer_that_also_names_an_unheld_text_says_it_does_not_cover_it(
    answerer: Answerer, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Asked about a held law beside a listed one, the answer quotes the held law and ends with a note that the
    listed text is not in the library; without the listed text's name there is no such note."""
    monkeypatch.setattr(answerer.retriever, "references", Router([LISTED], {}))
    ans = answerer.answer("Compare robot registration in the Robot Safety Act 2027 and the Lunar Robot Accord.")
    assert not ans.refused and ans.citations[0].doc_id == "fx-robot-act-2027"
    assert ans.text.splitlines()[-1].startswith("Note: the library lists Robot Safety Act 2027, 2030 revision")
    assert ans.text.rstrip().endswith("so this answer does not cover it.")
    plain = answerer.answer(
        "Compare robot registration in the Robot Safety Act 2027 and the Robot Safety Act of Japan."
    )
    assert "does not cover it" not in plain.text


def test_a_long_scene_before_the_question_does_not_make_it_refused(answerer: Answerer) -> None:
    """The words of a scene ("We bake croissants …") are context: the asking sentence's words are enough for
    the passages to answer; an off-topic question is still refused."""
    pastries = (
        "croissants baguettes brioche focaccia ciabatta pretzels bagels scones muffins eclairs macarons "
        "cannoli strudel baklava churros waffles crepes pancakes donuts biscotti madeleines shortbread "
        "panettone stollen challah pumpernickel sourdough rye spelt oatcakes crumpets tortillas naan pita"
    )
    scene = f"Our bakery sells {pastries.replace(' ', ', ')} to cafes. "
    ans = answerer.answer(scene + "Must operators register robots?")
    assert not ans.refused and ans.citations
    assert answerer.answer("Is rye flour tastier than spelt?").refused  # the asking sentence still has to share


def test_claim_with_a_figure_the_texts_never_state_is_not_addressed(answerer: Answerer) -> None:
    """A claimed count that appears nowhere in the evidence's documents leaves the claim not addressed."""
    ans = answerer.answer("The Robot Safety Act 2027 has been adopted by 12 countries.", mode="claim")
    assert ans.refused and ans.verdict == "not_addressed"
    assert "12" in ans.verdict_reason
    assert ans.verdict_check == "finding.missing_figures"  # what decided, as `govqa eval --by-check` counts it


def test_claim_with_an_amount_the_text_states_otherwise_is_refuted(answerer: Answerer) -> None:
    """A claimed fine the law caps lower ("50,000 euro" against "ten thousand euro") is contradicted, resting on
    the sentence that states the law's amount, not declared unmentioned."""
    ans = answerer.answer("The Robot Safety Act 2027 sets a fine of up to 50,000 euro for each robot.", mode="claim")
    assert not ans.refused and ans.verdict == "refuted"
    assert "ten thousand euro" in ans.citations[0].quote
    assert ans.verdict_check == "evidence.figure_differs" and ans.to_json()["verdict_check"] == ans.verdict_check


DRONE_ACT = f"""Drone Register Act
Article 1
(1) Every drone shall be entered in the drone register before its first flight. {FILLER}
"""


@pytest.mark.parametrize(("date", "refused"), [("2031-03-01", False), ("", True)])
def test_a_claimed_year_may_stand_in_the_document_s_own_date(tmp_path: Path, date: str, refused: bool) -> None:
    """A year the claim gives is found in the evidence document's record (its date) when its text never
    prints it; without that date the claim is still left not addressed."""
    doc = Document(
        id="fx-drone-act",
        title="Drone Register Act",
        short_title="Drone Register Act",
        file="fx-drone-act.txt",
        jurisdiction="EU",
        doc_type="statute",
        language="en",
        date=date,
        status="in_force",
        format="txt",
        profile="articles-text",
        **BASE,
    )
    retriever = build_retriever(tmp_path, extra=[(doc, DRONE_ACT)])
    ans = Answerer(retriever.settings, retriever).answer(
        "Since the Drone Register Act was adopted in 2031, every drone must be entered in the drone register.",
        mode="claim",
    )
    assert ans.refused is refused
    assert ("2031" in ans.verdict_reason) is refused
    assert refused or ans.citations[0].doc_id == "fx-drone-act"


def test_claim_stated_by_a_passage_is_supported(answerer: Answerer) -> None:
    """A claim whose terms a quote states with the same polarity is supported, with the quote cited."""
    ans = answerer.answer("An operator who fails to register a robot is liable to a fine.", mode="claim")
    assert ans.verdict == "supported"
    assert ans.citations[0].locator == "Article 4(1)"


def test_applies_lists_the_aspects_and_ends_with_the_disclaimer(answerer: Answerer) -> None:
    """ "Does this apply to me?" walks scope … exemptions, says where the texts are silent, and is not advice."""
    ans = answerer.answer("Does the Robot Safety Act 2027 apply to my factory robot?", mode="applies")
    for aspect in ("Scope and definitions", "Obligations", "Enforcement and penalties", "Exemptions"):
        assert aspect in ans.text
    assert ans.text.rstrip().endswith(NOT_LEGAL_ADVICE)
    assert any(c.locator.startswith("Article 4") for c in ans.citations)


@pytest.mark.parametrize("mode", ["ask", "applies", "compare", "claim", "quote"])
def test_every_mode_refuses_a_law_the_corpus_never_mentions(answerer: Answerer, mode: str) -> None:
    """A question about a law that is not in the corpus is refused in every mode, not answered from others."""
    ans = answerer.answer(
        "Does Canada's Artificial Intelligence and Data Act apply to our robots in Japan too?", mode=mode
    )
    assert ans.refused and not ans.citations


@pytest.mark.parametrize("question", ["", "   ", "\n\t"])
def test_empty_questions_raise_a_question_error(answerer: Answerer, question: str) -> None:
    """An empty question is refused with a QuestionError, not answered."""
    with pytest.raises(QuestionError):
        answerer.answer(question)


def test_unknown_mode_is_named_in_the_error(answerer: Answerer) -> None:
    """A mode that does not exist raises a QuestionError listing the modes."""
    with pytest.raises(QuestionError, match="compare"):
        answerer.answer("What fine applies?", mode="poem")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Art. 5 applies. It is short but long enough to stand alone as a sentence.", 1),
        ("The first sentence is long enough to count on its own. The second one is long enough too.", 2),
        ("(a) the first point of a list, long enough; (b) the second point of the list, which is long enough.", 2),
        (
            "この法律は、ロボットの安全を確保することを目的とするものであり、広く適用される。"
            "登録簿は、公衆の閲覧に供するものとし、誰でも見ることができる。",
            2,
        ),
        # a year or an article number ends a sentence; a point's own number does not
        ("The sandbox shall be operational by 2 August 2026. It may be set up jointly with another State.", 2),
        ("Providers shall comply with the duties of Article 5. The duties apply to every robot put on sale.", 2),
        ("3.2. Inspection of each robot by an approved inspector every year, recorded in the registry.", 1),
        # the "and" / "or" that ends a point of a list, cut off at a passage's end, is no sentence of its own; a
        # short last sentence is one (the counter-example)
        ("(ii) keep the robot's logs for as long as it is on sale in the Union; and", 1),
        ("(ii) keep the robot's logs for as long as it is on sale in the Union; or", 1),
        ("Robots shall be registered before they are put on sale. Fees apply.", 2),
        # a quotation closing a sentence ends it ("… accidents.’ It further …"); one closing inside it does not
        ("Recital 9 says robots exclude ‘toys used for play at home.’ It further says that kits are robots.", 2),
        ('The guide calls robots "machines that move on their own." A kit is a robot once it is built.', 2),
        ("The guide calls the label ‘fit for sale.’ and adds that the inspector signs it each year.", 1),
    ],
)
def test_sentences_do_not_end_at_abbreviations(text: str, expected: int) -> None:
    """Sentences do not end at "Art." or "(a)"; list points end at ";" and Japanese sentences at 。."""
    spans = sentence_spans(text, min_chars=30)
    assert len(spans) == expected
    assert all(text[s:e].strip() == text[s:e] for s, e in spans)


@pytest.mark.parametrize("shown", [0, 120])
def test_answer_lines_show_the_point_and_citations_keep_the_whole_span(retriever: Retriever, shown: int) -> None:
    """Each answer line shows (elided past `shown_chars`) the sentence that carries the answer, taken from its
    citation's quote; with shown_chars 0 the line is the whole quoted span."""
    settings = retriever.settings.model_copy(
        update={"answer": retriever.settings.answer.model_copy(update={"shown_chars": shown})}
    )
    ans = Answerer(settings, retriever).answer("Who must register a robot in the national registry?")
    quotes = {c.n: " ".join(c.quote.split()) for c in ans.citations}
    lines = [m for m in re.finditer(r"“(.*)” \[(\d+)\]$", ans.text, re.M)]
    assert lines
    for m in lines:
        shown_text, n = m.group(1), int(m.group(2))
        if shown:
            assert len(shown_text) <= shown + 4
            assert all(part.strip(" …") in quotes[n] for part in shown_text.split(" … "))
        else:
            assert shown_text == quotes[n]
    if shown:
        assert any(len(quotes[int(m.group(2))]) > len(m.group(1)) for m in lines)


def test_a_near_miss_is_refused_with_its_finding_as_the_short_answer(answerer: Answerer) -> None:
    """A body the texts never name: the answer is refused, and its short answer is the finding (never a yes or a
    no read off the closest quotes), while the closest passages are still cited."""
    ans = answerer.answer("What has the Robot Inspection Board decided under the Robot Safety Act 2027?")
    assert ans.refused
    assert ans.short_answer == "No retrieved text mentions Robot Inspection Board; the texts do not answer this."
    assert ans.citations


@pytest.mark.parametrize(("signal", "refused"), [("role", False), ("dense", True)])
def test_a_provision_of_the_kind_asked_about_passes_the_refusal_gate(
    answerer: Answerer, retriever: Retriever, signal: str, refused: bool
) -> None:
    """Passages that share no word with the question are refused, unless they are of the role it asks about in
    the law it names (found by structure): then they are an answer, whatever their wording."""
    penalty = next(c for c in retriever.chunks if c.doc_id == "fx-robot-act-2027" and "enforcement" in c.roles)
    passages = [Passage(penalty, 1.0, {signal: 0.9}, retriever.documents[penalty.doc_id])]
    passage = passages[0]
    passages = [dataclasses.replace(passage, role_match=signal == "role")]  # how retrieval flags a role's provision
    finding = answerer.check("Which sanctions await shipowners?", passages)
    assert (finding is not None and finding.form == "gate") is refused


def test_a_provision_printed_in_two_editions_is_listed_twice_and_cited_once(tmp_path: Path) -> None:
    """Two editions of one act (the signed act and its print) hold the same provision: retrieval lists the
    preferred edition's passage with the other right after it (`edition_of`), and the answer quotes one and names
    the other edition under "also in", instead of citing the same words twice."""
    from fixture_corpus import ROBOT_ACT_2027, statute

    # the same act's official print: an edition of its own, which shares the act's names
    doc = dataclasses.replace(statute("fx-robot-act-2027-print", "RSA 2027 print"), aliases=("Robot Safety Act 2027",))
    retriever = build_retriever(tmp_path, extra=[(doc, ROBOT_ACT_2027)])
    question = "What fine does an operator who fails to register a robot face under the Robot Safety Act 2027?"
    passages = retriever.retrieve(question, k=3)
    kept = [p for p in passages if not p.edition_of]
    assert len(kept) == 3 and all(p.chunk.doc_id == "fx-robot-act-2027" for p in kept)  # the first listed edition
    first = passages.index(kept[0])
    copy = passages[first + 1]
    assert copy.chunk.doc_id == "fx-robot-act-2027-print" and copy.edition_of == kept[0].chunk.id
    assert copy.chunk.text == kept[0].chunk.text and kept[0].editions == (copy,)

    ans = Answerer(retriever.settings, retriever).answer(question)
    assert ans.citations and not any(c.doc_id == "fx-robot-act-2027-print" for c in ans.citations)
    cited = next(c for c in ans.citations if c.locator == "Article 4(1)")
    assert cited.also_in == ("RSA 2027 print, Article 4(1)",)
    assert cited.also_in_docs == ("fx-robot-act-2027-print",)  # what the eval scorer counts as the same law


@pytest.mark.parametrize(
    ("claim", "titles"),
    [
        ("Canada's Artificial Intelligence and Data Act sets fines.", ["Artificial Intelligence and Data Act"]),
        ("India's National AI Strategy requires registration.", ["National AI Strategy"]),
        # counter-examples: a kind word another capitalised noun follows names a body or a thing of a text
        ("Japan's AI Strategy Headquarters is chaired by the Prime Minister.", []),
        ("Ruritania's Robot Act Service Desk answers questions.", []),
        # … and a body named for its subject, whatever kind word ends the subject
        ("Korea's Presidential Council on National AI Strategy has 60 members.", []),
        ("Ruritania's Board for the Robot Act meets monthly.", []),
    ],
)
def test_a_text_named_by_owner_and_title_ends_in_its_kind_word(claim: str, titles: list[str]) -> None:
    """Which words of a claim name a text by its owner and title, to be checked against what the library holds."""
    from govqa.answering.refusal import owned_titles

    assert [title for title, _ in owned_titles(claim)] == titles
