"""The benchmark's own parts: the naive recipe on fixture files, and bench/run.py's last line end to end."""

from __future__ import annotations

import dataclasses
import importlib.util
import itertools
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import fixture_index
import pytest
from conftest import KeywordEmbedder
from fixture_corpus import ROBOT_ACT_2027, build_corpus

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

import naive  # noqa: E402  (bench/ is a folder of scripts, not a package)
import numpy as np  # noqa: E402
import scale_server  # noqa: E402
from langchain_core.language_models.fake_chat_models import FakeListChatModel  # noqa: E402

from govqa.answering.extractive import REFUSAL, Answerer  # noqa: E402
from govqa.answering.generation import evidence  # noqa: E402
from govqa.records import Chunk  # noqa: E402
from govqa.search.retriever import Retriever  # noqa: E402

# Keys other tools read from the last line; extend, never rename.
STABLE_KEYS = {
    "ingest_s",
    "naive_ingest_s",
    "embed_only_s",
    "reingest_s",
    "query_p50_ms",
    "query_p95_ms",
    "answer_p95_ms",
    "answer_p95_ms_table",
    "query_p95_ms_100k",
    "peak_rss_mb",
    "index_mb",
    "chunks",
    "ingest_over_embed",
    "query_p95_ms_1m",
    "recall_at_10_1m",
    "server_ingest_chunks_per_s_1m",
}


def _mirror(tmp_path: Path) -> Path:
    mirror = tmp_path / "mirror"
    build_corpus(mirror, ids=("fx-robot-act-2027", "fx-data-guidelines"))
    return mirror


def test_naive_loader_gives_one_document_per_pdf_page_and_one_per_text_file(tmp_path: Path) -> None:
    """PyPDFLoader yields a Document per page; a .txt file is one Document; each carries its doc id."""
    mirror = _mirror(tmp_path)
    pdf = naive.load_pages(mirror / "fx-data-guidelines.pdf")
    txt = naive.load_pages(mirror / "fx-robot-act-2027.txt")
    assert len(pdf) == 4 and len(txt) == 1
    assert {d.metadata["doc_id"] for d in pdf} == {"fx-data-guidelines"}
    assert txt[0].page_content == ROBOT_ACT_2027


def test_naive_splitter_uses_the_tutorial_sizes() -> None:
    """Chunks of at most 1000 characters, consecutive ones overlapping."""
    from langchain_core.documents import Document

    words = " ".join(f"word{i:04d}" for i in range(600))  # ~5,400 characters
    parts = naive.split([Document(page_content=words, metadata={"doc_id": "x"})])
    assert len(parts) >= 6
    assert all(len(p.page_content) <= naive.CHUNK_SIZE for p in parts)
    for a, b in itertools.pairwise(parts):
        assert a.page_content.split()[-1] in b.page_content  # the overlap carries the tail over


def test_naive_index_searches_and_scores_hit_at_k(tmp_path: Path) -> None:
    """The whole recipe on fixture files with a keyword embedder: search finds the robot act, hit@k counts it."""
    mirror = _mirror(tmp_path)
    index = naive.build(naive.corpus_files(mirror), KeywordEmbedder(), tmp_path / "naive")
    try:
        assert index.chunks >= 3
        top = index.search("robot safety inspection operator", k=2)
        assert top[0].metadata["doc_id"] == "fx-robot-act-2027"
        quote = ROBOT_ACT_2027.split("\n")[3]
        items = [
            {"question": "robot safety inspection operator", "gold": [{"doc": "fx-robot-act-2027", "quote": quote}]},
            {"question": "robot", "gold": [{"doc": "no-such-doc", "quote": quote}]},
            {"question": "unanswerable", "gold": []},
        ]
        assert naive.hit_at(items, index.search, 5) == 0.5
    finally:
        index.close()


def test_naive_reads_exactly_the_manifest_files(tmp_path: Path) -> None:
    """The naive side gets the files the manifest lists, not a stray file beside them; a listed file that is
    missing is an error naming it."""
    mirror = _mirror(tmp_path)
    (mirror / "stray-notes.txt").write_text("not in the manifest", "utf-8")
    listed = ["fx-robot-act-2027.txt", "fx-data-guidelines.pdf"]
    assert naive.manifest_files(mirror, listed) == [mirror / name for name in listed]
    assert mirror / "stray-notes.txt" in naive.corpus_files(mirror)
    with pytest.raises(FileNotFoundError, match=r"gone\.pdf"):
        naive.manifest_files(mirror, [*listed, "gone.pdf"])


