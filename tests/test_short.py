"""The short answer and the tight quote, over invented provisions: a definition, a prohibition with its exception,
a date, an amount, a role absence and the "closest text" fallback, in English and Japanese framing."""

from __future__ import annotations

import re

import pytest

from govqa.answering import short
from govqa.answering.quotes import POINT_WHOLE_MAX, Quote, best_quotes
from govqa.answering.short import SHORT_QUOTE_CHARS, elide
from govqa.messages import load_messages
from govqa.records import Chunk, Document, Passage
from govqa.search.analysis import QueryAnalysis, analyze
from govqa.search.routing import Glossary, Router
from govqa.text import sentence_spans

ACT = Document(id="ex-act", title="Examplia Robot Act", short_title="Robot Act", doc_type="statute")
ROUTER = Router([ACT], {})


def read(question: str, gloss: str = "") -> QueryAnalysis:
    """The question read once, as the answerer reads it; `gloss`: the glossary's English for its term 海外."""
    return analyze(question, ROUTER, Glossary({"海外": gloss} if gloss else {}))


def short_answer(
    question: str, mode: str, quotes: list[Quote], numbers: dict[int, int], gloss: str = "", finding: str = ""
) -> str | None:
    query = read(question, gloss)
    return short.short_answer(query, mode, quotes, numbers, load_messages(query.language), finding=finding)


def stating_shape(question: str) -> re.Pattern[str] | None:
    return short.stating_shape(read(question))


def refusal_note(reason: str, japanese: bool = False) -> str:
    return short.refusal_note(reason, load_messages("ja" if japanese else "en"))


BANS = (
    "Article 5\nProhibited robot practices\n1. The following robot practices shall be prohibited:\n"
    "(a) the sale of a robot that hides its camera from the people it films in their homes;\n"
    "(b) the use of a robot to infer the emotions of a worker at the workplace, except where the robot is used "
    "for medical or safety reasons;\n"
    "(c) the use of a robot to rank citizens by their social behaviour for the purpose of public benefits."
)
DEFINES = (
    "(7) 'robot keeper' means a natural or legal person who has a robot under its control at a place of work; "
    "(8) 'robot maker' means a person who builds a robot or has it built and sells it under its own name."
)
DATES = "This Act shall enter into force on 1 March 2028. It shall be reviewed by the Robot Office every five years."
FINES = "An operator who fails to register a robot shall be liable to a fine of up to 20,000 credits per robot."
REGISTRY = "The registry shall be open to the public, and any person may search it by serial number at no charge."


def passage(text: str, locator: str = "Article 5(1)") -> Passage:
    chunk = Chunk("ex-act", locator, (), text, 0, len(text), None, None, "en")
    return Passage(chunk, 1.0, document=ACT)


def whole(text: str, locator: str = "Article 5(1)") -> Quote:
    return Quote(passage(text, locator), 0, len(text), 1.0)


def picked(question: str, text: str, locator: str = "Article 5(1)") -> list[Quote]:
    """The quotes the picker takes from one passage, tight (no widening)."""
    return best_quotes(question, [passage(text, locator)], {}, per_passage=1, limit=1, min_chars=0)


def test_the_quote_is_the_enumerated_point_that_answers() -> None:
    """Of a long list, the point asked about carries the answer (its core, exception included); the quote
    reaches back to the list's lead-in, which states the rule, verbatim at its offsets."""
    [q] = picked("Is using robots to infer the emotions of workers prohibited?", BANS)
    assert q.core.startswith("(b) the use of a robot to infer the emotions")
    assert q.core.endswith("medical or safety reasons;")
    assert "1. The following robot practices shall be prohibited:\n(a)" in q.text
    assert q.text.endswith("medical or safety reasons;")
    assert BANS[q.start : q.end] == q.text


