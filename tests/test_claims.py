"""Claim verdicts from what a quote states: figures, modality, scope, actor, polarity (fixture quotes)."""

from __future__ import annotations

import unicodedata

import pytest

from govqa.answering.claims import (
    enactment_years,
    from_records,
    record_count,
    record_date,
    record_revocation,
    record_revoker,
    recorded_years,
    weigh_claim,
)
from govqa.answering.findings import CheckContext, render_value
from govqa.answering.quotes import Quote
from govqa.answering.stated_figures import check_claim_figures, missing_figures
from govqa.corpus.manifest import Manifest
from govqa.messages import load_messages
from govqa.records import Chunk, Document, Passage, Verdict
from govqa.search.analysis import QueryAnalysis, analyze
from govqa.search.claim_reading import ClaimReader
from govqa.search.denials import denied_words
from govqa.search.routing import Glossary, Router
from govqa.settings import AnswerSettings
from govqa.text import FIGURE, tokenize

WORDS = (
    "operators robots inspect inspection yearly register registry duty fine fines euro providers deployers "
    "importers label labels output outputs apply applies rule every all companies endeavour must shall"
)
IDF = dict.fromkeys(tokenize(WORDS), 1.0)


def quote(text: str, roles: tuple[str, ...] = ()) -> Quote:
    chunk = Chunk("fixture-act", "Article 7", (), text, 0, len(text), None, None, "en", roles=roles)
    return Quote(Passage(chunk, 1.0), 0, len(text), 1.0)


def judge_claim(claim: str, quotes: list[Quote], idf: dict[str, float]) -> tuple[Verdict | None, str]:
    """The verdict and its reason as the English catalogue words it, weighed as the answerer weighs it."""
    cfg = AnswerSettings.model_validate({})
    judgement = weigh_claim(read(claim), [q.passage for q in quotes], idf, cfg)
    return judgement.verdict, str(render_value(judgement.reason, load_messages("en")))


def test_no_quote_is_not_addressed() -> None:
    """With nothing quoted the claim is not addressed."""
    assert judge_claim("Robot operators must inspect robots yearly.", [], IDF)[0] == "not_addressed"


def test_a_quote_on_another_topic_leaves_the_verdict_open() -> None:
    """A quote sharing too little of the claim decides nothing."""
    verdict, _ = judge_claim("Robot operators must inspect robots yearly.", [quote("The registry is public.")], IDF)
    assert verdict is None


def test_same_terms_same_polarity_support() -> None:
    """A quote stating the claim's duty with the same force and figures supports it."""
    claim = "Robot operators must inspect robots yearly from 2027."
    q = quote("From 1 March 2027, robot operators shall inspect their robots yearly.")
    assert judge_claim(claim, [q], IDF)[0] == "supported"


@pytest.mark.parametrize(
    ("claim", "text"),
    [
        (
            "Robot operators must inspect robots yearly since 2024.",
            "From 1 March 2027, operators shall inspect robots yearly.",
        ),
        (
            "Fines for robot operators reach 5% of turnover.",
            "Fines for robot operators shall not exceed 2% of turnover.",
        ),
        ("Robot operators face fines of EUR 10 million.", "Robot operators face fines of up to EUR 20 000 000."),
    ],
)
def test_a_different_figure_of_the_same_kind_refutes(claim: str, text: str) -> None:
    """A year, percentage or amount in the quote that differs from the claim's refutes it."""
    verdict, reason = judge_claim(claim, [quote(text)], IDF)
    assert verdict == "refuted"
    assert "Article 7" in reason


@pytest.mark.parametrize(
    ("claim", "text"),
    [
        (
            "The Act obliges robot operators to inspect robots yearly.",
            "Robot operators shall endeavour to inspect robots yearly.",
        ),
        ("Robot operators must inspect robots yearly.", "Robot operators are encouraged to inspect robots yearly."),
        ("Inspecting robots yearly is voluntary for operators.", "Robot operators shall inspect robots yearly."),
    ],
)
def test_a_duty_of_other_force_refutes(claim: str, text: str) -> None:
    """A binding claim against an effort or encouragement, or a voluntary claim against a duty, is refuted."""
    assert judge_claim(claim, [quote(text)], IDF)[0] == "refuted"


@pytest.mark.parametrize(
    ("claim", "text", "verdict"),
    [
        # a code's signatories "commit to", a treaty's parties "undertake to", what the text requires of them
        (
            "The robot code requires signatories to designate a contact point.",
            "Signatories commit to designate a contact point.",
            "supported",
        ),
        (
            "The robot treaty requires parties to adopt measures.",
            "The Parties undertake to adopt measures.",
            "supported",
        ),
        (
            "The robot code merely allows signatories to designate a contact point.",
            "Signatories commit to designate a contact point.",
            "refuted",
        ),
        # counter-example: a power to commit is no commitment
        ("The robot code requires providers to commit to a plan.", "The provider may commit to a plan.", "refuted"),
    ],
)
def test_a_commitment_is_the_duty_a_code_or_treaty_sets(claim: str, text: str, verdict: str) -> None:
    assert judge_claim(claim, [quote(text)], IDF)[0] == verdict


def test_a_universal_claim_against_a_narrowed_rule_refutes() -> None:
    """ "Every" against a rule with an exception is refuted; a quote that says "all" itself is not."""
    claim = "Every robot operator must inspect robots yearly."
    narrowed = quote("Robot operators shall inspect robots yearly, except operators of robots used only at home.")
    assert judge_claim(claim, [narrowed], IDF)[0] == "refuted"
    universal = quote("All robot operators other than the registry itself shall inspect robots yearly.")
    assert judge_claim(claim, [universal], IDF)[0] == "supported"


@pytest.mark.parametrize(
    ("claim", "text", "verdict"),
    [
        # a savings clause says the party need not: a claimed duty is refuted, in any case and wording of the clause
        (
            "Robot operators must disclose trade secrets when they register robots.",
            "NOTHING IN THIS SECTION REQUIRES A ROBOT OPERATOR TO DISCLOSE A TRADE SECRET WHEN REGISTERING ROBOTS.",
            "refuted",
        ),
        (
            "Robot operators have to disclose trade secrets when they register robots.",
            "Nothing in this Act shall be construed to require operators to disclose trade secrets when registering.",
            "refuted",
        ),
        # and a claim that they need not is supported by it
        (
            "Robot operators need not disclose trade secrets when they register robots.",
            "Nothing in this section requires a robot operator to disclose a trade secret when registering robots.",
            "supported",
        ),
        # counter-example: the same clause of another action leaves the claimed duty alone
        (
            "Robot operators must disclose trade secrets when they register robots.",
            "Nothing in this section requires a robot operator to keep logs of its fairs.",
            None,
        ),
    ],
)
def test_a_savings_clause_denies_the_duty_it_names(claim: str, text: str, verdict: str | None) -> None:
    """ "Nothing in … requires X to do Y" states that X need not do Y, whatever else the sentence says."""
    assert judge_claim(claim, [quote(text)], IDF)[0] == verdict


