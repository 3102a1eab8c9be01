"""govqa's retrieval as a LangChain retriever: Documents carry the text plus its full provenance."""

from __future__ import annotations

from typing import Any

from langchain_core.callbacks import CallbackManagerForRetrieverRun
from langchain_core.documents import Document as LCDocument
from langchain_core.retrievers import BaseRetriever

from govqa.search.retriever import Filters


class GovQARetriever(BaseRetriever):
    """govqa's retrieval as a LangChain retriever: Documents carry text plus full provenance."""

    retriever: Any
    filters: Filters | None = None
    k: int = 10

    def _get_relevant_documents(self, query: str, *, run_manager: CallbackManagerForRetrieverRun) -> list[LCDocument]:
        out = []
        for p in self.retriever.retrieve(query, self.filters, self.k):
            c = p.chunk
            out.append(
                LCDocument(
                    page_content=c.text,
                    id=c.id,
                    metadata={
                        "doc_id": c.doc_id,
                        "locator": c.locator,
                        "heading": c.heading,
                        "page_start": c.page_start,
                        "page_end": c.page_end,
                        "lang": c.lang,
                        "score": p.score,
                        "scores": p.scores,
                        "title": p.document.short_title if p.document else c.doc_id,
                        "edition_of": p.edition_of,  # the chunk id this one repeats in another edition, or ""
                    },
                )
            )
        return out
