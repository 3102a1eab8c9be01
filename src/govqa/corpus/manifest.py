"""The corpus manifest: which documents to read, with their official URLs and pinned sha256 (corpus/sources.toml),
plus the documents a user added locally (`govqa ingest --add`)."""

from __future__ import annotations

import tomllib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, fields
from pathlib import Path

from govqa.errors import ConfigError
from govqa.records import Document

_DOC_FIELDS = {f.name for f in fields(Document)}
_REQUIRED = ("id", "title", "short_title", "file", "sha256", "official_url", "format", "profile")
_ALLOWED_SCHEMES = ("https://", "http://")
_LIST_FIELDS = ("aliases", "revokes", "interprets")


@dataclass(frozen=True)
class Manifest:
    documents: tuple[Document, ...]
    references: tuple[Document, ...]  # important texts not mirrored yet (no file, no checksum)
    jurisdiction_words: dict[str, tuple[str, ...]] = field(default_factory=dict)
    # entries a lenient load skipped: (entry id or "?", the reason), reported by ingest as failed documents
    rejected: tuple[tuple[str, str], ...] = ()
    # jurisdiction words that are seats of government ("Brussels"): they stand for the jurisdiction itself, so a
    # text need not mention them (they are in `jurisdiction_words` too)
    seats: tuple[str, ...] = ()

    def get(self, doc_id: str) -> Document:
        for doc in self.documents:
            if doc.id == doc_id:
                return doc
        known = ", ".join(d.id for d in self.documents)
        raise ConfigError(f"No document {doc_id!r} in the manifest. Known ids: {known}")

    def select(self, doc_ids: Sequence[str] | None) -> list[Document]:
        """The documents named (all when none is), skipping rejected entries; an unknown id names the known ones."""
        if not doc_ids:
            return list(self.documents)
        rejected = {entry_id for entry_id, _ in self.rejected}
        return [self.get(i) for i in doc_ids if i not in rejected]


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
        if key in _LIST_FIELDS:
            ok, kind = isinstance(value, list) and all(isinstance(v, str) for v in value), "a list of strings"
        elif key == "bytes":
            ok, kind = isinstance(value, int) and not isinstance(value, bool), "a whole number"
        else:
            ok, kind = isinstance(value, str), "a string"
        if not ok:
            raise ConfigError(f"{where}: field {key} must be {kind}, not {type(value).__name__}; fix the entry.")
    values = dict(entry)
    for key in _LIST_FIELDS:
        values[key] = tuple(values.get(key, ()))  # type: ignore[arg-type]
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
    # A little over a screen: the checks read as one list of rules over one entry; `accept` applies them.
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
    seat_words = {str(k): tuple(str(w) for w in v) for k, v in data.get("seat_words", {}).items()}
    for code, seats in seat_words.items():
        words[code] = (*words.get(code, ()), *seats)
    return Manifest(docs, refs, words, tuple(rejected), tuple(w for ws in seat_words.values() for w in ws))


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
        manifest.documents + tuple(added),
        manifest.references,
        manifest.jurisdiction_words,
        manifest.rejected,
        manifest.seats,
    )
