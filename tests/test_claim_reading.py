"""A claim read once: the text it names (by alias or description), actor, modality, action, figures, dates,
scope words and negation; and figures/dates as claims and laws state them."""

from __future__ import annotations

import re
import time
from dataclasses import replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from govqa.corpus.manifest import Manifest
from govqa.records import Document
from govqa.search import claim_reading
from govqa.search.analysis import described_route, described_unheld
from govqa.search.claim_figures import dates_in, figures_in
from govqa.search.claim_reading import ClaimReader, read_claim
from govqa.search.names import unheld_references
from govqa.search.routing import Route, Router
from govqa.search.statements import duty_of, negation_words, no_duty
from govqa.text import fold


def _doc(doc_id: str, title: str, jurisdiction: str, doc_type: str, **extra: object) -> Document:
    return Document(
        doc_id, title, extra.pop("short_title", title), jurisdiction=jurisdiction, doc_type=doc_type, **extra
    )  # type: ignore[arg-type]


MANIFEST = Manifest(
    documents=(
        _doc(
            "ru-ai-en",
            "Act on Artificial Intelligence Promotion",
            "RU",
            "statute",
            date="2025-06-04",
            aliases=("Ruritanian AI Promotion Act", "AI促進法"),
            short_title="Ruritania AI Act (EN)",
        ),
        _doc(
            "ru-ai-ja",
            "人工知能促進法",
            "RU",
            "statute",
            date="2025-06-04",
            language="ja",
            translation_of="",
            aliases=("AI促進法",),
        ),
        _doc("ru-privacy", "Act on the Protection of Personal Information", "RU", "statute", date="2020-01-01"),
        _doc("ru-guide", "AI Guidelines for Business", "RU", "guidelines", date="2024-04-19", status="superseded"),
        _doc(
            "xx-ai",
            "Regulation on Artificial Intelligence",
            "XX",
            "regulation",
            date="2024-06-13",
            aliases=("AI Act", "XX AI Act"),
        ),
        _doc("intl-hp", "Harbour City Guiding Principles", "INTL", "principles", aliases=("Harbour Principles",)),
    ),
    references=(
        _doc("ru-guide-2", "AI Guidelines for Business v2", "RU", "guidelines", date="2026-03-31", status="current"),
        _doc("intl-other", "Other Principles on AI", "INTL", "principles"),
    ),
    jurisdiction_words={
        "RU": ("Ruritania", "Ruritanian", "ルリタニア"),
        "XX": ("Xanadu", "Xanadus"),
        "FR": ("Freedonia",),
        "INTL": ("Harbour City", "ハーバー"),
    },
)
READER = ClaimReader(MANIFEST)


@pytest.mark.parametrize(
    ("claim", "by", "docs"),
    [
        ("The XX AI Act bans social scoring.", "alias", {"xx-ai"}),
        ("Ruritania's AI law requires businesses to cooperate.", "description", {"ru-ai-en"}),
        ("Under the Ruritanian new AI legislation, fines are capped.", "description", {"ru-ai-en"}),
        ("ルリタニアのAI法は罰則を定めていない。", "description", {"ru-ai-en"}),
        ("Ruritania's personal information law covers employers.", "description", {"ru-privacy"}),
        # a topic no name carries keeps every law of the jurisdiction: ambiguous, not a guess
        ("Ruritania's privacy law covers employers.", "description", {"ru-ai-en", "ru-privacy"}),
        ("Ruritania's AI guidelines are voluntary.", "description", {"ru-guide"}),
        ("The Harbour City principles list eleven areas.", "description", {"intl-hp"}),
        # "AI Act" is Xanadu's alias, but Ruritania binds it: the claim describes Ruritania's law
        ("Ruritania's AI Act has no fines.", "description", {"ru-ai-en"}),
        # a possessive of a name ending in s, a rulebook, and 規則 (the Japanese word for a regulation) are
        # descriptions too
        ("Xanadus' AI rulebook bans scoring.", "description", {"xx-ai"}),
        ("Xanadu's AI rulebook bans scoring.", "description", {"xx-ai"}),
        ("ルリタニアのAI規則は罰則を定めていない。", "description", {"ru-ai-en"}),
        # a treaty or convention is a binding text, a law's generic name
        ("Ruritania's AI treaty binds its parties.", "description", {"ru-ai-en"}),
        # of two kind words in a row the last is the text's kind ("… Framework Convention", "… law guidelines");
        # counter-example: a kind word that is the claim's verb ("rules out") is no kind
        ("Ruritania's AI law guidelines are voluntary.", "description", {"ru-guide"}),
        ("Ruritania's AI law rules out fines.", "description", {"ru-ai-en"}),
        # a preposition opens another phrase: the Act after it is named by its alias, not described by the
        # jurisdiction word before (counter-example: adjectives and topic words between bind)
        ("The Ruritania-based definition in the AI Act covers software.", "alias", {"xx-ai"}),
        ("The Xanadu AI-based rulebook covers software.", "description", {"xx-ai"}),
        # a Japanese topic, subject or object particle (は, が, を) ends a description: the guidelines are named,
        # not a "law" in 「法的」 further on; counter-example: に inside a name (「…に関する法律」) binds (its
        # Japanese topic words narrow nothing among English titles: every law of the jurisdiction is kept)
        ("ルリタニアのAIガイドラインは事業者に法的義務を課さない。", "description", {"ru-guide"}),
        ("ルリタニアの個人情報に関する法律は雇用主にも適用される。", "description", {"ru-ai-en", "ru-privacy"}),
    ],
)
def test_a_text_is_named_by_alias_or_by_description(claim: str, by: str, docs: set[str]) -> None:
    """A title or alias names a text; so does a jurisdiction plus a generic name, narrowed by doc_type and
    the topic words between (AI vs privacy), in English and Japanese."""
    named = READER.read(claim).texts
    assert [(t.by, set(t.doc_ids) - {"ru-ai-ja"}) for t in named] == [(by, docs)]


@pytest.mark.parametrize(
    "claim",
    [
        "Freedonia's AI law bans chatbots.",  # a jurisdiction the library holds no law of
        "Ruritania and its neighbours discuss many things.",  # a jurisdiction word, no generic name
        "The new AI law bans chatbots.",  # a generic name with no jurisdiction
        "Xanadus'AI rulebook bans scoring.",  # an apostrophe inside a word binds nothing
    ],
)
def test_a_description_without_a_held_text_names_nothing(claim: str) -> None:
    """A generic name binds only to a jurisdiction the manifest holds texts of, and needs that jurisdiction."""
    assert READER.read(claim).texts == ()


def test_a_description_resolves_listed_references_apart() -> None:
    """A newer edition the manifest lists but does not hold is named apart (reference_ids), and "new" prefers
    the current texts when the library holds one."""
    (named,) = READER.read("Ruritania's new AI guidelines say so.").texts
    assert (named.doc_ids, named.reference_ids) == ((), ("ru-guide-2",))
    (older,) = READER.read("Ruritania's 2024 AI guidelines say so.").texts
    assert older.doc_ids == ("ru-guide",)


UNHELD = Manifest(
    documents=(
        _doc("ru-ai-en", "Act on Artificial Intelligence Promotion", "RU", "statute"),
        _doc("ru-guide", "AI Guidelines for Business", "RU", "guidelines", date="2024-04-19", status="superseded"),
        _doc("intl-hp", "Harbour City Guiding Principles", "INTL", "principles"),
    ),
    references=(
        _doc("intl-treaty", "Harbour Convention on Artificial Intelligence", "INTL", "statute"),
        _doc("ru-guide-2", "AI Guidelines for Business v2", "RU", "guidelines", date="2026-03-31", status="current"),
    ),
    jurisdiction_words={"RU": ("Ruritania",), "INTL": ("Harbour City", "ハーバー")},
)


