"""The "Does this apply to me?" page in Chromium, as a person uses it: fill the form, assess, see the EU and Korean
results with their citation cards, export. Same harness as test_browser.py (Debian's Chromium, loopback only);
the index is test_assess_page's two invented texts. Screenshots go to test-artifacts/."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from test_assess_page import build_assess_index
from test_browser import ARTIFACTS, CHROMIUM, _screenshot_all, serve_app

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def assess_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The app over the invented EU and Korean texts and their rules."""
    root = tmp_path_factory.mktemp("browser-assess")
    with serve_app(root, build_assess_index(root), "browser-assess-streamlit.log") as url:
        yield url


def _idle(page) -> None:  # type: ignore[no-untyped-def]
    """Wait until the app has finished rerunning (its "Running…" status widget is gone)."""
    page.get_by_test_id("stStatusWidget").wait_for(state="hidden", timeout=120_000)


def _choose(page, label: str, values: list[str]) -> None:  # type: ignore[no-untyped-def]
    """In the multiselect labelled `label`: drop "not sure" (Backspace), then pick `values`, and wait until the
    widget shows them. Each change reruns the page, and dropping "not sure" from the roles hides the rest of the
    form until a role is picked: the next step must not start before the page has caught up, and a pick made
    while a rerun was still under way can be undone by it, so it is made again (at most three times)."""
    from playwright.sync_api import expect

    widget = page.get_by_test_id("stMultiSelect").filter(has_text=label)
    box = widget.locator("input")
    box.click()
    box.press("Backspace")
    _idle(page)
    for value in values:
        for attempt in range(3):
            box.fill(value)
            page.get_by_role("option", name=value, exact=True).click()
            try:
                expect(widget).to_contain_text(value, timeout=20_000)
                break
            except AssertionError:
                if attempt == 2:
                    raise
                _idle(page)
        _idle(page)
    page.keyboard.press("Escape")


def test_the_assessment_in_the_browser_shows_eu_and_korean_results_and_exports(assess_url: str) -> None:
    """Fill the form, press Assess: two "applies" results, each reason opening onto its citation card; the JSON
    export downloads the same results."""
    assert CHROMIUM.is_file(), "Debian's Chromium is missing: `apt-get install -y chromium` (CI does it in .ci/run)"
    from playwright.sync_api import expect, sync_playwright

    ARTIFACTS.mkdir(exist_ok=True)
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), headless=True)
        try:
            page = browser.new_page(viewport={"width": 1400, "height": 1000}, accept_downloads=True)
            page.goto(assess_url)  # the frame (app.py) first: it loads the index the page reads
            page.get_by_test_id("stChatInputTextArea").wait_for(timeout=240_000)
            page.get_by_role("link", name="Does this apply to me?").click()
            page.get_by_text("Where is the system offered").wait_for(timeout=120_000)
            _choose(page, "Where is your organisation established?", ["JP"])
            _choose(page, "Where is the system offered", ["EU", "KR"])
            _choose(page, "What is your role", ["provider"])
            generates = page.get_by_test_id("stRadio").filter(has_text="Does it generate")
            generates.wait_for(timeout=120_000)  # back once the page has rerun with a role picked
            generates.get_by_text("Yes").click()
            page.get_by_role("button", name="Assess").click()
            expect(page.locator(".status-applies")).to_have_count(2, timeout=120_000)
            expect(page.get_by_text("Union Robot Regulation").first).to_be_visible()
            expect(page.get_by_text("Korea Robot Act").first).to_be_visible()
            page.get_by_text("Union Robot Regulation, Article 1(1)(a)").first.click()
            marks = page.locator(".passage mark")
            expect(marks.filter(has_text="(a) providers placing household robots").first).to_be_visible()
            page.get_by_text("Korea Robot Act, Article 2(1)").first.click()
            expect(marks.filter(has_text="label robot-generated images").first).to_be_visible()
            _screenshot_all(page, ARTIFACTS / "browser-assessment.png")
            with page.expect_download() as got:
                page.get_by_test_id("stDownloadButton").filter(has_text="JSON").click()
            exported = Path(got.value.path()).read_text(encoding="utf-8")
        finally:
            browser.close()
    assert '"status": "applies"' in exported and '"locator": "Article 1(1)(a)"' in exported
