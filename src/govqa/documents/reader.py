"""One file → its chunks: parse (by format), segment along the document's own structure (by its profile),
chunk, tag each chunk with its roles. Pure apart from reading the files; `build_key` says when a document
must be re-chunked or re-tagged."""

from __future__ import annotations

import hashlib
from dataclasses import replace
from pathlib import Path

from govqa.documents.chunking import CHUNKER_VERSION, chunk_sections
from govqa.documents.parsing import parse_file
from govqa.documents.profiles import load_profile
from govqa.documents.roles import load_roles, roles_of
from govqa.documents.structure import segment
from govqa.errors import GovQAError, UnreadableDocumentError
from govqa.records import Chunk, Document
from govqa.settings import Settings


def _pipeline_code_hash() -> str:
    """Hash of the code that turns files into chunks, so a parser fix re-chunks what it touches."""
    root = Path(__file__).parent  # govqa/documents
    h = hashlib.sha256()
    for path in sorted(
        [root / "structure.py", root / "chunking.py", root / "roles.py", *(root / "parsing").glob("*.py")]
    ):
        h.update(path.read_bytes())
    return h.hexdigest()


_PIPELINE_CODE_HASH = _pipeline_code_hash()


def build_key(settings: Settings, profile_path: Path) -> str:
    """Changes whenever re-chunking could change a document's chunks or their roles."""
    h = hashlib.sha256()
    h.update(CHUNKER_VERSION.encode())
    h.update(_PIPELINE_CODE_HASH.encode())
    h.update(profile_path.read_bytes() if profile_path.is_file() else b"")
    h.update(settings.roles.read_bytes() if settings.roles.is_file() else b"")
    h.update(f"{settings.chunking.max_chars}/{settings.chunking.min_chars}".encode())
    return h.hexdigest()[:16]


def chunk_document(doc: Document, path: Path, settings: Settings) -> tuple[list[Chunk], int]:
    """Parse, chunk and tag one file (pure apart from reading it and the rules). Returns chunks and page count."""
    profile = load_profile(settings.profiles_dir, doc.profile)
    rules = load_roles(settings.roles)  # a malformed roles file fails every document alike, before any parsing
    try:
        source = parse_file(path, doc, profile)
        sizes = settings.chunking
        chunks = chunk_sections(source, segment(source, profile), max_chars=sizes.max_chars, min_chars=sizes.min_chars)
    except GovQAError:
        raise
    except Exception as exc:  # a hostile file may trip any parser error; it is that file's failure, not the run's
        raise UnreadableDocumentError(
            f"{doc.id}: {path.name} could not be read ({type(exc).__name__}: {exc}); check or replace the file."
        ) from exc
    if not chunks:
        raise GovQAError(f"{doc.id}: {path.name} produced no text chunks; check the file and its profile.")
    return [replace(c, roles=roles_of(c, rules)) for c in chunks], len(source.page_starts)
