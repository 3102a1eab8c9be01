"""Chunk roles: captions first, wording cues second, data in ingest/roles.toml.

Every sentence below is invented for these tests (no corpus text).
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from govqa.documents.roles import ROLES, load_roles, role_counts, roles_of
from govqa.errors import ConfigError
from govqa.records import Chunk
from govqa.settings import PROJECT_ROOT

ROLES_FILE = PROJECT_ROOT / "ingest" / "roles.toml"
RULES = load_roles(ROLES_FILE)


def _chunk(text: str, heading_path: tuple[str, ...] = (), lang: str = "en") -> Chunk:
    return Chunk("d", "Article 9", heading_path, text, 0, len(text), None, None, lang)


# ---------------------------------------------------------------- cues, false friends, captions


@pytest.mark.parametrize(
    "text",
    [
        "Providers may fine-tune the model on their own data before placing it on the market.",
        "The system may be used for the prosecution of criminal offences or the execution of criminal penalties.",
        "The registry records the fine grain of each sensor and the penaltybox score of the game.",
    ],
)
def test_false_friends_are_not_enforcement(text: str) -> None:
    """Words that only look like penalties (fine-tune, the execution of criminal penalties, penaltybox) tag nothing."""
    assert "enforcement" not in roles_of(_chunk(text), RULES)


@pytest.mark.parametrize(
    "text",
    [
        "Infringements shall be subject to administrative fines of up to EUR 5 000 000.",
        "A person who breaks the seal shall be punished by imprisonment for not more than one year.",
        "Member States shall lay down the rules on penalties applicable to infringements.",
    ],
)
def test_penalty_wording_is_enforcement(text: str) -> None:
    """Fines of up to, imprisonment and penalties in the text tag a chunk enforcement without any caption."""
    assert "enforcement" in roles_of(_chunk(text), RULES)


@pytest.mark.parametrize(
    ("heading", "expected"),
    [
        ("Article 9 — Use of drones by law enforcement", False),
        ("Article 1 (Enforcement Date)", False),
        ("Article 9 — Penalties", True),
        ("CHAPTER VI PENALTY PROVISIONS", True),
        ("第八章 罰則", True),
        ("제43조(과태료)", True),
    ],
)
def test_enforcement_captions(heading: str, expected: bool) -> None:
    """A penalties caption tags the chunk; "law enforcement" and "Enforcement Date" do not."""
    lang = "ja" if "章" in heading else "ko" if "조" in heading else "en"
    assert ("enforcement" in roles_of(_chunk("Text.", (heading,), lang), RULES)) is expected


def test_caption_beats_cue() -> None:
    """Under a penalties caption, "shall" and "shall not" do not add obligation or prohibition."""
    text = "The fine shall not exceed EUR 10 000. Member States shall not impose it twice and shall report it."
    assert roles_of(_chunk(text, ("Chapter XII — PENALTIES", "Article 9 — Penalties")), RULES) == ("enforcement",)
    assert {"obligation", "prohibition"} <= set(roles_of(_chunk(text), RULES))  # the same words, uncaptioned


def test_shall_not_apply_is_an_exclusion_not_a_prohibition() -> None:
    """ "shall not apply to" reads as an exclusion; "shall not place" as a prohibition."""
    assert roles_of(_chunk("This Act shall not apply to toy drones."), RULES) == ("exclusion",)
    assert "prohibition" in roles_of(_chunk("The importer shall not place the drone on the market."), RULES)


def test_obligation_addressee_is_the_subject_nearest_the_verb() -> None:
    """ "Where a deployer asks, the provider shall…" binds the provider; a caption naming deployers binds them."""
    text = "Where a deployer asks for it, the provider shall hand over the logs."
    assert roles_of(_chunk(text), RULES) == ("obligation", "obligation:provider")
    captioned = _chunk("They keep the logs for six months.", ("Article 9 — Obligations of deployers",))
    assert roles_of(captioned, RULES) == ("obligation", "obligation:deployer")


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("This code of practice is voluntary and creates no legally binding obligations.", "legal_nature"),
        ("The Commission is empowered to adopt delegated acts to amend Annex III.", "delegation"),
        ("This Regulation shall apply from 2 August 2026.", "dates"),
        ("Any person shall have the right to lodge a complaint with the authority.", "right"),
    ],
)
def test_text_cues(text: str, role: str) -> None:
    """Each cue family tags its role from the wording alone."""
    assert role in roles_of(_chunk(text), RULES)


def test_a_chunk_without_any_cue_is_other() -> None:
    """Nothing matched: the chunk is "other", and a language without rules is "other" too."""
    assert roles_of(_chunk("Drones hum quietly over the hills."), RULES) == ("other",)
    assert roles_of(_chunk("Drones shall hum.", lang="xx"), RULES) == ("other",)


def test_roles_do_not_change_the_chunk_id() -> None:
    """Tagging a chunk keeps its id, so a re-tag never re-embeds."""
    chunk = _chunk("The provider shall keep the logs.")
    assert dataclasses.replace(chunk, roles=roles_of(chunk, RULES)).id == chunk.id


def test_role_counts_list_every_role_and_the_addressees() -> None:
    """role_counts shows absent roles as 0 (a law with no enforcement) and each addressee after them."""
    chunks = [dataclasses.replace(c, roles=roles_of(c, RULES)) for c in (_chunk("Providers shall log."), _chunk("Hi."))]
    counts = role_counts(chunks)
    assert list(counts)[: len(ROLES)] == list(ROLES)
    assert counts["enforcement"] == 0 and counts["obligation"] == 1 and counts["other"] == 1
    assert counts["obligation:provider"] == 1


# ---------------------------------------------------------------- the roles file


@pytest.mark.parametrize("lang", ["en", "ja", "ko"])
def test_every_role_has_rules_in_each_language(lang: str) -> None:
    """English, Japanese and Korean each have a caption pattern or a cue for every role but "other"."""
    rules = RULES.languages[lang]
    assert [r for r in ROLES if r != "other" and not rules.captions.get(r) and not rules.cues.get(r)] == []


@pytest.mark.parametrize(
    ("change", "entry"),
    [
        (("prohibition = [\n", "prohibition = [\n    '(unclosed',\n", 1), "[en] cues.prohibition[0]"),
        (("[en.cues]\n", "[en.cues]\npenalty = ['fine']\n", 1), "[en] cues.penalty"),
        (('other = "none of the above"\n', "", 1), "[roles]"),
        (("[ko.addressees]\n", "[ko.addressees]\nboss = ['사장']\n", 1), "[ko] addressees.boss"),
        (("[overrides]\n", '[overrides]\nother = ["penalty"]\n', 1), "[overrides] other"),
        (("[en.cues]\n", "[en.cues\n", 1), "not valid TOML"),
    ],
)
def test_a_malformed_roles_file_is_a_config_error_naming_it(
    tmp_path: Path, change: tuple[str, str, int], entry: str
) -> None:
    """A bad regex, unknown role or addressee, missing vocabulary entry or broken TOML names the file and entry."""
    old, new, count = change
    text = ROLES_FILE.read_text(encoding="utf-8")
    assert old in text
    bad = tmp_path / "my-roles.toml"
    bad.write_text(text.replace(old, new, count), encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        load_roles(bad)
    assert str(bad) in str(caught.value) and entry in str(caught.value)


# ---------------------------------------------------------------- stored and shown


# ---------------------------------------------------------------- the real corpus (read only, when present)
