"""Whether retrieved texts answer the asked point: unmentioned names and numbers, delegation, later events."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Mapping, Sequence
from typing import NamedTuple

import pytest

from govqa.answering.answerability import DocumentTerms
from govqa.answering.checks import CHECKS, first_finding
from govqa.answering.findings import CheckContext, Finding
from govqa.messages import load_messages
from govqa.records import Chunk, Document, Passage
from govqa.search.analysis import analyze
from govqa.search.routing import Glossary, Router
from govqa.text import kanji_to_digits

ACT = Document(
    "robot-act",
    "Robot Safety Act (Act No. 12 of 2024)",
    "Robot Safety Act",
    aliases=("Robot Act",),
    jurisdiction="XL",
    doc_type="statute",
    date="2024-05-01",
    status="in_force",
    version="Act No. 12 of 2024, as enacted",
)
DOCS = {ACT.id: ACT}
ROUTER = Router(DOCS.values(), {"XL": ("Examplia", "Northshire")})
GLOSSARY = Glossary({})


def passage(text: str, locator: str = "Article 5") -> Passage:
    chunk = Chunk(ACT.id, locator, (), text, 0, len(text), None, None, "en")
    return Passage(chunk, 1.0, document=ACT)


# The checks' kinds by family: what these tests tell apart.
FAMILY = {
    "later_year": "later_event",
    "uptake": "later_event",
    "later_fate": "later_event",
    "response": "response",
    "reform": "reform",
    "delegated": "delegated",
    "delegated_plural": "delegated",
    "unheld_instrument": "unheld",
    "unmentioned_topic": "unmentioned",
    "unmentioned": "unmentioned",
}
GAP_CHECKS = CHECKS[5:10]  # later event … unmentioned: the checks that assume the texts are on the topic


class Gap(NamedTuple):
    kind: str
    statement: str  # as the answer says it, with the label of the passages it cites
    cite: tuple[Passage, ...]


def find_gap(
    question: str,
    passages: Sequence[Passage],
    *,
    documents: Mapping[str, Document],
    router: Router,
    glossary: Glossary,
    terms_of: Callable[[str], frozenset[str]] | None = None,
) -> Gap | None:
    """The first gap finding for a question read once, rendered in its language."""
    query = analyze(question, router, glossary)
    ctx = CheckContext("ask", documents, [], {}, 0.0, terms_of or (lambda _: frozenset()), lambda _: list(documents))
    # without whole-document words the unmentioned-topic check cannot run
    checks = GAP_CHECKS if terms_of else tuple(c for c in GAP_CHECKS if c.__name__ != "check_unmentioned_topic")
    found = first_finding(query, passages, ctx, checks)
    if found is None:
        return None
    return Gap(FAMILY[found.kind], found.intro(load_messages(query.language)), found.cite)


def gap(question: str, *texts: str) -> Gap | None:
    return find_gap(question, [passage(t) for t in texts], documents=DOCS, router=ROUTER, glossary=GLOSSARY)


def test_a_passage_that_answers_leaves_no_gap() -> None:
    """A question whose names and numbers stand in the passages is answered."""
    assert gap("Who must inspect robots under the Robot Act?", "Operators shall inspect robots every year.") is None


def test_a_delegated_threshold_names_the_instrument_and_cites_the_delegating_provision() -> None:
    """A threshold the Act leaves to a Presidential Decree: "The Act leaves this to …", citing that provision."""
    text = "Operators of robots whose speed exceeds the threshold prescribed by Presidential Decree shall register."
    found = gap("What is the speed threshold for robots that must register under the Robot Act?", text)
    assert found is not None and found.kind == "delegated"
    assert found.statement.startswith("The Act leaves this to a Presidential Decree, which is not in the library")
    assert found.cite[0].chunk.text == text


def test_japanese_questions_get_japanese_framing() -> None:
    """A Japanese question about a detail left to a Cabinet Order is answered in Japanese."""
    text = "登録の基準は、政令で定める。"
    found = gap("Robot Actの登録の基準は何ですか？", text)
    assert found is not None and found.kind == "delegated"
    assert "政令" in found.statement and "ライブラリ" in found.statement


def test_rules_an_authority_may_adopt_are_not_in_the_library() -> None:
    """A question about rules the regulator adopted, when the Act only empowers it to adopt them."""
    text = "The Robot Commissioner may promulgate rules on the content of inspection reports."
    found = gap("What rules has the Robot Commissioner adopted on the content of inspection reports?", text)
    assert found is not None and found.kind == "delegated"
    assert "Robot Commissioner" in found.statement


def test_a_sub_jurisdiction_no_passage_mentions_is_unmentioned() -> None:
    """A region that routes to the jurisdiction's law but that no passage names is not answered."""
    found = gap("Which body has Northshire designated to inspect robots?", "Each region shall designate a body.")
    assert found is not None and found.kind == "unmentioned" and "Northshire" in found.statement


