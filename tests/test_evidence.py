"""Evidence sentences for a claim, ranked by what of the claim they state, and the comparisons that decide it:
each check with a broader example and a counter-example of the same shape that must not get the verdict."""

from __future__ import annotations

from dataclasses import replace

import pytest
from fixture_claims import IDF, MANIFEST, READER, passage

from govqa.answering.comparisons import (
    CHECKS,
    compare_actor,
    compare_dates,
    compare_figures,
    compare_modality,
    compare_polarity,
    near_verbatim,
    states_most,
)
from govqa.answering.coverage import claim_weights, term_coverage
from govqa.answering.evidence import (
    decide,
    figures_across,
    rank_evidence,
    same_event,
)
from govqa.answering.exceptions import compare_excepted, compare_scope
from govqa.answering.provisos import proviso_unclaimed
from govqa.answering.stating import as_restricted, as_universal
from govqa.records import Chunk, Document, Passage
from govqa.search.claim_reading import ClaimReading
from govqa.text import sentence_spans, statement_spans, tokenize, whole_sentence


def read(claim: str) -> ClaimReading:
    return READER.read(claim)


# ---------------------------------------------------------------- figures


@pytest.mark.parametrize(
    ("claim", "sentence", "verdict"),
    [
        # another format of the same amount agrees; a different percentage on the same fine refutes
        (
            "Under Ruritania's robot law, false reports carry fines of up to €7,500,000 or 1.5% of turnover.",
            "False reports to the authority shall be subject to fines of up to EUR 7 500 000 or up to 1 % of turnover.",
            "refuted",
        ),
        (
            "False reports carry fines of up to €7,500,000 or 1% of turnover.",
            "False reports to the authority shall be subject to fines of up to EUR 7 500 000 or up to 1 % of turnover.",
            "supported",
        ),
        ("Incidents must be reported within ten days.", "Operators shall report incidents within 15 days.", "refuted"),
        (
            "Incidents must be reported within 15 days.",
            "Operators shall report incidents within fifteen days.",
            "supported",
        ),
        # a figure's matter is its clause, not the words of the claim's other figures ("7.5 million euros" is no
        # matter of "1%"), and a decimal point ends no clause: the sentence writing "EUR 7 500 000" states both
        (
            "False reports are fined up to 7.5 million euros or 1% of turnover.",
            "False reports shall be subject to fines of up to EUR 7 500 000 or up to 1 % of turnover.",
            "supported",
        ),
        (
            "False reports are fined up to 7.5 million euros or 2% of turnover.",
            "False reports shall be subject to fines of up to EUR 7 500 000 or up to 1 % of turnover.",
            "refuted",
        ),
        # training compute printed as a PDF prints a superscript ("10 25") compares by value
        (
            "A robot model is presumed risky once its training compute passes 10^26 FLOPs.",
            "A robot model shall be presumed risky when its training compute in floating point operations is"
            " greater than 10 25.",
            "refuted",
        ),
        (
            "A robot model is presumed risky once its training compute passes 10^25 FLOPs.",
            "A robot model shall be presumed risky when its training compute in floating point operations is"
            " greater than 10 25.",
            "supported",
        ),
        # a count of a long name ("… Robot Research Institutes") against the same count in other words
        (
            "The order told the agency to open ten new robot research institutes.",
            "The agency shall establish at least four new National Robot Research Institutes.",
            "refuted",
        ),
        # a Japanese count by its counter word
        ("委員会は委員長と委員4人で組織される。", "委員会は、委員長及び委員八人をもって組織する。", "refuted"),
        # a period in another unit that converts exactly, and numbers as news writes them
        (
            "Robot incidents must be reported within seventy-two hours.",
            "Robot incidents shall be reported not later than 15 days after.",
            "refuted",
        ),
        (
            "Robot incidents must be reported within seventy-two hours.",
            "Robot incidents shall be reported within 3 days.",
            "supported",
        ),
        (
            "Robot makers face fines of up to €35m.",
            "Robot makers shall be subject to fines of up to EUR 35 000 000.",
            "supported",
        ),
        (
            "Robot makers face fines of up to €20m.",
            "Robot makers shall be subject to fines of up to EUR 35 000 000.",
            "refuted",
        ),
        ("ロボット事業者への罰金は1億5000万円以下である。", "ロボット事業者は、一億円以下の罰金に処する。", "refuted"),
        # counter-examples of the same shape: a figure of the same kind about something else decides nothing, nor
        # does a period whose unit converts to no fixed number of the other's (a month is no number of days)
        ("Robot incidents must be reported within a month.", "Robot incidents shall be reported within 30 days.", None),
        ("Robot logs must be kept for 180 days.", "Robot logs shall be kept for at least six months.", None),
        # days and months however long the months are: 30 days is no six months
        ("Robot logs must be kept for 30 days.", "Robot logs shall be kept for at least six months.", "refuted"),
        ("ロボットのログは3年間保存する。", "ロボットのログは、九十日間保存しなければならない。", "refuted"),
        # counter-example: across languages no words say the ninety days are the same event's
        ("ロボットのログは3年間保存する。", "Robot logs shall be kept for ninety days.", None),
        ("Incidents must be reported within ten days.", "The authority shall decide on appeals within 15 days.", None),
        (
            "Oversight should weigh just two factors.",
            "Probability and severity are generally two of the more important factors among many.",
            None,
        ),
        (
            "Registration fees reach 7.5 million euros or 2% of turnover.",
            "False reports shall be subject to fines of up to EUR 7 500 000 or up to 1 % of turnover.",
            None,
        ),
        ("Registration costs a fee of €500.", "Operators shall keep the logs for at least six months.", None),
        # what a fine is for, in near-synonyms of the law's words: "appoint a local representative" / "designate a
        # domestic agent"; counter-example: the same fine for another offence
        (
            "Foreign robot makers that don't appoint a local representative risk fines of up to 100 million won.",
            "A robot maker who fails to designate a domestic agent shall be subject to a fine not exceeding 30"
            " million won.",
            "refuted",
        ),
        (
            "Foreign robot makers that don't appoint a local representative risk fines of up to 100 million won.",
            "A robot maker who fails to label a robot shall be subject to a fine not exceeding 30 million won.",
            None,
        ),
        # a period before an event is no period from it: the one counts up to the promulgation, the other from it
        (
            "Chapter III of the Robot Safety Act was approved a week or so before the date of promulgation.",
            "Chapter III comes into effect within a period not exceeding three months from the date of promulgation.",
            None,
        ),
        # counter-examples: both counted the same way, from the event or up to it
        (
            "Chapter III of the Robot Safety Act comes into effect a week after promulgation.",
            "Chapter III comes into effect within a period not exceeding three months from the date of promulgation.",
            "refuted",
        ),
        (
            "Operators must notify the robot register a week before selling a robot.",
            "Operators shall notify the robot register at least 30 days before selling a robot.",
            "refuted",
        ),
    ],
)
def test_figures_on_the_same_matter(claim: str, sentence: str, verdict: str | None) -> None:
    """A claimed figure against the sentence's of its kind and unit when both speak of the same matter."""
    found = compare_figures(read(claim), sentence)
    assert (found.verdict if found else None) == verdict


@pytest.mark.parametrize(
    ("sentence", "refuted"),
    [
        # a period the claimed months can last (120 days for four months) beside another step's: nothing refuted
        (
            "The registrar shall: (i) within 120 days, publish guidance on robot inventorship; and (ii) within 270"
            " days, publish further guidance on robot inventorship.",
            False,
        ),
        # counter-example: only periods the months cannot last
        ("The registrar shall, within 270 days, publish further guidance on robot inventorship.", True),
    ],
)
def test_a_period_in_days_the_claimed_months_can_last_is_not_refuted_by_another(sentence: str, refuted: bool) -> None:
    claim = read("The Robot Act gives the registrar four months to publish guidance on robot inventorship.")
    found = compare_figures(claim, sentence, IDF)
    assert (found is not None and found.verdict == "refuted") is refuted


@pytest.mark.parametrize(
    ("claim", "sentence", "verdict"),
    [
        # a count claimed for the text's parts: the text's own name is no topic word the sentence must repeat
        (
            "The Robot Safety Act has 6 core duties: register, inspect and insure.",
            "It sets four duties: register, inspect, insure and report.",
            "refuted",
        ),
        (
            "The Robot Safety Act has four core duties: register, inspect, insure, report.",
            "It sets four duties: register, inspect, insure and report.",
            "supported",
        ),
        # counter-example: a count of other things decides nothing
        ("The Robot Safety Act has 6 core duties: register and inspect.", "It has four annexes.", None),
    ],
)
def test_a_count_of_the_texts_parts(claim: str, sentence: str, verdict: str | None) -> None:
    found = compare_figures(read(claim), sentence)
    assert (found.verdict if found else None) == verdict


_TIERS = (
    "Breaches of the ban on hazardous robots shall be subject to fines of up to EUR 35 000 000 or up to 7 % of "
    "worldwide annual turnover."
)


@pytest.mark.parametrize(
    ("claim", "verdict"),
    [
        # news names a penalty in words of its own ("firms that break the rules … face penalties"): the offence it
        # is for ("banned robots") is what the sentence must speak of
        ("AI firms that break the rules on banned robots face penalties of up to €35m.", "supported"),
        ("AI firms that break the rules on banned robots face penalties of up to €15m.", "refuted"),
        # a claim naming no offence ("caps fines at …") is about any fine
        ("The Robot Act caps fines at €35m.", "supported"),
        ("The Robot Act caps fines at €50m.", "refuted"),
        # news names the offence first and the penalty as its consequence ("break X and you're looking at …")
        ("Break the rules on banned robots and you're looking at fines of up to €35m.", "supported"),
        ("Break the rules on banned robots and you're looking at fines of up to €15m.", "refuted"),
        ("Register your robots late and you're looking at fines of up to €15m.", None),
        # nor does one naming only who fines and news's verb for fining ("regulators can hit firms with …")
        ("Under the Robot Act, regulators can hit companies with fines of up to €350m.", "refuted"),
        ("Under the Robot Act, the authorities can slap fines of up to €35m on companies.", "supported"),
        # counter-examples: every tier is "fines of up to … of worldwide turnover"; a claim about another offence
        # is not compared with this one's figures, however many of those words it shares
        ("Registration errors carry fines of up to €35 million or 7% of worldwide turnover.", None),
        ("Registration errors carry fines of up to €15 million or 3% of worldwide turnover.", None),
    ],
)
def test_a_penalty_is_compared_with_the_tier_for_the_same_offence(claim: str, verdict: str | None) -> None:
    found = compare_figures(read(claim), _TIERS)
    assert (found.verdict if found else None) == verdict


def test_a_claim_with_figures_for_two_events_is_compared_event_by_event() -> None:
    """ "10 days for a fatal incident, two days for a widespread outage": the sentence on the outage states
    another of the claim's figures and refutes nothing; the two sentences together support the claim; a
    sentence stating a third period for one of the events still refutes."""
    claim = read("Fatal incidents must be reported within 10 days, and widespread outages within two days.")
    outage = "For a widespread outage, the report shall be made not later than two days after the operator knows."
    fatal = "After a fatal incident, the report shall be made not later than 10 days after the operator knows."
    assert compare_figures(claim, outage) is None
    evidence = rank_evidence(claim, [passage(outage), passage(fatal, locator="Article 2")], IDF)
    joint = figures_across(claim, evidence, IDF)
    assert joint is not None and joint[0].verdict == "supported"
    other = "After a fatal incident, the report shall be made not later than 15 days after the operator knows."
    assert figures_across(claim, rank_evidence(claim, [passage(outage), passage(other)], IDF), IDF) is None
    found = compare_figures(claim, other)
    assert found is not None and found.verdict == "refuted"


# ---------------------------------------------------------------- dates


@pytest.mark.parametrize(
    ("claim", "sentence", "verdict"),
    [
        ("The Robot Safety Act was signed on June 8, 2021.", "This Act was signed on 17 May 2024.", "refuted"),
        ("The Robot Safety Act was signed in May 2024.", "This Act was signed on 17 May 2024.", "supported"),
        (
            "The Robot Safety Act took effect in January 2025.",
            "This Act shall enter into force on 1 January 2026.",
            "refuted",
        ),
        # the claim's figure is its point: a date agreeing supports it only in a sentence stating the figure too
        (
            "After the January 2026 amendment, the robot council is capped at 45 members.",
            "<Amended on Jan. 20, 2026> (4) Members of the Council shall be the following persons:",
            None,
        ),
        (
            "After the January 2026 amendment, the robot council is capped at 60 members.",
            "The Council shall be composed of up to 60 members. <Amended on Jan. 20, 2026>",
            "supported",
        ),
        # news's "kicked in" is either start: an entry into force or an application on that day states it, and an
        # application on another day refutes it
        (
            "The Robot Safety Act kicked in on 1 March 2025.",
            "This Act shall enter into force on 1 March 2025.",
            "supported",
        ),
        ("The Robot Safety Act kicked in on 1 March 2025.", "This Act shall apply from 1 March 2025.", "supported"),
        ("The Robot Safety Act kicked in on 1 March 2026.", "This Act shall apply from 1 March 2025.", "refuted"),
        # counter-examples: an entry into force on another day does not refute it (the act may apply later); an
        # application is not an entry into force
        ("The Robot Safety Act kicked in on 1 March 2026.", "This Act shall enter into force on 1 March 2025.", None),
        ("The Robot Safety Act applies from 1 March 2025.", "This Act shall enter into force on 1 March 2025.", None),
        # counter-examples: a date of another event, or a page header's date, decides nothing
        ("The Robot Safety Act took effect in January 2025.", "This Act was signed on 1 March 2024.", None),
        ("The Robot Safety Act took effect in January 2025.", "Official Journal, 12 July 2024, page 3.", None),
        # … nor a deadline for something done to prepare the event ("in view of …" states a purpose)
        (
            "Robot makers must comply with the Robot Safety Act by 2 August 2027.",
            "Codes of practice should be ready by 2 May 2025 in view of enabling makers to demonstrate compliance.",
            None,
        ),
        (
            "Robot makers must comply with the Robot Safety Act by 2 August 2027.",
            "Robot makers shall take the necessary steps in order to comply with this Act by 2 August 2026.",
            "refuted",
        ),
    ],
)
def test_dates_of_the_same_event(claim: str, sentence: str, verdict: str | None) -> None:
    """A claimed date is compared only with the sentence's dates of the same event."""
    found = compare_dates(read(claim), sentence)
    assert (found.verdict if found else None) == verdict


@pytest.mark.parametrize(
    ("claim", "sentence", "verdict"),
    [
        # the sentence names the claim's text, or speaks of what the claim dates
        ("The Robot Safety Act draft was published on 19 September 2024.", "Robot Safety Act. July 2024", None),
        (
            "The Robot Safety Act draft was published on 19 September 2024.",
            "Robot Safety Act This publication is available online July 2024",
            "refuted",
        ),
        (
            "The Robot Safety Act draft was published on 19 September 2024.",
            "The draft was published for consultation in April 2024.",
            "refuted",
        ),
        # the event's own words are compared as the event, not as what it is about
        (
            "The Robot Safety Act took effect on July 10, 2023.",
            "These rules shall come into effect on 15 August 2023.",
            "refuted",
        ),
        # counter-example: the same kind of event, of another subject
        (
            "The Robot Safety Act draft was published on 19 September 2024.",
            "The companion framework was released in January 2023 for voluntary use.",
            None,
        ),
        # a sentence giving the claimed date states the date's words, not what the claim dates: the rest of the
        # claim must be stated too; counter-examples: the same subject dated alike, and otherwise
        (
            "The Robot Safety Act's ban on social scoring applies from 2 August 2026.",
            "The registry of operators should be operational before 2 August 2026 and applies to all.",
            None,
        ),
        (
            "The Robot Safety Act's ban on social scoring applies from 2 August 2026.",
            "The ban on social scoring shall apply from 2 August 2026.",
            "supported",
        ),
        (
            "The Robot Safety Act's ban on social scoring applies from 2 August 2026.",
            "The ban on social scoring shall apply from 2 February 2025.",
            "refuted",
        ),
        # counter-example: a sentence of the text dating another part of itself ("this Regulation" does not make
        # the prohibitions' date the fines' date)
        (
            "Robot Safety Act fines for unsafe robots applied from 2 August 2025.",
            "The prohibitions and the general provisions of this Regulation shall apply from 2 February 2025.",
            None,
        ),
    ],
)
def test_a_date_of_the_same_event_must_be_of_the_same_subject(claim: str, sentence: str, verdict: str | None) -> None:
    """A date of the claimed event decides only in a sentence naming the claim's text or sharing what the
    claim's clause says around its date."""
    found = compare_dates(read(claim), sentence, IDF)
    assert (found.verdict if found else None) == verdict


