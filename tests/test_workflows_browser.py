"""The workflows as a person uses them: `streamlit run app.py` on 127.0.0.1 (tests/test_browser.py's server fixture)
driven by Playwright in Debian's Chromium — build a citation pack, then open a version diff in the Library.
Screenshots are saved to test-artifacts/."""

from __future__ import annotations

import pytest
from test_browser import ARTIFACTS, _screenshot_all, app_page, app_url  # noqa: F401 (app_url is a fixture)

pytestmark = pytest.mark.slow


def test_build_a_pack_and_open_a_diff_in_the_browser(app_url: str) -> None:  # noqa: F811
    """Citation pack: references typed, the pack shows the provision's text; Library: a changed article's diff."""
    from playwright.sync_api import expect

    with app_page(app_url) as page:
        page.get_by_role("link", name="Citation pack").click()
        box = page.get_by_role("textbox", name="References, one per line or separated by semicolons")
        box.wait_for(timeout=120_000)
        box.fill("Examplia Robot Act Article 2(2); Article 7")
        box.press("Control+Enter")  # commit the text area before the click reads it
        page.get_by_role("button", name="Build the pack").click()
        text = page.locator(".pack-text").first
        text.wait_for(timeout=120_000)
        expect(text).to_contain_text("fine of up to 5,000 credits")
        expect(page.get_by_text("1 of 2 references resolved")).to_be_visible()
        expect(page.get_by_text("no indexed text has Article 7")).to_be_visible()
        page.wait_for_timeout(500)
        _screenshot_all(page, ARTIFACTS / "browser-citation-pack.png")

        page.get_by_role("link", name="Library").click()
        page.get_by_text("What changed between two versions").wait_for(timeout=120_000)
        page.get_by_text("Article 1 — changed").click()
        expect(page.locator(".diff del").first).to_be_visible(timeout=60_000)
        expect(page.locator(".diff ins").first).to_be_visible()
        page.wait_for_timeout(500)
        _screenshot_all(page, ARTIFACTS / "browser-version-diff.png")
    assert (ARTIFACTS / "browser-citation-pack.png").stat().st_size > 10_000
