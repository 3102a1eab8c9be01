"""Hostile files through `govqa ingest --add FILE` and through the manifest: each is refused with one
line naming the file and the reason, no traceback, exit code 1; the other documents still ingest and
the existing index loses nothing. Files that point at local secrets (XXE, `../../etc/passwd`) never
leak them into the output, the cache or the index."""

from __future__ import annotations

import hashlib
import io
import random
import zlib
from collections.abc import Callable
from contextlib import redirect_stderr, redirect_stdout
from dataclasses import dataclass
from pathlib import Path

import pytest
from conftest import fake_embedders, index_snapshot, make_pdf
from fixture_corpus import DOCUMENTS, build_corpus, manifest_toml

import govqa.index.embedders as embedders_module
import govqa.index.pipeline as ingest_module
from govqa.cli import main
from govqa.corpus import sha256_file
from govqa.records import Document

SECRET = "TOP-SECRET-7f3a9c-never-index-me"
LATE_DOC = "fx-robot-act-2020"  # not in the index before the run: it must still ingest beside the hostile entry


# ---------------------------------------------------------------- the hostile files


def _text_pdf(path: Path, pages: int = 2) -> bytes:
    lines = [f"Article {i}" for i in range(1, 4)] + ["A robot shall carry a transparency label at all times."] * 3
    return make_pdf(path, [lines] * pages).read_bytes()


def _encrypted_pdf(path: Path) -> bytes:
    from pypdf import PdfReader, PdfWriter

    plain = path.with_name("plain-for-encryption.pdf")
    _text_pdf(plain)
    writer = PdfWriter(clone_from=PdfReader(plain))
    writer.encrypt(user_password="open-sesame", owner_password="owner", algorithm="RC4-128")
    with path.open("wb") as fh:
        writer.write(fh)
    return path.read_bytes()


def _image_only_pdf(path: Path) -> bytes:
    from fpdf import FPDF
    from PIL import Image, ImageDraw

    image = Image.new("RGB", (400, 200), "white")
    ImageDraw.Draw(image).rectangle((20, 20, 380, 180), outline="black", width=5)
    pdf = FPDF()
    for _ in range(2):
        pdf.add_page()
        pdf.image(image, x=10, y=10, w=150)
    pdf.output(str(path))
    return path.read_bytes()


def _many_pages_pdf(path: Path) -> bytes:
    from pypdf import PdfWriter

    writer = PdfWriter()
    for _ in range(3000):
        writer.add_blank_page(width=595, height=842)
    with path.open("wb") as fh:
        writer.write(fh)
    return path.read_bytes()


def _huge_stream_pdf(path: Path) -> bytes:
    """One page whose content stream inflates to 200 MB (a decompression bomb of 200 KB)."""
    content = zlib.compress(b"BT /F1 12 Tf 72 720 Td (x) Tj ET\n" + b" " * 200_000_000, 9)
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(content) + content + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.7\n")
    offsets = []
    for n, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % n + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    path.write_bytes(bytes(out))
    return bytes(out)


_LAW = """<?xml version="1.0" encoding="UTF-8"?>
{doctype}<Law Lang="en"><LawNum>Act No. 1</LawNum><LawBody><LawTitle>Hostile Act</LawTitle><MainProvision>
<Article Num="1"><ArticleTitle>Article 1</ArticleTitle><Paragraph Num="1"><ParagraphNum/>
<ParagraphSentence><Sentence>{body}</Sentence></ParagraphSentence></Paragraph></Article>
</MainProvision></LawBody></Law>
"""


def _xxe_xml(path: Path) -> bytes:
    secret = path.with_name("secret.txt")
    secret.write_text(SECRET, encoding="utf-8")
    doctype = f'<!DOCTYPE Law [<!ENTITY leak SYSTEM "{secret.resolve().as_uri()}">]>\n'
    return _LAW.format(doctype=doctype, body="The secret is &leak; indeed.").encode()


def _billion_laughs_xml(path: Path) -> bytes:
    lines = ['<!ENTITY lol0 "lol">']
    lines += [f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10}">' for i in range(1, 10)]
    doctype = "<!DOCTYPE Law [" + "".join(lines) + "]>\n"
    return _LAW.format(doctype=doctype, body="&lol9;").encode()


@dataclass(frozen=True)
class Hostile:
    name: str  # also the file name
    fmt: str
    profile: str
    build: Callable[[Path], bytes]
    reason: str  # a fragment the error line must contain