def test_the_source_a_claim_is_attributed_to_is_not_its_point() -> None:
    """ "According to the Robot Commission, …" says who says it; the claim's content decides. Counter-example: the
    same body named as the claim's subject, which no passage mentions, is unmentioned."""
    text = "Operators shall inspect robots every year."
    assert gap("According to the Robot Commission, operators must inspect robots every year.", text) is None
    found = gap("Operators must inspect robots for the Robot Commission every year.", text)
    assert found is not None and found.kind == "unmentioned" and "Robot Commission" in found.statement


@pytest.mark.parametrize(
    ("question", "gap_found"),
    [
        # a department as news names it, the office heading it as the text does
        ("Under the Robot Act, the Transport Department must inspect robots every year.", False),
        ("Under the Robot Act, the Transport Ministry must inspect robots every year.", False),
        # counter-example: a department of something no passage names
        ("Under the Robot Act, the Agriculture Department must inspect robots every year.", True),
    ],
)
def test_a_department_is_mentioned_by_the_office_heading_it(question: str, gap_found: bool) -> None:
    found = gap(question, "The Secretary of Transport shall inspect robots every year.")
    assert (found is not None and found.kind == "unmentioned") == gap_found


def test_scene_names_are_context_not_the_asked_point() -> None:
    """A place in the sentence that sets the scene does not make the asked point unmentioned."""
    question = "We build robots in Northshire. Who must inspect them under the Robot Act?"
    assert gap(question, "Operators shall inspect robots every year.") is None


def test_a_law_number_no_passage_mentions_is_unmentioned() -> None:
    """An amending act named by number that the texts never cite is not answered; kanji numbers are compared."""
    found = gap("令和8年法律第56号で何が変わりましたか？", "この法律は、令和八年法律第四十五号の施行の日から施行する。")
    assert found is not None and found.kind == "unmentioned"
    assert (
        gap("令和8年法律第45号はいつ施行されますか？", "この法律は、令和八年法律第四十五号の施行の日から施行する。")
        is None
    )


def test_an_event_after_the_text_is_a_later_event() -> None:
    """A text cannot record that it was repealed after its own date."""
    found = gap("Claim: 'The Robot Act was repealed in March 2026.'", "This Act enters into force on 1 July 2024.")
    assert found is not None and found.kind == "later_event"


def test_a_report_of_a_kind_the_library_lacks_is_unheld() -> None:
    """The content of a report is not in a library that holds no report."""
    found = gap(
        "What did the Robot Board recommend in its final report?", "The Robot Board shall issue a final report."
    )
    assert found is not None and found.kind == "unheld"


@pytest.mark.parametrize(
    ("claim", "unheld"),
    [
        # news's word for a held law, read as naming it by description: the law itself, not another document
        ("Under Examplia's robot rulebook, operators must have robots audited every year.", False),
        ("Under the Examplia robot rulebook, operators must have robots audited every year.", False),
        # counter-examples: a report or a plan of the law's board, which the library does not hold
        ("Under the Robot Board's final report, operators must have robots audited every year.", True),
        ("Under the Examplia robot plan, operators must have robots audited every year.", True),
    ],
)
def test_a_law_named_as_a_rulebook_is_the_law_not_an_unheld_instrument(claim: str, unheld: bool) -> None:
    from govqa.answering.answerability import check_unheld_instrument
    from govqa.corpus.manifest import Manifest
    from govqa.search.claim_reading import ClaimReader

    query = analyze(claim, ROUTER, GLOSSARY, claims=ClaimReader(Manifest((ACT,), (), {"XL": ("Examplia",)})))
    ctx = CheckContext("claim", DOCS, [], {}, 0.0, lambda _: frozenset(), lambda _: list(DOCS))
    found = check_unheld_instrument(query, [passage("Operators shall have robots audited once a year.")], ctx)
    assert (found is not None) is unheld


