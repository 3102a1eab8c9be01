"""The assessment: facts schema, three-valued conditions, rule files, provision resolution and the engine, on
invented documents (chunks written here) and invented rules; the real rules are checked in test_assessment_real."""

from __future__ import annotations

import itertools
import json
import textwrap
from pathlib import Path

import pytest

from govqa.assessment.build import build_assessor
from govqa.assessment.conditions import parse_condition
from govqa.assessment.engine import assess, check_rules
from govqa.assessment.facts import Facts, SystemFacts, load_facts, parse_facts
from govqa.assessment.prefill import prefill_facts
from govqa.assessment.report import assessment_dict, memo
from govqa.assessment.resolve import ProvisionResolver
from govqa.assessment.rules import load_rule_file, load_rules
from govqa.errors import FactsError, RuleError
from govqa.records import Chunk, Document
from govqa.settings import Settings

ACT = (
    "Article 2\nScope\n1. This Act applies to:\n(a) providers that sell robots in Examplia;\n"
    "(b) users of robots established in Examplia.\n2. This Act does not apply to robots used only for research.\n"
)
DUTY = "Article 9 (Labels) (1) A provider shall label every robot it sells.\n(2) The label shall be in Examplian.\n"


def _doc(doc_id: str, jurisdiction: str) -> Document:
    return Document(
        id=doc_id,
        file=f"{doc_id}.txt",
        title=f"{doc_id} title",
        short_title=f"{doc_id} short",
        aliases=(),
        issuer="Examplia",
        jurisdiction=jurisdiction,
        doc_type="statute",
        language="en",
        version="1",
        date="2027-01-01",
        status="in_force",
        legal_effect="binding",
        official_url=f"https://example.org/{doc_id}",
        sha256="0" * 64,
        bytes=1,
        licence="test",
        format="txt",
        profile="articles-text",
    )


def _chunks() -> list[Chunk]:
    first = Chunk("ex-act", "Article 2(1)–(2)", ("Article 2",), ACT, 100, 100 + len(ACT), 3, 3, "en", 0, ())
    start = 100 + len(ACT) + 10
    second = Chunk("ex-act", "Article 9(1)–(2)", ("Article 9",), DUTY, start, start + len(DUTY), 4, 4, "en", 1, ())
    return [first, second]


RULES = """
doc = "ex-act"
binding = true

[[reach]]
when = ["roles has provider", "markets has EU"]
finding = "You sell robots there."
cite = "Article 2(1)(a)"
if_unknown = "If you sell robots there, Article 2(1)(a) brings you in."

[[exclusion]]
when = "system.purpose = research"
finding = "Research robots are out."
cite = "Article 2(2)"
if_unknown = "Research-only use would take you out."

[[obligation]]
when = "roles has provider"
what = "Label the robots."
cite = "Article 9(1)"

[outside]
finding = "You neither sell nor use robots there."
cite = "Article 2(1)"
"""


@pytest.fixture
def rules_dir(tmp_path: Path) -> Path:
    (tmp_path / "ex-act.toml").write_text(RULES, encoding="utf-8")
    return tmp_path


def _assess(rules_dir: Path, facts: Facts):  # type: ignore[no-untyped-def]
    docs = {"ex-act": _doc("ex-act", "EU")}
    return assess(facts, load_rules(rules_dir), ProvisionResolver(_chunks(), docs), docs)


def _facts(**kw: object) -> Facts:
    system = kw.pop("system", {})
    return Facts(**kw, system=SystemFacts(**system))  # type: ignore[arg-type]


# ------------------------------------------------------------------ facts


def test_the_issue_example_parses_and_round_trips() -> None:
    """The issue's example facts parse; to_json gives them back unchanged."""
    raw = json.loads((Path(__file__).parents[1] / "docs" / "examples" / "osaka-shop-images.json").read_text())
    assert parse_facts(raw).to_json() == raw


def test_missing_and_null_are_unknown_and_empty_list_is_none() -> None:
    """A missing key and null are unknown (None); [] means "none"."""
    facts = parse_facts({"markets": [], "roles": None, "system": {"generative": None}})
    assert facts.markets == () and facts.roles is None and facts.established_in is None
    assert facts.system.generative is None and "roles" in facts.unknown() and "markets" not in facts.unknown()