@pytest.mark.parametrize(
    ("claim", "verdict"),
    [
        # a date cited with a law's number dates that law: another law's citation date is no evidence against it
        ("Executive Order 12 of 20 January 2025 revoked the robot order, Executive Order 7.", None),
        # counter-example: cited with the same number, the dates are of one law and differ
        ("Executive Order 7 of 20 January 2025 set robot safety rules.", "refuted"),
    ],
)
def test_a_date_cited_with_a_laws_number_is_compared_with_that_laws_date(claim: str, verdict: str | None) -> None:
    found = compare_dates(read(claim), "Executive Order 7 of March 1, 2021 on robot safety.", IDF)
    assert (found.verdict if found else None) == verdict
    assert [d.law for d in read(claim).dates] == [claim.split()[2]]  # the number the date is cited with


TRANSITIONAL = (
    "Robots that have been placed on the market before 2 August 2025 shall take the necessary steps in order to "
    "comply with the obligations laid down in this Act by 2 August 2027."
)


@pytest.mark.parametrize(
    ("claim", "sentence", "verdict"),
    [
        # a transitional provision dates the case it sets apart by an earlier date, not the rule
        ("The Robot Safety Act's rules for robots apply from 2 August 2025.", TRANSITIONAL, None),
        (
            "The Robot Safety Act applies to service robots from 2 August 2026.",
            "Service robots put into service before 2 August 2026 shall be brought into compliance with this Act "
            "by 31 December 2030.",
            None,
        ),
        # counter-example: a claim naming the case is about the case, and the case's date decides it
        (
            "Robots already on the market before 2 August 2025 must comply with the Robot Safety Act by 2 August 2026.",
            TRANSITIONAL,
            "refuted",
        ),
        # counter-example: a sentence dating the rule itself, with no case set apart, still refutes
        (
            "The Robot Safety Act's rules for robots apply from 2 August 2025.",
            "This Act shall apply from 2 August 2027.",
            "refuted",
        ),
    ],
)
def test_a_transitional_provision_dates_its_case_not_the_rule(claim: str, sentence: str, verdict: str | None) -> None:
    """What was placed on the market before a date complies by a later one: that later date is the case's."""
    found = compare_dates(read(claim), sentence, IDF)
    assert (found.verdict if found else None) == verdict


# ---------------------------------------------------------------- modality and actor


@pytest.mark.parametrize(
    ("claim", "sentence", "verdict"),
    [
        (
            "Operators must report incidents to the ministry.",
            "Operators shall endeavour to report incidents to the ministry.",
            "refuted",
        ),
        (
            "Operators only need to endeavour to report incidents.",
            "Operators shall report incidents to the ministry.",
            "refuted",
        ),
        ("事業者は事故を報告しなければならない。", "事業者は、事故を報告するよう努めなければならない。", "refuted"),
        # counter-examples: the same force, or an effort asked for another action, decides nothing
        ("Operators must report incidents to the ministry.", "Operators shall report incidents to the ministry.", None),
        ("Operators must report incidents to the ministry.", "Operators shall endeavour to train their staff.", None),
    ],
)
def test_modality_on_the_same_action(claim: str, sentence: str, verdict: str | None) -> None:
    """A duty claimed where the sentence asks only for an effort on the same action (or the reverse)."""
    found = compare_modality(read(claim), sentence, IDF)
    assert (found.verdict if found else None) == verdict


@pytest.mark.parametrize(
    ("claim", "sentence", "verdict"),
    [
        # leave to act without something ("without consent") is leave: a duty on the same words is no other force
        (
            "Operators may share robot data with third parties without consent in emergencies.",
            "Before sharing robot data with third parties, operators must inform users of the consent they give.",
            None,
        ),
        # … and a ban on acting without it refutes the leave (it was taken for a denied leave, and passed)
        (
            "Operators may share robot data with third parties without consent.",
            "Operators shall not share robot data with third parties without consent.",
            "refuted",
        ),
        # counter-examples: a denied leave or a ban claimed is still compared as one
        (
            "Operators may not share robot data with third parties.",
            "Operators shall not share robot data with third parties.",
            None,
        ),
        (
            "Operators must not share robot data with third parties.",
            "Operators are not prohibited from sharing robot data with third parties.",
            "refuted",
        ),
    ],
)
def test_leave_to_act_without_something_is_leave(claim: str, sentence: str, verdict: str | None) -> None:
    found = compare_modality(read(claim), sentence, IDF)
    assert (found.verdict if found else None) == verdict


def test_a_practice_said_to_be_allowed_is_not_stated_by_a_point_of_a_list_of_bans() -> None:
    """ "X is allowed" claims leave: a point of the Act's prohibitions sharing its words states a ban, not it.
    Counter-example: a sentence giving that leave supports it."""
    claim = read("Under the Robot Act, emotion recognition of pupils in schools is allowed.")
    banned = passage("(f) the use of robots for emotion recognition of pupils in schools;", roles=("prohibition",))
    found = decide(claim, rank_evidence(claim, [banned], IDF), IDF)
    assert found is None or found[0].verdict != "supported"
    allowed = passage("Emotion recognition of pupils in schools is allowed for medical reasons.")
    found = decide(claim, rank_evidence(claim, [allowed], IDF), IDF)
    assert found is not None and found[0].verdict == "supported"


LEAK_RULE = "Operators shall tell users about a leak of robot data."
LEAK_PROVISO = "However, where telling users is impossible, this shall not apply to the operator."


@pytest.mark.parametrize(
    ("claim", "text", "unclaimed"),
    [
        # a proviso states the case its rule leaves out: a claim naming no word of that case is not stated by it
        ("Operators need not tell users about a leak of robot data.", f"{LEAK_RULE} {LEAK_PROVISO}", True),
        (
            "事業者は、ロボットデータの漏えいを本人に通知する必要はない。",
            "事業者は、その取り扱うロボットデータの漏えいが生じたときは、本人に対し、当該事態が生じた旨を遅滞なく通知しなければ"
            "ならない。ただし、本人への通知が困難な場合であって、これに代わるべき措置をとるときは、この限りでない。",
            True,
        ),
        # counter-examples: a claim of the case itself; a sentence that is no proviso
        (
            "Operators need not tell users about a leak of robot data where telling users is impossible.",
            f"{LEAK_RULE} {LEAK_PROVISO}",
            False,
        ),
        ("Operators need not tell users about a leak of robot data.", f"{LEAK_RULE} Operators shall keep logs.", False),
    ],
)
def test_a_proviso_states_only_a_claim_of_its_case(claim: str, text: str, unclaimed: bool) -> None:
    """The proviso (the passage's last sentence) is set aside as support for a claim naming none of its case."""
    reading = read(claim)
    last = sentence_spans(text)[-1]
    assert proviso_unclaimed(reading, text, last[0], text[last[0] : last[1]]) is unclaimed
    if unclaimed:  # … and supports nothing
        found = decide(reading, rank_evidence(reading, [passage(text)], IDF), IDF)
        assert found is None or found[0].verdict != "supported"


EXEMPTED_SMALL = "Sections 2 and 3 do not apply to an operator with fewer than fifty employees."


@pytest.mark.parametrize(
    ("claim", "sentence", "verdict"),
    [
        # a figure stated in a sentence denying the claim's verb (an exemption) supports no claim affirming it
        (
            "The Robot Act applies to operators with fewer than 50 employees in the same way as to large operators.",
            EXEMPTED_SMALL,
            None,
        ),
        # counter-examples: a claim of the exemption; a rule affirmed with the figure
        (
            "The Robot Act exempts operators with fewer than 50 employees from sections 2 and 3.",
            EXEMPTED_SMALL,
            "supported",
        ),
        (
            "The Robot Act applies in full to operators with more than 50 employees.",
            "This Act applies to an operator with more than fifty employees.",
            "supported",
        ),
    ],
)
def test_a_figure_of_an_exemption_supports_no_claim_that_the_rule_applies(
    claim: str, sentence: str, verdict: str | None
) -> None:
    reading = read(claim)
    found = decide(reading, rank_evidence(reading, [passage(sentence)], IDF), IDF)
    assert (found[0].verdict if found else None) == verdict


_NOT_BANNED = "Using cameras by a shop to count its visitors' moods, such as boredom or delight, is not prohibited."


@pytest.mark.parametrize(
    ("claim", "sentence", "verdict"),
    [
        # a guideline saying a case "is not prohibited" refutes a claimed ban of it, however news words the ban
        (
            "Shops may not use cameras to count their visitors' moods, such as boredom or delight.",
            _NOT_BANNED,
            "refuted",
        ),
        ("Shops can't use cameras to count their visitors' moods.", _NOT_BANNED, "refuted"),
        ("Shops are not allowed to use cameras to count their visitors' moods.", _NOT_BANNED, "refuted"),
        # counter-examples: a claimed leave agrees with it; a ban of another action is not compared
        ("Shops may use cameras to count their visitors' moods.", _NOT_BANNED, None),
        ("Shops may not sell recordings of their customers to data brokers.", _NOT_BANNED, None),
    ],
)
def test_a_case_said_not_prohibited_refutes_a_claimed_ban(claim: str, sentence: str, verdict: str | None) -> None:
    found = compare_modality(read(claim), sentence, IDF)
    assert (found.verdict if found else None) == verdict


@pytest.mark.parametrize(
    ("sentence", "verdict"),
    [
        # a ban denies what it bans: it states a claimed "can't use" (a ban, "can't" read as "may not")
        ("Using cameras during job interviews to read the candidates' moods is prohibited.", None),
        # counter-example: a sentence affirming the use, with no ban, refutes the claimed ban
        ("Employers use cameras during job interviews to read the candidates' moods.", "refuted"),
    ],
)
def test_a_ban_states_what_a_claim_says_cannot_be_done(sentence: str, verdict: str | None) -> None:
    claim = read("Employers can't use cameras during job interviews to read the candidates' moods.")
    assert claim.modality == "must" and claim.negated
    found = compare_polarity(claim, sentence, IDF)
    assert (found.verdict if found else None) == verdict


@pytest.mark.parametrize(
    ("claim", "sentence", "verdict"),
    [
        (
            "Deployers must register high-risk robots in the database.",
            "Providers shall register high-risk robots in the database.",
            "refuted",
        ),
        # counter-examples: the sentence names the claimed party too, or states another action, or binds a kind
        # of the business the claim names ("companies" are importers too)
        (
            "Companies must keep the certificates for ten years.",
            "Importers shall keep the certificates for ten years.",
            None,
        ),
        (
            "Deployers must register high-risk robots in the database.",
            "Providers and deployers shall register high-risk robots in the database.",
            None,
        ),
        (
            "Deployers must register high-risk robots in the database.",
            "Providers shall draw up technical documentation.",
            None,
        ),
    ],
)
def test_actor_on_the_same_action(claim: str, sentence: str, verdict: str | None) -> None:
    """The claim binds one party; the sentence binds another to the same action and never names the first."""
    found = compare_actor(read(claim), sentence, IDF)
    assert (found.verdict if found else None) == verdict


@pytest.mark.parametrize(
    ("claim", "sentence", "verdict"),
    [
        # the stem binds a minister, its points state what the claim puts on companies
        (
            "Companies must label synthetic content with watermarks.",
            "Within 90 days, the Secretary of Robotics, in consultation with other agencies as the Secretary may"
            " deem appropriate, shall submit a report identifying practices for: (i) labeling synthetic content,"
            " such as using watermarks; (ii) detecting synthetic content.",
            "refuted",
        ),
        # counter-example: the stem binds the claimed party itself
        (
            "Companies must label synthetic content with watermarks.",
            "Within 90 days, companies, in consultation with the regulator, shall put in place: (i) labeling of"
            " synthetic content, such as using watermarks; (ii) detection of synthetic content.",
            None,
        ),
        # counter-example: the stem states no duty; a point's "encourages" is not whose duty the stem states
        (
            "A company may use the framework as a defence when the regulator brings an action.",
            "In any action brought by the regulator, it is a defence that the company: (a) cures a violation as a"
            " result of feedback the company encourages users to give; (b) follows the framework.",
            None,
        ),
    ],
)
def test_actor_of_a_stem_for_its_points(claim: str, sentence: str, verdict: str | None) -> None:
    """A stem introducing points states whose duty the points are: the actor is read in the stem, the action
    may stand in the points."""
    found = compare_actor(read(claim), sentence, IDF)
    assert (found.verdict if found else None) == verdict


# ---------------------------------------------------------------- scope


LABEL_IF_SOLD = "Where a care robot is sold to consumers, the operator shall label it with the operator's name."


@pytest.mark.parametrize(
    ("claim", "sentence", "verdict"),
    [
        (
            "All operators must register their robots.",
            "Operators shall register their robots, except operators of toy robots.",
            "refuted",
        ),
        (
            "Every operator must register robots.",
            "Only operators of industrial robots shall register robots.",
            "refuted",
        ),
        # counter-examples: an exception to another rule, or a sentence itself saying "all"
        (
            "All operators must register their robots.",
            "Except in urgent cases, the authority shall publish its decisions.",
            None,
        ),
        (
            "All operators must register their robots.",
            "All operators shall register their robots unless already registered.",
            None,
        ),
        # a claim of no duty states its rule in all its words; "full stop" claims it of all cases
        (
            "The Robot Act exempts all hobby robots from every duty.",
            "Hobby robots shall be exempt from the duties of this Act, unless they are sold to the public.",
            "refuted",
        ),
        (
            "The Robot Act does not apply to hobby robots, full stop.",
            "This Act does not apply to hobby robots, unless they are sold to the public.",
            "refuted",
        ),
        # counter-examples: no exception; no claim of all cases
        ("The Robot Act exempts all hobby robots from every duty.", "Hobby robots are exempt from this Act.", None),
        (
            "The Robot Act does not apply to hobby robots.",
            "This Act does not apply to hobby robots, unless they are sold to the public.",
            None,
        ),
        # a rule claimed to hold whatever a condition, against the rule stated under that condition
        (
            "Operators must label care robots regardless of whether they are sold to consumers.",
            LABEL_IF_SOLD,
            "refuted",
        ),
        ("Operators must label every care robot, whether or not it is sold to consumers.", LABEL_IF_SOLD, "refuted"),
        (
            "Operators must report accidents irrespective of the robot's speed.",
            "If the robot's speed exceeds 10 km/h, the operator shall report accidents to the authority.",
            "refuted",
        ),
        (
            "事業者は、ロボットを販売するかどうかにかかわらず、表示をしなければならない。",
            "事業者は、ロボットを販売する場合には、表示をしなければならない。",
            "refuted",
        ),
        # counter-examples: the sentence says "whether or not" itself; its condition names other things; the
        # sentence states another action under the condition
        (
            "Operators must label care robots regardless of whether they are sold to consumers.",
            "The operator shall label a care robot with the operator's name, whether or not it is sold to consumers.",
            None,
        ),
        (
            "Operators must label care robots regardless of whether they are sold to consumers.",
            "Where technically feasible, the operator shall label a care robot with the operator's name.",
            None,
        ),
        (
            "Operators must label care robots regardless of whether they are sold to consumers.",
            "Where a care robot is sold to consumers, the operator shall keep a record of the sale.",
            None,
        ),
    ],
)
def test_scope_against_an_exception_to_the_same_rule(claim: str, sentence: str, verdict: str | None) -> None:
    """ "all"/"every" against an exception or limit on the same action; an unrelated exception decides nothing; a
    rule claimed whatever a condition against the rule stated under that condition."""
    found = compare_scope(read(claim), sentence, IDF)
    assert (found.verdict if found else None) == verdict


@pytest.mark.parametrize(
    ("claim", "sentence", "verdict"),
    [
        # a rule under a condition that is no "where"/"if" clause does not state a claim setting it aside
        (
            "Operators must notify consumers regardless of whether the care robot makes a decision about them.",
            "No later than the time an operator deploys a care robot to make a decision about a consumer, the "
            "operator shall notify the consumer.",
            None,
        ),
        # counter-examples: the sentence sets the condition aside itself; a claim with no such words
        (
            "Operators must notify consumers regardless of whether the care robot makes a decision about them.",
            "The operator shall notify consumers, whether or not the care robot makes a decision about them.",
            "supported",
        ),
        (
            "Operators must notify consumers when the care robot makes a decision about them.",
            "When the care robot makes a decision about a consumer, the operator shall notify the consumer.",
            "supported",
        ),
    ],
)
def test_a_condition_set_aside_is_stated_only_by_a_sentence_that_sets_it_aside(
    claim: str, sentence: str, verdict: str | None
) -> None:
    """ "Regardless of whether …" is a claim of its own: a sentence sharing the claim's other words does not state
    the claim by its words."""
    reading = read(claim)
    found = decide(reading, rank_evidence(reading, [passage(sentence)], IDF), IDF)
    assert (found[0].verdict if found else None) == verdict


