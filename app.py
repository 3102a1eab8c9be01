"""govqa's Streamlit app: widgets, session state and rendering only; everything else is `govqa`."""

from __future__ import annotations

import html

import streamlit as st

from govqa.answering import MODES, Answer, Answerer
from govqa.errors import GovQAError
from govqa.export import citation_string, to_json, to_markdown
from govqa.retrieval import Filters
from govqa.settings import Settings

MODE_LABELS = {"ask": "Ask", "claim": "Check a claim", "applies": "Does this apply to me?",
               "compare": "Compare jurisdictions", "quote": "Quote a provision"}
STATUS_BADGES = {"in_force": "🟢 in force", "current": "🔵 current", "superseded": "🟠 superseded",
                 "revoked": "🔴 revoked"}

st.set_page_config(page_title="govqa — AI governance, cited", page_icon="⚖️", layout="wide")


@st.cache_resource(show_spinner="Loading the index and models…")
def load_answerer(settings_json: str) -> Answerer:
    """One answerer per distinct configuration, shared by every session and rerun."""
    return Answerer(Settings.model_validate_json(settings_json))


def render_citation(c) -> None:  # type: ignore[no-untyped-def]
    badge = STATUS_BADGES.get(c.status, c.status)
    if c.legal_effect == "reference_translation":
        badge += " · translation without legal effect"
    with st.container(border=True):
        page = f" · p. {c.page}" if c.page else ""
        st.markdown(f"**[{c.n}] {c.short_title} — {c.locator}**{page}  \n{badge} · [official source]({c.url})")
        st.markdown(f"<mark>{html.escape(' '.join(c.quote.split()))}</mark>", unsafe_allow_html=True)
        st.code(citation_string(c), language=None)
        with st.expander("File identity"):
            st.write({"version": c.version, "sha256": c.sha256, "chars": [c.quote_start, c.quote_end]})


def render_answer(ans: Answer) -> None:
    if ans.refused:
        st.warning(ans.text)
        if ans.passages:
            st.caption("Closest passages found — they do not answer the question:")
            for p in ans.passages[:3]:
                title = p.document.short_title if p.document else p.chunk.doc_id
                st.markdown(f"- {title}, {p.chunk.locator} {p.chunk.page_label}")
        return
    st.markdown(ans.text)
    if ans.verdict:
        st.info(f"Verdict: **{ans.verdict}** — {ans.verdict_reason}")
    for c in ans.citations:
        render_citation(c)


st.title("govqa")
st.caption("Japanese and international AI-governance texts — every sentence is a quote with its source.")
try:
    answerer = load_answerer(Settings().model_dump_json())
except GovQAError as exc:
    st.error(str(exc))
    st.info("Build the index first: `make ingest` (or `govqa ingest --mirror ../shared/corpus`).")
    st.stop()

docs = answerer.retriever.documents
with st.sidebar:
    mode = st.radio("Mode", MODES, format_func=MODE_LABELS.__getitem__)
    jurisdictions = st.multiselect("Jurisdiction", sorted({d.jurisdiction for d in docs.values()}))
    chosen_docs = st.multiselect("Documents", sorted(docs), format_func=lambda i: docs[i].short_title)
    include_old = st.checkbox("Include superseded and revoked texts")
    st.divider()
    st.caption("Answer engine: extractive (verbatim quotes, no LLM)")
    chunks = answerer.retriever.chunks
    st.caption(f"Index: {len(chunks)} chunks from {len({c.doc_id for c in chunks})} documents")

if "answers" not in st.session_state:
    st.session_state.answers = []

for ans in st.session_state.answers:
    with st.chat_message("user"):
        st.markdown(ans.question)
    with st.chat_message("assistant"):
        render_answer(ans)

if question := st.chat_input("Ask about the EU AI Act, Japan's AI Promotion Act, NIST AI RMF…"):
    with st.chat_message("user"):
        st.markdown(question)
    with st.chat_message("assistant"):
        try:
            with st.spinner("Searching the texts…"):
                ans = answerer.answer(question, mode=mode, filters=Filters(
                    jurisdictions=tuple(jurisdictions), doc_ids=tuple(chosen_docs),
                    include_superseded=include_old or None))
            st.session_state.answers.append(ans)
            render_answer(ans)
        except GovQAError as exc:
            st.error(str(exc))

if st.session_state.answers:
    left, right = st.columns(2)
    left.download_button("Export Markdown", to_markdown(st.session_state.answers), "govqa.md", "text/markdown")
    right.download_button("Export JSON", to_json(st.session_state.answers), "govqa.json", "application/json")

