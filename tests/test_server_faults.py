"""The Chroma server path under faults: a server SIGKILLed mid-ingest, a server that is down or stalls, a server
that requires a bearer token.

Every server here is a real `chroma run --path DIR --host 127.0.0.1 --port N` started and stopped (by its pid)
in this file. Chroma 1.x's own server has no authentication (chroma-core/chroma#4965: the auth settings of 0.x
are ignored), so a token is enforced the way such a deployment does it: a reverse proxy in front of the server,
here a loopback one that answers 401 to any request without `Authorization: Bearer <token>`.
"""

from __future__ import annotations

import http.client
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
from conftest import KeywordEmbedder, fake_embedders, index_snapshot, make_settings
from fixture_corpus import build_corpus

from govqa.errors import StoreUnavailableError
from govqa.index.embed_cache import CACHE_FILE
from govqa.index.pipeline import ingest, open_store
from govqa.index.store import close_client, free_port
from govqa.settings import Settings, StoreSettings

pytestmark = pytest.mark.slow  # real Chroma servers, started and stopped several times

TOKEN = "s3cret-team-token"
CHROMA = shutil.which("chroma", path=os.path.dirname(sys.executable)) or shutil.which("chroma")


class ChromaServer:
    """`chroma run` on a fixed loopback port over one data folder, which can be SIGKILLed and started again."""

    def __init__(self, data_dir: Path, log: Path) -> None:
        assert CHROMA, "the `chroma` command ships with the chromadb package"
        self.data_dir, self.log, self.port = data_dir, log, free_port()
        self.proc: subprocess.Popen[bytes] | None = None

    def start(self, timeout_s: float = 60) -> None:
        with self.log.open("ab") as out:
            self.proc = subprocess.Popen(
                [CHROMA, "run", "--path", str(self.data_dir), "--host", "127.0.0.1", "--port", str(self.port)],
                stdout=out,
                stderr=subprocess.STDOUT,
                env={**os.environ, "ANONYMIZED_TELEMETRY": "False"},
            )
        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline:
            assert self.proc.poll() is None, self.log.read_text(errors="replace")
            try:
                conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=2)
                conn.request("GET", "/api/v2/heartbeat")
                if conn.getresponse().status == 200:
                    return
            except OSError:
                time.sleep(0.2)
            finally:
                conn.close()
        pytest.fail(f"chroma did not answer on 127.0.0.1:{self.port} within {timeout_s} s")

    def kill(self) -> None:
        """SIGKILL: no shutdown, no flush."""
        if self.proc and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGKILL)
            self.proc.wait(timeout=20)

    def stop(self) -> None:
        if self.proc and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.kill()


@pytest.fixture
def server(tmp_path: Path) -> Iterator[ChromaServer]:
    srv = ChromaServer(tmp_path / "server-data", tmp_path / "chroma.log")
    srv.start()
    try:
        yield srv
    finally:
        srv.stop()


def _server_settings(root: Path, port: int, **store: Any) -> Settings:
    return make_settings(root, store=StoreSettings(mode="server", port=port, **store))


def server_snapshot(settings: Settings) -> dict[str, list[tuple[str, str, str, tuple[float, ...]]]]:
    """What the server's govqa collections hold, in the shape of conftest.index_snapshot (embedded)."""
    store = open_store(settings, fake_embedders())
    try:
        out = {}
        for coll in store.client.list_collections():
            got = store.client.get_collection(coll.name).get(include=["documents", "metadatas", "embeddings"])
            out[coll.name] = sorted(
                (cid, text or "", json.dumps(meta, sort_keys=True), tuple(round(float(x), 5) for x in vec))
                for cid, text, meta, vec in zip(
                    got["ids"], got["documents"], got["metadatas"], got["embeddings"], strict=True
                )
            )
        return out
    finally:
        close_client(store.client)


class KillingEmbedder(KeywordEmbedder):
    """A keyword embedder that SIGKILLs the server when it is asked to embed for the `at`-th time."""

    def __init__(self, name: str, server: ChromaServer, at: int) -> None:
        super().__init__(name)
        self.server, self.at, self.batches = server, at, 0

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        self.batches += 1
        if self.batches == self.at:
            self.server.kill()
        return super().embed_documents(texts)


