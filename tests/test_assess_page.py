"""The "Does this apply to me?" page, by Streamlit's AppTest (and the same fixture served to Chromium in
test_browser_assess.py), over an index of two invented texts — a Union robot regulation (EU) and a robot act of
Korea (KR) — built with the packaged models, and rules for them written here."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from govqa.corpus import sha256_file
from govqa.index.pipeline import ingest
from govqa.settings import PROJECT_ROOT, Settings

pytestmark = pytest.mark.slow

EU_TEXT = """Union Robot Regulation

Article 1
1. This Regulation applies to:
(a) providers placing household robots on the market in the Union, wherever they are established;
(b) users of household robots established in the Union.
2. This Regulation does not apply to robots used only for military purposes.

Article 2
1. Providers shall ensure that a talking robot tells people it is a machine.
"""
KR_TEXT = """Robot Act of Korea

Article 1
(1) This Act shall apply to conduct abroad that affects the domestic market or users.

(2) This Act shall not apply to robots for national defence only.

Article 2
(1) A robot business operator shall label robot-generated images as generated.
"""
RULES = {
    "eu-robots": """doc = "eu-robots"
binding = true
[[reach]]
when = ["roles has provider", "markets has EU"]
finding = "Placing robots on the Union market brings you in."
cite = "Article 1(1)(a)"
if_unknown = "If you sell in the Union, Article 1(1)(a) brings you in."
[[obligation]]
when = "system.interacts_with_people"
what = "Make the robot say it is a machine."
cite = "Article 2(1)"
[outside]
finding = "You do not sell robots in the Union."
cite = "Article 1(1)"
""",
    "kr-robots": """doc = "kr-robots"
