"""The corpus manifest and the files it names: load, obtain (cache → mirror → URL), verify.

A file enters the cache only after its sha256 matches the manifest, so everything downstream
can trust that `cache_dir / doc.file` is exactly the pinned version.
"""

from __future__ import annotations

import hashlib
import shutil
import tomllib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Literal

from govqa.errors import ChecksumMismatchError, ConfigError, SourceUnavailableError
from govqa.records import Document

FetchState = Literal["verified", "mismatch", "missing", "unreachable"]
_DOC_FIELDS = {f.name for f in fields(Document)}
_REQUIRED = ("id", "title", "short_title", "file", "sha256", "official_url", "format", "profile")
_ALLOWED_SCHEMES = ("https://", "http://")


@dataclass(frozen=True)
class Manifest:
    documents: tuple[Document, ...]
    references: tuple[Document, ...]  # important texts not mirrored yet (no file, no checksum)
    jurisdiction_words: dict[str, tuple[str, ...]] = field(default_factory=dict)
    # entries a lenient load skipped: (entry id or "?", the reason), reported by ingest as failed documents
    rejected: tuple[tuple[str, str], ...] = ()

    def get(self, doc_id: str) -> Document:
        for doc in self.documents:
            if doc.id == doc_id:
                return doc
        known = ", ".join(d.id for d in self.documents)
        raise ConfigError(f"No document {doc_id!r} in the manifest. Known ids: {known}")


def _document_from_entry(
    entry: dict[str, object], where: str, required: Iterable[str], schemes: tuple[str, ...] = _ALLOWED_SCHEMES
) -> Document:
    missing = [k for k in required if not entry.get(k)]
    if missing:
        raise ConfigError(f"{where}: missing field(s) {', '.join(missing)}; add them to the manifest entry.")
    unknown = sorted(set(entry) - _DOC_FIELDS)
    if unknown:
        raise ConfigError(f"{where}: unknown field(s) {', '.join(unknown)}; see the field list atop sources.toml.")
    for key, value in entry.items():
        if key == "aliases":
            ok, kind = isinstance(value, list) and all(isinstance(v, str) for v in value), "a list of strings"
        elif key == "bytes":
            ok, kind = isinstance(value, int) and not isinstance(value, bool), "a whole number"
        else:
            ok, kind = isinstance(value, str), "a string"
        if not ok:
            raise ConfigError(f"{where}: field {key} must be {kind}, not {type(value).__name__}; fix the entry.")
    values = dict(entry)
    values["aliases"] = tuple(values.get("aliases", ()))  # type: ignore[arg-type]
    doc = Document(**values)  # type: ignore[arg-type]
    if doc.file and (
        Path(doc.file).name != doc.file
        or doc.file in (".", "..")
        or any(c in doc.file for c in "\\/:")
        or not doc.file.isprintable()
    ):
        raise ConfigError(f"{where}: file name {doc.file!r} must be a bare file name, not a path.")
    for url in (doc.official_url, doc.download_url):
        if url and not url.startswith(schemes):
            raise ConfigError(f"{where}: URL {url!r} must start with {' or '.join(schemes)}.")
    if doc.sha256 and (len(doc.sha256) != 64 or any(c not in "0123456789abcdef" for c in doc.sha256)):
        raise ConfigError(f"{where}: sha256 must be 64 lowercase hex digits.")
    return doc


