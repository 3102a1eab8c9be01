"""`govqa cite`, `govqa diff` and their app pages over the app's fixture index (tests/test_app.py: an invented
two-page PDF act in force, its superseded 2020 text, a translation of a Japanese act), built with the real models."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest
from test_app import build_app_index

from govqa.cli import main
from govqa.corpus import sha256_file
from govqa.settings import PROJECT_ROOT

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def env(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    return build_app_index(tmp_path_factory.mktemp("workflows-app"))


@pytest.fixture
def cli_env(env: dict[str, str], monkeypatch: pytest.MonkeyPatch) -> dict[str, str]:
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    return env


def test_cite_json_quotes_with_the_pin(cli_env: dict[str, str], capsys: pytest.CaptureFixture[str]) -> None:
    """`cite --format json`: the provision's text, page, #page= link and the file's sha256; an unknown reference
    is listed with its reason and the exit code says some were not resolved."""
    assert main(["cite", "Examplia Robot Act Article 2(2)", "Article 9", "--format", "json"]) == 2
    first, second = json.loads(capsys.readouterr().out)
    assert first["doc"] == "ex-robot-act-2027" and first["locator"] == "Article 2(2)"
    assert "fine of up to 5,000 credits" in first["text"]
    assert first["url"] == f"https://example.org/robot-act.pdf#page={first['page']}"
    assert first["sha256"] == sha256_file(Path(cli_env["GOVQA_CACHE_DIR"]) / "ex-robot-act-2027.pdf")
    assert second == {"ref": "Article 9", "error": "no indexed text has Article 9"}


def test_cite_csv_and_markdown(cli_env: dict[str, str], capsys: pytest.CaptureFixture[str]) -> None:
    """--doc resolves in that document; CSV has one row per reference; Markdown is the pack to attach."""
    assert main(["cite", "Article 1", "--doc", "ex-robot-act-2020", "--format", "csv"]) == 0
    (row,) = csv.DictReader(io.StringIO(capsys.readouterr().out))
    assert row["doc"] == "ex-robot-act-2020" and "registered letter" in row["text"] and row["status"] == "superseded"
    assert main(["cite", "Robot Act Art. 1, 3"]) == 0
    md = capsys.readouterr().out
    assert md.startswith("# Citation pack") and "2 of 2 references resolved" in md
    assert "## 2. Robot Act Art. 3 — Examplia Robot Act, Article 3(1)" in md


def test_diff_json_between_versions(cli_env: dict[str, str], capsys: pytest.CaptureFixture[str]) -> None:
    """`diff --json`: the 2020 act's Article 1 changed in 2027, Articles 2 and 3 added, both sides' text given."""
    assert main(["diff", "ex-robot-act-2020", "ex-robot-act-2027", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert (data["a"], data["b"]) == ("ex-robot-act-2020", "ex-robot-act-2027")
    changes = {p["locator"]: p["change"] for p in data["provisions"]}
    assert {k: changes[k] for k in ("Article 1", "Article 2", "Article 3")} == {
        "Article 1": "changed",
        "Article 2": "added",
        "Article 3": "added",
    }
    art1 = next(p for p in data["provisions"] if p["locator"] == "Article 1")
    assert "registered letter" in art1["a_text"] and "sold or rented" in art1["b_text"]


def test_diff_of_two_different_texts_is_a_message(cli_env: dict[str, str], capsys: pytest.CaptureFixture[str]) -> None:
    """Two texts the manifest does not link are not diffed: one line saying so, exit code 1."""
    assert main(["diff", "ex-robot-act-2027", "jp-robot-act-en"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("error: Examplia Robot Act (ex-robot-act-2027) and") and "not versions of one text" in err


def _app(monkeypatch: pytest.MonkeyPatch, env: dict[str, str]) -> AppTest:
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    at = AppTest.from_file(str(PROJECT_ROOT / "app.py"), default_timeout=300)
    at.run()
    assert not at.exception, at.exception
    return at


def _html(at: AppTest) -> str:
    return "\n".join(m.value for m in at.markdown)


def test_citation_pack_page_builds_a_pack(monkeypatch: pytest.MonkeyPatch, env: dict[str, str]) -> None:
    """Typing references and pressing "Build the pack" shows each text verbatim, its pin and the failures."""
    at = _app(monkeypatch, env)
    at.switch_page("pages/citations.py").run()
    at.text_area(key="pack_refs").input("Examplia Robot Act Article 2(2); Article 7").run()
    at.button(key="build_pack").click().run()
    assert not at.exception, at.exception
    page = _html(at)
    assert "1 of 2 references resolved" in page and "fine of up to 5,000 credits" in page
    assert "https://example.org/robot-act.pdf#page=" in page
    assert any("Article 7" in w.value and "no indexed text has Article 7" in w.value for w in at.warning)
    assert any(len(c.value) == 64 for c in at.code)
    assert len(at.get("download_button")) == 3


def test_citation_pack_of_the_conversation(monkeypatch: pytest.MonkeyPatch, env: dict[str, str]) -> None:
    """After a question, the pack page packs the provisions the answer cited, whole."""
    at = _app(monkeypatch, env)
    at.chat_input[0].set_value("What fine can the Examplia Robot Office impose?").run()
    cited = at.session_state["turns"][0].answer.citations[0]
    at.switch_page("pages/citations.py").run()
    at.button(key="pack_chat").click().run()
    assert not at.exception, at.exception
    pack = at.session_state["pack"]
    assert (pack[0].document.id, pack[0].ref) == (cited.doc_id, cited.locator)
    assert " ".join(cited.quote.split()) in " ".join(pack[0].text.split())


def test_library_page_shows_what_changed(monkeypatch: pytest.MonkeyPatch, env: dict[str, str]) -> None:
    """The Library page offers the manifest's versions, diffs them, and says so when two texts are not versions."""
    at = _app(monkeypatch, env)
    at.switch_page("pages/library.py").run()
    assert not at.exception, at.exception
    assert (at.selectbox(key="diff_a").value, at.selectbox(key="diff_b").value) == (
        "ex-robot-act-2020",
        "ex-robot-act-2027",
    )
    labels = [e.label for e in at.expander]
    assert "Article 1 — changed" in labels and "Article 3 — added" in labels
    assert "<del>" in _html(at) and "<ins>" in _html(at)
    at.selectbox(key="diff_b").set_value("jp-robot-act-en").run()
    assert any("not versions of one text" in w.value for w in at.warning)
