"""The chat page: modes, filters, follow-ups in context, citation cards, source viewer, export."""

from __future__ import annotations

import html
from typing import Any

import streamlit as st

from govqa import MODES, Answer, Answerer, Chunk, Citation, Filters, GovQAError, Settings, require_file
from govqa.assessment.prefill import prefill_facts
from govqa.ui.cards import card_body_html, card_head_html
from govqa.ui.conversation import Turn, rewrite
from govqa.ui.export import CLOSEST_NOTE, citation_string, conversation_json, conversation_markdown
from govqa.ui.markup import literal
from govqa.ui.viewer import chunk_of, provision_context, render_page, status_badge

MODE_LABELS = {
    "ask": "Ask",
    "claim": "Check a claim",
    "applies": "Does this apply to me?",
    "compare": "Compare",
    "quote": "Quote a provision",
}
MODE_HINTS = {
    "ask": "Ask about the EU AI Act, Japan's AI Promotion Act, NIST AI RMF, Korea's AI Basic Act…",
    "claim": "Paste a claim to check, e.g. “The AI Act fines can reach 7% of turnover.”",
    "applies": "Describe your situation, e.g. “We deploy a chatbot for customers in Japan and the EU.”",
    "compare": "Name the topic and the jurisdictions, e.g. “Compare transparency duties in the EU and Japan.”",
    "quote": "Name the provision, e.g. “Article 50(1) of the AI Act”.",
}
EXAMPLES = (
    "Which article of the AI Act requires chatbots to tell people they are talking to an AI?",
    "What does Japan's AI Promotion Act ask of businesses?",
    "What does the NIST AI RMF say about governance?",
)
USER_AVATAR, GOVQA_AVATAR = ":material/person:", ":material/balance:"

answerer: Answerer = st.session_state["answerer"]
settings: Settings = st.session_state["settings"]
docs = answerer.retriever.documents
indexed = sorted({c.doc_id for c in answerer.retriever.chunks} & set(docs), key=lambda i: docs[i].short_title)
turns: list[Turn] = st.session_state.setdefault("turns", [])


@st.cache_data(show_spinner=False, max_entries=64)
def page_image(doc_id: str, page: int, quote: str) -> tuple[bytes, bool] | str:
    """The rendered page with the quote boxed, or why it cannot be shown."""
    doc = docs[doc_id]
    try:
        path = require_file(doc, settings.cache_dir, settings.corpus_mirror)
        image = render_page(path, page, quote)
    except GovQAError as exc:
        return str(exc)
    return image.png, image.marked


def cited_chunk(c: Citation, ans: Answer) -> Chunk | None:
    return chunk_of((p.chunk for p in ans.passages), c.doc_id, c.quote_start, c.quote_end) or chunk_of(
        answerer.retriever.chunks, c.doc_id, c.quote_start, c.quote_end
    )


def render_source_viewer(c: Citation, key: str) -> None:
    doc = docs.get(c.doc_id)
    view = provision_context(answerer.retriever.chunks, c.doc_id, c.quote_start, c.quote_end)
    tabs = st.tabs(["Full provision", "PDF page"] if doc and doc.is_pdf and c.page else ["Full provision"])
    with tabs[0]:
        if view is None:
            st.caption("The stored text of this provision is not in the index.")
        else:
            st.caption(f"{literal(view.title)} — the whole provision from the indexed text ({view.chunks} passages)")
            st.markdown(f"<div class='fulltext'>{view.html()}</div>", unsafe_allow_html=True)
    if len(tabs) > 1 and c.page:
        with tabs[1], st.spinner("Rendering the page…"):
            got = page_image(c.doc_id, c.page, c.quote)
            if isinstance(got, str):
                st.warning(got)
            else:
                png, marked = got
                st.image(
                    png,
                    caption=f"{c.short_title}, p. {c.page}"
                    + ("" if marked else " (the quote could not be located on the page image)"),
                )


def render_citation(c: Citation, ans: Answer, key: str) -> None:
    chunk = cited_chunk(c, ans)
    with st.container(border=True):
        st.markdown(card_head_html(c), unsafe_allow_html=True)
        st.markdown(card_body_html(c, chunk), unsafe_allow_html=True)
        st.code(citation_string(c), language=None, wrap_lines=True)
        left, right = st.columns([1, 1])
        show = left.toggle("Open in source", key=f"src-{key}")
        with right.expander("File identity"):
            st.markdown(
                f"version: {literal(c.version) if c.version else '—'}  \n"
                f"status: {status_badge(c.status, c.legal_effect, c.effect_label)}  \n"
                f"document id: `{c.doc_id}`  \ncharacters {c.quote_start}–{c.quote_end} of the parsed text"
            )
            st.code(c.sha256 or "(no checksum)", language=None)
        if show:
            render_source_viewer(c, key)


