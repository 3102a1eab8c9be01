"""Settings: defaults → govqa.toml → GOVQA_* environment → explicit arguments; strict and documented."""

from __future__ import annotations

from pathlib import Path

import pytest
from pydantic import BaseModel, ValidationError

from govqa.settings import PROJECT_ROOT, Settings


def test_defaults_point_into_the_checkout(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Without configuration the manifest, cache and profiles are the checkout's own."""
    monkeypatch.chdir(tmp_path)
    settings = Settings()
    assert settings.manifest == PROJECT_ROOT / "corpus" / "sources.toml"
    assert settings.profiles_dir == PROJECT_ROOT / "ingest" / "profiles"
    assert settings.corpus_mirror is None and settings.store.mode == "embedded"


def test_environment_overrides_nested_fields(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """GOVQA_* variables set fields, with "__" reaching into sections."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("GOVQA_RETRIEVAL__K", "5")
    monkeypatch.setenv("GOVQA_INDEX_DIR", str(tmp_path / "idx"))
    monkeypatch.setenv("GOVQA_EMBEDDING__MULTILINGUAL", "false")
    settings = Settings()
    assert (settings.retrieval.k, settings.index_dir, settings.embedding.multilingual) == (5, tmp_path / "idx", False)


def test_govqa_toml_is_read_below_the_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """A govqa.toml in the working directory sets fields; the environment and arguments win over it."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "govqa.toml").write_text("[retrieval]\nk = 7\ncandidates = 11\n[chunking]\nmax_chars = 900\n", "utf-8")
    assert (Settings().retrieval.k, Settings().chunking.max_chars) == (7, 900)
    monkeypatch.setenv("GOVQA_RETRIEVAL__K", "3")
    settings = Settings()
    assert (settings.retrieval.k, settings.retrieval.candidates) == (3, 11)
    assert Settings(retrieval={"k": 2}).retrieval.k == 2


@pytest.mark.parametrize(
    "kwargs",
    [{"unknown_field": 1}, {"retrieval": {"k": 0}}, {"chunking": {"max_chars": 10}}, {"store": {"mode": "cloud"}}],
)
def test_invalid_settings_are_rejected(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, kwargs: dict) -> None:
    """Unknown fields and out-of-range values fail validation instead of being ignored."""
    monkeypatch.chdir(tmp_path)
    with pytest.raises(ValidationError):
        Settings(**kwargs)


def _fields(model: type[BaseModel], prefix: str = "") -> list[tuple[str, object]]:
    """Leaf fields (the knobs), dotted by section; sections themselves are containers."""
    out: list[tuple[str, object]] = []
    for name, field in model.model_fields.items():
        annotation = field.annotation
        if isinstance(annotation, type) and issubclass(annotation, BaseModel):
            out.extend(_fields(annotation, f"{prefix}{name}."))
        else:
            out.append((prefix + name, field))
    return out


@pytest.mark.parametrize(("name", "field"), _fields(Settings), ids=[n for n, _ in _fields(Settings)])
def test_every_setting_is_described(name: str, field: object) -> None:
    """Every field has a description (they feed the configuration table in docs/configuration.md)."""
    assert getattr(field, "description", None), name


def test_documented_configuration_table_matches_the_settings() -> None:
    """docs/configuration.md's settings table is the one generated from the Settings descriptions."""
    from govqa.settings import PROJECT_ROOT, settings_table

    page = (PROJECT_ROOT / "docs" / "configuration.md").read_text(encoding="utf-8")
    block = page.split("<!-- settings-table:start -->\n", 1)[1].split("\n<!-- settings-table:end -->", 1)[0]
    assert block == settings_table()