@pytest.mark.parametrize(
    ("claim", "text", "verdict"),
    [
        # a writer's leave, 「…することは認められている」 / 「許されている」, against a ban: refuted
        (
            "ロボット法では、運用者は登録前のロボットを販売することが認められている。",
            "運用者は、登録前のロボットを販売してはならない。",
            "refuted",
        ),
        (
            "ロボット法では、運用者は登録前のロボットを販売することも許されている。",
            "運用者は、登録前のロボットを販売してはならない。",
            "refuted",
        ),
        # and against a law's leave (「することができる」): the same force, supported
        (
            "ロボット法では、運用者は登録前のロボットを販売することが認められている。",
            "運用者は、登録前のロボットを販売することができる。",
            "supported",
        ),
        # counter-example: 「認められる」 of a finding (「必要と認められるときは」) gives no leave
        (
            "ロボット法では、委員会は必要と認められるときは運用者に報告を求める。",
            "委員会は、必要と認めるときは、運用者に報告を求めることができる。",
            "supported",
        ),
    ],
)
def test_a_japanese_writer_s_leave_is_a_leave(claim: str, text: str, verdict: str) -> None:
    """News Japanese gives leave as 「…することは認められている」: a ban on the same act refutes it."""
    assert judge_claim(claim, [quote(text)], IDF)[0] == verdict


def test_a_duty_on_another_actor_refutes() -> None:
    """A claim putting a duty on providers, against a provision binding only deployers, is refuted."""
    claim = "Providers must label robot outputs."
    q = quote("Deployers shall label the outputs of robots.", roles=("obligation", "obligation:deployer"))
    verdict, reason = judge_claim(claim, [q], IDF)
    assert verdict == "refuted"
    assert "deployers" in reason.lower()


def test_opposite_polarity_refutes() -> None:
    """A quote stating the claim's terms negated refutes it."""
    claim = "Robot operators must register robots."
    assert judge_claim(claim, [quote("Robot operators need not register robots.")], IDF)[0] == "refuted"


def test_a_quote_stating_less_than_half_of_the_claim_does_not_support_it() -> None:
    """Same polarity is no support when the quote shares only part of the claim's terms: the verdict stays open,
    and says why."""
    claim = "Robot providers must label outputs, pay fines in euro and inspect robots yearly."
    verdict, reason = judge_claim(claim, [quote("Providers shall label their outputs.")], IDF)
    assert verdict is None and "too few" in reason
    most = quote("Robot providers shall label outputs and pay fines in euro.")
    assert judge_claim(claim, [most], IDF)[0] == "supported"


def test_support_rests_on_the_sentence_not_on_its_passage() -> None:
    """A passage whose sentences together state the claim's words does not support it through one list item
    that states a few of them; the sentence that states most of them does."""
    claim = "Robot operators must register robots and inspect them yearly."
    text = "Robot operators shall keep a registry. The duties include: (i) yearly inspection; (ii) labels."
    item = text.index("(i)")
    scattered = Quote(quote(text).passage, item, len(text), 1.0, core_start=item, core_end=item + 21)
    assert judge_claim(claim, [scattered], IDF)[0] is None
    whole = "Robot operators shall register robots and inspect them yearly."
    assert judge_claim(claim, [quote(whole)], IDF)[0] == "supported"


def test_only_restricts_and_does_not_negate() -> None:
    """ "Applies to robots used only at home" is no negative claim: a rule that does not apply to them refutes it,
    one that applies supports it."""
    claim = "The rule applies to robots used only at home."
    assert judge_claim(claim, [quote("This rule does not apply to robots used only at home.")], IDF)[0] == "refuted"
    assert judge_claim(claim, [quote("This rule applies to robots used only at home.")], IDF)[0] == "supported"


def test_missing_figures_ignores_commas_and_spaces() -> None:
    """A figure counts as present whatever its thousands separators."""
    assert missing_figures(FIGURE.findall("a fine of 100,000 yuan in 2025"), "fines up to 100 000 yuan") == ["2025"]


def test_a_figure_is_stated_only_as_a_whole_number() -> None:
    """A figure is stated by the same whole number, not by digits inside a longer one or run together from two
    ("Jan. 21, 2025" holds no 120; "1200 requests" states no 120 of them); the same number with other
    separators, or next to words and signs, is stated."""
    assert missing_figures(["120"], "Act No. 20676, Jan. 21, 2025; within 1200 days; Article 1120") == ["120"]
    assert missing_figures(["120", "7500000"], "120 requests; (120) and EUR 7 500 000.") == []
    assert missing_figures(["2.5"], "a rate of 12.5 per cent") == ["2.5"]


@pytest.mark.parametrize(
    ("claim", "text", "verdict"),
    [
        # a date in a clause of its own dates what the sentence before it says was done: another text's
        # publication refutes nothing, whatever the appositive or the comma before the date
        (
            "The Robot Board published its robot safety report, its second report, on 26 June 2019.",
            "The operators guide was published on 18 December 2018.",
            None,
        ),
        (
            "The Robot Board published its robot safety report, on 26 June 2019.",
            "The operators guide was published on 18 December 2018.",
            None,
        ),
        # counter-example: the same publication dated otherwise is refuted
        (
            "The Robot Board published its robot safety report, its second report, on 26 June 2019.",
            "The Robot Board published its robot safety report on 18 December 2018.",
            "refuted",
        ),
    ],
)
def test_a_date_in_a_clause_of_its_own_dates_the_sentence_before_it(claim: str, text: str, verdict: str | None) -> None:
    """What a date is about is the words of its clause; a clause holding nothing but the date ("…, on 26 June
    2019") dates what the sentence before it says."""
    assert judge_claim(claim, [quote(text)], IDF)[0] == verdict


