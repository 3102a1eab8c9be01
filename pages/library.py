"""The Library page: every document of the manifest with its metadata and what the index holds of it."""

from __future__ import annotations

import streamlit as st

from govqa import Answerer
from govqa.ui.viewer import library_rows

answerer: Answerer = st.session_state["answerer"]
manifest = answerer.retriever.manifest
rows = library_rows(manifest.documents, answerer.retriever.chunks)
indexed = [r for r in rows if r["indexed"]]

st.markdown("<style>.block-container { max-width: 1400px; }</style>", unsafe_allow_html=True)  # a wide table
st.markdown("<div class='brand'>Library <span>the texts govqa answers from</span></div>", unsafe_allow_html=True)
a, b, c = st.columns(3)
a.metric("Documents in the manifest", len(rows))
b.metric("Indexed", len(indexed))
c.metric("Passages in the index", f"{sum(int(str(r['chunks'])) for r in rows):,}")
if len(indexed) < len(rows):
    st.info(
        f"{len(rows) - len(indexed)} document(s) are not in the index yet; `make ingest` "
        "(or `govqa ingest --mirror DIR`) adds them."
    )

st.dataframe(
    rows,
    hide_index=True,
    use_container_width=True,
    column_order=[
        "document",
        "jurisdiction",
        "type",
        "language",
        "version",
        "status",
        "indexed",
        "chunks",
        "official source",
        "sha256",
    ],
    column_config={
        "official source": st.column_config.LinkColumn("official source", display_text="open ↗"),
        "indexed": st.column_config.CheckboxColumn("indexed"),
        "chunks": st.column_config.NumberColumn("passages"),
        "sha256": st.column_config.TextColumn("sha256", width="small"),
    },
)

if manifest.references:
    st.markdown("#### Important texts not mirrored yet")
    st.dataframe(
        [
            {
                "document": d.short_title,
                "jurisdiction": d.jurisdiction,
                "status": d.status,
                "version": d.version,
                "official source": d.official_url,
            }
            for d in manifest.references
        ],
        hide_index=True,
        use_container_width=True,
        column_config={"official source": st.column_config.LinkColumn("official source", display_text="open ↗")},
    )
