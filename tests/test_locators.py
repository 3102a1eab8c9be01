"""Provision references in questions and chunk locators, read into one canonical form."""

from __future__ import annotations

import pytest

from govqa.documents.locators import (
    Ref,
    citable_ref,
    kanji_to_int,
    numbering_script,
    parse_citation,
    ref_of_locator,
    refs_in_question,
    roman_to_int,
)


@pytest.mark.parametrize(
    ("question", "ref"),
    [
        ("What does Article 50(2) require?", Ref("article", "50", ("2",))),
        ("Explain Art. 5(1)(f).", Ref("article", "5", ("1", "f"))),
        ("art 6 obligations", Ref("article", "6")),
        ("ARTICLE 12 (3) in the act", Ref("article", "12", ("3",))),
        ("第三条第二項の内容は？", Ref("article", "3", ("2",))),
        ("第二十四条の二", Ref("article", "24-2")),
        ("第３条を教えて", Ref("article", "3")),
        ("第十条", Ref("article", "10")),
        ("제35조제1항", Ref("article", "35", ("1",))),
        ("제35조 제1항", Ref("article", "35", ("1",))),
        ("제12조의2", Ref("article", "12-2")),
        ("What is in Annex III?", Ref("annex", "3")),
        ("Annex III, point 4", Ref("annex", "3", ("4",))),
        ("Recital 27 says", Ref("recital", "27")),
        ("recitals 43", Ref("recital", "43")),
        ("GOVERN 1.2 asks for", Ref("govern", "1.2")),
        ("MEASURE 2", Ref("measure", "2")),
        ("Section 1.2.4 of the RMF", Ref("section", "1.2.4")),
        ("Sec. 4 of the order", Ref("section", "4")),
        ("§ 3", Ref("section", "3")),
        ("C.R.S. 6-1-1703(1)", Ref("section", "6-1-1703", ("1",))),
        ("Principle 7", Ref("principle", "7")),
        ("action 3 of the code", Ref("action", "3")),
        ("Article 2-2 of the Korean act", Ref("article", "2-2")),
    ],
)
def test_question_references(question: str, ref: Ref) -> None:
    """Each notation in a question becomes its canonical reference."""
    assert refs_in_question(question) == [ref]


def test_references_keep_question_order_without_repeats() -> None:
    """Several references come back in the order asked, each once."""
    refs = refs_in_question("Compare Article 5 with 第三条 and Article 5 again, then Recital 1.")
    assert refs == [Ref("article", "5"), Ref("article", "3"), Ref("recital", "1")]


@pytest.mark.parametrize("question", ["What is an AI system?", "AI推進法の目的は？", "article about fines", ""])
def test_questions_without_references(question: str) -> None:
    """Questions naming no provision give no references."""
    assert refs_in_question(question) == []


@pytest.mark.parametrize(
    ("locator", "ref"),
    [
        ("Article 50(2)", Ref("article", "50", ("2",))),
        ("Article 2(5)–(6)", Ref("article", "2", ("5", "6"))),
        ("Article 2(1)–(4)", Ref("article", "2", ("1", "2", "3", "4"))),
        ("第四条第一項–第二項", Ref("article", "4", ("1", "2"))),
        ("第三条第二項", Ref("article", "3", ("2",))),
        ("第三条", Ref("article", "3")),
        ("제2조제1항", Ref("article", "2", ("1",))),
        ("제2조제1항–제3항", Ref("article", "2", ("1", "2", "3"))),
        ("Annex III point 4", Ref("annex", "3", ("4",))),
        ("Recital 12", Ref("recital", "12")),
        ("6-1-1703(1)", Ref("section", "6-1-1703", ("1",))),
        ("GOVERN 1.2 GV-1.2-001", Ref("govern", "1.2")),
    ],
)
def test_chunk_locators(locator: str, ref: Ref) -> None:
    """Chunk locators, ranges included, read into the same form as question references."""
    assert ref_of_locator(locator) == ref


@pytest.mark.parametrize(
    "locator",
    [
        "Supplementary Provisions, Article 1",
        "附則第一条",
        "附 則第一条",  # e-Gov's label "附　則" after whitespace normalisation
        "附　則（令和十年法律第一号）第一項",
        "부칙 (제20676호)",
        "Addenda (Act No. 20676)",
        "Front matter",
        "Title",
    ],
)
def test_locators_that_are_not_citable_provisions(locator: str) -> None:
    """Supplementary provisions, addenda and front matter never match a question's "Article 1"."""
    assert ref_of_locator(locator) is None