@pytest.mark.parametrize(
    ("claim", "unheld"),
    [
        # a subordinate instrument named as the source of what is claimed: its content is not the act's
        ("The Robot Act's enforcement decree requires a yearly audit of robots.", True),
        ("ロボット法の施行令によって、年1回の監査が義務づけられた。", True),
        # counter-examples: the act itself as the source; a decree the act only names as a delegate's instrument
        ("The Robot Act requires a yearly audit of robots.", False),
        ("The Robot Act leaves the audit schedule to a decree.", False),
    ],
)
def test_a_claim_about_what_an_unheld_decree_says_is_unheld(claim: str, unheld: bool) -> None:
    found = gap(claim, "Operators shall have robots audited as prescribed by Presidential Decree.")
    assert (found is not None and found.kind == "unheld") is unheld


@pytest.mark.parametrize(
    ("claim", "unheld"),
    [
        # the law's own delegation restated (「政令で定める日」, news's 「政令が定める日」): what the law says
        ("ロボット法の第3章は、政令が定める日に施行される。", False),
        ("ロボット法の第3章は、政令で定める日に施行される。", False),
        # counter-example: what the order sets, which the law leaves to it
        ("ロボット法の政令で定める基準は年1回の監査である。", True),
    ],
)
def test_a_laws_delegation_restated_is_the_laws(claim: str, unheld: bool) -> None:
    found = gap(claim, "第三章の規定は、公布の日から起算して三月を超えない範囲内において政令で定める日から施行する。")
    assert (found is not None and found.kind == "unheld") is unheld


@pytest.mark.parametrize(
    ("claim", "years"),
    [
        # an amount is no year, written with a Japanese unit, a currency sign or a currency word
        ("ロボット法の罰金は最大2000万ユーロである。", ()),
        ("The Robot Act fines operators €2000 or 2000 euros.", ()),
        # counter-examples: years, however written, stay years
        ("ロボット法は2025年に成立し、in 2026 it applies.", ("2025", "2026")),
    ],
)
def test_an_amount_is_no_year(claim: str, years: tuple[str, ...]) -> None:
    assert analyze(claim, ROUTER, GLOSSARY).years == years


def test_kanji_numbers_and_era_years_become_digits() -> None:
    """第五十六号 → 第56号, 令和八年 → 2026年."""
    assert kanji_to_digits("令和八年法律第五十六号") == "2026年法律第56号"


def test_a_company_the_law_never_names_is_the_subject_not_a_gap() -> None:
    """A company or product asked about ("Acme", "RoboChat") is what the law is applied to: its absence from the
    law's text is no gap; a public body or a text the passages never name is."""
    text = "Operators shall inspect robots every year."
    assert gap("Does the Robot Act apply to robots made by Acme or to RoboChat?", text) is None
    found = gap("What has the Robot Inspection Board decided under the Robot Act?", text)
    assert found is not None and found.kind == "unmentioned" and "Robot Inspection Board" in found.statement


@pytest.mark.parametrize(
    "question",
    [
        "Has the Robot Act been amended?",
        "Is the Robot Act still in force?",
        "Was the Robot Act repealed by the Drone Code?",
        "Claim: The Robot Act was revoked last year.",
    ],
)
def test_what_became_of_a_text_is_a_later_event_with_the_library_s_record(question: str) -> None:
    """A text cannot record its own later fate: the question is declined, quoting the manifest's record of the
    text (status, version) for the reader to follow up."""
    found = gap(question, "Operators shall inspect robots every year.")
    assert found is not None and found.kind == "later_event"
    assert "cannot record what became of it later" in found.statement
    assert "in_force; Act No. 12 of 2024, as enacted" in found.statement