SPARED = "(6) Subsections (2), (3), and (5) of this section do not apply to an operator of fewer than ten hobby robots."


@pytest.mark.parametrize(
    ("claim", "sentence", "verdict"),
    [
        # a claim that a law spares someone all of it, against a sentence sparing them named parts of it only
        ("The Robot Act fully exempts operators of fewer than ten hobby robots.", SPARED, "refuted"),
        ("The Robot Act spares operators of fewer than ten hobby robots all of its duties.", SPARED, "refuted"),
        # … where "at all times" says when, not how much: no "all" of the sentence's own
        (
            "The Robot Act spares operators of fewer than ten hobby robots all of its duties.",
            SPARED.replace("robots.", "robots at all times."),
            "refuted",
        ),
        # counter-examples: the claim spares them some of it; the sentence spares them the whole Act
        ("The Robot Act exempts operators of fewer than ten hobby robots from some of its duties.", SPARED, None),
        (
            "The Robot Act fully exempts operators of fewer than ten hobby robots.",
            "This Act does not apply to an operator of fewer than ten hobby robots.",
            None,
        ),
    ],
)
def test_a_claim_that_a_law_spares_all_of_it_against_named_parts_spared(
    claim: str, sentence: str, verdict: str | None
) -> None:
    found = compare_scope(read(claim), sentence, IDF)
    assert (found.verdict if found else None) == verdict


@pytest.mark.parametrize(
    ("claim", "sentence", "verdict"),
    [
        # a claim restricting the act to some and putting others outside it, against a list including the others
        (
            "The Robot Act is aimed solely at private operators; municipalities fall outside it.",
            "The Act is intended for all robot operators (including public bodies such as municipalities).",
            "refuted",
        ),
        (
            "The Robot Act is meant only for hospitals; schools aren't covered.",
            "The Act can be used by both hospitals and schools that operate care robots.",
            "refuted",
        ),
        (
            "The robot guidelines address only robot makers; universities and NGOs aren't covered.",
            "Operators may include, among others, universities, NGOs and public bodies.",
            "refuted",
        ),
        # counter-examples: the list includes those the claim restricts to, not the others; the list is of those
        # the act leaves out; the claim names no others outside it
        (
            "The Robot Act is meant only for hospitals; schools aren't covered.",
            "The Act applies to hospitals, including university hospitals and clinics.",
            None,
        ),
        (
            "The Robot Act is meant only for hospitals; schools aren't covered.",
            "The Act does not apply to other operators, including schools.",
            None,
        ),
        (
            "The Robot Act is meant only for hospitals.",
            "The Act can be used by both hospitals and schools that operate care robots.",
            None,
        ),
    ],
)
def test_a_claim_putting_others_outside_a_text_against_a_list_including_them(
    claim: str, sentence: str, verdict: str | None
) -> None:
    found = compare_scope(read(claim), sentence, IDF)
    assert (found.verdict if found else None) == verdict


# ---------------------------------------------------------------- near-verbatim


@pytest.mark.parametrize(
    ("claim", "sentence", "verdict"),
    [
        (
            "Under Ruritania's Robot Safety Act, operators must keep a register of their robots.",
            "Operators shall keep a register of their robots and update it yearly.",
            "supported",
        ),
        (
            "Providers shall ensure that robots are not used for surveillance.",
            "Providers shall ensure that their robots are not used for surveillance.",
            "supported",
        ),
        # counter-examples: the same words with the opposite polarity; too few of the claim's words
        (
            "Providers shall ensure that robots are not used for surveillance.",
            "Providers shall ensure that their robots are used for surveillance.",
            None,
        ),
        (
            "Operators must keep a register of their robots and insure them.",
            "Operators shall keep their robots safe.",
            None,
        ),
    ],
)
def test_near_verbatim_statement_supports(claim: str, sentence: str, verdict: str | None) -> None:
    """A sentence stating nearly all the claim's terms, with its polarity, supports it (the text's own name is
    not counted: a law does not name itself)."""
    found = near_verbatim(read(claim), sentence, IDF)
    assert (found.verdict if found else None) == verdict


# ---------------------------------------------------------------- ranking


@pytest.mark.parametrize(
    ("claim", "sentence", "verdict"),
    [
        # the sentence denies what the claim affirms, and the reverse
        (
            "Operators must register robots with the authority.",
            "Operators shall not register robots with the authority.",
            "refuted",
        ),
        (
            "Operators need not register robots with the authority.",
            "Operators shall register robots with the authority.",
            "refuted",
        ),
        # an exemption is a denial: it agrees with "no fines", and a claim of fines meets it as a denial
        (
            "Sandbox operators acting in good faith are exempted from administrative fines.",
            "No administrative fines shall be imposed on sandbox operators acting in good faith.",
            None,
        ),
        (
            "Sandbox operators acting in good faith face administrative fines.",
            "Sandbox operators acting in good faith are exempted from administrative fines.",
            "refuted",
        ),
        # a negation before an adverb denies the word the adverb qualifies: "not legally binding" is "non-binding"
        ("The robot guidelines are not legally binding.", "These robot guidelines are non-binding.", None),
        (
            "The robot rules are not directly applicable to operators.",
            "The robot rules are applicable to operators.",
            "refuted",
        ),
        ("The robot guidelines are legally binding.", "These robot guidelines are non-binding.", "refuted"),
        # counter-examples: a negation of a word the claim does not use, or inside a condition
        (
            "Standards must promote digital transformation and equitable access.",
            "Standards must promote, not hinder, digital transformation and equitable access.",
            None,
        ),
        (
            "Operators must offer consumers an appeal.",
            "Operators shall offer consumers an appeal, unless an appeal is not in the consumer's interest.",
            None,
        ),
    ],
)
def test_polarity_on_the_words_the_claim_uses(claim: str, sentence: str, verdict: str | None) -> None:
    found = compare_polarity(read(claim), sentence, IDF)
    assert (found.verdict if found else None) == verdict


@pytest.mark.parametrize(
    ("claim", "sentence", "verdict"),
    [
        # the claim's subject stands only in the rule's exception
        (
            "A fraud detection robot is a high-risk robot under the Act.",
            "High-risk robots are robots used for "
            "credit scoring, with the exception of robots used for detecting financial fraud.",
            "refuted",
        ),
        (
            "The ban covers robots used in hospitals.",
            "The ban covers all robots, except where the robot is used in hospitals for medical reasons.",
            "refuted",
        ),
        # counter-examples: a negative claim agrees with the exception; an exception naming something else, or
        # words the rule itself also states, decide nothing
        (
            "A fraud detection robot is not a high-risk robot under the Act.",
            "High-risk robots are robots used for "
            "credit scoring, with the exception of robots used for detecting financial fraud.",
            None,
        ),
        (
            "A credit scoring robot is a high-risk robot under the Act.",
            "High-risk robots are robots used for credit "
            "scoring, with the exception of robots used for detecting financial fraud.",
            None,
        ),
        # nor does an exception the claim makes itself; one it does not make still refutes (above)
        (
            "The ban covers robots used in hospitals, except for medical reasons.",
            "The ban covers all robots, except where the robot is used in hospitals for medical reasons.",
            None,
        ),
        # nor the body or text an exception refers to for its details ("prescribed by …", "pursuant to …"): the
        # case excepted is the one named before it
        (
            "Robot operators must report robot accidents to the Robot Safety Board.",
            "Robot operators must report robot accidents, excluding operators meeting standards prescribed by the"
            " Robot Safety Board.",
            None,
        ),
        (
            "Robot operators must report robot accidents to the Robot Safety Board.",
            "Robot operators must report robot accidents, except operators designated pursuant to rules of the"
            " Robot Safety Board.",
            None,
        ),
        (
            "Robot operators must report robot accidents to the Robot Safety Board.",
            "Robot operators must report robot accidents, other than accidents handled by the Robot Safety Board.",
            "refuted",
        ),
    ],
)
def test_an_exception_naming_the_claims_subject(claim: str, sentence: str, verdict: str | None) -> None:
    found = compare_excepted(read(claim), sentence, IDF)
    assert (found.verdict if found else None) == verdict


@pytest.mark.parametrize(
    ("claim", "sentence", "verdict"),
    [
        # most of the claim's words, same polarity (a synonym or two aside)
        (
            "Operators must keep inspection logs of every robot for ten years.",
            "Operators shall keep the inspection logs of their robots for ten years.",
            "supported",
        ),
        # counter-examples: the opposite polarity; too few of the claim's words
        (
            "Operators must keep inspection logs of every robot for ten years.",
            "Operators shall not keep the inspection logs of their robots.",
            None,
        ),
        ("Operators must keep inspection logs of every robot for ten years.", "Logs are public.", None),
    ],
)
def test_a_sentence_stating_most_of_the_claim_supports_it(claim: str, sentence: str, verdict: str | None) -> None:
    found = states_most(read(claim), sentence, IDF)
    assert (found.verdict if found else None) == verdict


@pytest.mark.parametrize(
    ("claim", "sentence", "verdict"),
    [
        # the claim's number or date stated alike
        (
            "The Robot Safety Act sets out 28 duties.",
            "The Robot Safety Act sets out 28 duties for operators.",
            "supported",
        ),
        (
            "The Robot Safety Act was signed by the President in May 2024.",
            "Signed by the President, 17 May 2024.",
            "supported",
        ),
        # counter-examples: the other words shared, the number or the date not stated
        ("The Robot Safety Act sets out 28 duties.", "Duty 28 (Delegation) The Act sets out more by order.", None),
        ("The Robot Safety Act was signed by the President in May 2024.", "The Act was signed by the President.", None),
    ],
)
def test_a_claims_figures_and_dates_must_be_stated_to_support_it(
    claim: str, sentence: str, verdict: str | None
) -> None:
    """A sentence sharing a claim's words supports it only if it states the claim's figures and dates alike."""
    found = states_most(read(claim), sentence, IDF)
    assert (found.verdict if found else None) == verdict


@pytest.mark.parametrize(
    ("claim", "sentence", "verdict"),
    [
        # the same rule in other endings and particles: the kanji and katakana say what it is
        (
            "ロボット安全法では、ロボットを登録したときに運用者は点検記録を保存することが義務付けられています。",
            "運用者は、ロボットを登録した場合は、速やかに、その点検記録を保存しなければならない。",
            "supported",
        ),
        # counter-example: the same endings and particles, about something else
        (
            "ロボット安全法では、ロボットを登録したときに運用者は点検記録を保存することが義務付けられています。",
            "利用者は、料金を支払った場合は、速やかに、その領収書を受け取らなければならない。",
            None,
        ),
    ],
)
def test_a_japanese_claims_content_is_its_kanji_and_katakana(claim: str, sentence: str, verdict: str | None) -> None:
    """Hiragana pairs ("では", "した") are grammar, weighed heavily by idf in an English-heavy library: they neither
    make nor break a Japanese claim's coverage."""
    idf = {t: 8.0 for t in tokenize(claim) if any("\u3041" <= ch <= "\u309f" for ch in t)}
    found = states_most(read(claim), sentence, idf)
    assert (found.verdict if found else None) == verdict


@pytest.mark.parametrize(
    ("claim", "sentence", "verdict"),
    [
        # the English terms a Japanese claim gives in brackets are what an English sentence can state
        (
            "ロボット安全法の基本原則は、安全(Safety)、透明性(Transparency)、説明責任(Accountability)の3つである。",
            "The basic principles are Safety: robots do no harm; Transparency: users know; Accountability: someone"
            " answers.",
            "supported",
        ),
        # counter-examples: an English sentence stating other terms; too few English terms to compare on
        (
            "ロボット安全法の基本原則は、安全(Safety)、透明性(Transparency)、説明責任(Accountability)の3つである。",
            "The basic principles are efficiency, speed and growth.",
            None,
        ),
        ("ロボット安全法はAI(Robots)の登録を義務付けている。", "Robots must be registered.", None),
        # a year is no English term: two names and a year say nothing of what the claim says of them
        (
            "ロボット委員会(Robot Board)が2019年にまとめた指針は、安全を最優先の要件としている。",
            "Contact the Robot Board secretariat. Document made public on 8 April 2019.",
            None,
        ),
    ],
)
def test_a_japanese_claims_english_terms_meet_an_english_sentence(
    claim: str, sentence: str, verdict: str | None
) -> None:
    found = states_most(read(claim), sentence, IDF)
    assert (found.verdict if found else None) == verdict


def test_a_paragraph_numbered_as_its_stem_is_its_sibling_not_its_point() -> None:
    """ "(1) The following persons shall be fined: 1. … 2. … (2) Fines shall be imposed by the Minister …": (2) is
    the next paragraph, whose own subject is who imposes the fines; the claim that a Commission imposes them is
    refuted on it. The counter-example: points numbered otherwise than the stem ("1.", "(a)") are its points."""
    text = (
        "Article 43 (Fines) (1) The following persons shall be fined up to 30 million won:\n"
        "1. A person who fails to register a robot with the registry;\n"
        "2. A person who fails to label a robot it sells;\n"
        "(2) Fines under paragraph (1) shall be imposed and collected by the Minister of Robots."
    )
    spans = statement_spans(text)
    assert [text[s:stop].split()[0] for s, _, stop in spans] == ["Article", "1.", "2.", "(2)"]
    assert text[spans[0][0] : spans[0][2]].endswith("fails to label a robot it sells;")
    assert statement_spans("(1) Operators shall:\n(a) register robots;\n(b) label them.")[0][2] > 30
    claim = read("Fines under Ruritania's Robot Safety Act are imposed and collected by the Robot Commission.")
    decided = decide(claim, rank_evidence(claim, [passage(text, locator="Article 43")], IDF), IDF)
    assert decided is not None and decided[0].reason == "actor_differs"


def test_a_stems_figure_is_compared_for_the_points_it_introduces() -> None:
    """ "fines of up to €15 000 000 for: (a) …; (b) labelling duties" is the rule for labelling duties: a claim
    of €10 million for them is refuted on that stem, cited with its points, not on the sentence fining another
    breach that states no point of the claim. A claim about a duty no point names is not compared with it."""
    fines = (
        "4. Breaches of the following duties shall be subject to fines of up to EUR 15 000 000:\n"
        "(a) registration errors;\n(b) labelling mistakes of operators."
    )
    other = "3. Breaches of the ban on hazardous robots shall be subject to fines of up to EUR 35 000 000."
    s0, _, stop0 = statement_spans(fines)[0]
    assert fines[s0:stop0] == fines
    claim = read("Labelling mistakes by operators carry fines of up to €10 million.")
    evidence = rank_evidence(claim, [passage(other, locator="Article 3"), passage(fines, locator="Article 4")], IDF)
    assert evidence[0].passage.chunk.locator == "Article 4"
    decided = decide(claim, evidence, IDF)
    assert decided is not None and decided[0].verdict == "refuted" and decided[0].stated == "EUR 15 000 000"
    assert decided[1].text.endswith("labelling mistakes of operators.")  # the points are cited with the stem
    unrelated = read("Late safety audits carry fines of up to €10 million.")
    assert compare_figures(unrelated, " ".join(fines.split()), IDF) is None


def test_the_sentence_stating_the_claim_ranks_first_whatever_the_passage_rank() -> None:
    """The best evidence is the sentence that states most of the claim, even in a lower-ranked passage."""
    passages = [
        passage("This Act lays down rules on robots. The authority shall publish an annual report on robots."),
        passage("Operators shall report serious incidents to the ministry within 15 days of becoming aware."),
    ]
    ranked = rank_evidence(read("Operators must report serious incidents within 15 days."), passages, IDF)
    assert ranked[0].passage is passages[1] and ranked[0].coverage > 0.8
    assert ranked[0].event_match and not ranked[-1].event_match


