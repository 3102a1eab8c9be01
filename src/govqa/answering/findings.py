"""Findings: what a check concluded about a question and its passages, as a record rendered only at the end.

A finding is one of three forms, each rendered its own way by the answerer (extractive.py):

- **gate**: the passages do not answer, and nothing is quoted ("Not answered: the corpus never mentions X");
- **gap**: the texts are about the topic but cannot answer the asked point (a later event, a delegated detail,
  an unmentioned name); the answer states why and quotes the passages `cite` names, after a `label`;
- **absence**: the named law has no provision of the asked kind — an answer ("No: …"), and a claim's verdict.

The message catalogue (prompts/messages.*.toml) holds the words: `finding.<kind>` for gaps and absences,
`reason.<kind>` for gate refusals. Nothing here is English or Japanese.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Literal

from govqa.messages import Messages
from govqa.records import Chunk, Document, Passage

Form = Literal["gate", "gap", "absence"]


@dataclass(frozen=True)
class CheckContext:
    """What checks consult besides the question's record and its passages: the library, not the question."""

    mode: str
    documents: Mapping[str, Document]
    chunks: Sequence[Chunk]
    idf: Mapping[str, float]
    min_coverage: float
    terms_of: Callable[[str], frozenset[str]]  # the words of a whole document
    allowed: Callable[[object], list[str]]  # the documents the filters allow for a route


@dataclass(frozen=True)
class Term:
    """A word of the catalogue as a field value ("role.enforcement"), rendered in the answer's language."""

    key: str
    fields: Mapping[str, object] = field(default_factory=dict)


@dataclass(frozen=True)
class Finding:
    """A check's conclusion: its kind (the message key), the values the message names, and what it cites."""

    kind: str
    form: Form
    fields: Mapping[str, object] = field(default_factory=dict)
    cite: tuple[Passage, ...] = ()  # the passages the answer quotes for it (gap, absence)
    label: str = ""  # the label before those passages: "closest", "closest_provisions", "delegating"
    prefer: re.Pattern[str] | None = None  # the sentence shape to quote first (the delegating clause)
    cites_first: bool = False  # the short answer ends with the first citation's marker (a delegation)
    claim_support: bool | None = None  # for an absence in claim mode: whether the claim says it is missing

    @property
    def refuses(self) -> bool:
        """The answer declines (gate and gap); an absence is an answer."""
        return self.form != "absence"

    def statement(self, msgs: Messages) -> str:
        """The finding in one sentence (gaps and absences), or why nothing is answered (gates)."""
        key = f"reason.{self.kind}" if self.form == "gate" else f"finding.{self.kind}"
        return msgs(key, **{name: render_value(value, msgs) for name, value in self.fields.items()})

    def intro(self, msgs: Messages) -> str:
        """The statement followed by the label of the passages it cites."""
        text = self.statement(msgs)
        return f"{text} {msgs(f'label.{self.label}')}" if self.label else text


def render_value(value: object, msgs: Messages) -> object:
    """A field as the message shows it: a list joined the language's way, a document by title, version and URL."""
    if isinstance(value, Term):
        return msgs(value.key, **{name: render_value(v, msgs) for name, v in value.fields.items()})
    if isinstance(value, Document):
        return msgs("list.document", title=value.title, version=value.version, url=value.official_url)
    if isinstance(value, (list, tuple)):
        return msgs.join([str(render_value(v, msgs)) for v in value])
    return value
