"""The real corpus beside the checkout (shared/corpus): pins, parsing, profiles and the dev gold quotes.

Skipped where the corpus is not present. Nothing from it is copied into the repository; the
tests only read the files and compare them with the manifest, the profiles and the eval set.
"""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path

import pytest
from conftest import CORPUS

from govqa.corpus import load_manifest, status
from govqa.documents.chunking import chunk_sections
from govqa.documents.locators import ref_of_locator, refs_in_question
from govqa.documents.parsing import parse_file
from govqa.documents.profiles import load_profile
from govqa.documents.relations import revocation
from govqa.documents.structure import segment
from govqa.records import Chunk, Document, SourceText
from govqa.settings import PROJECT_ROOT
from govqa.text import letters_and_digits as normalize

pytestmark = pytest.mark.skipif(not CORPUS.is_dir(), reason=f"the shared corpus is not at {CORPUS}")

MANIFEST = load_manifest(PROJECT_ROOT / "corpus" / "sources.toml")
PROFILES = PROJECT_ROOT / "ingest" / "profiles"
DEV_SET = CORPUS.parent / "eval" / "dev.jsonl"
DOC_IDS = [d.id for d in MANIFEST.documents]


@cache
def _parsed(doc_id: str) -> tuple[SourceText, list[Chunk], int]:
    """Source text, chunks (default sizes) and the length of the text the profile keeps."""
    doc = MANIFEST.get(doc_id)
    profile = load_profile(PROFILES, doc.profile)
    source = parse_file(CORPUS / doc.file, doc, profile)
    kept = len(source.text)
    if profile.stop is not None and (m := profile.stop.search(source.text)):
        kept = m.start()
    return source, chunk_sections(source, segment(source, profile)), kept


@pytest.mark.parametrize("doc", MANIFEST.documents, ids=DOC_IDS)
def test_files_match_their_pins(doc: Document, tmp_path: Path) -> None:
    """Each corpus file has exactly the sha256 and size the manifest pins."""
    result = status(doc, tmp_path / "empty-cache", CORPUS)
    assert (result.state, result.origin) == ("verified", "mirror"), result.detail
    assert (CORPUS / doc.file).stat().st_size == doc.bytes


@pytest.mark.parametrize("doc_id", DOC_IDS)
def test_documents_chunk_into_verbatim_slices(doc_id: str) -> None:
    """Every document parses; its chunks are verbatim, ordered, unique, paged within the PDF, and in its language."""
    source, chunks, _ = _parsed(doc_id)
    doc = MANIFEST.get(doc_id)
    assert len(chunks) >= (5 if len(source.page_starts) in (1, 2) else 10)  # a two-page order has few sections
    previous_end = 0
    for c in chunks:
        assert source.text[c.char_start : c.char_end] == c.text
        assert previous_end <= c.char_start
        previous_end = c.char_end
        assert c.lang == doc.language
        if doc.is_pdf:
            assert c.page_start is not None and c.page_end is not None
            assert 1 <= c.page_start <= c.page_end <= len(source.page_starts)
        else:
            assert c.page_start is None
    assert len({c.id for c in chunks}) == len(chunks)


@pytest.mark.parametrize("doc_id", DOC_IDS)
def test_almost_no_text_is_left_outside_chunks(doc_id: str) -> None:
    """Chunks cover at least 99% of the non-space text before the profile's stop line; bare headings fall out, and
    the lines of path-only headings ("2.3. When is a model …") count as covered: their label is in the heading path."""
    source, chunks, kept = _parsed(doc_id)
    covered = bytearray(kept)
    for c in chunks:
        covered[c.char_start : min(c.char_end, kept)] = b"\x01" * (min(c.char_end, kept) - c.char_start)
    text = source.text[:kept]
    path_only = [h.pattern for h in load_profile(PROFILES, MANIFEST.get(doc_id).profile).headings if not h.unit]
    offset = 0
    for line in text.split("\n"):
        if any(rx.match(line.strip()) for rx in path_only):
            covered[offset : offset + len(line)] = b"\x01" * len(line)
        offset += len(line) + 1
    visible = [i for i, ch in enumerate(text) if not ch.isspace()]
    lost = sum(1 for i in visible if not covered[i])
    assert lost <= 0.01 * len(visible), f"{lost} of {len(visible)} characters are in no chunk"


