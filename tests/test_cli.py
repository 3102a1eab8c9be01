"""The `govqa` command: subcommands over the library, one-line errors, exit codes."""

from __future__ import annotations

import hashlib
import io
import json
from collections.abc import Iterator
from contextlib import redirect_stdout
from pathlib import Path

import pytest
from conftest import fake_embedders
from fixture_corpus import ROBOT_ACT_2027
from langchain_core.embeddings import Embeddings

from govqa import Settings
from govqa.cli import main as cli_main
from govqa.corpus import load_manifest

GOOD = ROBOT_ACT_2027.encode()
GOOD_B = ROBOT_ACT_2027.replace("2027", "2028").encode()
ENTRY = """[[document]]
id = "{id}"
file = "{id}.txt"
title = "{id}"
short_title = "{id}"
sha256 = "{sha}"
official_url = "https://example.org/{id}"
format = "txt"
profile = "articles-text"
"""
REFERENCE = """[[reference]]
id = "fx-not-mirrored"
title = "A text we only link to"
short_title = "Not mirrored"
official_url = "https://example.org/elsewhere"
"""


@pytest.fixture
def env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A manifest of two invented documents, a mirror holding both, and GOVQA_* pointing at tmp_path."""
    monkeypatch.chdir(tmp_path)
    entries = []
    mirror = tmp_path / "mirror"
    mirror.mkdir()
    for doc_id, content in (("fx-act-a", GOOD), ("fx-act-b", GOOD_B)):
        (mirror / f"{doc_id}.txt").write_bytes(content)
        entries.append(ENTRY.format(id=doc_id, sha=hashlib.sha256(content).hexdigest()))
    (tmp_path / "sources.toml").write_text("\n".join([*entries, REFERENCE]), "utf-8")
    monkeypatch.setenv("GOVQA_MANIFEST", str(tmp_path / "sources.toml"))
    monkeypatch.setenv("GOVQA_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv("GOVQA_INDEX_DIR", str(tmp_path / "index"))
    return tmp_path


def keyword_models(settings: Settings) -> dict[str, Embeddings]:
    """The embedder factory the CLI is run with here: keyword-count stand-ins for the packaged models."""
    return fake_embedders()


def main(argv: list[str]) -> int:
    """`govqa ARGV` with the keyword-count models (the command logic is what these tests check)."""
    return cli_main(argv, embedders=keyword_models)


def _lines(text: str) -> dict[str, str]:
    """Status lines keyed by document id."""
    return {line.split()[0]: line for line in text.splitlines() if line.strip()}


def test_corpus_status_reports_each_document(env: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`corpus status` lists every document's state and the references, and exits 1 while files are missing."""
    assert main(["corpus", "status"]) == 1
    lines = _lines(capsys.readouterr().out)
    assert "missing" in lines["fx-act-a"] and "missing" in lines["fx-act-b"]
    assert "not mirrored" in lines["fx-not-mirrored"] and "https://example.org/elsewhere" in lines["fx-not-mirrored"]
    assert main(["corpus", "status", "--mirror", str(env / "mirror")]) == 0
    lines = _lines(capsys.readouterr().out)
    assert "verified" in lines["fx-act-a"] and "mirror" in lines["fx-act-a"]