HOSTILE = (
    Hostile("empty.pdf", "pdf", "generic", lambda p: b"", "empty"),
    Hostile("truncated.pdf", "pdf", "generic", lambda p: _text_pdf(p)[: len(_text_pdf(p)) // 2], "not a readable PDF"),
    Hostile(
        "random.pdf",
        "pdf",
        "generic",
        lambda p: b"%PDF-1.7\n" + random.Random(7).randbytes(20_000),
        "not a readable PDF",
    ),
    Hostile(
        "webpage.pdf",
        "pdf",
        "generic",
        lambda p: b"<!DOCTYPE html><html><body><p>Hi</p></body></html>",
        "not a readable PDF",
    ),
    Hostile("locked.pdf", "pdf", "generic", _encrypted_pdf, "encrypted"),
    Hostile("scanned.pdf", "pdf", "generic", _image_only_pdf, "no text layer"),
    Hostile("thousands-of-pages.pdf", "pdf", "generic", _many_pages_pdf, "no text layer"),
    Hostile("bomb.pdf", "pdf", "generic", _huge_stream_pdf, "safety limit"),
    Hostile(
        "malformed.xml", "xml", "jp-law-xml", lambda p: b"<Law><LawBody><LawTitle>Broken</LawBody>", "malformed XML"
    ),
    Hostile("xxe.xml", "xml", "jp-law-xml", _xxe_xml, "entit"),
    Hostile("laughs.xml", "xml", "jp-law-xml", _billion_laughs_xml, "entit"),
    Hostile("empty.txt", "txt", "articles-text", lambda p: b"", "empty"),
    Hostile("latin1.txt", "txt", "articles-text", lambda p: "Artikel 1 Größe".encode("latin-1"), "not UTF-8"),
)


@pytest.fixture(scope="session")
def hostile_files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Every hostile file, built once per session in its own folder."""
    folder = tmp_path_factory.mktemp("hostile")
    out = {}
    for h in HOSTILE:
        path = folder / h.name
        data = h.build(path)
        path.write_bytes(data)
        out[h.name] = path
    return out


# ---------------------------------------------------------------- an index to protect


@dataclass
class Env:
    root: Path
    mirror: Path
    manifest: Path
    good: tuple[Document, ...]

    def run(self, *argv: str) -> tuple[int, str, str]:
        out, err = io.StringIO(), io.StringIO()
        with redirect_stdout(out), redirect_stderr(err):
            code = main(list(argv))
        return code, out.getvalue(), err.getvalue()

    def snapshot(self) -> dict[str, list[tuple[str, str, str, tuple[float, ...]]]]:
        return index_snapshot(self.root / "index")

    def add_entry(self, entry: str) -> None:
        self.manifest.write_text(manifest_toml(self.good) + entry, encoding="utf-8")


@pytest.fixture
def env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Env:
    """A mirror with the fixture corpus, an index of all of it but LATE_DOC, and GOVQA_* pointing here.

    The CLI builds its embedders from settings; here they are the keyword fakes (no model load)."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(ingest_module, "build_embedders", lambda settings: fake_embedders())
    monkeypatch.setattr(embedders_module, "build_embedders", lambda settings: fake_embedders())  # the CLI's
    mirror = tmp_path / "mirror"
    corpus = build_corpus(mirror)
    manifest = tmp_path / "sources.toml"
    for name, value in (("MANIFEST", manifest), ("CACHE_DIR", tmp_path / "cache"), ("INDEX_DIR", tmp_path / "index")):
        monkeypatch.setenv(f"GOVQA_{name}", str(value))
    early = tuple(d for d in corpus.documents if d.id != LATE_DOC)
    manifest.write_text(manifest_toml(early), encoding="utf-8")
    e = Env(tmp_path, mirror, manifest, corpus.documents)
    code, _, err = e.run("ingest", "--mirror", str(mirror))
    assert code == 0, err
    return e


def _check_refusal(code: int, out: str, err: str, *fragments: str) -> str:
    """Exit 1, no traceback, and one `error:` line holding every fragment; returns that line."""
    assert code == 1
    assert "Traceback" not in out + err
    lines = [line for line in err.splitlines() if line.startswith("error: ")]
    assert lines, err
    hits = [line for line in lines if all(f.lower() in line.lower() for f in fragments)]
    assert hits, (fragments, lines)
    assert [line for line in err.splitlines() if line.strip()] == lines, "nothing but error lines on stderr"
    return hits[0]


def _assert_no_secret(env: Env, out: str, err: str, secret: str) -> None:
    assert secret not in out + err
    for collection in env.snapshot().values():
        assert not any(secret in text or secret in meta for _, text, meta, _ in collection)
    for path in (env.root / "cache").rglob("*"):
        if path.is_file():
            assert secret.encode() not in path.read_bytes(), path


def _passwd_line() -> str:
    passwd = Path("/etc/passwd")
    return passwd.read_text(encoding="utf-8").splitlines()[0] if passwd.is_file() else "root:x:0:0:"


# ---------------------------------------------------------------- through `ingest --add FILE`


@pytest.mark.parametrize("hostile", HOSTILE, ids=[h.name for h in HOSTILE])
def test_add_refuses_a_hostile_file_and_keeps_the_index(
    env: Env, hostile_files: dict[str, Path], hostile: Hostile
) -> None:
    """`ingest --add` of a hostile file: exit 1, one error line naming the file and the reason, index unchanged."""
    path = hostile_files[hostile.name]
    before = env.snapshot()
    code, out, err = env.run("ingest", "--add", str(path))
    _check_refusal(code, out, err, hostile.name, hostile.reason)
    assert env.snapshot() == before
    assert not list((env.root / "cache").glob("user-*")), "a refused file must not enter the cache"
    _assert_no_secret(env, out, err, SECRET)


@pytest.mark.parametrize(
    ("target", "fragments"),
    [
        ("/etc/passwd", ("passwd", "unsupported type")),
        ("ftp://example.org/rules.pdf", ("ftp:", "no such file")),
        ("file:///etc/passwd", ("file:", "no such file")),
        ("../../../../../../etc/shadow.pdf", ("shadow.pdf", "no such file")),
    ],
)
def test_add_refuses_paths_and_urls_that_are_not_a_readable_file(
    env: Env, target: str, fragments: tuple[str, ...]
) -> None:
    """`ingest --add` of a system file, a URL or a climbing path: refused by name, nothing read or indexed."""
    before = env.snapshot()
    code, out, err = env.run("ingest", "--add", target)
    _check_refusal(code, out, err, *fragments)
    assert env.snapshot() == before
    _assert_no_secret(env, out, err, _passwd_line())


def test_add_refuses_a_second_file_that_would_take_an_added_documents_id(env: Env, tmp_path: Path) -> None:
    """Two different files named notes.txt: the second is refused (same id), the first stays indexed as it was."""
    first, second = tmp_path / "a" / "notes.txt", tmp_path / "b" / "notes.txt"
    for path, word in ((first, "inspection"), (second, "impostor")):
        path.parent.mkdir()
        path.write_text(f"Notes\nArticle 1\nEvery robot needs a yearly {word} by its operator.\n", encoding="utf-8")
    code, _, err = env.run("ingest", "--add", str(first))
    assert code == 0, err
    before = env.snapshot()
    code, out, err = env.run("ingest", "--add", str(second))
    _check_refusal(code, out, err, "user-notes", "already used", "rename")
    assert env.snapshot() == before
    _assert_no_secret(env, out, err, "impostor")
    assert env.run("ingest", "--add", str(first))[0] == 0  # the same file again is an update, not a clash


# ---------------------------------------------------------------- through the manifest


def _entry(doc_id: str, file: str, sha: str, fmt: str, profile: str, url: str = "https://example.org/hostile") -> str:
    return (
        f'[[document]]\nid = "{doc_id}"\ntitle = "Hostile"\nshort_title = "Hostile"\nfile = "{file}"\n'
        f'sha256 = "{sha}"\nofficial_url = "{url}"\nformat = "{fmt}"\nprofile = "{profile}"\n'
    )


def _check_manifest_run(env: Env, before: dict, code: int, out: str, err: str, *fragments: str) -> None:
    """The refusal, LATE_DOC ingested beside it, the others unchanged, and every earlier chunk kept as it was."""
    _check_refusal(code, out, err, *fragments)
    states = {line.split()[0]: line.split()[1] for line in out.splitlines()[1:] if line.strip()}
    assert states[LATE_DOC] == "ingested"
    assert {states[d.id] for d in env.good if d.id != LATE_DOC} == {"unchanged"}
    after = env.snapshot()
    assert set(after) == set(before)
    for name, rows in before.items():
        kept = {row[0]: row for row in after[name]}
        assert all(kept.get(row[0]) == row for row in rows), f"{name} lost or changed a chunk"
        added = {row[0] for row in after[name]} - {row[0] for row in rows}
        assert added and all(cid.startswith(f"{LATE_DOC}:") for cid in added)


@pytest.mark.parametrize("hostile", HOSTILE, ids=[h.name for h in HOSTILE])
def test_manifest_entry_with_a_hostile_file_fails_alone(
    env: Env, hostile_files: dict[str, Path], hostile: Hostile
) -> None:
    """A manifest entry whose (correctly pinned) file is hostile fails by name; the rest of the run goes on."""
    path = hostile_files[hostile.name]
    (env.mirror / hostile.name).write_bytes(path.read_bytes())
    env.add_entry(_entry("fx-hostile", hostile.name, sha256_file(path), hostile.fmt, hostile.profile))
    before = env.snapshot()
    code, out, err = env.run("ingest", "--mirror", str(env.mirror))
    _check_manifest_run(env, before, code, out, err, "fx-hostile", hostile.name, hostile.reason)
    _assert_no_secret(env, out, err, SECRET)


def test_manifest_entry_with_a_wrong_checksum_fails_alone(env: Env) -> None:
    """A mirror file whose sha256 is not the pinned one is refused, named with both hashes, and never cached."""
    (env.mirror / "tampered.txt").write_text("Tampered\nArticle 1\nThe robot may do anything.\n", encoding="utf-8")
    pinned = hashlib.sha256(b"the bytes the manifest expects").hexdigest()
    env.add_entry(_entry("fx-tampered", "tampered.txt", pinned, "txt", "articles-text"))
    before = env.snapshot()
    code, out, err = env.run("ingest", "--mirror", str(env.mirror))
    _check_manifest_run(env, before, code, out, err, "fx-tampered", "tampered.txt", pinned, "manifest pins")
    assert not (env.root / "cache" / "tampered.txt").exists()
    _assert_no_secret(env, out, err, "may do anything")


_ANY_SHA = "0" * 64


@pytest.mark.parametrize(
    ("entry", "fragments"),
    [
        (
            _entry("fx-climb", "../../etc/passwd", _ANY_SHA, "txt", "generic"),
            ("fx-climb", "../../etc/passwd", "bare file name"),
        ),
        (_entry("fx-abs", "/etc/passwd", _ANY_SHA, "txt", "generic"), ("fx-abs", "/etc/passwd", "bare file name")),
        (
            _entry("fx-ftp", "rules.txt", _ANY_SHA, "txt", "generic", url="ftp://example.org/rules.txt"),
            ("fx-ftp", "ftp://example.org/rules.txt", "must start with https://"),
        ),
        (
            _entry("fx-file-url", "rules.txt", _ANY_SHA, "txt", "generic", url="file:///etc/passwd"),
            ("fx-file-url", "file:///etc/passwd", "must start with https://"),
        ),
    ],
    ids=["dot-dot-path", "absolute-path", "ftp-url", "file-url"],
)
def test_manifest_entry_that_escapes_its_folder_or_scheme_fails_alone(
    env: Env, entry: str, fragments: tuple[str, ...]
) -> None:
    """A path-like file name or a non-HTTP(S) URL rejects that entry only; nothing outside the folders is read."""
    env.add_entry(entry)
    before = env.snapshot()
    code, out, err = env.run("ingest", "--mirror", str(env.mirror))
    _check_manifest_run(env, before, code, out, err, *fragments)
    _assert_no_secret(env, out, err, _passwd_line())


def test_manifest_duplicate_id_keeps_the_first_entry(env: Env) -> None:
    """A second entry reusing an indexed id is rejected; the first entry's chunks stay exactly as they were."""
    (env.mirror / "impostor.txt").write_text("Impostor\nArticle 1\nRobots are exempt from everything.\n", "utf-8")
    sha = sha256_file(env.mirror / "impostor.txt")
    env.add_entry(_entry(DOCUMENTS[0].id, "impostor.txt", sha, "txt", "articles-text"))
    before = env.snapshot()
    code, out, err = env.run("ingest", "--mirror", str(env.mirror))
    _check_manifest_run(env, before, code, out, err, DOCUMENTS[0].id, "duplicate id")
    _assert_no_secret(env, out, err, "exempt from everything")


# ---------------------------------------------------------------- the real command, in its own process


@pytest.mark.parametrize("name", ["webpage.pdf", "random.pdf", "bomb.pdf", "laughs.xml", "xxe.xml"])
def test_the_govqa_command_prints_one_error_line_and_exits_1(
    hostile_files: dict[str, Path], tmp_path: Path, name: str
) -> None:
    """`python -m govqa.cli ingest --add FILE` in a fresh process: stderr is exactly one `error:` line, exit 1."""
    import os
    import subprocess
    import sys

    env = {k: v for k, v in os.environ.items() if not k.startswith("GOVQA_")}
    env |= {
        "GOVQA_MANIFEST": str(tmp_path / "none.toml"),
        "GOVQA_CACHE_DIR": str(tmp_path / "cache"),
        "GOVQA_INDEX_DIR": str(tmp_path / "index"),
    }
    done = subprocess.run(
        [sys.executable, "-m", "govqa.cli", "ingest", "--add", str(hostile_files[name])],
        env=env,
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 1
    lines = [line for line in done.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("error: user-") and name in lines[0], done.stderr
    assert SECRET not in done.stdout + done.stderr


def test_external_dtd_and_parameter_entities_are_never_loaded(env: Env, tmp_path: Path) -> None:
    """A law XML naming an external DTD and a parameter entity that point at a local file: it ingests as the
    text it carries, and the file's content is nowhere (the parser loads no DTD and resolves no entity)."""
    secret = tmp_path / "dtd-secret.txt"
    secret.write_text(f'<!ENTITY leak "{SECRET}">', encoding="utf-8")
    doctype = f'<!DOCTYPE Law SYSTEM "{secret.as_uri()}" [<!ENTITY % ext SYSTEM "{secret.as_uri()}"> %ext;]>\n'
    law = tmp_path / "dtd-law.xml"
    body = "Every robot shall be registered before its first use."
    law.write_text(_LAW.format(doctype=doctype, body=body), encoding="utf-8")
    code, out, err = env.run("ingest", "--add", str(law))
    assert "Traceback" not in out + err
    if code == 0:  # accepted: only the document's own words were indexed
        texts = [row[1] for rows in env.snapshot().values() for row in rows]
        assert any(body in t for t in texts)
    else:
        _check_refusal(code, out, err, "dtd-law.xml")
    _assert_no_secret(env, out, err, SECRET)


def test_lenient_manifest_keeps_good_entries_and_lists_the_rejected(tmp_path: Path) -> None:
    """load_manifest(lenient=True) drops each invalid entry with its reason; strict loading still raises."""
    from govqa.corpus import load_manifest
    from govqa.errors import ConfigError

    good = _entry("fx-good", "good.txt", _ANY_SHA, "txt", "generic")
    bad = [
        _entry("fx-climb", "../../etc/passwd", _ANY_SHA, "txt", "generic"),
        _entry("fx-ftp", "a.txt", _ANY_SHA, "txt", "generic", url="ftp://example.org/a.txt"),
        _entry("fx-good", "other.txt", _ANY_SHA, "txt", "generic"),
        _entry("fx-sha", "b.txt", "abc", "txt", "generic"),
        '[[document]]\nid = "fx-typed"\ntitle = 1\nshort_title = "T"\nfile = "c.txt"\nsha256 = "'
        + _ANY_SHA
        + '"\nofficial_url = "https://example.org/c"\nformat = "txt"\nprofile = "generic"\naliases = 5\n',
    ]
    path = tmp_path / "sources.toml"
    path.write_text("\n".join([good, *bad]), encoding="utf-8")
    manifest = load_manifest(path, lenient=True)
    assert [d.id for d in manifest.documents] == ["fx-good"]
    reasons = dict(manifest.rejected)
    assert [entry_id for entry_id, _ in manifest.rejected] == ["fx-climb", "fx-ftp", "fx-good", "fx-sha", "fx-typed"]
    assert "bare file name" in reasons["fx-climb"] and "must start with https://" in reasons["fx-ftp"]
    assert (
        "duplicate id" in reasons["fx-good"]
        and "sha256" in reasons["fx-sha"]
        and "must be a string" in reasons["fx-typed"]
    )
    with pytest.raises(ConfigError, match="bare file name"):
        load_manifest(path)
