"""End to end, as a person uses it: `streamlit run app.py` on 127.0.0.1, driven by Playwright in Debian's
Chromium (/usr/bin/chromium; CI installs it in .ci/run — no browser download). Screenshots are saved to
test-artifacts/ for a human to look at."""

from __future__ import annotations

import contextlib
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from test_app import build_app_index

from govqa.settings import PROJECT_ROOT

pytestmark = pytest.mark.slow

CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = PROJECT_ROOT / "test-artifacts"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _wait_healthy(url: str, proc: subprocess.Popen[bytes], log: Path, timeout_s: float = 120) -> None:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            pytest.fail(f"streamlit exited with {proc.returncode}:\n{log.read_text(errors='replace')}")
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as resp:
                if resp.read().strip() == b"ok":
                    return
        except OSError:
            time.sleep(0.5)
    pytest.fail(f"streamlit did not become healthy within {timeout_s} s:\n{log.read_text(errors='replace')}")


@contextlib.contextmanager
def serve_app(root: Path, env: dict[str, str], log_name: str = "browser-streamlit.log") -> Iterator[str]:
    """The app served by a real `streamlit run` with `env` on loopback; stopped (by its pid) on exit."""
    port = _free_port()
    log = root / "streamlit.log"
    with log.open("wb") as out:
        proc = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "streamlit",
                "run",
                str(PROJECT_ROOT / "app.py"),
                "--server.address",
                "127.0.0.1",
                "--server.port",
                str(port),
                "--server.headless",
                "true",
                "--browser.gatherUsageStats",
                "false",
            ],
            cwd=PROJECT_ROOT,
            env={**os.environ, **env},
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    url = f"http://127.0.0.1:{port}"
    try:
        _wait_healthy(url, proc, log)
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=20)
        if ARTIFACTS.is_dir():
            shutil.copyfile(log, ARTIFACTS / log_name)


@pytest.fixture(scope="module")
def app_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The app over the fixture index of test_app."""
    root = tmp_path_factory.mktemp("browser")
    with serve_app(root, build_app_index(root)) as url:
        yield url


def _screenshot_all(page, path: Path) -> None:  # type: ignore[no-untyped-def]
    """Streamlit scrolls inside its own container, so a full-page shot needs a viewport as tall as the app."""
    height = page.evaluate("document.querySelector('[data-testid=\"stMainBlockContainer\"]')?.scrollHeight || 1000")
    page.set_viewport_size({"width": 1400, "height": min(max(int(height) + 120, 1000), 6000)})
    page.wait_for_timeout(400)
    page.screenshot(path=str(path))
    page.set_viewport_size({"width": 1400, "height": 1000})


@contextmanager
def app_page(app_url: str) -> Iterator[Any]:
    """Chromium on the app, once the first session has loaded the index and the models (the chat box shows)."""
    assert CHROMIUM.is_file(), "Debian's Chromium is missing: `apt-get install -y chromium` (CI does it in .ci/run)"
    from playwright.sync_api import sync_playwright

    ARTIFACTS.mkdir(exist_ok=True)
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), headless=True)
        try:
            page = browser.new_page(viewport={"width": 1400, "height": 1000})
            page.goto(app_url)
            page.get_by_test_id("stChatInputTextArea").wait_for(timeout=240_000)
            yield page
        finally:
            browser.close()


def test_question_in_the_browser_shows_a_citation_card(app_url: str) -> None:
    """Type a question, press Enter: a citation card with locator and page appears; screenshots are saved."""
    from playwright.sync_api import expect

    with app_page(app_url) as page:
        box = page.get_by_test_id("stChatInputTextArea")
        page.screenshot(path=str(ARTIFACTS / "browser-start.png"))
        box.fill("Who must register a household robot before sale, and what fine applies?")
        box.press("Enter")
        card = page.locator(".cite-loc").first
        card.wait_for(timeout=240_000)
        expect(card).to_contain_text("Article 2")
        expect(card).to_contain_text("p. 1")
        expect(page.locator(".passage mark").first).to_be_visible()
        # the export buttons are drawn last: once they show, the whole answer is on the page
        page.get_by_test_id("stDownloadButton").first.wait_for(timeout=120_000)
        page.wait_for_timeout(500)
        _screenshot_all(page, ARTIFACTS / "browser-answer.png")

        page.get_by_text("Open in source").first.click()
        page.locator(".fulltext").first.wait_for(timeout=120_000)
        page.get_by_role("tab", name="PDF page").first.click()
        page.locator("[data-testid='stImage'] img").first.wait_for(timeout=120_000)
        page.wait_for_timeout(500)
        _screenshot_all(page, ARTIFACTS / "browser-source-viewer.png")
    assert (ARTIFACTS / "browser-answer.png").stat().st_size > 10_000