def _manifest_toml(tmp_path: Path, mirror: Path) -> Path:
    manifest = build_corpus(mirror, ids=("fx-robot-act-2027", "fx-data-guidelines"))
    lines = []
    for doc in manifest.documents:
        lines.append("[[document]]")
        for key, value in dataclasses.asdict(doc).items():
            if isinstance(value, str) and value:
                lines.append(f"{key} = {json.dumps(value, ensure_ascii=False)}")
            elif isinstance(value, int) and value:
                lines.append(f"{key} = {value}")
            elif isinstance(value, tuple) and value:
                lines.append(f"{key} = {json.dumps(list(value), ensure_ascii=False)}")
    path = tmp_path / "sources.toml"
    path.write_text("\n".join(lines) + "\n", "utf-8")
    return path


@pytest.mark.slow
def test_run_py_ends_with_one_json_object_holding_the_stable_keys(tmp_path: Path) -> None:
    """bench/run.py on a two-document fixture corpus (real models, a real Chroma server, tiny synthetic sizes)
    prints a table, then one JSON object with every key others rely on, and saves the results with the machine."""
    mirror = tmp_path / "mirror"
    manifest = _manifest_toml(tmp_path, mirror)
    (mirror / "stray-notes.txt").write_text("A file in the folder that the manifest does not list.", "utf-8")
    quote = ROBOT_ACT_2027.split("\n")[3]
    questions = tmp_path / "q.jsonl"
    questions.write_text(
        "\n".join(
            json.dumps(q)
            for q in (
                {
                    "id": "t1",
                    "kind": "factual",
                    "question": "What must the operator of a robot do?",
                    "gold": [{"doc": "fx-robot-act-2027", "quote": quote}],
                },
                {"id": "t2", "kind": "unanswerable", "question": "What is the tax rate on robots?", "gold": []},
            )
        ),
        "utf-8",
    )
    out = tmp_path / "results"
    proc = subprocess.run(
        [
            sys.executable,
            str(ROOT / "bench" / "run.py"),
            "--corpus",
            str(mirror),
            "--manifest",
            str(manifest),
            "--questions",
            str(questions),
            "--repeat",
            "1",
            "--sizes",
            "40,80",
            "--clients",
            "2",
            "--server-chunks",
            "300",
            "--server-budget-s",
            "60",
            "--out",
            str(out),
        ],
        capture_output=True,
        text=True,
        timeout=1500,
        cwd=tmp_path,
    )
    assert proc.returncode == 0, proc.stderr[-3000:]
    lines = proc.stdout.strip().splitlines()
    last = json.loads(lines[-1])
    assert set(last) >= STABLE_KEYS, STABLE_KEYS - set(last)
    assert last["conc_errors"] == 0
    assert last["naive_chunks"] >= 3 and last["chunks"] >= 3
    assert 0.0 <= last["naive_hit5"] <= 1.0 and 0.0 <= last["hit5"] <= 1.0
    assert any(line.startswith("ingest_s") for line in lines[:-1])  # the human-readable table came first
    saved = json.loads(next(out.glob("*.json")).read_text())
    assert {"cpu", "cores", "ram_gb", "python", "torch"} <= set(saved["machine"])
    assert saved["results"]["scale"]["40"]["chunks"] == 40
    assert saved["results"]["scale"]["80"]["chunks"] == 80
    assert last["query_p95_ms_100k"] is None  # not measured in this run, but the key stays
    assert last["naive_files"] == 2  # the manifest's files, not the stray one
    assert saved["results"]["server"]["chunks"] == last["server_chunks"] == 300
    assert 0.9 <= last["recall_at_10_1m"] <= 1.0 and last["server_ingest_chunks_per_s_1m"] > 0
    assert last["query_p95_ms_1m"] > 0


# ---------------------------------------------------------------- bench/scale_server.py: a Chroma server at scale


def _source_chunks(count: int) -> list[Chunk]:
    words = ["operator", "robot", "inspection", "provider", "register", "penalty", "authority", "record"]
    return [
        Chunk(
            doc_id=f"doc{i % 3}",
            locator=f"Article {i}",
            heading_path=(f"Article {i}",),
            text=" ".join(
                f"The {words[(i + j) % 8]} shall keep sentence {j} of article {i} on file." for j in range(4)
            ),
            char_start=i * 300,
            char_end=i * 300 + 280,
            page_start=1,
            page_end=1,
            lang="en",
            ordinal=i,
        )
        for i in range(count)
    ]