@pytest.mark.parametrize(
    "question",
    [
        "Must operators suspend a faulty robot under the Robot Act?",  # the text's content, a party's act
        "Are providers' robots replaced under the Robot Act?",
        "When does the Robot Act enter into force?",
    ],
)
def test_a_question_on_the_text_s_content_is_no_later_event(question: str) -> None:
    found = gap(question, "Operators shall inspect robots every year and suspend a faulty robot.")
    assert found is None or found.kind != "later_event"


def test_a_held_later_version_may_record_the_change() -> None:
    """With the text's later version in the library, its text may say what changed: no later-event gap."""
    old = dataclasses.replace(ACT, superseded_by="robot-act-2026")
    new = dataclasses.replace(ACT, id="robot-act-2026", date="2026-01-01")
    docs = {old.id: old, new.id: new}
    router = Router(docs.values(), {"XL": ("Examplia",)})
    found = find_gap(
        "Has the Robot Act been amended?",
        [passage("Operators shall inspect robots.")],
        documents=docs,
        router=router,
        glossary=GLOSSARY,
    )
    assert found is None or found.kind != "later_event"


@pytest.mark.parametrize(
    ("question", "declined"),
    [
        ("How many companies have signed the Robot Act?", True),
        ("Which operators have reported under the Robot Act?", True),
        ("Which operators have registered robots under the Robot Act?", True),
        ("Which operators have to register robots under the Robot Act?", False),  # a duty, not an uptake
        ("Who must report robot accidents under the Robot Act?", False),
        # told as news: who refused to sign, who signed on
        ("Acme refused to sign the Robot Act, while Robotix signed on.", True),
        ("Robot Actには大手企業が署名した一方、Acmeは署名を見送った。", True),
        # counter-examples: a signatory's duty is what the text says; the date the text was signed on
        ("Signatories of the Robot Act must register robots every year.", False),
        ("The Robot Act was signed on January 23, 2025.", False),
        ("The Robot Act was signed on 23 January 2025.", False),
        ("The Robot Act was signed on Inauguration Day, 20 January 2025.", False),  # a day named by words
        ("The Robot Act was signed on Monday.", False),
    ],
)
def test_who_has_since_taken_a_text_up_is_a_later_event(question: str, declined: bool) -> None:
    """A text sets out what it asks; it cannot record who has since signed, reported or complied."""
    found = gap(question, "Operators shall register robots and report robot accidents every year.")
    said = ("cannot record who has since signed", "その後誰が署名")
    is_uptake = found is not None and any(s in found.statement for s in said)
    assert is_uptake is declined


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        # how the world met a text: its reception, how things stood once it applied
        ("How did companies react to the Robot Act?", "response"),
        ("What did the industry look like on the first day the Robot Act took effect?", "response"),
        ("How has the market adapted since the Robot Act?", "response"),
        ("What was the industry's reaction to the Robot Act?", "response"),
        ("Robot Actの施行後、業界の反応はどうでしたか？", "response"),
        # how a text should be changed, or whether it should stand: a judgement it does not make of itself
        ("What should be changed with the Robot Act's exemptions?", "reform"),
        ("How should the Robot Act be amended?", "reform"),
        ("Should the Robot Act be repealed?", "reform"),
        ("Robot Actはどう改正すべきですか？", "reform"),
        # counter-examples: a party's duty to respond, what a party should change, what the text changed
        ("How must operators respond to a robot accident under the Robot Act?", None),
        ("How did the Robot Act change the rules for operators?", None),
        ("What should operators change in their inspections under the Robot Act?", None),
        ("What should be included in an inspection report under the Robot Act?", None),
        ("What should be amended in the inspection report under the Robot Act?", None),
        ("Robot Actでは、事業者は事故にどう対応しなければならないか？", None),
    ],
)
def test_how_the_world_met_a_text_and_how_it_should_change_are_not_in_it(question: str, kind: str | None) -> None:
    """A text states its rules: it records neither how firms and markets met them nor a judgement of them."""
    found = gap(question, "Operators shall inspect robots every year and report robot accidents without delay.")
    assert (found.kind if found is not None and found.kind in ("response", "reform") else None) == kind