@pytest.mark.parametrize(
    ("raw", "names"),
    [
        ({"markets": ["FR"]}, ["`markets`", '"FR"', "JP, EU"]),
        ({"markets": "EU"}, ["`markets`", "not a list"]),
        ({"roles": ["owner"]}, ["`roles`", "developer, provider"]),
        ({"employees": -3}, ["`employees`", "whole number"]),
        ({"employees": True}, ["`employees`"]),
        ({"system": {"generative": "yes"}}, ["`system.generative`", "true, false or null"]),
        ({"system": {"purpose": "fun"}}, ["`system.purpose`", "commercial, research"]),
        ({"system": {"consequential_decisions": ["dating"]}}, ["`system.consequential_decisions`", "employment"]),
        ({"sector": "retail"}, ["unknown field `sector`"]),
        ({"system": {"open_source": True}}, ["unknown field `system.open_source`"]),
        ({"schema_version": 2}, ["schema_version", "version 1"]),
        ([1, 2], ["JSON object"]),
    ],
)
def test_a_bad_field_gets_one_error_naming_it_and_the_valid_values(raw: object, names: list[str]) -> None:
    """Each malformed value raises FactsError naming the field and what is allowed."""
    with pytest.raises(FactsError) as err:
        parse_facts(raw)
    for name in names:
        assert name in str(err.value)


def test_a_file_that_is_not_json_names_the_file(tmp_path: Path) -> None:
    """Broken JSON: the error names the file and the position."""
    path = tmp_path / "facts.json"
    path.write_text('{"markets": [EU]}', encoding="utf-8")
    with pytest.raises(FactsError, match=r"facts\.json: not JSON \(line 1"):
        load_facts(path)


# ------------------------------------------------------------------ conditions and rule files


@pytest.mark.parametrize(
    ("condition", "facts", "expected"),
    [
        ("markets has EU", _facts(markets=("EU",)), True),
        ("markets has EU", _facts(markets=()), False),
        ("markets has EU", _facts(), None),
        ("not system.generative", _facts(system={"generative": False}), True),
        ("employees < 50", _facts(employees=49), True),
        ("employees >= 50", _facts(employees=49), False),
        ({"any": ["markets has EU", "roles has provider"]}, _facts(roles=("provider",)), True),
        ({"any": ["markets has EU", "roles has provider"]}, _facts(roles=()), None),
        (["markets has EU", "roles has provider"], _facts(roles=()), False),
        (["markets has EU", "roles has provider"], _facts(roles=("provider",)), None),
    ],
)
def test_conditions_are_three_valued(condition: object, facts: Facts, expected: bool | None) -> None:
    """Kleene logic: a known False decides an `all`, a known True an `any`; otherwise unknown stays unknown."""
    assert parse_condition(condition, "test").evaluate(facts) is expected


@pytest.mark.parametrize(
    ("condition", "message"),
    [
        ("market has EU", "does not start with a facts field"),
        ("markets has FR", "not among the values"),
        ("markets includes EU", "unknown operator"),
        ("employees < many", "whole number"),
        ("roles", "not true/false"),
    ],
)
def test_a_typo_in_a_condition_fails_when_the_rules_load(condition: str, message: str) -> None:
    """A condition naming an unknown field, value or operator is a RuleError at load time."""
    with pytest.raises(RuleError, match=message):
        parse_condition(condition, "x.toml [[reach]] #1")


def test_a_rule_without_a_citation_is_refused(tmp_path: Path) -> None:
    """Every clause must name its provision."""
    path = tmp_path / "bad.toml"
    path.write_text(RULES.replace('cite = "Article 9(1)"\n', ""), encoding="utf-8")
    with pytest.raises(RuleError, match=r"bad\.toml \[\[obligation\]\] #1: needs `what`.*`cite`"):
        load_rule_file(path)


# ------------------------------------------------------------------ resolution


@pytest.mark.parametrize(
    ("locator", "quote"),
    [
        ("Article 2(1)(a)", "(a) providers that sell robots in Examplia;"),
        ("Article 2(1)(b)", "(b) users of robots established in Examplia."),
        ("Article 2(2)", "2. This Act does not apply to robots used only for research."),
        ("Article 9(1)", "(1) A provider shall label every robot it sells."),
        ("Article 9(2)", "(2) The label shall be in Examplian."),
    ],
)
def test_a_provision_resolves_to_its_verbatim_indexed_text(locator: str, quote: str) -> None:
    """The quote is the provision's own text, sliced from the chunk, with its document offsets and page."""
    chunks = _chunks()
    c = ProvisionResolver(chunks, {"ex-act": _doc("ex-act", "EU")}).resolve("ex-act", locator)
    assert c is not None and c.quote == quote and c.locator == locator and c.url == "https://example.org/ex-act"
    holder = next(ch for ch in chunks if ch.char_start <= c.quote_start < ch.char_end)
    assert holder.text[c.quote_start - holder.char_start : c.quote_end - holder.char_start] == quote
    assert c.page == holder.page_start


