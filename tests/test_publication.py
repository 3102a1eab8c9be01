"""A text's publication and entry into force read from its own pages: the journal edition printed on every page,
and entry into force counted from it (fixture chunks)."""

from __future__ import annotations

import pytest

from govqa.answering.claims import from_records
from govqa.answering.publication import record_publication
from govqa.corpus.manifest import Manifest
from govqa.records import Chunk, Document
from govqa.search.analysis import analyze
from govqa.search.claim_reading import ClaimReader, ClaimReading
from govqa.search.routing import Glossary, Router

ACT = Document(
    "robot-reg", "Robot Regulation of Examplia", "Robot Regulation", jurisdiction="XL", doc_type="regulation"
)
OTHER = Document("drone-code", "Drone Code of Examplia", "Drone Code", jurisdiction="XL", doc_type="guidelines")
DOCS = (ACT, OTHER)


def _chunk(text: str, locator: str, doc_id: str = ACT.id) -> Chunk:
    return Chunk(doc_id, locator, (), text, 0, len(text), None, None, "en")


PAGES = [
    _chunk("(1) Robots should be safe.\nEN OJ L, 3.3.2031\nMore reasons follow.", "Recital 1"),
    _chunk("(2) Robots should be registered.\nOJ L, 3.3.2031 EN\n(3) OJ C 12, 1.1.2030, p. 4.", "Recital 2"),
    _chunk(
        "Article 40\nEntry into force and application\nThis Regulation shall enter into force on the twentieth day "
        "following that of its publication in the Official Journal.\nIt shall apply from 1 May 2033.",
        "Article 40",
    ),
]


def read(claim: str) -> ClaimReading:
    reading = analyze(
        claim, Router(DOCS, {"XL": ("Examplia",)}), Glossary({}), claims=ClaimReader(Manifest(DOCS, (), {}))
    ).claim
    assert reading is not None
    return reading


@pytest.mark.parametrize(
    ("claim", "verdict", "locator"),
    [
        # publication + 20 days: 3 March 2031 + 20 = 23 March 2031, in any words and languages
        ("The Robot Regulation entered into force on 23 March 2031.", "supported", "Article 40"),
        ("The Robot Regulation came into force in March 2031.", "supported", "Article 40"),
        ("The Robot Regulation has been in force since 23 March 2031.", "supported", "Article 40"),
        ("Robot Regulationは2031年3月23日に発効した。", "supported", "Article 40"),
        ("The Robot Regulation entered into force on 3 March 2031.", "refuted", "Article 40"),
        ("The Robot Regulation took effect in 2032.", "refuted", "Article 40"),
        # the edition date on its pages (not a footnote's reference to another journal issue, 1.1.2030)
        ("The Robot Regulation was published in the Official Journal on 3 March 2031.", "supported", "Recital 1"),
        ("The Robot Regulation was published in the Official Journal in January 2030.", "refuted", "Recital 1"),
        # counter-examples: when it applies; a future "take effect" (how news speaks of application); a part of
        # it ("its ban on …"); more said than the date
        ("The Robot Regulation applies from 23 March 2031.", None, None),
        ("The Robot Regulation will take effect in 2033.", None, None),
        ("The Robot Regulation's ban on robot scoring took effect in 2032.", None, None),
        ("The Robot Regulation entered into force in 2032, banning robot scoring.", None, None),
    ],
)
def test_a_claimed_publication_or_entry_into_force_is_read_from_the_texts_pages(
    claim: str, verdict: str | None, locator: str | None
) -> None:
    found = record_publication(read(claim), {d.id: d for d in DOCS}, PAGES)
    assert (found[0] if found else None) == verdict
    if found is not None:
        _, reason, quote = found
        assert quote.passage.chunk.locator == locator
        assert reason.key == ("evidence.date_agrees" if verdict == "supported" else "evidence.date_differs")
        assert "OJ L, 3.3.2031" in quote.text or "twentieth day" in quote.text


def test_a_text_without_a_journal_edition_or_a_counted_entry_decides_nothing() -> None:
    """Counter-examples: a text whose pages carry no edition date; an edition date without a counted entry into
    force (a claimed entry is left to the sentences); the claim's text is another."""
    documents = {d.id: d for d in DOCS}
    entered = read("The Robot Regulation entered into force on 23 March 2031.")
    assert record_publication(entered, documents, [PAGES[2]]) is None
    assert record_publication(entered, documents, PAGES[:2]) is None
    published = read("The Drone Code was published in the Official Journal on 3 March 2031.")
    assert record_publication(published, documents, PAGES) is None


def test_the_pages_decide_before_the_evidence_sentences() -> None:
    judgement = from_records(read("The Robot Regulation entered into force on 2 April 2031."), dict.fromkeys([]), [])
    assert judgement is None  # no document: nothing read
    documents = {d.id: d for d in DOCS}
    judgement = from_records(read("The Robot Regulation entered into force on 2 April 2031."), documents, PAGES)
    assert judgement is not None and judgement.verdict == "refuted"
    assert judgement.reason.fields["stated"] == "23 March 2031, 20 days after its publication on 3 March 2031"
