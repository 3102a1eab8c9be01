"""Check an article: paste a draft or press release; each checkable sentence is marked by its claims' verdicts,
and each claim lists its short answer and citations (claim mode's engine, one claim at a time)."""

from __future__ import annotations

import html
import json

import streamlit as st

from govqa import Answer, Answerer, Filters
from govqa.ui.export import citation_string
from govqa.ui.markup import literal
from govqa.workflows.articles import ArticleCheck, CheckedClaim, check_article

# How a sentence is marked: the worst verdict among its claims decides (a refuted claim outweighs a supported one).
VERDICT_ORDER = ("refuted", None, "not_addressed", "supported")
VERDICT_LABELS = {
    "supported": "Supported",
    "refuted": "Contradicted",
    "not_addressed": "Not addressed by the library",
    None: "The texts do not settle it",
}
VERDICT_CLASS = {"supported": "ok", "refuted": "bad", "not_addressed": "old", None: "old"}
EXAMPLE = (
    "Japan's AI Promotion Act, enacted in 2025, avoids rigid compliance mandates. It has no penalties.\n\n"
    "Under the EU AI Act, providers of general-purpose AI models must publish a summary of their training content."
)

answerer: Answerer = st.session_state["answerer"]

st.title("Check an article")
st.caption(
    "Paste a draft, a press release or notes. Each sentence that states something about AI rules is checked "
    "against the texts, with quotes; questions, people's words and opinion are left alone. Not legal advice."
)
text = st.text_area("Article", height=220, placeholder=EXAMPLE, key="article_text", max_chars=20_000)
if st.button("Check the article", type="primary", icon=":material/fact_check:") and text.strip():
    bar = st.progress(0.0, text="Checking the claims…")

    def ask_claim(claim: str, docs: tuple[str, ...]) -> Answer:
        return answerer.answer(claim, mode="claim", filters=Filters(doc_ids=docs))

    st.session_state["article_check"] = check_article(
        text,
        answerer.retriever.router,
        ask_claim,
        on_claim=lambda done, total: bar.progress(done / max(total, 1), text=f"Checked {done} of {total} claims"),
    )
    bar.empty()


def sentence_verdict(claims: list[CheckedClaim]) -> str | None:
    return min((c.verdict for c in claims), key=VERDICT_ORDER.index)


def marked_article(result: ArticleCheck) -> str:
    """The article's sentences as escaped text, each checked one in a span of its verdict's class."""
    by_sentence: dict[str, list[CheckedClaim]] = {}
    for c in result.claims:
        by_sentence.setdefault(c.sentence, []).append(c)
    parts = []
    for s in result.sentences:
        claims = by_sentence.get(s.text, [])
        body = html.escape(s.text)
        if claims:
            verdict = sentence_verdict(claims)
            label = html.escape(VERDICT_LABELS[verdict])
            parts.append(f"<span class='claim-mark {VERDICT_CLASS[verdict]}' title='{label}'>{body}</span>")
        else:
            parts.append(f"<span class='claim-skip'>{body}</span>")
    return " ".join(parts)


def export_markdown(result: ArticleCheck) -> str:
    lines = ["# Article check", ""]
    for n, c in enumerate(result.claims, 1):
        lines += [f"## [{n}] {c.claim}", "", f"**{VERDICT_LABELS[c.verdict]}** — {c.answer.short_answer or ''}", ""]
        lines += [f"- {citation_string(cite)}" for cite in c.answer.citations]
        lines.append("")
    return "\n".join(lines)


result: ArticleCheck | None = st.session_state.get("article_check")
if result is not None:
    st.subheader("The article, marked")
    st.markdown(f"<div class='passage'>{marked_article(result)}</div>", unsafe_allow_html=True)
    st.subheader(f"{len(result.claims)} claim(s) checked")
    for n, c in enumerate(result.claims, 1):
        label = VERDICT_LABELS[c.verdict]
        with st.expander(literal(f"[{n}] {label}: {c.claim}"), expanded=n == 1):
            st.text(c.answer.short_answer or "")
            for cite in c.answer.citations[:3]:
                st.code(citation_string(cite), language=None, wrap_lines=True)
    left, right = st.columns(2)
    left.download_button("Export Markdown", export_markdown(result), "article-check.md", "text/markdown")
    right.download_button(
        "Export JSON",
        json.dumps(result.to_json(), ensure_ascii=False, indent=2),
        "article-check.json",
        "application/json",
    )
