"""Many people at once: N concurrent browser sessions against one `streamlit run app.py` on 127.0.0.1.

    python bench/app_load.py [--sessions 20] [--index-dir DIR] [--timeout-s 900]

Starts the app itself on a free loopback port (over GOVQA_INDEX_DIR / --index-dir, or over the invented
fixture corpus of tests/test_app.py, built under a temporary folder, when no index is given), loads it once
(the first session builds the cached answerer), then opens N pages at once in Debian's headless Chromium (one
browser, one context per session, so N Streamlit sessions), each in a mode of its own (ask, claim, applies,
compare, quote in turn) asking that mode's question. Time to a complete answer = from pressing Enter to the
export buttons, which the page draws after the whole answer. An error is any session that fails, times out,
or shows a Streamlit exception. The server's resident memory is sampled from /proc every 0.2 s.

Prints one line per session; the LAST LINE of stdout is one JSON object. Stops by itself: every wait is bounded,
and the whole run by --timeout-s; the server and the browser are stopped (by pid / handle) on the way out.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))  # the app server and the fixture corpus are the browser tests' own

from test_browser import serve_app  # noqa: E402

CHROMIUM = Path("/usr/bin/chromium")
# One question per mode, about the fixture corpus (tests/test_app.py); any corpus answers or refuses them.
QUESTIONS = {
    "ask": ("Ask", "Who must register a household robot before sale?"),
    "claim": ("Check a claim", "A provider who fails to register a household robot may be fined up to 5,000 credits."),
    "applies": ("Does this apply to me?", "We sell household robots in Examplia. Does the Examplia Robot Act apply?"),
    "compare": ("Compare", "Compare the duties of robot businesses in Examplia and Japan"),
    "quote": ("Quote a provision", "Quote Article 3 of the Examplia Robot Act"),
}


def fixture_index(root: Path) -> dict[str, str]:
    """The invented corpus of the app tests, ingested with the packaged models."""
    from test_app import build_app_index  # the tests' fixture corpus: nothing from the real corpus

    return build_app_index(root)


def child_pid(name: str) -> int:
    """The pid of this process's child whose command line holds `name` (the server serve_app started)."""
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            ppid = int(stat.read_text().rsplit(")", 1)[1].split()[1])
            if ppid == os.getpid() and name.encode() in (stat.parent / "cmdline").read_bytes():
                return int(stat.parent.name)
        except (OSError, ValueError, IndexError):  # a process that ended while we looked
            continue
    raise RuntimeError(f"no child process running {name}")