@pytest.mark.parametrize("kill_at", [1, 2, 4], ids=["first-document", "second-document", "fourth-document"])
def test_server_killed_mid_ingest_then_rerun_matches_a_clean_build(
    tmp_path: Path, server: ChromaServer, kill_at: int
) -> None:
    """SIGKILL the server while a document is half written (its multilingual vectors stored, its dense ones not),
    restart it, ingest again: the server holds exactly the ids, texts, metadata and vectors of a clean embedded
    build, and the killed run reported failures instead of raising."""
    clean_root, server_root = tmp_path / "clean", tmp_path / "server"
    clean = make_settings(clean_root)
    manifest = build_corpus(clean.cache_dir)
    assert {r.state for r in ingest(clean, manifest=manifest, embedders=fake_embedders())} == {"ingested"}
    expected = index_snapshot(clean.index_dir)

    settings = _server_settings(server_root, server.port, timeout_s=10)
    # the same files (a PDF's bytes differ between two generations), not the clean build's embedding cache
    shutil.copytree(clean.cache_dir, settings.cache_dir, ignore=shutil.ignore_patterns(f"{CACHE_FILE}*"))
    killer = {
        "dense": KillingEmbedder("fake-keywords", server, kill_at),
        "multilingual": KeywordEmbedder("fake-keywords-2"),
    }
    store = open_store(settings, killer)
    try:
        t0 = time.monotonic()
        reports = ingest(settings, manifest=manifest, embedders=killer, store=store)
        assert time.monotonic() - t0 < 60
    finally:
        close_client(store.client)
    assert server.proc and server.proc.returncode == -signal.SIGKILL  # the kill happened during the run
    failed = [r for r in reports if r.state == "failed"]
    assert failed and all("Cannot reach the Chroma server at 127.0.0.1:" in r.error for r in failed), reports
    assert len(failed) == len(manifest.documents) - (kill_at - 1)

    server.start()
    store = open_store(settings, fake_embedders())
    try:
        again = ingest(settings, manifest=manifest, embedders=fake_embedders(), store=store)
    finally:
        close_client(store.client)
    assert {r.state for r in again} <= {"ingested", "unchanged"}, again
    assert [r.state for r in again].count("unchanged") == kill_at - 1  # documents finished before the kill
    got = server_snapshot(settings)
    assert got.keys() == expected.keys() == {"govqa-dense", "govqa-multilingual"}
    for name in expected:
        assert [row[:2] for row in got[name]] == [row[:2] for row in expected[name]]  # ids and texts
        assert got[name] == expected[name]  # and metadata and vectors