@pytest.mark.parametrize(
    ("claim", "unheld"),
    [
        # a description only an unheld text answers, of a jurisdiction and kind the library holds nothing of
        ("The Harbour City AI treaty applies to national defence.", ("intl-treaty",)),
        ("The Harbour City Framework Convention requires remedies.", ("intl-treaty",)),
        ("ハーバーのAI条約は国防に適用されない。", ("intl-treaty",)),
        # counter-examples: a held text named too; an unheld edition of a kind the library holds (the held one may
        # be meant); a description of a held text
        ("Ruritania's AI law and the Harbour City AI treaty both require remedies.", ()),
        ("Ruritania's new AI guidelines require an AI officer.", ()),
        ("The Harbour City principles list eleven areas.", ()),
    ],
)
def test_a_claim_describing_only_an_unheld_text_is_about_it(claim: str, unheld: tuple[str, ...]) -> None:
    held, references = Router(UNHELD.documents, UNHELD.jurisdiction_words), Router(UNHELD.references, {})
    reading = ClaimReader(UNHELD).read(claim)
    found = described_unheld(unheld_references(claim, held, references), reading, held, references)
    assert tuple(d.id for d in found.named) == unheld


ISSUERS = Manifest(
    documents=(_doc("intl-hp", "Harbour City Guiding Principles", "INTL", "principles"),),
    references=(
        _doc(
            "intl-rec", "Tarn Recommendation on the Ethics of AI", "INTL", "principles", aliases=("タルンAI倫理勧告",)
        ),
        _doc("intl-other", "Other Principles on AI", "INTL", "principles"),
    ),
    jurisdiction_words={"INTL": ("Harbour City", "Tarn", "タルン", "G9")},
)


@pytest.mark.parametrize(
    ("claim", "unheld"),
    [
        # an intergovernmental body's word, which one unheld text's name carries, sets that text apart from the held
        # text of its kind, as its name would ("UNESCO's recommendation"), in English and Japanese
        ("Tarn's recommendation says states should assess impacts.", ("intl-rec",)),
        ("タルンのAI倫理勧告は2021年に採択された。", ("intl-rec",)),
        # counter-examples: a held text set apart; a description that two unheld texts answer
        ("The Harbour City principles list eleven areas.", ()),
        ("The G9's AI principles call for audits.", ()),
    ],
)
def test_a_description_setting_an_unheld_text_apart_is_about_it(claim: str, unheld: tuple[str, ...]) -> None:
    held, references = Router(ISSUERS.documents, ISSUERS.jurisdiction_words), Router(ISSUERS.references, {})
    reading = ClaimReader(ISSUERS).read(claim)
    found = described_unheld(unheld_references(claim, held, references), reading, held, references)
    assert tuple(d.id for d in found.named) == unheld


def test_read_claim_is_the_readers_reading() -> None:
    """read_claim builds the reader from the manifest: same record."""
    claim = "Providers shall ensure that AI systems are not used for scoring."
    assert read_claim(claim, MANIFEST) == READER.read(claim)


@pytest.mark.parametrize(
    ("claim", "modal_words"),
    [
        # a verb of force in its base form, joined to an infinitive, is part of the action asked for
        ("The order told the adviser to review every memorandum and recommend which to revoke.", ""),
        ("The order directs the Secretary to consult agencies and urge industry to share results.", ""),
        ("The guidelines ask companies to map their systems and allow audits of them.", ""),
        # counter-examples: a verb agreeing with the subject is the claim's own force, as is one with no infinitive
        ("The code asks signatories to publish a summary and requires them to keep it current.", "requires"),
        ("The guidelines recommend that providers test their models.", "recommend"),
        ("The order told agencies to report, and the rule allows them to delay.", "allows"),
        ("The Act applies to robots sold in the union and shall not affect toys.", "shall not"),  # an auxiliary
    ],
)
def test_a_verb_joined_to_an_infinitive_is_no_force(claim: str, modal_words: str) -> None:
    assert duty_of(claim)[3] == modal_words


@pytest.mark.parametrize(
    ("claim", "modality", "negated", "actor_role"),
    [
        ("Providers shall ensure that AI systems are not used for social scoring.", "must", True, "provider"),
        ("Deployers must inform workers before use.", "must", False, "deployer"),
        ("The Act mandates the government to promote research.", "must", False, "national_government"),
        ("Business operators shall endeavour to cooperate with the measures.", "endeavour", False, "business_operator"),
        ("Member States may set up sandboxes jointly.", "may", False, "member_state"),
        ("Companies should publish a summary.", "should", False, "business_operator"),
        ("The Act prohibits social scoring.", "must", True, ""),
        # after a verb's -ed or -ing, "banned"/"prohibited" is an adjective of the noun after it, no ban
        ("Companies that used banned robots were fined.", "", False, ""),
        ("Deploying prohibited robots is punished.", "", False, ""),
        ("The order banned robot scoring.", "must", True, ""),  # counter-example: the past tense of a ban
        ("事業者は、施策に協力するよう努めなければならない。", "endeavour", False, "business_operator"),
        ("事業者は、利用目的を通知しなければならない。", "must", False, "business_operator"),
        ("報告は努力義務である。", "endeavour", False, ""),
        # 「ものとする」 is a law's formula of duty, as 「しなければならない」 is; 「努めるものとする」 stays an
        # effort and 「できるものとする」 gives leave
        ("国は、研究開発を推進するため、必要な施策を講ずるものとする。", "must", False, "national_government"),
        ("国は、必要な施策を講ずるものとし、その実施状況を公表する。", "must", False, "national_government"),
        ("国は、必要な施策を講ずるよう努めるものとする。", "endeavour", False, "national_government"),
        ("委員会は、必要な助言をすることができるものとする。", "may", False, "authority"),
        # a writer reports such a duty as 「…ものとされている」, 「…することとされている」
        ("地方公共団体が、必要な施策を講ずることとされている。", "must", False, "local_government"),
        ("国は、必要な施策を講ずるものとされている。", "must", False, "national_government"),
        ("国は、重要な主体とされている。", "", False, ""),  # counter-example: a status, no duty
        # the が of 「…を図りながら」 and of a clause ending in 「…に鑑み、」 is no subject's
        ("国は、事業者と連携を図りながら、必要な施策を講ずるものとする。", "must", False, "national_government"),
        (
            "国は、事業者が相互に協力することに鑑み、必要な施策を講ずるものとする。",
            "must",
            False,
            "national_government",
        ),
        ("Agencies met on May 6, 2026 to discuss it.", "", False, ""),  # a month, not a permission
        # 「…しても差し支えない」, 「構わない」, 「かまわない」, 「してもよい」 give leave and deny nothing; a plain
        # 「ない」 denies
        ("事業者は、個人データを他の情報と照合しても差し支えない。", "may", False, "business_operator"),
        ("事業者は、個人データを第三者に提供しても構わない。", "may", False, "business_operator"),
        ("事業者は、個人データを第三者に提供してもかまわない。", "may", False, "business_operator"),  # in kana
        ("事業者は、記録を電磁的方法で作成してもよい。", "may", False, "business_operator"),
        ("事業者は、本人の同意を取れば個人データを第三者に提供してよい。", "may", False, "business_operator"),
        ("事業者は、個人データを第三者に提供することはない。", "", True, ""),
        # a 「が」 whose subordinate clause ends before the modal (「…が…ようにするため、」, 「…が生じたとき、」), a
        # condition's 「ときは」 and the 「ことが」 of 「することができる」 name no subject: the topic 「は」 does
        (
            "地方公共団体は、事業者と本人との間に生じた苦情が迅速に処理されるようにするため、必要な措置を講ずるよう"
            "努めなければならない。",
            "endeavour",
            False,
            "local_government",
        ),
        (
            "事業者と本人の間で苦情が生じたとき、地方公共団体はあっせんを行わなければならない。",
            "must",
            False,
            "local_government",
        ),
        ("事業者は、漏えいが生じたときは、委員会に報告しなければならない。", "must", False, "business_operator"),
        # an article's caption before its first sentence is no part of the subject
        (
            "第十三条（区域内の事業者等への支援） 地方公共団体は、支援を行わなければならない。",
            "must",
            False,
            "local_government",
        ),
        ("地方公共団体は、違反があった場合は、その旨を公表することができる。", "may", False, "local_government"),
        # counter-example: a 「が」 of the main clause, after a topic naming the text
        (
            "ロボット法は、事業者が国の施策に協力するよう努めなければならないと定めている。",
            "endeavour",
            False,
            "business_operator",
        ),
        # a practice said to be allowed (or not) with no "to" after: leave, or a ban; counter-example: "allowed to"
        ("Emotion recognition in schools is allowed.", "may", False, ""),
        ("Emotion recognition in schools is not permitted under the Robot Act.", "must", True, ""),
        ("Emotion recognition in schools is allowed to continue until 2027.", "may", False, ""),
        # a text's subject names no party: the one it addresses (「国民に対して」) is bound; counter-example: a time
        # before the action (「2026年に」) is no party
        ("AI促進法は、国民に対して理解を深めるよう努めることを求めている。", "endeavour", False, "citizens"),
        ("AI促進法は、事業者に対し、記録の保存を義務付けている。", "must", False, "business_operator"),
        ("AI促進法は、2026年に記録の保存を義務付けた。", "must", False, ""),
        # a modal in a condition ("if …", "unless …") is not the sentence's force; one after the condition is
        (
            "Providers may file a single report for two robots if one robot cannot be understood without the other.",
            "may",
            False,
            "provider",
        ),
        ("If the office cannot be reached, operators may register robots online.", "may", False, "business_operator"),
        ("Operators cannot register robots online unless they hold a licence.", "must", True, "business_operator"),
        # the subject stands before a parenthetical clause ("…, in consultation with …, shall")
        (
            "Within 90 days, the Secretary of Labor, in consultation with agencies, shall issue guidance.",
            "must",
            False,
            "authority",
        ),
        (
            "Where appropriate, the provider, in consultation with the deployer, shall inform users.",
            "must",
            False,
            "provider",
        ),
    ],
)
def test_modality_actor_and_polarity(claim: str, modality: str, negated: bool, actor_role: str) -> None:
    """must / endeavour / may / should in English and Japanese; a prohibition is "must" negated; the actor is
    the subject (or the object of "mandates … to"), never the text itself."""
    reading = READER.read(claim)
    assert (reading.modality, reading.negated, reading.actor_role) == (modality, negated, actor_role)