def test_roles_and_similarity_break_ties() -> None:
    """Between sentences stating the same share of the claim, the one whose passage has the role the claim asks
    for (its actor's obligations) wins; an injected similarity scorer adds its score."""
    same = "Operators report incidents."
    passages = [
        passage(same, locator="Article 1"),
        passage(same, roles=("obligation:business_operator",), locator="Article 2"),
    ]
    reading = read("Operators must report incidents.")
    # a business operator in the ingest vocabulary: "operators" names one in a claim
    assert reading.actor_role == "business_operator"
    ranked = rank_evidence(reading, passages, IDF)
    assert ranked[0].passage is passages[1] and ranked[0].role_match

    def prefer_first(query: str, texts: list[str]) -> list[float]:
        return [1.0 if i == 0 else 0.0 for i in range(len(texts))]

    ranked = rank_evidence(reading, passages, IDF, similarity=prefer_first)
    assert ranked[0].passage is passages[0] and ranked[0].similarity == 1.0


def test_the_sentence_binding_the_claimed_party_ranks_above_one_naming_it_in_a_clause() -> None:
    """A law states a party's duty with that party as the subject of "shall" ("On and after …, an importer shall
    …"); a sentence naming the party inside a clause ("a presumption that importers kept …") states no duty of
    it. Of two sentences stating the same words, the first ranks first for a claim binding that party; for a
    claim binding another party (the counter-example), retrieval's order stands."""
    clause = passage("In any inspection there is a presumption that importers keep records of robots.")
    duty = passage("Importers shall keep records of robots.", locator="Article 2")
    bound = read("Importers must keep records of robots.")
    assert bound.actor_role == "importer"
    ranked = rank_evidence(bound, [clause, duty], IDF)
    assert ranked[0].passage is duty and ranked[0].coverage == ranked[1].coverage
    other = read("Providers must keep records of robots.")
    assert other.actor_role == "provider"
    assert rank_evidence(other, [clause, duty], IDF)[0].passage is clause


def test_idf_weighs_rare_terms() -> None:
    """Coverage weighs the claim's terms by idf: stating the rare term counts more than a common one."""
    idf = {t: 5.0 for t in tokenize("incidents")} | {t: 0.5 for t in tokenize("robots")}
    passages = [
        passage("Robots are machines of many kinds and shapes."),
        passage("Incidents are events of many kinds."),
    ]
    ranked = rank_evidence(read("Robots must report incidents."), passages, idf)
    assert ranked[0].passage is passages[1]


def test_decide_runs_the_checks_in_order_over_the_best_sentences() -> None:
    """A figure that differs decides before a near-verbatim statement would support; with nothing to compare,
    nothing is decided."""
    assert [name for name, _ in CHECKS] == [
        "figures",
        "dates",
        "timing",
        "modality",
        "actor",
        "recipient",
        "scope",
        "excepted",
        "polarity",
        "verbatim",
        "most",
    ]
    claim = read("Operators must report serious incidents within ten days.")
    passages = [passage("Operators shall report serious incidents within 15 days.")]
    found = decide(claim, rank_evidence(claim, passages, IDF), IDF)
    assert found is not None and (found[0].check, found[0].verdict, found[0].stated) == (
        "figures",
        "refuted",
        "15 days",
    )
    unrelated = [passage("The authority shall publish an annual report.")]
    assert decide(claim, rank_evidence(claim, unrelated, IDF), IDF) is None


def test_one_check_that_refutes_outweighs_an_earlier_one_that_supports() -> None:
    """A claim is refuted by one difference and supported only when no check finds one: its agreeing date of
    promulgation does not outweigh the timing that differs. Counter-example: the date alone, claimed and
    agreeing, supports."""
    sentence = "ADDENDA <Act No. 7, Mar. 3, 2025> This Act shall enter into force one year after its promulgation."
    passages = [passage(sentence)]
    both = read("Ruritania's robot law took effect the day it was promulgated in March 2025.")
    found = decide(both, rank_evidence(both, passages, IDF), IDF)
    assert found is not None and (found[0].check, found[0].verdict) == ("timing", "refuted")
    date = read("Ruritania's robot law was promulgated in March 2025.")
    found = decide(date, rank_evidence(date, passages, IDF), IDF)
    assert found is not None and (found[0].check, found[0].verdict) == ("dates", "supported")


@pytest.mark.parametrize(
    ("claim", "sentence", "verdict"),
    [
        # a date of no named event, in a sentence that states the claim: both date the same rule
        (
            "Operators must inspect robots yearly since 2024.",
            "From 1 March 2027, operators shall inspect robots yearly.",
            "refuted",
        ),
        (
            "Operators must inspect robots yearly since 2027.",
            "From 1 March 2027, operators shall inspect robots yearly.",
            "supported",
        ),
        # counter-example: a sentence that does not state the claim dates something else
        ("Operators must inspect robots yearly since 2024.", "The registry opened on 1 March 2027.", None),
    ],
)
def test_a_date_of_no_named_event_in_a_sentence_stating_the_claim(
    claim: str, sentence: str, verdict: str | None
) -> None:
    found = compare_dates(read(claim), sentence, IDF)
    assert (found.verdict if found else None) == verdict


def test_a_deciding_sentence_is_cited_with_its_proviso_not_with_the_next_point() -> None:
    """A clause ending in a semicolon continues its sentence ("…; provided, …"), unless a point of a list follows
    it ("(a) …; (b) …"): each point stays its own."""
    text = (
        "This Act shall enter into force 1 year after the date of its promulgation; provided, the registry "
        "rules shall enter into force six months later. The registry is kept by the authority."
    )
    (s, e), *_ = sentence_spans(text)
    assert text[s : whole_sentence(text, s, e)].endswith("six months later.")
    points = (
        "The operator shall keep these records for ten years:\n(a) the registry entries of all its robots;\n"
        "(b) the labels it has put on the outputs of its robots."
    )
    spans = sentence_spans(points)
    s, e = spans[1]
    assert whole_sentence(points, s, e) == e


def _verdict(claim: str, passages: list[Passage]) -> str | None:
    reading = read(claim)
    found = decide(reading, rank_evidence(reading, passages, IDF), IDF)
    return found[0].verdict if found else None


def test_another_party_or_force_refutes_only_where_no_sentence_states_the_claimed_one() -> None:
    """A law may state an action twice: the citizens' effort beside the operators' duty, "shall label" beside
    "may be labelled in a manner …". A sentence putting it on someone else, or asking less, refutes only where
    no ranked sentence puts it on the claimed party, or with the claimed force."""
    citizens = passage("Citizens shall endeavour to cooperate with the national robot safety measures.")
    operators = passage("Operators shall endeavour to cooperate with the national robot safety measures.")
    claim = "Operators must endeavour to cooperate with the national robot safety measures."
    assert _verdict(claim, [citizens]) == "refuted"
    assert _verdict(claim, [citizens, operators]) != "refuted"
    softer = passage("Robot outputs may be labelled as robot outputs in a manner that does not hinder their use.")
    duty = passage("Operators shall label robot outputs as robot outputs.")
    claim = "Operators must label robot outputs as robot outputs."
    assert _verdict(claim, [softer]) == "refuted"
    assert _verdict(claim, [softer, duty]) != "refuted"


def test_a_sentence_stating_less_of_the_action_does_not_hold_back_a_refutation() -> None:
    """Another sentence with the claimed force holds back a refutation only if it states as much of the claimed
    action: an effort to keep records accurate "within the purpose" is another action than specifying the purpose.
    Where both state the same action (the test above), the law states it both ways and nothing is refuted."""
    duty = passage("Operators shall specify the purpose of robot use as far as possible.")
    other = passage("Operators shall endeavour to keep records of robots accurate within the purpose of robot use.")
    claim = "Operators shall endeavour to specify the purpose of robot use as far as possible."
    assert _verdict(claim, [duty, other]) == "refuted"
    same = passage("Operators shall endeavour to specify the purpose of robot use as far as possible.")
    assert _verdict(claim, [duty, same]) != "refuted"


def test_a_denial_refutes_only_where_no_sentence_states_as_much_of_the_claim_affirmed() -> None:
    """A law states a rule and the cases it leaves out: "applies to operators abroad where the output is used in
    Ruritania" beside "does not apply where the output is used in Ruritania exclusively for defence". A claim of the
    rule is not refuted by the exception's denial; the denial alone still refutes (the counter-example)."""
    claim = "The Robot Act applies to robot operators abroad if the robot output is used in Ruritania."
    rule = passage("The Robot Act applies to robot operators abroad, where the robot output is used in Ruritania.")
    exception = passage(
        "The Robot Act does not apply to robot operators abroad where the robot output is used in Ruritania"
        " exclusively for defence purposes."
    )
    assert _verdict(claim, [exception]) == "refuted"
    assert _verdict(claim, [exception, rule]) != "refuted"


@pytest.mark.parametrize(
    ("claim", "supported"),
    [
        # a header's distribution date is no date of adoption: the claim's date of one event is stated only by a
        # date of that event, or of none
        ("The robot assembly adopted its robot safety resolution on 1 April 2027.", False),
        # counter-examples: the claim dates the distribution, or no event
        ("The robot assembly's robot safety resolution was distributed on 1 April 2027.", True),
        ("The robot assembly's robot safety resolution is dated 1 April 2027.", True),
    ],
)
def test_a_date_of_another_event_does_not_state_the_claimed_one(claim: str, supported: bool) -> None:
    sentence = "Robot Assembly Distr.: General 1 April 2027 Robot safety resolution of the robot assembly"
    found = near_verbatim(read(claim), sentence, IDF) or states_most(read(claim), sentence, IDF)
    assert (found is not None) is supported


@pytest.mark.parametrize(
    ("claim", "supported"),
    [
        # a claimed exception the sentence does not make is not stated by it, however many words they share
        ("The robot ban covers robots used in hospitals, except in small clinics.", False),
        # counter-examples: the sentence's own exception, and a claim making none
        ("The robot ban covers robots used in hospitals, except for medical reasons.", True),
        ("The robot ban covers robots used in hospitals.", True),
    ],
)
def test_a_claimed_exception_is_stated_only_by_a_sentence_naming_it(claim: str, supported: bool) -> None:
    sentence = "The robot ban covers robots used in hospitals, except where they are used for medical reasons."
    found = near_verbatim(read(claim), sentence, IDF) or states_most(read(claim), sentence, IDF)
    assert (found is not None) is supported


def test_a_recitals_should_is_no_force_to_compare() -> None:
    """A recital states the reasons for an act's rules in "should" ("operators should also be required to …"): the
    claimed force is compared with the articles', not the recital's. The same sentence in an article advises."""
    claim = "Operators must report robot incidents to the robot safety authority."
    said = "Operators should also report robot incidents to the robot safety authority."
    assert _verdict(claim, [passage(said, locator="Recital 12")]) != "refuted"
    assert _verdict(claim, [passage(said, locator="Article 12")]) == "refuted"


@pytest.mark.parametrize(
    ("claim", "roles", "verdict"),
    [
        # a point cut from its stem states the duty of its provision's one addressee
        ("Deployers must publish a summary of the robot training content.", ("obligation:provider",), "refuted"),
        # counter-examples: the addressee claimed; a provision binding two parties names no one
        ("Providers must publish a summary of the robot training content.", ("obligation:provider",), "supported"),
        (
            "Deployers must publish a summary of the robot training content.",
            ("obligation:provider", "obligation:deployer"),
            "supported",
        ),
    ],
)
def test_a_point_without_its_stem_binds_its_provisions_addressee(
    claim: str, roles: tuple[str, ...], verdict: str
) -> None:
    point = passage("(d) publish a summary of the robot training content.", roles=("obligation", *roles))
    assert _verdict(claim, [point]) == verdict


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        # a numbered paragraph stating its own force is read on it, not on its provision's addressee's "shall"
        ("3. Providers shall endeavour to publish a summary of the robot training content.", "refuted"),
        ("３　提供者は、ロボットの学習内容の概要を公表するよう努めなければならない。", "refuted"),
        ("3. The Commission shall publish a summary of the robot training content.", "refuted"),
        # counter-example: a numbered point with no force of its own still states the addressee's duty
        ("3. publish a summary of the robot training content.", "supported"),
    ],
)
def test_a_numbered_paragraph_stating_its_own_force_borrows_no_stem(text: str, verdict: str) -> None:
    claim = "Providers must publish a summary of the robot training content."
    claim = claim if text.isascii() else "提供者はロボットの学習内容の概要を公表しなければならない。"
    point = passage(text, roles=("obligation", "obligation:provider"))
    assert _verdict(claim, [point]) == verdict


def test_a_non_binding_texts_numbered_paragraph_borrows_no_shall() -> None:
    """A resolution's operative paragraph ("5. Calls upon Member States to …") is numbered like a point, but a
    non-binding text lends it no "member states shall:": its own "calls upon" is its force. A binding act's
    point cut from its stem, stating no force of its own, still binds its addressee (counter-example)."""
    claim = "The resolution calls on member states to refrain from using robots that harm people."
    text = (
        "5. Emphasizes that rights must be respected, calls upon Member States to refrain from using robots that "
        "harm people;"
    )
    roles = ("obligation", "obligation:member_state")
    chunk = Chunk("ru-res", "Operative paragraph 5", (), text, 0, len(text), None, None, "en", roles=roles)
    resolution = Document("ru-res", "Robot Resolution", "Robot Resolution", legal_effect="non_binding")
    act = Document("ru-res", "Robot Act", "Robot Act", legal_effect="binding")
    assert _verdict(claim, [Passage(chunk, 1.0, document=resolution)]) != "refuted"
    point = "5. refrain from using robots that harm people;"
    chunk = Chunk("ru-res", "Article 5", (), point, 0, len(point), None, None, "en", roles=roles)
    assert _verdict(claim, [Passage(chunk, 1.0, document=act)]) == "refuted"


def test_the_claimed_party_is_its_head_word_not_its_qualifiers() -> None:
    """ "Deployers of robot models" is not named by a sentence binding providers of robot models."""
    claim = "Deployers of robot models must register the robot models in the database."
    assert _verdict(claim, [passage("Providers shall register the robot models in the database.")]) == "refuted"


@pytest.mark.parametrize(
    ("claim", "sentence", "verdict"),
    [
        (
            "All robots must be registered in the registry.",
            "All robots shall be registered in the registry.",
            "supported",
        ),
        ("All robots must be registered in the registry.", "Robots shall be registered in the registry.", "supported"),
        # counter-examples: a qualified subject, or one that points back, states it of some robots only
        (
            "All robots must be registered in the registry.",
            "High-risk robots shall be registered in the registry.",
            None,
        ),
        ("All robots must be registered in the registry.", "Those robots shall be registered in the registry.", None),
    ],
)
def test_all_is_stated_only_of_all(claim: str, sentence: str, verdict: str | None) -> None:
    found = states_most(read(claim), sentence, IDF)
    assert (found.verdict if found else None) == verdict


@pytest.mark.parametrize(
    ("claim", "sentence", "verdict"),
    [
        # the sentence denies the same word inside its relative clause: it does not affirm it
        (
            "Operators without an office in Ruritania must appoint a local agent.",
            "An operator that does not have an office in Ruritania shall appoint a local agent.",
            None,
        ),
        # counter-example: the sentence affirms what the claim denies
        (
            "Operators without an office in Ruritania must appoint a local agent.",
            "An operator that has an office in Ruritania shall appoint a local agent.",
            "refuted",
        ),
    ],
)
def test_a_word_denied_in_a_relative_clause_is_not_affirmed(claim: str, sentence: str, verdict: str | None) -> None:
    found = compare_polarity(read(claim), sentence, IDF)
    assert (found.verdict if found else None) == verdict


def test_the_people_a_rule_protects_are_not_its_addressees() -> None:
    """Consumers, workers, data subjects are whom a duty protects: a duty claimed of them is another party's."""
    claim = "Consumers must complete an impact assessment of the robot every year."
    found = compare_actor(read(claim), "Deployers shall complete an impact assessment of the robot every year.", IDF)
    assert found is not None and found.verdict == "refuted"