@pytest.mark.parametrize(
    ("claim", "text", "verdict"),
    [
        # a draft's date is not the text's, nor the reverse
        (
            "The Robot Board released the first public draft of its robot safety report on 29 April 2024.",
            "The Robot Board published its robot safety report in July 2024.",
            None,
        ),
        (
            "The Robot Board published its robot safety report on 29 April 2024.",
            "A first draft of the robot safety report was published on 18 December 2023.",
            None,
        ),
        # counter-examples: a draft's date against a draft's, and a text "drafted by" someone (no draft) against its
        # own publication, are compared
        (
            "The Robot Board released the first public draft of its robot safety report on 29 April 2024.",
            "A first draft of the robot safety report was published on 18 December 2023.",
            "refuted",
        ),
        (
            "The robot safety report, drafted by the Robot Board, was published on 29 April 2024.",
            "The Robot Board published its robot safety report in July 2024.",
            "refuted",
        ),
        # a treaty is adopted, then opened for signature: the one date does not refute the other
        (
            "The Robot Convention was opened for signature on 5 September 2024.",
            "The Robot Convention was adopted on 17 May 2024.",
            None,
        ),
        # counter-examples: the same step dated otherwise
        (
            "The Robot Convention was opened for signature on 5 September 2024.",
            "The Robot Convention was opened for signature on 10 October 2024.",
            "refuted",
        ),
        (
            "The Robot Convention was adopted on 5 September 2024.",
            "The Robot Convention was adopted on 17 May 2024.",
            "refuted",
        ),
    ],
)
def test_a_draft_and_a_treaty_s_opening_for_signature_are_dated_apart(
    claim: str, text: str, verdict: str | None
) -> None:
    """A text is drafted, then published; a treaty adopted, then opened for signature: each date is of its step."""
    assert judge_claim(claim, [quote(text)], IDF)[0] == verdict


def test_a_date_is_compared_with_the_quote_s_date_of_the_same_event() -> None:
    """Laws date entry into force and application apart. A claimed entry-into-force year is not refuted by the
    quote's application date: the quote does not date entry into force, so nothing is settled; the same claimed
    year of application is compared with the application date and refuted."""
    text = (
        "This Act shall enter into force on the twentieth day following its publication. "
        "Robot operators shall register robots and it shall apply from 1 March 2029."
    )
    verdict, reason = judge_claim("The robot registration rule entered into force in 2027.", [quote(text)], IDF)
    assert verdict is None and "too few" in reason
    assert judge_claim("The robot registration rule shall apply from 2027.", [quote(text)], IDF)[0] == "refuted"
    assert judge_claim("The robot registration rule shall apply from 2029.", [quote(text)], IDF)[0] == "supported"


def test_a_claim_of_immediate_effect_against_a_delay_refutes() -> None:
    """ "took effect the day it was promulgated" against "1 year after the date of its promulgation"."""
    claim = "The robot registry rule took effect the day it was promulgated."
    text = "This Act on the robot registry shall enter into force 1 year after the date of its promulgation."
    verdict, reason = judge_claim(claim, [quote(text)], IDF)
    assert verdict == "refuted" and "1 year after" in reason
    at_once = "This Act on the robot registry shall enter into force on the date of its promulgation."
    assert judge_claim(claim, [quote(at_once)], IDF)[0] != "refuted"


def test_a_law_number_is_not_a_negation() -> None:
    """ "Act No. 53" says nothing negative: a quote citing it does not refute by polarity."""
    claim = "Robot operators must register robots in the registry."
    text = "Under the Robot Act (Act No. 53 of 2027), robot operators shall register robots in the registry."
    assert judge_claim(claim, [quote(text)], IDF)[0] == "supported"


def test_the_verdict_names_the_quote_it_rests_on() -> None:
    """The deciding sentence is returned, for the answer to cite first, even when another passage ranks above."""
    claim = "The robot registry rule took effect the day it was promulgated."
    first = quote("The robot registry rule keeps a record of robots and their operators.")
    deciding = quote("The robot registry rule shall enter into force 6 months after its promulgation.")
    judgement = weigh_claim(read(claim), [first.passage, deciding.passage], IDF, AnswerSettings.model_validate({}))
    assert judgement.verdict == "refuted" and judgement.quote is not None
    assert judgement.quote.passage is deciding.passage and "6 months after" in str(judgement.reason.fields)


def test_scope_is_read_in_the_sentence_that_carries_the_claim() -> None:
    """ "bans all X" against a core sentence that bans X only for one purpose ("unless …") is refuted, even when
    the quote's neighbouring sentence says "any" about something else."""
    text = (
        "This rule does not cover any robot kept in a museum. "
        "(h) the use of inspection robots by the police, unless such use is strictly necessary."
    )
    core_start = text.index("(h)")
    chunk = Chunk("fixture-act", "Article 7", (), text, 0, len(text), None, None, "en")
    q = Quote(Passage(chunk, 1.0), 0, len(text), 1.0, core_start, len(text))
    assert judge_claim("The Robot Act bans all inspection robots used by the police.", [q], IDF)[0] == "refuted"


def test_a_negated_condition_is_not_a_negated_rule() -> None:
    """ "… robots for which the operator has concluded that they are not dangerous, shall be registered" states the
    duty; the "not" belongs to the condition. A "shall not" in the main clause still refutes."""
    claim = "Robot operators must register robots in the registry."
    condition = (
        "Robots for which the operator has concluded that they are not dangerous, operators shall register in the "
        "registry."
    )
    assert judge_claim(claim, [quote(condition)], IDF)[0] == "supported"
    rule = "Robot operators shall not register robots in the registry."
    assert judge_claim(claim, [quote(rule)], IDF)[0] == "refuted"


@pytest.mark.parametrize(
    ("sentence", "denied"),
    [
        # the content of a duty: a "that" clause after a verb of duty or statement is the rule itself
        ("Providers shall ensure that AI systems are not used for scoring.", {"used"}),
        ("The Act provides that operators need not register.", {"register"}),
        # an exemption denies as a negation does
        ("Operators are exempted from administrative fines.", {"administrative"}),
        # a negation before an adverb denies the adverb and the word it qualifies; a verb in -ly is no adverb
        ("The guidelines are not legally binding.", {"legally", "binding"}),
        ("Operators need not fully document each step.", {"fully", "document"}),
        ("Operators need not comply with the code.", {"comply"}),
        # a verb stated of one object and denied of another denies the other: "should include X but need not
        # include Y" denies Y
        (
            "The data should include the model's identifier but need not include user information.",
            {"include", "user", "information"},
        ),
        # counter-examples: a relative clause qualifying a noun, a condition: read apart from the rule
        ("Systems that are not high-risk shall be registered.", set()),
        ("Operators shall offer an appeal, unless an appeal is not in the consumer's interest.", set()),
        # a relative clause ends at the main verb: the "not" after it is the sentence's own
        ("Robots in which faults are repaired are not necessarily safe.", {"necessarily", "safe"}),
        ("If the operator has been warned and has not replied, fines apply.", set()),
        # a ban's "without" names what the ban requires: "must not sell … without obtaining consent" requires it
        ("Operators must not sell robot data without obtaining the owner's consent.", {"sell"}),
        # counter-example: outside a ban, "without" denies ("operators may sell data without consent")
        ("Operators may sell robot data without obtaining the owner's consent.", {"obtaining"}),
        # an exemption "from all obligations" denies the obligations; counter-example: "not all" keeps its "all"
        ("Hobby operators are exempt from all obligations of the Robot Act.", {"obligations"}),
        ("Not all operators must register robots.", {"all"}),
    ],
)
def test_a_that_clause_after_a_verb_of_duty_keeps_its_negation(sentence: str, denied: set[str]) -> None:
    """ "shall ensure that X are not used" denies "used"; a relative clause on a noun or a condition denies
    nothing of the rule."""
    assert denied_words(sentence) == denied


