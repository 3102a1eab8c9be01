"""The assessor: rule files + the index's chunks + the manifest's documents, checked against each other once.

Built from the store without loading an embedding model (reading chunks needs none), or from chunks the
caller already holds (the app passes its retriever's). A rule citing a provision the index lacks fails here.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from govqa.assessment.engine import Assessment, assess, check_rules
from govqa.assessment.facts import Facts
from govqa.assessment.resolve import ProvisionResolver
from govqa.assessment.rules import TextRules, load_rules
from govqa.errors import IndexMissingError, RuleError
from govqa.records import Chunk, Document
from govqa.settings import Settings


@dataclass(frozen=True)
class Assessor:
    rules: tuple[TextRules, ...]
    resolver: ProvisionResolver
    documents: Mapping[str, Document]

    def assess(self, facts: Facts, lang: str = "en") -> Assessment:
        return assess(facts, self.rules, self.resolver, self.documents, lang=lang)


def build_assessor(
    settings: Settings,
    *,
    chunks: Iterable[Chunk] | None = None,
    documents: Mapping[str, Document] | None = None,
    rules_dir: Path | None = None,
) -> Assessor:
    """Load the rules and resolve every provision they cite in the index; RuleError lists any it lacks."""
    if documents is None:
        from govqa.corpus import load_corpus

        documents = {d.id: d for d in load_corpus(settings.manifest, settings.cache_dir).documents}
    if chunks is None:
        from govqa.index.embedders import expected_model_names
        from govqa.index.store import ChromaStore

        chunks = ChromaStore(settings, model_names=expected_model_names(settings)).chunks()
    resolver = ProvisionResolver(chunks, documents)
    rules = tuple(r for r in load_rules(rules_dir or settings.assessment_rules) if resolver.holds(r.doc))
    if not rules:
        raise IndexMissingError(
            f"the index in {settings.index_dir} holds none of the assessed texts: run `govqa ingest`"
        )
    if missing := check_rules(rules, resolver):
        raise RuleError("assessment rules cite provisions the index does not hold: " + "; ".join(missing))
    return Assessor(rules, resolver, documents)


def assess_file(settings: Settings, facts_path: Path, *, lang: str = "en", as_json: bool = False) -> str:
    """`govqa assess`: the facts file read first (a malformed one fails before the index is opened), then the
    memo or the JSON."""
    from govqa.assessment.facts import load_facts
    from govqa.assessment.report import assessment_json, memo

    facts = load_facts(facts_path)
    assessment = build_assessor(settings).assess(facts, lang=lang)
    return assessment_json(assessment) if as_json else memo(assessment)