@pytest.mark.parametrize(
    ("question", "absent"),
    [
        ("What does the Robot Act say about autonomous weapons?", "autonomous weapons"),
        ("Does the Robot Act regulate self-driving cars?", "self-driving cars"),
        ("What does the Robot Act say about annual inspections?", ""),  # the Act's own words
        ("What does the Robot Act say about check-ups?", ""),  # the glossary gives the Act's word
        ("What does the Robot Act say about AI systems?", ""),  # words of every topic name none
    ],
)
def test_a_topic_no_part_of_the_named_text_mentions_is_not_answered(question: str, absent: str) -> None:
    """A topic named outright whose words stand nowhere in the whole named text (not only in the passages
    retrieved) is "not mentioned"; a topic the text words otherwise is found through the glossary."""
    text = "Operators shall have their robots inspected every year. The inspection is free."
    chunks = [passage(text).chunk]
    glossary = Glossary({}, {"check-ups": "inspection inspected"})
    found = find_gap(
        question,
        [passage(text)],
        documents=DOCS,
        router=ROUTER,
        glossary=glossary,
        terms_of=DocumentTerms(chunks),
    )
    if absent:
        assert found is not None and found.kind == "unmentioned"
        assert found.statement.startswith(f"No passage of Robot Safety Act mentions {absent}")
    else:
        assert found is None


@pytest.mark.parametrize(
    ("question", "text", "absent"),
    [
        ("How much is the fee to certify a robot under the Robot Act?", "", "fee"),
        ("Robot Actでロボットの認証を受けるための手数料はいくらですか？", "", "手数料"),
        ("Must robots be registered in Examplia?", "", "registered"),  # the jurisdiction's texts, none naming it
        ("Examplia のロボットは登録が必要ですか？", "", "登録"),
        ("How much is the fee to certify a robot under the Robot Act?", " A fee of 50 credits is charged.", ""),
        ("Robot Actではロボットの登録が必要ですか？", " Operators shall register each robot.", ""),  # 登録: register
        ("How long must robots be inspected under the Robot Act?", "", ""),  # no formality asked
    ],
)
def test_a_fee_or_registration_no_asked_text_mentions_is_not_answered(question: str, text: str, absent: str) -> None:
    """Asked what a fee costs or whether to register, in English or Japanese, of a text named or of all the texts of
    a jurisdiction named, where none of them words a fee or a registration at all: "not mentioned", not the closest
    passage; a text that names the fee or the registering is left to answer."""
    body = "Operators shall have their robots inspected every year. The inspection is free." + text
    found = find_gap(
        question,
        [passage(body)],
        documents=DOCS,
        router=ROUTER,
        glossary=GLOSSARY,
        terms_of=DocumentTerms([passage(body).chunk]),
    )
    if absent:
        assert found is not None and found.kind == "unmentioned"
        assert absent in found.statement and "Robot Safety Act" in found.statement
    else:
        assert found is None


def test_a_revocation_dated_after_the_text_is_answered_by_the_held_revoking_text() -> None:
    """A text cannot record its own revocation, but the library's revoking text dates it: a claimed revocation
    year after the revoked text is left to the claim's record check (claims.record_revocation). Counter-examples:
    without the revoking text the year is beyond every text; another event after the revoking text's date is
    beyond it too."""
    from govqa.answering.later import later_year
    from govqa.corpus.manifest import Manifest
    from govqa.search.claim_reading import ClaimReader

    old = Document("order-1", "Order 1 on robots", "Executive Order 1", date="2021-03-01", status="revoked")
    new = Document("order-2", "Order 2, rescissions", "Executive Order 2", date="2025-01-20", revokes=("order-1",))
    docs = {d.id: d for d in (old, new)}
    reader = ClaimReader(Manifest((old, new), (), {}))
    text = "Agencies shall report on robots."
    passages = [Passage(Chunk(old.id, "Section 4", (), text, 0, len(text), None, None, "en"), 1.0, document=old)]

    def later(question: str, documents: Mapping[str, Document]) -> str:
        query = analyze(question, Router(documents.values(), {}), GLOSSARY, claims=reader)
        return later_year(query, passages, documents)

    assert later("Executive Order 1 was revoked in 2026.", docs) == ""
    assert later("Executive Order 1 was revoked in 2026.", {old.id: old}) == "2026"
    assert later("Executive Order 1 was amended in 2027.", docs) == "2027"


