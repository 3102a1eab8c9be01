"""An ingest killed with SIGKILL at any point, then run again, leaves the index identical in content to a
clean build: the same chunk ids, texts, metadata and vectors in both collections, no duplicates, no half
documents.

The kill is real: `govqa ingest` runs in a child process whose Chroma collection writes are counted, and
the child SIGKILLs itself just before write number k (so every point between two writes is covered,
for every k of a whole run), or just before it would exit. The child uses the keyword embedders
(tests/conftest.py) so the runs stay fast; nothing else in govqa is replaced.
"""

from __future__ import annotations

import dataclasses
import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import fake_embedders, index_snapshot, make_settings
from fixture_corpus import ROBOT_ACT_2027, build_corpus, manifest_toml, pinned

from govqa.corpus import Manifest, load_corpus
from govqa.index.pipeline import ingest

TESTS = Path(__file__).resolve().parent

# The child: count Chroma collection writes, SIGKILL itself before write GOVQA_TEST_KILL_AT_WRITE (or at exit
# with GOVQA_TEST_KILL_AT_EXIT, or GOVQA_TEST_KILL_AFTER_S seconds into the run), log each write to
# GOVQA_TEST_WRITE_LOG, and otherwise run `govqa ingest`.
CHILD = """
import os, signal, sys
sys.path.insert(0, sys.argv[1])
from conftest import fake_embedders
import govqa.index.pipeline  # noqa
import govqa.index.embedders  # noqa
sys.modules["govqa.index.pipeline"].build_embedders = lambda settings: fake_embedders()
sys.modules["govqa.index.embedders"].build_embedders = lambda settings: fake_embedders()  # the CLI's
from chromadb.api.models.Collection import Collection

kill_at = int(os.environ.pop("GOVQA_TEST_KILL_AT_WRITE", "0"))
log = os.environ.pop("GOVQA_TEST_WRITE_LOG", "")
kill_at_exit = os.environ.pop("GOVQA_TEST_KILL_AT_EXIT", "")
writes = 0

def counted(name):
    real = getattr(Collection, name)
    def write(self, *args, **kwargs):
        global writes
        writes += 1
        if log:
            with open(log, "a") as fh:
                fh.write(f"{writes} {self.name} {name}\\n")
        if writes == kill_at:
            os.kill(os.getpid(), signal.SIGKILL)
        return real(self, *args, **kwargs)
    setattr(Collection, name, write)

for name in ("add", "upsert", "update", "delete"):
    counted(name)
kill_after = float(os.environ.pop("GOVQA_TEST_KILL_AFTER_S", "0"))
if kill_after:  # a kill wherever the run happens to be, inside Chroma's own writes included
    import threading
    threading.Timer(kill_after, os.kill, (os.getpid(), signal.SIGKILL)).start()
import time
from govqa.cli import main
began = time.perf_counter()
code = main(["ingest"])
print(f"run-seconds {time.perf_counter() - began:.3f}", file=sys.stderr)
if kill_at_exit:
    os.kill(os.getpid(), signal.SIGKILL)
sys.exit(code)
"""


@dataclasses.dataclass(frozen=True)
class Version:
    """One state of the corpus: its manifest file and the cache folder holding its files."""

    manifest_path: Path
    cache_dir: Path
    manifest: Manifest


def _version(root: Path, name: str, docs_of: callable) -> Version:  # type: ignore[valid-type]
    cache = root / f"cache-{name}"
    manifest = docs_of(build_corpus(cache), cache)
    path = root / f"sources-{name}.toml"
    path.write_text(manifest_toml(manifest.documents), encoding="utf-8")
    return Version(path, cache, manifest)


def _v1(corpus: Manifest, cache: Path) -> Manifest:
    """Every fixture document but the 2020 act."""
    return dataclasses.replace(corpus, documents=tuple(d for d in corpus.documents if d.id != "fx-robot-act-2020"))


def _v2(corpus: Manifest, cache: Path) -> Manifest:
    """The 2027 act edited (one paragraph changed, one removed: kept, new and stale chunks) and the 2020 act added."""
    path = cache / "fx-robot-act-2027.txt"
    edited = ROBOT_ACT_2027.replace("within thirty days", "within twenty days")
    edited = "\n".join(line for line in edited.splitlines() if not line.startswith("(2) The fine shall be doubled"))
    assert edited != ROBOT_ACT_2027
    path.write_text(edited + "\n", encoding="utf-8")
    docs = tuple(pinned(d, path) if d.id == "fx-robot-act-2027" else d for d in corpus.documents)
    return dataclasses.replace(corpus, documents=docs)


def _env(version: Version, index: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("GOVQA_")}
    env.update(
        GOVQA_MANIFEST=str(version.manifest_path),
        GOVQA_CACHE_DIR=str(version.cache_dir),
        GOVQA_INDEX_DIR=str(index),
        ANONYMIZED_TELEMETRY="False",
        **extra,
    )
    return env


