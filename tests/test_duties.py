"""Whose duty a sentence states and how strongly, for the claim's action: a sentence joining duties of one
subject is compared on the duty that states the claim's action; "is/are to endeavor" names its subject."""

from __future__ import annotations

import pytest
from test_evidence import IDF, READER  # the Ruritanian robot act the claim tests read against

from govqa.answering.comparisons import compare_modality
from govqa.answering.duties import on_action, party_of, states_as_claimed
from govqa.search.statements import actor_role, coordinated_duties, duty_of

JOINED = (
    "Operators are to endeavor to improve the safety of their robots, "
    "and must cooperate with inspections by the authority."
)
JOINED_JA = "運用者は、ロボットの安全性の向上に努めるとともに、当局の立入検査に協力しなければならない。"
OPERATIVE = (
    "5. Emphasizes that human rights must be respected in robot design, calls upon all Member States to refrain "
    "from using robots that harm people, and reaffirms that the same rights must also be protected online;"
)


@pytest.mark.parametrize(
    ("claim", "sentence", "refuted"),
    [
        # the claimed duty is the sentence's second one: not refuted by the first one's effort
        ("Ruritania's robot law obliges operators to cooperate with inspections.", JOINED, False),
        ("ルリタニアのロボット法は、運用者に立入検査への協力を義務付けている。", JOINED_JA, False),
        # the first duty is an effort: a claimed duty to do that is refuted
        ("Ruritania's robot law obliges operators to improve the safety of their robots.", JOINED, True),
        # a resolution's operative clauses, each opening with its verb: "calls upon" is the force of the action
        # it governs, not the "must" of another clause
        (
            "Ruritania's robot resolution calls on member states to refrain from using robots that harm people.",
            OPERATIVE,
            False,
        ),
        (
            "Ruritania's robot resolution requires member states to refrain from using robots that harm people.",
            OPERATIVE,
            True,
        ),
        # counter-example: one modal governs both actions ("to endeavor to X and to cooperate with Y")
        (
            "Ruritania's robot law obliges operators to cooperate with inspections.",
            "Operators are to endeavor to improve the safety of their robots and to cooperate with inspections.",
            True,
        ),
    ],
)
def test_a_sentence_joining_duties_is_compared_on_the_one_stating_the_claims_action(
    claim: str, sentence: str, refuted: bool
) -> None:
    """ "is to endeavor to X, and must cooperate with Y" binds to Y: a claimed duty to Y stands."""
    assert (compare_modality(READER.read(claim), sentence, IDF) is not None) is refuted


def test_the_duty_stating_the_action_is_the_one_read_for_force() -> None:
    """The second duty is read where the first does not state the action; the whole sentence otherwise."""
    claim = READER.read("Ruritania's robot law obliges operators to cooperate with inspections.")
    assert on_action(claim, JOINED, IDF).startswith("must cooperate")
    assert states_as_claimed("modality", claim, JOINED, IDF)
    other = READER.read("Ruritania's robot law obliges operators to improve the safety of their robots.")
    assert on_action(other, JOINED, IDF) == JOINED
    assert coordinated_duties("Operators shall register robots.") == ["Operators shall register robots."]
    # a comma before a word that opens no operative clause splits nothing
    assert len(coordinated_duties("Operators shall keep records, notes and logs, and recognise faults.")) == 1
    assert [d.split()[0] for d in coordinated_duties(OPERATIVE)] == ["5.", "calls", "reaffirms"]


@pytest.mark.parametrize(
    ("sentence", "actor", "role"),
    [
        ("Citizens are to endeavor to deepen their understanding of robots.", "Citizens", "citizens"),
        (
            "The national government is to endeavor to fund robot research.",
            "national government",
            "national_government",
        ),
        ("Deployers shall endeavour to inform users.", "Deployers", "deployer"),
    ],
)
def test_an_effort_names_its_subject_without_its_modal_words(sentence: str, actor: str, role: str) -> None:
    """ "X are to endeavor" / "X shall endeavour": the actor is X, the force an effort."""
    found, modality, *_ = duty_of(sentence)
    assert (found, modality, actor_role(found)) == (actor, "endeavour", role)


