"""The manifest and its files: load and validate, fetch from cache/mirror/URL, verify, re-pin."""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import re
import threading
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from govqa.corpus import (
    cached_path,
    fetch,
    http_download,
    load_added,
    load_corpus,
    load_manifest,
    repin,
    require_file,
    save_added,
    sha256_file,
    status,
)
from govqa.errors import ChecksumMismatchError, ConfigError, SourceUnavailableError
from govqa.records import Document
from govqa.search.claim_reading import ClaimReader
from govqa.search.routing import Router
from govqa.settings import PROJECT_ROOT

REAL_MANIFEST = PROJECT_ROOT / "corpus" / "sources.toml"
CONTENT = b"Invented text of a robot rulebook, version one.\n"
OTHER = b"Invented text of a robot rulebook, version two (changed).\n"


def _doc(**fields: Any) -> Document:
    values: dict[str, Any] = {
        "id": "fx-rulebook",
        "title": "Robot Rulebook",
        "short_title": "Rulebook",
        "file": "fx-rulebook.txt",
        "sha256": hashlib.sha256(CONTENT).hexdigest(),
        "official_url": "https://example.org/rulebook",
        "format": "txt",
        "profile": "generic",
    }
    values.update(fields)
    return Document(**values)


ENTRY = """[[document]]
id = "{id}"
file = "{file}"
title = "Robot Rulebook"
short_title = "Rulebook"
sha256 = "{sha}"
official_url = "{url}"
format = "txt"
profile = "generic"
"""


def _manifest_text(**fields: str) -> str:
    values = {
        "id": "fx-rulebook",
        "file": "fx-rulebook.txt",
        "sha": hashlib.sha256(CONTENT).hexdigest(),
        "url": "https://example.org/rulebook",
    }
    values.update(fields)
    return ENTRY.format(**values)


# ---------------------------------------------------------------- the real manifest


def test_real_manifest_loads() -> None:
    """corpus/sources.toml parses and validates, with documents and references."""
    manifest = load_manifest(REAL_MANIFEST)
    assert len(manifest.documents) >= 10
    assert manifest.jurisdiction_words


def test_real_manifest_ids_and_short_titles_are_unique() -> None:
    """No two entries share an id or a short title."""
    manifest = load_manifest(REAL_MANIFEST)
    entries = manifest.documents + manifest.references
    ids = [d.id for d in entries]
    titles = [d.short_title for d in entries if d.short_title]
    assert len(ids) == len(set(ids))
    assert len(titles) == len(set(titles))


def test_real_manifest_pins_are_well_formed() -> None:
    """Every document pins a 64-hex sha256, a byte size, a bare file name and a known format."""
    for doc in load_manifest(REAL_MANIFEST).documents:
        assert re.fullmatch(r"[0-9a-f]{64}", doc.sha256), doc.id
        assert doc.bytes > 0, doc.id
        assert Path(doc.file).name == doc.file and doc.file.startswith(doc.id), doc.id
        assert doc.format in {"pdf", "xml", "txt"}, doc.id


def test_real_manifest_cross_references_resolve() -> None:
    """translation_of and superseded_by name documents that exist; profiles exist on disk."""
    manifest = load_manifest(REAL_MANIFEST)
    ids = {d.id for d in manifest.documents}
    for doc in manifest.documents:
        for target in (doc.translation_of, doc.superseded_by):
            assert not target or target in ids, f"{doc.id} → {target}"
        assert (PROJECT_ROOT / "ingest" / "profiles" / f"{doc.profile}.toml").is_file(), doc.profile


def test_seat_words_are_jurisdiction_words_and_seats(tmp_path: Path) -> None:
    """A [seat_words] entry routes like a jurisdiction word and is listed as a seat (a place no text must name)."""
    text = REAL_MANIFEST.read_text(encoding="utf-8").split("[jurisdiction_words]")[0]
    path = tmp_path / "sources.toml"
    path.write_text(text + '[jurisdiction_words]\nEU = ["EU"]\n\n[seat_words]\nEU = ["Brussels"]\n', encoding="utf-8")
    manifest = load_manifest(path)
    assert manifest.jurisdiction_words["EU"] == ("EU", "Brussels") and manifest.seats == ("Brussels",)


@pytest.mark.parametrize(
    ("claim", "jurisdictions"),
    [
        # an executive named for its jurisdiction, as a seat is ("Brussels' guidance")
        ("The Commission's guidance on general-purpose AI models says legacy models need no retraining.", {"EU"}),
        ("欧州委員会のガイドラインによれば、職場での感情認識は禁止される。", {"EU"}),
        # counter-examples: another jurisdiction's commission, or a commission named by its own title
        ("Japan's Personal Information Protection Commission's guidelines cover AI.", {"JP"}),
        ("A national AI commission drafted the guidelines.", set()),
    ],
)
def test_the_european_commission_stands_for_the_eu(claim: str, jurisdictions: set[str]) -> None:
    """News names the EU's guidance by the body that issues it ("the Commission's guidelines on …"), as it names
    the EU by its seat; a commission of another jurisdiction, or one without the article, is not the EU's."""
    manifest = load_manifest(REAL_MANIFEST)
    router = Router(manifest.documents, manifest.jurisdiction_words, manifest.seats)
    assert router.jurisdictions_named(claim) == jurisdictions