@pytest.mark.parametrize(
    ("wanted", "held", "matches"),
    [
        (Ref("article", "5", ("1",)), Ref("article", "5", ("1", "2")), True),
        (Ref("article", "5", ("3",)), Ref("article", "5", ("1", "2")), False),
        (Ref("article", "5"), Ref("article", "5", ("2",)), True),
        (Ref("article", "5", ("2",)), Ref("article", "5"), True),
        (Ref("article", "5"), Ref("article", "50"), False),
        (Ref("article", "3"), Ref("recital", "3"), False),
    ],
)
def test_ref_matches(wanted: Ref, held: Ref, matches: bool) -> None:
    """A reference matches a chunk of the same provision whose paragraphs include the one asked for."""
    assert wanted.matches(held) is matches


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("一", 1),
        ("十", 10),
        ("十一", 11),
        ("二十四", 24),
        ("百五", 105),
        ("千二百三十四", 1234),
        ("24", 24),
        ("２４", 24),
        ("abc", None),
        ("十x", None),
    ],
)
def test_kanji_to_int(text: str, value: int | None) -> None:
    """Kanji and full-width numerals read as integers; anything else is None."""
    assert kanji_to_int(text) == value


@pytest.mark.parametrize(("text", "value"), [("III", 3), ("iv", 4), ("XIV", 14), ("XC", 90), ("", None), ("ABC", None)])
def test_roman_to_int(text: str, value: int | None) -> None:
    """Roman numerals read as integers, case-insensitively; other text is None."""
    assert roman_to_int(text) == value


@pytest.mark.parametrize(
    ("locator", "ref"),
    [
        ("6-1-1701(4)–(7)", Ref("section", "6-1-1701", ("4", "5", "6", "7"))),
        ("Annex III point 2–point 3", Ref("annex", "3", ("2", "3"))),
        ("Section 5.2(b)", Ref("section", "5.2", ("b",))),
        ("Section 3(a)–(b)", Ref("section", "3", ("a", "b"))),
    ],
)
def test_statute_and_annex_ranges_in_locators(locator: str, ref: Ref) -> None:
    """A merged chunk of a statute section or an annex holds every paragraph or point of its range."""
    assert ref_of_locator(locator) == ref


@pytest.mark.parametrize(
    ("text", "span", "ref"),
    [
        ("Art. 50(2)", "Art. 50(2)", Ref("article", "50", ("2",))),
        ("Article 10(2)–(5)", "Article 10(2)–(5)", Ref("article", "10", ("2", "3", "4", "5"))),
        ("Annex III point 4", "Annex III point 4", Ref("annex", "3", ("4",))),
        ("第7条", "第7条", Ref("article", "7")),
        ("6-1-1703(3)", "6-1-1703(3)", Ref("section", "6-1-1703", ("3",))),
        ("GOVERN 1.2", "GOVERN 1.2", Ref("govern", "1.2")),
        ("paragraph (52)", "paragraph (52)", Ref("paragraph", "52")),
        ("EU AI Act Art. 5(1)(f)", "Art. 5(1)(f)", Ref("article", "5", ("1",))),  # a point: cited with its paragraph
        ("EO 14110 Sec. 4.2(a)", "Sec. 4.2(a)", Ref("section", "4.2", ("a",))),
        ("제35조제1항", "제35조제1항", Ref("article", "35", ("1",))),
    ],
)
def test_citation_requests(text: str, span: str, ref: Ref) -> None:
    """A reference in a citation list: what it names, and where it stands (what precedes it names the text)."""
    found = parse_citation(text)
    assert found is not None
    start, end, got = found
    assert (text[start:end], got) == (span, ref)


@pytest.mark.parametrize(
    ("locator", "ref"),
    [
        ("Operative paragraph 4(a)", Ref("paragraph", "4", ("a",))),
        ("Paragraph 52", Ref("paragraph", "52")),
        ("Article 3(1)", Ref("article", "3", ("1",))),
        ("Title", None),
    ],
)
def test_citable_locators(locator: str, ref: Ref | None) -> None:
    """Numbered paragraphs of resolutions and guidance can be cited, though questions do not look them up."""
    assert citable_ref(locator) == ref
    assert ref_of_locator("Operative paragraph 4(a)") is None  # retrieval reads locators as before


@pytest.mark.parametrize(
    ("text", "script"), [("第七条", "ja"), ("第7条第2項", "ja"), ("제7조", "ko"), ("Art. 7", "latin")]
)
def test_numbering_script(text: str, script: str) -> None:
    """References and locators are told apart by how they are numbered."""
    assert numbering_script(text) == script
