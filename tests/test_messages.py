"""The message catalogue: one file per language with the same keys and fields, clear errors, findings rendered in
the question's language."""

from __future__ import annotations

from pathlib import Path

import pytest

from govqa.answering.findings import Finding, Term
from govqa.errors import PromptError
from govqa.messages import MESSAGES_DIR, available_languages, load_messages
from govqa.records import Document


def test_every_language_has_the_keys_and_fields_of_english() -> None:
    """Loading checks each catalogue against English; the shipped ones pass and hold the same keys."""
    languages = available_languages()
    assert {"en", "ja"} <= set(languages)
    english = load_messages("en").templates
    for lang in languages:
        assert set(load_messages(lang).templates) == set(english)


def _write(directory: Path, en: str, ja: str) -> None:
    (directory / "messages.en.toml").write_text(en, encoding="utf-8")
    (directory / "messages.ja.toml").write_text(ja, encoding="utf-8")


def test_a_language_missing_a_key_or_changing_a_field_is_refused(tmp_path: Path) -> None:
    """A missing key, or a message with other fields than English's, is a PromptError naming the file."""
    _write(tmp_path, '[a]\nx = "Hello {name}"\ny = "Bye"\n', '[a]\nx = "こんにちは{name}"\n')
    with pytest.raises(PromptError, match=r"messages\.ja\.toml does not match .*missing \['a\.y'\]"):
        load_messages("ja", tmp_path)
    other = tmp_path / "fields"
    other.mkdir()
    _write(other, '[a]\nx = "Hello {name}"\n', '[a]\nx = "こんにちは{title}"\n')
    with pytest.raises(PromptError, match=r"'a\.x' uses fields \['title'\]"):
        load_messages("ja", other)


def test_an_unknown_key_or_a_missing_field_names_what_to_fix() -> None:
    """Rendering with a key the catalogue lacks, or without a field its message needs, says which."""
    msgs = load_messages("en")
    with pytest.raises(PromptError, match=r"no message 'finding\.nothing'"):
        msgs("finding.nothing")
    with pytest.raises(PromptError, match="needs the field 'names'"):
        msgs("finding.unmentioned")


def test_a_language_without_a_catalogue_speaks_english() -> None:
    """A Korean question gets the English catalogue until a messages.ko.toml is added."""
    assert load_messages("ko").language == "en"
    assert MESSAGES_DIR.joinpath("messages.en.toml").is_file()


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("en", "The indexed text of Robot Act (as enacted) (12 passages checked) contains no provision on penalties"),
        ("ja", "索引にあるRobot Act (as enacted)の本文（12節）には罰則・過料の規定がありません。"),
    ],
)
def test_a_finding_is_rendered_in_the_question_s_language(lang: str, expected: str) -> None:
    """One record, two languages: the role's name and the list come from each catalogue."""
    finding = Finding(
        "role_absent",
        "absence",
        {"texts": ("Robot Act (as enacted)",), "chunks": 12, "role": Term("role.enforcement")},
    )
    assert finding.statement(load_messages(lang)).startswith(expected)


def test_lists_and_documents_are_written_the_language_s_way() -> None:
    """Names are joined with ", " in English and 「、」 in Japanese; a listed document shows its official source."""
    finding = Finding("unmentioned", "gap", {"names": ("AIDA", "Germany")})
    assert "AIDA, Germany" in finding.statement(load_messages("en"))
    assert "AIDA、Germany" in finding.statement(load_messages("ja"))
    doc = Document(id="x", title="A Convention", short_title="Convention", version="2024", official_url="https://x")
    gate = Finding("unheld_text", "gate", {"listed": (doc,), "held": ()})
    assert "A Convention (2024; official source: https://x)" in gate.statement(load_messages("en"))
