"""Citation packs and version diffs over the fixture corpus (tests/fixture_corpus.py), chunked as ingest chunks it."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from conftest import KeywordEmbedder, make_settings
from fixture_corpus import build_corpus

from govqa.corpus import Manifest
from govqa.documents.reader import chunk_document
from govqa.errors import ConfigError, DiffError, NotVersionsError
from govqa.index.pipeline import ingest
from govqa.index.store import ChromaStore
from govqa.records import Chunk, Document
from govqa.settings import Settings
from govqa.workflows.citations import CitedProvision, Unresolved, citation_pack, resolve, split_references
from govqa.workflows.library import Library, load_library
from govqa.workflows.packs import diff_json, diff_markdown, pack_csv, pack_json, pack_markdown, words_html
from govqa.workflows.versions import diff_versions, versions_relation, word_diff


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> tuple[Settings, Manifest]:
    settings = make_settings(tmp_path_factory.mktemp("workflows"))
    return settings, build_corpus(settings.cache_dir)


@pytest.fixture(scope="module")
def library(corpus: tuple[Settings, Manifest]) -> Library:
    settings, manifest = corpus
    chunks = [c for d in manifest.documents for c in chunk_document(d, settings.cache_dir / d.file, settings)[0]]
    return Library.of_manifest(manifest, chunks)


def _source(settings: Settings, doc: Document) -> str:
    from govqa.documents.parsing import parse_file
    from govqa.documents.profiles import load_profile

    return parse_file(settings.cache_dir / doc.file, doc, load_profile(settings.profiles_dir, doc.profile)).text


def _cited(entry: object) -> CitedProvision:
    assert isinstance(entry, CitedProvision), entry
    return entry


# ---------------------------------------------------------------- resolving references


@pytest.mark.parametrize(
    ("ref", "doc", "doc_id", "locators"),
    [
        ("Article 2(2)", "fx-robot-act-2027", "fx-robot-act-2027", ["Article 2(2)"]),
        ("Art. 1(1)–(2)", "fx-robot-act-2027", "fx-robot-act-2027", ["Article 1(1)", "Article 1(2)"]),
        ("RSA 2027 Article 4", None, "fx-robot-act-2027", ["Article 4(1)", "Article 4(2)"]),
        ("RSA 2020 Art. 2(1)", None, "fx-robot-act-2020", ["Article 2(1)–(2)"]),  # short paragraphs merged
        ("第二条第2項", None, "fx-jp-robot-ja", None),
        ("Japan Robot Act (EN) Article 3", None, "fx-jp-robot-en", None),
        ("Data Guidelines Article 2", None, "fx-data-guidelines", ["Article 2"]),
        ("Article 4(2) of the RSA 2027", None, "fx-robot-act-2027", ["Article 4(2)"]),
        ("Article 3 (Inspection), Japan Robot Act (EN)", None, "fx-jp-robot-en", None),
    ],
)
def test_a_reference_resolves_to_its_provision(
    library: Library, ref: str, doc: str | None, doc_id: str, locators: list[str] | None
) -> None:
    """Each notation (a range, a name before it, 第…条, --doc) resolves to the chunks of that provision only."""
    entry = _cited(resolve(ref, library, doc))
    assert entry.document.id == doc_id
    if locators is not None:
        assert [c.locator for c in entry.chunks] == locators


def test_a_japanese_reference_quotes_the_japanese_text_only(library: Library) -> None:
    """ "第二条" is looked up among locators numbered 第…条: the English translation's Article 2 is not a match."""
    entry = _cited(resolve("第二条", library))
    assert entry.document.id == "fx-jp-robot-ja" and entry.text.startswith("第二条")


@pytest.mark.parametrize(
    ("ref", "doc", "reason"),
    [
        ("Article 2", None, "ambiguous: Article 2 is in 3 texts: fx-robot-act-2027"),
        ("Article 9", None, "no indexed text has Article 9"),
        ("Article 2(5)", "fx-robot-act-2027", "has no Article 2(5); its numbered parts are (1), (2)"),
        ("Article 4", "fx-jp-robot-en", "Japan Robot Act (EN) has no Article 4"),
        ("Canada AIDA Article 5", None, "no text in the library is called 'Canada AIDA'"),
        ("the fines", None, "names no provision govqa can read"),
    ],
)
def test_unknown_or_ambiguous_references_say_why(library: Library, ref: str, doc: str | None, reason: str) -> None:
    """A reference no text holds, several hold, or that is not a reference, comes back with its reason."""
    entry = resolve(ref, library, doc)
    assert isinstance(entry, Unresolved) and entry.ref == ref
    assert reason in entry.error, entry.error


def test_ambiguity_names_every_candidate_and_leaves_superseded_texts_out(library: Library) -> None:
    """ "Article 2" is in the 2027 act and the Japanese act's translation; the superseded 2020 act is not offered."""
    entry = resolve("Article 2", library)
    assert isinstance(entry, Unresolved)
    assert "fx-robot-act-2027" in entry.error and "fx-jp-robot-en" in entry.error
    assert "fx-robot-act-2020" not in entry.error and "--doc" in entry.error


