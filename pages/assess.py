"""The "Does this apply to me?" page: a short questionnaire (only the questions that matter given earlier
answers), then each text's status, reasons, obligations and open questions, every line with its citation card."""

from __future__ import annotations

import html
import json
from typing import Any

import streamlit as st

from govqa import Answerer, GovQAError
from govqa.assessment.build import Assessor, build_assessor
from govqa.assessment.engine import Finding, TextResult
from govqa.assessment.facts import DECISIONS, JURISDICTIONS, PURPOSES, ROLES, Facts, parse_facts, question
from govqa.assessment.report import NOT_LEGAL_ADVICE, STATUS_LABELS, assessment_json, memo_markdown
from govqa.ui.cards import card_body_html, card_head_html
from govqa.ui.markup import literal
from govqa.ui.viewer import chunk_of

STATUS_CLASS = {"applies": "bad", "may_apply": "old", "voluntary": "tr", "does_not_apply": "ok"}
TRI = {"Yes": True, "No": False, "Not sure": None}
NOT_SURE = "not sure"

answerer: Answerer = st.session_state["answerer"]


@st.cache_resource(show_spinner="Checking the assessment rules against the index…")
def load_assessor(_answerer: Answerer, key: int) -> Assessor:
    """One assessor per index (the key is its size): every provision the rules cite is resolved here, once."""
    retriever = _answerer.retriever
    return build_assessor(_answerer.settings, chunks=retriever.chunks, documents=retriever.documents)


def prefill(facts: dict[str, Any]) -> None:
    """Start the form at the facts the chat could read from a question (the rest stays "not sure")."""
    system = facts.get("system") or {}
    for path, value in [*facts.items(), *((f"system.{k}", v) for k, v in system.items())]:
        if value is None or path == "system":
            continue
        if isinstance(value, list):
            st.session_state[f"q-{path}"] = value
        elif isinstance(value, bool):
            st.session_state[f"q-{path}"] = next(label for label, v in TRI.items() if v is value)


def pick_list(path: str, options: tuple[str, ...]) -> list[str] | None:
    """A multiselect starting at "not sure" (unknown) unless pre-filled; emptied, it means "none"."""
    key = f"q-{path}"
    default = None if key in st.session_state else [NOT_SURE]
    chosen = st.multiselect(question(path), [*options, NOT_SURE], default=default, key=key)
    return None if NOT_SURE in chosen else chosen


def pick_flag(path: str) -> bool | None:
    key = f"q-{path}"
    index = None if key in st.session_state else 2
    answer = st.radio(question(path), list(TRI), index=index, horizontal=True, key=key)
    return TRI[answer] if answer is not None else None


def questionnaire() -> dict[str, Any]:
    """The facts, asking only what can change an outcome given the answers so far."""
    raw: dict[str, Any] = {"established_in": pick_list("established_in", JURISDICTIONS)}
    raw["markets"] = pick_list("markets", JURISDICTIONS)
    raw["roles"] = pick_list("roles", ROLES)
    system: dict[str, Any] = {}
    raw["system"] = system
    if raw["roles"] == []:
        return raw  # no role in any AI system: nothing more decides an outcome
    places = set(raw["established_in"] or []) | set(raw["markets"] or [])
    if raw["established_in"] is None or raw["markets"] is None or "US-CO" in places:
        raw["employees"] = st.number_input(question("employees"), min_value=0, value=None, step=1, key="q-employees")
    for flag in ("generative", "interacts_with_people", "uses_personal_data"):
        system[flag] = pick_flag(f"system.{flag}")
    if raw["roles"] is None or {"developer", "provider"} & set(raw["roles"]):
        system["general_purpose_model"] = pick_flag("system.general_purpose_model")
    system["consequential_decisions"] = pick_list("system.consequential_decisions", DECISIONS)
    with st.expander("Sensitive uses (emotion recognition, biometrics, social scoring)"):
        for flag in ("emotion_recognition", "biometric_identification", "social_scoring"):
            system[flag] = pick_flag(f"system.{flag}")
    purpose = st.selectbox(question("system.purpose"), [*PURPOSES, NOT_SURE], index=len(PURPOSES), key="q-purpose")
    system["purpose"] = None if purpose == NOT_SURE else purpose
    return raw


def render_finding(f: Finding) -> None:
    st.markdown(f"- {html.escape(f.text)} <span class='cite-n'>{f.citation.n}</span>", unsafe_allow_html=True)
    c = f.citation
    with st.expander(literal(f"{c.short_title}, {c.locator}" + (f", p. {c.page}" if c.page else ""))):
        chunk = chunk_of(answerer.retriever.chunks, c.doc_id, c.quote_start, c.quote_end)
        st.markdown(card_head_html(c), unsafe_allow_html=True)
        st.markdown(card_body_html(c, chunk), unsafe_allow_html=True)


def render_result(r: TextResult) -> None:
    with st.container(border=True):
        label = STATUS_LABELS["en"][r.status]
        st.markdown(
            f"<div class='cite-head'><b>{html.escape(r.short_title)}</b> ({html.escape(r.jurisdiction)})"
            f"<span class='badge {STATUS_CLASS[r.status]} status-{r.status}'>{label}</span></div>",
            unsafe_allow_html=True,
        )
        for f in r.reasons:
            render_finding(f)
        if r.obligations:
            st.markdown("**What it asks**")
            for f in r.obligations:
                render_finding(f)
        if r.unknown_facts:
            st.markdown("**What would change the outcome**")
            for u in r.unknown_facts:
                st.markdown(f"- {u.effect} *({question(u.fact)})*")


st.markdown("<div class='brand'>govqa <span>Does this apply to me?</span></div>", unsafe_allow_html=True)
st.caption(NOT_LEGAL_ADVICE["en"])
try:
    assessor = load_assessor(answerer, len(answerer.retriever.chunks))
except GovQAError as exc:
    st.error(str(exc))
    st.stop()

if pending := st.session_state.pop("assess_prefill", None):  # sent by the chat's applies-mode answer
    prefill(pending)
    st.info("Pre-filled from your question: check each answer, then press Assess.", icon=":material/edit_note:")
raw = questionnaire()
if st.button("Assess", type="primary", icon=":material/checklist:"):
    try:
        facts: Facts = parse_facts(raw)
        st.session_state["assessment"] = assessor.assess(facts)
    except GovQAError as exc:
        st.error(str(exc))

if result := st.session_state.get("assessment"):
    st.markdown(f"#### Results for {len(result.results)} texts")
    for r in result.results:
        render_result(r)
    left, right = st.columns(2)
    left.download_button("Markdown", memo_markdown(result), "govqa-assessment.md", "text/markdown")
    right.download_button("JSON", assessment_json(result), "govqa-assessment.json", "application/json")
    st.session_state["assessment_facts"] = json.dumps(result.facts.to_json())