def test_a_claim_naming_the_commissions_guidance_is_about_the_eus_guidelines() -> None:
    """ "The Commission's guidance on GPAI models says …" is about the EU's guidelines on them, not only about the
    AI Act the claim goes on to name."""
    reader = ClaimReader(load_manifest(REAL_MANIFEST))
    reading = reader.read("The Commission's guidance on GPAI models says old models must be retrained (AI Act).")
    assert "eu-guidelines-gpai-scope-c2025-5045-en" in reading.doc_ids
    assert "eu-guidelines-gpai-scope-c2025-5045-en" not in reader.read("The AI Act bans social scoring.").doc_ids


@pytest.mark.parametrize(
    ("claim", "doc_type"),
    [
        ("The EU's code of practice is voluntary for model providers.", "code_of_practice"),
        ("The EU's own general-purpose AI code says adherence is no proof of compliance.", "code_of_practice"),
        ("The G7 code of conduct tells labs to test their models.", "code_of_conduct"),
    ],
)
def test_a_code_is_named_by_its_jurisdiction_and_kind(claim: str, doc_type: str) -> None:
    """A code of practice or of conduct, or "the code" as news shortens it, names the jurisdiction's codes."""
    manifest = load_manifest(REAL_MANIFEST)
    docs = {d.id: d for d in manifest.documents}
    named = ClaimReader(manifest).read(claim).doc_ids
    assert named and {docs[d].doc_type for d in named} == {doc_type}


def test_every_jurisdiction_word_code_is_used() -> None:
    """Each jurisdiction in [jurisdiction_words] is the jurisdiction of at least one document."""
    manifest = load_manifest(REAL_MANIFEST)
    used = {d.jurisdiction for d in manifest.documents + manifest.references}
    assert set(manifest.jurisdiction_words) <= used


# ---------------------------------------------------------------- validation


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        (_manifest_text() + "\n" + _manifest_text(file="other.txt"), "duplicate id 'fx-rulebook'"),
        (_manifest_text(file="../../etc/passwd"), "file name '../../etc/passwd' must be a bare file name"),
        (_manifest_text(file=".."), "must be a bare file name"),
        (_manifest_text(url="file:///etc/passwd"), "URL 'file:///etc/passwd' must start with https://"),
        (_manifest_text(url="javascript:alert(1)"), "must start with https:// or http://"),
        (_manifest_text(sha="abc123"), "sha256 must be 64 lowercase hex digits"),
        (_manifest_text(sha="G" * 64), "sha256 must be 64 lowercase hex digits"),
        (_manifest_text(sha="A" * 64), "sha256 must be 64 lowercase hex digits"),
        (_manifest_text().replace('profile = "generic"\n', ""), "missing field(s) profile"),
        (_manifest_text() + 'colour = "red"\n', "unknown field(s) colour"),
        ("[[document]\nid = ", "not valid TOML"),
    ],
    ids=[
        "duplicate-id",
        "path-traversal",
        "dot-dot",
        "file-url",
        "js-url",
        "short-sha",
        "non-hex-sha",
        "upper-sha",
        "missing-field",
        "unknown-field",
        "bad-toml",
    ],
)
def test_invalid_manifests_name_the_problem(tmp_path: Path, text: str, fragment: str) -> None:
    """Each manifest error is a ConfigError naming the manifest and the offending field or value."""
    path = tmp_path / "sources.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError) as info:
        load_manifest(path)
    assert fragment in str(info.value)
    assert "sources.toml" in str(info.value)


def test_missing_manifest_is_a_config_error(tmp_path: Path) -> None:
    """A manifest path that does not exist is a ConfigError naming it."""
    with pytest.raises(ConfigError, match=r"nowhere\.toml"):
        load_manifest(tmp_path / "nowhere.toml")


REFERENCE = '[[reference]]\nid = "r"\ntitle = "R"\nshort_title = "R"\nofficial_url = "https://example.org/r"\n'


def test_references_need_no_file(tmp_path: Path) -> None:
    """[[reference]] entries need only id, titles and URL (no file, checksum, format or profile)."""
    path = tmp_path / "sources.toml"
    path.write_text(REFERENCE, encoding="utf-8")
    manifest = load_manifest(path)
    assert manifest.documents == () and [r.id for r in manifest.references] == ["r"]