@pytest.mark.parametrize(
    ("claim", "sentence", "verdict"),
    [
        (
            "Operators need not register their robots.",
            "Operators need not register their robots anywhere.",
            "supported",
        ),
        # counter-examples: a sentence sharing the words but denying nothing, in English and in Japanese
        ("Operators need not register their robots.", "Operators register their robots in the registry.", None),
        # … nor where its negation or its "may" stands in a condition or a relative clause
        ("Operators are not told to keep robot logs.", "Operators keep robot logs where the robots do not move.", None),
        ("Operators are not told to keep robot logs.", "Operators keep robot logs of risks that may arise.", None),
        ("Operators are not told to keep robot logs.", "Operators are not obliged to keep robot logs.", "supported"),
        # news's "does not cover" is a law's "shall not apply to"; a claim that it covers them is not stated by it
        (
            "Ruritania's Robot Safety Act does not cover hobby robots.",
            "This Act shall not apply to hobby robots.",
            "supported",
        ),
        ("Ruritania's Robot Safety Act covers hobby robots.", "This Act shall not apply to hobby robots.", None),
        (
            "ロボットの登録に運用者の同意は一切不要である。",
            "運用者の同意がある場合において、ロボットの登録があったものとみなす。",
            None,
        ),
    ],
)
def test_a_denial_is_stated_only_by_a_sentence_that_denies(claim: str, sentence: str, verdict: str | None) -> None:
    found = states_most(read(claim), sentence, IDF)
    assert (found.verdict if found else None) == verdict


MILITARY = "This Act does not apply to robots used exclusively for military purposes."


@pytest.mark.parametrize(
    ("claim", "verdict"),
    [
        # across languages no word is compared for its denial: a sentence that denies states no claim that affirms
        ("ルリタニアのロボット法は、軍事目的で使われるロボットにも適用される。", None),
        # counter-examples: a claim that denies, or exempts, as the sentence does
        ("ルリタニアのロボット法は、軍事目的で使われるロボットには適用されない。", "supported"),
        ("ルリタニアのロボット法では、軍事目的で使われるロボットは適用除外となっている。", "supported"),
    ],
)
def test_a_sentence_that_denies_states_no_claim_in_another_language_that_affirms(
    claim: str, verdict: str | None
) -> None:
    found = states_most(read(claim), MILITARY, IDF)
    assert (found.verdict if found else None) == verdict


@pytest.mark.parametrize(
    ("sentence", "stated"),
    [
        # whom the claim describes by a denial ("without an office") the sentence describes by the same denial
        ("An operator that does not have an office in the country shall appoint a local robot agent.", True),
        # counter-examples: the sentence describes them otherwise; a ban of what the claim calls a duty
        ("An operator that has an office in the country shall appoint a local robot agent.", False),
        ("An operator that does not have an office in the country shall not appoint a local robot agent.", False),
    ],
)
def test_a_denial_describing_whom_a_claim_binds_agrees_with_a_like_description(sentence: str, stated: bool) -> None:
    claim = read(
        "Ruritania's robot law requires operators without an office in Ruritania to appoint a local robot agent."
    )
    idf = {"oper": 1.0, "offic": 3.0, "appoint": 3.0, "local": 3.0, "robot": 1.0, "agent": 4.0}
    assert (states_most(claim, sentence, idf) is not None) is stated


def test_a_claims_verb_of_force_is_compared_as_force_not_counted_as_a_word() -> None:
    """ "bans X" is the claim's force over X, which a law writes "shall be prohibited": as a rare word, "bans"
    would outweigh X and leave the sentence stating X short of the claim. Counter-example: a claim of status
    ("is voluntary") says nothing but its force word, which stays its content."""
    idf = {"ban": 7.0, "scrape": 3.0, "face": 3.0, "children": 3.0, "robot": 1.0, "voluntari": 5.0, "code": 1.0}
    banned = read("Ruritania's robot law bans robots that scrape the faces of children.")
    assert "ban" not in claim_weights(banned, idf) and banned.modality == "must"
    sentence = "The placing on the market of robots that scrape the faces of children shall be prohibited."
    assert states_most(banned, sentence, idf) is not None
    status = read("Ruritania's robot code is voluntary.")
    assert "voluntari" in claim_weights(status, idf)


@pytest.mark.parametrize(
    ("claim", "verb"),
    [
        ("Ruritania's robot code asks operators to label robot videos.", "ask"),
        ("Ruritania's robot code asked operators to label robot videos.", "ask"),
        ("Ruritania's robot resolution calls on operators to label robot videos.", "call"),
    ],
)
def test_a_reported_request_is_no_word_of_the_claim(claim: str, verb: str) -> None:
    """ "asks operators to label …": the verb reports a request of the text, whose strength the claim leaves open;
    as a rare word it would outweigh what is asked. Counter-example: "ask" as what is done ("operators must ask
    users for consent") is a word of the claim."""
    idf = {"ask": 6.0, "call": 4.0, "label": 3.0, "robot": 1.0, "video": 3.0, "oper": 1.0, "user": 2.0}
    assert verb not in claim_weights(read(claim), idf)
    said = "Under Ruritania's robot code and robot resolution, operators should label robot videos."
    assert states_most(read(claim), said, idf) is not None
    assert "ask" in claim_weights(read("Ruritania's robot law says operators must ask users for consent."), idf)


def test_near_synonyms_alone_state_nothing_of_a_claim() -> None:
    """A near-synonym counts for half a term beside the claim's own words ("result" renders "generative" in some
    dictionary sense): a sentence sharing none of the claim's words states none of it, however its synonyms add
    up. Counter-example: the same sentence naming the claim's word."""
    claim = read("Ruritania's robot law bans generative robots.")
    idf = {"generat": 3.0, "robot": 1.0}
    elsewhere = "Where damage occurs as a result of the purchase, the buyer shall not be liable for it."
    assert term_coverage(claim_weights(claim, idf), elsewhere) > 0
    assert states_most(claim, elsewhere, idf) is None
    assert states_most(claim, "The placing on the market of generative robots shall be prohibited.", idf) is not None


@pytest.mark.parametrize(
    ("claim", "universal"),
    [
        ("Anyone who modifies a robot becomes its operator under the Robot Safety Act.", True),
        ("Under the Robot Safety Act, everybody who sells a robot must register it.", True),
        ("Whoever modifies a robot becomes its operator under the Robot Safety Act.", True),
        # counter-examples: "every" of a frequency; no scope word
        ("Under the Robot Safety Act, operators must inspect robots every two years.", False),
        ("A person who modifies a robot becomes its operator under the Robot Safety Act.", False),
    ],
)
def test_anyone_and_everybody_claim_a_rule_of_all(claim: str, universal: bool) -> None:
    """ "anyone who fine-tunes a model becomes its provider" claims it of all who do, as "all" does: a sentence
    limiting the rule ("the obligations … should be limited to that modification") does not state it."""
    reading = read(claim)
    assert any(kind == "universal" for _, kind in reading.scope) is universal
    limited = "In the case of a modification of a robot, the obligations for operators should be limited to it."
    assert as_universal(reading, limited) is not universal
    assert as_universal(reading, "Any person who modifies a robot shall be considered its operator.")


@pytest.mark.parametrize(
    ("claim", "sentence", "universal"),
    [
        # the claim's "any" X, and a sentence naming X only after a word the claim does not use, whatever noun its
        # own "any" quantifies
        (
            "Under the Robot Safety Act, anybody hurt by any kind of robot can claim damages.",
            "Any person hurt by a household robot listed in Annex I shall have the right to claim damages.",
            False,
        ),
        (  # "the robot" after "a household robot" is that one again
            "Under the Robot Safety Act, anybody hurt by any kind of robot can claim damages.",
            "Any person hurt by a household robot may claim damages from the operator of the robot.",
            False,
        ),
        (
            "The Robot Safety Act lets every operator of a robot register online.",
            "Operators of a robot may register online, unless they are commercial operators.",
            True,
        ),
        (
            "All drones must be insured under the Robot Safety Act.",
            "Delivery drones and survey drones shall be insured.",
            False,
        ),
        # counter-examples: the claim names the qualifier; the sentence names the noun bare, or after "the"/"such"
        (
            "Under the Robot Safety Act, anybody hurt by any household robot can claim damages.",
            "Any person hurt by a household robot listed in Annex I shall have the right to claim damages.",
            True,
        ),
        (
            "Under the Robot Safety Act, anybody hurt by any kind of robot can claim damages.",
            "Any person hurt by a robot shall have the right to claim damages from its household operator.",
            True,
        ),
        (
            "All drones must be insured under the Robot Safety Act.",
            "Every operator shall insure the drones it flies; such drones shall carry the insurer's mark.",
            True,
        ),
    ],
)
def test_a_universal_claim_is_not_stated_of_a_qualified_kind(claim: str, sentence: str, universal: bool) -> None:
    """ "any kind of AI tool" is not stated by a sentence speaking only of "a high-risk AI system": a word the
    claim does not use restricts the noun the claim says all of."""
    assert as_universal(read(claim), sentence) is universal


def test_a_subject_of_no_content_words_does_not_state_a_universal_claim() -> None:
    """A sentence whose subject the duty reader cannot name ("…, should be prohibited": "should be") states no
    rule of all X; a sentence saying it of all X does (the counter-example)."""
    claim = read("Ruritania's robot law bans all face scanning by police.")
    misread = "The use of robots that scan faces from street footage, should be prohibited because it harms privacy."
    assert not as_universal(claim, misread)
    assert as_universal(claim, "All face scanning by police shall be prohibited.")


@pytest.mark.parametrize(
    ("doc_type", "legal_effect", "verdict"),
    [
        # a binding measure's reference translation renders its duty word "should" (应当): no weaker force
        ("administrative_measures", "reference_translation", "supported"),
        ("statute", "reference_translation", "supported"),
        # counter-examples: "should" in a guideline's translation, or in a text binding in its own words (a
        # recital's "should"), is advice
        ("guidelines", "reference_translation", "refuted"),
        ("regulation", "binding", "refuted"),
    ],
)
def test_should_in_a_binding_texts_translation_is_no_weaker_force(
    doc_type: str, legal_effect: str, verdict: str
) -> None:
    doc = Document("ru-act", "Act on Robot Safety", "Robot Safety Act", doc_type=doc_type, legal_effect=legal_effect)
    text = "Providers should sign service agreements with the users of robots."
    chunk = Chunk("ru-act", "Article 9", (), text, 0, len(text), None, None, "en")
    claim = read("Ruritania's robot law requires providers to sign service agreements with the users of robots.")
    found = decide(claim, rank_evidence(claim, [Passage(chunk, 1.0, document=doc)], IDF), IDF)
    assert found is not None and found[0].verdict == verdict


@pytest.mark.parametrize(
    ("claim", "sentence", "verdict"),
    [
        # a count is of its noun: the verb presenting it and the named text's own title words are no topic
        (
            "Ruritania's robot safety law lays out nine duties, including logging, that operators must meet.",
            "There are nine duties which the Act sets for operators of robots.",
            "supported",
        ),
        (
            "Ruritania's robot safety law lays out nine duties, including logging, that operators must meet.",
            "There are seven duties which the Act sets for operators of robots.",
            "refuted",
        ),
        # counter-example: a count of another noun says nothing of the claimed count
        (
            "Ruritania's robot safety law lays out nine duties, including logging, that operators must meet.",
            "There are seven robots which the Act names as examples.",
            None,
        ),
        # "rests on", "is built from", "is based on" present a count too, and the items a colon lists after it are
        # what is counted, not what the count is about (a sentence giving the count introduces them in points)
        (
            "The Robot Safety Act says trustworthy robots rest on two components: being lawful and being safe.",
            "Trustworthy robots have three components, which should be met throughout the robot's life cycle:",
            "refuted",
        ),
        (
            "Ruritania's robot code is built from four elements: a risk analysis, a consultation, an assessment and "
            "a mitigation plan.",
            "The robot code methodology contains four elements:",
            "supported",
        ),
        # "is organised around", "is structured around", "is composed of" present a count as "lays out" does
        (
            "Ruritania's Robot Safety Act is organised around five duties.",
            "There are nine duties which the Act sets for operators of robots.",
            "refuted",
        ),
        (
            "Ruritania's Robot Safety Act is structured around nine duties.",
            "There are nine duties which the Act sets for operators of robots.",
            "supported",
        ),
        # a leave presents a count too, and "as many as" bounds it: "allows the board to have as many as 60 members"
        (
            "Ruritania's Robot Safety Act allows its robot board to have as many as 60 members.",
            "The robot board shall consist of up to 45 members, including a chair.",
            "refuted",
        ),
        (
            "Ruritania's Robot Safety Act permits the robot board to have as many as 45 members.",
            "The robot board shall consist of up to 45 members, including a chair.",
            "supported",
        ),
        # counter-example: words of the count's own clause still say what it is about
        (
            "Ruritania's Robot Safety Act allows the fleet inspection panel to have as many as 60 members.",
            "The robot board shall consist of up to 45 members, including a chair.",
            None,
        ),
        (
            "Ruritania's Robot Safety Act is organised around five duties of fleet maintenance.",
            "There are nine duties which the Act sets for operators of robots.",
            None,
        ),
        (
            "Ruritania's robot code gives the inspection board two components: a chair and a secretariat.",
            "Trustworthy robotics has three components, which should be met throughout the robot's life cycle:",
            None,
        ),
    ],
)
def test_a_claimed_count_is_about_its_noun(claim: str, sentence: str, verdict: str | None) -> None:
    found = compare_figures(read(claim), sentence, IDF)
    assert (found.verdict if found else None) == verdict


@pytest.mark.parametrize(
    ("claim", "sentence", "verdict"),
    [
        # a verb keeping the claim's denied word from happening denies it as a negation would
        (
            "Ruritania's robot law expects operators to take measures so robots don't harm people or property.",
            "Operators shall take measures that prevent robots from causing any harm to people or property.",
            "supported",
        ),
        # counter-example: the verb keeps something else from happening (risks), not what the claim denies
        (
            "Ruritania's robot law does not require human oversight of robots.",
            "Human oversight of robots shall aim to prevent or minimise the risks to people.",
            None,
        ),
    ],
)
def test_a_verb_that_averts_denies_its_object(claim: str, sentence: str, verdict: str | None) -> None:
    found = compare_polarity(read(claim), sentence, IDF) or states_most(read(claim), sentence, IDF)
    assert (found.verdict if found else None) == verdict


@pytest.mark.parametrize(
    ("claim", "sentence", "verdict"),
    [
        # a "non-" prefix denies the word it is joined to
        (
            "Ruritania's robot resolution extends to robots used in the military domain.",
            "This resolution refers to robots in the non-military domain.",
            "refuted",
        ),
        # counter-example: the claim says "non-military" too
        (
            "Ruritania's robot resolution extends to robots used in the non-military domain.",
            "This resolution refers to robots in the non-military domain.",
            None,
        ),
    ],
)
def test_a_non_prefix_denies_its_word(claim: str, sentence: str, verdict: str | None) -> None:
    found = compare_polarity(read(claim), sentence, IDF)
    assert (found.verdict if found else None) == verdict


@pytest.mark.parametrize(
    ("made", "verdict"),
    [
        ("2024-05-17", "supported"),  # the text the claim names by its year: its sentence supports the claim
        ("2021-03-01", None),  # counter-example: a text of another year is not the one the claim names
        ("", "supported"),  # a text with no recorded date: nothing to tell the texts apart by
    ],
)
def test_a_date_naming_the_text_is_compared_with_the_texts_date(made: str, verdict: str | None) -> None:
    """A date that names the claim's text ("the 2024 robot act") is not a date the sentence must state: it is
    compared with the date of the text the sentence is from."""
    claim = read("Ruritania's 2024 robot act requires operators to register robots with the authority.")
    assert [d.event for d in claim.dates] == ["title"]
    sentence = "Operators shall register robots with the authority."
    dated = replace(passage(sentence), document=replace(MANIFEST.documents[0], date=made))
    found = decide(claim, rank_evidence(claim, [dated], IDF), IDF)
    assert (found[0].verdict if found else None) == verdict


@pytest.mark.parametrize(
    ("claim", "sentence", "verdict"),
    [
        # each content word counts once: a sentence repeating the claim's long compound name states one word of it
        (
            "ロボット安全戦略本部は民間企業に対して資料の提出を命じることができる。",
            "ロボット安全戦略本部は、ロボット安全戦略本部長をもって組織する。",
            None,
        ),
        # counter-example: a sentence stating the claim's other words too
        (
            "ロボット安全戦略本部は民間企業に対して資料の提出を命じることができる。",
            "ロボット安全戦略本部は、民間企業に対し、資料の提出を命ずることができる。",
            "supported",
        ),
        # a year is compared as a date, not shared as a word; 禁止 is the claim's force, compared as force
        ("2019年の点検規則は年次点検の記録を求めている。", "点検規則は2019年に公布された。", None),
        (
            "病歴などの要配慮情報を、事前に本人の同意を得ずに取得することは禁止されている。",
            "事業者は、同意を得ないで、要配慮情報を取得してはならない。",
            "supported",
        ),
    ],
)
def test_a_japanese_claims_words_count_once_each(claim: str, sentence: str, verdict: str | None) -> None:
    """A run of kanji or katakana is one word of a Japanese claim, as rare as its rarest character pair: a long
    name no longer outweighs what the claim says of it (the library's idf of each pair here is 5)."""
    idf = {t: 5.0 for t in tokenize(claim + sentence)}
    found = states_most(read(claim), sentence, idf)
    assert (found.verdict if found else None) == verdict


