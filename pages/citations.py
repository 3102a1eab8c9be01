"""The Citation pack page: a list of references (or the conversation's citations) → each provision's verbatim
text with locator, pages, link, version, status and sha256; downloads as Markdown, JSON or CSV."""

from __future__ import annotations

import html

import streamlit as st

from govqa import GovQAError
from govqa.ui.cards import badge_html
from govqa.ui.conversation import Turn
from govqa.workflows.citations import (
    CitedProvision,
    PackEntry,
    Unresolved,
    citation_pack,
    pack_of_citations,
    split_references,
)
from govqa.workflows.library import Library
from govqa.workflows.packs import pack_csv, pack_json, pack_markdown

PLACEHOLDER = "EU AI Act Art. 9, 10(2)–(5), 13; Annex III point 4\nAPPI Art. 27\nAI推進法 第7条\nGOVERN 1.2"

library: Library = st.session_state["library"]
docs = library.documents
indexed = sorted(library.indexed & set(docs), key=lambda i: docs[i].short_title)
turns: list[Turn] = st.session_state.get("turns", [])

st.markdown(
    "<div class='brand'>Citation pack <span>the exact text of a list of provisions, to attach to a report</span></div>",
    unsafe_allow_html=True,
)
refs_text = st.text_area(
    "References, one per line or separated by semicolons",
    key="pack_refs",
    placeholder=PLACEHOLDER,
    help="Write the text's name before a reference (“EU AI Act Art. 9”) or choose the document below; "
    "a reference several texts hold is listed as ambiguous, never guessed.",
)
only = st.selectbox(
    "Resolve every reference in",
    ["", *indexed],
    format_func=lambda i: docs[i].short_title if i else "the text each reference names (or the only one holding it)",
    key="pack_doc",
)
build, from_chat = st.columns(2)
if build.button("Build the pack", icon=":material/format_quote:", type="primary", key="build_pack"):
    try:
        st.session_state["pack"] = citation_pack(split_references(refs_text), library, only or None)
    except GovQAError as exc:
        st.error(str(exc))
cited = [c for t in turns for c in t.answer.citations]
if from_chat.button("Pack this conversation's citations", icon=":material/forum:", disabled=not cited, key="pack_chat"):
    st.session_state["pack"] = pack_of_citations(cited, library)

pack: list[PackEntry] = st.session_state.get("pack", [])


def render(n: int, entry: CitedProvision) -> None:
    doc = entry.document
    page = f" · {entry.page_label}" if entry.page_label else ""
    link = f" · <a href='{html.escape(entry.url, quote=True)}' target='_blank'>official source ↗</a>"
    with st.container(border=True):
        st.markdown(
            f"<div class='cite-head'><span class='cite-n'>{n}</span><b>{html.escape(doc.short_title)}</b>"
            f"{badge_html(doc.status, doc.legal_effect)}</div>"
            f"<div class='cite-loc'><b>{html.escape(entry.locator)}</b>{page}{link}</div>"
            f"<div class='cite-loc'>asked as “{html.escape(entry.ref)}”</div>",
            unsafe_allow_html=True,
        )
        body = html.escape(entry.text).replace("\n", "<br>")
        st.markdown(f"<div class='passage pack-text'>{body}</div>", unsafe_allow_html=True)
        st.caption(f"{doc.title} · version: {doc.version or '—'}")
        st.code(doc.sha256, language=None)


if pack:
    resolved = [e for e in pack if isinstance(e, CitedProvision)]
    st.markdown(f"**{len(resolved)} of {len(pack)} references resolved**")
    for entry in pack:
        if isinstance(entry, Unresolved):
            st.warning(f"**{entry.ref}** — not resolved: {entry.error}")
    for n, entry in enumerate(resolved, 1):
        render(n, entry)
    md, js, cs = st.columns(3)
    md.download_button("Markdown", pack_markdown(pack), "govqa-citation-pack.md", "text/markdown", key="pack_md")
    js.download_button("JSON", pack_json(pack), "govqa-citation-pack.json", "application/json", key="pack_json")
    cs.download_button("CSV", pack_csv(pack), "govqa-citation-pack.csv", "text/csv", key="pack_csv")