def load_manifest(path: Path, *, schemes: tuple[str, ...] = _ALLOWED_SCHEMES, lenient: bool = False) -> Manifest:
    """Parse and validate sources.toml (`schemes`: URL prefixes allowed in the entries).

    Strict by default: the first invalid entry is a ConfigError. With `lenient`, an invalid entry (bad
    field, path-like file name, disallowed URL scheme, repeated id) is left out and listed in
    `Manifest.rejected`, so one bad entry cannot stop the others from being ingested or searched; a file
    that is not valid TOML stays an error either way.
    """
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise ConfigError(f"Manifest {path} not found; set GOVQA_MANIFEST or run from the checkout.") from exc
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ConfigError(f"Manifest {path} is not valid TOML: {exc}") from exc
    rejected: list[tuple[str, str]] = []
    seen: set[str] = set()

    def accept(kind: str, required: Iterable[str]) -> tuple[Document, ...]:
        out = []
        for i, entry in enumerate(data.get(kind, [])):
            entry_id = str(entry.get("id", "?")) if isinstance(entry, dict) else "?"
            where = f"{path.name} {kind} #{i + 1} ({entry_id})"
            try:
                if not isinstance(entry, dict):
                    raise ConfigError(f"{where}: is not a table; write it as [[{kind}]] with key = value lines.")
                doc = _document_from_entry(entry, where, required, schemes)
                if doc.id in seen:
                    raise ConfigError(
                        f"{path.name}: duplicate id {doc.id!r} ({where}); ids must be unique, so this entry "
                        "is skipped and the first one kept."
                    )
            except TypeError as exc:  # a field of the wrong TOML type (a number for a name, say)
                problem = ConfigError(
                    f"{where}: a field has the wrong type ({exc}); see the field list atop sources.toml."
                )
                if not lenient:
                    raise problem from exc
                rejected.append((entry_id, str(problem)))
                continue
            except ConfigError as exc:
                if not lenient:
                    raise
                rejected.append((entry_id, str(exc)))
                continue
            seen.add(doc.id)
            out.append(doc)
        return tuple(out)

    docs = accept("document", _REQUIRED)
    refs = accept("reference", ("id", "title", "short_title", "official_url"))
    words = {str(k): tuple(str(w) for w in v) for k, v in data.get("jurisdiction_words", {}).items()}
    return Manifest(docs, refs, words, tuple(rejected))


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


@dataclass(frozen=True)
class FetchResult:
    doc_id: str
    state: FetchState
    origin: str  # "cache", "mirror", "url" or ""
    detail: str = ""
    path: Path | None = None


def cached_path(doc: Document, cache_dir: Path) -> Path:
    return cache_dir / doc.file


def status(doc: Document, cache_dir: Path, mirror: Path | None) -> FetchResult:
    """Where the file could come from right now, without copying or downloading anything."""
    for origin, folder in (("cache", cache_dir), ("mirror", mirror)):
        if folder is None:
            continue
        path = folder / doc.file
        if path.is_file():
            actual = sha256_file(path)
            if actual == doc.sha256:
                return FetchResult(doc.id, "verified", origin, path=path)
            return FetchResult(doc.id, "mismatch", origin, f"expected {doc.sha256}, found {actual}", path)
    return FetchResult(doc.id, "missing", "", "not in cache or mirror")


def _install(src_bytes_path: Path, doc: Document, cache_dir: Path) -> Path:
    """Move a verified temporary file into the cache atomically."""
    cache_dir.mkdir(parents=True, exist_ok=True)
    target = cached_path(doc, cache_dir)
    src_bytes_path.replace(target)
    return target


Downloader = Callable[[str, Path], None]


def http_download(timeout_s: float, progress: Callable[[int, int | None], None] | None = None) -> Downloader:
    """A downloader over httpx with timeouts; `progress(bytes_so_far, total)` is called per block."""

    def download(url: str, dest: Path) -> None:
        import httpx

        with httpx.stream("GET", url, timeout=timeout_s, follow_redirects=True) as resp:
            resp.raise_for_status()
            total = int(resp.headers["content-length"]) if "content-length" in resp.headers else None
            done = 0
            with dest.open("wb") as fh:
                for block in resp.iter_bytes():
                    fh.write(block)
                    done += len(block)
                    if progress:
                        progress(done, total)

    return download


