"""Stage 1: the corpus manifest (what to read) and fetching files with their checksums verified."""

from govqa.corpus.fetch import FetchResult, cached_path, fetch, http_download, require_file, sha256_file, status
from govqa.corpus.manifest import Manifest, load_added, load_corpus, load_manifest, repin, save_added

__all__ = [
    "FetchResult",
    "Manifest",
    "cached_path",
    "fetch",
    "http_download",
    "load_added",
    "load_corpus",
    "load_manifest",
    "repin",
    "require_file",
    "save_added",
    "sha256_file",
    "status",
]
