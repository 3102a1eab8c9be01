"""Text from a user or a document, shown through Streamlit's Markdown elements as the characters it is (pure).

`st.markdown`, `st.caption`, `st.info`, `st.error`… read Markdown, and Streamlit's dialect adds math (`$…$`),
colours (`:red[…]`), icons (`:material/…:`) and emoji shortcodes on top of links, images and headings. A
question, a quote or a heading may carry any of these; none may turn into markup. HTML is never enabled for
such text, and every character Markdown gives a meaning is backslash-escaped (CommonMark lets any ASCII
punctuation be escaped; Streamlit documents `\\$` and `\\:` for its own syntax). Control and format characters
(zero-width spaces, bidi overrides that reorder what follows) are dropped from what is shown.
"""

from __future__ import annotations

import re
import unicodedata

# emphasis, code, links, HTML, tables, strike-through, math, entities; a colon that may open an icon or an emoji
_ANYWHERE = re.compile(r"([\\`*_\[\]<>|~$&]|:(?=\S))")
_LINE_START = re.compile(r"^([ \t]*)([-+#=]|\d+[.)])", re.M)  # lists, headings, setext underlines
_DEEP_INDENT = re.compile(r"^(?:[ ]*\t[ \t]*|[ ]{4,})", re.M)  # four spaces or a tab would start a code block
_BULLET = re.compile(r"^([ \t]*)\\- ", re.M)  # a line meant as a list item (answer lines)


def shown(text: str) -> str:
    """`text` without control and format characters (line breaks and tabs kept)."""
    return "".join(ch for ch in text if ch in "\n\t" or unicodedata.category(ch) not in ("Cc", "Cf"))


def literal(text: str, *, bullets: bool = False) -> str:
    """Markdown that renders as exactly `shown(text)`; with `bullets`, lines starting "- " stay list items."""
    out = _ANYWHERE.sub(r"\\\1", _DEEP_INDENT.sub("   ", shown(text)))
    out = _LINE_START.sub(lambda m: f"{m[1]}{m[2][:-1]}\\{m[2][-1]}", out)
    return _BULLET.sub(r"\1- ", out) if bullets else out
