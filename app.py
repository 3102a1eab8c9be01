"""govqa's Streamlit app: widgets, session state and rendering only; everything else is `govqa`."""

from __future__ import annotations

import streamlit as st

from govqa.errors import GovQAError
from govqa.retrieval import Filters, Retriever
from govqa.settings import Settings

st.set_page_config(page_title="govqa — AI governance, cited", page_icon="⚖️", layout="wide")


@st.cache_resource(show_spinner="Loading the index and models…")
def load_retriever() -> Retriever:
    return Retriever(Settings())


def render_passage(i: int, passage) -> None:  # type: ignore[no-untyped-def]
    chunk, doc = passage.chunk, passage.document
    title = doc.short_title if doc else chunk.doc_id
    where = ", ".join(x for x in (chunk.locator, chunk.page_label) if x)
    with st.container(border=True):
        st.markdown(f"**[{i}] {title}** — {where}")
        if doc:
            badge = {"in_force": "in force", "current": "current", "superseded": "superseded", "revoked": "revoked"}
            effect = " · translation without legal effect" if doc.legal_effect == "reference_translation" else ""
            url = doc.official_url + (f"#page={chunk.page_start}" if doc.is_pdf and chunk.page_start else "")
            st.caption(f"{badge.get(doc.status, doc.status)}{effect} · {doc.version} · [official source]({url})")
        st.text(chunk.text)
        with st.expander("Provenance"):
            st.json(
                {
                    "doc": chunk.doc_id,
                    "locator": chunk.locator,
                    "heading": chunk.heading,
                    "pages": [chunk.page_start, chunk.page_end],
                    "chars": [chunk.char_start, chunk.char_end],
                    "sha256": doc.sha256 if doc else "",
                    "scores": passage.scores,
                }
            )


st.title("govqa")
st.caption("Japanese and international AI-governance texts, with the passages that say it.")
try:
    retriever = load_retriever()
except GovQAError as exc:
    st.error(f"{exc}")
    st.info("Build the index with `make ingest` (or `govqa ingest --mirror ../shared/corpus`).")
    st.stop()

with st.sidebar:
    st.header("Filters")
    jurisdictions = sorted({d.jurisdiction for d in retriever.documents.values()})
    chosen = st.multiselect("Jurisdiction", jurisdictions)
    include_old = st.checkbox("Include superseded and revoked texts")
    k = st.slider("Passages", 3, 20, 8)
    st.caption(f"Index: {len(retriever.chunks)} chunks from {len({c.doc_id for c in retriever.chunks})} documents")

if "history" not in st.session_state:
    st.session_state.history = []

for role, content in st.session_state.history:
    with st.chat_message(role):
        st.markdown(content)

if question := st.chat_input("Ask about the EU AI Act, Japan's AI Promotion Act, NIST AI RMF…"):
    st.session_state.history.append(("user", question))
    with st.chat_message("user"):
        st.markdown(question)
    with st.chat_message("assistant"):
        try:
            passages = retriever.retrieve(
                question, Filters(jurisdictions=tuple(chosen), include_superseded=include_old or None), k
            )
        except GovQAError as exc:
            st.error(str(exc))
            passages = []
        if passages:
            st.markdown("The passages that bear on your question, best first:")
            for i, p in enumerate(passages, 1):
                render_passage(i, p)
            st.session_state.history.append(("assistant", f"{len(passages)} passages shown."))
        else:
            st.warning("No passage in the selected documents matches this question.")