def test_the_action_is_what_the_actor_must_do() -> None:
    """The action is the clause after the modal, its negation kept."""
    reading = READER.read("Providers shall ensure that AI systems are not used for scoring. Other text.")
    assert (reading.actor, reading.action) == ("Providers", "ensure that AI systems are not used for scoring")


@pytest.mark.parametrize(
    ("claim", "actor", "action"),
    [
        # a cleft's action is what its 「のは」 takes up, and 「のは」 marks no subject
        ("ロボット法では、利用者に事前に知らせるのは、あくまで努力義務にすぎない。", "", "利用者に事前に知らせる"),
        # … and where the modal stands in what 「のは」 takes up, the party bound is named after it
        ("ロボット法で事前の登録が努力義務とされているのは、運用者だ。", "運用者", "ロボット法で事前の登録が"),
        # counter-example: a subject marked by 「は」, the action the clause before the modal
        ("運用者は、利用者に事前に知らせるよう努めなければならない。", "運用者", "利用者に事前に知らせるよう"),
    ],
)
def test_a_japanese_clefts_action_is_what_its_noha_takes_up(claim: str, actor: str, action: str) -> None:
    reading = READER.read(claim)
    assert (reading.actor, reading.action, reading.modality) == (actor, action, "endeavour")


@pytest.mark.parametrize(
    ("claim", "words"),
    [
        ("Providers shall ensure that AI systems are not used for scoring.", ["not"]),  # what the duty requires
        ("The Act does not apply to systems that are not high-risk.", ["not"]),  # the second one is a condition
        ("The Act applies to systems that are not high-risk.", []),
        ("The duty applies if the provider does not register.", []),
        ("It covers not only providers but deployers.", []),
        ("The Act doesn't only hit vendors: deployers must act too.", []),  # a contraction widens as "not" does
        ("The Act does not merely bind vendors.", []),
        ("The Act doesn't bind vendors.", ["n't"]),  # the counter-example: a denial of what follows
        ("Deployers need not notify anyone.", ["not"]),
        ("事業者は、同意を得ない場合、提供してはならない。", []),  # 「ない場合」 is a condition; the ban is a modality
        ("届出は不要である。", ["不要"]),
        # 「ない」 before the noun it describes, taken up by a particle, says which parties: not the claim's own
        ("ロボット法では、指導に従わない悪質な運用者に対し、罰金が科される。", []),
        ("登録しない運用者の名前が公表される。", []),
        # counter-examples: the noun it describes is the predicate, or the negation ends the sentence
        ("ロボット法は罰則のない法律だ。", ["ない"]),
        ("ロボット法は罰則のない法律で、運用者の自主的な取組を促す。", ["ない"]),
        ("登録しない運用者は罰せられない。", ["ない"]),
        # 「にすぎない」 ("is merely") and 「かもしれない」 ("may be") deny nothing
        ("ロボットの登録は努力義務にすぎない。", []),
        ("ロボットの登録は努力義務に過ぎない。", []),
        ("ロボット法は改正されるかもしれない。", []),
        ("ロボットの登録は義務ではない。", ["ない"]),  # counter-example: a denial
        # a relative clause with its own verb right after its pronoun ends before the main clause's negation
        ("A broadcaster using a device that tracks smiles is not doing emotion recognition.", ["not"]),
        ("Operators that process data for research do not need consent.", ["not"]),
        ("A provider who places a model on the market cannot rely on the exemption.", ["cannot"]),
        # counter-examples: the negation is the relative clause's own (its verb after the negation, or its subject
        # an article or a pronoun)
        ("The Act applies to systems that do not need a conformity assessment.", []),
        ("The duty covers a device that the provider does not control.", []),
        ("The rule covers data which they have not collected.", []),
    ],
)
def test_negation_is_the_claims_own_not_a_conditions(claim: str, words: list[str]) -> None:
    """A negation inside a condition or a relative clause is not the claim's; one inside a content clause of a
    duty ("ensure that … not") is."""
    assert negation_words(claim) == words


def test_scope_words_in_order() -> None:
    """Universal and restrictive words, as written, in order."""
    assert READER.read("All providers, and only providers, must register.").scope == (
        ("all", "universal"),
        ("only", "restrictive"),
    )
    assert READER.read("全ての事業者のみが対象である。").scope == (("全て", "universal"), ("のみ", "restrictive"))


def test_every_before_a_period_is_how_often_not_of_whom() -> None:
    """ "every three years" says how often; "every provider" claims a rule of all providers (the counter-example)."""
    assert READER.read("The government must issue a plan every three years.").scope == ()
    assert READER.read("The government must review plans every other year.").scope == ()
    assert READER.read("Every provider must issue a plan.").scope == (("every", "universal"),)


def test_at_all_strengthens_a_negation_and_claims_no_scope() -> None:
    """ "isn't emotion recognition at all" and "at all times" say nothing of whom a rule covers; "all" after "that"
    does (the counter-examples)."""
    assert READER.read("Tracking a driver's fatigue isn't emotion recognition at all.").scope == ()
    assert READER.read("Providers must keep the logs at all times.").scope == ()
    assert READER.read("The Act says that all providers must register.").scope == (("all", "universal"),)
    assert READER.read("Not all providers must register, and none at all in some cases.").scope[0] == (
        "all",
        "universal",
    )