class RssSampler(threading.Thread):
    """Resident memory of one process, sampled until stopped: the peak and the last value, in MiB."""

    def __init__(self, pid: int) -> None:
        super().__init__(daemon=True)
        self.pid, self.peak, self.last, self._done = pid, 0.0, 0.0, threading.Event()

    def sample(self) -> bool:
        try:
            for line in Path(f"/proc/{self.pid}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    self.last = int(line.split()[1]) / 1024
                    self.peak = max(self.peak, self.last)
        except OSError:  # the process is gone
            return False
        return True

    def run(self) -> None:
        while not self._done.is_set() and self.sample():
            self._done.wait(0.2)

    def stop(self) -> None:
        self._done.set()
        if self.ident is not None:  # started
            self.join(timeout=5)


async def session(browser: Any, url: str, n: int, mode: str, timeout_ms: int) -> dict[str, Any]:
    """One person: open the app, pick a mode, ask, wait for the complete answer."""
    label, question = QUESTIONS[mode]
    context = await browser.new_context(viewport={"width": 1280, "height": 900})
    result: dict[str, Any] = {"session": n, "mode": mode, "seconds": None, "error": ""}
    try:
        page = await context.new_page()
        await page.goto(url, timeout=timeout_ms)
        box = page.get_by_test_id("stChatInputTextArea")
        await box.wait_for(timeout=timeout_ms)
        if mode != "ask":
            mode_radio = page.get_by_test_id("stSidebar").get_by_role("radiogroup")  # not the page link of that name
            await mode_radio.get_by_text(label, exact=True).click(timeout=timeout_ms)
            await page.wait_for_function(
                "(hint) => document.querySelector('[data-testid=stChatInputTextArea]')?.placeholder?.startsWith(hint)",
                arg=_hint_start(mode),
                timeout=timeout_ms,
            )
        # while a rerun settles Streamlit may show the old chat box beside the new one: wait for one, as a person does
        await page.wait_for_function(
            "document.querySelectorAll('[data-testid=stChatInputTextArea]').length === 1", timeout=timeout_ms
        )
        await box.fill(question)
        t0 = time.perf_counter()
        await box.press("Enter")
        await page.get_by_test_id("stDownloadButton").first.wait_for(timeout=timeout_ms)
        result["seconds"] = time.perf_counter() - t0
        if await page.get_by_test_id("stException").count():
            result["error"] = "the page shows an exception"
        elif not await page.locator(".cite-loc").count() and not await page.get_by_test_id("stAlert").count():
            result["error"] = "no citation card and no message"
    except Exception as exc:  # a benchmark counts every failure, whatever its type
        result["error"] = f"{type(exc).__name__}: {str(exc).splitlines()[0]}"
    finally:
        await context.close()
    return result


def _hint_start(mode: str) -> str:
    """How the chat box's placeholder starts once the page has switched to `mode` (pages/ask.py MODE_HINTS)."""
    hints = {
        "claim": "Paste a claim",
        "applies": "Describe your situation",
        "compare": "Name the topic",
        "quote": "Name the provision",
    }
    return hints[mode]


async def drive(url: str, sessions: int, timeout_s: float) -> tuple[float, list[dict[str, Any]]]:
    from playwright.async_api import async_playwright

    modes = list(QUESTIONS)
    async with async_playwright() as pw:
        browser = await pw.chromium.launch(executable_path=str(CHROMIUM), headless=True)
        try:
            t0 = time.perf_counter()  # the first page makes the server load the index and the models
            first = await session(browser, url, 0, "ask", int(timeout_s * 1000))
            if first["error"]:
                raise RuntimeError(f"the app did not answer a first question: {first['error']}")
            warm = time.perf_counter() - t0
            runs = [session(browser, url, i + 1, modes[i % len(modes)], int(timeout_s * 1000)) for i in range(sessions)]
            return warm, list(await asyncio.gather(*runs))
        finally:
            await browser.close()


def commit() -> str:
    try:
        return subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True
        ).stdout.strip()
    except OSError:
        return ""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sessions", type=int, default=20)
    parser.add_argument("--index-dir", help="an existing index (default: GOVQA_INDEX_DIR, else the fixture corpus)")
    parser.add_argument("--timeout-s", type=float, default=900, help="the whole run stops after this long")
    args = parser.parse_args()
    if not CHROMIUM.is_file():
        sys.exit("error: /usr/bin/chromium is missing; `make browser` installs Debian's Chromium.")
    load_start = os.getloadavg()[0]
    with tempfile.TemporaryDirectory(prefix="govqa-app-load-") as tmp:
        if args.index_dir:
            env, corpus = {"GOVQA_INDEX_DIR": args.index_dir}, args.index_dir
        elif os.environ.get("GOVQA_INDEX_DIR"):
            env, corpus = {}, os.environ["GOVQA_INDEX_DIR"]
        else:
            print("building the fixture index (tests/test_app.py's invented corpus)…", flush=True)
            env, corpus = fixture_index(Path(tmp)), "the fixture corpus of tests/test_app.py (3 invented texts)"
        with serve_app(Path(tmp), env, "app-load-streamlit.log") as url:  # stopped on the way out, by its pid
            sampler = RssSampler(child_pid("streamlit"))
            sampler.sample()
            idle = sampler.last
            sampler.start()
            try:
                warm, results = asyncio.run(asyncio.wait_for(drive(url, args.sessions, args.timeout_s), args.timeout_s))
            finally:
                sampler.stop()
    for r in results:
        took = f"{r['seconds']:.2f} s" if r["seconds"] is not None else "—"
        print(f"session {r['session']:>2} {r['mode']:<8} {took:>9}  {r['error'] or 'ok'}")
    times = [r["seconds"] for r in results if r["seconds"] is not None and not r["error"]]
    ordered = sorted(times)

    def pct(q: float) -> float | None:
        return round(ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))], 2) if ordered else None

    summary = {
        "bench": "app_load",
        "commit": commit(),
        "sessions": args.sessions,
        "errors": sum(1 for r in results if r["error"]),
        "p50_s": pct(0.5),
        "p95_s": pct(0.95),
        "max_s": round(max(times), 2) if times else None,
        "mean_s": round(statistics.fmean(times), 2) if times else None,
        "first_answer_s": round(warm, 2),
        "server_rss_mib_before": round(idle, 1),
        "server_rss_mib_peak": round(sampler.peak, 1),
        "server_rss_mib_after": round(sampler.last, 1),
        "corpus": corpus,
        "cpus": os.cpu_count(),
        "load_avg_1m_start_end": [round(load_start, 1), round(os.getloadavg()[0], 1)],  # a shared machine shows here
    }
    print(json.dumps(summary))


if __name__ == "__main__":
    main()