def test_recall_counts_the_exact_top_k_and_ties_at_the_kth_score() -> None:
    """recall@k is the share of the exact top k returned; a row equal to the k-th counts as found."""
    held = np.eye(6, dtype=np.float32)
    held[5] = held[1]  # a duplicate of row 1, the second nearest
    query = np.array([[1.0, 0.5, 0.25, 0, 0, 0]], dtype=np.float32)
    assert scale_server.recall_at([[0, 1]], held, query, k=2) == 1.0
    assert scale_server.recall_at([[0, 5]], held, query, k=2) == 1.0  # the tie stands in for row 1
    assert scale_server.recall_at([[0, 2]], held, query, k=2) == 0.5
    assert scale_server.recall_at([[3, 4]], held, query, k=2) == 0.0


def test_checkpoints_double_up_to_the_total() -> None:
    """Probes at every doubling from the first checkpoint, and at the total."""
    assert scale_server.checkpoints(1000, 100) == [100, 200, 400, 800, 1000]
    assert scale_server.checkpoints(100, 100) == [100]


def test_server_bench_ingests_probes_and_measures_both_processes() -> None:
    """300 synthetic chunks into a real loopback `chroma run`: a probe row per checkpoint, recall near 1 at this
    size, the ef_search sweep, the worker's own memory and latency; a zero budget stops after one batch."""
    rng = np.random.default_rng(0)
    source = _source_chunks(40)
    vectors = rng.normal(size=(40, 16)).astype(np.float32)
    queries = rng.normal(size=(5, 16)).astype(np.float32)
    got = scale_server.measure_server(source, vectors, queries, 300, batch=100, first_checkpoint=100, worker_n=7)
    assert got["chunks"] == 300 and [r["chunks"] for r in got["curve"]] == [100, 200, 300]
    assert got["recall_at_10"] >= 0.9 and got["server_ingest_chunks_per_s"] > 0
    assert [s["ef_search"] for s in got["ef_sweep"]] == list(scale_server.EF_SWEEP)
    assert got["hnsw"]["ef_search"] in scale_server.EF_SWEEP and got["server_mb"] > 10
    assert got["worker"]["candidates"] == 7 and got["worker"]["worker_mb"] > 10
    stopped = scale_server.measure_server(source, vectors, queries, 300, batch=100, budget_s=0.0, worker_n=3)
    assert stopped["chunks"] == 100 and stopped["chunks_requested"] == 300


# ---------------------------------------------------------------- bench/llm.py: the LLM engine beside extractive

ROBOT_FINE = "An operator who fails to register a robot is liable to a penalty"
LLM_QUESTIONS = (
    {
        "id": "l1",
        "kind": "factual",
        "question": "What fine applies to an operator who fails to register a robot?",
        "gold": [{"doc": "fx-robot-act-2027", "quote": ROBOT_FINE}],
    },
    {
        "id": "l2",
        "kind": "claim",
        "question": "An operator who fails to register a robot can be fined.",
        "verdict": "supported",
        "gold": [{"doc": "fx-robot-act-2027", "quote": ROBOT_FINE}],
    },
    {"id": "l3", "kind": "unanswerable", "question": "What does the Martian Robot Code say on fines?", "gold": []},
)