def test_not_only_widens_rather_than_restricts() -> None:
    """ "not just among themselves but with governments" says more than one case; "only" and "just" alone
    restrict (the counter-example)."""
    assert READER.read("Developers must share incidents not just among themselves but with governments.").scope == ()
    assert READER.read("Developers must share incidents only among themselves.").scope == (("only", "restrictive"),)
    assert READER.read("The AI Act doesn't only hit vendors. Deployers must train staff.").scope == ()
    assert READER.read("The AI Act doesn’t just bind vendors.").scope == ()


def test_alone_after_a_name_restricts_as_only_does() -> None:
    """ "issued by the Robot Office alone" claims no other issuer; "stand-alone" and "not alone" restrict nothing."""
    assert READER.read("The rules were issued by the Robot Office alone.").scope == (("alone", "restrictive"),)
    assert READER.read("The code is a stand-alone guidance for robot makers.").scope == ()
    assert READER.read("The Robot Office is not alone in enforcing the rules.").scope == ()


def test_as_far_as_possible_is_no_restriction() -> None:
    """「できるだけ」 ("as far as possible") limits nothing; 「だけ」 after a noun ("only large firms") does."""
    assert READER.read("利用目的をできるだけ特定しなければならない。").scope == ()
    assert READER.read("大企業だけが報告しなければならない。").scope == (("だけ", "restrictive"),)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a maximum fine of €7,500,000 or 1.5% of turnover", [("amount", 7.5e6, "EUR"), ("percent", 1.5, "%")]),
        ("fines of up to EUR 7 500 000 or up to 1 % of turnover", [("amount", 7.5e6, "EUR"), ("percent", 1.0, "%")]),
        ("a fine of EUR 15 million", [("amount", 1.5e7, "EUR")]),
        ("罰金は20,000,000ユーロ以下または4%以下", [("amount", 2e7, "EUR"), ("percent", 4.0, "%")]),
        # periods in units that convert exactly are counted in one of them: hours and weeks in days, months in years
        (
            "within 10 days, or two days, for six months",
            [("period", 10, "day"), ("period", 2, "day"), ("period", 0.5, "year")],
        ),
        ("3か月以内に、十年間保存", [("period", 0.25, "year"), ("period", 10, "year")]),
        # hours in Japanese and Korean, as in English; a word for time with no number is no period
        ("72時間以内に報告し、72시간 이내", [("period", 3, "day"), ("period", 3, "day")]),
        ("長時間の学習", []),
        (
            "within seventy-two hours, two weeks or 24 months",
            [("period", 3, "day"), ("period", 14, "day"), ("period", 2, "year")],
        ),
        # a law counts a period by its last day: "the twentieth day following" is 20 days; not "the first day of
        # the month following", nor an ordinal of no period ("the third report")
        (
            "in force on the twentieth day following publication; applies from the 90th day after; the sixty-first"
            " day from notice",
            [("period", 20, "day"), ("period", 90, "day"), ("period", 61, "day")],
        ),
        ("on the first day of the month following; the third report after review", []),
        # one unit of time written with the article; not a frequency
        ("the developer has a month to notify, or a full week", [("period", 1 / 12, "year"), ("period", 7, "day")]),
        ("reports at least once a year, staffed 24 hours a day", [("period", 1, "day")]),
        # numbers as news writes them: tens spelled out, abbreviated scales beside a currency (alone, "35m" may be
        # metres), and Japanese amounts written with their units
        (
            "seventy days, eighty percent, thirty-five million euros",
            [("period", 70, "day"), ("percent", 80, "%"), ("amount", 3.5e7, "EUR")],
        ),
        (
            "fines of €35m, $1.5bn or 15 mn euros; a 35m mast",
            [("amount", 3.5e7, "EUR"), ("amount", 1.5e9, "USD"), ("amount", 1.5e7, "EUR")],
        ),
        (
            "罰金は3千万円、1億5000万円または1億円以下",
            [("amount", 3e7, "JPY"), ("amount", 1.5e8, "JPY"), ("amount", 1e8, "JPY")],
        ),
        # a currency as Japanese writes it (the won in katakana)
        ("過料の上限は3000万ウォン", [("amount", 3e7, "KRW")]),
        # units after a unit (「1億5千万」), and a Korean amount's units in hangul; not an article's number (제3조)
        ("罰金は1億5千万円以下", [("amount", 1.5e8, "JPY")]),
        ("3천만원 이하의 과태료, 1억5천만원 이하의 벌금", [("amount", 3e7, "KRW"), ("amount", 1.5e8, "KRW")]),
        ("제3조제1항에 따라 3년 이하의 징역", [("period", 3, "year")]),
        # a share written as a fraction is a percentage ("greater than a third of the training compute"); not "a
        # third party"
        (
            "more than a third of the compute, one-tenth of the members",
            [("percent", 100 / 3, "%"), ("percent", 10, "%")],
        ),
        ("a third party may ask", []),
        # a bare "half of" is a share too; not a half of a year
        ("more than half of the original compute", [("percent", 50, "%")]),
        ("in the second half of 2025, on behalf of the provider", []),
        # a law's bare 月 after a number, before を超えない/以内, is a period (「起算して三月を超えない」); not a date
        ("公布の日から起算して三月を超えない範囲内", [("period", 0.25, "year")]),
        ("三月一日から施行し、2024年3月以内に報告する", []),
        ("The framework has 6 core functions.", [("count", 6, "core functions")]),
        ("11の主要分野がある", [("count", 11, "主要分野")]),
        # a Japanese counter after the number; not an ordinal, nor 人 opening a word (①人間 reads 1人間)
        ("委員八人をもって組織し、年4回開く", [("count", 8, "人"), ("count", 4, "回")]),
        ("第3回会合で①人間の尊厳を論じた", []),
        # a counted noun after the words that qualify it; not after a phrase of its own ("of the …")
        (
            "establish at least four new National AI Research Institutes",
            [("count", 4, "new national ai research institutes")],
        ),
        ("they are generally two of the more important factors", []),
        # a counted noun ends in a plural: a word ending in "s" that is none ("as", "its") ends nothing
        (
            "up to 60 members, with one chair and as many as three vice-chairs",
            [("count", 60, "members"), ("count", 3, "vice-chairs")],
        ),
        ("two seats and its three alternates", [("count", 2, "seats"), ("count", 3, "alternates")]),
        # a threshold in a unit of measure, however spelled, is a measure in that unit, not a count
        (
            "networking of over 100 Gbit/s, or 400 gigabits per second, on an 80GB card",
            [("measure", 100, "Gbit/s"), ("measure", 400, "Gbit/s"), ("measure", 80, "GB")],
        ),
        # provision and law numbers and years are no figures, nor a number before a verb ending in "s"
        ("Article 99 of Regulation 2024/1689 and Act No. 53 of 2025 apply.", []),
        ("EO 14179 was signed in January 2025.", []),
        ("Of these, 20 is the cap.", []),
        # a section's number counts nothing ("Appendix 1.4 Specified systemic risks"), nor does a decimal; what
        # follows a provision's number may still count
        ("Appendix 1.4 Specified systemic risks Based on the types of risks", []),
        ("Measure 9.3 Reporting timelines and Part 2 Core functions", []),
        ("Part 2 comprises four functions.", [("count", 4, "functions")]),
        ("Article 5 prohibits eight practices.", [("count", 8, "practices")]),
        ("The chapter names 4 systemic risks.", [("count", 4, "systemic risks")]),
    ],
)
def test_figures_keep_kind_value_and_unit(text: str, expected: list[tuple[str, float, str]]) -> None:
    """Amounts in any format compare by value and currency; percentages, periods (word numbers, kanji) and
    counts keep their unit; provision numbers are not figures."""
    assert [(f.kind, f.value, f.unit) for f in figures_in(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The Act was signed into law on June 8, 2021.", [(2021, 6, 8, "enactment")]),
        (
            "It shall enter into force on 1 August 2024 and apply from 2 August 2026.",
            [(2024, 8, 1, "entry_into_force"), (2026, 8, 2, "application")],
        ),
        ("It took effect the day it was promulgated in January 2025.", [(2025, 1, None, "enactment")]),
        ("Each Member State must set up a sandbox by August 2, 2026.", [(2026, 8, 2, "deadline")]),
        ("令和7年9月12日、第1回会合が開催された。", [(2025, 9, 12, "meeting")]),
        # a signature is an enactment in Japanese and Korean as in English
        ("大統領令14110は2023年10月30日に署名された。", [(2023, 10, 30, "enactment")]),
        ("2024년 12월 26일 서명되었다.", [(2024, 12, 26, "enactment")]),
        ("2027年8月2日までに対応する。", [(2027, 8, 2, "deadline")]),
        ("EUのAI法は2024年8月1日に発効した。", [(2024, 8, 1, "entry_into_force")]),
        ("Executive Order 14110 was revoked in January 2025.", [(2025, 1, None, "revocation")]),
        # news's "scrapped" is a revocation
        ("Trump scrapped the robot order on 20 January 2025.", [(2025, 1, 20, "revocation")]),
        ("The report for 2023 shows growth.", [(2023, None, None, "")]),
        # a full stop inside an address ends no clause, and a document number's digit is no day
        (
            "This publication is available from: https://doi.org/10.1/XY.AB.600-1 July 2024",
            [(2024, 7, None, "publication")],
        ),
        ("Published by the Agency. July 2024", [(2024, 7, None, "")]),
        # an event denied dates nothing: the opinion of March was not yet published, the decision is undated
        (
            "Position of 13 March 2024 (not yet published in the Official Journal) and decision of 21 May 2024.",
            [(2024, 3, 13, ""), (2024, 5, 21, "")],
        ),
        ("The Position of 13 March 2024 was published in the Official Journal.", [(2024, 3, 13, "publication")]),
        # news publishes as a plan "came out" or "rolled out"; counter-example: a party that "came out" against it
        ("The robot plan came out in July 2025.", [(2025, 7, None, "publication")]),
        ("The ministry rolled out its robot register in May 2024.", [(2024, 5, None, "publication")]),
        ("In 2024, ten members came out against the robot plan.", [(2024, None, None, "")]),
        # a law's number dates its promulgation
        ("Act on Robots Act No. 53 of June 4, 2025", [(2025, 6, 4, "enactment")]),
        ("ADDENDA <Act No. 20676, Jan. 21, 2025> Article 1 (Enforcement date)", [(2025, 1, 21, "enactment")]),
        # … whatever event word stands near it; the date after the event word is that event's
        (
            "ADDENDUM <Act No. 21311, Jan. 20, 2026> This Act shall enter into force on January 22, 2026.",
            [(2026, 1, 20, "enactment"), (2026, 1, 22, "entry_into_force")],
        ),
        # what a purpose clause aims at is no event the date dates: the body must be ready, the authority set up
        (
            "Codes of practice should be ready by 2 May 2025 in view of enabling providers to demonstrate compliance.",
            [(2025, 5, 2, "deadline")],
        ),
        (
            "Member States shall designate the authorities by 2 August 2025 in order to ensure the application of"
            " this Regulation.",
            [(2025, 8, 2, "deadline")],
        ),
        # … while the event of the purpose's own clause is still its date's
        (
            "Providers shall take the necessary steps in order to comply with the obligations by 2 August 2027.",
            [(2027, 8, 2, "application")],
        ),
        ("Penalties apply from 2 August 2025 so as to deter infringements.", [(2025, 8, 2, "application")]),
        # a rule's start with no event word; an event word far along a long clause dates something else
        ("(1) ON AND AFTER FEBRUARY 1, 2026, A DEPLOYER SHALL USE REASONABLE CARE.", [(2026, 2, 1, "application")]),
        ("From 2 August 2026, the authority can fine robot operators.", [(2026, 8, 2, "application")]),
        # counter-examples: "from" inside a clause, of a source or a range
        ("Data from 2019 shows that robots were inspected.", [(2019, None, None, "")]),
        ("Fines range from 2 to 3 per cent.", []),
        (
            "IN ANY ACTION BROUGHT BEFORE THE COURT IN 2026 THERE IS A PRESUMPTION THAT THE DEPLOYER USED REASONABLE"
            " CARE IF THE DEPLOYER COMPLIED WITH THIS SECTION AND ANY ADDITIONAL REQUIREMENTS SET FORTH IN RULES"
            " PROMULGATED BY THE ATTORNEY GENERAL.",
            [(2026, None, None, "")],
        ),
    ],
)
def test_dates_carry_the_event_they_date(text: str, expected: list[tuple[int, int | None, int | None, str]]) -> None:
    """A date's event is the nearest event word in its clause; "by …"/「までに」 without one is a deadline."""
    assert [(d.year, d.month, d.day, d.event) for d in dates_in(text)] == expected