def test_reference_without_short_title_is_a_config_error(tmp_path: Path) -> None:
    """A reference missing its short title is reported as a missing field, not a crash."""
    path = tmp_path / "sources.toml"
    path.write_text(REFERENCE.replace('short_title = "R"\n', ""), encoding="utf-8")
    with pytest.raises(ConfigError, match=r"reference #1 \(r\): missing field\(s\) short_title"):
        load_manifest(path)


def test_manifest_get_names_known_ids(tmp_path: Path) -> None:
    """Asking for an unknown id is a ConfigError listing the ids that exist."""
    path = tmp_path / "sources.toml"
    path.write_text(_manifest_text(), encoding="utf-8")
    with pytest.raises(ConfigError, match=r"'nope'.*fx-rulebook"):
        load_manifest(path).get("nope")


# ---------------------------------------------------------------- status and fetch


@pytest.fixture
def mirror(tmp_path: Path) -> Path:
    folder = tmp_path / "mirror"
    folder.mkdir()
    (folder / "fx-rulebook.txt").write_bytes(CONTENT)
    return folder


def test_status_reports_each_state(tmp_path: Path, mirror: Path) -> None:
    """status() says where a file could come from: cache, mirror, mismatch or missing, without copying."""
    cache = tmp_path / "cache"
    doc = _doc()
    assert status(doc, cache, None).state == "missing"
    in_mirror = status(doc, cache, mirror)
    assert (in_mirror.state, in_mirror.origin) == ("verified", "mirror")
    assert not cache.exists()
    cache.mkdir()
    (cache / doc.file).write_bytes(OTHER)
    bad = status(doc, cache, mirror)
    assert (bad.state, bad.origin) == ("mismatch", "cache")
    assert doc.sha256 in bad.detail and hashlib.sha256(OTHER).hexdigest() in bad.detail
    (cache / doc.file).write_bytes(CONTENT)
    assert (status(doc, cache, None).state, status(doc, cache, None).origin) == ("verified", "cache")


def test_fetch_from_mirror_verifies_and_caches(tmp_path: Path, mirror: Path) -> None:
    """A mirror copy with the pinned hash is copied into the cache; the next fetch uses the cache."""
    cache = tmp_path / "cache"
    first = fetch(_doc(), cache, mirror)
    assert (first.state, first.origin) == ("verified", "mirror")
    assert first.path == cached_path(_doc(), cache) and first.path.read_bytes() == CONTENT
    (mirror / "fx-rulebook.txt").unlink()
    second = fetch(_doc(), cache, mirror)
    assert (second.state, second.origin) == ("verified", "cache")
    assert sorted(p.name for p in cache.iterdir()) == ["fx-rulebook.txt"]


def test_checksum_mismatch_names_both_hashes_and_keeps_cache_clean(tmp_path: Path, mirror: Path) -> None:
    """A mirror file with other bytes raises ChecksumMismatchError and leaves no file (or partial) in the cache."""
    (mirror / "fx-rulebook.txt").write_bytes(OTHER)
    cache = tmp_path / "cache"
    doc = _doc()
    with pytest.raises(ChecksumMismatchError) as info:
        fetch(doc, cache, mirror)
    message = str(info.value)
    assert doc.sha256 in message and hashlib.sha256(OTHER).hexdigest() in message
    assert "fx-rulebook" in message and "--accept-new-checksum" in message
    assert list(cache.iterdir()) == []


def test_accept_new_checksum_keeps_the_file_and_repin_rewrites_the_manifest(tmp_path: Path, mirror: Path) -> None:
    """With accept_new_checksum the new file is cached and its hash reported; repin writes it to the manifest."""
    manifest_path = tmp_path / "sources.toml"
    manifest_path.write_text("# my corpus\n" + _manifest_text(), encoding="utf-8")
    doc = load_manifest(manifest_path).get("fx-rulebook")
    (mirror / "fx-rulebook.txt").write_bytes(OTHER)
    new_sha = hashlib.sha256(OTHER).hexdigest()
    result = fetch(doc, tmp_path / "cache", mirror, accept_new_checksum=True)
    assert result.state == "verified" and result.detail == f"re-pinned: new sha256 {new_sha}"
    assert result.path is not None and result.path.read_bytes() == OTHER
    repin(manifest_path, doc, new_sha)
    assert load_manifest(manifest_path).get("fx-rulebook").sha256 == new_sha
    assert manifest_path.read_text(encoding="utf-8").startswith("# my corpus\n")
    assert fetch(load_manifest(manifest_path).get("fx-rulebook"), tmp_path / "cache", None).origin == "cache"


def test_repin_refuses_an_ambiguous_manifest(tmp_path: Path) -> None:
    """repin edits only a unique checksum line; otherwise it asks for a hand edit."""
    path = tmp_path / "sources.toml"
    path.write_text(_manifest_text() + "\n" + _manifest_text(id="twin", file="twin.txt"), encoding="utf-8")
    with pytest.raises(ConfigError, match="edit it by hand"):
        repin(path, _doc(), "0" * 64)


