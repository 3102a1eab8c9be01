"""The LLM engine's prompts, loaded from `prompts/` and checked against `prompts/prompts.toml`.

Pure apart from `load_prompts` (which reads files). Passages enter the prompt as delimited data: each one
inside a `<passage n=… source=… locator=… page=…>` block whose own text cannot close the block.
"""

from __future__ import annotations

import string
import tomllib
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from govqa.errors import PromptError
from govqa.settings import PROJECT_ROOT

PROMPTS_DIR = PROJECT_ROOT / "prompts"
LLM_MODES = ("ask", "claim", "applies", "compare")


PassageView = tuple[str, str, int | None, str]  # (title, locator, page, text) as the model sees a passage


@dataclass(frozen=True)
class Example:
    mode: str
    question: str
    passages: tuple[PassageView, ...]
    answer: str


@dataclass(frozen=True)
class PromptSet:
    system: str
    modes: dict[str, str]
    examples: tuple[Example, ...]

    def messages(
        self, mode: str, question: str, passages: Sequence[PassageView], refusal: str
    ) -> list[tuple[str, str]]:
        """(role, content) pairs: system, the few-shot turns (each in its own mode's format), then the
        question over its passages."""
        if mode not in self.modes:
            raise PromptError(f"No prompt for mode {mode!r}; prompts/prompts.toml defines {sorted(self.modes)}.")
        out = [("system", self.system.format(refusal=refusal))]
        for ex in self.examples:
            block = "\n".join(format_passage(i, *p) for i, p in enumerate(ex.passages, 1))
            out.append(("human", self.modes[ex.mode].format(question=ex.question, passages=block, refusal=refusal)))
            out.append(("ai", ex.answer.format(refusal=refusal)))
        block = "\n".join(format_passage(i, *p) for i, p in enumerate(passages, 1))
        out.append(("human", self.modes[mode].format(question=question, passages=block, refusal=refusal)))
        return out


def format_passage(n: int, title: str, locator: str, page: int | None, text: str) -> str:
    """One passage as a delimited data block. Angle brackets inside the text are swapped for look-alikes so
    that a document cannot close its block and speak outside it."""

    def clean(s: str) -> str:
        return s.replace("<", "‹").replace(">", "›").replace('"', "'")

    page_attr = f' page="{page}"' if page else ""
    body = text.replace("<", "‹").replace(">", "›")
    return f'<passage n="{n}" source="{clean(title)}" locator="{clean(locator)}"{page_attr}>\n{body}\n</passage>'


def variables(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def _read(path: Path, expected: Sequence[str]) -> str:
    if not path.is_file():
        raise PromptError(f"Prompt file {path} is missing; restore it from git or fix prompts/prompts.toml.")
    text = path.read_text(encoding="utf-8").strip()
    try:
        found = variables(text)
    except ValueError as exc:
        raise PromptError(f"{path}: malformed braces ({exc}); write a literal brace as {{{{ or }}}}.") from exc
    if missing := set(expected) - found:
        raise PromptError(f"{path} does not use the variable(s) {sorted(missing)} that prompts.toml requires.")
    if unknown := found - set(expected):
        raise PromptError(f"{path} uses unknown variable(s) {sorted(unknown)}; allowed: {sorted(expected)}.")
    return text


def load_prompts(directory: Path = PROMPTS_DIR) -> PromptSet:
    """Read and validate the prompt set; a `PromptError` names the file and what is wrong."""
    index = directory / "prompts.toml"
    try:
        spec = tomllib.loads(index.read_text(encoding="utf-8"))
        system = _read(directory / spec["system"]["file"], spec["system"]["variables"])
        modes = {m: _read(directory / s["file"], s["variables"]) for m, s in spec["modes"].items()}
        examples_file = directory / spec["examples"]["file"]
        raw = tomllib.loads(examples_file.read_text(encoding="utf-8")).get("example", [])
    except (OSError, KeyError, TypeError, tomllib.TOMLDecodeError) as exc:
        raise PromptError(f"Cannot load the prompts in {directory}: {exc!r}; check prompts/prompts.toml.") from exc
    if missing := set(LLM_MODES) - set(modes):
        raise PromptError(f"{index} has no prompt for mode(s) {sorted(missing)}.")
    examples = []
    for i, ex in enumerate(raw, 1):
        try:
            passages = tuple((p["title"], p["locator"], p.get("page"), p["text"]) for p in ex["passages"])
            example = Example(ex["mode"], ex["question"], passages, ex["answer"])
        except (KeyError, TypeError) as exc:
            raise PromptError(
                f"{examples_file}: example {i} lacks {exc}; each needs mode, question, "
                "passages (title, locator, text) and answer."
            ) from exc
        if example.mode not in modes:
            raise PromptError(f"{examples_file}: example {i} has unknown mode {example.mode!r}.")
        if variables(example.answer) - {"refusal"}:
            raise PromptError(f"{examples_file}: example {i}'s answer may only use {{refusal}}.")
        examples.append(example)
    return PromptSet(system, modes, tuple(examples))