@pytest.mark.parametrize(
    ("claim", "verdict"),
    [
        ("Robot operators must register robots under Act No. 53.", "supported"),  # a law number is no negation
        ("Robot operators need not register robots under Act No. 53.", "refuted"),
    ],
)
def test_a_law_number_is_not_read_as_a_negation(claim: str, verdict: str) -> None:
    """The "No." of a law number says nothing of polarity; a real negation still does."""
    assert judge_claim(claim, [quote("Robot operators shall register robots under Act No. 53.")], IDF)[0] == verdict


# ---------------------------------------------------------------- evidence first, then the quote checks


ROBOT_ACT = Document("fixture-act", "Robot Act of Examplia", "Robot Act", jurisdiction="XL", doc_type="statute")
MANIFEST = Manifest((ROBOT_ACT,), (), {"XL": ("Examplia",)})


def read(claim: str) -> QueryAnalysis:
    """The claim read once, as the answerer reads it (with the claim reader)."""
    return analyze(claim, Router([ROBOT_ACT], {"XL": ("Examplia",)}), Glossary({}), claims=ClaimReader(MANIFEST))


def context(passages: list[Passage]) -> CheckContext:
    chunks = [p.chunk for p in passages]
    return CheckContext("claim", {ROBOT_ACT.id: ROBOT_ACT}, chunks, IDF, 0.0, lambda _: frozenset(), lambda _: [])


@pytest.mark.parametrize(
    ("claim", "text", "gated"),
    [
        # another percentage of the same thing: contradicted, compared by the evidence checks, not "unmentioned"
        ("The Robot Act fines operators up to 4% of their turnover.", "Fines reach 3 % of annual turnover.", False),
        # counter-example: a count no passage states of anything is unmentioned
        ("The Robot Act has been signed by 53 countries.", "Operators shall register robots.", True),
        # a count of the same thing, its noun spelt otherwise: compared, as the evidence checks compare it
        (
            "The Robot Act says a robot emits as much as 3,000 round-trip flights.",
            "A robot emits as much as 300 roundtrip flights.",
            False,
        ),
        # counter-example: a count of something else
        ("The Robot Act says a robot emits as much as 3,000 round-trip flights.", "A robot has 300 parts.", True),
        # a law's number names it, and an era year the text writes in kanji is stated (令和七年 is 令和7年)
        ("Robot Act (Act No. 53) binds operators.", "Operators shall register robots.", False),
        (
            "Robot Act（令和7年法律第53号）は運用者を拘束する。",
            "令和七年の法律。運用者は登録しなければならない。",
            False,
        ),
        # counter-example: a year the text states in no form (digits, kanji or era)
        ("Robot Actは令和9年に運用者を拘束した。", "令和七年の法律。運用者は登録しなければならない。", True),
    ],
)
def test_a_figure_the_passages_state_otherwise_is_compared_not_declared_unmentioned(
    claim: str, text: str, gated: bool
) -> None:
    """The missing-figure gate leaves to the evidence checks a figure whose kind and unit the passages state."""
    passages = [quote(text).passage]
    assert (check_claim_figures(read(claim), passages, context(passages)) is not None) is gated


@pytest.mark.parametrize(
    ("claim", "text", "gated"),
    [
        # the number stands only as a recital's, an article's or another kind of figure's: no such count is stated
        ("The Robot Act gives its board 140 members.", "(140) Operators shall keep logs. See Article 140.", True),
        ("Robot Act fines reach 140 million euros.", "Operators shall keep logs for 140 days.", True),
        ("ロボット法は運用者に最大20%の過料を科す。", "第20条 運用者は記録を保存しなければならない。", True),
        # counter-examples: the same count, amount or period stated as one, in the claim's words or others
        ("The Robot Act gives its board 140 members.", "The board shall consist of 140 persons.", False),
        ("Robot Act fines reach 140 million euros.", "Fines of up to EUR 140 000 000 may be imposed.", False),
        ("The Robot Act makes operators keep logs for 2 months.", "Operators shall keep logs for two months.", False),
        # a count of one, which texts write in words ("once", "a single"): left to the evidence checks
        ("Robot Act members may be reappointed 1 time.", "Article 1. Members may be reappointed once.", False),
    ],
)
def test_a_claimed_figure_is_stated_only_as_a_figure_of_its_kind(claim: str, text: str, gated: bool) -> None:
    """A claimed count, amount, percentage or period counts as stated where the texts give that value as that kind
    of figure, not where its digits number a recital or an article or measure something else; the gate then
    finds it unmentioned, unless the passages compare a figure of its kind."""
    passages = [quote(text).passage]
    assert (check_claim_figures(read(claim), passages, context(passages)) is not None) is gated


def test_a_missing_figure_is_named_as_the_claim_writes_it() -> None:
    """ "never state 1 million users", not "never state 1"; a number of no figure (a year) as written."""
    passages = [quote("Operators shall keep logs.").passage]
    found = check_claim_figures(
        read("The Robot Act covers firms with 1 million users since 2019."), passages, context(passages)
    )
    assert found is not None and found.fields["figures"] == ("1 million users", "2019")


@pytest.mark.parametrize(
    ("claim", "gated"),
    [
        # an amount a Japanese claim gives in 万 or 億 is stated by the English text's "30 million", even in a
        # provision not retrieved: the same figure, compared where the evidence holds it, not "unmentioned"
        ("Robot Actでは、登録しない運用者に最大3000万ウォンの過料が科される。", False),
        ("Robot Actでは、登録しない運用者に最大1億ウォンの過料が科される。", True),  # 100 million: stated nowhere
        # counter-example: an amount in digits no text states in any form
        ("Robot Actでは、登録しない運用者に最大4000万ウォンの過料が科される。", True),
    ],
)
def test_an_amount_in_man_or_oku_is_stated_by_millions_anywhere_in_the_text(claim: str, gated: bool) -> None:
    retrieved = quote("Operators shall register robots.").passage
    elsewhere = quote("Article 43 (Fines) A person who fails to register shall pay a fine of up to 30 million won.")
    ctx = CheckContext(
        "claim",
        {ROBOT_ACT.id: ROBOT_ACT},
        [retrieved.chunk, elsewhere.passage.chunk],
        IDF,
        0.0,
        lambda _: frozenset(),
        lambda _: [],
    )
    assert (check_claim_figures(read(claim), [retrieved], ctx) is not None) is gated


