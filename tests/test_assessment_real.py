"""The shipped rule files against the real corpus (shared/corpus): every provision they cite is held by the index
— the chunks `govqa ingest` stores, cut here by the same reader — and the issue's example assessment holds up.

Skipped where the corpus is not present. Nothing from it is copied into the repository.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from govqa.assessment.build import Assessor, build_assessor
from govqa.assessment.engine import check_rules
from govqa.assessment.facts import parse_facts
from govqa.assessment.report import assessment_dict
from govqa.assessment.rules import load_rules
from govqa.corpus import load_manifest, require_file
from govqa.documents.reader import chunk_document
from govqa.settings import PROJECT_ROOT, Settings

CORPUS = PROJECT_ROOT.parent / "shared" / "corpus"
pytestmark = [pytest.mark.slow, pytest.mark.skipif(not CORPUS.is_dir(), reason=f"no corpus at {CORPUS}")]
EXAMPLE = PROJECT_ROOT / "docs" / "examples" / "osaka-shop-images.json"


@pytest.fixture(scope="module")
def assessor() -> Assessor:
    settings = Settings(corpus_mirror=CORPUS)
    manifest = load_manifest(settings.manifest)
    documents = {d.id: d for d in manifest.documents}
    chunks = []
    for rules in load_rules():
        doc = manifest.get(rules.doc)  # a rule file for a text the manifest lacks fails here
        chunks += chunk_document(doc, require_file(doc, settings.cache_dir, settings.corpus_mirror), settings)[0]
    return build_assessor(settings, chunks=chunks, documents=documents)


def test_every_rule_file_is_for_a_text_and_every_citation_resolves(assessor: Assessor) -> None:
    """No rule cites a provision the corpus's chunks do not hold (build_assessor would have raised too)."""
    assert len(assessor.rules) == len(load_rules()) >= 9
    assert check_rules(assessor.rules, assessor.resolver) == []


def test_the_example_business_gets_eu_and_korea_applying_with_verified_quotes(assessor: Assessor) -> None:
    """An Osaka provider of a generative app used in Japan, the EU and Korea: the EU AI Act and Korea's Act apply
    through their extraterritorial provisions; China's measures and Colorado's Act do not; every quote is the
    text of a chunk at the offsets the citation gives."""
    out = assessment_dict(assessor.assess(parse_facts(json.loads(EXAMPLE.read_text(encoding="utf-8")))))
    status = {r["doc"]: r["status"] for r in out["results"]}
    assert status["eu-ai-act-2024-1689-en"] == "applies"
    assert status["kr-ai-basic-act-en-moleg-act21311"] == "applies"
    assert status["jp-appi-en-jlt-act37-2021"] == "applies"
    assert status["jp-ai-guidelines-for-business-v1.0-en"] == "voluntary"
    assert status["cn-genai-interim-measures-2023-en-casi-normalized"] == "does_not_apply"
    assert status["us-co-sb24-205-signed-act"] == "does_not_apply"
    eu = next(r for r in out["results"] if r["doc"] == "eu-ai-act-2024-1689-en")
    assert "Article 2(1)(c)" in {f["citation"]["locator"] for f in eu["reasons"]}
    assert {"Article 50(1)", "Article 50(2)", "Article 16"} <= {f["citation"]["locator"] for f in eu["obligations"]}
    kr = next(r for r in out["results"] if r["doc"] == "kr-ai-basic-act-en-moleg-act21311")
    assert {"Article 31(1)", "Article 31(2)"} <= {f["citation"]["locator"] for f in kr["obligations"]}
    by_doc = assessor.resolver.by_doc
    for r in out["results"]:
        for f in (*r["reasons"], *r["obligations"]):
            c = f["citation"]
            assert any(c["quote"] in ch.text for ch in by_doc[c["doc"]]), c


def test_unknown_markets_make_the_eu_act_may_apply_not_does_not_apply(assessor: Assessor) -> None:
    """Markets unknown: the EU AI Act may apply, and the memo's question names Article 2(1)(c)."""
    raw = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    raw["markets"] = None
    out = assessment_dict(assessor.assess(parse_facts(raw)))
    eu = next(r for r in out["results"] if r["doc"] == "eu-ai-act-2024-1689-en")
    assert eu["status"] == "may_apply"
    assert any("Article 2(1)(c)" in u["effect"] and u["fact"] == "markets" for u in eu["unknown_facts"])
    assert all(r["status"] != "does_not_apply" or r["reasons"] for r in out["results"])


def test_a_real_index_when_present_holds_every_cited_provision() -> None:
    """On a built index (named by REAL_INDEX_DIR, as GOVQA_* variables are cleared for tests), the rules resolve
    against the stored chunks: build_assessor raises RuleError listing any provision the index lacks."""
    index_dir = os.environ.get("REAL_INDEX_DIR", "")
    if not index_dir or not Path(index_dir).is_dir():
        pytest.skip("set REAL_INDEX_DIR to a built index of the corpus to run this check")
    assessor = build_assessor(Settings(index_dir=Path(index_dir)))
    assert {r.doc for r in assessor.rules} == {r.doc for r in load_rules()}