def test_fetch_without_source_is_missing_and_require_file_raises(tmp_path: Path) -> None:
    """Not in cache or mirror and no downloader: fetch says missing, require_file explains how to fetch."""
    result = fetch(_doc(), tmp_path / "cache", tmp_path / "empty-mirror")
    assert (result.state, result.path) == ("missing", None)
    with pytest.raises(SourceUnavailableError, match=r"fx-rulebook\.txt.*govqa corpus fetch"):
        require_file(_doc(), tmp_path / "cache", None)


def test_require_file_returns_the_verified_path(tmp_path: Path, mirror: Path) -> None:
    """require_file copies a good mirror file into the cache and returns its path."""
    path = require_file(_doc(), tmp_path / "cache", mirror)
    assert path == tmp_path / "cache" / "fx-rulebook.txt" and sha256_file(path) == _doc().sha256


# ---------------------------------------------------------------- downloads over loopback HTTP


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


@pytest.fixture
def http_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[tuple[str, Path]]:
    """A real HTTP server on 127.0.0.1 (ephemeral port) serving a tmp folder; shut down afterwards."""
    for name in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy", "all_proxy"):
        monkeypatch.delenv(name, raising=False)
    folder = tmp_path / "served"
    folder.mkdir()
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_QuietHandler, directory=str(folder)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", folder
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


def test_download_over_http_is_verified(tmp_path: Path, http_folder: tuple[str, Path]) -> None:
    """A file downloaded from its URL is verified, cached, and progress reports reach the total size."""
    base, folder = http_folder
    (folder / "rulebook.txt").write_bytes(CONTENT)
    doc = _doc(download_url=f"{base}/rulebook.txt")
    seen: list[tuple[int, int | None]] = []
    result = fetch(doc, tmp_path / "cache", None, download=http_download(5.0, lambda d, t: seen.append((d, t))))
    assert (result.state, result.origin) == ("verified", "url")
    assert (tmp_path / "cache" / "fx-rulebook.txt").read_bytes() == CONTENT
    assert seen and seen[-1] == (len(CONTENT), len(CONTENT))


def test_download_404_is_unreachable(tmp_path: Path, http_folder: tuple[str, Path]) -> None:
    """A 404 is reported as unreachable with the URL, and nothing is left in the cache."""
    base, _ = http_folder
    doc = _doc(download_url=f"{base}/missing.txt")
    result = fetch(doc, tmp_path / "cache", None, download=http_download(5.0))
    assert result.state == "unreachable"
    assert f"{base}/missing.txt" in result.detail and "404" in result.detail
    assert list((tmp_path / "cache").iterdir()) == []


def test_download_with_wrong_bytes_is_a_mismatch(tmp_path: Path, http_folder: tuple[str, Path]) -> None:
    """Downloaded bytes that differ from the pin raise ChecksumMismatchError and are not cached."""
    base, folder = http_folder
    (folder / "rulebook.txt").write_bytes(OTHER)
    with pytest.raises(ChecksumMismatchError):
        fetch(_doc(download_url=f"{base}/rulebook.txt"), tmp_path / "cache", None, download=http_download(5.0))
    assert list((tmp_path / "cache").iterdir()) == []


def test_official_url_is_used_without_download_url(tmp_path: Path, http_folder: tuple[str, Path]) -> None:
    """Without a download_url the official URL is fetched."""
    base, folder = http_folder
    (folder / "page").write_bytes(CONTENT)
    result = fetch(_doc(official_url=f"{base}/page"), tmp_path / "cache", None, download=http_download(5.0))
    assert (result.state, result.origin) == ("verified", "url")


# ---------------------------------------------------------------- user-added documents


def test_added_documents_round_trip_and_join_the_corpus(tmp_path: Path) -> None:
    """save_added records a document (file:// origin allowed) beside the cache; load_corpus adds it."""
    manifest_path = tmp_path / "sources.toml"
    manifest_path.write_text(_manifest_text(), encoding="utf-8")
    cache = tmp_path / "cache"
    mine = _doc(
        id="user-notes",
        file="user-notes.txt",
        aliases=("My notes", 'The "quoted" one'),
        bytes=42,
        official_url=(tmp_path / "My notes.txt").as_uri(),
    )  # where the user's file came from
    save_added(cache, mine)
    save_added(cache, dataclasses.replace(mine, title="Renamed"))  # same id: replaced, not duplicated
    (loaded,) = load_added(cache)
    assert loaded == dataclasses.replace(mine, title="Renamed")
    assert [d.id for d in load_corpus(manifest_path, cache).documents] == ["fx-rulebook", "user-notes"]