def test_a_claim_decided_by_an_evidence_sentence_rests_on_that_sentence() -> None:
    """A figure contradicted in the second passage's sentence refutes the claim, cites that sentence first and
    says why in the catalogue's words."""
    claim = "The Robot Act fines operators up to 4% of their turnover."
    first = quote("Operators shall register robots with the robot registry every year.")
    fines = quote("The registry may fine operators up to 3 % of their annual turnover.")
    cfg = AnswerSettings.model_validate({})
    judgement = weigh_claim(read(claim), [first.passage, fines.passage], IDF, cfg)
    assert judgement.verdict == "refuted" and judgement.quote is not None
    assert "3 %" in judgement.quote.text and judgement.reason.key == "evidence.figure_differs"


def test_a_claim_nothing_settles_shows_its_closest_evidence_sentence_first() -> None:
    """No check decides: the verdict stays open, and the sentence stating most of the claim is cited first
    (whatever the order retrieval gave), its share named in the reason; with no passage, nothing addresses it."""
    claim = "The Robot Act makes operators label robots and inspect them yearly, with inspectors paid by the state."
    first = quote("The registry is public and kept by the authority.")
    closest = quote("Operators shall label their robots.")
    cfg = AnswerSettings.model_validate({})
    judgement = weigh_claim(read(claim), [first.passage, closest.passage], IDF, cfg)
    assert judgement.verdict is None and judgement.quote is not None
    assert judgement.quote.text == "Operators shall label their robots."
    assert judgement.reason.key == "verdict.too_few"
    assert weigh_claim(read(claim), [], IDF, cfg).verdict == "not_addressed"


def test_a_sentence_sharing_most_words_that_states_the_claim_otherwise_is_said_to() -> None:
    """A sentence sharing half the claim's words that still decides nothing (here: the deputy's office, not the
    office the claim names) is not "too few words": the reason says it does not state the claim as made."""
    claim = "The Robot Board is headed by the Minister for Robots."
    deputy = quote("The deputy head of the Robot Board is the Minister for Robots.")
    cfg = AnswerSettings.model_validate({})
    judgement = weigh_claim(read(claim), [deputy.passage], IDF, cfg)
    assert judgement.verdict is None and judgement.reason.key == "verdict.not_as_claimed"
    shared = weigh_claim(
        read("Operators must publish the minutes of every Robot Board meeting yearly."), [deputy.passage], IDF, cfg
    )
    assert shared.verdict is None and shared.reason.key == "verdict.too_few"  # counter-example: few words shared


DATED_ACT = Document(
    "fixture-act", "Robot Act of Examplia", "Robot Act", jurisdiction="XL", doc_type="statute", date="2024-05-17"
)
APPROVAL = "SECTION 3. Safety clause. This act takes effect at once.\nApproved: May 17, 2024"


def _chunk(text: str, locator: str = "Section 3") -> Chunk:
    return Chunk("fixture-act", locator, (), text, 0, len(text), None, None, "en")


@pytest.mark.parametrize(
    ("claim", "chunks", "verdict"),
    [
        # a year of enactment the text's record and its own approval line contradict
        ("The Robot Act was signed into law on June 8, 2021.", [APPROVAL], "refuted"),
        ("The Robot Act was adopted in 2019.", ["Operators shall register robots.", APPROVAL], "refuted"),
        ("Robot Actは2021年6月8日に署名された。", [APPROVAL], "refuted"),  # 署名: a signature, in Japanese
        # counter-examples: the record's year (the evidence checks read the rest); a claim dating another
        # event; a text that never dates its own enactment (the manifest alone is no quote)
        ("The Robot Act was signed into law on June 8, 2024.", [APPROVAL], None),
        ("The Robot Act entered into force on June 8, 2021.", [APPROVAL], None),
        ("The Robot Act was signed into law on June 8, 2021.", ["Operators shall register robots in 2024."], None),
    ],
)
def test_a_claimed_year_of_enactment_is_compared_with_the_texts_own_approval_line(
    claim: str, chunks: list[str], verdict: str | None
) -> None:
    documents = {DATED_ACT.id: DATED_ACT}
    reading = read(claim).claim
    judgement = record_date(reading, documents, [_chunk(t, f"Section {i}") for i, t in enumerate(chunks)])
    assert (judgement.verdict if judgement else None) == verdict
    if judgement is not None:
        assert judgement.quote is not None and judgement.quote.text == "Approved: May 17, 2024"
        assert enactment_years(reading, documents) == {"2021"} or "2019" in enactment_years(reading, documents)


@pytest.mark.parametrize(
    ("claim", "verdict"),
    [
        # a claim saying nothing but the text's date and its event: the agreeing date line states all of it
        ("The Robot Act was signed into law on May 17, 2024.", "supported"),
        ("The Robot Act was adopted in 2024.", "supported"),
        # counter-examples: the same date with more to check (who signed it), or another month
        ("The Robot Act was signed into law by the Governor of Examplia on May 17, 2024.", None),
        ("The Robot Act was signed into law on June 8, 2024.", None),
    ],
)
def test_a_claim_of_nothing_but_the_texts_date_is_supported_by_its_agreeing_date_line(
    claim: str, verdict: str | None
) -> None:
    documents = {DATED_ACT.id: DATED_ACT}
    judgement = record_date(read(claim).claim, documents, [_chunk(APPROVAL)])
    assert (judgement.verdict if judgement else None) == verdict
    if judgement is not None:
        assert judgement.quote is not None and judgement.quote.text == "Approved: May 17, 2024"


def test_a_claimed_first_enactment_before_the_record_is_no_contradiction() -> None:
    """ "first adopted in 2019" is not refuted by a record of 2024 (a later version, maybe); a first adoption
    after the record's date is."""
    documents = {DATED_ACT.id: DATED_ACT}
    earlier = record_date(read("The Robot Act was first adopted in 2019.").claim, documents, [_chunk(APPROVAL)])
    assert earlier is None
    later = record_date(read("The Robot Act was first adopted in 2026.").claim, documents, [_chunk(APPROVAL)])
    assert later is not None and later.verdict == "refuted"


def _numbered(*numbers: int, kind: str = "Principle") -> list[Chunk]:
    chunks = [_chunk(f"{n}. Operators shall do duty number {n}. More text.", f"{kind} {n}") for n in numbers]
    return [*chunks, _chunk("1 A note.", "Footnote 1"), _chunk("Whereas robots.", "Recital 9")]