def test_a_year_dating_an_event_the_passages_date_otherwise_is_contradicted_not_unmentioned() -> None:
    """ "takes effect in January 2027" against "shall enter into force on 1 March 2025": the claim's year is
    compared with the passage's date of the same event (the claim checks refute it), not declared unmentioned.
    Counter-example: a year of an event no passage dates stays unmentioned."""
    from govqa.answering.answerability import unmentioned
    from govqa.corpus.manifest import Manifest
    from govqa.search.claim_reading import ClaimReader

    reader = ClaimReader(Manifest((ACT,), (), {"XL": ("Examplia",)}))
    passages = [passage("This Act shall enter into force on 1 March 2025.")]

    def missing(claim: str) -> list[str]:
        return unmentioned(analyze(claim, ROUTER, GLOSSARY, claims=reader), passages, DOCS)

    assert missing("The Robot Safety Act takes effect in January 2027.") == []
    assert missing("The Robot Safety Act was reviewed by a court in 2027.") == ["2027"]
    # a year of no named event, against a dated sentence on what its clause is about; counter-example: the same
    # year of something no dated sentence speaks of
    passages.append(passage("The Robot Board looks forward to the review of the robot registry in 2026."))
    assert missing("The Robot Board said it looks forward to reviewing the robot registry in 2027.") == []
    assert missing("The Robot Board said it will open a public robot museum in the capital in 2027.") == ["2027"]


def _later_event(claim: str, sentence: str) -> tuple[Finding | None, str]:
    """The later-event check on a claim about the Robot Safety Act (of 1 May 2024) and one passage: the finding and
    its message in the claim's language."""
    from govqa.answering.later import check_later_event
    from govqa.corpus.manifest import Manifest
    from govqa.search.claim_reading import ClaimReader

    query = analyze(claim, ROUTER, GLOSSARY, claims=ClaimReader(Manifest((ACT,), (), {"XL": ("Examplia",)})))
    ctx = CheckContext("claim", DOCS, [], {}, 0.0, lambda _: frozenset(), lambda _: list(DOCS))
    found = check_later_event(query, [passage(sentence)], ctx)
    return found, found.intro(load_messages(query.language)) if found is not None else ""


@pytest.mark.parametrize(
    ("claim", "later"),
    [
        # a meeting held after the text was made, to the day or the month the claim gives
        ("The Robot Board held its first meeting on 12 September 2024.", True),
        ("ロボット評議会の第1回会合は2024年9月に開催された。", True),
        # counter-examples: a meeting before the text's date; a year that does not place it after the text;
        # another event (the text's own dates are compared by the claim checks)
        ("The Robot Board held its first meeting on 12 March 2024.", False),
        ("The Robot Board held its first meeting in 2024.", False),
        ("The Robot Act entered into force on 12 September 2024.", False),
        # a body's act under the text, reported by news, after the text was made
        ("The robot regulator opened formal proceedings against a maker in September 2024.", True),
        ("ロボット評議会は2024年12月、登録制度を創設した。", True),
        # counter-examples: the same act before the text's date; a deadline the text sets for itself
        ("The robot regulator opened formal proceedings against a maker in March 2024.", False),
        ("Makers must register their robots by 1 December 2024.", False),
        # the publication of what the text asks for, after the text ("the plan ordered by …", 「…を受け」)
        ("The safety plan ordered by the Robot Act was published in September 2024.", True),
        ("Robot Actを受け、ロボット評議会は2024年9月に安全計画を公表した。", True),
        # counter-examples: the text's own publication (compared by the claim checks); one before the text's date
        ("The Robot Act was published in September 2024.", False),
        ("The safety plan ordered by the Robot Act was published in March 2024.", False),
        # what followed a named text ("following the Robot Act", 「Robot Actに続いて」) is another text, published later
        ("Following the Robot Act, the Robot Board published a safety plan in September 2024.", True),
        ("ロボット評議会は2024年9月、Robot Actに続いて安全計画を公表した。", True),
        # counter-examples: "following" something other than the text; a publication before the text's date
        ("Following a consultation, the Robot Act was published in September 2024.", False),
        ("Following the Robot Act, the Robot Board published a safety plan in March 2024.", False),
    ],
)
def test_a_meeting_after_the_text_is_a_later_event_in_claim_mode(claim: str, later: bool) -> None:
    """A text of 1 May 2024 cannot record a meeting of September 2024; the finding names the claimed date."""
    found, message = _later_event(claim, "The Robot Board shall meet every month.")
    assert (found is not None and found.kind == "later_date") is later
    assert ("2024" in message) is (found is not None)