@pytest.mark.parametrize(
    ("second", "verdict"),
    [
        # "such information" is the information the sentence before names: the period is that request's
        ("They will provide such details within 14 days.", "refuted"),
        # counter-example: a sentence with its own subject, referring to nothing before it
        ("They will file the yearly report within 14 days.", None),
    ],
)
def test_a_figure_in_a_sentence_referring_back_is_about_what_the_sentence_before_names(
    second: str, verdict: str | None
) -> None:
    claim = read(
        "Under the Robot Safety Act, operators get 30 days to answer information requests from downstream buyers."
    )
    text = f"Operators shall keep technical information up to date for downstream buyers. {second}"
    found = decide(claim, rank_evidence(claim, [passage(text)], IDF), IDF)
    assert (found[0].verdict if found else None) == verdict


@pytest.mark.parametrize(
    ("claim", "verdict"),
    [
        # a claim's own prose (pronouns, "too", "just", "said") is nothing a provision could state
        ("He said operators too must just register machines.", "supported"),
        # counter-example: the same prose around a duty the sentence does not state
        ("He said operators too must just insure and inspect machines yearly.", None),
    ],
)
def test_a_claims_prose_words_are_no_terms_of_it(claim: str, verdict: str | None) -> None:
    found = states_most(read(claim), "Operators shall register machines with the authority.", IDF)
    assert (found.verdict if found else None) == verdict


def test_every_and_never_weigh_as_all_and_not_do() -> None:
    """ "every" and "never" say what the stop words "all" and "not" say, and the scope and polarity checks compare
    them: as terms they would weigh as the claim's rarest words. The claim's other words are kept."""
    idf = {**IDF, "everi": 9.0, "never": 9.0}
    weights = claim_weights(read("Operators must register every machine and never sell unregistered ones."), idf)
    assert not {"everi", "never"} & weights.keys()
    assert {"regist", "machin", "sell"} <= weights.keys()


def test_a_claim_of_a_rule_in_one_case_only_needs_a_sentence_that_limits_it() -> None:
    """ "… only when a leak occurs" says the rule holds in no other case: a sentence giving the rule on other
    grounds, however much of the claim it shares, does not state it (in English or Japanese). Counter-examples:
    a sentence limiting the rule itself, and a claim with no restriction."""
    only = read("Under Ruritania's robot law, people may ask for deletion of their data only when a leak occurs.")
    broad = "People may ask for deletion of their data when a leak occurs or when the data is used unlawfully."
    assert near_verbatim(only, broad, IDF) is None and states_most(only, broad, IDF) is None
    limited = "People may ask for deletion of their data only when a leak occurs."
    assert near_verbatim(only, limited, IDF) is not None
    plain = read("Under Ruritania's robot law, people may ask for deletion of their data when a leak occurs.")
    assert near_verbatim(plain, broad, IDF) is not None
    ja = read("本人が保有個人データの消去を求められるのは、漏えいが起きたときだけだ。")
    assert not as_restricted(ja, "本人は、違反して取り扱われているときは、消去を請求することができる。")
    assert as_restricted(ja, "本人は、漏えいが生じた場合に限り、消去を請求することができる。")


@pytest.mark.parametrize(
    ("sentence", "restricted"),
    [
        # "exclusive" and "sole" limit a power to its holder as "only" does
        ("The robot commissioner has exclusive authority to enforce this Act.", True),
        ("The robot commissioner shall be solely responsible for enforcing this Act.", True),
        ("The robot commissioner has sole authority to enforce this Act.", True),
        # counter-example: the power given with no limit
        ("The robot commissioner may enforce this Act.", False),
    ],
)
def test_an_exclusive_power_is_a_limited_one(sentence: str, restricted: bool) -> None:
    """ "lets the commissioner enforce it exclusively" is stated by "exclusive authority", not by a bare power."""
    claim = read("Ruritania's robot law lets the robot commissioner enforce it exclusively.")
    assert claim.modality == "may"  # "lets" gives leave, as "allows" does
    assert as_restricted(claim, sentence) == restricted


def test_a_word_no_text_uses_weighs_as_the_rarest() -> None:
    """An English word the library never uses ("reimburse", here) is one no sentence states: it weighs as the
    rarest word, so sharing the claim's common words states no claim resting on it. Counter-example: the same
    claim with a word the library uses, which a sentence states."""
    idf = {"robot": 1.0, "oper": 1.0, "consum": 1.0, "damag": 1.0, "inform": 6.0}
    sentence = "Robot operators must inform consumers of robot damage."
    unseen = read("Ruritania's robot law requires robot operators to reimburse consumers for robot damage.")
    assert near_verbatim(unseen, sentence, idf) is None and states_most(unseen, sentence, idf) is None
    seen = read("Ruritania's robot law requires robot operators to inform consumers of robot damage.")
    assert near_verbatim(seen, sentence, idf) is not None


@pytest.mark.parametrize(
    ("text", "roles", "supported"),
    [
        # a sentence sharing the claim's words but asking for a consultation on them states no ban
        ("The Secretary shall solicit input on the public release of robot weights for powerful robots.", (), False),
        # counter-examples: a banning sentence, and a point of a provision of prohibitions (its stem elsewhere)
        ("The public release of robot weights for powerful robots shall be prohibited.", (), True),
        ("(c) the public release of robot weights for powerful robots;", ("prohibition",), True),
    ],
)
def test_a_claimed_ban_is_stated_only_by_a_sentence_that_bans(
    text: str, roles: tuple[str, ...], supported: bool
) -> None:
    """News reports a ban in the past tense ("the order banned …"): the claim is about force, so sharing its
    other words does not support it."""
    claim = read("Ruritania's robot law banned the public release of robot weights for powerful robots.")
    assert claim.modality == "must" and claim.negated
    found = decide(claim, rank_evidence(claim, [passage(text, roles=roles)], IDF), IDF)
    assert (found is not None and found[0].verdict == "supported") is supported


def test_free_of_denies_as_free_from_does() -> None:
    """ "free of ideological bias" and "free from ideological bias" say the same: no polarity differs. A sentence
    affirming the bias still differs (the counter-example)."""
    claim = read("Ruritania's robot law says robots must be free of ideological bias.")
    assert compare_polarity(claim, "Robots must be free from ideological bias.", IDF) is None
    assert compare_polarity(claim, "Robots must show ideological bias.", IDF) is not None


def test_a_figure_agreeing_across_languages_supports_nothing_but_one_differing_refutes() -> None:
    """Words cannot say what a figure is about across languages: "every six months" of another report agrees with
    a Japanese claim's 「6か月ごと」 by chance, so it does not support it; a figure of the same kind stated otherwise
    in the sentence the ranking chose still refutes it (the counter-example)."""
    claim = read("ロボット安全法では、事業者は6か月ごとに評価を実施する。")
    assert compare_figures(claim, "Operators will provide an updated report at least every six months.", IDF) is None
    found = compare_figures(claim, "Operators will conduct an assessment every 12 months.", IDF)
    assert found is not None and found.verdict == "refuted"


def test_an_amount_of_money_agreeing_across_languages_supports() -> None:
    """An amount in a currency is no chance agreement: 「3500万ユーロまたは売上高の7%」 against "EUR 35 000 000 or 7 %"
    supports the Japanese claim. Counter-examples: a period alone still supports nothing (above); the amount
    agreeing with the percentage differing still refutes."""
    sentence = "Prohibited practices shall be subject to fines of up to EUR 35 000 000 or 7 % of turnover."
    found = compare_figures(
        read("ロボット安全法では、禁止行為の罰金は最大3500万ユーロまたは売上高の7%である。"), sentence, IDF
    )
    assert found is not None and found.verdict == "supported"
    other = compare_figures(
        read("ロボット安全法では、禁止行為の罰金は最大3500万ユーロまたは売上高の4%である。"), sentence, IDF
    )
    assert other is not None and other.verdict == "refuted"


def test_across_languages_a_sentence_stating_all_the_claimed_figures_keeps_another_from_refuting() -> None:
    """Across languages no topic tells which fine a sentence gives: where one ranked sentence states every figure
    the claim gives, alike, another tier's figures refute nothing; alone, they still refute (the counter-example)."""
    claim = "ロボット安全法では、禁止された行為には最大3500万ユーロまたは売上高の7%の罰金が科される。"
    other = passage("Other breaches shall be subject to fines of up to EUR 15 000 000 or 3 % of turnover.")
    tier = passage("Prohibited practices shall be subject to fines of up to EUR 35 000 000 or 7 % of turnover.")
    assert _verdict(claim, [other]) == "refuted"
    assert _verdict(claim, [other, tier]) != "refuted"


@pytest.mark.parametrize(
    ("sentence", "verdict"),
    [
        # another body's term: neither states nor contradicts the claimed one
        ("Members of the Robot Ethics Committee serve a term of 2 years.", None),
        # counter-examples: the claimed body's own term, stated otherwise or alike
        ("The head of the Robot Safety Institute shall hold office for a term of 2 years.", "refuted"),
        ("The head of the Robot Safety Institute shall hold office for a term of three years.", "supported"),
    ],
)
def test_a_figure_the_claim_gives_of_a_named_body_is_compared_only_with_that_bodys(
    sentence: str, verdict: str | None
) -> None:
    claim = read("Ruritania's robot law says the head of the Robot Safety Institute serves a three-year term.")
    found = compare_figures(claim, sentence, IDF)
    assert (found.verdict if found else None) == verdict


@pytest.mark.parametrize(
    ("claim", "supported"),
    [
        # the deputy's office is not the office itself, named or said to lead the body
        ("Ruritania's robot board will be chaired by the Minister for Robots.", False),
        ("Ruritania's robot board will be headed by the Minister for Robots.", False),
        ("Ruritania's robot board is led by the Minister for Robots.", False),
        # counter-examples: the claim names the deputy office too; a claim of no leading office is stated
        ("Ruritania's robot board will have the Minister for Robots as deputy chairperson.", True),
        ("Ruritania's robot board will have the Minister for Robots as deputy head.", True),
        ("Ruritania's robot board will include the Minister for Robots.", True),
    ],
)
def test_a_sentence_about_a_deputy_office_does_not_state_the_office(claim: str, supported: bool) -> None:
    sentence = "The deputy chairperson of the robot board shall be the Minister for Robots."
    found = near_verbatim(read(claim), sentence, IDF) or states_most(read(claim), sentence, IDF)
    assert (found is not None) is supported


@pytest.mark.parametrize(
    ("claim", "sentence", "verdict"),
    [
        # "with no exceptions" claims a rule of all cases, as "all" does: an exception refutes it
        (
            "Ruritania's robot law bans face scanning at work, with no exceptions.",
            "Face scanning at work shall be prohibited, except for medical or safety reasons.",
            "refuted",
        ),
        (
            "ロボット法は、例外なく職場での顔スキャンを禁止している。",
            "職場での顔スキャンは禁止する。ただし、医療又は安全上の理由による場合を除く。",
            "refuted",
        ),
        # counter-example: the rule stated without an exception
        (
            "Ruritania's robot law bans face scanning at work, with no exceptions.",
            "Face scanning at work shall be prohibited.",
            None,
        ),
    ],
)
def test_a_claim_of_no_exceptions_is_refuted_by_an_exception(claim: str, sentence: str, verdict: str | None) -> None:
    found = compare_scope(read(claim), sentence, IDF)
    assert (found.verdict if found else None) == verdict


@pytest.mark.parametrize(
    ("claim", "sentence", "verdict"),
    [
        # the claim's body is not the one the sentence gives the same task to
        ("本部の事務はデジタル庁で処理される。", "本部に関する事務は、内閣府において処理する。", "refuted"),
        (
            "Under Ruritania's robot law, the Robot Office keeps the register of robots.",
            "The register of robots shall be kept by the Transport Agency.",
            "refuted",
        ),
        # an office held by one person; a longer name of the office the claim names is that office
        ("本部長はロボット担当大臣が務める。", "本部長は、内閣総理大臣をもって充てる。", "refuted"),
        (
            "本部では、官房長官が本部長を務める。",
            "本部の長は、ロボット戦略本部長（以下「本部長」という。）とし、内閣総理大臣をもって充てる。",
            "refuted",
        ),
        # an organisation (団体) is a body too, and one named twice (caption and text) is one body
        (
            "認定ロボット保護団体は、委員会に措置を求めることができる。",
            "第十条（所管大臣の請求） 所管大臣は、委員会に対し、措置をとるべきことを求めることができる。",
            "refuted",
        ),
        # counter-examples: the same body; a sentence naming two other bodies (whose task is not said)
        (
            "認定ロボット保護団体は、委員会に措置を求めることができる。",
            "第十条（団体の請求） 認定ロボット保護団体は、委員会に対し、措置をとるべきことを求めることができる。",
            None,
        ),
        ("本部の事務はデジタル庁で処理される。", "本部に関する事務は、デジタル庁において処理する。", None),
        ("本部長は内閣総理大臣が務める。", "本部長は、内閣総理大臣をもって充てる。", None),
        (
            "Under Ruritania's robot law, the Robot Office keeps the register of robots.",
            "The register of robots shall be kept by the Transport Agency and the Interior Ministry.",
            None,
        ),
    ],
)
def test_a_body_named_by_title_differs_from_the_one_the_sentence_names(
    claim: str, sentence: str, verdict: str | None
) -> None:
    found = compare_actor(read(claim), sentence, IDF)
    assert (found.verdict if found else None) == verdict


def test_a_body_in_another_clause_of_a_japanese_claim_does_not_hold_its_figure() -> None:
    """「委員会の命令に違反した場合、違反者は2年以下…」: the figure's clause names no body, so a sentence on the
    same penalty that does not name the commission still refutes it; the body in the figure's own clause keeps it
    from a sentence about another body (the counter-example)."""
    sentence = "命令に違反した場合には、当該違反行為をした者は、一年以下の拘禁刑に処する。"
    found = compare_figures(
        read("委員会の命令に違反した場合、違反行為をした者は2年以下の拘禁刑に処される。"), sentence, IDF
    )
    assert found is not None and found.verdict == "refuted"
    other = read("違反行為をした者は、個人情報保護委員会により2年以下の拘禁刑に処される。")
    assert compare_figures(other, sentence, IDF) is None


@pytest.mark.parametrize(
    ("claim", "sentence", "share"),
    [
        # news closes a compound the law writes open: "deepfakes", "lifecycle", "dataset" state "deep fake" …
        ("Robot makers must label deepfakes.", "Robot makers shall label content constituting a deep fake.", 1.0),
        ("Robot makers must document the lifecycle.", "Robot makers shall document the life cycle.", 1.0),
        # counter-examples: the two words apart, or joined across a stop, state no compound
        ("Robot makers must label deepfakes.", "Robot makers shall label fake deep learning results.", 3 / 4),
        ("Robot makers must document the lifecycle.", "Robot makers shall document the life. Cycles vary.", 2 / 3),
    ],
)
def test_a_closed_compound_is_stated_by_its_open_form(claim: str, sentence: str, share: float) -> None:
    assert term_coverage(claim_weights(read(claim), IDF), sentence) == pytest.approx(share)


_PERIOD = "This Act shall enter into force on the twentieth day following that of its publication."
_TWO_DATES = "Robots sold before 2 August 2025 shall comply with the Robot Safety Act by 2 August 2027."


@pytest.mark.parametrize(
    ("claim", "sentence", "verdict"),
    [
        # "on the twentieth day following that of its publication" is a period of 20 days from the publication
        ("The Robot Safety Act entered into force twenty days after its publication.", _PERIOD, "supported"),
        ("The Robot Safety Act entered into force ten days after its publication.", _PERIOD, "refuted"),
        # every claimed date is compared before one agreeing supports: the second one differs here
        (
            "Robots sold before August 2025 have until August 2026 to comply with the Robot Safety Act.",
            _TWO_DATES,
            "refuted",
        ),
        # counter-example: both dates as the sentence gives them
        (
            "Robots sold before August 2025 have until August 2027 to comply with the Robot Safety Act.",
            _TWO_DATES,
            "supported",
        ),
    ],
)
def test_a_period_counted_by_its_last_day_and_every_claimed_date_are_compared(
    claim: str, sentence: str, verdict: str
) -> None:
    found = compare_figures(read(claim), sentence, IDF) or compare_dates(read(claim), sentence, IDF)
    assert found is not None and found.verdict == verdict