NESTED = (
    "(a) Within 90 days of the date of this Act, the Robot Office shall:\n"
    "(i) publish guidance on the safe keeping of robots, including:\n"
    "(A) a checklist for robots that care for children;\n"
    "(B) a checklist for robots that drive vehicles."
)
TRANSITION = (
    "2. This Act shall apply to robots sold before 1 March 2028 only if, as from that date, those robots are "
    "substantially rebuilt. In any case, robots kept by public bodies shall comply with this Act by 1 March 2031.\n"
    "3. Robots kept for a museum's collection are exempt from registration."
)


def test_a_nested_lead_in_is_read_down_to_its_first_point() -> None:
    """ "shall: (i) …, including: (A) …" — a lead-in takes its first point, and that point, itself a lead-in,
    takes its own first point: the deadline, the duty and the item asked about are quoted together."""
    [q] = picked("By when must the Robot Office publish guidance for robots?", NESTED)
    assert q.text.startswith("(a) Within 90 days")
    assert q.text.endswith("(A) a checklist for robots that care for children;")
    assert NESTED[q.start : q.end] == q.text


def test_a_numbered_paragraph_is_quoted_with_its_later_sentences() -> None:
    """A paragraph's second sentence ("In any case, …") qualifies its first: both are quoted, the next
    paragraph is not."""
    [q] = picked("Does the Robot Act apply to robots sold before March 2028?", TRANSITION)
    assert q.text.startswith("2. This Act shall apply")
    assert q.text.endswith("by 1 March 2031.")


def test_a_long_paragraph_is_not_quoted_whole() -> None:
    """Past POINT_WHOLE_MAX characters a paragraph's later sentences are left to the source viewer."""
    tail = " ".join(f"Robots kept in zone {n} shall be inspected every year." for n in range(30))
    text = TRANSITION.split("\n")[0] + " " + tail
    [q] = picked("Does the Robot Act apply to robots sold before March 2028?", text)
    assert q.text.startswith("2. This Act shall apply")
    assert "by 1 March 2031." in q.text
    assert len(q.text) <= POINT_WHOLE_MAX < len(text)


@pytest.mark.parametrize(
    "text",
    [
        "第二条　この法律において次の各号に掲げる用語の意義は、当該各号に定めるところによる。\n"
        "一　ロボット　自ら動作する機械であって、人の指示により家庭又は職場において作業を行うものをいう。\n"
        "二　事業者　ロボットを業として製造し、又は販売する者をいう。",
        "（一）ロボットを製造する者は、その安全を確保するための措置を講じなければならない\n"
        "（二）ロボットを販売する者は、その取扱いについて購入者に説明しなければならない",
    ],
)
def test_japanese_items_are_units_of_their_own(text: str) -> None:
    """Japanese law items ("一　", "（一）") start units, as "(a)" does in English texts."""
    units = [text[s:e] for s, e in sentence_spans(text)]
    assert any(u.startswith(("二", "（二）")) for u in units), units


def test_a_sentence_inside_brackets_does_not_end_at_its_full_stop() -> None:
    """「。」 inside （…） ends no unit: the bracket's text stays with the sentence around it."""
    text = "この法律において「記録」とは、電磁的記録（電子的方式で作られる記録をいう。以下同じ。）をいう。"
    text += "次の文は別の文である。"
    units = [text[s:e] for s, e in sentence_spans(text, min_chars=5)]
    assert units[0].endswith("以下同じ。）をいう。"), units


def test_a_definition_is_answered_with_the_defining_sentence() -> None:
    """ "What does 'robot keeper' mean?" — the defining sentence of that term, not its neighbour, with [1]."""
    short = short_answer("What does 'robot keeper' mean under the Robot Act?", "ask", [whole(DEFINES)], {0: 1})
    assert short == (
        "Article 5(1) of Robot Act: “(7) 'robot keeper' means a natural or legal person who has a robot under its "
        "control at a place of work;” [1]"
    )


def test_a_prohibition_is_a_yes_with_its_lead_in_and_exception() -> None:
    """A ban the list's lead-in states is a "Yes —", quoting the lead-in, the point and its exception."""
    question = "Is it banned to use robots to infer the emotions of workers?"
    short = short_answer(question, "ask", picked(question, BANS), {0: 1})
    assert short is not None and short.startswith("Yes — Article 5(1) of Robot Act: “")
    assert "shall be prohibited:" in short and "(b) the use of a robot" in short and "except where" in short
    assert short.endswith("[1]")


