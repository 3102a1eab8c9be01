"""Citation packs and version diffs on the real corpus beside the checkout (shared/corpus), chunked as ingest
chunks it. Skipped where the corpus is not present; nothing from it is copied into the repository — the
expected facts (which articles Act No. 21311 amended) are read from the files themselves."""

from __future__ import annotations

import re
from functools import cache

import pytest
from conftest import CORPUS

from govqa.corpus import load_manifest, sha256_file
from govqa.documents.locators import refs_in_question
from govqa.documents.parsing import parse_file
from govqa.documents.profiles import load_profile
from govqa.documents.reader import chunk_document
from govqa.errors import NotVersionsError
from govqa.settings import PROJECT_ROOT, Settings
from govqa.workflows.citations import CitedProvision, Unresolved, citation_pack, split_references
from govqa.workflows.library import Library
from govqa.workflows.versions import diff_versions

pytestmark = [
    pytest.mark.skipif(not CORPUS.is_dir(), reason=f"the shared corpus is not at {CORPUS}"),
    pytest.mark.slow,  # parsing the 18 documents takes about 40 s on 2 cores
]

MANIFEST = load_manifest(PROJECT_ROOT / "corpus" / "sources.toml")
KR_ENACTED, KR_AMENDED = "kr-ai-basic-act-en-moleg-act20676-enactment", "kr-ai-basic-act-en-moleg-act21311"

# (reference as written, --doc, the document it must resolve to, or None: it must be reported with this reason)
REFERENCES = [
    ("EU AI Act Art. 50(2)", None, "eu-ai-act-2024-1689-en"),
    ("EU AI Act Article 10(2)–(5)", None, "eu-ai-act-2024-1689-en"),
    ("EU AI Act Annex III point 4", None, "eu-ai-act-2024-1689-en"),
    ("EU AI Act Recital 27", None, "eu-ai-act-2024-1689-en"),
    ("EU AI Act Art. 5(1)(f)", None, "eu-ai-act-2024-1689-en"),
    ("AI推進法 第7条", None, "jp-ai-promotion-act-2025-ja-egov"),
    ("Japan AI Promotion Act Article 7", None, "jp-ai-promotion-act-2025-en-jlt"),
    ("個人情報保護法 第27条第1項", None, "jp-appi-ja-egov-current-2026-07-20"),
    ("APPI Art. 27", None, "jp-appi-en-jlt-act37-2021"),
    ("6-1-1703(3)", "us-co-sb24-205-signed-act", "us-co-sb24-205-signed-act"),
    ("6-1-1701(5)", "us-co-sb24-205-session-law-ch198", "us-co-sb24-205-session-law-ch198"),
    ("GOVERN 1.2", "us-nist-ai-100-1-ai-rmf-1.0", "us-nist-ai-100-1-ai-rmf-1.0"),
    ("MEASURE 2.11", "us-nist-ai-600-1-genai-profile", "us-nist-ai-600-1-genai-profile"),
    ("Korea AI Basic Act Article 31(1)", None, "kr-ai-basic-act-en-moleg-act21311"),
    ("인공지능기본법 제31조", None, "kr-ai-basic-act-ko-moleg-2026-07-21"),
    ("Article 22-2", None, "kr-ai-basic-act-en-moleg-act21311"),
    ("Hiroshima guiding principles Principle 3", None, "g7-hiroshima-guiding-principles-2023-en"),
    ("Hiroshima Code of Conduct Action 2", None, "g7-hiroshima-code-of-conduct-2023-en"),
    ("UN AI resolution paragraph 6(a)", None, "un-ga-res-78-265-2024-en"),
    (
        "Article 4(2)",
        "cn-genai-interim-measures-2023-en-casi-normalized",
        "cn-genai-interim-measures-2023-en-casi-normalized",
    ),
    ("Sec. 4.2(a)", "us-eo-14110-2023-federal-register", "us-eo-14110-2023-federal-register"),
    ("Art. 5", None, None),  # five texts have an Article 5
    ("6-1-1703(3)", None, None),  # both Colorado editions print it
    ("paragraph (52)", None, None),  # the Commission's guidelines each have one: ambiguous without a text named
    ("EU AI Act Article 50(9)", None, None),
    # the revoked order only when named; unnamed, the one current text with a Section 4.2(a)
    ("Sec. 4.2(a)", None, "eu-guidelines-prohibited-practices-c2025-5052-en"),
]


@cache
def _library() -> Library:
    settings = Settings()
    chunks = [c for d in MANIFEST.documents for c in chunk_document(d, CORPUS / d.file, settings)[0]]
    return Library.of_manifest(MANIFEST, chunks)