@pytest.mark.parametrize(
    ("doc_id", "reference"),
    [
        ("eu-ai-act-2024-1689-en", "Article 50(2)"),
        ("eu-ai-act-2024-1689-en", "Article 3(63)"),
        ("eu-ai-act-2024-1689-en", "Recital 27"),
        ("eu-ai-act-2024-1689-en", "Annex III, point 4"),
        ("jp-ai-promotion-act-2025-ja-egov", "第三条第二項"),
        ("jp-ai-promotion-act-2025-ja-egov", "第一条"),
        ("jp-ai-promotion-act-2025-en-jlt", "Article 3(1)"),
        ("jp-appi-ja-egov-current-2026-07-20", "第二十七条第一項"),
        ("kr-ai-basic-act-ko-moleg-2026-07-21", "제31조제2항"),
        ("kr-ai-basic-act-en-moleg-act21311", "Article 31(1)"),
        ("us-nist-ai-100-1-ai-rmf-1.0", "GOVERN 1.2"),
        ("us-nist-ai-100-1-ai-rmf-1.0", "Section 1.2.4"),
        ("us-eo-14110-2023-federal-register", "Sec. 4.2"),
        ("us-co-sb24-205-session-law-ch198", "6-1-1703(3)"),
        ("g7-hiroshima-guiding-principles-2023-en", "Principle 11"),
        ("g7-hiroshima-code-of-conduct-2023-en", "Action 11"),
        ("cn-genai-interim-measures-2023-en-casi-normalized", "Article 4(1)"),
        ("eu-guidelines-prohibited-practices-c2025-5052-en", "paragraph (52)"),
        ("eu-guidelines-ai-system-definition-c2025-5053-en", "paragraph (12)"),
        ("eu-guidelines-gpai-scope-c2025-5045-en", "para. 17"),
        ("eu-gpai-code-of-practice-2025-safety-security-en", "Measure 7.3"),
        ("eu-gpai-code-of-practice-2025-transparency-en", "Measure 1.1"),
        ("sg-model-ai-governance-framework-2nd-ed-2020-en", "Section 3.15"),
        ("us-eo-14148-2025-federal-register", "Sec. 2"),
    ],
)
def test_provision_references_find_their_chunks(doc_id: str, reference: str) -> None:
    """A question's provision reference matches a chunk of the document holding exactly that paragraph."""
    (wanted,) = refs_in_question(reference)
    _, chunks, _ = _parsed(doc_id)
    holders = [
        c
        for c in chunks
        if (ref := ref_of_locator(c.locator))
        and wanted.matches(ref)
        and (not wanted.subs or wanted.subs[0] in ref.subs)
    ]
    assert holders, f"no chunk of {doc_id} holds {reference}"


@pytest.mark.parametrize(
    ("doc_id", "locator"),
    [
        ("un-ga-res-78-265-2024-en", "Operative paragraph 6(a)"),
        ("jp-ai-guidelines-for-business-v1.0-en", "Part 2 C. 7) Accountability"),
        ("us-nist-ai-600-1-genai-profile", "GOVERN 1.1 GV-1.1-001"),
        ("us-nist-ai-600-1-genai-profile", "Section 2 risk 8"),
        ("jp-ai-promotion-act-2025-en-jlt", "Supplementary Provisions, Article 1"),
        ("eu-gpai-code-of-practice-2025-safety-security-en", "Commitment 1, Measure 1.1"),
        ("eu-gpai-code-of-practice-2025-safety-security-en", "Appendix 1.2.1"),
        ("sg-model-ai-governance-framework-genai-2024-en", "Dimension 4: Incident Reporting"),
        ("eu-hleg-ethics-guidelines-trustworthy-ai-2019-en", "Chapter II, Section 1.1"),
        ("coe-huderia-methodology-2024-en", "Element I — The Context-Based Risk Analysis, Triage"),
        ("us-eo-14179-2025-federal-register", "Section 3"),
        ("eu-guidelines-prohibited-practices-c2025-5052-en", "Footnote 41"),
    ],
)
def test_profile_specific_locators_exist(doc_id: str, locator: str) -> None:
    """Each family profile produces the document's own notation for its units."""
    assert locator in {c.locator for c in _parsed(doc_id)[1]}


@pytest.mark.parametrize("doc_id", ["jp-ai-promotion-act-2025-ja-egov", "jp-appi-ja-egov-current-2026-07-20"])
def test_supplementary_provisions_are_not_main_articles(doc_id: str) -> None:
    """In e-Gov texts, 附則 articles never read as the main articles of the same number."""
    suppl = [c for c in _parsed(doc_id)[1] if c.locator.startswith("附")]
    assert suppl
    assert all(ref_of_locator(c.locator) is None for c in suppl)