def fetch(
    doc: Document,
    cache_dir: Path,
    mirror: Path | None,
    *,
    download: Downloader | None = None,
    accept_new_checksum: bool = False,
) -> FetchResult:
    """Ensure a verified copy of `doc` is in the cache; raise on a checksum mismatch.

    Order: cache (already verified) → mirror → official download URL. With
    `accept_new_checksum`, a mismatching file is kept and the result reports the new hash so the
    caller can re-pin the manifest.
    """
    cached = cached_path(doc, cache_dir)
    if cached.is_file() and sha256_file(cached) == doc.sha256:
        return FetchResult(doc.id, "verified", "cache", path=cached)
    cache_dir.mkdir(parents=True, exist_ok=True)
    tmp = cache_dir / f".{doc.file}.part"
    origin = ""
    if mirror is not None and (mirror / doc.file).is_file():
        shutil.copyfile(mirror / doc.file, tmp)
        origin = "mirror"
    else:
        url = doc.download_url or doc.official_url
        if download is None:
            return FetchResult(doc.id, "missing", "", "not in cache or mirror, and downloading is off")
        try:
            download(url, tmp)
        except Exception as exc:  # httpx raises many kinds; all mean "could not get it"
            tmp.unlink(missing_ok=True)
            return FetchResult(doc.id, "unreachable", "url", f"{url}: {exc}")
        origin = "url"
    actual = sha256_file(tmp)
    if actual != doc.sha256:
        if accept_new_checksum:
            path = _install(tmp, doc, cache_dir)
            return FetchResult(doc.id, "verified", origin, f"re-pinned: new sha256 {actual}", path)
        tmp.unlink(missing_ok=True)
        raise ChecksumMismatchError(doc.id, f"{origin}:{doc.file}", doc.sha256, actual)
    return FetchResult(doc.id, "verified", origin, path=_install(tmp, doc, cache_dir))


def require_file(doc: Document, cache_dir: Path, mirror: Path | None) -> Path:
    """The verified local path of `doc`, fetched from the mirror if needed (never downloads)."""
    result = fetch(doc, cache_dir, mirror)
    if result.path is None:
        raise SourceUnavailableError(
            f"{doc.id}: {doc.file} is not in {cache_dir} or the mirror. Run `govqa corpus fetch` "
            "(with --mirror DIR or GOVQA_CORPUS_MIRROR on an offline machine)."
        )
    return result.path


def repin(manifest_path: Path, doc: Document, new_sha256: str) -> None:
    """Rewrite the manifest's checksum for `doc` after the user accepted a new file."""
    text = manifest_path.read_text(encoding="utf-8")
    old = f'sha256 = "{doc.sha256}"'
    if text.count(old) != 1:
        raise ConfigError(f"{manifest_path}: cannot find a unique line {old!r} to re-pin {doc.id}; edit it by hand.")
    manifest_path.write_text(text.replace(old, f'sha256 = "{new_sha256}"'), encoding="utf-8")


ADDED_MANIFEST = "added.toml"


def _toml_value(value: object) -> str:
    if isinstance(value, tuple | list):
        return "[" + ", ".join(_toml_value(v) for v in value) + "]"
    if isinstance(value, int):
        return str(value)
    return '"' + str(value).replace("\\", "\\\\").replace('"', '\\"') + '"'


def save_added(cache_dir: Path, doc: Document) -> None:
    """Record a user-added document next to the cached files (replacing one with the same id)."""
    path = cache_dir / ADDED_MANIFEST
    existing = [d for d in load_added(cache_dir) if d.id != doc.id]
    blocks = []
    for d in [*existing, doc]:
        lines = ["[[document]]"]
        for f in fields(Document):
            value = getattr(d, f.name)
            if value not in ("", (), 0) or f.name in _REQUIRED:
                lines.append(f"{f.name} = {_toml_value(value)}")
        blocks.append("\n".join(lines))
    cache_dir.mkdir(parents=True, exist_ok=True)
    path.write_text("# Documents added with `govqa ingest --add`\n\n" + "\n\n".join(blocks) + "\n", encoding="utf-8")


def load_added(cache_dir: Path) -> list[Document]:
    path = cache_dir / ADDED_MANIFEST
    if not path.is_file():
        return []
    # a user-added file is described by its original location, a file:// URL
    return list(load_manifest(path, schemes=(*_ALLOWED_SCHEMES, "file://"), lenient=True).documents)


def load_corpus(manifest_path: Path, cache_dir: Path) -> Manifest:
    """The manifest plus the documents users added locally; invalid entries are skipped and listed as rejected."""
    manifest = load_manifest(manifest_path, lenient=True)
    added = [d for d in load_added(cache_dir) if d.id not in {m.id for m in manifest.documents}]
    return Manifest(
        manifest.documents + tuple(added), manifest.references, manifest.jurisdiction_words, manifest.rejected
    )
