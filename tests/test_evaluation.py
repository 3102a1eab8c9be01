"""Retrieval metrics on FORMAT.md question sets: quote matching, per-question scoring, hit@k/recall/MRR."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from govqa.claim_scores import check_counts, claim_metrics, claim_sets
from govqa.errors import ConfigError
from govqa.evaluation import (
    AnswerReport,
    Evaluation,
    QuestionResult,
    Report,
    answer_record,
    cites,
    evaluate,
    evaluate_answers,
    format_checks,
    format_claims,
    format_report,
    format_summary,
    half_match,
    half_of,
    halves_and_language,
    load_questions,
    run_label,
    score_question,
)
from govqa.records import Answer, Chunk, Citation, Passage
from govqa.text import letters_and_digits as normalize

TEXT = "Providers of general-purpose AI models shall draw up technical documentation of the model."


@pytest.mark.parametrize(
    ("raw", "normal"),
    [
        ("Article 50(2): ‘Deep fake’ — means…", "article502deepfakemeans"),
        ("ﬁnancial", "financial"),
        ("ＡＢＣ１２３", "abc123"),
        ("第三条　（目的）", "第三条目的"),
        ("assume s", "assumes"),
    ],
)
def test_normalize_keeps_letters_and_digits_only(raw: str, normal: str) -> None:
    """NFKC, lower case, and only letters and digits of any script survive (FORMAT.md's normalisation)."""
    assert normalize(raw) == normal


@pytest.mark.parametrize(
    ("quote", "matches"),
    [
        ("draw up technical documentation", True),
        ("DRAW UP — technical   documentation!", True),
        ("general purpose AI models shall", True),
        ("draw up technical documentation of the model. Extra words that the chunk lacks", True),
        (
            "draw up technical documentation of the model and then a great many further words that go well beyond it",
            False,
        ),
        ("completely different sentence about fines", False),
        ("...", False),
        ("", False),
    ],
    ids=[
        "exact",
        "case-punctuation-spacing",
        "hyphen-ignored",
        "half-present",
        "less-than-half",
        "absent",
        "punctuation-only",
        "empty",
    ],
)
def test_half_match(quote: str, matches: bool) -> None:
    """A quote matches when at least half of its normalised form stands contiguously in the normalised text."""
    assert half_match(quote, TEXT) is matches


def test_half_match_in_japanese() -> None:
    """Japanese quotes match across width and punctuation differences."""
    text = "第三条　事業者は、ロボットの検査を行わなければならない。"
    assert half_match("事業者はロボットの検査を行わなければならない", text)
    assert not half_match("登録簿は公衆の閲覧に供するものとする", text)


def _passage(doc: str, text: str) -> Passage:
    return Passage(Chunk(doc, "Article 1", (), text, 0, len(text), None, None, "en"), 1.0)


def test_score_question_ranks_each_gold_item() -> None:
    """Each gold item gets the 1-based rank of its first matching passage of the same document."""
    item = {
        "id": "q1",
        "kind": "compare",
        "question": "?",
        "gold": [
            {"doc": "a", "quote": "robots must be inspected yearly"},
            {"doc": "b", "quote": "drones must be registered"},
            {"doc": "c", "quote": "never retrieved at all"},
        ],
    }
    passages = [
        _passage("b", "Unrelated text."),
        _passage("a", "Drones must be registered."),  # right words, wrong document
        _passage("b", "All drones must be registered first."),
        _passage("a", "Robots must be inspected yearly."),
    ]
    result = score_question(item, passages)
    assert (result.gold, result.found_at, result.first_hit) == (3, [4, 3, None], 3)


def _report() -> Report:
    return Report(
        [
            QuestionResult("q1", "factual", 1, 1, [1]),
            QuestionResult("q2", "factual", 2, 3, [3, None]),
            QuestionResult("q3", "citation", 1, None, [None]),
            QuestionResult("q4", "unanswerable", 0, None, []),
            QuestionResult("q5", "citation", 2, 2, [7, 2]),
        ]
    )


def test_metrics_on_a_hand_made_report() -> None:
    """hit@k, recall@k and MRR over answerable questions match values worked out by hand."""
    m = _report().metrics()
    assert m["n"] == 4  # the unanswerable question is left out
    assert m["hit@1"] == pytest.approx(1 / 4)
    assert m["hit@3"] == pytest.approx(3 / 4)  # q1, q2 and q5 (its second item at rank 2)
    assert m["hit@10"] == pytest.approx(3 / 4)
    assert m["recall@1"] == pytest.approx((1 + 0 + 0 + 0) / 4)
    assert m["recall@3"] == pytest.approx((1 + 0.5 + 0 + 0.5) / 4)
    assert m["recall@10"] == pytest.approx((1 + 0.5 + 0 + 1) / 4)
    assert m["mrr"] == pytest.approx((1 + 1 / 3 + 0 + 1 / 2) / 4)


def test_first_hit_is_the_best_rank_over_gold_items() -> None:
    """A question's first hit is the best rank any of its gold items reached."""
    gold = [{"doc": "a", "quote": "alpha beta gamma"}, {"doc": "a", "quote": "delta epsilon"}]
    item = {"id": "q", "kind": "k", "question": "?", "gold": gold}
    result = score_question(
        item, [_passage("a", "delta epsilon"), _passage("a", "x"), _passage("a", "alpha beta gamma")]
    )
    assert (result.found_at, result.first_hit) == ([3, 1], 1)


def test_metrics_per_kind() -> None:
    """Metrics can be restricted to one kind; kinds() lists the answerable kinds."""
    report = _report()
    assert report.kinds() == ["citation", "factual"]
    assert report.metrics("factual")["mrr"] == pytest.approx((1 + 1 / 3) / 2)
    assert report.metrics("citation")["hit@1"] == 0
    assert report.metrics("unanswerable") == {}


def test_format_report_has_a_row_per_kind_and_all() -> None:
    """The printed table has a header, one row per kind and an ALL row with its count."""
    lines = format_report(_report()).splitlines()
    assert lines[0].split()[:3] == ["kind", "n", "hit@1"]
    assert [line.split()[0] for line in lines[1:]] == ["citation", "factual", "ALL"]
    assert lines[-1].split()[1] == "4"


def test_evaluate_runs_search_and_dumps_records(tmp_path: Path) -> None:
    """evaluate() asks every question, scores it, and dumps one record per question."""
    items = [
        {
            "id": "q1",
            "kind": "factual",
            "question": "Who inspects robots?",
            "gold": [{"doc": "a", "quote": "inspect robots"}],
        },
        {"id": "q2", "kind": "unanswerable", "question": "Moon law?", "gold": []},
    ]
    asked: list[str] = []
    dumped: list[dict[str, Any]] = []

    def search(question: str) -> list[Passage]:
        asked.append(question)
        return [_passage("a", "Bodies inspect robots.")]

    report = evaluate(items, search, dumped.append)
    assert asked == ["Who inspects robots?", "Moon law?"]
    assert [r.first_hit for r in report.results] == [1, None]
    assert [d["id"] for d in dumped] == ["q1", "q2"]
    assert dumped[0]["passages"] == [
        {"doc": "a", "locator": "Article 1", "page": None, "text": "Bodies inspect robots."}
    ]
    json.dumps(dumped)  # records are plain JSON


def test_load_questions(tmp_path: Path) -> None:
    """A JSON Lines file loads item by item, skipping blank lines."""
    path = tmp_path / "set.jsonl"
    path.write_text('{"id": "a", "kind": "factual", "question": "?", "gold": []}\n\n', encoding="utf-8")
    assert [q["id"] for q in load_questions(path)] == ["a"]


@pytest.mark.parametrize(
    ("line", "fragment"),
    [
        ("{not json", "set.jsonl:2: not valid JSON"),
        ('{"id": "b", "kind": "factual", "gold": []}', "set.jsonl:2: missing field 'question'"),
    ],
)
def test_load_questions_errors_name_file_and_line(tmp_path: Path, line: str, fragment: str) -> None:
    """A broken line is a ConfigError naming the file, the line number and the problem."""
    path = tmp_path / "set.jsonl"
    path.write_text('{"id": "a", "kind": "factual", "question": "?", "gold": []}\n' + line + "\n", encoding="utf-8")
    with pytest.raises(ConfigError) as info:
        load_questions(path)
    assert fragment in str(info.value)


@pytest.mark.parametrize(("item_id", "half"), [("d001", "odd"), ("d002", "even"), ("d070", "even"), ("h013", "odd")])
def test_half_of_splits_by_the_ids_number(item_id: str, half: str) -> None:
    """Questions fall in fixed halves by the parity of their id's number."""
    assert half_of({"id": item_id}) == half


class _FakeRetriever:
    """Returns one passage about inspections for every question."""

    chunks = (Chunk("a", "Article 1", (), "Bodies inspect robots.", 0, 22, None, None, "en"),)

    def retrieve(self, question: str, k: int = 10) -> list[Passage]:
        return [Passage(self.chunks[0], 1.0)]


class _FakeAnswerer:
    """Cites the passage for robot questions and refuses the rest."""

    retriever = _FakeRetriever()

    def answer(self, question: str, *, mode: str = "ask") -> Answer:
        if "robot" not in question:
            return Answer(question, mode, "refused", (), refused=True)
        cite = Citation(1, "a", "A", "Article 1", None, "Bodies inspect robots.", "", "", "", "", "", 0, 22)
        return Answer(question, mode, "cited", (cite,))


def _items() -> list[dict[str, Any]]:
    gold = [{"doc": "a", "quote": "Bodies inspect robots"}]
    return [
        {"id": "d001", "kind": "factual", "question": "Who inspects robots?", "gold": gold},
        {"id": "d002", "kind": "factual", "question": "Who inspects drones?", "gold": gold},
        {"id": "d003", "kind": "unanswerable", "question": "Moon law?", "gold": []},
        {"id": "d005", "kind": "crosslingual", "lang": "ja", "question": "robot の検査は？", "gold": gold},
    ]


def test_evaluate_answers_scores_all_and_each_half() -> None:
    """Every question counts under "all" and under its half; answers are scored beside retrieval."""
    dumped: list[dict[str, Any]] = []
    results = evaluate_answers(_items(), _FakeAnswerer(), dump=dumped.append, group=halves_and_language)  # type: ignore[arg-type]
    assert set(results) == {"all", "odd", "even", "ja"}
    assert [r.id for r in results["odd"].retrieval.results] == ["d001", "d003", "d005"]
    assert [r.id for r in results["ja"].retrieval.results] == ["d005"]
    assert [r.id for r in results["even"].retrieval.results] == ["d002"]
    assert results["all"].answers.metrics()["citation_recall"] == 2 / 3  # d001 and d005 cited, d002 refused
    assert results["odd"].answers.metrics()["unanswerable_refused"] == 1.0
    assert results["even"].answers.metrics()["answerable_refused"] == 1.0
    assert [d["id"] for d in dumped] == ["d001", "d002", "d003", "d005"]


def test_answer_metrics_count_first_citations_short_answers_and_lengths() -> None:
    """First citation gold over answerable questions; short answers and the median length over answers given."""
    report = AnswerReport()
    gold = {"doc": "a", "quote": "Bodies inspect robots"}
    cite = {"doc": "a", "quote": "Bodies inspect robots."}
    other = {"doc": "a", "quote": "Something else entirely."}
    for citations, short, text in (([cite, other], "Yes [1]", "x" * 10), ([other, cite], None, "x" * 30)):
        record = {"citations": citations, "refused": False, "short_answer": short, "answer": text}
        report.add(
            {"kind": "factual", "gold": [gold]}, record, lambda doc: "Bodies inspect robots. Something else entirely."
        )
    report.add({"kind": "factual", "gold": [gold]}, {"citations": [], "refused": True, "answer": "no"}, lambda doc: "")
    m = report.metrics()
    assert m["first_citation_gold"] == 1 / 3 and m["citation_recall"] == 2 / 3
    assert m["short_answer_present"] == 1 / 2  # the refusal does not count
    assert m["median_answer_chars"] == (17 + 30) / 2  # the short answer is part of what a reader reads


@pytest.mark.parametrize(
    ("citation", "cited"),
    [
        ({"doc": "signed", "quote": "Deployers shall notify consumers."}, True),
        ({"doc": "print", "quote": "Deployers shall notify consumers.", "editions": ["signed"]}, True),
        ({"doc": "print", "quote": "Deployers shall notify consumers.", "editions": []}, False),
        ({"doc": "print", "quote": "Developers shall keep records.", "editions": ["signed"]}, False),
    ],
)
def test_a_citation_of_another_edition_cites_the_gold(citation: dict[str, Any], cited: bool) -> None:
    """FORMAT.md: two editions of one enacted text count as one document. A citation counts for a gold item of
    the other edition when the answer names that edition as holding the same provision, and only then."""
    gold = {"doc": "signed", "quote": "Deployers shall notify consumers"}
    report = AnswerReport()
    record = {"citations": [citation], "refused": False, "short_answer": "x", "answer": "x"}
    report.add({"kind": "factual", "gold": [gold]}, record, lambda doc: citation["quote"])
    assert report.metrics()["citation_recall"] == report.metrics()["first_citation_gold"] == float(cited)
    assert cites(citation, gold) is cited


def test_the_dump_names_the_editions_a_citation_also_stands_in() -> None:
    """`govqa eval --dump` records each citation's other editions (document ids), which the scorer reads."""
    cite = Citation(1, "print", "P", "Art. 1", None, "q", "", "", "", "", "", 0, 1, ("S, Art. 1",), ("signed",))
    record = answer_record({"id": "d1"}, [], Answer("q", "ask", "t", (cite,)))
    assert record["citations"][0]["editions"] == ["signed"]


def test_format_summary_prints_a_row_per_set_as_markdown() -> None:
    """The summary table has a header, a separator and one row per set, to paste as printed."""
    results = evaluate_answers(_items(), _FakeAnswerer(), group=halves_and_language)  # type: ignore[arg-type]
    table = format_summary(results, markdown=True, title="dev: commit abc, 2026-12-01").splitlines()
    assert table[0] == "dev: commit abc, 2026-12-01"
    assert table[1].startswith("| set | n | hit@1 | hit@5 | recall@10 | mrr |")
    assert [row.split("|")[1].strip() for row in table[3:]] == ["all", "odd", "even", "ja"]
    assert table[3].split("|")[2].strip() == "3/4"  # answerable / all questions


def test_run_label_names_a_commit_and_the_date() -> None:
    """Figures are labelled with the commit and date that produced them."""
    label = run_label()
    assert label.startswith("commit ") and label[-10:-6].isdigit()


def _claim(item_id: str, verdict: str, *, lang: str = "en") -> dict[str, Any]:
    gold = [] if verdict == "not_addressed" else [{"doc": "a", "quote": "Bodies inspect robots"}]
    return {"id": item_id, "kind": "claim", "lang": lang, "question": "?", "gold": gold, "verdict": verdict}


def _said(verdict: str | None, *, refused: bool = False, cites_gold: bool = True) -> dict[str, Any]:
    quote = "Bodies inspect robots." if cites_gold else "Something else entirely."
    return {"citations": [{"doc": "a", "quote": quote}], "refused": refused, "verdict": verdict, "answer": "x"}


def _claim_report() -> AnswerReport:
    """Six claims worked out by hand: 3 right (d001, d002, d006), 1 wrong (d003), 1 without a verdict (d004), one
    silent claim without one (d005); three of the four addressed claims first cite their gold passage."""
    report = AnswerReport()
    for item, record in (
        (_claim("d001", "supported"), _said("supported")),
        (_claim("d002", "refuted", lang="ja"), _said("refuted", cites_gold=False)),
        (_claim("d003", "refuted"), _said("supported")),
        (_claim("d004", "supported", lang="ja"), _said(None)),
        (_claim("d005", "not_addressed"), _said(None)),  # the texts are silent, and the answer says nothing
        (_claim("d006", "not_addressed"), _said(None, refused=True)),  # a refusal: right for a silent claim
    ):
        report.add(item, record, lambda doc: "")
    return report


def test_claim_metrics_count_every_claim_and_only_given_verdicts_for_precision() -> None:
    """Recall counts every claim (no verdict is wrong, a refusal right only for a not-addressed claim); precision
    counts the verdicts given; first citation over addressed claims; refusals apart for silent and addressed."""
    m = claim_metrics(_claim_report().claim_outcomes)
    assert m["n"] == 6
    assert m["verdict_recall"] == pytest.approx(3 / 6)
    assert m["verdict_given"] == pytest.approx(4 / 6)  # d001, d002, d003 and d006's refusal
    assert m["verdict_precision"] == pytest.approx(3 / 4)
    assert m["first_citation_gold"] == pytest.approx(3 / 4)  # all but d002 of d001–d004
    assert m["unanswerable_refused"] == pytest.approx(1 / 2)
    assert m["answerable_refused"] == 0.0


def test_a_refusal_of_an_addressed_claim_is_a_wrong_verdict() -> None:
    """Refusing a claim the texts address counts as a given, wrong verdict and as an answerable refusal."""
    report = AnswerReport()
    report.add(_claim("d001", "supported"), _said("not_addressed", refused=True), lambda doc: "")
    report.add(_claim("d003", "supported"), _said("supported"), lambda doc: "")
    m = claim_metrics(report.claim_outcomes)
    assert (m["verdict_recall"], m["verdict_precision"], m["answerable_refused"]) == (0.5, 0.5, 0.5)


def test_answer_metrics_keep_the_old_claim_key_beside_the_new_ones() -> None:
    """`claim_verdict_accuracy` stays (the verdict field equals the gold one); the claim_* keys come beside it."""
    m = _claim_report().metrics()
    assert m["claim_verdict_accuracy"] == pytest.approx(2 / 6)  # d006's refusal carries no verdict field
    assert m["claim_verdict_recall"] == pytest.approx(3 / 6)
    assert m["claim_verdict_precision"] == pytest.approx(3 / 4)
    assert "claim_n" not in m
    assert "claim_verdict_recall" not in AnswerReport().metrics()  # no claims, no claim figures


def test_claim_table_has_a_row_per_half_and_language() -> None:
    """The claim table prints all, odd, even and each language, with the subsets' own figures."""
    outcomes = _claim_report().claim_outcomes
    assert {k: [o.id for o in v] for k, v in claim_sets(outcomes).items()} == {
        "all": ["d001", "d002", "d003", "d004", "d005", "d006"],
        "odd": ["d001", "d003", "d005"],
        "even": ["d002", "d004", "d006"],
        "en": ["d001", "d003", "d005", "d006"],
        "ja": ["d002", "d004"],
    }
    table = format_claims(outcomes, markdown=True, title="claims").splitlines()
    assert table[1].startswith("| claims | n | verdict_recall | verdict_given | verdict_precision |")
    rows = {row.split("|")[1].strip(): [c.strip() for c in row.split("|")[2:-1]] for row in table[3:]}
    assert rows["ja"][:4] == ["2", "0.50", "0.50", "1.00"]  # d002 right, d004 without a verdict
    assert rows["odd"][:4] == ["3", "0.33", "0.67", "0.50"]  # d001 right, d003 wrong, d005 without a verdict


def test_the_summary_ends_with_the_claim_table_when_there_are_claims() -> None:
    """`govqa eval --halves` prints the claim table under the question table, only when the set has claims."""
    results = {"all": Evaluation(answers=_claim_report())}
    lines = format_summary(results, title="dev").splitlines()
    assert lines[0] == "dev" and lines[1].startswith("set")
    assert lines[4] == "claims" and lines[5].split()[:3] == ["claims", "n", "verdict_recall"]
    assert [line.split()[0] for line in lines[6:]] == ["all", "odd", "even", "en", "ja"]
    assert "claims" not in format_summary(evaluate_answers(_items(), _FakeAnswerer()))  # type: ignore[arg-type]


def test_claims_are_counted_by_the_check_that_decided_them_without_naming_any() -> None:
    """`govqa eval --by-check`: claims counted by language, gold verdict, verdict given ("open": none) and the
    deciding check the dump records, most first; the table names no claim, so a held-out set stays held out."""
    report = AnswerReport()
    for item, check, verdict in (
        (_claim("d001", "supported"), "evidence.states_most", "supported"),
        (_claim("d003", "refuted"), "evidence.states_most", "supported"),
        (_claim("d005", "refuted"), "evidence.states_most", "supported"),
        (_claim("d007", "supported", lang="ja"), "verdict.too_few", None),
        (_claim("d009", "not_addressed"), "finding.unmentioned", None),
    ):
        record = _said(verdict, refused=check.startswith("finding.")) | {"check": check}
        report.add(item, record, lambda doc: "")
    rows = check_counts(report.claim_outcomes)
    assert rows[0] == ("en", "refuted", "supported", "evidence.states_most", 2)  # the largest count first
    assert ("ja", "supported", "open", "verdict.too_few", 1) in rows
    assert ("en", "not_addressed", "not_addressed", "finding.unmentioned", 1) in rows
    table = format_checks(report.claim_outcomes, markdown=True).splitlines()
    assert table[0] == "| lang | gold | given | check | n | right |"
    assert table[2] == "| en | refuted | supported | evidence.states_most | 2 | no |"
    assert not any(f"d00{i}" in line for line in table for i in range(10))


def test_a_dump_without_checks_still_counts_its_claims() -> None:
    """A dump written before the deciding check was recorded counts its claims under "-"."""
    report = AnswerReport()
    report.add(_claim("d001", "supported"), _said("supported"), lambda doc: "")
    assert check_counts(report.claim_outcomes) == [("en", "supported", "supported", "-", 1)]