@pytest.mark.parametrize(
    ("question", "unmentioned"),
    [
        # a place word opening the sentence is still a place no passage mentions
        ("Northshire fines robot operators under the Robot Act.", True),
        # counter-example: a seat of government stands for the jurisdiction itself, wherever it stands
        ("Capitolia fines robot operators under the Robot Act.", False),
    ],
)
def test_a_place_opening_the_sentence_is_a_name_but_a_seat_is_the_jurisdiction(
    question: str, unmentioned: bool
) -> None:
    router = Router(DOCS.values(), {"XL": ("Examplia", "Northshire", "Capitolia")}, seats=("Capitolia",))
    passages = [passage("Operators of robots shall be fined up to EUR 10 000 for failing to register.")]
    found = find_gap(question, passages, documents=DOCS, router=router, glossary=GLOSSARY)
    assert (found is not None and found.kind == "unmentioned") is unmentioned


@pytest.mark.parametrize(
    ("claim", "figures", "numbers"),
    [
        # a UN resolution's session/number names it: a law number, no figure of the claim's
        ("The robot resolution, 78/265, covers military robots.", (), ("78/265",)),
        ("UN resolution A/RES/78/265 of 21 March 2024 covers robots.", ("21", "2024"), ("78/265",)),
        # counter-example: a date written with slashes is figures
        ("The Robot Act took effect on 10/30/2023.", ("10", "30", "2023"), ()),
    ],
)
def test_a_resolution_number_is_a_law_number_not_figures(
    claim: str, figures: tuple[str, ...], numbers: tuple[str, ...]
) -> None:
    query = analyze(claim, ROUTER, GLOSSARY)
    assert query.figures == figures
    assert tuple(said for _, said in query.law_numbers) == tuple(re.escape(n) for n in numbers)


@pytest.mark.parametrize(
    ("claim", "vote"),
    [
        # the votes that passed a text, a tally or a chamber passing it: no enacted text records them
        ("The Robot Safety Act passed with 260 votes in favour and one against.", True),
        ("The Robot Safety Act cleared the Senate in March 2024.", True),
        ("Robot Actは参議院本会議で賛成多数により可決・成立した。", True),
        ("The Robot Safety Act was adopted without a vote.", True),
        # counter-examples: the act's own enactment; a body's voting rule the text itself sets
        ("The Robot Safety Act was adopted on 1 May 2024.", False),
        ("Under the Robot Safety Act, the board decides by a majority vote of those present.", False),
        # a vote the text provides for, in a claim framed by the text: not the vote that passed it
        ("Under the Robot Safety Act, the robot plan is drafted by the board and approved by the Senate.", False),
    ],
)
def test_the_votes_that_passed_a_text_are_not_in_it(claim: str, vote: bool) -> None:
    """An enacted text records its enactment, not the votes before it: a claim about them is not addressed."""
    found, message = _later_event(claim, "The Robot Board shall decide by a majority vote.")
    assert (found is not None and found.kind == "vote") is vote
    assert ("Robot Safety Act" in message) is (found is not None)