def test_a_provision_only_a_superseded_text_holds_is_pointed_to(library: Library) -> None:
    """A reference found only in a text set aside says where it is and how to cite it."""
    entry = resolve("RSA 2027 Article 2(3)", library)
    assert isinstance(entry, Unresolved) and "has no Article 2(3)" in entry.error


def test_pack_text_is_the_stored_chunks_verbatim(corpus: tuple[Settings, Manifest], library: Library) -> None:
    """Each chunk of the pack's text is a verbatim slice of the parsed file; only the gaps between them differ."""
    settings, manifest = corpus
    entry = _cited(resolve("Article 1(1)–(2)", library, "fx-robot-act-2027"))
    source = _source(settings, manifest.get("fx-robot-act-2027"))
    for chunk in entry.chunks:
        assert source[chunk.char_start : chunk.char_end] == chunk.text
        assert chunk.text in entry.text
    first, last = entry.chunks[0], entry.chunks[-1]
    assert entry.text.split() == source[first.char_start : last.char_end].split()


def test_pack_entry_carries_pages_link_and_the_manifest_pin(library: Library) -> None:
    """A PDF provision across a page break: both pages, a #page= link to its first page, the manifest's sha256."""
    entry = _cited(resolve("Article 2", library, "fx-data-guidelines"))
    doc = library.documents["fx-data-guidelines"]
    data = entry.to_json()
    assert (data["page"], data["page_end"]) == (2, 3)
    assert data["url"] == f"{doc.official_url}#page=2"
    assert data["sha256"] == doc.sha256 and len(doc.sha256) == 64
    assert {"ref", "doc", "locator", "page", "text", "url", "sha256"} <= set(data)
    assert (data["status"], data["legal_effect"], data["title"]) == ("current", "non_binding", doc.title)


def test_an_unknown_doc_option_is_an_error_naming_the_ids(library: Library) -> None:
    """--doc with a mistyped id fails before any reference is read, listing the known ids."""
    with pytest.raises(ConfigError, match="fx-robot-act-2027"):
        citation_pack(["Article 1"], library, "fx-robot-act")


def test_a_written_list_splits_into_references() -> None:
    """Semicolons and lines separate references; a bare number after a comma keeps the name and the word."""
    refs = split_references("RSA 2027 Art. 1, 2(2), 4; 第二条\nData Guidelines Article 3\n\n")
    assert refs == ["RSA 2027 Art. 1", "RSA 2027 Art. 2(2)", "RSA 2027 Art. 4", "第二条", "Data Guidelines Article 3"]


# ---------------------------------------------------------------- pack formats


def test_pack_formats_carry_each_entry(library: Library) -> None:
    """JSON and CSV hold every resolved and unresolved reference; Markdown quotes the text and lists failures."""
    entries = citation_pack(["RSA 2027 Article 4(1)", "Article 9"], library)
    data = json.loads(pack_json(entries))
    assert data[0]["locator"] == "Article 4(1)" and "ten thousand euro" in data[0]["text"]
    assert data[1] == {"ref": "Article 9", "error": "no indexed text has Article 9"}
    rows = list(csv.DictReader(io.StringIO(pack_csv(entries))))
    assert rows[0]["text"] == data[0]["text"] and rows[1]["error"] == data[1]["error"]
    md = pack_markdown(entries)
    assert "1 of 2 references resolved" in md and f"`{data[0]['sha256']}`" in md
    assert "> (1) An operator who fails to register a robot" in md
    assert "## Not resolved" in md and "- **Article 9**: no indexed text has Article 9" in md


# ---------------------------------------------------------------- versions


def test_a_superseded_act_and_its_successor_are_diffed_provision_by_provision(library: Library) -> None:
    """2020 → 2027: the two shared articles changed, the two new ones added, both sides cited."""
    diff = diff_versions(library, "fx-robot-act-2020", "fx-robot-act-2027")
    assert "superseded by" in diff.relation
    changes = {p.locator: p.change for p in diff.provisions}
    assert {k: v for k, v in changes.items() if k.startswith("Article")} == {
        "Article 1": "changed",
        "Article 2": "changed",
        "Article 3": "added",
        "Article 4": "added",
    }
    data = json.loads(diff_json(diff))
    assert (data["a"], data["b"]) == ("fx-robot-act-2020", "fx-robot-act-2027")
    art2 = next(p for p in data["provisions"] if p["locator"] == "Article 2")
    assert "registered letter" in art2["a_text"] and "national registry" in art2["b_text"]
    assert art2["a_cite"].startswith("Robot Safety Act 2020, Article 2(1)")
    assert art2["b_cite"].startswith("Robot Safety Act 2027, Article 2(1)")
    md = diff_markdown(diff)
    assert "## Article 3 — added" in md and "~~notify~~ **enter each robot in**" in md


def test_word_diff_rebuilds_both_texts(library: Library) -> None:
    """Kept and removed runs give back the old text, kept and added runs the new one (words, spacing aside)."""
    diff = diff_versions(library, "fx-robot-act-2020", "fx-robot-act-2027", "Article 1")
    (p,) = diff.provisions
    old = "".join(t for op, t in p.words if op in "=-")
    new = "".join(t for op, t in p.words if op in "=+")
    assert old.split() == p.a_text.split() and new.split() == p.b_text.split()
    assert "<del>" in words_html(p) and "<ins>" in words_html(p)


