"""govqa: cited answers about AI-governance texts.

Public entry points are imported lazily so that `import govqa` stays cheap (no models, no Chroma).
"""

from __future__ import annotations

from typing import Any

__version__ = "0.1.0"
__all__ = ["Settings", "answer", "ingest", "retrieve"]


def __getattr__(name: str) -> Any:
    if name == "Settings":
        from govqa.settings import Settings

        return Settings
    if name == "ingest":
        from govqa.index.pipeline import ingest

        return ingest
    if name == "answer":
        from govqa.answering.generation import answer

        return answer
    if name == "retrieve":
        from govqa.search.retriever import retrieve

        return retrieve
    raise AttributeError(f"module 'govqa' has no attribute {name!r}")
