"""Question intents → provision roles (search/intents.py) and the question-analysis record (search/analysis.py)."""

from __future__ import annotations

from pathlib import Path

import pytest
from fixture_corpus import FILLER, statute
from fixture_index import build_retriever

from govqa.documents.roles import ROLES
from govqa.records import Document
from govqa.search.analysis import analyze
from govqa.search.intents import ABSENCE_ROLES, INTENTS, asked_roles
from govqa.search.query import asked_terms
from govqa.search.routing import Glossary, Router


@pytest.mark.parametrize(
    ("question", "role"),
    [
        ("What does 'provider' mean under the Act?", "definition"),
        ("How is a deployer defined?", "definition"),
        ("「個人関連情報」とは何ですか", "definition"),
        ("'고영향 인공지능'의 정의는?", "definition"),
        ("What is high-impact AI under Korea's AI Basic Act?", "definition"),
        ("What is personal information under the APPI?", "definition"),
        ("Who does the Act apply to?", "scope"),
        ("Does the law cover companies outside the country?", "scope"),
        ("この法律の適用対象は誰ですか", "scope"),
        ("이 법의 적용 대상은?", "scope"),
        ("Are there any exemptions for research?", "exclusion"),
        ("適用除外はありますか", "exclusion"),
        ("When does the Act take effect?", "dates"),
        ("What is the deadline for compliance?", "dates"),
        ("この法律はいつ施行されますか", "dates"),
        ("이 법은 언제 시행됩니까?", "dates"),
        ("Can regulators fine a company?", "enforcement"),
        ("Who enforces the rules?", "enforcement"),
        ("罰則はありますか", "enforcement"),
        ("Can anyone go to prison under the Act?", "enforcement"),
        ("Is there criminal liability for misuse?", "enforcement"),
        ("懲役刑はありますか", "enforcement"),
        ("징역형이 있습니까?", "enforcement"),
        ("Is the framework mandatory?", "legal_nature"),
        ("Are the guidelines legally binding?", "legal_nature"),
        ("The resolution legally obliges companies to comply.", "legal_nature"),
        ("ガイドラインに法的拘束力はありますか", "legal_nature"),
        ("Is Google bound by the Hiroshima Code of Conduct?", "legal_nature"),
        ("What must a deployer do?", "obligation"),
        ("事業者の責務は何ですか", "obligation"),
        ("Is social scoring banned?", "prohibition"),
        ("Is emotion recognition at work prohibited?", "prohibition"),
        ("顔認識は禁止されていますか", "prohibition"),
        ("Do people have a right to an explanation?", "right"),
    ],
)
def test_intent_table_maps_question_wordings_to_roles(question: str, role: str) -> None:
    """Each wording of the intent table (English, Japanese, Korean) asks for its provision role."""
    assert role in asked_roles(question)


@pytest.mark.parametrize(
    ("question", "role"),
    [
        ("How do I fine-tune a model?", "enforcement"),
        ("Is law enforcement use of facial recognition covered?", "enforcement"),
        ("When we deploy a chatbot, what must we disclose?", "dates"),
        ("What is the purpose of the Act?", "definition"),
        ("What are the transparency obligations?", "prohibition"),
        ("What is the penalty under the APPI?", "definition"),
        ("What is required under the AI Act?", "definition"),
        ("What are transparency obligations under the AI Act?", "definition"),
        ("What is Japan's approach under the guidelines?", "definition"),
    ],
)
def test_words_that_only_look_alike_ask_for_no_role(question: str, role: str) -> None:
    """Fine-tuning is no fine, law enforcement no sanction, a scenario's "when" no date."""
    assert role not in asked_roles(question)


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("Who does the Colorado AI Act apply to?", ["scope", "definition:party"]),
        ("Does the Act protect people who live abroad?", ["scope", "definition:party"]),
        ("Does the Act protect consumers outside the state?", ["scope", "definition:party"]),
        ("What must providers of general-purpose AI models do?", ["obligation", "obligation:provider"]),
        ("What duties does the APPI put on our startup?", ["obligation", "obligation:business_operator"]),
        ("We're an insurance company. Do we have to comply?", ["obligation", "obligation:business_operator"]),
        ("事業者の責務は何ですか", ["obligation", "obligation:business_operator"]),
        ("We're a hospital deploying a high-risk AI system. What must we do?", ["obligation", "obligation:deployer"]),
        # the party told or given something is not the one bound
        ("What must a developer disclose to deployers?", ["obligation", "obligation:developer"]),
        (
            "What must providers give to deployers, and what must deployers do?",
            ["obligation", "obligation:provider", "obligation:deployer"],
        ),
        ("생성형 인공지능 제공자의 의무는?", ["obligation", "obligation:provider"]),
    ],
)
def test_narrower_roles_follow_from_the_intent_and_the_party_named(question: str, expected: list[str]) -> None:
    """A scope question also asks for the definitions of parties; an obligation question naming a party asks
    for that party's obligations."""
    roles = asked_roles(question)
    assert [r for r in roles if r in expected] == expected