def test_a_duty_held_since_an_event_is_dated_from_it() -> None:
    """ "have had to … since the law was signed in May 2024": the date dates the signing and the duty's start;
    without a duty, or without "since", it dates the signing only."""
    duty = READER.read("Deployers have had to use reasonable care since the law was signed in May 2024.")
    assert [(d.text, d.event) for d in duty.dates] == [("May 2024", "enactment"), ("May 2024", "application")]
    told = READER.read("The law was signed in May 2024 and has been discussed since.")
    assert [d.event for d in told.dates] == ["enactment"]
    signed = READER.read("Deployers must use reasonable care; the law was signed in May 2024.")
    assert [d.event for d in signed.dates] == ["enactment"]


def test_a_description_overlapping_an_alias_of_its_own_texts_gives_way_to_it() -> None:
    """ "Ruritania's AI Guidelines for Business": the description ("Ruritania's AI guidelines", which would also
    name the listed v2) and the alias overlap; the alias names the text, the jurisdiction word joins its words.
    A description of another jurisdiction's texts keeps its own reading (the test above: "Japan's AI Act")."""
    (named,) = READER.read("Ruritania's AI Guidelines for Business say so.").texts
    assert (named.by, named.doc_ids, named.reference_ids) == ("alias", ("ru-guide",), ())
    assert named.words == "ruritania's ai guidelines for business"


def test_a_verb_ends_a_description() -> None:
    """ "RU RMF is a voluntary framework": the description ends at the verb, so what the claim says of the text
    ("a voluntary framework") is not taken for its name, and stays the claim's to compare."""
    rmf = _doc("ru-rmf", "Robot Risk Management Framework", "RU", "framework", aliases=("RU RMF",))
    reader = ClaimReader(Manifest(documents=(rmf,), references=(), jurisdiction_words={"RU": ("Ruritania", "RU")}))
    (named,) = reader.read("RU RMF is a voluntary framework.").texts
    assert (named.words, named.by, named.doc_ids) == ("ru rmf", "alias", ("ru-rmf",))
    (described,) = reader.read("Ruritania's risk management framework is voluntary.").texts
    assert described.by == "description" and described.doc_ids == ("ru-rmf",)


# The description pattern as first written: the words between jurisdiction and generic name read by plain
# backtracking. Its first match is the reference; it splits a run of letters every possible way when none fits.
_PLAIN_BETWEEN = rf"(?:{claim_reading._NOT_VERB}{claim_reading._WORD}+\s*){{0,6}}?"


def _plain_description(reader: ClaimReader) -> re.Pattern[str]:
    pattern = reader._description.pattern
    between = pattern.index("(?P<between>") + len("(?P<between>")
    end = pattern.index(")(?P<generic>")
    return re.compile(pattern[:between] + _PLAIN_BETWEEN + pattern[end:], re.I)


DESCRIBED = st.lists(
    st.sampled_from(
        [
            "Ruritania",
            "ruritanian",
            "ルリタニア",
            "xanadu",
            "'s",
            "’s",
            "s'",
            " ",
            "  ",
            "の",
            "의",
            "ai",
            "new",
            "-",
            "(",
            ")",
            "is",
            "sets",
            "law",
            "laws",
            "acts",
            "rules",
            "guidelines",
            "code of practice",
            "framework",
            "法",
            "法律",
            "規制",
            "법",
            "ガイドライン",
            "原則",
            "生成",
            "サービス",
            "では",
            "2025年",
            ",",
            ".",
            "を",
            "x",
        ]
    ),
    max_size=9,
).map("".join)