@pytest.mark.parametrize(
    ("question", "opening"),
    [
        ("Is it allowed to use robots to infer the emotions of workers?", "No — "),
        ("Are robots that infer the emotions of workers permitted?", "No — "),
        ("Are robots that infer the emotions of workers not allowed?", "Yes — "),
    ],
)
def test_is_it_allowed_is_answered_no_by_a_ban(question: str, opening: str) -> None:
    """ "Is it allowed / permitted?" turns a ban around: "No —", with the same lead-in, point and exception;
    "not allowed" asks for the ban itself."""
    short = short_answer(question, "ask", picked(question, BANS), {0: 1})
    assert short is not None and short.startswith(f"{opening}Article 5(1) of Robot Act: “")
    assert "(b) the use of a robot" in short and "except where" in short


@pytest.mark.parametrize(
    ("question", "yes"),
    [
        ("ロボットで労働者の感情を推測することは禁止されていますか？", True),
        ("ロボットで禁止されている行為は何ですか？", False),  # 「何ですか」 asks what, not whether
        ("何らかの行為は禁止されていますか？", True),  # 「何らか」 is "any", no question word
    ],
)
def test_a_japanese_what_question_gets_no_yes(question: str, yes: bool) -> None:
    quotes = picked("Is it banned to use robots to infer the emotions of workers?", BANS)
    short = short_answer(question, "ask", quotes, {0: 1})
    assert short is not None and short.startswith("はい。") is yes


def test_no_yes_without_a_quote_that_states_it() -> None:
    """A ban question whose best quote prohibits nothing gets what the text says, never a "Yes"."""
    short = short_answer("Is it banned to search the robot registry?", "ask", [whole(REGISTRY, "Article 2(2)")], {0: 1})
    assert short == f"The closest text, Article 2(2) of Robot Act, says: “{REGISTRY}” [1]"


def test_an_exclusion_answers_whether_the_act_applies_with_no() -> None:
    """ "Does it apply to …?" answered by a "does not apply" sentence is a "No —"."""
    text = "(3) This Act does not apply to robots built and used only for scientific research in a closed laboratory."
    short = short_answer(
        "Does the Robot Act apply to our research robot?", "ask", [whole(text, "Article 2(3)")], {0: 2}
    )
    assert short is not None and short.startswith("No — Article 2(3) of Robot Act: “(3) This Act does not apply")
    assert short.endswith("[2]")


def test_a_does_not_apply_sentence_about_something_else_is_no_no() -> None:
    """A "does not apply" sentence about other things than the question's subject answers nothing: no "No —"."""
    text = "(3) This Act does not apply to robots built and used only for scientific research in a closed laboratory."
    short = short_answer("Does the Robot Act apply to delivery drones?", "ask", [whole(text, "Article 2(3)")], {0: 1})
    assert short is not None and not short.startswith("No")
    assert short.startswith("The closest text, Article 2(3) of Robot Act")


@pytest.mark.parametrize(
    ("text", "no"),
    [
        ("(3) This Act does not apply to robots built and used only for national defence.", False),
        ("(3) This Act does not apply to business operators outside the territory of Examplia.", True),
    ],
)
def test_across_languages_a_no_needs_the_question_s_words_in_its_glossary_english(text: str, no: bool) -> None:
    """A Japanese question answered from an English text: the "does not apply" sentence must carry the words of
    the question's glossary rendering ("outside", "business operators") to be its "いいえ"; one about defence
    robots is only the closest text."""
    question = "ロボット法は海外の事業者にも適用されますか？"
    gloss = "outside the territory foreign business operators providers apply application"
    short = short_answer(question, "ask", [whole(text, "Article 2(3)")], {0: 1}, gloss=gloss)
    assert short is not None and short.startswith("いいえ") is no


