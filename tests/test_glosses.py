"""A Japanese claim against an English sentence: its content words compared through the glosses of the JMdict
dictionary that the jamdict-data package ships (the real dictionary, read-only), with counter-examples of the same
shape that must not be stated."""

from __future__ import annotations

import pytest
from fixture_claims import IDF, READER

from govqa.answering import coverage
from govqa.answering.comparisons import states_most
from govqa.answering.coverage import claim_weights, term_coverage
from govqa.search import glosses
from govqa.search.glosses import Glossary, dictionary_path, glossary, stated_share

REPORTS = "運用者は事故を当局に報告しなければならない。"  # operators must report accidents to the authority


def test_the_dictionary_ships_with_the_package() -> None:
    """The dictionary is the installed jamdict-data package's file, not a download."""
    path = dictionary_path()
    assert path is not None and path.name == "jamdict.db" and "jamdict_data" in path.parts


def test_a_compound_is_cut_into_the_longest_dictionary_words() -> None:
    g = glossary()
    assert g.words("個人情報取扱事業者") == ["個人情報", "取扱", "事業者"]
    assert g.words("人工知能戦略本部") == ["人工知能", "戦略", "本部"]
    assert frozenset({"fine"}) in g.glosses("罰金")  # stems, as the library's tokenizer writes them
    assert frozenset({"artifici", "intellig"}) in g.glosses("人工知能")
    assert g.glosses("ロボット安全法") == ()  # a compound is no entry: its words are


@pytest.mark.parametrize(
    ("run", "words"),
    [
        # a katakana word's English "-ing" (スコア + リング: "scoring") is no word ("ring") of its own
        ("ソーシャルスコアリング", ["ソーシャル", "スコア"]),
        ("スコアリング", ["スコア"]),
        # counter-examples: the word "ring" alone, or after a word that is itself in "-ing" (a boxing ring)
        ("リング", ["リング"]),
        ("ボクシングリング", ["ボクシング", "リング"]),
    ],
)
def test_a_katakana_ing_ending_is_no_word_of_its_own(run: str, words: list[str]) -> None:
    assert glossary().words(run) == words


def test_a_word_is_stated_when_one_of_its_glosses_stands_whole() -> None:
    renderings = glossary().renderings("当局")  # "authorities", "relevant authorities", …
    assert stated_share(renderings, {"author"}) == 1.0
    assert stated_share(renderings, {"relev"}) == 0.0  # half a gloss is no rendering
    assert stated_share((), {"author"}) == 0.0


@pytest.mark.parametrize(
    ("claim", "sentence", "verdict"),
    [
        (REPORTS, "Operators shall report every accident to the authority.", "supported"),
        (REPORTS, "Operators must report incidents to the authority.", "supported"),  # 事故: accident, incident
        # counter-examples: the same shape and the same actor, another duty; another actor's duty
        (REPORTS, "Operators shall pay the annual fee to the registry.", None),
        (REPORTS, "Importers shall keep a copy of the declaration.", None),
    ],
)
def test_a_japanese_claim_is_stated_by_an_english_sentence_through_glosses(
    claim: str, sentence: str, verdict: str | None
) -> None:
    found = states_most(READER.read(claim), sentence, IDF)
    assert (found.verdict if found else None) == verdict


def test_without_the_dictionary_a_japanese_claim_shares_nothing_with_an_english_sentence(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """With no dictionary installed nothing is glossed, and the claim is compared as before (its English terms
    alone): the support above comes from the glosses."""
    monkeypatch.setattr(coverage, "glossary", lambda: Glossary(None))
    assert not any(Glossary(None).renderings("罰金"))
    reading = READER.read(REPORTS)
    assert term_coverage(claim_weights(reading, IDF), "Operators shall report every accident to the authority.") == 0
    assert states_most(reading, "Operators shall report every accident to the authority.", IDF) is None


def test_a_word_the_library_never_uses_weighs_as_the_rarest_across_languages() -> None:
    """Against an English sentence, 事故 (absent from this library's Japanese) weighs as the rarest term; 報告
    weighs its own idf. Within Japanese each pair keeps its idf (an unknown pair weighs 1)."""
    idf = {"報告": 2.0, "regist": 9.0}
    weights = claim_weights(READER.read(REPORTS), idf)
    runs = dict(weights.runs)
    assert runs["報告"] == 2.0 and runs["事故"] == 9.0
    assert weights["報告"] == 2.0 and weights["事故"] == 1.0


def test_the_glossary_is_opened_once_per_process() -> None:
    assert glosses.glossary() is glosses.glossary()


# ---------------------------------------------------------------- near-synonyms of an English claim's words

FIXES = "Operators must fix brake defects quickly."


def test_near_synonyms_are_words_one_dictionary_sense_gives_together_twice() -> None:
    synonyms = glossary().synonyms()
    assert {"repair", "correct", "mend"} <= synonyms["fix"]
    assert "inform" in synonyms["tell"] and "request" in synonyms["ask"]
    # counter-examples: words of different meaning, even where one sense of a word of many uses joins them once
    assert "penalti" not in synonyms["fine"] and "report" not in synonyms["fix"]


@pytest.mark.parametrize(
    ("sentence", "share", "verdict"),
    [
        ("Operators shall repair defects.", 0.5, "supported"),  # repair for fix: half the word
        # ("without delay" states "quickly" whole: plain words for the law's, search/plain_words.py)
        ("Operators shall repair defects without delay.", 0.7, "supported"),
        # counter-examples: another verb on the same defects; a near-synonym alone states nothing else
        ("Operators shall report defects.", 0.4, None),
        ("Operators shall mend their ways.", 0.3, None),
    ],
)
def test_a_near_synonym_states_part_of_an_english_claims_word(sentence: str, share: float, verdict: str | None) -> None:
    reading = READER.read(FIXES)
    assert term_coverage(claim_weights(reading, IDF), sentence) == pytest.approx(share)
    found = states_most(reading, sentence, IDF)
    assert (found.verdict if found else None) == verdict


def test_without_the_dictionary_no_word_has_a_synonym(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(coverage, "glossary", lambda: Glossary(None))
    assert Glossary(None).synonyms() == {}
    reading = READER.read(FIXES)
    assert term_coverage(claim_weights(reading, IDF), "Operators shall repair defects.") == 0.4
