"""The Library page: every document of the manifest with its metadata and what the index holds of it, and what
changed between two versions of one text."""

from __future__ import annotations

import html

import streamlit as st

from govqa import Answerer, GovQAError
from govqa.ui.markup import literal
from govqa.ui.viewer import library_rows
from govqa.workflows.library import Library
from govqa.workflows.packs import change_json, diff_json, diff_markdown, words_html
from govqa.workflows.versions import diff_versions, version_pairs

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
        "relations",
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

# ---------------------------------------------------------------- what changed between two versions

st.markdown("#### What changed between two versions")
library: Library = st.session_state["library"]
present = [d.id for d in manifest.documents if d.id in library.indexed]
pairs = version_pairs(library.documents, library.indexed)
titles = {d.id: d.short_title for d in manifest.documents}
st.caption(
    "Versions and editions of one text, as the manifest links them: "
    + ("; ".join(f"{titles[a]} → {titles[b]}" for a, b in pairs) or "none indexed")
    + ". Provisions are aligned by number (or heading) and compared word by word."
)
default = pairs[0] if pairs else (None, None)
a_id, b_id = (
    column.selectbox(label, present, index=present.index(d) if d else None, format_func=titles.get, key=key)
    for column, label, d, key in zip(
        st.columns(2), ("Earlier version", "Later version"), default, ("diff_a", "diff_b"), strict=True
    )
)
if a_id and b_id:
    try:
        diff = diff_versions(library, a_id, b_id)
    except GovQAError as exc:
        st.warning(str(exc))
    else:
        st.markdown(f"Versions of one text: {html.escape(diff.relation)}.")
        cols = st.columns(4)
        for col, (change, n) in zip(cols, diff.counts().items(), strict=True):
            col.metric(change, n)
        for p in diff.provisions:
            if p.change == "unchanged":
                continue
            with st.expander(literal(f"{p.locator} — {p.change}"), expanded=False):
                a_cite, b_cite = (change_json(diff, p)[k] for k in ("a_cite", "b_cite"))
                st.caption(" · ".join(f"{side}: {c}" for side, c in (("a", a_cite), ("b", b_cite)) if c))
                body = words_html(p) if p.change == "changed" else html.escape(p.b_text or p.a_text)
                st.markdown(f"<div class='passage diff'>{body.replace(chr(10), '<br>')}</div>", unsafe_allow_html=True)
        md, js = st.columns(2)
        md.download_button("Markdown", diff_markdown(diff), "govqa-diff.md", "text/markdown", key="diff_md")
        js.download_button("JSON", diff_json(diff), "govqa-diff.json", "application/json", key="diff_json")