@settings(database=None, max_examples=400, deadline=None)
@given(claim=DESCRIBED)
def test_descriptions_are_read_as_plain_backtracking_reads_them(claim: str) -> None:
    """The description pattern finds the same spans, jurisdiction, words between and generic name as the plain
    pattern it replaces (which backtracks through every split of a run of letters), cut words included."""
    folded = fold(claim)
    expected = [(m.span(), m.groupdict()) for m in _plain_description(READER).finditer(folded)]
    assert [(m.span(), m.groupdict()) for m in READER._description.finditer(folded)] == expected


@pytest.mark.parametrize(
    ("claim", "between", "generic"),
    [
        # no whole word is a generic name: the last word cut first, and from its right end
        ("ルリタニアのa法b c法d.", "のa法b c", "法"),  # "の" is read as a word: the first binder is empty
        ("ルリタニアのai法律規制サービス.", "のai法律", "規制"),
        # a whole word is, further on: it comes before any cut word
        ("Ruritania's ai-law new rules", "ai-law new ", "rules"),
        ("ルリタニアのai法律 guidelines", "のai法律 ", "guidelines"),
    ],
)
def test_the_words_between_end_where_plain_backtracking_ends_them(claim: str, between: str, generic: str) -> None:
    """Where several generic names could end a description, the one plain backtracking reaches first is taken."""
    folded = fold(claim)
    (plain,) = _plain_description(READER).finditer(folded)
    (found,) = READER._description.finditer(folded)
    assert (found.group("between"), found.group("generic")) == (between, generic)
    assert found.groupdict() == plain.groupdict() and found.span() == plain.span()


def test_a_long_sentence_without_spaces_is_read_at_once() -> None:
    """A Japanese claim runs on with no space after the jurisdiction word: its words are not split every possible
    way looking for a generic name (the plain pattern took seconds on 60 characters), and a name at its end is
    still found."""
    # (no は, が or を: a topic, subject or object particle would end the description before the name)
    run = "で二〇二五年十二月時点で六百十一件の生成ＡＩサービスの登録も完了しておりその数も増え続けている見込みである"
    started = time.perf_counter()
    assert READER.read(f"ルリタニア{run}。").texts == ()
    (named,) = READER.read(f"ルリタニア{run}法").texts
    assert time.perf_counter() - started < 0.5
    assert named.by == "description" and "ru-ai-en" in named.doc_ids


def test_a_manifest_naming_no_jurisdiction_reads_claims_without_descriptions() -> None:
    """With no jurisdiction words there is no description to read: a claim ending in a generic name
    ("… is a binding norm", 「…規範である」) is read, not failed on."""
    reader = ClaimReader(Manifest((Document("rrf", "Robot Risk Framework", "RRF"),), (), {}))
    for claim in ("RRFは法的拘束力のある規範である。", "The RRF is a binding law."):
        reading = reader.read(claim)
        assert [n.by for n in reading.texts] == ["alias"]


OPS = "floating-point operations"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a power of ten of training compute, however printed: caret, superscript (NFKC "1026"), e-notation, a
        # number word with its scale, and a PDF's lost superscript after or before its unit
        ("training compute above 10^26 FLOPs", [("count", 1e26, OPS)]),
        ("more than 10²⁵ FLOPs", [("count", 1e25, OPS)]),
        ("about 1e24 FLOP", [("count", 1e24, OPS)]),
        ("at least 100 septillion floating-point operations", [("count", 1e26, OPS)]),
        ("greater than 10 26 integer or floating-point operations", [("count", 1e26, OPS)]),
        ("measured in floating point operations is greater than 10 25.", [("count", 1e25, OPS)]),
        # a power of ten written as one counts operations however named
        ("models using more than 10^24 operations", [("count", 1e24, OPS)]),
        ("1e26 computational operations", [("count", 1e26, OPS)]),
        # counter-examples: numbers that are not a power of ten of operations
        ("1023 operations were logged", [("count", 1023, "operations")]),
        ("10 servers ran 25 floating point operations", [("count", 10, "servers"), ("count", 25, OPS)]),
        ("a fine of EUR 10 250 000", [("amount", 10_250_000, "EUR")]),
        ("10 25-year-old engineers", [("period", 25, "year")]),
    ],
)
def test_training_compute_is_a_power_of_ten_of_operations(text: str, expected: list[tuple[str, float, str]]) -> None:
    """ "10^25 FLOPs" and the "10 25" a PDF prints for 10²⁵ are one figure, compared by value."""
    assert [(f.kind, f.value, f.unit) for f in figures_in(text)] == expected


@pytest.mark.parametrize(
    ("text", "event"),
    [
        # the date after an order's number is the order's own (its making), whatever event word stands near
        (
            "The following orders are hereby revoked: (a) Executive Order 13985 of January 20, 2021 (Equity).",
            "enactment",
        ),
        ("Decree 12 of 3 May 2020 is repealed.", "enactment"),
        # counter-example: a date the revocation itself is given
        ("Executive Order 13985 was revoked on January 20, 2025.", "revocation"),
    ],
)
def test_a_date_after_an_orders_number_dates_the_order(text: str, event: str) -> None:
    assert [d.event for d in dates_in(text)] == [event]


@pytest.mark.parametrize(
    ("text", "event"),
    [
        # news says a rule "kicks in" when it starts to work: its application or its entry into force, one event
        # that either dates (`DateMention.dates_as`)
        ("The ban on prohibited practices kicked in on 2 February 2025.", "effect"),
        ("The transparency rules kick in from 2 August 2026.", "effect"),
        # counter-examples: the act's entry into force and its application are events of their own
        ("The act entered into force on 1 August 2024.", "entry_into_force"),
        ("The transparency rules apply from 2 August 2026.", "application"),
    ],
)
def test_a_rule_that_kicks_in_starts_either_way(text: str, event: str) -> None:
    assert [d.event for d in dates_in(text)] == [event]


@pytest.mark.parametrize(
    ("text", "event"),
    [
        # a date before the kind of text names the text by when it was made
        ("Biden's 2023 AI executive order told the agency to report.", "title"),
        ("Ruritania's January 2025 AI order sets a policy.", "title"),
        ("The EU's 2019 Ethics Guidelines are voluntary.", "title"),
        ("the 2024 resolution adopted in March", "title"),
        ("2019年の倫理ガイドラインは拘束力がない。", "title"),
        ("「人工知能促進法」（2025年）は罰則を定めていない。", "title"),
        # counter-examples: a date an event is given, and a date before a text that is not its premodifier
        ("In January 2025 the Act entered into force.", "entry_into_force"),
        ("The Act was adopted in 2024.", "enactment"),
        ("2025年の法改正で罰則が加わった。", "amendment"),
        ("Its 2023 guidance is long.", ""),
    ],
)
def test_a_date_naming_a_text_dates_the_text(text: str, event: str) -> None:
    assert [d.event for d in dates_in(text)] == [event]


@pytest.mark.parametrize(
    ("claim", "docs"),
    [
        # the kind of text and its year (and month) name one text without a jurisdiction word
        ("The 2024 AI regulation bans social scoring.", {"xx-ai"}),
        ("Xanadu's leader said the June 2024 AI regulation has no fines.", {"xx-ai"}),
        ("2020年の個人情報法は従業員にも及ぶ。", {"ru-privacy"}),
    ],
)
def test_a_text_is_named_by_its_date_and_kind(claim: str, docs: set[str]) -> None:
    (named,) = READER.read(claim).texts
    assert (named.by, set(named.doc_ids), named.one_text) == ("description", docs, True)