def test_corpus_fetch_from_a_mirror(env: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`corpus fetch --mirror DIR --offline` copies verified files into the cache; status then reads the cache."""
    assert main(["corpus", "fetch", "--mirror", str(env / "mirror"), "--offline"]) == 0
    assert sorted(p.name for p in (env / "cache").iterdir()) == ["fx-act-a.txt", "fx-act-b.txt"]
    capsys.readouterr()
    assert main(["corpus", "status", "--doc", "fx-act-b"]) == 0
    assert "cache" in _lines(capsys.readouterr().out)["fx-act-b"]


def test_corpus_fetch_mismatch_and_repin(env: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A changed mirror file is refused (exit 1); with --accept-new-checksum it is kept and the manifest re-pinned."""
    changed = GOOD + b"An extra line.\n"
    (env / "mirror" / "fx-act-a.txt").write_bytes(changed)
    args = ["corpus", "fetch", "--mirror", str(env / "mirror"), "--offline", "--doc", "fx-act-a"]
    assert main(args) == 1
    assert "mismatch" in capsys.readouterr().err
    assert not (env / "cache" / "fx-act-a.txt").exists()
    assert main([*args, "--accept-new-checksum"]) == 0
    manifest = load_manifest(env / "sources.toml")
    assert manifest.get("fx-act-a").sha256 == hashlib.sha256(changed).hexdigest()
    assert manifest.get("fx-act-b").sha256 == hashlib.sha256(GOOD_B).hexdigest()


def test_inspect_prints_units_without_an_index(env: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`inspect DOC` shows each chunk's locator and a summary, building no index."""
    assert main(["inspect", "fx-act-a", "--mirror", str(env / "mirror")]) == 0
    out = capsys.readouterr().out
    locators = [line.split("  ")[0].strip() for line in out.splitlines()[:-1]]
    assert locators[:3] == ["Source note", "Article 1(1)", "Article 1(2)"]
    assert out.splitlines()[-1] == "9 chunks, 9 locators, 0 pages"
    assert not (env / "index").exists()


@pytest.mark.parametrize(
    ("argv", "fragment"),
    [
        (["corpus", "status", "--doc", "fx-unknown"], "No document 'fx-unknown'"),
        (["inspect", "fx-act-a"], "govqa corpus fetch"),
        (["inspect", "fx-unknown"], "Known ids: fx-act-a, fx-act-b"),
    ],
)
def test_errors_print_one_line_without_traceback(
    env: Path, capsys: pytest.CaptureFixture[str], argv: list[str], fragment: str
) -> None:
    """A GovQAError prints "error: …" on stderr, no traceback, and exits 1."""
    assert main(argv) == 1
    captured = capsys.readouterr()
    assert captured.err.startswith("error: ") and fragment in captured.err
    assert "Traceback" not in captured.err + captured.out


def test_a_broken_manifest_is_reported(env: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """An invalid manifest is a one-line error naming the problem, not a crash."""
    (env / "sources.toml").write_text('[[document]]\nid = "x"\n', "utf-8")
    assert main(["corpus", "status"]) == 1
    assert "missing field(s)" in capsys.readouterr().err


def test_usage_errors_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    """An unknown subcommand is a usage error (exit status 2) with argparse's message."""
    with pytest.raises(SystemExit) as info:
        main(["bogus"])
    assert info.value.code == 2
    assert "invalid choice" in capsys.readouterr().err


# ---------------------------------------------------------------- an index built through the CLI


def _add_notes(root: Path, **models: object) -> tuple[int, str]:
    """`govqa ingest --add notes.txt` into `root` (empty manifest); the models as `cli_main` is given them."""
    notes = root / "Robot Notes.txt"
    notes.write_text(
        "Robot notes\nArticle 1\nEvery robot must be cleaned weekly by its operator.\n"
        "Article 2\nA robot that talks must say that it is a machine.\n",
        encoding="utf-8",
    )
    (root / "sources.toml").write_text("", encoding="utf-8")
    out = io.StringIO()
    with pytest.MonkeyPatch.context() as mp, redirect_stdout(out):  # the environment is restored before yielding
        mp.chdir(root)
        mp.setenv("GOVQA_MANIFEST", str(root / "sources.toml"))
        mp.setenv("GOVQA_CACHE_DIR", str(root / "cache"))
        mp.setenv("GOVQA_INDEX_DIR", str(root / "index"))
        code = cli_main(["ingest", "--add", str(notes), "--title", "Robot notes", "--jurisdiction", "EU"], **models)
    return code, out.getvalue()


@pytest.fixture(scope="module")
def added(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, int, str]]:
    """The notes ingested once through the CLI with the keyword-count models into a module tmp dir."""
    root = tmp_path_factory.mktemp("cli")
    code, out = _add_notes(root, embedders=keyword_models)
    yield root, code, out


@pytest.mark.slow
def test_ingest_add_with_the_packaged_models(tmp_path: Path) -> None:
    """Without a factory, `govqa ingest` loads the packaged models and names them before the report."""
    code, out = _add_notes(tmp_path)
    assert code == 0
    assert out.splitlines()[1].startswith("models: dense: all-MiniLM-L6-v2")
    row = next(line for line in out.splitlines() if line.startswith("user-robot-notes"))
    assert row.split()[1] == "ingested"


def test_ingest_add_indexes_a_users_file(added: tuple[Path, int, str]) -> None:
    """`ingest --add FILE` prints a report row for the new user-… document and exits 0."""
    root, code, out = added
    assert code == 0
    lines = out.splitlines()
    assert lines[0].startswith("govqa ingest: 1 document;")  # said before the models load
    assert lines[1].startswith("models: dense: fake-keywords")
    row = next(line for line in out.splitlines() if line.startswith("user-robot-notes"))
    assert row.split()[1] == "ingested" and int(row.split()[3]) == 3  # front text, Article 1, Article 2
    assert (root / "cache" / "user-robot-notes.txt").is_file()


def test_chunks_jsonl_has_the_provenance_fields(
    added: tuple[Path, int, str], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """`chunks --jsonl` prints one JSON object per chunk with id, doc, locator, heading path, pages, lang and text."""
    root, _, _ = added
    monkeypatch.chdir(root)
    monkeypatch.setenv("GOVQA_CACHE_DIR", str(root / "cache"))
    assert main(["--index-dir", str(root / "index"), "chunks", "--jsonl"]) == 0
    records = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [r["locator"] for r in records] == ["Text", "Article 1", "Article 2"]
    for r in records:
        assert {"id", "doc", "locator", "heading_path", "page_start", "page_end", "lang", "text"} <= set(r)
        assert r["doc"] == "user-robot-notes" and r["lang"] == "en" and r["page_start"] is None
        assert r["id"].startswith("user-robot-notes:")
    assert records[2]["heading_path"] == ["Article 2"]
    assert records[2]["text"] == "Article 2\nA robot that talks must say that it is a machine."


@pytest.fixture
def in_added(added: tuple[Path, int, str], monkeypatch: pytest.MonkeyPatch) -> Path:
    """The working folder and GOVQA_* settings of the corpus with the user's added file."""
    root, _, _ = added
    monkeypatch.chdir(root)
    for name, value in (("MANIFEST", "sources.toml"), ("CACHE_DIR", "cache"), ("INDEX_DIR", "index")):
        monkeypatch.setenv(f"GOVQA_{name}", str(root / value))
    return root


def test_chunks_of_an_unknown_document_is_an_error_naming_the_ids(
    in_added: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`chunks --doc` with a mistyped id does not print nothing and succeed: it names the ids that exist."""
    assert main(["chunks", "--doc", "user-robot-note"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("error: No document 'user-robot-note'") and "user-robot-notes" in err
    assert main(["chunks", "--doc", "user-robot-notes"]) == 0


def test_ask_json_answers_from_the_added_file(in_added: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`ask --json` answers from the user's document (its added.toml entry loads with the corpus) as JSON."""
    assert main(["ask", "Must a talking robot say that it is a machine?", "--json"]) == 0
    out = capsys.readouterr().out
    json.loads(out)
    assert "user-robot-notes" in out and "Article 2" in out


def test_chunks_without_an_index_is_an_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """`chunks` before any ingest prints the IndexMissingError as one line and exits 1."""
    monkeypatch.chdir(tmp_path)
    assert main(["--index-dir", str(tmp_path / "index"), "chunks"]) == 1
    err = capsys.readouterr().err
    last = err.strip().splitlines()[-1]  # model loading may draw a progress bar first
    assert last.startswith("error: ") and "govqa ingest" in last and "Traceback" not in err


def test_ask_explain_prints_how_the_question_was_read(in_added: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`ask --explain` first prints the question's analysis (roles asked, route) to stderr, then answers."""
    assert main(["ask", "Are there any fines for robots?", "--explain"]) == 0
    captured = capsys.readouterr()
    assert captured.err.startswith("How the question was read:")
    assert 'roles: ["enforcement"]' in captured.err
    assert captured.out.strip()


def test_assess_refuses_a_malformed_facts_file_naming_the_field(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`govqa assess` with a bad value: exit 1 and one line naming the file, the field and the valid values."""
    from govqa.cli import main

    facts = tmp_path / "facts.json"
    facts.write_text('{"roles": ["owner"]}', encoding="utf-8")
    assert main(["assess", "--facts", str(facts)]) == 1
    err = capsys.readouterr().err
    assert err.startswith("error: ") and "facts.json" in err and "`roles`" in err and "deployer" in err


def test_check_prints_a_numbered_report_and_json(in_added: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`govqa check FILE` reports each claim of the article with its verdict; `--json` prints the documented shape;
    an unreadable file is one error line naming it."""
    article = in_added / "draft.md"
    article.write_text("# Notes\n\nThe Robot notes say that a robot that talks must say it is a machine. Nice?\n")
    assert main(["check", str(article)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("[1] The Robot notes say that a robot that talks must say it is a machine.")
    assert "Not checked: 2 sentence(s)" in out
    assert main(["check", str(article), "--json"]) == 0
    claims = json.loads(capsys.readouterr().out)["claims"]
    assert [set(c) for c in claims] == [{"sentence", "claim", "verdict", "short_answer", "citations"}]
    assert main(["check", str(in_added / "missing.md")]) == 1
    err = capsys.readouterr().err
    assert err.startswith("error: Cannot read the article") and "missing.md" in err


def test_eval_by_check_counts_claims_by_what_decided_them(in_added: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`govqa eval --by-check` prints, under the summary, the claims counted by the check that decided each (no
    ids: a held-out set read this way stays held out); `--dump` records that check for each claim."""
    claims = in_added / "claims.jsonl"
    gold = [{"doc": "user-robot-notes", "quote": "A robot that talks must say that it is a machine"}]
    rows = [
        {
            "id": "c001",
            "kind": "claim",
            "verdict": "supported",
            "gold": gold,
            "question": "Under the Robot notes, a robot that talks must say that it is a machine.",
        },
        {
            "id": "c002",
            "kind": "claim",
            "verdict": "not_addressed",
            "gold": [],
            "question": "The Robot notes set a fine of 500 euro for a dirty robot.",
        },
    ]
    claims.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    dump = in_added / "dump.jsonl"
    assert main(["eval", str(claims), "--by-check", "--dump", str(dump)]) == 0
    out = capsys.readouterr().out
    table = out.split("claims by deciding check\n", 1)[1].splitlines()
    assert table[0].split() == ["lang", "gold", "given", "check", "n", "right"]
    checks = [json.loads(line)["check"] for line in dump.read_text(encoding="utf-8").splitlines()]
    assert all(checks) and len(checks) == 2
    assert {row.split()[3] for row in table[1:]} == set(checks)
    assert "c001" not in out and "c002" not in out
