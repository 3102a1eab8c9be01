"""The Streamlit app, driven by Streamlit's AppTest against a real index built with the packaged models."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from govqa.answering import REFUSAL
from govqa.export import to_json
from govqa.ingest import add_document
from govqa.settings import PROJECT_ROOT, Settings

pytestmark = pytest.mark.slow

ACT = """Article 1
This Act sets rules for household robots sold in the Republic of Examplia.

Article 2
(1) A provider of a household robot shall register the robot with the Examplia Robot Office before sale.
(2) The Examplia Robot Office may impose a fine of up to 5,000 credits on a provider who fails to register.
"""


@pytest.fixture(scope="module")
def env(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """An index of one user-added act, built with the real embedders; the app finds it through GOVQA_*."""
    root = tmp_path_factory.mktemp("app")
    source = root / "examplia-robot-act.txt"
    source.write_text(ACT, encoding="utf-8")
    values = {"GOVQA_INDEX_DIR": str(root / "index"), "GOVQA_CACHE_DIR": str(root / "cache")}
    settings = Settings(index_dir=root / "index", cache_dir=root / "cache")
    report = add_document(settings, source, title="Examplia Robot Act", short_title="Examplia Robot Act",
                          jurisdiction="EX", language="en")
    assert report.state == "ingested", report
    return values


def _app(monkeypatch: pytest.MonkeyPatch, env: dict[str, str]) -> AppTest:
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    at = AppTest.from_file(str(PROJECT_ROOT / "app.py"), default_timeout=300)
    at.run()
    assert not at.exception, at.exception
    return at


def test_a_question_gets_a_cited_answer_card(monkeypatch: pytest.MonkeyPatch, env: dict[str, str]) -> None:
    """Asking shows the answer with a citation card naming the document, its locator and the quote."""
    at = _app(monkeypatch, env)
    at.chat_input[0].set_value("Who must register a household robot before sale?").run()
    assert not at.exception, at.exception
    texts = [m.value for m in at.markdown]
    assert any("Examplia Robot Act — Article 2(1)" in t for t in texts), texts
    assert any("shall register the robot" in t for t in texts)


def test_unknown_subject_is_refused_with_closest_passages(monkeypatch: pytest.MonkeyPatch, env) -> None:
    """A question about something the corpus never mentions shows the refusal, not an answer."""
    at = _app(monkeypatch, env)
    at.chat_input[0].set_value("What does Canada's AIDA say about fines?").run()
    assert [w.value for w in at.warning] == [REFUSAL]


def test_export_buttons_carry_the_conversation(monkeypatch: pytest.MonkeyPatch, env: dict[str, str]) -> None:
    """After a question, the conversation exports as JSON with the answer's citations."""
    at = _app(monkeypatch, env)
    at.chat_input[0].set_value("What fine can the Examplia Robot Office impose?").run()
    assert len(at.session_state["answers"]) == 1
    exported = json.loads(to_json(at.session_state["answers"]))
    assert exported[0]["citations"] and exported[0]["citations"][0]["doc_id"] == "user-examplia-robot-act"


def test_missing_index_says_how_to_build_it(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """With no index, the app names the command that builds one instead of failing."""
    monkeypatch.setenv("GOVQA_INDEX_DIR", str(tmp_path / "none"))
    monkeypatch.setenv("GOVQA_CACHE_DIR", str(tmp_path / "cache"))
    at = AppTest.from_file(str(PROJECT_ROOT / "app.py"), default_timeout=300)
    at.run()
    assert at.error and "govqa ingest" in at.error[0].value
    assert any("make ingest" in i.value for i in at.info)