@pytest.mark.parametrize(
    "claim",
    [
        "The 2025 law bans chatbots.",  # two laws of 2025 would both fit: the year alone names neither
        "The 2023 privacy act covers chatbots.",  # no text of that kind was made that year
        "In 2024 the regulation was adopted.",  # the year dates an event, not the text's name
    ],
)
def test_a_date_and_kind_naming_no_single_text_names_nothing(claim: str) -> None:
    reader = ClaimReader(
        replace(
            MANIFEST,
            documents=(*MANIFEST.documents, _doc("ru-other", "Act on Robots", "RU", "statute", date="2025-02-01")),
        )
    )
    assert reader.read(claim).texts == ()


def test_a_text_named_by_description_routes_the_search_as_its_alias_would() -> None:
    """A claim naming one held text by description points the search at it (revoked texts included, as an
    alias would); a route by alias stands, and a description of several texts routes nothing."""
    by_jurisdiction = Route(("ru-ai-en", "ru-ai-ja", "ru-privacy", "ru-guide"), "jurisdiction", ("RU",))
    one = READER.read("Ruritania's personal information law covers employers.")
    assert described_route(by_jurisdiction, one) == Route(
        ("ru-privacy",), "alias", ("ruritania's personal information law",), ("ru-privacy",)
    )
    # counter-examples: an alias already routes; an ambiguous description keeps the jurisdiction's route
    by_alias = Route(("xx-ai",), "alias", ("AI Act",), ("xx-ai",))
    assert described_route(by_alias, one) == by_alias
    several = READER.read("Ruritania's privacy law covers employers.")
    assert described_route(by_jurisdiction, several) == by_jurisdiction


@pytest.mark.parametrize(
    ("text", "bans"),
    [
        ("The order banned the public release of model weights.", True),
        ("The state outlawed deepfakes of candidates.", True),
        # counter-examples: "banned" as an adjective after "on", "of" or an article names no ban of the claim's
        ("The guidelines on banned AI practices treat scraping as a concern.", False),
        ("The list of banned practices was published.", False),
        ("Providers engaging in prohibited practices may be fined.", False),
        ("Scoring of citizens is prohibited.", True),
        # "ban on" is the noun: what the sentence says of the ban is its own verb's ("applies from …")
        ("The order bans the public release of model weights.", True),
        ("The Act's ban on social scoring applies from 2 February 2025.", False),
        ("The bans on social scoring apply from 2 February 2025.", False),
    ],
)
def test_a_ban_reported_in_the_past_tense_is_a_ban(text: str, bans: bool) -> None:
    assert duty_of(text)[2] is bans


@pytest.mark.parametrize(
    ("text", "modality"),
    [
        # 「必要があると認めるときは」 (when it finds it necessary) conditions what follows; 「必要があること」 is a
        # noun clause; 「…べきことを命ずる」, 「…べき旨を勧告する」 name what is ordered: the force is the verb's after
        ("委員会は、必要があると認めるときは、事業者に対し、勧告をすることができる。", "may"),
        ("委員会は、確保を図る必要があることその他の事情があるため、権限を委任することができる。", "may"),
        ("委員会は、事業者に対し、措置をとるべきことを命ずることができる。", "may"),
        ("委員会は、事業者に対し、措置をとるべき旨を勧告することができる。", "may"),
        # counter-examples: the same words as the sentence's own force
        ("事業者は、安全管理のために必要かつ適切な措置を講ずる必要がある。", "must"),
        ("事業者は、利用目的をできる限り特定すべきである。", "should"),
        # leave to choose is no duty at all; "may" alone is leave
        ("Providers may choose whether to keep the logs.", "may"),
        ("Providers may keep the logs.", "may"),
    ],
)
def test_a_japanese_condition_or_noun_clause_gives_no_force(text: str, modality: str) -> None:
    assert duty_of(text)[1] == modality


@pytest.mark.parametrize(
    ("words", "none"),
    [("may choose whether", True), ("are free to", True), ("voluntary", True), ("may", False), ("can", False)],
)
def test_leave_to_choose_says_no_duty_exists(words: str, none: bool) -> None:
    assert no_duty(words) is none


@pytest.mark.parametrize(
    ("claim", "event"),
    [
        # a body's act, as news reports it, dates the act
        ("The AI Office opened formal proceedings in 2026.", "action"),
        ("本部は2025年12月、登録制度を創設した。", "action"),
        ("The AI Office started an inquiry in February 2025.", "action"),
        ("Robot makers were fined in August 2025.", "action"),
        # counter-examples: a duty to act by a date is a deadline; a law's text is not read for acts; a rule that
        # "started applying" or is "coming into force" dates its application or entry into force (the verb's -ing)
        ("Each Member State must set up a sandbox by August 2, 2026.", "deadline"),
        ("The ban on robot scoring started applying in February 2025.", "application"),
        ("The robot act, coming into force in April 2026, has no fines.", "entry_into_force"),
        # … and a passive after a modal says what may be done, no act done ("could already be fined")
        ("Robot makers could already be fined in August 2025.", ""),
    ],
)
def test_a_claim_dates_a_bodys_act(claim: str, event: str) -> None:
    assert [d.event for d in READER.read(claim).dates] == [event]
    assert all(d.event != "action" for d in dates_in(claim))  # a sentence of a law is not read for acts


_CHAPTERS = ClaimReader(
    Manifest(
        documents=tuple(
            _doc(
                f"rc-{part.lower()}",
                f"Robot Code — {part} chapter",
                "RU",
                "code_of_practice",
                short_title=f"Robot Code: {part}",
                aliases=("Robot Code",),
                chapter_of="Robot Code",
            )
            for part in ("Transparency", "Copyright")
        ),
        references=(),
        jurisdiction_words={"RU": ("Ruritania",)},
    )
)


@pytest.mark.parametrize(
    ("claim", "doc_ids"),
    [
        ("The Robot Code's transparency chapter asks for documentation kept for ten years.", ("rc-transparency",)),
        ("The chapter on copyright of the Robot Code asks signatories to obey robots.txt.", ("rc-copyright",)),
        # counter-example: the code named alone, with a chapter's name as a topic, is every chapter
        ("The Robot Code asks for transparency about training data.", ("rc-transparency", "rc-copyright")),
    ],
)
def test_a_claim_naming_a_chapter_is_about_that_chapter(claim: str, doc_ids: tuple[str, ...]) -> None:
    """A name a code's chapters share names one chapter in a claim naming it as a chapter."""
    (named,) = _CHAPTERS.read(claim).texts
    assert named.doc_ids == doc_ids
    assert named.one_text == (len(doc_ids) == 1)


@pytest.mark.parametrize(
    ("claim", "doc_id"),
    [
        # an alias of the description's own jurisdiction inside it names its text, however the description narrows
        (
            "シンガポールのモデルAIガバナンス・フレームワークは2020年に公表された。",
            "sg-model-ai-governance-framework-2nd-ed-2020-en",
        ),
        (
            "シンガポールの生成AIガバナンスフレームワークは2024年に公表された。",
            "sg-model-ai-governance-framework-genai-2024-en",
        ),
        # counter-example: an alias of another jurisdiction's text gives way to the description
        ("Japan's AI Act has no penalties.", "jp-ai-promotion-act-2025-en-jlt"),
    ],
)
def test_an_alias_inside_a_description_of_its_own_jurisdiction_names_its_text(claim: str, doc_id: str) -> None:
    from govqa.corpus.manifest import load_manifest
    from govqa.settings import PROJECT_ROOT

    reader = ClaimReader(load_manifest(PROJECT_ROOT / "corpus" / "sources.toml"))
    (named,) = reader.read(claim).texts
    assert doc_id in named.doc_ids and not any(d.startswith("sg-") and d != doc_id for d in named.doc_ids)
    assert all(d[:2] == doc_id[:2] for d in named.doc_ids)  # (a text's language versions are one text)


