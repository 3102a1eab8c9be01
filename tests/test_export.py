"""Exporting a conversation with its citations as Markdown and JSON."""

from __future__ import annotations

import dataclasses
import json

from govqa.answering.extractive import REFUSAL
from govqa.records import Answer, Chunk, Citation, Document, Passage
from govqa.ui.conversation import Turn
from govqa.ui.export import CLOSEST_NOTE, citation_string, conversation_json, conversation_markdown, to_markdown

CITE = Citation(
    n=1,
    doc_id="eu-act",
    short_title="EU AI Act",
    locator="Article 50(1)",
    page=82,
    quote="Providers shall ensure that\nAI systems are designed so that people are informed.",
    url="https://example.org/act.pdf#page=82",
    version="OJ L 2024/1689",
    status="in_force",
    legal_effect="binding",
    sha256="ab" * 32,
    quote_start=1000,
    quote_end=1080,
)
TRANSLATION = Citation(
    n=2,
    doc_id="jp-en",
    short_title="Japan AI Promotion Act (EN)",
    locator="Article 3",
    page=None,
    quote="The State shall take measures.",
    url="https://example.org/jp",
    version="",
    status="in_force",
    legal_effect="reference_translation",
    sha256="cd" * 32,
    quote_start=5,
    quote_end=35,
)
ANSWER = Answer(
    "What must chatbots disclose (EU AI Act)?",
    "ask",
    "The texts say:\n- EU AI Act … [1]",
    (CITE, TRANSLATION),
    notice="LLM unreachable, answered extractively",
)
CHUNK = Chunk("eu-act", "Recital 27", (), "Some recital text.", 0, 18, 7, 7, "en")
REFUSED = Answer(
    "What does Canada's AIDA say?",
    "ask",
    REFUSAL,
    (),
    refused=True,
    passages=(Passage(CHUNK, 0.1, document=Document("eu-act", "EU AI Act", "EU AI Act")),),
)
TURNS = [
    Turn(
        "What must chatbots disclose?",
        "What must chatbots disclose?",
        ANSWER,
        {"jurisdictions": ["EU"], "documents": [], "include_superseded": False},
    ),
    Turn("and Canada?", "What does Canada's AIDA say?", REFUSED),
]


def test_citation_string_is_copy_ready() -> None:
    """Title, locator, page, version and the deep link, in one line."""
    assert (
        citation_string(CITE) == "EU AI Act, Article 50(1), p. 82 (OJ L 2024/1689). https://example.org/act.pdf#page=82"
    )
    assert citation_string(TRANSLATION) == "Japan AI Promotion Act (EN), Article 3. https://example.org/jp"


def test_a_citation_names_the_other_editions_that_print_the_same_provision() -> None:
    """The copy-ready citation ends with the other editions holding the same words, locator and page each."""
    cite = dataclasses.replace(CITE, also_in=("EU AI Act (print), Article 50(1), p. 12",))
    assert citation_string(cite).endswith(" Also in: EU AI Act (print), Article 50(1), p. 12.")
    assert "Also in" not in citation_string(CITE)


def test_markdown_holds_questions_quotes_and_file_identity() -> None:
    """The Markdown export shows each question, what was searched, every quote with its source and sha256."""
    md = conversation_markdown(TURNS)
    assert "## 1. What must chatbots disclose?" in md and "## 2. and Canada?" in md
    assert "searched for: “What does Canada's AIDA say?”" in md
    assert "> Providers shall ensure that AI systems are designed so that people are informed." in md
    assert "[1] EU AI Act, Article 50(1), p. 82" in md and f"sha256 `{'ab' * 32}`" in md
    assert "translation without legal effect" in md
    assert "> Note: LLM unreachable, answered extractively" in md
    assert CLOSEST_NOTE in md and "- EU AI Act, Recital 27, p. 7" in md


def test_json_is_structured_and_complete() -> None:
    """The JSON export carries, per turn, the typed and searched question, filters, answer and citations."""
    data = json.loads(conversation_json(TURNS))
    assert data["format"] == "govqa-conversation/1"
    first, second = data["turns"]
    assert first["question"] == "What must chatbots disclose?" and first["filters"]["jurisdictions"] == ["EU"]
    assert first["notice"] == "LLM unreachable, answered extractively"
    cite = first["citations"][0]
    assert (cite["locator"], cite["page"], cite["sha256"]) == ("Article 50(1)", 82, "ab" * 32)
    assert cite["citation"] == citation_string(CITE) and cite["status_label"] == "in force"
    assert first["citations"][1]["status_label"] == "in force · translation without legal effect"
    assert second["refused"] and second["searched_for"] == "What does Canada's AIDA say?"
    assert second["closest_passages"]["passages"][0]["locator"] == "Recital 27"
    assert "closest_passages" not in first


def test_answers_without_turns_still_export() -> None:
    """Plain answers (the CLI's shape) export as Markdown too."""
    md = to_markdown([ANSWER])
    assert "## 1. What must chatbots disclose (EU AI Act)?" in md and "searched for" not in md