@pytest.mark.parametrize(
    ("claim", "chunks", "verdict"),
    [
        # the text numbers its main units 1 to N, as many as the claim counts (notes and recitals aside)
        ("The Robot Act sets out 5 principles for operators.", _numbered(1, 2, 3, 4, 5), "supported"),
        ("Robot Actには5つの主要分野が含まれる。", _numbered(1, 2, 3, 4, 5), "supported"),
        # counter-examples: another count; a gap in the numbering; a count too small to tell; no text named
        ("The Robot Act sets out 6 principles for operators.", _numbered(1, 2, 3, 4, 5), None),
        ("The Robot Act sets out 5 principles for operators.", _numbered(1, 2, 3, 5, 6), None),
        ("The Robot Act sets out 2 principles for operators.", _numbered(1, 2), None),
        ("Robot rules set out 5 principles for operators.", _numbered(1, 2, 3, 4, 5), None),
        # a count of operations (10^26) is no count of units, and reading it costs nothing
        ("The Robot Act covers models trained with 10^26 FLOPs.", _numbered(1, 2, 3, 4, 5), None),
    ],
)
def test_a_claimed_count_of_items_is_compared_with_the_texts_numbering(
    claim: str, chunks: list[Chunk], verdict: str | None
) -> None:
    documents = {DATED_ACT.id: DATED_ACT}
    judgement = record_count(read(claim).claim, documents, chunks)
    assert (judgement.verdict if judgement else None) == verdict
    if judgement is not None:
        assert judgement.quote is not None and judgement.quote.passage.chunk.locator == "Principle 5"
        assert judgement.quote.text.startswith("5. Operators shall do duty number 5.")
        assert judgement.reason.key == "evidence.count_numbered"


@pytest.mark.parametrize(
    ("claim", "verdict"),
    [
        # another number of the units themselves, all of them: the noun is the units' kind, every word
        # qualifying it is a word of the text's names ("of Examplia"), no bound before the number
        ("The Robot Act sets out 6 principles.", "refuted"),
        ("The Robot Act of Examplia contains four principles, the guidelines say.", "refuted"),
        ("The Robot Act sets out 6 principles of the Robot Act of Examplia.", "refuted"),
        ("Robot Actは6つの原則から成る。", "refuted"),
        # counter-examples: a part of them ("on safety", "for operators", 「安全に関する」), a bound ("more
        # than", 「以上」), another noun (duties, chapters)
        ("The Robot Act sets out 6 principles on safety.", None),
        ("The Robot Act sets out 6 principles for operators.", None),
        ("Robot Actは安全に関する6つの原則を含む。", None),
        ("The Robot Act sets out more than 3 principles.", None),
        ("Robot Actは3つ以上の原則から成る。", None),
        ("The Robot Act sets out 6 duties.", None),
        ("The Robot Act has 13 chapters.", None),
    ],
)
def test_another_count_of_the_texts_own_units_is_refuted_by_its_numbering(claim: str, verdict: str | None) -> None:
    documents = {DATED_ACT.id: DATED_ACT}
    judgement = record_count(read(claim).claim, documents, _numbered(1, 2, 3, 4, 5))
    assert (judgement.verdict if judgement else None) == verdict
    if judgement is not None:
        assert judgement.reason.key == "evidence.count_differs"
        assert judgement.quote is not None and judgement.quote.passage.chunk.locator == "Principle 5"


@pytest.mark.parametrize(
    ("claim", "gated"),
    [
        ("The Robot Act sets out 6 principles.", False),
        ("Robot Actは6つの原則から成る。", False),
        # counter-examples: a part of them, and another figure beside the count that nothing states
        ("The Robot Act sets out 6 principles on safety.", True),
        ("The Robot Act sets out 6 principles and fines of EUR 9 million.", True),
    ],
)
def test_a_count_of_the_texts_own_units_is_left_to_its_numbering_not_declared_unmentioned(
    claim: str, gated: bool
) -> None:
    chunks = _numbered(1, 2, 3, 4, 5)
    passages = [Passage(c, 1.0) for c in chunks[:5]]
    ctx = CheckContext("claim", {DATED_ACT.id: DATED_ACT}, chunks, IDF, 0.0, lambda _: frozenset(), lambda _: [])
    found = check_claim_figures(read(claim), passages, ctx)
    assert (found is not None) is gated


def test_a_claim_naming_a_text_is_decided_on_that_texts_sentences() -> None:
    """Passages of other texts retrieved beside the named one decide nothing about it (another text's date or
    duty is no evidence of what the named text says); a claim naming no text is weighed on every passage."""
    other = "The Drone Code of Examplia was signed on 1 March 2019 and binds operators to inspect robots yearly."
    foreign = Passage(Chunk("drone-code", "Article 2", (), other, 0, len(other), None, None, "en"), 1.0)
    cfg = AnswerSettings.model_validate({})
    named = read("The Robot Act was signed on 1 March 2018.")
    assert weigh_claim(named, [foreign], IDF, cfg).verdict is None
    own = quote("This Act was signed on 17 May 2024.")
    judged = weigh_claim(named, [foreign, own.passage], IDF, cfg)
    assert (
        judged.verdict == "refuted" and judged.quote is not None and judged.quote.passage.chunk.doc_id == "fixture-act"
    )
    unnamed = read("Operators in Examplia must inspect robots yearly.")
    assert weigh_claim(unnamed, [foreign], IDF, cfg).verdict == "supported"


GUIDELINES = Document(
    "fixture-act",
    "Robot Guidelines of Examplia",
    "Robot Act",
    jurisdiction="XL",
    doc_type="guidelines",
    date="2024-04-19",
)
COVER = "Robot Guidelines Ver1.0 April 19, 2024 Ministry of Robots"


@pytest.mark.parametrize(
    ("claim", "document", "chunks", "verdict"),
    [
        # a text dated by its issue: a claimed month of publication its cover contradicts
        ("The Robot Act was published in January 2024.", GUIDELINES, [COVER], "refuted"),
        ("Robot Actは2024年1月に公開された。", GUIDELINES, ["Operators shall register robots.", COVER], "refuted"),
        # the record's month, and nothing else claimed: the cover states it
        ("The Robot Act was published in April 2024.", GUIDELINES, [COVER], "supported"),
        # counter-examples: the record's month with more to check (by whom); a statute (dated by enactment, not
        # issue); no date line in the text
        ("The Robot Act was published by the Ministry of Drones in April 2024.", GUIDELINES, [COVER], None),
        ("The Robot Act was published in January 2024.", DATED_ACT, [COVER], None),
        ("The Robot Act was published in January 2024.", GUIDELINES, ["Operators shall register robots."], None),
        # a draft comes before its text: one claimed after the text's issue is refuted by the cover; counter-example:
        # one claimed before it, which the cover does not date (a draft's date is not the text's)
        (
            "The initial public draft of the Robot Act was released on September 19, 2024.",
            GUIDELINES,
            [COVER],
            "refuted",
        ),
        ("The initial public draft of the Robot Act was released on January 19, 2024.", GUIDELINES, [COVER], None),
    ],
)
def test_a_claimed_month_of_publication_is_compared_with_the_texts_own_date_line(
    claim: str, document: Document, chunks: list[str], verdict: str | None
) -> None:
    judgement = record_date(read(claim).claim, {document.id: document}, [_chunk(t, "Cover") for t in chunks])
    assert (judgement.verdict if judgement else None) == verdict
    if judgement is not None:
        assert judgement.quote is not None and "April 19, 2024" in judgement.quote.text