def _child(version: Version, index: Path, **extra: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", CHILD, str(TESTS)],
        env=_env(version, index, **extra),
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def _resume(version: Version, index: Path) -> dict[str, str]:
    """The next, uninterrupted run (in this process, with the same keyword embedders): state per document."""
    settings = make_settings(index.parent, index_dir=index, cache_dir=version.cache_dir, manifest=version.manifest_path)
    reports = ingest(
        settings, manifest=load_corpus(version.manifest_path, version.cache_dir), embedders=fake_embedders()
    )
    assert {r.state for r in reports} <= {"ingested", "unchanged"}, reports
    return {r.doc_id: r.state for r in reports}


def _clean_build(version: Version, index: Path) -> dict:  # type: ignore[type-arg]
    _resume(version, index)
    return index_snapshot(index)


def _no_duplicates_or_half_documents(snapshot: dict, version: Version) -> None:  # type: ignore[type-arg]
    ids = [{row[0] for row in rows} for rows in snapshot.values()]
    assert all(len(s) == len(rows) for s, rows in zip(ids, snapshot.values(), strict=True))
    assert all(s == ids[0] for s in ids), "both collections hold the same chunks"
    assert {cid.split(":")[0] for cid in ids[0]} == {d.id for d in version.manifest.documents}


@pytest.fixture(scope="module")
def versions(tmp_path_factory: pytest.TempPathFactory) -> tuple[Version, Version, dict, dict, Path]:  # type: ignore[type-arg]
    """v1 and v2 of the corpus, clean builds of each, and a v1 index written by an uninterrupted child."""
    root = tmp_path_factory.mktemp("interrupted")
    v1, v2 = _version(root, "v1", _v1), _version(root, "v2", _v2)
    clean1, clean2 = _clean_build(v1, root / "clean-v1"), _clean_build(v2, root / "clean-v2")
    assert clean1 != clean2
    template = root / "template-v1"
    done = _child(v1, template)
    assert done.returncode == 0, done.stderr
    assert index_snapshot(template) == clean1, "an uninterrupted child builds the same index"
    return v1, v2, clean1, clean2, template


def _writes(version: Version, index: Path, log: Path) -> list[str]:
    done = _child(version, index, GOVQA_TEST_WRITE_LOG=str(log))
    assert done.returncode == 0, done.stderr
    return log.read_text(encoding="utf-8").splitlines()


def _kill_points(writes: list[str]) -> list[dict[str, str]]:
    return [{"GOVQA_TEST_KILL_AT_WRITE": str(k)} for k in range(1, len(writes) + 1)] + [
        {"GOVQA_TEST_KILL_AT_EXIT": "1"}
    ]


@pytest.fixture(scope="module")
def update_run(versions, tmp_path_factory: pytest.TempPathFactory) -> tuple[list[str], float]:  # type: ignore[no-untyped-def]
    """An uninterrupted v1 → v2 update in a child: its Chroma writes, in order, and how long the run took."""
    _, v2, _, clean2, template = versions
    index = tmp_path_factory.mktemp("update-run") / "index"
    shutil.copytree(template, index)
    log = index.parent / "writes.log"
    done = _child(v2, index, GOVQA_TEST_WRITE_LOG=str(log))
    assert done.returncode == 0, done.stderr
    assert index_snapshot(index) == clean2
    return log.read_text(encoding="utf-8").splitlines(), float(done.stderr.split("run-seconds ")[1].split()[0])


@pytest.mark.slow
def test_a_first_ingest_killed_anywhere_completes_to_a_clean_build(versions, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """Killed before collection writes of a first ingest (and at exit), the next run ends at the clean build."""
    v1, _, clean1, _, _ = versions
    writes = _writes(v1, tmp_path / "count", tmp_path / "writes.log")
    assert len(writes) >= 2 * len(v1.manifest.documents)  # every document is written to both collections
    # Every document is written the same way (multilingual, then dense), so the first document's two writes,
    # the last write and the exit stand for all of them (the update test below takes every point).
    points = _kill_points(writes)
    for n, point in enumerate(points[:2] + points[-2:]):
        index = tmp_path / f"killed-{n}"
        killed = _child(v1, index, **point)
        assert killed.returncode == -signal.SIGKILL, (point, killed.stderr)
        _resume(v1, index)
        after = index_snapshot(index)
        assert after == clean1, f"after a kill at {point}"
        _no_duplicates_or_half_documents(after, v1)


@pytest.mark.slow
def test_an_update_killed_anywhere_completes_to_a_clean_build(versions, update_run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """Killed before each write of an update (new, kept and stale chunks; a new document), the next run ends
    exactly where a clean build of the new corpus does; a half-updated document is redone, never skipped."""
    _, v2, _, clean2, template = versions
    writes, _ = update_run
    assert {line.split()[2] for line in writes} >= {"upsert", "update", "delete"}, writes
    first_delete = next(i for i, line in enumerate(writes) if line.endswith(" delete"))
    for n, point in enumerate(_kill_points(writes)):
        index = tmp_path / f"killed-{n}"
        shutil.copytree(template, index)
        killed = _child(v2, index, **point)
        assert killed.returncode == -signal.SIGKILL, (point, killed.stderr)
        states = _resume(v2, index)
        if n == first_delete:  # new chunks and refreshed metadata written, stale chunks still there
            assert states["fx-robot-act-2027"] == "ingested"
        after = index_snapshot(index)
        assert after == clean2, f"after a kill at {point} ({writes[n] if n < len(writes) else 'exit'})"
        _no_duplicates_or_half_documents(after, v2)


@pytest.mark.slow
def test_an_update_killed_at_arbitrary_moments_completes_to_a_clean_build(versions, update_run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """Killed by a timer at spread-out moments of an update run (wherever it is, inside Chroma's writes too),
    the next run still ends at the clean build."""
    _, v2, _, clean2, template = versions
    _, whole = update_run  # the run itself, after start-up
    for n, fraction in enumerate((0.4, 0.8)):
        index = tmp_path / f"killed-{n}"
        shutil.copytree(template, index)
        killed = _child(v2, index, GOVQA_TEST_KILL_AFTER_S=f"{whole * fraction:.3f}")
        assert killed.returncode == -signal.SIGKILL, killed.stderr
        _resume(v2, index)
        after = index_snapshot(index)
        assert after == clean2, f"after a kill {fraction:.0%} into the run"
        _no_duplicates_or_half_documents(after, v2)