@pytest.mark.parametrize(
    ("question", "text", "figure"),
    [
        ("When does the Robot Act enter into force?", DATES, "1 March 2028"),
        ("How high can the fine for an unregistered robot go?", FINES, "20,000 credits"),
    ],
)
def test_a_date_or_an_amount_is_quoted_with_its_provision(question: str, text: str, figure: str) -> None:
    """A date or amount question is answered by the sentence that states it, with no yes/no framing."""
    short = short_answer(question, "ask", [whole(text, "Article 9")], {0: 1})
    assert short is not None and short.startswith("Article 9 of Robot Act: “") and figure in short
    assert "closest" not in short and short.endswith("[1]")


def test_a_role_absence_is_a_no_and_names_what_was_checked() -> None:
    """The answerer's finding that the law has no such provision leads, then the closest text with its marker."""
    finding = "The indexed text of Robot Act (12 passages checked) contains no penalty provision."
    short = short_answer(
        "Does the Robot Act impose penalties?", "ask", [whole(REGISTRY, "Article 2(2)")], {0: 1}, finding=finding
    )
    assert short is not None
    assert short.startswith("No: the indexed text of Robot Act (12 passages checked) contains no penalty provision.")
    assert short.endswith("[1]")


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("ロボット法では、ロボットの登録簿は誰でも見られますか？", "最も近い規定はRobot ActのArticle 2(2)で、"),
        (
            "ロボット法では、労働者の感情を推定するロボットの利用は禁止されていますか？",
            "はい。Robot ActのArticle 5(1)：",
        ),
    ],
)
def test_japanese_questions_get_japanese_framing(question: str, expected: str) -> None:
    """A Japanese question gets Japanese framing around the verbatim quote, 「…」 and its marker."""
    quotes = [whole(REGISTRY, "Article 2(2)")] if "登録簿" in question else picked("emotions of a worker", BANS)
    short = short_answer(question, "ask", quotes, {0: 1})
    assert short is not None and short.startswith(expected) and short.endswith("」[1]")


def test_a_long_quote_is_elided_but_keeps_its_exception() -> None:
    """In the short answer a long sentence keeps its opening and its "except" clause; the full quote follows."""
    long = "(2) " + "A keeper shall keep the robot's log and its records of every task it performed " * 4
    long += "except where the robot is used at home only."
    short = short_answer("What must a keeper keep?", "ask", [whole(long)], {0: 1})
    assert short is not None and " … except where the robot is used at home only." in short
    assert len(short) < len(long)


def test_no_quotes_no_short_answer_and_a_refusal_says_why() -> None:
    """Without quotes there is nothing to stand on; a refusal's note names its reason."""
    assert short_answer("Is it banned?", "ask", [], {}) is None
    assert refusal_note("the corpus never mentions AIDA") == "Not answered: the corpus never mentions AIDA."
    assert refusal_note("", japanese=True).startswith("回答できません")


def test_a_back_reference_to_a_prohibition_is_no_yes() -> None:
    """ "That prohibition should not cover …" names a ban but states none: the fallback, not "Yes"."""
    text = "That prohibition should not cover the lawful labelling of robot data sets acquired under national law."
    short = short_answer("Is labelling robot data sets prohibited?", "ask", [whole(text, "Recital 9")], {0: 1})
    assert short is not None and short.startswith("The closest text, Recital 9 of Robot Act, says:")


@pytest.mark.parametrize(
    "text",
    [
        "This obligation shall not apply to robots used for emotion recognition that the law permits.",
        "This Act shall not affect the rules on emotion recognition robots laid down in other law.",
    ],
)
def test_a_rule_that_exempts_or_saves_is_no_yes_to_a_ban(text: str) -> None:
    """ "Shall not apply" and "shall not affect" limit another rule; they forbid nothing: no "Yes"."""
    short = short_answer("Are emotion recognition robots banned?", "ask", [whole(text, "Article 50(3)")], {0: 1})
    assert short is not None and not short.startswith("Yes")