def render_answer(turn: Turn, index: int, *, latest: bool = True) -> None:
    """The answer; the sources of earlier answers fold into an expander so the newest stays in view."""
    ans = turn.answer
    if turn.query != turn.question:
        st.caption(f"Searched for: “{literal(turn.query)}”")
    if ans.notice:
        st.info(literal(ans.notice), icon=":material/info:")
    # one sentence says little of a business: the assessment asks the rest,
    # starting from what the question says (offered even when the texts retrieved do not answer it)
    offer = ans.mode == "applies" and latest
    if offer and st.button(
        "Answer a few questions for a full assessment", icon=":material/checklist:", key=f"a-{index}"
    ):
        st.session_state["assess_prefill"] = prefill_facts(turn.question).to_json()
        st.switch_page("pages/assess.py")
    if ans.refused:
        st.warning(literal(ans.text, bullets=True))
        for why in dict.fromkeys(r for r in (ans.short_answer, ans.verdict_reason) if r):  # the gate's reason
            st.caption(literal(why))
        if ans.passages:
            st.markdown(f"<div class='closest-title'>Closest passages — {CLOSEST_NOTE}</div>", unsafe_allow_html=True)
            for p in ans.passages[:3]:
                title = p.document.short_title if p.document else p.chunk.doc_id
                text = " ".join(p.chunk.text.split())
                snippet = html.escape(text[:280] + ("…" if len(text) > 280 else ""))
                st.markdown(
                    f"<div class='closest'><b>{html.escape(title)}</b>, {html.escape(p.chunk.locator)} "
                    f"{p.chunk.page_label}<span class='badge old'>does not answer</span><br>{snippet}</div>",
                    unsafe_allow_html=True,
                )
        return
    if ans.short_answer:  # the answer to the question as asked, before the quotes that support it
        st.markdown(f"<div class='short-answer'>{html.escape(ans.short_answer)}</div>", unsafe_allow_html=True)
    st.markdown(literal(ans.text, bullets=True))
    if ans.verdict:
        st.info(f"Verdict: **{ans.verdict.replace('_', ' ')}** — {literal(ans.verdict_reason)}")
    if not ans.citations:
        return
    if latest:
        st.markdown("<div class='sources-title'>Sources</div>", unsafe_allow_html=True)
    with st.container() if latest else st.expander(f"Sources ({len(ans.citations)})", icon=":material/format_quote:"):
        for c in ans.citations:
            render_citation(c, ans, f"{index}-{c.n}")


def chosen_filters() -> tuple[Filters, dict[str, Any]]:
    with st.sidebar:
        st.markdown("#### Mode")
        st.radio("Mode", MODES, format_func=MODE_LABELS.__getitem__, key="mode", label_visibility="collapsed")
        st.markdown("#### Filters")
        jurisdictions = st.multiselect("Jurisdiction", sorted({docs[i].jurisdiction for i in indexed}))
        chosen = st.multiselect("Documents", indexed, format_func=lambda i: docs[i].short_title)
        old = st.checkbox("Include superseded and revoked texts")
    filters = Filters(jurisdictions=tuple(jurisdictions), doc_ids=tuple(chosen), include_superseded=old or None)
    return filters, {"jurisdictions": jurisdictions, "documents": chosen, "include_superseded": old}


def export_buttons() -> None:
    with st.sidebar:
        st.markdown("#### Conversation")
        if not turns:
            st.caption("Ask a question; the conversation can then be exported with its citations.")
            return
        left, right = st.columns(2)
        left.download_button(
            "Markdown",
            conversation_markdown(turns),
            "govqa-conversation.md",
            "text/markdown",
            icon=":material/download:",
            use_container_width=True,
        )
        right.download_button(
            "JSON",
            conversation_json(turns),
            "govqa-conversation.json",
            "application/json",
            icon=":material/download:",
            use_container_width=True,
        )
        if st.button("New conversation", icon=":material/restart_alt:", use_container_width=True):
            turns.clear()
            st.rerun()


filters, filter_values = chosen_filters()
mode = st.session_state["mode"]

st.markdown("<div class='brand'>govqa <span>AI-governance texts, quoted and cited</span></div>", unsafe_allow_html=True)
typed = st.chat_input(MODE_HINTS[mode])  # pinned to the bottom wherever it is called
pending = st.session_state.pop("pending", None)  # an example question clicked (set by its button's callback)
if not turns and not pending and not typed:
    st.markdown(
        "<div class='intro'>Every sentence of an answer is a verbatim quote from the texts, with its "
        "provision, page and source file. Follow-up questions keep their context; pick a mode and filters "
        "in the sidebar.</div>",
        unsafe_allow_html=True,
    )
    st.caption("Try one:")
    for n, example in enumerate(EXAMPLES):
        st.button(
            example,
            key=f"example-{n}",
            icon=":material/arrow_forward:",
            type="tertiary",
            on_click=st.session_state.__setitem__,
            args=("pending", example),
        )

for i, turn in enumerate(turns):
    with st.chat_message("user", avatar=USER_AVATAR):
        st.markdown(literal(turn.question))
    with st.chat_message("assistant", avatar=GOVQA_AVATAR):
        render_answer(turn, i, latest=i == len(turns) - 1 and not (typed or pending))

if question := typed or pending:
    with st.chat_message("user", avatar=USER_AVATAR):
        st.markdown(literal(question))
    with st.chat_message("assistant", avatar=GOVQA_AVATAR):
        try:
            plan = rewrite(question, [t.exchange() for t in turns], answerer.retriever.router)
            with st.spinner("Searching the texts…"):
                answer = answerer.answer(plan.query, mode=mode, filters=filters)
            turn = Turn(plan.question, plan.query, answer, filter_values)
            turns.append(turn)
            render_answer(turn, len(turns) - 1)
        except GovQAError as exc:
            st.error(literal(str(exc)))

export_buttons()  # after the chat, so the sidebar offers the answer just given