def _one_error_line(argv: list[str], env: dict[str, str], limit_s: float) -> tuple[str, float]:
    """Run `govqa …` in a process; it must end within `limit_s` with exit 1 and a single `error:` line."""
    t0 = time.monotonic()
    done = subprocess.run(
        [sys.executable, "-m", "govqa.cli", *argv],
        env={**os.environ, **env},
        capture_output=True,
        text=True,
        timeout=limit_s + 60,  # the test's own stop; the assertion below is the real limit
    )
    took = time.monotonic() - t0
    assert done.returncode == 1, (done.stdout, done.stderr)
    lines = [line for line in done.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("error: ") and "Traceback" not in done.stderr, done.stderr
    assert took < limit_s, f"took {took:.1f} s"
    return lines[0], took


@pytest.fixture
def cli_env(tmp_path: Path) -> dict[str, str]:
    """GOVQA_* for a `govqa` process in server mode (its port set by each test)."""
    settings = make_settings(tmp_path)
    return {
        "GOVQA_INDEX_DIR": str(settings.index_dir),
        "GOVQA_CACHE_DIR": str(settings.cache_dir),
        "GOVQA_MANIFEST": str(settings.manifest),
        "GOVQA_STORE__MODE": "server",
        "GOVQA_STORE__TIMEOUT_S": "3",
        "PYTHONPATH": os.pathsep.join(
            p for p in (str(Path(__file__).parents[1] / "src"), os.environ.get("PYTHONPATH")) if p
        ),
    }


def test_down_server_is_one_error_line_naming_host_and_port(cli_env: dict[str, str]) -> None:
    """Nothing listens on the port: `govqa chunks` ends at once with one line naming 127.0.0.1:port and the fix."""
    port = free_port()
    line, _ = _one_error_line(["chunks"], {**cli_env, "GOVQA_STORE__PORT": str(port)}, limit_s=30)
    assert f"127.0.0.1:{port}" in line and "chroma run" in line


@pytest.fixture
def stalled_port() -> Iterator[int]:
    """A loopback port that accepts connections and never answers (a hung server)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        sock.listen(16)
        yield int(sock.getsockname()[1])


def test_stalled_server_is_an_error_after_the_timeout_not_a_hang(cli_env: dict[str, str], stalled_port: int) -> None:
    """A server that accepts and never answers: one line naming it and the timeout, within about the timeout."""
    env = {**cli_env, "GOVQA_STORE__PORT": str(stalled_port)}
    line, took = _one_error_line(["chunks"], env, limit_s=30)
    assert f"127.0.0.1:{stalled_port}" in line and "did not answer within 3 s" in line
    assert took >= 3


class _TokenProxy(BaseHTTPRequestHandler):
    """Forwards to the Chroma server only the requests that carry the bearer token; 401 for the others."""

    upstream = 0
    seen: list[str]  # the Authorization header of every request, in order

    def _forward(self) -> None:
        auth = self.headers.get("Authorization", "")
        self.seen.append(auth)
        body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        if auth != f"Bearer {TOKEN}":
            self._reply(401, b'{"error":"Unauthorized","message":"missing or wrong bearer token"}')
            return
        conn = http.client.HTTPConnection("127.0.0.1", self.upstream, timeout=30)
        try:
            headers = {k: v for k, v in self.headers.items() if k.lower() not in ("host", "connection")}
            conn.request(self.command, self.path, body=body or None, headers=headers)
            resp = conn.getresponse()
            self._reply(resp.status, resp.read())
        finally:
            conn.close()

    def _reply(self, status: int, data: bytes) -> None:
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    do_GET = do_POST = do_PUT = do_DELETE = do_PATCH = _forward  # noqa: N815 (http.server's method names)

    def log_message(self, format: str, *args: Any) -> None:  # quiet: pytest's output is for failures
        pass


@pytest.fixture
def token_proxy(server: ChromaServer) -> Iterator[tuple[int, list[str]]]:
    """A loopback proxy that requires TOKEN in front of the server; yields its port and the headers it saw."""
    seen: list[str] = []
    handler = type("Handler", (_TokenProxy,), {"upstream": server.port, "seen": seen})
    proxy = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=proxy.serve_forever, daemon=True)
    thread.start()
    try:
        yield int(proxy.server_address[1]), seen
    finally:
        proxy.shutdown()
        proxy.server_close()
        thread.join(timeout=10)


@pytest.mark.parametrize(
    ("token", "fix"),
    [
        ("", "it requires a bearer token; set GOVQA_STORE__AUTH_TOKEN"),
        ("wrong", "the token in GOVQA_STORE__AUTH_TOKEN"),
    ],
)
def test_token_server_refuses_a_client_without_the_token(
    tmp_path: Path, token_proxy: tuple[int, list[str]], token: str, fix: str
) -> None:
    """Without the token (or with a wrong one) the store is refused with an error naming host:port and the fix."""
    port, seen = token_proxy
    settings = _server_settings(tmp_path, port, auth_token=token)
    with pytest.raises(StoreUnavailableError) as info:
        open_store(settings, fake_embedders())
    assert f"127.0.0.1:{port} refused govqa (HTTP 401)" in str(info.value) and fix in str(info.value)
    assert seen and all(h != f"Bearer {TOKEN}" for h in seen)


def test_token_server_serves_a_client_with_the_token(tmp_path: Path, token_proxy: tuple[int, list[str]]) -> None:
    """With GOVQA_STORE__AUTH_TOKEN set, every request carries it and an ingest goes through the proxy."""
    port, seen = token_proxy
    settings = _server_settings(tmp_path, port, auth_token=TOKEN)
    manifest = build_corpus(settings.cache_dir, ids=("fx-robot-act-2027",))
    store = open_store(settings, fake_embedders())
    try:
        reports = ingest(settings, manifest=manifest, embedders=fake_embedders(), store=store)
        assert [r.state for r in reports] == ["ingested"] and store.count() == reports[0].chunks > 0
    finally:
        close_client(store.client)
    assert len(seen) > 3 and set(seen) == {f"Bearer {TOKEN}"}