binding = true
[[reach]]
when = {any = ["markets has KR", "established_in has KR"]}
finding = "Conduct affecting Korean users is covered."
cite = "Article 1(1)"
if_unknown = "If Korean users are affected, Article 1(1) brings you in."
[[obligation]]
when = "system.generative"
what = "Label generated images."
cite = "Article 2(1)"
[outside]
finding = "Nothing you do affects Korea."
cite = "Article 1(1)"
""",
}


def _entry(doc_id: str, path: Path, jurisdiction: str, short: str) -> str:
    return (
        f'[[document]]\nid = "{doc_id}"\nfile = "{path.name}"\ntitle = "{short} (test)"\nshort_title = "{short}"\n'
        f'jurisdiction = "{jurisdiction}"\nlanguage = "en"\nversion = "test fixture"\nstatus = "in_force"\n'
        f'legal_effect = "binding"\nofficial_url = "https://example.org/{doc_id}"\n'
        f'sha256 = "{sha256_file(path)}"\nbytes = {path.stat().st_size}\nformat = "txt"\n'
        f'profile = "articles-text"\nlicence = "invented for tests"\n'
    )


def build_assess_index(root: Path) -> dict[str, str]:
    """The two invented texts, their manifest, rules and index under `root`; returns the GOVQA_* environment."""
    cache, rules = root / "cache", root / "rules"
    cache.mkdir(parents=True)
    rules.mkdir()
    entries = []
    for doc_id, text, jurisdiction, short in [
        ("eu-robots", EU_TEXT, "EU", "Union Robot Regulation"),
        ("kr-robots", KR_TEXT, "KR", "Korea Robot Act"),
    ]:
        path = cache / f"{doc_id}.txt"
        path.write_text(text, encoding="utf-8")
        entries.append(_entry(doc_id, path, jurisdiction, short))
        (rules / f"{doc_id}.toml").write_text(RULES[doc_id], encoding="utf-8")
    (root / "sources.toml").write_text("\n".join(entries), encoding="utf-8")
    settings = Settings(index_dir=root / "index", cache_dir=cache, manifest=root / "sources.toml")
    assert all(r.state == "ingested" for r in ingest(settings))
    return {
        "GOVQA_INDEX_DIR": str(root / "index"),
        "GOVQA_CACHE_DIR": str(cache),
        "GOVQA_MANIFEST": str(root / "sources.toml"),
        "GOVQA_ASSESSMENT_RULES": str(rules),
    }


@pytest.fixture(scope="module")
def env(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    return build_assess_index(tmp_path_factory.mktemp("assess"))


def _page(monkeypatch: pytest.MonkeyPatch, env: dict[str, str]) -> AppTest:
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    at = AppTest.from_file(str(PROJECT_ROOT / "app.py"), default_timeout=300)
    at.run()
    at.switch_page("pages/assess.py").run()
    assert not at.exception, at.exception
    return at


def _html(at: AppTest) -> str:
    return "\n".join(m.value for m in at.markdown)


def test_the_form_asks_only_what_matters(monkeypatch: pytest.MonkeyPatch, env: dict[str, str]) -> None:
    """With no role in any AI system, the system questions are not asked; with a role, they are."""
    at = _page(monkeypatch, env)
    assert at.radio(key="q-system.generative")  # roles unknown: asked
    at.multiselect(key="q-roles").set_value([]).run()
    assert not [r for r in at.radio if r.key == "q-system.generative"]
    assert "Not legal advice" in "\n".join(c.value for c in at.caption)


def test_filling_the_form_shows_eu_and_korean_results_with_citations(
    monkeypatch: pytest.MonkeyPatch, env: dict[str, str]
) -> None:
    """A provider selling in the EU and Korea: both texts apply, each line with its provision's indexed quote;
    the JSON export holds the same results."""
    at = _page(monkeypatch, env)
    at.multiselect(key="q-established_in").set_value(["JP"]).run()
    at.multiselect(key="q-markets").set_value(["EU", "KR"]).run()
    at.multiselect(key="q-roles").set_value(["provider"]).run()
    at.radio(key="q-system.generative").set_value("Yes").run()
    at.radio(key="q-system.interacts_with_people").set_value("Yes").run()
    at.button[0].click().run()
    assert not at.exception, at.exception
    page = _html(at)
    assert "Union Robot Regulation" in page and "Korea Robot Act" in page and page.count("status-applies") == 2
    assert "Article 1(1)(a)" in page and "(a) providers placing household robots on the market" in page
    assert "<b>Article 2(1)</b>" in page and "<mark>(1) A robot business operator shall label" in page
    result = at.session_state["assessment"]
    assert {r.doc: r.status for r in result.results} == {"eu-robots": "applies", "kr-robots": "applies"}
    facts = json.loads(at.session_state["assessment_facts"])
    assert facts["markets"] == ["EU", "KR"] and facts["system"]["purpose"] is None


def test_unknown_markets_give_may_apply_and_the_question(monkeypatch: pytest.MonkeyPatch, env: dict[str, str]) -> None:
    """Markets left "not sure": may apply, with what would change the outcome."""
    at = _page(monkeypatch, env)
    at.multiselect(key="q-markets").set_value(["not sure"]).run()
    at.multiselect(key="q-roles").set_value(["provider"]).run()
    at.button[0].click().run()
    page = _html(at)
    assert page.count("status-may_apply") == 2 and "If you sell in the Union, Article 1(1)(a) brings you in." in page


def test_an_applies_answer_offers_the_assessment_pre_filled(
    monkeypatch: pytest.MonkeyPatch, env: dict[str, str]
) -> None:
    """Asked in applies mode, the chat offers the full assessment; the form opens with the facts the question
    states (markets, role) and leaves the rest "not sure"."""
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    at = AppTest.from_file(str(PROJECT_ROOT / "app.py"), default_timeout=300)
    at.run()
    at.radio(key="mode").set_value("applies").run()
    at.chat_input[0].set_value("We are a provider of household robots selling in the EU and Korea. What applies?").run()
    assert not at.exception, at.exception
    offer = next(b for b in at.button if b.label == "Answer a few questions for a full assessment")
    offer.click().run()
    assert not at.exception, at.exception
    assert at.session_state["q-markets"] == ["EU", "KR"] and at.session_state["q-roles"] == ["provider"]
    assert any("Pre-filled from your question" in i.value for i in at.info)
    assert at.radio(key="q-system.generative").value == "Not sure"  # what the question does not say stays unknown