@pytest.mark.parametrize(
    ("sentence", "role"),
    [
        # an aside between commas inside the subject does not end it
        ("Before selling a robot, the provider or, where applicable, the importer shall register it.", "provider"),
        ("The deployer and, where appropriate, its staff shall log each use.", "deployer"),
        # counter-example: a clause before the subject is no part of it
        ("Where applicable, importers shall register the robot.", "importer"),
    ],
)
def test_an_aside_inside_the_subject_does_not_end_it(sentence: str, role: str) -> None:
    assert actor_role(duty_of(sentence)[0]) == role


@pytest.mark.parametrize(
    ("sentence", "reading"),
    [
        # what is made mandatory is the action; "for" names whom it binds
        (
            "The Robot Act makes a yearly safety audit mandatory for every operator of large robots.",
            ("every operator of large robots", "must", "a yearly safety audit"),
        ),
        # a duty or an obligation "on" or "for" a party names the party
        (
            "The Robot Act imposes a strict legal duty on operators to insure their robots.",
            ("operators", "must", "insure their robots"),
        ),
        # "may have caused" is what may have happened, no leave
        ("If a robot may have caused an injury, the Robot Act gives the operator 10 days to report it.", ("", "", "")),
        # counter-examples: "may have" with an object is leave; a status word said of a text binds no one
        ("Operators may have their robots inspected twice.", ("Operators", "may", "have their robots inspected twice")),
        ("The Robot Act makes codes of conduct voluntary.", ("Robot Act makes codes of conduct", "may", "")),
    ],
)
def test_a_claims_duty_is_read_in_news_wording(sentence: str, reading: tuple[str, str, str]) -> None:
    actor, modality, _, _, action = duty_of(sentence)
    assert (actor, modality, action) == reading


@pytest.mark.parametrize(
    ("sentence", "modality"),
    [
        # a resolution's point opens with a gerund of advice: "(g) Encouraging …", "(c) Urging …"
        ("(g) Encouraging the development of tools for watermarking robot output;", "should"),
        ("(c) Urging Member States to label robot output;", "should"),
        ("(d) Recommending that operators label robot output;", "should"),
        # counter-example: a gerund of no force states none
        ("(e) Promoting the development of tools for watermarking robot output;", ""),
    ],
)
def test_a_points_gerund_of_advice_is_its_force(sentence: str, modality: str) -> None:
    assert duty_of(sentence)[1] == modality


@pytest.mark.parametrize(
    ("sentence", "modality", "negated"),
    [
        # a modal in a relative clause is no force of the sentence
        ("The Robot Code calls on operators to retire robots that can't be repaired.", "should", False),
        ("Operators should retire any robot which cannot be repaired.", "should", False),
        # counter-example: the sentence's own "can't" bans
        ("Operators can't sell robots that are unsafe.", "must", True),
    ],
)
def test_a_relative_clauses_modal_is_not_the_sentences_force(sentence: str, modality: str, negated: bool) -> None:
    assert duty_of(sentence)[1:3] == (modality, negated)


@pytest.mark.parametrize(
    ("sentence", "modality", "negated"),
    [
        # 禁止 joined to a noun names what is banned (「禁止ロボット」, 「禁止行為」): no force of the sentence
        ("禁止ロボットに関する指針は、事業者の参考となる。", "", False),
        # counter-example: 禁止 as the sentence's verb bans
        ("ロボット法は危険なロボットの販売を禁止している。", "must", True),
    ],
)
def test_a_ban_word_joined_to_a_noun_names_what_is_banned(sentence: str, modality: str, negated: bool) -> None:
    assert duty_of(sentence)[1:3] == (modality, negated)


