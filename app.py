"""govqa's Streamlit app — the frame: page setup, the cached answerer, engine and index status, navigation.

Widgets, session state and rendering only; everything else is `govqa`. Pages: pages/ask.py (the
chat), pages/library.py (the corpus, what the index holds of it, version diffs) and pages/citations.py (citation
packs); a further job (checking an article) is one more page in the navigation below.
"""

from __future__ import annotations

import html
from pathlib import Path

import streamlit as st
from pydantic import ValidationError

from govqa import PROJECT_ROOT, Answerer, GovQAError, IndexMissingError, LLMError, Settings, ingest, make_answerer
from govqa.index.embedders import EmbedderFactory
from govqa.workflows.library import Library

HERE = Path(__file__).parent
DEFAULT_MIRROR = PROJECT_ROOT.parent / "shared" / "corpus"  # where `make run` looks for the corpus files
ENGINES = {
    "none": ("Extractive", "verbatim quotes only, no language model"),
    "llamacpp": ("Local LLM", "llama.cpp on this machine; quotes verified against the texts"),
    "openai": ("Remote LLM", "OpenAI-compatible server; quotes verified against the texts"),
}

st.set_page_config(page_title="govqa — AI governance texts, cited", page_icon="⚖️", layout="wide")
st.markdown(f"<style>{(HERE / '.streamlit' / 'govqa.css').read_text(encoding='utf-8')}</style>", unsafe_allow_html=True)


@st.cache_resource(show_spinner="Loading the index and the embedding models…")
def load_answerer(settings_json: str, _embedders: EmbedderFactory | None = None) -> tuple[Answerer, str]:
    """One answerer per distinct configuration, shared by every session and rerun; an LLM backend that
    cannot start leaves the extractive engine and a warning saying why. `_embedders` builds the embedding
    models instead of the packaged ones (a test's stand-in; not part of the cache key)."""
    settings = Settings.model_validate_json(settings_json)
    try:
        return make_answerer(settings, embedders=_embedders), ""
    except LLMError as exc:
        extractive = settings.model_copy(update={"llm": settings.llm.model_copy(update={"backend": "none"})})
        answerer = make_answerer(extractive, embedders=_embedders)
        return answerer, f"The configured LLM could not start ({exc}); answering extractively."


@st.cache_resource(show_spinner=False)
def load_library(settings_json: str, _answerer: Answerer) -> Library:
    """What the citation pack and the version diff read, built once per answerer (its locators read once)."""
    return Library.of_retriever(_answerer.retriever)


def engine_label(settings: Settings) -> tuple[str, str]:
    name, detail = ENGINES[settings.llm.backend]
    if settings.llm.backend == "openai" and settings.llm.base_url:
        detail = f"{settings.llm.model or 'model'} at {settings.llm.base_url}; quotes verified against the texts"
    return name, detail


try:
    settings = Settings()
except ValidationError as exc:
    st.error(f"The settings are invalid (govqa.toml or GOVQA_* variables): {exc}")
    st.stop()
# The embedding models: the packaged ones, unless the session was given a factory (tests drive the app with a
# keyword-count stand-in through Streamlit's AppTest).
embedder_factory: EmbedderFactory | None = st.session_state.get("embedder_factory")
try:
    answerer, engine_warning = load_answerer(settings.model_dump_json(), embedder_factory)
except IndexMissingError as exc:
    st.title("govqa")
    st.error(f"No index yet. {exc}")
    st.info(
        "Build the index of the corpus, then reload this page:\n\n"
        "```bash\nmake ingest        # or: govqa ingest --mirror ../shared/corpus\n```\n\n"
        "`make run` does both: it builds the index and starts this app. Your own files: "
        "`govqa ingest --add FILE.pdf`."
    )
    mirror = settings.corpus_mirror or DEFAULT_MIRROR
    if mirror.is_dir() and st.button(f"Build the index now from {mirror}", icon=":material/build:"):
        bar = st.progress(0.0, text="Loading the embedding models…")
        mirrored = settings.model_copy(update={"corpus_mirror": mirror})
        reports = ingest(
            mirrored,
            embedders=embedder_factory(mirrored) if embedder_factory else None,
            progress=lambda label, done, total: bar.progress(done / max(total, 1), text=label),
        )
        failed = [r for r in reports if r.state == "failed"]
        for r in failed:
            st.error(f"{r.doc_id}: {r.error}")
        if not failed:
            load_answerer.clear()
            st.rerun()
    st.stop()
except GovQAError as exc:
    st.title("govqa")
    st.error(str(exc))
    st.stop()

st.session_state["answerer"] = answerer
st.session_state["library"] = load_library(settings.model_dump_json(), answerer)
st.session_state["settings"] = settings

page = st.navigation(
    [
        st.Page(HERE / "pages" / "ask.py", title="Ask the texts", icon=":material/forum:", default=True),
        st.Page(HERE / "pages" / "assess.py", title="Does this apply to me?", icon=":material/checklist:"),
        st.Page(HERE / "pages" / "check.py", title="Check an article", icon=":material/fact_check:"),
        st.Page(HERE / "pages" / "library.py", title="Library", icon=":material/library_books:"),
        st.Page(HERE / "pages" / "citations.py", title="Citation pack", icon=":material/format_quote:"),
    ]
)

with st.sidebar:
    name, detail = (html.escape(part) for part in engine_label(answerer.settings))
    if engine_warning:
        st.warning(engine_warning)
    chunks = answerer.retriever.chunks
    indexed = {c.doc_id for c in chunks}
    st.markdown(
        f"<div class='status-box'><div><span class='dot on'></span><b>Engine:</b> {name}</div>"
        f"<div class='muted'>{detail}</div>"
        f"<div><span class='dot on'></span><b>Index:</b> {len(indexed)} documents · {len(chunks):,} passages</div>"
        f"</div>",
        unsafe_allow_html=True,
    )

page.run()