def test_a_locator_as_the_index_stores_it_resolves_to_that_unit() -> None:
    """A code's nested unit cited as stored ("Commitment 1, Measure 1.2") is that unit, not the first chunk of its
    commitment; a nested unit the index lacks does not resolve to its parent."""
    head = "Commitment 1\nDocumentation\nSignatories commit to document their robots."
    measure = "Measure 1.2 Publishing contacts\nSignatories will publish a contact point."
    chunks = [
        Chunk("ex-act", "Commitment 1", (), head, 0, len(head), 1, 1, "en", 0, ()),
        Chunk("ex-act", "Commitment 1, Measure 1.2", (), measure, 100, 100 + len(measure), 2, 2, "en", 1, ()),
    ]
    resolver = ProvisionResolver(chunks, {"ex-act": _doc("ex-act", "EU")})
    c = resolver.resolve("ex-act", "Commitment 1, Measure 1.2")
    assert c is not None and c.quote.startswith("Measure 1.2 Publishing contacts") and c.page == 2
    # counter-example: a measure the index lacks is missing, not the commitment's first chunk under its name
    assert resolver.resolve("ex-act", "Commitment 1, Measure 1.3") is None
    # a unit cited by its path resolves to its paragraphs stored under it ("Measure 1.2(1)–(2)")
    assert resolver.resolve("ex-act", "Commitment 1") is not None


@pytest.mark.parametrize("locator", ["Article 2(1)(e)", "Article 3", "Article 9(4)", "Annex I"])
def test_a_provision_the_index_lacks_does_not_resolve(locator: str) -> None:
    """No quote is invented: a missing provision resolves to None."""
    assert ProvisionResolver(_chunks(), {"ex-act": _doc("ex-act", "EU")}).resolve("ex-act", locator) is None


def test_a_rule_citing_a_missing_provision_fails_the_build(rules_dir: Path) -> None:
    """check_rules lists it; build_assessor and assess refuse to run with it."""
    (rules_dir / "ex-act.toml").write_text(RULES.replace("Article 9(1)", "Article 9(7)"), encoding="utf-8")
    docs = {"ex-act": _doc("ex-act", "EU")}
    assert check_rules(load_rules(rules_dir), ProvisionResolver(_chunks(), docs)) == [
        "ex-act.toml: ex-act 'Article 9(7)'"
    ]
    with pytest.raises(RuleError, match=r"Article 9\(7\)"):
        build_assessor(Settings(), chunks=_chunks(), documents=docs, rules_dir=rules_dir)


# ------------------------------------------------------------------ the engine


def test_a_known_reach_applies_with_cited_reasons_and_obligations(rules_dir: Path) -> None:
    """Facts that meet a reach: applies, the reason and the obligation each carry their provision's quote."""
    result = _assess(rules_dir, _facts(markets=("EU",), roles=("provider",), system={"purpose": "commercial"}))
    (r,) = result.results
    assert r.status == "applies" and r.jurisdiction == "EU"
    assert [(f.text, f.citation.locator) for f in r.reasons] == [("You sell robots there.", "Article 2(1)(a)")]
    assert [f.citation.quote for f in r.obligations] == ["(1) A provider shall label every robot it sells."]
    assert [f.citation.n for f in (*r.reasons, *r.obligations)] == [1, 2]


def test_an_unknown_market_gives_may_apply_with_the_question(rules_dir: Path) -> None:
    """markets unknown: may_apply, the rule's words on what it would change, and the question that settles it."""
    out = assessment_dict(_assess(rules_dir, _facts(roles=("provider",))))
    (r,) = out["results"]
    assert r["status"] == "may_apply"
    assert r["reasons"][0]["citation"]["locator"] == "Article 2(1)(a)"
    assert {"fact": "markets", "effect": "If you sell robots there, Article 2(1)(a) brings you in."}.items() <= (
        r["unknown_facts"][0].items()
    )
    assert r["unknown_facts"][0]["question"].startswith("Where is the system offered")