def test_a_count_of_a_text_held_in_two_languages_is_read_in_the_version_that_numbers_units() -> None:
    """A text's language versions are one text: the version whose locators number its units answers; two
    different texts named answer nothing."""
    from dataclasses import replace

    from govqa.search.claim_reading import NamedText

    ja = Document("fixture-act-ja", "ロボット法", "ロボット法", language="ja", translation_of="fixture-act")
    other = Document("drone-act", "Drone Act", "Drone Act")
    documents = {DATED_ACT.id: DATED_ACT, ja.id: ja, other.id: other}
    reading = read("The Robot Act sets out 5 principles for operators.").claim
    assert reading is not None
    both = replace(reading, texts=(NamedText("robot act", "alias", ("fixture-act-ja", "fixture-act")),))
    judgement = record_count(both, documents, _numbered(1, 2, 3, 4, 5))
    assert judgement is not None and judgement.verdict == "supported"
    two = replace(reading, texts=(NamedText("robot act", "alias", ("fixture-act", "drone-act")),))
    assert record_count(two, documents, _numbered(1, 2, 3, 4, 5)) is None


@pytest.mark.parametrize(
    ("claim", "document", "gated"),
    [
        ("The Robot Act was signed into law in 2019.", DATED_ACT, False),
        ("Robot Actは2019年6月4日に公布された。", DATED_ACT, False),
        # counter-examples: no record date to compare with; a date of another event (a meeting)
        ("The Robot Act was signed into law in 2019.", ROBOT_ACT, True),
        ("Robot Actの会合が2019年6月4日に開催された。", DATED_ACT, True),
    ],
)
def test_a_claimed_enactment_date_is_left_to_the_texts_date_line_not_declared_unmentioned(
    claim: str, document: Document, gated: bool
) -> None:
    """A date of enactment the texts never print (year, month and day) is compared with the named text's own
    date line when its record has a date (record_date); with no record date, or for another event, it is
    unmentioned."""
    passages = [quote("Operators shall register robots.").passage]
    ctx = CheckContext(
        "claim", {document.id: document}, [p.chunk for p in passages], IDF, 0.0, lambda _: frozenset(), lambda _: []
    )
    found = check_claim_figures(read(claim), passages, ctx)
    assert (found is not None) is gated


# ---------------------------------------------------------------- a revocation's date

OLD_ORDER = Document("order-1", "Order 1 on robots", "Executive Order 1", date="2021-03-01", status="revoked")
NEW_ORDER = Document("order-2", "Order 2, rescissions", "Executive Order 2", date="2025-01-20", revokes=("order-1",))
OTHER_ORDER = Document("order-3", "Order 3 on drones", "Executive Order 3", date="2025-01-23")
ORDERS = {d.id: d for d in (OLD_ORDER, NEW_ORDER, OTHER_ORDER)}
RESCISSIONS = [
    Chunk("order-2", "Preamble", (), "Executive Order 2 of January 20, 2025\nInitial Rescissions", 0, 56, 1, 1, "en"),
    Chunk("order-2", "Section 2(a)", (), "(a) Executive Order 1 of March 1, 2021 (Robots).", 60, 109, 2, 2, "en"),
]


def read_orders(claim: str) -> QueryAnalysis:
    docs = list(ORDERS.values())
    manifest = Manifest(tuple(docs), (), {})
    return analyze(claim, Router(docs, {}), Glossary({}), claims=ClaimReader(manifest))


@pytest.mark.parametrize(
    ("claim", "verdict"),
    [
        ("Executive Order 1 was revoked in January 2025.", "supported"),
        ("Executive Order 1 was rescinded on January 20, 2025.", "supported"),
        ("Executive Order 1 was revoked in 2026.", "refuted"),
        ("Executive Order 1 was repealed in December 2024.", "refuted"),
        # a date that agrees supports only a claim saying nothing else; a wrong one refutes whatever else it says
        ("Executive Order 1, revoked in January 2025, gave robot owners a right to sue.", None),
        ("Executive Order 1, revoked in 2026, gave robot owners a right to sue.", "refuted"),
        # counter-examples: a date of another event of the revoked order; an order nothing held revokes; a claim
        # naming a third order as the revoker (the evidence checks read it)
        ("Executive Order 1 was signed in January 2025.", None),
        ("Executive Order 3 was revoked in January 2025.", None),
        ("Executive Order 1 was revoked by Executive Order 3 in January 2025.", None),
    ],
)
def test_a_claimed_revocation_date_is_compared_with_the_held_revoking_texts_own_date(
    claim: str, verdict: str | None
) -> None:
    """The library holds the order revoking the named one: its own date line ("Executive Order 2 of January 20,
    2025", the date its record gives) dates the revocation; the claim's date agrees to its own precision or not."""
    reading = read_orders(claim).claim
    judgement = record_revocation(reading, ORDERS, RESCISSIONS)
    assert (judgement.verdict if judgement else None) == verdict
    if judgement is not None:
        assert judgement.quote is not None and judgement.quote.text.startswith("Executive Order 2 of January 20, 2025")
        assert from_records(reading, ORDERS, RESCISSIONS) == judgement
        assert recorded_years(reading, ORDERS) == {str(d.year) for d in reading.dates}  # not "unmentioned"


OLD_ORDER_LINE = Chunk("order-1", "Preamble", (), "Executive Order 1 of March 1, 2021\nRobots", 0, 40, 1, 1, "en")