@pytest.mark.parametrize(
    ("a", "b", "change"),
    [
        ("The Act applies.", "The  Act\napplies.", ()),
        ("The Act applies.", "The Act no longer applies.", (("+", " no longer"),)),
        ("登録しなければならない。", "登録することができる。", None),
    ],
)
def test_word_diff(a: str, b: str, change: tuple[tuple[str, str], ...] | None) -> None:
    """Reflowed whitespace is no change; a Japanese sentence is compared character by character."""
    ops = word_diff(a, b)
    if change == ():
        assert all(op == "=" for op, _ in ops)
    elif change is not None:
        assert [o for o in ops if o[0] != "="] == list(change)
    else:
        assert ops[0] == ("=", "登録") and ("-", "しなければならない") in ops


def test_only_versions_of_one_text_are_diffed(library: Library) -> None:
    """Two different texts, or one text in two languages, get a message instead of a diff."""
    with pytest.raises(NotVersionsError, match="not versions of one text"):
        diff_versions(library, "fx-robot-act-2027", "fx-data-guidelines")
    with pytest.raises(NotVersionsError, match="in two languages"):
        diff_versions(library, "fx-jp-robot-ja", "fx-jp-robot-en")
    with pytest.raises(DiffError, match="Neither"):
        diff_versions(library, "fx-robot-act-2020", "fx-robot-act-2027", "Article 7")


@pytest.mark.parametrize(
    ("a", "b", "relation"),
    [
        (Document("x-1", "X", "X", superseded_by="x-2"), Document("x-2", "X", "X", superseded_by="x-3"), "superseded"),
        (Document("x-1", "X", "X", superseded_by="x-2"), Document("x-3", "X", "X"), "superseded"),  # along the chain
        (Document("x-a", "A", "A", aliases=("SB 1",)), Document("x-b", "B", "B", aliases=("sb 1",)), "'SB 1'"),
        (Document("x-a", "A", "A", translation_of="o"), Document("x-b", "B", "B", translation_of="o"), "translate o"),
    ],
)
def test_the_manifest_says_which_texts_are_versions(a: Document, b: Document, relation: str) -> None:
    """superseded_by (followed along a chain), a common original, or a shared alias make two versions."""
    documents = {d.id: d for d in (a, b, Document("x-2", "X", "X", superseded_by="x-3"), Document("x-3", "X", "X"))}
    assert relation in versions_relation(a, b, documents)


# ---------------------------------------------------------------- reading the index


def test_library_reads_the_stored_chunks(corpus: tuple[Settings, Manifest], library: Library) -> None:
    """`load_library` reads what ingest stored (a real Chroma index here) and resolves from it alike."""
    settings, manifest = corpus
    (settings.manifest).write_text("", encoding="utf-8")
    embedders = {"dense": KeywordEmbedder("fake-keywords"), "multilingual": KeywordEmbedder("fake-keywords-2")}
    ingest(settings, manifest=manifest, embedders=dict(embedders))
    store = ChromaStore(settings, model_names={k: e.name for k, e in embedders.items()})
    stored = load_library(settings, store=store, manifest=manifest)
    assert sorted(c.id for c in stored.chunks) == sorted(c.id for c in library.chunks)
    assert _cited(resolve("Article 3(2)", stored, "fx-robot-act-2027")).text == (
        _cited(resolve("Article 3(2)", library, "fx-robot-act-2027")).text
    )


def test_library_paths(tmp_path: Path) -> None:
    """A document the manifest lists but the index lacks is an IndexMissingError that says to ingest."""
    from govqa.errors import IndexMissingError

    lib = Library({"a": Document("a", "A", "A")}, [])
    with pytest.raises(IndexMissingError, match="govqa ingest"):
        lib.document("a")


def test_spacing_is_not_a_change() -> None:
    """Two versions whose article differs only in spacing ("60 (1)" / "60(1)", a split word) read unchanged."""
    old = Document("v-1", "V", "V 1", superseded_by="v-2", status="superseded")
    new = Document("v-2", "V", "V 2")

    def chunk(doc: str, text: str, ordinal: int) -> Chunk:
        return Chunk(doc, f"Article {ordinal}", (f"Article {ordinal}",), text, 0, len(text), None, None, "en", ordinal)

    lib = Library(
        {d.id: d for d in (old, new)},
        [
            chunk("v-1", "Article 1 under Article 60 (1) the DEPLOY ER shall", 1),
            chunk("v-2", "Article 1 under Article 60(1) the DEPLOYER shall", 1),
            chunk("v-1", "Article 2 the deployer shall", 2),
            chunk("v-2", "Article 2 the deployer may", 2),
        ],
    )
    changes = {p.locator: p.change for p in diff_versions(lib, "v-1", "v-2").provisions}
    assert changes == {"Article 1": "unchanged", "Article 2": "changed"}