def test_known_facts_outside_every_reach_do_not_apply(rules_dir: Path) -> None:
    """All reaches known and false: does_not_apply, citing the scope provision."""
    (r,) = _assess(rules_dir, _facts(markets=("JP",), roles=("provider",), system={"purpose": "commercial"})).results
    assert r.status == "does_not_apply" and r.reasons[0].citation.locator == "Article 2(1)"


def test_an_exclusion_that_holds_does_not_apply(rules_dir: Path) -> None:
    """A research-only robot is excluded even where a reach holds."""
    (r,) = _assess(rules_dir, _facts(markets=("EU",), roles=("provider",), system={"purpose": "research"})).results
    assert r.status == "does_not_apply" and r.reasons[0].citation.locator == "Article 2(2)" and not r.obligations


def test_unknown_facts_never_produce_does_not_apply(rules_dir: Path) -> None:
    """Over every mix of known and unknown markets, roles and purpose: a text is does_not_apply only when the
    facts that decide it are known."""
    for markets, roles, purpose in itertools.product(
        [None, (), ("EU",)], [None, (), ("provider",)], [None, "commercial", "research"]
    ):
        (r,) = _assess(rules_dir, _facts(markets=markets, roles=roles, system={"purpose": purpose})).results
        if r.status == "does_not_apply":
            known_out = (markets is not None and "EU" not in markets) or (roles is not None and "provider" not in roles)
            assert purpose == "research" or known_out, (markets, roles, purpose)
        else:
            assert r.status == ("applies" if markets and roles and purpose != "research" else "may_apply")


def test_the_memo_reads_as_a_memo_in_english_and_japanese(rules_dir: Path) -> None:
    """The memo has the status, the reason with its marker, and the numbered source with the quote."""
    result = _assess(rules_dir, _facts(markets=("EU",), roles=("provider",)))
    text = memo(result)
    assert "ex-act short (EU) — APPLIES" in text and "You sell robots there. [1]" in text
    assert "[1] ex-act short, Article 2(1)(a), p. 3 — https://example.org/ex-act" in text
    assert "“(a) providers that sell robots in Examplia;”" in text and "Not legal advice" in text
    ja = memo(assess(result.facts, load_rules(rules_dir), ProvisionResolver(_chunks(), _docs()), _docs(), lang="ja"))
    assert "適用あり" in ja and "法的助言ではありません" in ja and "出典" in ja


def _docs() -> dict[str, Document]:
    return {"ex-act": _doc("ex-act", "EU")}


# ------------------------------------------------------------------ prefill


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        (
            "We are an Osaka company; our app generates product photos and ad copy for online shops in Japan, "
            "France and Taiwan — what applies to us?",
            {"established_in": ["JP"], "markets": ["JP", "EU", "other"], "roles": ["provider"]},
        ),
        ("We deploy a chatbot for customers in Japan and the EU.", {"markets": ["JP", "EU"], "roles": ["deployer"]}),
        ("We use AI to screen job applicants in Colorado.", {"markets": ["US-CO"], "roles": ["deployer"]}),
        # a business naming its own role, with words between ("a provider of household robots")
        ("We are a provider of household robots selling in the EU.", {"markets": ["EU"], "roles": ["provider"]}),
        ("As an importer of robots into the EU, what must we check?", {"roles": ["importer"]}),
        # counter-example: a role named as someone else's is not the asker's
        ("What must the provider tell us about the model?", {"roles": None}),
    ],
)
def test_prefill_reads_only_what_the_question_states(question: str, expected: dict[str, object]) -> None:
    """Places, roles and system traits the words name are set; the rest stays unknown."""
    facts = prefill_facts(question).to_json()
    for key, value in expected.items():
        assert facts[key] == value
    assert facts["employees"] is None and facts["system"]["purpose"] is None


def test_prefill_of_a_question_with_no_facts_leaves_everything_unknown() -> None:
    """A bare question sets nothing."""
    assert prefill_facts("What does Article 5 say?") == Facts()


def test_the_layout_of_a_rule_file_is_documented() -> None:
    """docs/assessment.md describes the facts keys and the rule tables it reads."""
    doc = (Path(__file__).parents[1] / "docs" / "assessment.md").read_text(encoding="utf-8")
    for word in ("consequential_decisions", "[[reach]]", "[[exclusion]]", "[[obligation]]", "if_unknown"):
        assert word in doc, word
    assert textwrap.dedent(doc)