def test_the_subjects_words_do_not_choose_the_duty() -> None:
    """A Japanese claim whose action repeats the law's subject (「ロボット事業者についても…協力は」) is compared with
    the joined duty stating the rest of it, not with the first duty, which alone carries the subject's words."""
    claim = READER.read("ルリタニアのロボット法では、ロボット事業者についても当局の施策への協力は努力義務にとどまる。")
    sentence = (
        "ロボットを事業において活用しようとする者（以下「ロボット事業者」という。）は、ロボット事業の効率化に努めるとともに、"
        "当局が実施する施策に協力しなければならない。"
    )
    assert on_action(claim, sentence, IDF).startswith("当局が実施する施策に協力")
    assert compare_modality(claim, sentence, IDF) is not None


@pytest.mark.parametrize(
    ("sentence", "modality"),
    [
        # a power to require is a permission of its holder, not a duty
        ("The authority may require that operators disclose their records.", "may"),
        ("THE ATTORNEY GENERAL MAY REQUIRE THAT A DEPLOYER DISCLOSE THE POLICY.", "may"),
        # so are an authority, a power and a right to act
        ("The attorney general has exclusive authority to enforce this part.", "may"),
        ("Data subjects have the right to object.", "may"),
        # and flexibility or discretion to act ("Parties have the flexibility to use or adapt the guidance")
        ("Parties have the flexibility to use or adapt the guidance.", "may"),
        ("The authority has full discretion to publish the findings.", "may"),
        # counter-examples: requiring is a duty when no modal of permission governs it; the "may" of a
        # possibility is no leave
        ("The Act requires operators to disclose their records.", "must"),
        ("Operators are required to disclose their records.", "must"),
        ("Parties are legally required to run the assessment.", "must"),  # an adverb before "required"
        ("Social scoring by private actors may lead to discriminatory outcomes.", ""),
        ("Such systems may pose risks to fundamental rights.", ""),
    ],
)
def test_a_power_to_require_is_no_duty(sentence: str, modality: str) -> None:
    assert duty_of(sentence)[1] == modality


@pytest.mark.parametrize(
    ("sentence", "modality"),
    [
        # "to require" is what another verb governs: the sentence's force is its own modal's, or none
        ("Operators should have in place measures to require storing records securely.", "should"),
        ("Operators may adopt policies to require staff training.", "may"),
        ("The authority has the power to require information.", "may"),  # a power: leave, not a duty
        # counter-examples: a modal before "measures to require" keeps its force; "requires" governs its clause
        ("Member States shall take measures to require operators to report.", "must"),
        ("The Act requires operators to take measures.", "must"),
    ],
)
def test_an_infinitive_to_require_is_not_the_sentences_force(sentence: str, modality: str) -> None:
    """ "should have in place measures to require storing model weights securely" recommends; it was read as a
    duty from "require" and refuted a claim that organisations should do so."""
    assert duty_of(sentence)[1] == modality


@pytest.mark.parametrize(
    ("stem_modal", "refuted"),
    [("may", True), ("shall", False)],
)
def test_a_stems_force_is_the_force_of_its_points(stem_modal: str, refuted: bool) -> None:
    """ "The authority may promulgate rules …, including: (a) … documentation; (b) … notices" permits the rules
    its points list: a claimed duty to adopt them is refuted; a stem that obliges (the counter-example) is not."""
    from govqa.answering.evidence import decide, rank_evidence
    from govqa.records import Chunk, Passage

    text = (
        f"(1) The authority {stem_modal} promulgate rules as necessary for implementing this Act, including:\n"
        "(a) the documentation that the operators of service robots keep about each of their machines;\n"
        "(b) the notices that the operators of service robots give to the people in their buildings;\n"
        "(c) the risk programmes that the operators of service robots run every year;\n"
        "(d) the impact assessments that the operators of service robots complete before use."
    )
    chunk = Chunk("ru-act", "Article 7", (), text, 0, len(text), None, None, "en")
    claim = READER.read(
        "Ruritania's robot law requires the authority to adopt rules covering documentation, notices, risk"
        " programmes and impact assessments."
    )
    evidence = rank_evidence(claim, [Passage(chunk, 1.0)], IDF)
    assert evidence[0].text.endswith("including:")  # the stem, stating the claim with its points, ranks first
    found = decide(claim, evidence, IDF, top=1)
    assert (found is not None and found[0].verdict == "refuted") is refuted


