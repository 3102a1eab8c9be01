"""BM25 tokenisation (English words, CJK bigrams) and search."""

from __future__ import annotations

import numpy as np
import pytest

from govqa.index.lexical import LexicalIndex
from govqa.text import STOP_WORDS, tokenize


@pytest.mark.parametrize(
    ("text", "tokens"),
    [
        ("The operator shall keep the records.", ["oper", "keep", "record"]),
        ("Fines and obligations", ["fine", "oblig"]),
        ("policies of agencies", ["polici", "agenc"]),
        ("class access business", ["class", "access", "busi"]),
        ("bus gas", ["bus", "gas"]),
        ("GPAI models, 2024", ["gpai", "model", "2024"]),
        ("ＡＩ　Ａｃｔ", ["ai", "act"]),
    ],
    ids=["stop-words", "plural-s", "ies", "double-s-kept", "short-words-kept", "digits", "full-width"],
)
def test_english_tokens_are_lowercased_stemmed_and_stop_word_free(text: str, tokens: list[str]) -> None:
    """Latin text becomes lower-case Porter2 stems without stop words."""
    assert tokenize(text) == tokens


@pytest.mark.parametrize(
    "forms",
    [
        ("deploying", "deployers", "deployer", "deployed"),
        ("labelling", "labels", "label"),
        ("fines", "fine"),
        ("requirements", "required", "requirement"),
    ],
)
def test_inflected_forms_share_one_token(forms: tuple[str, ...]) -> None:
    """Verb and noun forms of one word meet in BM25 ("deploying" finds "deployers")."""
    assert len({tuple(tokenize(f)) for f in forms}) == 1


@pytest.mark.parametrize(
    ("past", "present"),
    [("kept", "keeps"), ("gave", "giving"), ("given", "gives"), ("brought", "bringing"), ("held", "holds")],
)
def test_an_irregular_past_meets_its_verb(past: str, present: str) -> None:
    """News writes "the order gave officials 90 days", a law "shall give": the irregular past is its verb."""
    assert tokenize(past) == tokenize(present)


@pytest.mark.parametrize(
    ("british", "american"),
    [
        ("national defence", "national defense"),
        ("criminal offences", "criminal offenses"),
        ("organisations", "organizations"),
        ("harmonised standards", "harmonized standards"),
        ("behaviour", "behavior"),
        ("analyse", "analyze"),
        ("work programme", "work program"),
        ("a catalogue", "a catalog"),
        ("human judgement", "human judgment"),
        ("shall endeavour", "shall endeavor"),
        ("the AI Safety Centre", "the AI Safety Center"),
        ("data centres", "data centers"),
    ],
)
def test_a_word_spelt_the_british_or_the_american_way_is_one_word(british: str, american: str) -> None:
    """A Korean act translated into American English and a claim in British English speak of one "defence"."""
    assert tokenize(british) == tokenize(american)


@pytest.mark.parametrize(
    ("a", "b"), [("sentence", "sense"), ("analysis", "analyze"), ("programmer", "program"), ("acre", "acer")]
)
def test_words_that_only_look_alike_stay_apart(a: str, b: str) -> None:
    """Counter-examples: an -ence that is no British -ense, "analysis", "programmer", and an -re that is no
    British -er ("acre") keep their own tokens."""
    assert tokenize(a) != tokenize(b)


@pytest.mark.parametrize(("word", "verb"), [("found", "find"), ("left", "leave"), ("saw", "see")])
def test_a_past_that_is_also_another_word_stays_itself(word: str, verb: str) -> None:
    """Counter-examples: "found" (to found a body), "left" (a direction), "saw" (a tool) are words of their own."""
    assert tokenize(word) != tokenize(verb)


def test_a_verb_form_question_finds_the_noun_form_passage() -> None:
    """BM25 ranks the passage that uses the noun form above one that shares no word stem."""
    index = LexicalIndex(["Deployers shall assign oversight.", "Providers shall keep logs."])
    assert [i for i, _ in index.search("who is deploying it", 2)] == [0]


@pytest.mark.parametrize(
    ("text", "tokens"),
    [
        ("人工知能", ["人工", "工知", "知能"]),
        ("法", ["法"]),
        ("AI推進法", ["ai", "推進", "進法"]),
        ("ロボットの安全", ["ロボ", "ボッ", "ット", "トの", "の安", "安全"]),
        ("인공지능", ["인공", "공지", "지능"]),
        ("個人情報、同意", ["個人", "人情", "情報", "同意"]),
    ],
    ids=["kanji", "single-char", "latin-then-kanji", "kana-and-kanji", "hangul", "punctuation-splits-runs"],
)
def test_cjk_text_becomes_overlapping_bigrams(text: str, tokens: list[str]) -> None:
    """Runs of CJK characters become overlapping bigrams (a lone character stays a token)."""
    assert tokenize(text) == tokens


