"""Chunks by provision (search/provisions.py): a named provision is looked up, a cross-reference is followed."""

from __future__ import annotations

from pathlib import Path

import pytest
from fixture_corpus import FILLER, statute
from fixture_index import build_retriever

BOAT_ACT = f"""Boat Safety Act
Article 1
(1) Every boat shall carry on board the safety kit listed in Article 3 whenever it leaves a harbour. {FILLER}
Article 2
(1) The minister keeps a public list of registered owners, with their addresses and telephone numbers. {FILLER}
Article 3
(1) The kit consists of a lifebuoy, a whistle, a torch and a first aid box, kept dry in a sealed case. {FILLER}
"""


@pytest.mark.parametrize("share", [0.0, 0.9])
def test_a_top_passage_brings_the_provision_it_refers_to_within_reach(tmp_path: Path, share: float) -> None:
    """Article 1 applies "the safety kit listed in Article 3": followed, Article 3 comes right after it with a
    reference signal; with cross-references off, no passage carries that signal."""
    doc = statute("fx-boat-act", "Boat Safety Act")
    retriever = build_retriever(tmp_path, extra=[(doc, BOAT_ACT)])
    # BM25 alone ranks here (the keyword stand-ins for the dense models tie on these short articles).
    only_words = {"cross_references": share, "weight_dense": 0.0, "weight_multilingual": 0.0}
    retriever.settings = retriever.settings.model_copy(
        update={"retrieval": retriever.settings.retrieval.model_copy(update=only_words)}
    )
    passages = retriever.retrieve("What must every boat carry when it leaves a harbour under the Boat Safety Act?")
    assert passages[0].chunk.locator.startswith("Article 1")
    followed = [p for p in passages if "reference" in p.scores]
    if share:
        assert [p.chunk.locator for p in followed] == ["Article 3(1)"]
        assert passages[1].chunk.locator == "Article 3(1)"
    else:
        assert not followed