def _gold_items() -> list[tuple[str, dict[str, object]]]:
    if not DEV_SET.is_file():
        return []
    items = [json.loads(line) for line in DEV_SET.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [(f"{item['id']}-{n}", gold) for item in items for n, gold in enumerate(item["gold"])]


@pytest.mark.skipif(not DEV_SET.is_file(), reason="the shared eval set is not present")
@pytest.mark.parametrize(("name", "gold"), _gold_items(), ids=[n for n, _ in _gold_items()])
def test_dev_gold_quotes_survive_chunking(name: str, gold: dict[str, object]) -> None:
    """Every dev-set gold quote lies whole inside one chunk of its document, on the gold page for PDFs."""
    _, chunks, _ = _parsed(str(gold["doc"]))
    quote = normalize(str(gold["quote"]))
    holders = [c for c in chunks if quote in normalize(c.text)]
    assert holders, f"{name}: quote not inside any single chunk"
    if gold["page"] is not None:
        page = int(gold["page"])  # type: ignore[call-overload]
        assert any(
            c.page_start is not None and c.page_end is not None and c.page_start <= page <= c.page_end for c in holders
        ), f"{name}: no holding chunk spans page {page}"


GUIDELINES = [d.id for d in MANIFEST.documents if d.profile == "eu-commission-guidelines"]


@pytest.mark.parametrize("doc_id", GUIDELINES)
def test_guideline_paragraphs_run_without_gaps(doc_id: str) -> None:
    """Every numbered paragraph (1)…(N) of a Commission guideline is a unit, and no contents line is quoted."""
    _, chunks, _ = _parsed(doc_id)
    numbers = {int(m.group(1)) for c in chunks if (m := re.match(r"Paragraph \((\d+)\)", c.locator))}
    assert len(numbers) >= 60 and numbers == set(range(1, max(numbers) + 1))
    assert not any(re.search(r"\.{10,}\s*\d+\s*$", c.text, re.M) for c in chunks)


def test_the_revoking_section_of_eo_14148_is_found() -> None:
    """The manifest says EO 14148 revokes EO 14110; its chunk naming EO 14110 is a lettered item of Section 2."""
    documents = {d.id: d for d in MANIFEST.documents}
    chunks = _parsed("us-eo-14148-2025-federal-register")[1]
    note = revocation("us-eo-14110-2023-federal-register", documents, chunks)
    assert note is not None and note.related == "us-eo-14148-2025-federal-register"
    assert note.locator.startswith("Section 2(") and "Executive Order 14110" in note.chunk.text  # type: ignore[union-attr]


def test_eo_14148_letters_that_read_as_roman_numerals_are_its_items() -> None:
    """Section 2 of EO 14148 lists (a)…(zzz): "(v)", "(x)", "(ii)", "(iii)", "(vvv)" open items of their own, and
    the roman sub-items "(i)", "(ii)" of Section 4(a) stay inside it."""
    source, chunks, _ = _parsed("us-eo-14148-2025-federal-register")
    sections = {s.locator: s for s in segment(source, load_profile(PROFILES, "federal-register"))}
    items = sections["Section 2"].blocks
    assert len(items) == 78  # (a) … (zzz)
    for suffix, start, _ in items:
        assert source.text[start:].startswith(suffix)
    (general,) = [c for c in chunks if c.locator == "Section 4(a)"]
    assert "(i) the authority granted by law" in general.text and "(ii) the functions" in general.text
    for c in chunks:
        if (m := re.match(r"Section 2\(([a-z]+)\)(?:–\(([a-z]+)\))?$", c.locator)) and c.text.startswith("("):
            assert c.text.startswith(f"({m.group(1)})"), c.locator
            assert f"\n({m.group(2) or m.group(1)})" in f"\n{c.text}", c.locator


@pytest.mark.parametrize(
    "doc_id", ["eu-guidelines-prohibited-practices-c2025-5052-en", "eu-guidelines-gpai-scope-c2025-5045-en"]
)
def test_guideline_paragraphs_carry_no_glued_footnote_references(doc_id: str) -> None:
    """A footnote number glued to a word ("misuse8)", "Commission48") is out of the paragraphs; article numbers stay."""
    _, chunks, _ = _parsed(doc_id)
    paragraphs = [c for c in chunks if c.locator.startswith("Paragraph")]
    glued = [m.group(0) for c in paragraphs for m in re.finditer(r"[a-z]{3}\d{1,3}(?=[\s,;:)]|$)", c.text)]
    assert not glued
    assert sum("Article 5(1)" in c.text for c in paragraphs) >= (10 if "5052" in doc_id else 0)


ADDED = [
    d.id
    for d in MANIFEST.documents
    if d.profile in {"eu-commission-guidelines", "gpai-code", "sg-framework", "hleg-guidelines", "huderia"}
]


@pytest.mark.parametrize("doc_id", ADDED)
def test_added_texts_are_located_in_their_own_terms(doc_id: str) -> None:
    """At most a tenth of a new family's chunks fall under its front-matter locator; the rest carry the
    document's own units (paragraphs, measures, sections, dimensions, elements, footnotes)."""
    doc = MANIFEST.get(doc_id)
    front = load_profile(PROFILES, doc.profile).front_locator
    chunks = _parsed(doc_id)[1]
    assert sum(c.locator == front for c in chunks) <= max(2, len(chunks) // 10)