@pytest.mark.parametrize(
    ("claim", "modality"),
    [
        # a writer's verbs of duty: "insist on", "demand"
        ("The robot guidelines insist on a human check of every decision.", "must"),
        ("Ruritania's robot law demands that operators register robots.", "must"),
        # counter-example: a power to demand is a permission
        ("The authority may demand documents from operators.", "may"),
    ],
)
def test_insisting_and_demanding_are_claims_of_duty(claim: str, modality: str) -> None:
    assert READER.read(claim).modality == modality


@pytest.mark.parametrize(
    ("claimed", "sentence", "refuted"),
    [
        # a sanction clause says what befalls a party, not whose duty it is to fine: no force to compare
        (
            "can fine",
            "Non-compliance by operators shall be subject to administrative fines of up to EUR 5 000 000.",
            False,
        ),
        ("can fine", "Operators shall be liable to fines of up to EUR 5 000 000.", False),
        # counter-example: a duty to fine is a duty, against a claim that the authority need not fine (a claimed
        # power it also has: comparisons.compare_modality)
        (
            "may choose whether to fine",
            "The robot authority shall fine operators up to EUR 5 000 000 for each robot.",
            True,
        ),
        ("can fine", "The robot authority shall fine operators up to EUR 5 000 000 for each robot.", False),
    ],
)
def test_a_sanction_clause_states_no_duty_to_fine(claimed: str, sentence: str, refuted: bool) -> None:
    claim = READER.read(f"Ruritania's robot authority {claimed} operators up to EUR 5 000 000.")
    found = compare_modality(claim, sentence, IDF)
    assert (found is not None and found.verdict == "refuted") is refuted


EFFORT_EN = (
    "When providing robot services, an operator shall endeavor to conduct an impact assessment in advance on the "
    "impact on people's fundamental rights."
)
DUTY_EN = "When providing robot services, an operator shall conduct an impact assessment in advance."
JOINED_EN = (
    "Operators are to endeavor to improve the safety of their robots, "
    "and must cooperate with on-site inspections by the authority."
)
ADVICE_EN = "Operators should develop watermarking techniques that identify robot-generated content."


@pytest.mark.parametrize(
    ("claim", "sentence", "refuted"),
    [
        # a Japanese claim against an English sentence: its action words are stated through their glosses, so
        # its force is compared as an English claim's is
        ("ルリタニアのロボット法は、運用者に影響評価の実施を義務付けている。", EFFORT_EN, True),
        ("ルリタニアのロボット法は、運用者に影響評価の実施を努力義務としている。", EFFORT_EN, False),
        ("ルリタニアのロボット法は、運用者に影響評価の実施を義務付けている。", DUTY_EN, False),
        # the duty joined second is the one stating the action, in English as in Japanese
        ("ルリタニアのロボット法は、運用者に立入検査への協力を努力義務としている。", JOINED_EN, True),
        ("ルリタニアのロボット法は、運用者に立入検査への協力を義務付けている。", JOINED_EN, False),
    ],
)
def test_a_japanese_claims_force_is_compared_with_an_english_sentence(claim: str, sentence: str, refuted: bool) -> None:
    """「義務付けている」 against "shall endeavor" differs; against "shall" it agrees."""
    assert (compare_modality(READER.read(claim), sentence, IDF) is not None) is refuted


@pytest.mark.parametrize(
    ("claim", "sentence", "refuted"),
    [
        # 「求められている」 says what a law requires and what a guideline expects alike: advice or a duty agrees
        ("ルリタニアのロボット指針では、運用者に電子透かし技術の開発が求められている。", ADVICE_EN, False),
        ("ルリタニアのロボット指針では、運用者に影響評価の実施が求められている。", DUTY_EN, False),
        # counter-example: a claimed duty in words that grade it (「義務付けている」) is refuted by advice
        ("ルリタニアのロボット指針は、運用者に電子透かし技術の開発を義務付けている。", ADVICE_EN, True),
        # counter-example: a request is still no leave ("may")
        (
            "ルリタニアのロボット指針では、運用者に電子透かし技術の開発が求められている。",
            "Operators may develop watermarking techniques that identify robot-generated content.",
            True,
        ),
    ],
)
def test_a_request_of_ungraded_force_differs_from_no_duty_or_advice(claim: str, sentence: str, refuted: bool) -> None:
    """A request whose word does not grade it (「求められている」) is refuted only by a leave."""
    assert (compare_modality(READER.read(claim), sentence, IDF) is not None) is refuted


