"""Checking an article as a journalist does it: `streamlit run app.py` on 127.0.0.1 (tests/test_browser.py's server
fixture) driven by Playwright in Debian's Chromium — paste a draft, see its sentences marked by verdict, export.
Screenshots are saved to test-artifacts/."""

from __future__ import annotations

import pytest
from test_browser import ARTIFACTS, _screenshot_all, app_page, app_url  # noqa: F401 (app_url is a fixture)

pytestmark = pytest.mark.slow

ARTICLE = (
    "# Robots in Examplia\n\n"
    "The Examplia Robot Act lets the Robot Office fine a provider who fails to register a household robot. "
    "<script>alert('x')</script> We think this is a good law. Is it enough?"
)


def test_paste_an_article_and_see_its_sentences_marked(app_url: str) -> None:  # noqa: F811
    """The checked sentence is marked by its verdict; opinion and questions stay unmarked; markup in the article
    is shown as text, never run."""
    from playwright.sync_api import expect

    with app_page(app_url) as page:
        dialogs: list[str] = []
        page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        page.get_by_role("link", name="Check an article").click()
        box = page.get_by_role("textbox", name="Article")
        box.wait_for(timeout=120_000)
        box.fill(ARTICLE)
        box.press("Control+Enter")  # commit the text area before the click reads it
        page.get_by_role("button", name="Check the article").click()
        marked = page.locator(".claim-mark").first
        marked.wait_for(timeout=180_000)
        expect(marked).to_contain_text("fine a provider who fails to register")
        shown = page.locator(".passage").first.inner_text()
        assert "We think this is a good law." in shown and "<script>alert('x')</script>" in shown, shown
        assert page.locator(".claim-skip").count() >= 1  # the opinion and the question are not marked
        expect(page.get_by_role("button", name="Export JSON")).to_be_visible()
        page.wait_for_timeout(500)
        _screenshot_all(page, ARTIFACTS / "browser-article-check.png")
        assert not dialogs, f"a script from the article ran: {dialogs}"
    assert (ARTIFACTS / "browser-article-check.png").stat().st_size > 10_000
