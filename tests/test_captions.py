"""Article captions a question names: "basic principles" → "Article 3 (Basic Principles)", 「基本理念」 → 第三条."""

from __future__ import annotations

import pytest

from govqa.records import Chunk
from govqa.search.captions import Captions


def chunk(doc: str, heading: str, text: str, n: int) -> Chunk:
    return Chunk(doc, heading.split(" (")[0], (heading,), text, n * 100, n * 100 + len(text), None, None, "en", n)


CHUNKS = [
    chunk("act", "Article 1 (Purpose)", "The purpose of this Act is to promote robots.", 0),
    chunk("act", "Article 3 (Basic Principles)", "Robots are to be promoted safely.", 1),
    chunk("act", "Article 3 (Basic Principles)", "(2) Robots are to serve people.", 2),
    chunk("act", "Article 9 (Review)", "The Act is to be reviewed in five years.", 3),
    chunk("act-ja", "第三条　（基本理念）", "ロボットの推進は、安全に行うものとする。", 4),
    chunk("guide", "Part 1 Definitions (AI system)", "A machine-based system.", 5),
    chunk("other", "Article 3 (Basic Principles)", "Other basic principles.", 6),
]
CAPTIONS = Captions(CHUNKS)


@pytest.mark.parametrize(
    ("question", "docs", "locators"),
    [
        ("What are the basic principles of the Robot Act?", ["act"], ["Article 3", "Article 3"]),
        ("ロボット法の基本理念は何ですか？", ["act-ja"], [["第三条\u3000（基本理念）"][0]]),
        # a short Latin caption is a common word, not a name; a glossary label is no article caption
        ("Will the Robot Act get a review?", ["act"], []),
        ("What is the purpose of the Robot Act?", ["act"], []),
        ("What does the guide say about AI system safety?", ["guide"], []),
        # only the routed documents' articles
        ("What are the basic principles of the Robot Act?", ["guide"], []),
    ],
)
def test_a_named_caption_finds_the_articles_under_it(question: str, docs: list[str], locators: list[str]) -> None:
    found = [c for c in CHUNKS if c.id in set(CAPTIONS.named(question, docs))]
    assert [c.locator for c in found] == locators
    assert CAPTIONS.named(question, docs) == [c.id for c in found]  # in document order