def test_another_partys_duty_says_nothing_of_the_claimed_partys_force() -> None:
    """A claimed duty against a sentence asking the claimed party for an effort is refuted, though another sentence
    puts a duty on someone else about the same thing: "agencies shall prefer certified robots" binds agencies only.
    The counter-example: a second sentence binding the claimed party itself states the action both ways."""
    claim = READER.read(
        "Ruritania's robot law says operators must obtain a safety certificate before supplying robots."
    )
    agencies = (
        "When State agencies buy robots, they shall give priority to robots that have obtained a safety certificate."
    )
    operators = "Operators shall obtain a safety certificate before supplying robots to hospitals."
    assert not states_as_claimed("modality", claim, agencies, IDF)
    assert states_as_claimed("modality", claim, operators, IDF)
    assert party_of("they", agencies) == "authority"  # a pronoun's party is the one its sentence named before
    assert party_of("Operators", operators) == "business_operator"
    assert party_of("they", "They shall register.") == ""


@pytest.mark.parametrize(
    ("sentence", "actor", "role"),
    [
        # a law's responsibility is its holder's duty: 「責務を有する」, "is responsible for formulating"
        (
            "地方公共団体は、区域の特性を生かしたロボット施策を策定する責務を有する。",
            "地方公共団体",
            "local_government",
        ),
        (
            "A local government is responsible for formulating robot measures for its area.",
            "local government",
            "local_government",
        ),
        # a claim binds the party it names as the verb's object: 「…を大学に義務づけ」, 「責務を…に負わせ」, "makes X
        # responsible for"
        ("ロボット法は、施策の策定を研究開発機関に義務づけている。", "研究開発機関", "research_institute"),
        (
            "ロボット法は、地域の施策を策定する責務を、大学などの研究開発機関に負わせている。",
            "大学などの研究開発機関",
            "research_institute",
        ),
        (
            "The robot law makes universities responsible for formulating regional measures.",
            "universities",
            "research_institute",
        ),
        # a condition's 「には」, 「ては」 takes up no subject: the party is the one before it
        (
            "国及び地方公共団体は、大学に係る施策を実施するに当たっては、研究の特性に配慮しなければならない。",
            "国及び地方公共団体",
            "local_government",
        ),
        ("運用者は、ロボットを貸与する場合には、安全点検を行わなければならない。", "運用者", ""),
    ],
)
def test_a_responsibility_binds_the_party_that_holds_it(sentence: str, actor: str, role: str) -> None:
    found, modality, *_ = duty_of(sentence)
    assert (found, modality, actor_role(found)) == (actor, "must", role)


@pytest.mark.parametrize(
    "sentence",
    [
        # counter-examples: a caption naming responsibilities, a body described by what it is responsible for
        "事業者の責務について定める。",
        "The authority responsible for robot safety publishes an annual report.",
    ],
)
def test_responsibility_named_without_a_holder_is_no_duty(sentence: str) -> None:
    assert duty_of(sentence)[1] == ""


def test_another_partys_force_does_not_refute_the_claimed_partys() -> None:
    """The claim binds universities; an effort asked of the State and local governments about the same action
    says nothing of how strongly universities are bound. An effort asked of universities refutes the duty."""
    claim = READER.read("Ruritania's robot law obliges universities to formulate robot research plans.")
    others = "The State and local governments shall endeavour to formulate robot research plans with universities."
    own = "Universities shall endeavour to formulate robot research plans."
    assert compare_modality(claim, others, IDF) is None
    assert compare_modality(claim, own, IDF) is not None
