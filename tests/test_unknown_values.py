"""Unknown ids and values in filters and CLI options: an error naming the bad value and the valid ones, from the
library (so the app and `govqa` say the same), never an empty search read as "the corpus does not address this"."""

from __future__ import annotations

import io
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path

import pytest
from conftest import fake_embedders, make_settings
from fixture_corpus import build_corpus, manifest_toml

import govqa.search.retriever as retriever_module
from govqa.answering.extractive import MODES, Answerer
from govqa.cli import main
from govqa.errors import QuestionError
from govqa.index.pipeline import ingest
from govqa.search.retriever import build_retriever
from govqa.search.scope import Filters

QUESTION = "Who must register a robot?"
INDEXED_IDS = ("fx-data-guidelines", "fx-jp-robot-en", "fx-jp-robot-ja", "fx-robot-act-2020", "fx-robot-act-2027")


@pytest.fixture(scope="module")
def root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The fixture corpus indexed with keyword embedders, with a TOML manifest for the CLI."""
    root = tmp_path_factory.mktemp("unknown-values")
    settings = make_settings(root)
    manifest = build_corpus(settings.cache_dir)
    (root / "sources.toml").write_text(manifest_toml(manifest.documents), encoding="utf-8")
    assert {r.state for r in ingest(settings, manifest=manifest, embedders=fake_embedders())} == {"ingested"}
    return root


@pytest.fixture(scope="module")
def answerer(root: Path) -> Answerer:
    settings = make_settings(root)
    manifest = build_corpus(settings.cache_dir)
    return Answerer(settings, retriever=build_retriever(settings, embedders=fake_embedders(), manifest=manifest))


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize(
    ("filters", "bad", "valid"),
    [
        (Filters(doc_ids=("nope",)), "document id 'nope'", ", ".join(INDEXED_IDS)),
        (Filters(doc_ids=("fx-robot-act-2027", "nope2")), "document id 'nope2'", ", ".join(INDEXED_IDS)),
        (Filters(jurisdictions=("XX",)), "jurisdiction 'XX'", "EU, JP, US"),
        (Filters(jurisdictions=("jp",)), "jurisdiction 'jp'", "EU, JP, US"),
        (Filters(doc_types=("treaty",)), "document type 'treaty'", "guidelines, statute"),
        (Filters(languages=("fr",)), "language 'fr'", "en, ja"),
    ],
)
def test_unknown_filter_values_name_the_valid_ones(
    answerer: Answerer, mode: str, filters: Filters, bad: str, valid: str
) -> None:
    """Every mode: an unknown filter value is a QuestionError naming it and the values the index has."""
    with pytest.raises(QuestionError) as info:
        answerer.answer(QUESTION, mode=mode, filters=filters)
    message = str(info.value)
    assert f"Unknown {bad}" in message and f"Valid values: {valid}." in message


def test_known_filter_values_still_answer(answerer: Answerer) -> None:
    """The check lets known values through: a document filter answers from that document only."""
    ans = answerer.answer(QUESTION, filters=Filters(doc_ids=("fx-robot-act-2027",), jurisdictions=("EU",)))
    assert ans.citations and {c.doc_id for c in ans.citations} == {"fx-robot-act-2027"}


@pytest.fixture
def cli_env(root: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """GOVQA_* pointing at the module's index; the CLI's embedders are the keyword fakes it was built with."""
    monkeypatch.chdir(root)
    monkeypatch.setattr(retriever_module, "build_embedders", lambda settings: fake_embedders())
    for name, value in (("MANIFEST", "sources.toml"), ("CACHE_DIR", "cache"), ("INDEX_DIR", "index")):
        monkeypatch.setenv(f"GOVQA_{name}", str(root / value))


def _run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        try:
            code = main(list(argv))
        except SystemExit as exc:  # argparse's usage errors
            code = int(exc.code or 0)
    return code, out.getvalue(), err.getvalue()


@pytest.mark.parametrize(
    ("argv", "named", "valid"),
    [
        (["ask", QUESTION, "--doc", "nope"], "'nope'", "fx-robot-act-2027"),
        (["ask", QUESTION, "--jurisdiction", "XX"], "'XX'", "EU, JP, US"),
        (["ask", QUESTION, "--doc", "fx-jp-robot-en", "--jurisdiction", "EU"], None, None),
        (["ingest", "--doc", "nope"], "'nope'", "fx-robot-act-2027"),
        (["chunks", "--doc", "nope"], "'nope'", "fx-robot-act-2027"),
        (["corpus", "status", "--doc", "nope"], "'nope'", "fx-robot-act-2027"),
        (["inspect", "nope"], "'nope'", "fx-robot-act-2027"),
    ],
)
@pytest.mark.usefixtures("cli_env")
def test_cli_unknown_ids_are_one_line_naming_the_valid_ones(argv: list[str], named: str | None, valid: str) -> None:
    """`govqa … --doc nope` and friends: exit 1, one `error:` line naming the value and the valid ones."""
    code, out, err = _run(*argv)
    assert "Traceback" not in out + err
    if named is None:  # known values that select nothing together: answered (a refusal), not an error
        assert code == 0, err
        return
    assert code == 1 and err.startswith("error: ") and len(err.strip().splitlines()) == 1, err
    assert named in err and valid in err


@pytest.mark.parametrize(
    ("argv", "valid"),
    [
        (["ask", QUESTION, "--mode", "bogus"], "'ask', 'claim', 'applies', 'compare', 'quote'"),
        (["ask", QUESTION, "--llm", "gpt"], "'none', 'llamacpp', 'openai'"),
        (["corpus", "delete"], "'fetch', 'status'"),
    ],
)
def test_cli_unknown_choices_are_usage_errors_naming_the_choices(argv: list[str], valid: str) -> None:
    """Fixed-choice options: argparse's exit 2, naming the bad value and every choice."""
    code, _, err = _run(*argv)
    assert code == 2 and f"invalid choice: '{argv[-1]}'" in err and valid in err