@pytest.mark.parametrize(
    ("question", "absent"),
    [
        ("Does Japan's AI Promotion Act protect the independence of researchers?", "definition:party"),
        ("What is a provider under the AI Act?", "obligation:provider"),  # no obligation asked
        ("AI事業者ガイドラインでは、AI利用者は何をすべきですか", "obligation:business_operator"),  # a title
        ("What must the Commission do?", "obligation:business_operator"),
        ("What must a provider do before a deployer uses the system?", "obligation:business_operator"),
        ("Must the provider tell us before we deploy updates?", "obligation:developer"),
    ],
)
def test_no_narrower_role_without_its_intent_or_party(question: str, absent: str) -> None:
    """Protecting a thing asks for no party; naming a party without asking what it must do asks for none of its
    obligations; the Guidelines' title is no business operator."""
    assert absent not in asked_roles(question)


def test_every_intent_and_absence_name_is_a_role_of_the_vocabulary() -> None:
    """Intents only name roles chunks can carry; absence only speaks of roles the intents ask for."""
    assert set(INTENTS) <= set(ROLES)
    assert set(ABSENCE_ROLES) <= set(INTENTS)


def _doc(doc_id: str, jurisdiction: str, short_title: str, aliases: tuple[str, ...] = ()) -> Document:
    return Document(
        id=doc_id,
        title=short_title,
        short_title=short_title,
        jurisdiction=jurisdiction,
        language="en",
        aliases=aliases,
    )


def test_analysis_reads_the_question_once_into_one_record() -> None:
    """Route, provision references, quoted terms, roles, language and the asking sentence come out together."""
    router = Router(
        [_doc("robot-act", "XX", "Robot Safety Act", ("RSA",)), _doc("other", "YY", "Other Code")],
        {"XX": ("Robotland",)},
    )
    glossary = Glossary({}, {"robots": "robotic systems"})
    query = analyze(
        "We build robots for hospitals. Under the RSA, what does 'operator' mean in Article 3(2)?", router, glossary
    )
    assert query.route.doc_ids == ("robot-act",) and query.route.by == "alias"
    assert [(r.kind, r.main, r.subs) for r in query.refs] == [("article", "3", ("2",))]
    assert query.terms == ("operator",)
    assert query.asks_definition and "definition" in query.roles
    assert query.language == "en" and query.reader_language == "en"
    assert query.focus.startswith("Under the RSA")
    assert query.expansion == "robotic systems"
    assert query.dense_text.endswith("robotic systems")
    assert query.summary()["refs"] == ["article 3(2)"]


@pytest.mark.parametrize(
    ("question", "terms"),
    [
        ("What is a deployer under the EU AI Act?", ["deployer"]),
        (
            "What does general-purpose AI model mean in the Act?",
            ["general-purpose ai model", "general-purpose artificial intelligence model", "gpai model"],
        ),
        (
            "What is the definition of high-impact AI under Korea's AI Basic Act?",
            ["high-impact ai", "high-impact artificial intelligence"],
        ),
        ("How does the APPI define 個人関連情報 (personally referable information)?", ["個人関連情報"]),
        ("AI推進法での人工知能関連技術の定義は？", ["人工知能関連技術"]),
        ("個人情報保護法で個人情報取扱事業者とは誰ですか？", ["個人情報取扱事業者"]),  # 「…法で」 names the text
        ("What is meant by placing on the market?", ["placing on the market"]),
        ("What does 'operator' mean?", ["operator"]),
        ("What does the Act say about deepfakes?", []),
    ],
)
def test_definition_questions_name_the_term_asked_about(question: str, terms: list[str]) -> None:
    """The term of a definition question, quoted or not, with abbreviations spelt out ("AI" → "artificial
    intelligence") so the texts' own wording is found."""
    assert asked_terms(question) == terms


def test_the_role_list_brings_the_provisions_of_the_kind_asked_about(tmp_path: Path) -> None:
    """Asked about sanctions (a word the text never uses), the routed law's penalty article comes first by its
    role; with the role list off it does not carry the role signal at all."""
    retriever = build_retriever(tmp_path)
    question = "Which sanctions does the Robot Safety Act 2027 provide for?"
    passages = retriever.retrieve(question, k=5)
    assert "enforcement" in passages[0].chunk.roles and "role" in passages[0].scores
    retriever.settings = retriever.settings.model_copy(
        update={"retrieval": retriever.settings.retrieval.model_copy(update={"weight_role": 0.0})}
    )
    assert not any("role" in p.scores for p in retriever.retrieve(question, k=10))


PARTY_ACT = f"""Kite Safety Act
Article 1
(1) "Kite flyer" means a natural person who flies a kite in a public park of this State. {FILLER}
Article 2
(1) "Kite" means a light frame covered with paper that flies on a string. {FILLER}
Article 3
(1) A kite flyer shall keep the string shorter than fifty metres. {FILLER}
Article 4
(1) The park authority shall put up signs at the gates of each public park. {FILLER}
"""


def test_a_scope_question_brings_the_definitions_of_parties(tmp_path: Path) -> None:
    """Asked who the act protects or applies to, the routed act's definition of a person comes with the role
    signal; the definition of a thing does not."""
    doc = statute("fx-kite-act", "Kite Safety Act")
    retriever = build_retriever(tmp_path, extra=[(doc, PARTY_ACT)])
    passages = retriever.retrieve("Who does the Kite Safety Act apply to?", k=10)
    role = {p.chunk.locator for p in passages if "role" in p.scores and p.chunk.doc_id == "fx-kite-act"}
    assert "Article 1(1)" in role and "Article 2(1)" not in role
