"""User and document text through Markdown elements: rendered, it is exactly its characters, never markup."""

from __future__ import annotations

import html
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from govqa.ui.markup import literal, shown

md = MarkdownIt("commonmark").enable(["table", "strikethrough"])
# Markdown's and Streamlit's syntax characters, line breaks and indentation, weighted so hostile shapes come up
SYNTAX = st.sampled_from([*"\\`*_[]<>()|~$:&#+-=.!{}^\"'\n\t ", "1.", "2)", "    ", "```", "---", "<b>", "&amp;"])
TEXTS = st.lists(st.one_of(SYNTAX, st.text(max_size=4)), max_size=40).map("".join)


def _visible(rendered: str) -> str:
    """The characters a reader sees in rendered HTML, white space folded."""
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", rendered)).split())


@settings(max_examples=400, deadline=None)
@given(TEXTS)
def test_literal_renders_as_its_characters(text: str) -> None:
    """Any text: CommonMark + tables renders it as paragraphs of exactly its visible characters."""
    rendered = md.render(literal(text))
    assert set(re.findall(r"<([a-z0-9]+)", rendered)) <= {"p", "br"}, (text, rendered)
    assert _visible(rendered) == " ".join(shown(text).split()), (text, rendered)


@pytest.mark.parametrize(
    ("text", "streamlit_syntax"),
    [("$E=mc^2$", r"\$E=mc^2\$"), (":red[alert]", r"\:red\[alert\]"), (":material/home:", r"\:material/home:")],
)
def test_streamlit_syntax_is_escaped(text: str, streamlit_syntax: str) -> None:
    """Streamlit's own math, colour and icon syntax reaches it escaped (directives and icons are read by its
    Markdown tokenizer, so an escaped opening colon is enough)."""
    assert literal(text) == streamlit_syntax


def test_a_colon_before_a_space_is_left_as_typed() -> None:
    """Prose colons stay unescaped ("Not answered: …"), so messages read the same in the page source."""
    assert literal("Not answered: the corpus never mentions it") == "Not answered: the corpus never mentions it"


def test_answer_lines_stay_a_list_and_their_text_stays_literal() -> None:
    """With bullets, "- " lines stay list items; markup inside them does not render."""
    rendered = md.render(
        literal("According to the texts:\n- **Act**, Article 1: “<b>x</b>” [1]\n- two [2]", bullets=True)
    )
    assert rendered.count("<li>") == 2 and "<strong>" not in rendered and "&lt;b&gt;x&lt;/b&gt;" in rendered


@pytest.mark.parametrize("char", ["\x00", "\x1b", "\u200b", "\u200d", "\u202e", "\u2066", "\ufeff", "\u00ad"])
def test_control_and_format_characters_are_not_shown(char: str) -> None:
    """Control, zero-width and bidi characters are dropped; line breaks and tabs are kept."""
    assert shown(f"a{char}b\n\tc") == "ab\n\tc"