@pytest.mark.parametrize(
    ("sentence", "verdict"),
    [
        # a sentence dating another text it names by its quoted title says nothing of the claim's text
        ('The ministry published "Robot Skill Standards" (December 2022) for training.', None),
        ("The ministry published 「ロボット技能標準」 in December 2022.", None),
        # counter-examples: the claim's own text quoted, or no quoted title at all
        ('The ministry published "Robot Safety Act" in December 2022.', "refuted"),
        ("The ministry published the standards in December 2022.", "refuted"),
    ],
)
def test_a_date_of_a_text_named_by_a_quoted_title_is_that_texts(sentence: str, verdict: str | None) -> None:
    found = compare_dates(read("The Robot Safety Act was published in April 2024."), sentence)
    assert (found.verdict if found else None) == verdict


@pytest.mark.parametrize(
    ("claim", "verdict"),
    [
        # a later release is maybe a later edition: it does not contradict the claimed first one
        ("The Robot Safety Act was first published in 2019.", None),
        ("The Robot Safety Act was originally published in December 2019.", None),
        # counter-examples: a first release after the stated one, and a claim of any release, are contradicted
        ("The Robot Safety Act was first published in 2021.", "refuted"),
        ("The Robot Safety Act was published in 2019.", "refuted"),
    ],
)
def test_a_first_occurrence_is_contradicted_only_by_an_earlier_one(claim: str, verdict: str | None) -> None:
    found = compare_dates(read(claim), "The second edition of the Robot Safety Act was published on 21 January 2020.")
    assert (found.verdict if found else None) == verdict


def test_of_the_sentences_stating_a_figure_alike_the_one_stating_most_of_the_claim_is_cited() -> None:
    """Two sentences give the claimed ten years; the one stating the claim's party and action, not another's,
    is the one the support rests on, whichever ranked first. Counter-example: a sentence giving another figure
    still refutes from its rank."""
    claim = read("Robot makers must keep the records for ten years after the sale.")
    other = passage("Importers shall keep, for 10 years after the sale, a copy of the certificate.")
    own = passage("Robot makers shall keep the records for a period of 10 years after the sale.")
    ranked = sorted(rank_evidence(claim, [other, own], IDF), key=lambda ev: ev.passage is own)  # `other` first
    found = decide(claim, ranked, IDF)
    assert found is not None and found[0].verdict == "supported" and found[1].passage is own
    wrong = read("Robot makers must keep the records for five years after the sale.")
    refuted = decide(wrong, sorted(rank_evidence(wrong, [other, own], IDF), key=lambda ev: ev.passage is own), IDF)
    assert refuted is not None and refuted[0].verdict == "refuted"


def test_a_sibling_provisions_figure_refutes_nothing_where_a_sentence_states_the_claims() -> None:
    """A law gives a fine per infringement: the 1% tier does not refute a claim of 7% for banned practices where
    another ranked sentence states the 7% and as much of the claim. Counter-example: a claim of 5% is refuted."""
    lower = passage(
        "Supplying misleading information to robot authorities shall be subject to fines of up to 1 % of turnover."
    )
    banned = passage(
        "Non-compliance with the ban on robot practices shall be subject to fines of up to 7 % of turnover.",
        locator="Article 2",
    )

    def decided(claim: str) -> str | None:
        reading = read(claim)
        ranked = sorted(rank_evidence(reading, [lower, banned], IDF), key=lambda ev: ev.passage is banned)
        found = decide(reading, ranked, IDF)
        return found[0].verdict if found else None

    assert decided("Under the Robot Act, banned robot practices carry fines of up to 7% of turnover.") == "supported"
    assert decided("Under the Robot Act, banned robot practices carry fines of up to 5% of turnover.") == "refuted"


@pytest.mark.parametrize(
    ("claim", "verdict"),
    [
        # "within 60 days" may be the claimed "two months": the sibling section's 180 days refutes nothing
        ("The Robot Order gave the Budget Director two months to revise the robot memoranda.", None),
        ("Under the Robot Order, the Budget Director had 2 months to revise the robot memoranda.", None),
        # counter-examples: a period the 60 days cannot be, refuted on the sentence that states it
        ("The Robot Order gave the Budget Director ten days to revise the robot memoranda.", "refuted"),
        ("The Robot Order gave the Budget Director six months to revise the robot memoranda.", "refuted"),
    ],
)
def test_a_period_the_claimed_one_may_be_keeps_a_sibling_period_from_refuting(claim: str, verdict: str | None) -> None:
    """An order gives each office its own deadline (180 days for an action plan, 60 days for revising memoranda):
    the sentence whose period may be the claimed one (months last 28 to 31 days) and that states more of the claim
    is what the claim is about, and the other's 180 days contradicts nothing."""
    plan = passage(
        "Within 180 days of this order, the Science Adviser, in coordination with the Budget Director, shall submit"
        " a robot action plan."
    )
    memos = passage(
        "Within 60 days of this order, the Budget Director shall revise the robot memoranda as necessary.",
        locator="Section 5",
    )
    reading = read(claim)
    found = decide(reading, sorted(rank_evidence(reading, [plan, memos], IDF), key=lambda ev: ev.passage is memos), IDF)
    assert (found[0].verdict if found else None) == verdict


@pytest.mark.parametrize(
    ("claim", "verdict"),
    [
        # the sentence's figure is that of a case the claim does not name: no contradiction of the general rule
        ("Robot operators must report robot accidents within 15 days.", None),
        # counter-examples: a claim about that case, with another figure or the same
        ("Robot operators must report robot accidents causing a death within 15 days.", "refuted"),
        ("Robot operators must report robot accidents causing a death within 10 days.", "supported"),
    ],
)
def test_a_figure_of_a_case_the_claim_does_not_name_refutes_nothing(claim: str, verdict: str | None) -> None:
    case = passage(
        "4. Notwithstanding paragraph 2, in the event of the death of a person, the report on robot accidents shall"
        " be made not later than 10 days after the operator becomes aware of it."
    )
    reading = read(claim)
    found = decide(reading, rank_evidence(reading, [case], IDF), IDF)
    assert (found[0].verdict if found else None) == verdict


@pytest.mark.parametrize(
    ("sentence", "verdict"),
    [
        # sharing the claim's words, the sentence states a risk ("may lead to"), not a leave
        ("Social scoring of robots by private firms may lead to discriminatory outcomes.", None),
        ("Social scoring of robots by private firms is common in Ruritania.", None),
        # counter-examples: a sentence that permits, in a modal or as a power
        ("Private firms may carry out social scoring of robots.", "supported"),
        ("Private firms have the right to carry out social scoring of robots.", "supported"),
    ],
)
def test_a_claimed_leave_is_stated_only_by_a_sentence_that_permits(sentence: str, verdict: str | None) -> None:
    """ "The Robot Act allows social scoring of robots by private firms" claims a permission: a sentence sharing its
    words states it only if it permits."""
    claim = read("Ruritania's robot law allows social scoring of robots by private firms.")
    found = decide(claim, rank_evidence(claim, [passage(sentence)], IDF), IDF)
    assert (found[0].verdict if found else None) == verdict


@pytest.mark.parametrize(
    ("sentence", "verdict"),
    [
        # another body as the agent of the claimed act refutes the claimed one
        ("The Robot Safety Act was adopted by the Ministry of Transport on 1 March 2024.", "refuted"),
        ("The Ministry of Transport shall adopt the Robot Safety Act rules on 1 March 2024.", "refuted"),
        # counter-example: another body merely listed (a footnote's sources) does not act
        (
            "Following the Ministry of Transport guidance and the Harbour principles, the Robot Safety Act rules were"
            " adopted on 1 March 2024.",
            None,
        ),
    ],
)
def test_another_body_refutes_only_as_the_one_acting(sentence: str, verdict: str | None) -> None:
    found = compare_actor(read("The Robot Safety Act rules were adopted by the Robot Safety Board."), sentence, IDF)
    assert (found.verdict if found else None) == verdict


@pytest.mark.parametrize(
    ("claim", "sentence", "verdict"),
    [
        # a sentence missing the claimed body and naming another says it of that one
        (
            "The Robot Safety Board is part of the Ministry of Transport.",
            "The Commission shall form part of the Ministry of Transport.",
            None,
        ),
        # counter-examples: the claimed body named; no other body named (a resolution's paragraph)
        (
            "The Robot Safety Board is part of the Ministry of Transport.",
            "The Robot Safety Board shall be established as part of the Ministry of Transport.",
            "supported",
        ),
        (
            "The General Assembly stresses the need for safe robots in every city.",
            "Stresses the need for safe robots in every city and town.",
            "supported",
        ),
        # a body a law names by its kind, in lower case, is another body too
        (
            "Robot operators must report serious incidents to the Transport Council every year.",
            "Robot operators shall report serious incidents to the market surveillance authorities every year.",
            None,
        ),
        (
            "Robot operators must report serious incidents to the market surveillance authorities every year.",
            "Robot operators shall report serious incidents to the market surveillance authorities every year.",
            "supported",
        ),
        # a body is named by all its words ("the National Institute of Standards" names no "Robot Safety
        # Institute"), a department by the office heading it
        (
            "The Transport Department must establish the Robot Safety Institute every year.",
            "The Secretary of Transport, acting through the National Institute of Standards, shall establish"
            " guidelines every year.",
            None,
        ),
        (
            "The Transport Department must establish robot safety guidelines every year.",
            "The Secretary of Transport shall establish robot safety guidelines every year.",
            "supported",
        ),
    ],
)
def test_a_sentence_naming_another_body_instead_states_nothing_of_the_claimed_one(
    claim: str, sentence: str, verdict: str | None
) -> None:
    found = states_most(read(claim), sentence, IDF)
    assert (found.verdict if found else None) == verdict


@pytest.mark.parametrize(
    ("sentence", "verdict"),
    [
        # the office heading the claimed department, named with what it is of, is no other body
        ("In particular, the Secretary of Transport shall establish a plan for global standards.", None),
        # counter-example: the office of another department
        ("In particular, the Secretary of Energy shall establish a plan for global standards.", "refuted"),
    ],
)
def test_an_office_is_named_with_what_it_is_of(sentence: str, verdict: str | None) -> None:
    claim = read("The Transport Department must establish a plan for the Robot Safety Institute.")
    found = compare_actor(claim, sentence, IDF)
    assert (found.verdict if found else None) == verdict


@pytest.mark.parametrize(
    ("claim", "sentence", "verdict"),
    [
        # the claim's "not" reaches its whole clause: a sentence denying the right the claim says is not created
        # agrees with it
        (
            "Ruritania's robot law does not create a private right of action.",
            "This law does not provide the basis for, and is not subject to, a private right of action.",
            None,
        ),
        (
            "Ruritania's robot law provides the basis for a private right of action.",
            "This law does not provide the basis for, and is not subject to, a private right of action.",
            "refuted",
        ),
        # counter-examples: an infinitive after the denied verb's object is not denied ("does not require consent
        # to provide" does not deny providing), nor is a clause after "but"
        (
            "Ruritania's robot law does not require consent to provide robot data to third parties.",
            "Operators shall not provide robot data to third parties without consent.",
            "refuted",
        ),
        (
            "Ruritania's robot law does not require registration but allows owners to sell.",
            "Owners shall not sell without registration.",
            "refuted",
        ),
    ],
)
def test_a_claims_negation_reaches_its_clause(claim: str, sentence: str, verdict: str | None) -> None:
    found = compare_polarity(read(claim), sentence, IDF)
    assert (found.verdict if found else None) == verdict


@pytest.mark.parametrize(
    ("claim", "sentence", "reason"),
    [
        # a claim denying a ban against a lettered point of a provision of prohibitions, or a sentence banning
        (
            "Ruritania's robot law does not prohibit robot racing in schools.",
            "(c) the use of robots for racing in schools;",
            "ban_denied",
        ),
        (
            "Ruritania's robot law does not ban robot racing in schools.",
            "Robot racing in schools shall be prohibited.",
            "ban_denied",
        ),
        # counter-examples: the case the point excepts; a negation of something else ("no exceptions"); a
        # numbered paragraph of the provision, which bans nothing
        (
            "Ruritania's robot law does not prohibit robot racing in schools for medical reasons.",
            "(c) the use of robots for racing in schools, except for medical reasons;",
            None,
        ),
        (
            "Ruritania's robot law bans robot racing in schools, with no exceptions.",
            "(c) the use of robots for racing in schools;",
            None,
        ),
        (
            "Ruritania's robot law does not prohibit robot racing in schools.",
            "4. Each use of robots for racing in schools shall be notified to the authority.",
            None,
        ),
    ],
)
def test_a_claim_denying_a_ban_is_refuted_by_the_ban(claim: str, sentence: str, reason: str | None) -> None:
    reading = read(claim)
    found = decide(reading, rank_evidence(reading, [passage(sentence, roles=("prohibition",))], IDF), IDF)
    assert (found[0].reason if found and found[0].verdict == "refuted" else None) == reason


@pytest.mark.parametrize(
    ("claim", "sentence", "verdict"),
    [
        # a word the sentence denies and also states outside the denial is not what it denies of the claim
        (
            "Ruritania's robot code applies only to providers of drone models with systemic risk.",
            "This code is only relevant for providers of drone models with systemic risk and not drone systems.",
            None,
        ),
        # counter-example: the word stands only in the denial
        (
            "Ruritania's robot code covers providers of drone systems and their models.",
            "This code covers providers of models and their systems and not drone systems.",
            "refuted",
        ),
        # the words the sentence sets apart ("but not the training code"), which the claim affirms, are denied
        # however often one of them ("pre-trained") stands elsewhere in it
        (
            "Ruritania's robot code says open robots release pre-trained weights together with the training code.",
            "Open robots release the pre-trained weights of the robot itself, but not the training code or data.",
            "refuted",
        ),
        (
            "Ruritania's robot code says open robots release pre-trained weights but not the training code.",
            "Open robots release the pre-trained weights of the robot itself, but not the training code or data.",
            None,  # (a claim that denies as the sentence does: not refuted)
        ),
        # "whether or not" sets nothing apart: the rule holds either way
        (
            "Ruritania's robot code says operators must register care robots.",
            "Operators shall register every robot, whether or not the care robot is used at home.",
            None,
        ),
    ],
)
def test_a_word_stated_outside_its_denial_is_not_denied(claim: str, sentence: str, verdict: str | None) -> None:
    found = compare_polarity(read(claim), sentence, IDF)
    assert (found.verdict if found else None) == verdict


@pytest.mark.parametrize(
    ("claim", "sentence", "verdict"),
    [
        # "does not apply" is what a law writes "shall not apply": the same word denied, by its modal
        (
            "Ruritania's robot law does not apply to robots developed only for national defence.",
            "This Act shall not apply to robots developed and used only for national defence.",
            "supported",
        ),
        # counter-example: the modal denies another word ("shall not … affect"), the claim's word only by a
        # "does not" of another clause
        (
            "Ruritania's robot law does not apply to robots outside the union.",
            "This Act does not apply to areas outside the union and shall not affect robots of the states.",
            None,
        ),
    ],
)
def test_a_claims_does_not_is_a_laws_shall_not(claim: str, sentence: str, verdict: str | None) -> None:
    found = states_most(read(claim), sentence, IDF)
    assert (found.verdict if found else None) == verdict


@pytest.mark.parametrize(
    ("claim", "sentence", "verdict"),
    [
        # the people a law protects "must be able to" do what the law makes another party give them: their right
        (
            "Consumers must be able to appeal an adverse decision made by a robot.",
            "Deployers shall give an opportunity to appeal an adverse decision made by a robot.",
            None,
        ),
        (
            "Under Ruritania's robot law, workers must be told when a robot monitors their work.",
            "Deployers shall give notice when a robot monitors the work.",
            None,
        ),
        # counter-examples: a duty claimed of the protected people themselves; a right claimed of a business
        (
            "Consumers must register each robot with the regulator.",
            "Deployers shall register each robot with the regulator.",
            "refuted",
        ),
        (
            "Importers must be able to appeal an adverse decision made by a robot.",
            "Deployers shall be able to appeal an adverse decision made by a robot.",
            "refuted",
        ),
    ],
)
def test_a_right_of_the_protected_is_no_duty_of_theirs(claim: str, sentence: str, verdict: str | None) -> None:
    """News writes a right as a duty of its holder ("consumers must be able to appeal"): the law puts the duty on
    whoever must give it, and that refutes nothing."""
    found = compare_actor(read(claim), sentence, IDF)
    assert (found.verdict if found else None) == verdict