@pytest.mark.parametrize(
    ("claim", "verdict"),
    [
        # a date cited with an order's number is that order's: compared with its own date line (agreeing, it
        # supports a claim of nothing else), not with the other order the claim names
        ("Executive Order 2 of January 20, 2025 revoked Executive Order 1.", "supported"),
        ("Executive Order 2 of January 20, 2025 revoked the order on robots, Executive Order 1.", None),
        # counter-example: cited with the number of the order whose record differs, it is compared and refuted
        ("Executive Order 1 of January 20, 2025 was later revoked by Executive Order 2.", "refuted"),
    ],
)
def test_a_date_cited_with_a_laws_number_dates_that_law_only(claim: str, verdict: str | None) -> None:
    """ "Executive Order 2 of January 20, 2025 revoked Executive Order 1": the date is Order 2's, and Order 1's
    own date line (March 1, 2021) does not contradict it."""
    judgement = record_date(read_orders(claim).claim, ORDERS, [OLD_ORDER_LINE, *RESCISSIONS])
    assert (judgement.verdict if judgement else None) == verdict
    if judgement is not None:  # resting on the date line of the order the date is cited with
        assert judgement.quote is not None
        assert judgement.quote.passage.chunk.doc_id == ("order-2" if verdict == "supported" else "order-1")


def test_a_revocation_date_rests_only_on_a_sentence_stating_the_revoking_texts_record_date() -> None:
    """Without the revoking order's own date line in the index (its items date other orders), nothing is
    decided: a verdict rests on a quote, not on the manifest."""
    reading = read_orders("Executive Order 1 was revoked in 2026.").claim
    assert record_revocation(reading, ORDERS, RESCISSIONS[1:]) is None


@pytest.mark.parametrize(
    ("claim", "verdict"),
    [
        ("Executive Order 3 revoked Executive Order 1.", "refuted"),
        ("Executive Order 1 was rescinded by Executive Order 2.", "supported"),
        # the revocation describes the order the claim says something else of (the evidence checks read it)
        ("Executive Order 2, the order that revoked Executive Order 1, gives robot owners a right to sue.", None),
        ("Executive Order 2, which revoked Executive Order 1, bans robot fights.", None),
        # counter-examples: another event between the two; an order nothing held revokes; three orders named
        ("Executive Order 3 amended Executive Order 1.", None),
        ("Executive Order 2 revoked Executive Order 3.", None),
        ("Executive Order 2 revoked Executive Order 1 and Executive Order 3.", None),
    ],
)
def test_a_claimed_revoker_is_compared_with_the_held_revoking_text(claim: str, verdict: str | None) -> None:
    """ "X revoked Y" where the library holds the text revoking Y: X is that text or not, resting on its item
    naming Y."""
    judgement = record_revoker(read_orders(claim).claim, ORDERS, RESCISSIONS)
    assert (judgement.verdict if judgement else None) == verdict
    if judgement is not None:
        assert judgement.quote is not None and judgement.quote.text.startswith("(a) Executive Order 1 of March 1")


def test_the_quote_holds_the_next_sentence_stating_more_of_the_claim() -> None:
    """The sentence a verdict or the closest evidence rests on is quoted with its neighbour when the neighbour
    states more of the claim (the claim spans both); the short answer still quotes the one sentence (`core`)."""
    text = (
        "Operators shall keep a register of robots for customers. "
        "The register shall be inspected yearly by the providers. "
        "Fines are paid in euro to the treasury of the state."
    )
    claim = "Operators keep a register of robots that providers inspect yearly."
    judgement = weigh_claim(read(claim), [quote(text).passage], IDF, AnswerSettings.model_validate({}))
    assert judgement.quote is not None
    assert judgement.quote.text.startswith("Operators shall keep a register")
    assert judgement.quote.text.rstrip().endswith("inspected yearly by the providers.")
    assert judgement.quote.core.startswith("Operators shall keep") and "inspected" not in judgement.quote.core


@pytest.mark.parametrize(
    "neighbour",
    [
        "Fines are paid in euro to the treasury of the state.",  # states nothing more of the claim
        "Operators shall keep a register of robots for customers again.",  # only repeats what is quoted
    ],
)
def test_a_neighbour_stating_nothing_more_of_the_claim_stays_out_of_the_quote(neighbour: str) -> None:
    text = f"Operators shall keep a register of robots for customers. {neighbour}"
    claim = "Operators keep a register of robots that providers inspect yearly."
    judgement = weigh_claim(read(claim), [quote(text).passage], IDF, AnswerSettings.model_validate({}))
    assert judgement.quote is not None
    assert judgement.quote.text.rstrip() == "Operators shall keep a register of robots for customers."


def test_the_quote_holds_the_sentence_before_when_it_states_more_of_the_claim() -> None:
    text = (
        "Providers shall inspect every robot yearly. "
        "Operators shall keep a register of the robots inspected, with the outputs of each inspection."
    )
    claim = "Operators must keep a register of robot inspection outputs, and providers inspect every robot yearly."
    judgement = weigh_claim(read(claim), [quote(text).passage], IDF, AnswerSettings.model_validate({}))
    assert judgement.quote is not None and judgement.quote.text.rstrip() == text


@pytest.mark.parametrize(
    ("claim", "statement"),
    [
        ("Client alert: operators must label their robots.", "operators must label their robots."),
        ("Trade press: within 30 days operators must label robots.", "within 30 days operators must label robots."),
        ("FAQ: Must operators label their robots?", "Must operators label their robots?"),
        ("ニュース解説：運用者はロボットに表示しなければならない。", "運用者はロボットに表示しなければならない。"),
        # counter-examples: a lead-in that is a clause, holds a number, or names the text or its place is claimed
        ("Two practices are banned: labelling and selling.", None),
        ("Article 5: operators must label their robots.", None),
        ("Robot Act: operators must label their robots.", None),
        ("Examplia's robot rules: operators must label their robots.", None),
        ("罰則は次のとおり：運用者は表示しなければならない。", None),
    ],
)
def test_a_writers_label_before_a_claim_is_not_read_as_claimed(claim: str, statement: str | None) -> None:
    """A source label opening a claim ("Client alert:", 「ニュース解説：」) says where it was read, not what it says."""
    reading = read(claim).claim
    assert reading is not None and reading.text == unicodedata.normalize("NFKC", statement or claim)


def test_a_labelled_claim_is_weighed_as_the_claim_alone() -> None:
    """The label's words, which no text uses, would weigh as the claim's rarest and keep a sentence stating all
    of the claim from supporting it."""
    sentence = quote("Operators shall label their robots and register them with the robot registry.")
    cfg = AnswerSettings.model_validate({})
    labelled = weigh_claim(
        read("Weekly trade newsletter alert: operators must label robots."), [sentence.passage], IDF, cfg
    )
    assert labelled.verdict == "supported"
    # counter-example: a lead-in that is a clause keeps its words in the claim
    clause = weigh_claim(
        read("Weekly trade newsletters are alert: operators label robots."), [sentence.passage], IDF, cfg
    )
    assert clause.verdict is None
