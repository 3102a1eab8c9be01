"""The one-law library the claim tests read claims against: Ruritania's Robot Safety Act (a statute), held."""

from __future__ import annotations

from govqa.corpus.manifest import Manifest
from govqa.records import Chunk, Document, Passage
from govqa.search.claim_reading import ClaimReader

MANIFEST = Manifest(
    documents=(Document("ru-act", "Act on Robot Safety", "Robot Safety Act", jurisdiction="RU", doc_type="statute"),),
    references=(),
    jurisdiction_words={"RU": ("Ruritania",)},
)
READER = ClaimReader(MANIFEST)
IDF: dict[str, float] = {}  # every term weighs 1 unless a test says otherwise


def passage(text: str, *, roles: tuple[str, ...] = (), locator: str = "Article 1") -> Passage:
    """A passage of the Act's English text."""
    return Passage(Chunk("ru-act", locator, (), text, 0, len(text), None, None, "en", roles=roles), 1.0)