@cache
def _source(doc_id: str) -> str:
    doc = MANIFEST.get(doc_id)
    return parse_file(CORPUS / doc.file, doc, load_profile(PROJECT_ROOT / "ingest" / "profiles", doc.profile)).text


def test_every_reference_resolves_or_says_why() -> None:
    """Across jurisdictions each reference resolves to the expected text, or is reported with a reason."""
    entries = [citation_pack([ref], _library(), doc)[0] for ref, doc, _ in REFERENCES]
    for (ref, _, expected), entry in zip(REFERENCES, entries, strict=True):
        if expected is None:
            assert isinstance(entry, Unresolved) and entry.error, ref
        else:
            assert isinstance(entry, CitedProvision), f"{ref}: {entry}"
            assert entry.document.id == expected and entry.text.strip(), ref


def test_pack_quotes_are_verbatim_and_pins_match_the_files() -> None:
    """Every chunk a pack quotes is the parsed file's text at its offsets; each sha256 is the file's."""
    for ref, doc, expected in REFERENCES:
        if expected is None:
            continue
        entry = citation_pack([ref], _library(), doc)[0]
        assert isinstance(entry, CitedProvision)
        source = _source(entry.document.id)
        for chunk in entry.chunks:
            assert source[chunk.char_start : chunk.char_end] == chunk.text, (ref, chunk.locator)
            assert chunk.text in entry.text
        pin = entry.to_json()["sha256"]
        assert pin == MANIFEST.get(entry.document.id).sha256 == sha256_file(CORPUS / entry.document.file)


def test_an_auditors_list_resolves_whole() -> None:
    """The issue's list, written as an auditor writes it, gives one verified entry per provision."""
    refs = split_references("EU AI Act Art. 9, 10(2)–(5), 13, 14, 26(1); APPI Art. 27; AI推進法 第7条")
    entries = citation_pack(refs, _library())
    assert [e.document.id for e in entries if isinstance(e, CitedProvision)] == ["eu-ai-act-2024-1689-en"] * 5 + [
        "jp-appi-en-jlt-act37-2021",
        "jp-ai-promotion-act-2025-ja-egov",
    ]
    ten = entries[1]
    assert isinstance(ten, CitedProvision) and ten.locator.startswith("Article 10(2)") and "(5)" in ten.locator


def _amended_by_21311() -> set[str]:
    """Articles Act No. 21311 changed, as the amended text itself says: the paragraphs it marks with the act's
    date, and the provisions its addendum names."""
    chunks = _library().chunks_of(KR_AMENDED)
    addendum = next(c for c in chunks if "Act No. 21311" in c.locator)
    date = re.search(r"<Act No\. 21311, ([^>]+)>", addendum.text)
    assert date, addendum.text[:120]
    articles = {f"Article {r.main}" for r in refs_in_question(addendum.text) if r.kind == "article"}
    for chunk in chunks:
        if re.search(rf"<(?:Amended|Added|Add) on {re.escape(date.group(1))}>", chunk.text):
            articles.add(re.sub(r"\(.*$", "", chunk.locator))
    return articles


def test_the_korean_amendment_diff_lists_what_act_21311_changed() -> None:
    """Enactment → amendment: every article Act No. 21311 changed is listed changed or added, both sides cited."""
    diff = diff_versions(_library(), KR_ENACTED, KR_AMENDED)
    changes = {p.locator: p for p in diff.provisions}
    amended = _amended_by_21311()
    assert len(amended) >= 12  # a guard against reading no markers at all
    for article in sorted(amended):
        p = changes[article]
        assert p.change in ("changed", "added"), article
        assert p.b_chunks and (p.change == "added" or p.a_chunks)
    assert {changes[a].change for a in ("Article 17-2", "Article 22-3")} == {"added"}  # new articles
    assert changes["Article 1"].change == "unchanged"


def test_texts_that_are_not_versions_of_one_text_are_not_diffed() -> None:
    """The EU AI Act and APPI are different texts; APPI in English and Japanese is one text in two languages."""
    with pytest.raises(NotVersionsError, match="not versions of one text"):
        diff_versions(_library(), "eu-ai-act-2024-1689-en", "jp-appi-en-jlt-act37-2021")
    with pytest.raises(NotVersionsError, match="two languages"):
        diff_versions(_library(), "jp-appi-en-jlt-act37-2021", "jp-appi-ja-egov-current-2026-07-20")
    colorado = diff_versions(_library(), "us-co-sb24-205-signed-act", "us-co-sb24-205-session-law-ch198")
    assert "Colorado" in colorado.relation and colorado.counts()["removed"] == 0