@pytest.mark.parametrize(
    ("claim", "sentence", "verdict"),
    [
        # "including, but not limited to, …" leaves a list open: it denies nothing the claim says
        (
            "The robot law requires operators to report the capabilities and limitations of their robots.",
            "Operators shall report the capabilities and risks of their robots, including but not limited to their"
            " failures.",
            None,
        ),
        (
            "The robot law requires operators to report the capabilities and limitations of their robots.",
            "Operators shall report the capabilities of their robots, which refers primarily, but is not limited to,"
            " their failures.",
            None,
        ),
        # counter-example: a plain "not limited to" denies the limit the claim states
        (
            "The robot law limits the operators' reports to serious incidents.",
            "The operators' reports under the robot law are not limited to serious incidents.",
            "refuted",
        ),
    ],
)
def test_a_list_left_open_denies_nothing(claim: str, sentence: str, verdict: str | None) -> None:
    found = compare_polarity(read(claim), sentence, IDF)
    assert (found.verdict if found else None) == verdict


@pytest.mark.parametrize(
    ("claim", "sentence", "verdict"),
    [
        # who "shall not be subject to" a law is who it does not apply to
        (
            "Ruritania's robot law applies to research labs and universities.",
            "Research labs and universities shall not be subject to this Act.",
            "refuted",
        ),
        (
            "Ruritania's robot law applies to research labs that build robots but do not sell them to the public.",
            "Research labs that build robots but do not sell them to the public, shall not be subject to this Act.",
            "refuted",
        ),
        # counter-example: a case left out for what it does not do leaves the law applying to the others
        (
            "Ruritania's robot law applies to labs that sell robots to the public.",
            "Research labs that build robots but do not sell them to the public, shall not be subject to this Act.",
            None,
        ),
    ],
)
def test_not_subject_to_a_law_is_outside_it(claim: str, sentence: str, verdict: str | None) -> None:
    found = compare_polarity(read(claim), sentence, IDF)
    assert (found.verdict if found else None) == verdict


@pytest.mark.parametrize(
    ("claim", "sentence", "verdict"),
    [
        # a body named as written, however short (政府)
        (
            "ロボット法は、政府に基本計画の策定を義務付けている。",
            "政府は、基本計画の策定を行わなければならない。",
            None,
        ),
        # counter-example: another body than the claimed one states the action
        (
            "ロボット法は、デジタル庁に基本計画の策定を義務付けている。",
            "内閣府は、基本計画の策定を行わなければならない。",
            "refuted",
        ),
    ],
)
def test_a_body_of_two_characters_is_named_as_written(claim: str, sentence: str, verdict: str | None) -> None:
    found = compare_actor(read(claim), sentence, IDF)
    assert (found.verdict if found else None) == verdict


@pytest.mark.parametrize(
    ("claim", "sentence", "verdict"),
    [
        # leave claimed for what the law bans, with no exception the claim may be about
        (
            "Under the robot law, companies may sell robots that deceive users.",
            "The following practices shall be prohibited: (a) selling robots that deceive users.",
            "refuted",
        ),
        (
            "ロボット法では、事業者は利用者を欺くロボットを販売することができる。",
            "事業者は、利用者を欺くロボットを販売してはならない。",
            "refuted",
        ),
        # counter-examples: the ban makes an exception; a duty to do what the claim gives leave to do
        (
            "Under the robot law, police may use remote identification in public spaces.",
            "The use of remote identification in public spaces shall be prohibited, unless a court authorises it.",
            None,
        ),
        ("Operators may keep logs of robot incidents.", "Operators shall keep logs of robot incidents.", None),
        # … but a claim that no duty exists ("may choose whether") is refuted by the duty
        (
            "Operators may choose whether to keep logs of robot incidents.",
            "Operators shall keep logs of robot incidents.",
            "refuted",
        ),
    ],
)
def test_leave_against_a_ban_and_against_a_duty(claim: str, sentence: str, verdict: str | None) -> None:
    """A ban refutes a leave claimed for what it bans; a duty does not (leave to do what the law requires, or
    requires done a certain way, is no contradiction), but it refutes a claim that none exists."""
    found = compare_modality(read(claim), sentence, IDF)
    assert (found.verdict if found else None) == verdict


@pytest.mark.parametrize(
    ("claim", "sentence", "verdict"),
    [
        # a Japanese count of the noun an English count's noun renders: one thing counted
        (
            "ロボット法の枠組みは4つの機能で構成されている。",
            "It describes four specific functions of robots.",
            "supported",
        ),
        (
            "ロボット法の枠組みは5つの機能で構成されている。",
            "It describes four specific functions of robots.",
            "refuted",
        ),
        # counter-example: a count of another noun
        ("ロボット法の枠組みは5つの原則で構成されている。", "It describes four specific functions of robots.", None),
    ],
)
def test_a_count_across_languages_is_of_the_noun_it_glosses(claim: str, sentence: str, verdict: str | None) -> None:
    found = compare_figures(read(claim), sentence, IDF)
    assert (found.verdict if found else None) == verdict


@pytest.mark.parametrize(
    ("claim", "sentence", "same"),
    [
        # a sentence counting what the claim counts speaks of the claim's figure: ranked up as a date of the
        # claimed event is
        ("The robot law sets out four functions.", "It describes four specific functions of robots.", True),
        ("ロボット法の枠組みは4つの機能で構成されている。", "It describes four specific functions of robots.", True),
        # counter-example: a count of another noun
        ("The robot law sets out four functions.", "It describes four principles for robots.", False),
    ],
)
def test_a_count_of_the_claimed_noun_is_the_same_event(claim: str, sentence: str, same: bool) -> None:
    assert same_event(read(claim), sentence) is same


@pytest.mark.parametrize(
    ("claim", "text", "roles", "verdict"),
    [
        # a claim of what a text defines is stated by its definition, not by a sentence using the term's words
        (
            "Ruritania's robot law defines a robot as a machine that moves objects.",
            "Operators shall describe how the machine moves objects and integrates into the overall system.",
            (),
            None,
        ),
        (
            "The robot law's definition of operator includes public authorities.",
            "'operator' means a natural or legal person or public authority that runs a robot.",
            (),
            "supported",
        ),
        (
            "The robot law's definition of operator includes public authorities.",
            "For the purposes of this Act, an operator includes a natural or legal person or public authority.",
            ("definition",),
            "supported",
        ),
        (
            "ロボット法の「ロボット事業者」とは、ロボットを販売する者をいう。",
            "ロボット事業者は、ロボットを販売する者の名簿を備えなければならない。",
            (),
            None,
        ),
        # counter-examples: a claim about the definition, not of what it defines, is stated by words; and a
        # nominalised verb's 「ことは」 is the claim's topic, no term it defines
        (
            "ロボット法では、ロボットの苦情に適切に対応することは、販売者の努力義務とされている。",
            "ロボットの販売者は、ロボットに関する苦情の適切な処理に努めなければならない。",
            (),
            "supported",
        ),
        (
            "The robot guidelines say the definition should not be applied mechanically.",
            "The definition should not be applied mechanically to every machine.",
            (),
            "supported",
        ),
        # what something means for someone is its effect on them, no definition
        (
            "The robot law tasks the board with a report on what robots mean for operators.",
            "The board shall prepare a report on the effects of robots for operators.",
            (),
            "supported",
        ),
        (
            "The robot law tasks the board with a report on what robot automation means for operators.",
            "The board shall prepare a report on the effects of robot automation for operators.",
            (),
            "supported",
        ),
        # counter-example: "X means …" is what a text defines
        (
            "Under the robot law, operator means any person who runs a robot for operators.",
            "The board shall prepare a report for operators on any person who runs a robot.",
            (),
            None,
        ),
    ],
)
def test_a_claimed_definition_is_stated_by_a_definition(
    claim: str, text: str, roles: tuple[str, ...], verdict: str | None
) -> None:
    reading = read(claim)
    found = decide(reading, rank_evidence(reading, [passage(text, roles=roles)], IDF), IDF)
    assert (found[0].verdict if found else None) == verdict


@pytest.mark.parametrize(
    ("claim", "text", "verdict"),
    [
        # a claimed duty is not stated by a sentence sharing its words that gives leave, or flexibility, to act
        (
            "Under the robot law, operators are legally required to run the robot assessment on their robots.",
            "Operators have the flexibility to use or adapt the robot assessment for their robots.",
            "refuted",
        ),
        # counter-examples: a sentence with no force of its own may state it; leave is stated by leave
        (
            "Under the robot law, operators are legally required to run the robot assessment on their robots.",
            "Operators use the robot assessment for their robots.",
            "supported",
        ),
        (
            "Under the robot law, operators may run the robot assessment on their robots.",
            "Operators have the flexibility to use or adapt the robot assessment for their robots.",
            "supported",
        ),
    ],
)
def test_a_duty_is_not_stated_by_leave(claim: str, text: str, verdict: str | None) -> None:
    reading = read(claim)
    found = decide(reading, rank_evidence(reading, [passage(text)], IDF), IDF)
    assert (found[0].verdict if found else None) == verdict


@pytest.mark.parametrize(
    ("claim", "text", "roles", "verdict"),
    [
        # a possibility's "may" gives no leave; a point of a list of bans never does
        (
            "Under the robot law, companies may use robots to score citizens.",
            "Robots used to score citizens may lead to discriminatory outcomes.",
            (),
            None,
        ),
        (
            "Under the robot law, companies may use robots to score citizens over a period of time.",
            "(c) the use of robots to score citizens over a period of time;",
            ("prohibition",),
            None,
        ),
        # counter-examples: a sentence that gives the leave; the same point in a provision that bans nothing
        (
            "Under the robot law, companies may use robots to score citizens.",
            "Companies may use robots to score citizens.",
            (),
            "supported",
        ),
        (
            "Under the robot law, companies may use robots to score citizens over a period of time.",
            "(c) the use of robots to score citizens over a period of time;",
            (),
            "supported",
        ),
    ],
)
def test_leave_is_not_stated_by_a_possibility_or_a_ban(
    claim: str, text: str, roles: tuple[str, ...], verdict: str | None
) -> None:
    reading = read(claim)
    found = decide(reading, rank_evidence(reading, [passage(text, roles=roles)], IDF), IDF)
    assert (found[0].verdict if found else None) == verdict


@pytest.mark.parametrize(
    ("claim", "sentence", "verdict"),
    [
        # a claim that one office leads a body, against a sentence making another office the chair of that body
        (
            "Ruritania's Robot Safety Act puts the Minister of Transport in charge of the Robot Board.",
            "The Prime Minister shall be the chairperson of the Robot Board.",
            "refuted",
        ),
        (
            "The Robot Board is chaired by the Minister of Transport.",
            "The President shall head the Robot Board.",
            "refuted",
        ),
        # counter-examples: the chair of another body; a claim about a deputy; the office the claim names
        (
            "The Robot Board is chaired by the Minister of Transport.",
            "The head of the Robot Agency shall be appointed by the Prime Minister.",
            None,
        ),
        (
            "The Minister of Transport serves as deputy chair of the Robot Board.",
            "The Prime Minister shall be the chairperson of the Robot Board.",
            None,
        ),
        (
            "The Robot Board is chaired by the Minister of Transport.",
            "The Minister of Transport shall be the chairperson of the Robot Board.",
            None,
        ),
    ],
)
def test_a_claimed_leader_against_the_chair_a_sentence_names(claim: str, sentence: str, verdict: str | None) -> None:
    found = compare_actor(read(claim), sentence, IDF)
    assert (found.verdict if found else None) == verdict


@pytest.mark.parametrize(
    ("sentence", "verdict"),
    [
        # who leads a body is stated only by a sentence about its chair or head, not by a duty of the office
        ("The Minister of Transport shall draw up a plan on the Robot Board and its members.", None),
        # counter-example: the sentence names the chair
        ("The Robot Board shall be chaired by the Minister of Transport.", "supported"),
    ],
)
def test_a_claimed_leader_is_stated_by_a_sentence_about_the_chair(sentence: str, verdict: str | None) -> None:
    found = states_most(read("The Robot Board is chaired by the Minister of Transport."), sentence, IDF)
    assert (found.verdict if found else None) == verdict


LOOP_CLAIM = (
    "Ruritania's Robot Act describes 'human-over-the-loop' as the set-up in which the operator keeps full control."
)


@pytest.mark.parametrize(
    ("sentence", "verdict"),
    [
        # a term the claim quotes is its point: a sentence on another term sharing its words does not state it
        ("Human-in-the-loop means that the operator keeps full control and the robot only advises.", None),
        # counter-examples: the term named whole, in other case and spacing
        ("Human-over-the-loop means that the operator keeps full control and the robot only advises.", "supported"),
        ("Human over the Loop means that the operator keeps full control and the robot only advises.", "supported"),
    ],
)
def test_a_term_the_claim_quotes_is_stated_only_whole(sentence: str, verdict: str | None) -> None:
    for check in (states_most, near_verbatim):
        found = check(read(LOOP_CLAIM), sentence, IDF)
        assert (found.verdict if found else None) == verdict


FOUR_DUTIES = "Operators have four duties: register, insure, inspect and label their robots."


@pytest.mark.parametrize(
    ("claim", "verdict"),
    [
        # a count agreeing while one of the items the claim lists for it is another → refuted
        ("Ruritania's Robot Act gives operators four duties: register, insure, inspect and repair.", "refuted"),
        ("ルリタニアのロボット法は、REGISTER・INSURE・INSPECT・REPAIRの4つの義務を定める。", "refuted"),
        # counter-examples: the items the sentence lists; items listed in another number than counted (not the
        # counted ones); two items off, which no one swap explains (nothing decided)
        ("Ruritania's Robot Act gives operators four duties: register, insure, inspect and label.", "supported"),
        ("Ruritania's Robot Act gives operators four duties, and covers makers, sellers and repairers.", "supported"),
        ("Ruritania's Robot Act gives operators four duties: register, insure, repair and paint.", None),
    ],
)
def test_a_count_with_the_items_it_counts_listed_otherwise(claim: str, verdict: str | None) -> None:
    found = compare_figures(read(claim), FOUR_DUTIES, IDF)
    assert (found.verdict if found else None) == verdict


SECOND_EDITION = "SECOND 21 January 2020 Released the robot code (Second Edition) at the Robot Forum."


@pytest.mark.parametrize(
    ("claim", "sentence", "verdict"),
    [
        # a date of another edition than the claim's supports nothing: "first released" is not dated by the second
        ("Ruritania's robot code was first released at the Robot Forum in January 2020.", SECOND_EDITION, None),
        (
            "The first edition of Ruritania's robot code was released at the Robot Forum in January 2020.",
            SECOND_EDITION,
            None,
        ),
        # counter-examples: the edition the sentence dates, named or not
        (
            "The second edition of Ruritania's robot code was released at the Robot Forum in January 2020.",
            SECOND_EDITION,
            "supported",
        ),
        ("Ruritania's robot code was released at the Robot Forum in January 2020.", SECOND_EDITION, "supported"),
    ],
)
def test_a_date_of_another_edition_supports_nothing(claim: str, sentence: str, verdict: str | None) -> None:
    found = compare_dates(read(claim), sentence, IDF)
    assert (found.verdict if found else None) == verdict


ORDERED = "The robot code gives precedence to avoiding harm in the first instance, and then to repairing the damage."


@pytest.mark.parametrize(
    ("claim", "sentence", "verdict"),
    [
        # an "only" of time is stated by an order ("first …, and then …"), not by a limit
        (
            "Ruritania's robot code says avoiding harm comes first, and repairing the damage only after that.",
            ORDERED,
            "supported",
        ),
        # counter-examples: an "only" of scope needs a limit; an "only after" needs an order the sentence gives
        ("Ruritania's robot code says only avoiding harm and repairing the damage take precedence.", ORDERED, None),
        (
            "Ruritania's robot code says avoiding harm comes first, and repairing the damage only after that.",
            "The robot code gives precedence to avoiding harm and to repairing the damage.",
            None,
        ),
    ],
)
def test_an_only_of_time_is_stated_by_an_order(claim: str, sentence: str, verdict: str | None) -> None:
    found = states_most(read(claim), sentence, IDF)
    assert (found.verdict if found else None) == verdict