SCOPE_AND_DATE = "Robot makers must register every robot they build. This Act shall enter into force on 1 March 2028."
OFFENCE_AND_FINE = (
    "A keeper who fails to register a robot commits an offence. "
    "The offence is punishable by a fine of up to 20,000 credits."
)


@pytest.mark.parametrize(
    ("question", "text", "stated"),
    [
        ("When will the Robot Act start to apply to robot makers?", SCOPE_AND_DATE, "1 March 2028"),
        ("From which date do robot makers fall under the Robot Act?", SCOPE_AND_DATE, "1 March 2028"),
        ("How much is the fine for the offence of failing to register a robot?", OFFENCE_AND_FINE, "20,000"),
        (
            "Are robot cameras in homes off-limits under the Robot Act?",
            "Robot cameras in homes are common under the Robot Act. Makers should not sell a robot that films homes.",
            "should not",
        ),
        (
            "Are there exemptions for research robots under the Robot Act 2027?",
            "The Robot Act 2027 covers research robots. Machines kept in a research laboratory are exempt.",
            "are exempt",
        ),
        (
            "Is the Robot Code mandatory for robot makers?",
            "The Robot Code lists the safety steps for every machine it covers. Following the Code is voluntary.",
            "voluntary",
        ),
    ],
)
def test_a_question_for_a_date_amount_ban_or_exemption_quotes_the_sentence_that_states_it(
    question: str, text: str, stated: str
) -> None:
    """Asked when, how much, whether something is banned, exempt or mandatory, the quote picker prefers the
    sentence stating a date, an amount, a ban ("should not" in soft law), an exemption or the text's legal nature
    ("voluntary", 法的拘束力) over one that shares somewhat more of the
    question's words; without the preference it takes the other."""
    quotes = best_quotes(question, [passage(text)], {}, per_passage=1, limit=1, prefer=stating_shape(question))
    assert stated in text[quotes[0].start : quotes[0].end]
    plain = best_quotes(question, [passage(text)], {}, per_passage=1, limit=1)
    assert stated not in text[plain[0].start : plain[0].end]


def test_a_question_on_legal_nature_prefers_a_statement_of_it_in_japanese_too() -> None:
    """「法的拘束力がありますか」 asks for the sentence that states the text's legal nature."""
    shape = stating_shape("ロボット指針には法的拘束力がありますか？")
    assert shape is not None and shape.search("本指針は法的拘束力を有するものではない。")
    assert not shape.search("この指針はロボットの安全についてまとめたものである。")


def test_a_long_quote_keeps_the_words_of_the_asked_shape_when_it_is_elided() -> None:
    """The short answer cuts a long sentence after its opening; asked "Is it mandatory?", the words that say so
    ("voluntary") are kept with a few words around them, and the opening is not repeated."""
    opening = "On the basis of the Robot Principles, this Code for Organizations Building Advanced Robots, " * 3
    text = f"{opening}will provide voluntary guidance for actions by the makers of the most advanced robots."
    shape = stating_shape("Is the Robot Code mandatory?")
    kept = elide(text, keep=shape)
    assert kept.startswith("On the basis of the Robot Principles") and "voluntary guidance" in kept
    assert kept.count(" … ") >= 1 and len(kept) <= SHORT_QUOTE_CHARS + 10
    assert "voluntary" not in elide(text)


def test_a_long_japanese_quote_is_elided_after_a_clause_not_after_its_heading() -> None:
    """Japanese has no spaces: a long quote is cut after 、 or 。, not at the one space after its heading."""
    text = (
        "第一条（目的） " + "この法律は、ロボットの安全を確保し、" * 20 + "国民生活の安定に寄与することを目的とする。"
    )
    short = elide(text)
    assert short.startswith("第一条（目的） この法律は、") and len(short) > SHORT_QUOTE_CHARS // 2
    assert short.endswith("、 …")


def test_other_questions_prefer_no_shape() -> None:
    """Only dates, amounts, bans and exemptions have a stating shape; a scenario's "when" asks no date."""
    assert stating_shape("What must a robot keeper do?") is None
    assert stating_shape("When we deploy a robot, what must we tell workers?") is None
