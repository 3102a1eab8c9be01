"""The message catalogue: every sentence govqa writes to a user, one TOML file per language (`prompts/messages.*.toml`).

Keys are "section.name" ("finding.role_absent", "short.closest"); values are format strings whose {fields} the
renderer fills from a finding's record. Loading checks that every language has the keys and fields of English,
so adding a language means adding a file. A missing key or field raises `PromptError` naming the file.
"""

from __future__ import annotations

import functools
import string
import tomllib
from pathlib import Path

from govqa.errors import PromptError
from govqa.settings import PROJECT_ROOT

MESSAGES_DIR = PROJECT_ROOT / "prompts"
BASE_LANGUAGE = "en"


def _fields(template: str) -> frozenset[str]:
    return frozenset(name for _, name, _, _ in string.Formatter().parse(template) if name)


def _flatten(table: dict[str, object], path: Path, prefix: str = "") -> dict[str, str]:
    out: dict[str, str] = {}
    for key, value in table.items():
        name = f"{prefix}{key}"
        if isinstance(value, dict):
            out |= _flatten(value, path, f"{name}.")
        elif isinstance(value, str):
            out[name] = value
        else:
            raise PromptError(f"{path}: {name} must be a string; write it in quotes.")
    return out


class Messages:
    """One language's catalogue."""

    def __init__(self, language: str, templates: dict[str, str], path: Path) -> None:
        self.language = language
        self.templates = templates
        self.path = path

    def __call__(self, key: str, **fields: object) -> str:
        """The message `key` with its fields filled in."""
        template = self.templates.get(key)
        if template is None:
            raise PromptError(f"{self.path} has no message {key!r}; add it (and to every messages.*.toml).")
        try:
            return template.format(**fields)
        except KeyError as exc:
            raise PromptError(f"{self.path}: message {key!r} needs the field {exc.args[0]!r}.") from exc

    def join(self, items: list[str] | tuple[str, ...]) -> str:
        """Items listed the language's way ("a, b" / 「a、b」)."""
        return self("list.separator").join(items)


def _read(path: Path) -> dict[str, str]:
    try:
        with path.open("rb") as f:
            return _flatten(tomllib.load(f), path)
    except FileNotFoundError as exc:
        raise PromptError(f"The message catalogue {path} is missing; restore it from the repository.") from exc
    except tomllib.TOMLDecodeError as exc:
        raise PromptError(f"{path} is not valid TOML ({exc}); fix the line it names.") from exc


def available_languages(directory: Path = MESSAGES_DIR) -> tuple[str, ...]:
    """The languages with a catalogue file (messages.<lang>.toml)."""
    return tuple(sorted(p.name.split(".")[1] for p in directory.glob("messages.*.toml")))


@functools.cache
def load_messages(language: str, directory: Path = MESSAGES_DIR) -> Messages:
    """The catalogue of `language` (English for a language without a file), checked against English: the same
    keys, and the same fields in each message."""
    if language not in available_languages(directory):
        language = BASE_LANGUAGE
    path = directory / f"messages.{language}.toml"
    templates = _read(path)
    if language != BASE_LANGUAGE:
        base_path = directory / f"messages.{BASE_LANGUAGE}.toml"
        base = _read(base_path)
        missing = sorted(set(base) - set(templates))
        extra = sorted(set(templates) - set(base))
        if missing or extra:
            raise PromptError(
                f"{path} does not match {base_path.name}: missing {missing or 'nothing'}, unknown {extra or 'nothing'}."
            )
        for key, template in templates.items():
            if _fields(template) != _fields(base[key]):
                raise PromptError(
                    f"{path}: message {key!r} uses fields {sorted(_fields(template))}, "
                    f"{base_path.name} uses {sorted(_fields(base[key]))}; use the same ones."
                )
    return Messages(language, templates, path)