def test_stop_words_are_lower_case_words() -> None:
    """The stop list holds common function words, not content words."""
    assert {"the", "shall", "of"} <= STOP_WORDS
    assert not {"risk", "fine", "data", "ai"} & STOP_WORDS


def test_plural_and_singular_meet_in_search() -> None:
    """A question with "fine" finds a text that only says "fines"."""
    index = LexicalIndex(["Operators pay fines.", "Robots are registered.", "Nothing relevant here."])
    assert [i for i, _ in index.search("What fine applies?", 3)] == [0]


def test_search_ranks_better_matches_first() -> None:
    """More (and rarer) shared terms rank higher; texts sharing no term are left out."""
    texts = [
        "Inspection of robots each year by an accredited body.",
        "Robots must be registered.",
        "Cakes need eggs and flour.",
        "Robots need inspection and the inspection report is public.",
    ]
    hits = LexicalIndex(texts).search("robot inspection report", 10)
    order = [i for i, _ in hits]
    assert order[0] == 3 and 2 not in order
    assert all(score > 0 for _, score in hits)
    assert [s for _, s in hits] == sorted((s for _, s in hits), reverse=True)


LONG_RULE = (
    "1. The registrar may impose on operators of delivery robots fines not exceeding 2 % of their annual turnover, "
    "when the registrar finds that the operator intentionally or negligently: (a) failed to keep the inspection log; "
    "(b) failed to supply information on request; (c) failed to repair a defect reported by a municipality; "
    "(d) obstructed an inspection of the brakes, sensors or software."
)
SHORT_NEIGHBOURS = [
    "4. Information on fines shall be sent to the council.",
    "Robots shall carry a visible registration plate.",
    "Municipalities keep a register of inspections.",
    "The council meets twice a year.",
    "Operators shall report accidents within three days.",
    "Operators shall insure each robot.",
    "Fines are paid into the road fund.",
]


def test_a_long_paragraph_holding_the_rule_outranks_short_ones_naming_one_word() -> None:
    """Length is normalised gently (b = 0.5): the paragraph with the fine and its conditions, which names
    every query word once, comes before short sentences naming one of them (it does not at b = 0.75)."""
    texts = [LONG_RULE, *SHORT_NEIGHBOURS]
    assert LexicalIndex(texts).search("fines for operators", 3)[0][0] == 0
    assert LexicalIndex(texts, k1=1.5, b=0.75).search("fines for operators", 3)[0][0] != 0


def test_japanese_search_by_bigrams() -> None:
    """A Japanese question finds the Japanese text sharing its bigrams."""
    index = LexicalIndex(["事業者は、ロボットの検査を行わなければならない。", "登録簿は、公衆の閲覧に供する。"])
    assert index.search("ロボットの検査", 2)[0][0] == 0
    assert index.search("登録簿の閲覧", 2)[0][0] == 1


def test_mask_limits_the_candidates() -> None:
    """Texts outside the mask are never returned."""
    index = LexicalIndex(["robot safety", "robot safety rules", "robot registry"])
    hits = index.search("robot safety", 5, mask=np.array([False, False, True]))
    assert [i for i, _ in hits] == [2]


@pytest.mark.parametrize("query", ["", "the of and", "!!!"])
def test_queries_without_tokens_find_nothing(query: str) -> None:
    """A query made only of stop words or punctuation returns no hits."""
    assert LexicalIndex(["the robot"]).search(query, 5) == []


def test_empty_texts_and_oversized_n() -> None:
    """Texts without tokens can be indexed, and n larger than the index is fine."""
    index = LexicalIndex(["", "the of", "robot"])
    assert index.size == 3
    assert [i for i, _ in index.search("robot", 50)] == [2]


def test_kept_scores_do_not_leak_one_search_s_mask_into_the_next() -> None:
    """A query searched within some texts, then everywhere, then within others: each search honours its own mask
    although the scores over every text are computed once and kept."""
    index = LexicalIndex(["robot inspection duty", "robot register", "data protection", "robot sale inspection"])
    everywhere = index.search("robot inspection", 4)
    only_last = index.search("robot inspection", 4, np.array([False, False, False, True]))
    assert only_last == [(3, everywhere[[i for i, _ in everywhere].index(3)][1])]
    assert index.search("robot inspection", 4) == everywhere
    assert {i for i, _ in everywhere} == {0, 1, 3}
    index.clear_cache()
    assert index.search("robot inspection", 4) == everywhere
