"""Obtaining the files the manifest names: cache → local mirror → official URL, each verified by sha256.

A file enters the cache only after its sha256 matches the manifest, so everything downstream can trust that
`cache_dir / doc.file` is exactly the pinned version.
"""

from __future__ import annotations

import hashlib
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from govqa.errors import ChecksumMismatchError, SourceUnavailableError
from govqa.records import Document

FetchState = Literal["verified", "mismatch", "missing", "unreachable"]


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
    new_sha256: str = ""  # set when a mismatching file was accepted: the manifest should be re-pinned to it


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
            return FetchResult(doc.id, "verified", origin, f"re-pinned: new sha256 {actual}", path, new_sha256=actual)
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