@pytest.mark.parametrize(
    ("claim", "words"),
    [
        # a place or seat owning a text named by its date is part of its name, not a word the text must state
        ("The White House's 2025 AI order calls for an AI action plan.", "white house's 2025 ai order"),
        ("Washington's 2023 AI order required red-team testing.", "washington's 2023 ai order"),
        # counter-example: a person's name before the date is no place (the claim's own word)
        ("Biden's 2023 AI executive order required red-team testing.", "2023 ai executive order"),
    ],
)
def test_the_owner_of_a_dated_text_is_part_of_its_name(claim: str, words: str) -> None:
    from govqa.answering.coverage import claim_weights
    from govqa.corpus.manifest import load_manifest
    from govqa.settings import PROJECT_ROOT

    reading = ClaimReader(load_manifest(PROJECT_ROOT / "corpus" / "sources.toml")).read(claim)
    (named,) = reading.texts
    assert named.words == words and named.by == "description"
    assert not {"white", "hous", "washington"} & set(claim_weights(reading, {}))


@pytest.mark.parametrize(
    ("claim", "library", "kept"),
    [
        # a word for the named text's own country that no text uses states nothing: the law says "the country"
        ("The XX AI Act reaches conduct outside Xanadu that affects Xanadu users.", {}, set()),
        ("The Ruritanian AI Promotion Act reaches conduct abroad that affects the Ruritania market.", {}, set()),
        ("AI促進法は、ルリタニア国外の行為にも適用される。", {}, set()),
        # counter-examples: a country word the library uses ("Union") is a word sentences share; another country's
        # word is the claim's own
        ("The XX AI Act applies where the output is used in Xanadu.", {"xanadu": 2.0}, {"xanadu"}),
        ("The XX AI Act reaches conduct that affects Ruritanian users.", {}, {"ruritanian"}),
    ],
)
def test_the_named_texts_own_country_is_no_term(claim: str, library: dict[str, float], kept: set[str]) -> None:
    from govqa.answering.coverage import claim_weights

    reading = READER.read(claim)
    assert reading.texts
    places = {"xanadu", "xanadus", "ruritania", "ruritanian", "ルリ", "リタ", "タニ", "ニア"}
    assert places & set(claim_weights(reading, {"reach": 1.0, **library})) == kept


_GUIDED = ClaimReader(
    Manifest(
        documents=(
            _doc("ru-robot-act", "Robot Act", "RU", "statute", aliases=("Ruritania Robot Act",)),
            _doc("ru-g-safety", "Guidelines on robot safety under the Robot Act", "RU", "guidelines"),
            _doc("ru-g-scope", "Guidelines on the scope of the Robot Act", "RU", "guidelines"),
        ),
        references=(),
        jurisdiction_words={"RU": ("Ruritania",)},
    )
)


@pytest.mark.parametrize(
    ("claim", "doc_ids"),
    [
        # the act's alias run on by the words of the guidelines' kind and topic names the guidelines alone: the
        # description the alias holds ("Ruritania … Act") gives way to the longer name
        ("The Ruritania Robot Act guidelines on safety are not binding.", ("ru-g-safety",)),
        # counter-example: the act named alone is the act
        ("The Ruritania Robot Act bans unsafe robots.", ("ru-robot-act",)),
    ],
)
def test_a_name_run_on_into_another_texts_kind_names_that_text(claim: str, doc_ids: tuple[str, ...]) -> None:
    assert [n.doc_ids for n in _GUIDED.read(claim).texts] == [doc_ids]


@pytest.mark.parametrize(
    ("claim", "named"),
    [
        # a law the named act speaks of, described with a topic no name of the act carries, is the claim's topic
        ("Under the XX AI Act, providers must comply with Xanadu copyright law.", [("alias", ("xx-ai",))]),
        ("The XX AI Act obliges providers to respect Xanadu's data protection law.", [("alias", ("xx-ai",))]),
        # counter-examples: the description alone names the text; a topic its names carry; another text
        ("Xanadu's copyright law requires providers to keep logs.", [("description", ("xx-ai",))]),
        ("The XX AI Act and Xanadu's AI law require logs.", [("alias", ("xx-ai",)), ("description", ("xx-ai",))]),
        (
            "Under the Ruritanian AI Promotion Act, businesses must follow Ruritania's privacy law.",
            [("alias", ("ru-ai-en",)), ("description", ("ru-ai-en", "ru-ai-ja", "ru-privacy"))],
        ),
    ],
)
def test_another_law_a_named_text_speaks_of_is_no_name_of_it(
    claim: str, named: list[tuple[str, tuple[str, ...]]]
) -> None:
    assert [(t.by, t.doc_ids) for t in READER.read(claim).texts] == named


@pytest.mark.parametrize(
    ("claim", "doc_ids"),
    [
        # a Japanese date after の ("…大統領の2023年のAI大統領令") names the text made then, as the English does
        (
            "バイデン大統領の2023年のAI大統領令は、安全性試験の結果の共有を求めた。",
            ("us-eo-14110-2023-federal-register",),
        ),
        ("Biden's 2023 AI executive order required red-team testing.", ("us-eo-14110-2023-federal-register",)),
        # counter-example: a year glued to Latin letters or digits is no date of a text ("AI2023年")
        ("AI2023年のAI大統領令は、安全性試験の結果の共有を求めた。", ()),
    ],
)
def test_a_japanese_date_after_no_names_a_dated_text(claim: str, doc_ids: tuple[str, ...]) -> None:
    from govqa.corpus.manifest import load_manifest
    from govqa.settings import PROJECT_ROOT

    reading = ClaimReader(load_manifest(PROJECT_ROOT / "corpus" / "sources.toml")).read(claim)
    assert reading.doc_ids == doc_ids


_FRAMEWORKS = ClaimReader(
    Manifest(
        documents=(
            _doc("ru-fw", "Robot Risk Framework", "RU", "framework", date="2023-01-26"),
            _doc("ru-profile", "Robot Risk Framework: Drone Profile", "RU", "framework", date="2024-07-26"),
        ),
        references=(),
        jurisdiction_words={"RU": ("Ruritania", "Ruritanian")},
    )
)


@pytest.mark.parametrize(
    ("claim", "doc_ids"),
    [
        # a name both texts carry, dated by the claim as one of them is: that one
        ("Ruritania's robot framework, released in January 2023, is voluntary.", ("ru-fw",)),
        ("Ruritania's robot framework was published in July 2024.", ("ru-profile",)),
        # counter-examples: a date neither has; no date of its own making (when it applies is another event)
        ("Ruritania's robot framework was released in 2021.", ("ru-fw", "ru-profile")),
        ("Ruritania's robot framework applies from January 2023.", ("ru-fw", "ru-profile")),
    ],
)
def test_a_name_two_texts_share_is_the_one_the_claim_dates(claim: str, doc_ids: tuple[str, ...]) -> None:
    assert _FRAMEWORKS.read(claim).doc_ids == doc_ids


def test_a_description_around_an_alias_shared_by_several_texts_names_them_all_alike() -> None:
    """ "Ruritania's robot code" around the alias "robot code", which two chapters share: one name for both, not the
    first chapter under the description's words and the other under the bare alias."""
    chapters = tuple(
        Document(
            f"rc-{c}",
            f"Robot Code: {c}",
            f"Robot Code: {c}",
            aliases=("Robot Code",),
            jurisdiction="RU",
            doc_type="code_of_practice",
        )
        for c in ("Safety", "Copyright")
    )
    reader = ClaimReader(Manifest(chapters, (), {"RU": ("Ruritania",)}))
    texts = reader.read("Ruritania's robot code asks signatories to report incidents.").texts
    assert [(t.words, set(t.doc_ids)) for t in texts] == [("ruritania's robot code", {"rc-Safety", "rc-Copyright"})]
    # counter-example: the bare alias is one name for both as well
    assert [set(t.doc_ids) for t in reader.read("The robot code asks signatories to report.").texts] == [
        {"rc-Safety", "rc-Copyright"}
    ]