@pytest.fixture(scope="module")
def llm_bench(tmp_path_factory: pytest.TempPathFactory) -> tuple[Any, Retriever, Path]:
    """bench/llm.py as a module, the fixture index, and the three questions above as a file."""
    root = tmp_path_factory.mktemp("llm-bench")
    questions = root / "q.jsonl"
    questions.write_text("\n".join(json.dumps(q) for q in LLM_QUESTIONS) + "\n", "utf-8")
    spec = importlib.util.spec_from_file_location("bench_llm", ROOT / "bench" / "llm.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module, fixture_index.build_retriever(root / "index"), questions


def _row(stdout: str, label: str) -> list[str]:
    line = next(ln for ln in stdout.splitlines() if ln.startswith(f"| {label} |"))
    return [cell.strip() for cell in line.strip("|").split("|")[1:]]


@pytest.mark.parametrize(
    ("replies", "written", "declined", "removed", "verdicts"),
    [
        # a model that quotes its evidence and judges the claim right: both answers are its own, nothing removed
        (['The fine is up to ten thousand euro. [1] "{q}"', '{q} [1] "{q}"\nVerdict: supported. It says so.'],
         "0.67", "0.00", "0.00", "1.00"),
        # the same quotes and a wrong verdict: the verdict row drops
        (['The fine is up to ten thousand euro. [1] "{q}"', '{q} [1] "{q}"\nVerdict: refuted. It does not.'],
         "0.67", "0.00", "0.00", "0.00"),
        # invented quotes: every line removed, the extractive answers shown instead
        (['Fines are huge. [1] "one billion euro for everyone"', 'Yes. [1] "no such words in the act"'],
         "0.00", "0.00", "1.00", "1.00"),
        # a model that finds no answer in its evidence: nothing written, nothing removed, extractive shown
        ([REFUSAL, REFUSAL], "0.00", "1.00", "0.00", "1.00"),
    ],
)  # fmt: skip
def test_llm_bench_prints_both_engines_and_numbers_that_move_with_the_model(
    llm_bench: tuple[Any, Retriever, Path],
    capsys: pytest.CaptureFixture[str],
    replies: list[str],
    written: str,
    declined: str,
    removed: str,
    verdicts: str,
) -> None:
    """bench/llm.py with a fake chat model: the table puts extractive beside the model, its rows follow what the
    model wrote (lines removed, answers written, verdicts), and the last line is JSON with the same numbers."""
    module, retriever, questions = llm_bench
    base = Answerer(retriever.settings, retriever).answer(str(LLM_QUESTIONS[0]["question"]))
    quote = " ".join(evidence(base, 5)[0].text.split()[:8])
    model = FakeListChatModel(responses=[r.replace("{q}", quote) for r in replies])
    module.main([str(questions)], retriever=retriever, llm=model)
    out = capsys.readouterr().out
    *table, last = out.strip().splitlines()
    assert table[0].startswith("bench/llm.py, 3 questions, commit ")
    assert _row(out, "engine") == ["extractive", "LLM (fake-list-chat-model)"]
    assert _row(out, "answers in the model's words") == ["–", written]
    assert _row(out, "model lines removed by verification") == ["–", removed]
    assert _row(out, "model replies with no answer line") == ["–", declined]
    assert _row(out, "claim verdict right")[1] == verdicts
    assert _row(out, "unanswerable refused") == ["1.00", "1.00"]  # the gate refuses before any model call
    engines = json.loads(last)["engines"]
    assert f"{engines['LLM (fake-list-chat-model)']['llm_lines_removed']:.2f}" == removed
    assert engines["extractive"]["answer_s_median"] >= 0 and "llm_lines_removed" not in engines["extractive"]


@pytest.fixture(scope="module")
def judge_bench() -> Any:
    spec = importlib.util.spec_from_file_location("bench_judge", ROOT / "bench" / "judge.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_judge_scores_each_label_by_the_first_tokens_that_start_it(judge_bench: Any) -> None:
    """A ranked first token counts for the label it starts (case and spaces aside, two letters on); a label no
    token starts scores -inf, and a one-letter token or another word counts for nothing."""
    top = {"support": -0.5, " Supp": -0.2, "contr": -1.0, "s": -0.1, "No": -3.0}
    assert judge_bench.label_scores(top) == {"support": -0.2, "contradict": -1.0, "neither": float("-inf")}


def test_judge_fills_only_the_claims_no_check_decided(judge_bench: Any) -> None:
    """The model's label stands in for the verdict only where no check decided; groups count labels and margins."""
    says_support = {"support": -0.1, "contradict": -2.1, "neither": -3.0}
    rows = [
        {"gold": "refuted", "half": "odd", "decided": True, "verdict": "refuted", "scores": says_support},
        {"gold": "supported", "half": "odd", "decided": False, "verdict": None, "scores": says_support},
        {"gold": "refuted", "half": "even", "decided": False, "verdict": None, "scores": says_support},
    ]
    summary = judge_bench.summarize(rows)
    assert summary["undecided_by_model"]["odd"] == {
        "claims": 2,
        "given": 2,
        "right": 2,
        "model_given": 1,
        "model_right": 1,
    }
    assert summary["undecided_by_model"]["even"]["model_right"] == 0
    assert summary["groups"]["decided/refuted"] == {
        "n": 1,
        "labels": {"support": 1},
        "margin_quartiles": [2.0, 2.0, 2.0],
    }


def test_judge_bench_asks_about_the_first_citation_and_ends_with_json(
    judge_bench: Any, llm_bench: tuple[Any, Retriever, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    """End to end on the fixture index: each claim is judged against the sentence its answer cites first, and the
    tables and the last JSON line count the claims judged."""
    _, retriever, questions = llm_bench
    asked: list[tuple[str, str]] = []

    def scorer(claim: str, passage: str) -> dict[str, float]:
        asked.append((claim, passage))
        return {"support": -0.1, "contradict": -1.0, "neither": -2.0}

    judge_bench.main([str(questions)], retriever=retriever, scorer=scorer)
    out = capsys.readouterr().out
    *table, last = out.strip().splitlines()
    assert table[0].startswith("bench/judge.py, 1 claims with a citation, commit ")
    first = Answerer(retriever.settings, retriever).answer(str(LLM_QUESTIONS[1]["question"]), mode="claim")
    assert asked == [(LLM_QUESTIONS[1]["question"], " ".join(first.citations[0].quote.split()))]
    assert json.loads(last)["claims"] == 1
