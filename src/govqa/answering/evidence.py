"""Evidence for a claim, sentence by sentence, and the decision it supports (pure).

A verdict and the first citation should rest on the sentence that states the claim, not on the passage that
retrieval ranked first. `rank_evidence` cuts the given passages into sentences (a sentence introducing points
states them with it) and ranks them by how much of the claim (search/claim_reading.py's record) each states:

- idf-weighted coverage of the claim's terms (the names of the text it is about left out: a law does not name
  itself);
- optionally, embedding similarity between claim and sentence through an injected scorer (the e5 model's, which
  also meets a Japanese claim with an English sentence);
- role match: the passage carries a role the claim asks about (its actor's obligations, penalties, dates…);
- same event: the sentence states a date of the event the claim dates, or a figure of the kind and unit the
  claim gives;
- the claimed party: the sentence binds the party the claim binds, as its subject (duties.binds_party).

`decide` runs the comparisons of comparisons.py, in their order, over the best sentences.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from govqa.answering.attribution import reports_other_text
from govqa.answering.comparisons import CHECKS, STATED_WITH_POINTS, Comparison, compare_figures, figure_findings
from govqa.answering.coverage import claim_weights, counts_across, cross_language, term_coverage
from govqa.answering.duties import action_coverage, binds_party, states_as_claimed, stem
from govqa.answering.exceptions import unstated_regardless
from govqa.answering.parties import acting, acts_as_claimed, sends_to
from govqa.answering.provisos import case_unclaimed, dates_a_part, opens_proviso, proviso_unclaimed, provisos
from govqa.answering.quotes import SentenceScorer
from govqa.answering.stating import (
    PROHIBITION,
    claims_definition,
    defines,
    denies_stated_ban,
    polarity_differs,
    states_figures,
)
from govqa.answering.status import claims_own_force
from govqa.answering.translations import as_duty_words, renders_duty_as_should
from govqa.records import Check, Passage
from govqa.search.claim_figures import dates_in, figures_in
from govqa.search.claim_reading import ClaimReading
from govqa.search.statements import POSSIBILITY, duty_of
from govqa.text import POINT, sentence_spans, statement_spans


@dataclass(frozen=True)
class EvidenceWeights:
    """How a sentence's evidence adds up (chosen on the odd half of the dev claims; see docs/claims.md)."""

    coverage: float = 1.0
    similarity: float = 1.0
    role: float = 0.15
    event: float = 0.25
    party: float = 0.15
    rank: float = 0.1  # retrieval's order still says something: the first passage's sentences gain this much


@dataclass(frozen=True)
class Evidence:
    """One sentence of a passage, scored as evidence for a claim."""

    passage: Passage
    start: int  # offsets in passage.chunk.text: the sentence, what is cited
    end: int
    score: float
    coverage: float
    similarity: float
    role_match: bool
    event_match: bool

    # The end of what the sentence states: a sentence introducing points ("… shall be fined up to EUR 15 000 000:
    # (a) …; (g) transparency obligations …") states them with it; else `end`.
    statement_end: int = -1
    # For a point of a list, the stem introducing it ("Providers of general-purpose AI models shall:"): whose
    # duty the point states; "" otherwise.
    stem: str = ""

    @property
    def text(self) -> str:
        return " ".join(self.passage.chunk.text[self.start : self.end].split())

    @property
    def duty(self) -> str:
        """What says who must do the sentence's action, and how strongly: a point with its stem (a translation's
        duty words read as the duty they render, translations.py)."""
        return as_duty_words(self._under_stem(self.statement), self.passage.document)

    @property
    def own_duty(self) -> str:
        """The sentence alone, a point with its stem: whose duty it states and how strongly, on its own words."""
        return as_duty_words(self._under_stem(self.text), self.passage.document)

    def _under_stem(self, point: str) -> str:
        """A point with its stem, whose duty it states; a point binding a party of its own ("(i) The Chairman of …
        shall prepare …", under "the following actions shall be taken:") states its own duty."""
        return f"{self.stem} {point}" if self.stem and not acting(point) else point

    @property
    def antecedent(self) -> str:
        """The passage's sentence before this one when this one refers back to it ("such information", "the
        same", 当該, 前項), else ""."""
        if not REFERS_BACK.search(self.text):
            return ""
        before = [(s, e) for s, e in sentence_spans(self.passage.chunk.text) if e <= self.start]
        return " ".join(self.passage.chunk.text[before[-1][0] : before[-1][1]].split()) if before else ""

    @property
    def statement(self) -> str:
        """The sentence with the points it introduces: what is compared with the claim."""
        return " ".join(self.passage.chunk.text[self.start : max(self.end, self.statement_end)].split())


# Words sending the reader back to the sentence before: what they name is stated there.
REFERS_BACK = re.compile(r"\bsuch\b|\b(?:the|that|this) same\b|\bthereof\b|当該|同項|前項", re.I)

# A refutation of these kinds needs every sentence ranked to bind another party or ask less (`states_as_claimed`).
STATED_AS_CLAIMED = frozenset({"actor", "modality"})

# ---------------------------------------------------------------- ranking


def same_event(reading: ClaimReading, sentence: str) -> bool:
    """The sentence states a date of an event the claim dates, or a figure of a kind and unit the claim gives."""
    events = {d.event for d in reading.dates if d.event}
    if events & {d.event for d in dates_in(sentence)}:
        return True
    kinds = {(f.kind, f.unit) for f in reading.figures if f.kind != "count"}
    stated = figures_in(sentence)
    if kinds & {(f.kind, f.unit) for f in stated}:
        return True
    counts = [f for f in reading.figures if f.kind == "count"]  # a count of the same thing ("four functions")
    return any(f.compares_with(g) or counts_across(f, g, reading, sentence) for f in counts for g in stated)


def rank_evidence(
    reading: ClaimReading,
    passages: Sequence[Passage],
    idf: dict[str, float],
    *,
    similarity: SentenceScorer | None = None,
    weights: EvidenceWeights = EvidenceWeights(),
    limit: int = 10,
) -> list[Evidence]:
    """The passages' sentences ranked as evidence for the claim, best first (see the module docstring)."""
    terms = claim_weights(reading, idf)
    roles = set(reading.roles)
    spans = [(rank, p, s, e, stop) for rank, p in enumerate(passages) for s, e, stop in statement_spans(p.chunk.text)]
    texts = [" ".join(p.chunk.text[s:stop].split()) for _, p, s, _, stop in spans]
    stems = {  # a point's stem: the sentence before it whose points run past it
        (id(p), s): " ".join(p.chunk.text[s2:e2].split())
        for _, p, s2, e2, stop2 in spans
        for _, q, s, _, _ in spans
        if q is p and stop2 > e2 and e2 <= s < stop2
    }
    sims = similarity(reading.text, texts) if similarity and texts else [0.0] * len(texts)
    out = []
    for (rank, p, s, e, stop), text, sim in zip(spans, texts, sims, strict=True):
        cover = term_coverage(terms, text)
        role = bool(roles & set(p.chunk.roles))
        event = same_event(reading, text)
        # (a numbered paragraph stating its own force, "５…努めなければならない", "3. … shall endeavour", borrows none)
        borrows = POINT.match(p.chunk.text, s) and not duty_of(text)[1]
        stem = stems.get((id(p), s)) or (_addressee_stem(p) if borrows else "")
        party = binds_party(reading, as_duty_words(f"{stem} {text}" if stem else text, p.document))
        score = (
            weights.coverage * cover
            + weights.similarity * float(sim)
            + weights.role * role
            + weights.event * event
            + weights.party * party
            + weights.rank / (1 + rank)
        )
        out.append(Evidence(p, s, e, score, cover, float(sim), role, event, stop, stem))
    out.sort(key=lambda ev: -ev.score)
    return out[:limit]


def _addressee_stem(passage: Passage) -> str:
    """For a point whose stem the passage does not hold (a list cut across chunks), the stem its provision's
    one addressee gives it ("Article 53 — Obligations for providers …": "providers shall:"); "" when the
    provision binds several parties or none."""
    if passage.document is not None and passage.document.legal_effect == "non_binding":
        return ""  # a resolution's or a guideline's numbered paragraphs bind no one: no "shall" to lend them
    bound = [r.split(":", 1)[1] for r in passage.chunk.roles if r.startswith("obligation:")]
    return f"{bound[0].replace('_', ' ')}s shall:" if len(bound) == 1 else ""


def figures_across(
    reading: ClaimReading, evidence: Sequence[Evidence], idf: dict[str, float]
) -> tuple[Check, Evidence] | None:
    """A claim with figures for several events, each stated alike by one of the sentences and none stated
    otherwise → supported, resting on the first sentence that states one."""
    if len(reading.figures) < 2:
        return None
    agreed: set[int] = set()
    first = None
    for ev in evidence:
        refuted, found = figure_findings(reading, ev.statement, idf)
        if refuted and not case_unclaimed(reading, ev.text):
            return None
        if found and first is None:
            first = ev
        agreed |= found
    if first is None or len(agreed) < len(reading.figures):
        return None
    return Check("figures", "supported", "figure_agrees", ", ".join(f.text for f in reading.figures)), first


def decide(
    reading: ClaimReading, evidence: Sequence[Evidence], idf: dict[str, float], *, top: int = 3
) -> tuple[Check, Evidence] | None:
    """The first check, in CHECKS order, that refutes the claim on one of the `top` best sentences, else the first
    that supports it, with the sentence it rests on; None when none decides. One difference refutes a claim;
    support needs no check to find one: a date that agrees ("promulgated in January 2025") does not outweigh the
    timing that differs ("took effect the day it was promulgated": one year after). A decision that needed a
    stem's points rests on the stem with its points (they are cited with it)."""
    support = None
    for name, check in CHECKS:
        found = _decided(name, check, reading, evidence[:top], evidence, idf)
        if found is not None and found[0].verdict == "refuted":
            return found
        support = support or found
    return support if support is None or names_its_text(reading, support[1]) else None


def stated_as_claimed(name: str, reading: ClaimReading, ev: Evidence, other: Evidence, idf: dict[str, float]) -> bool:
    """Another sentence puts the claim's action on the claimed party, or with the claimed force, and states as much
    of the action as the deciding one: then the law states the action both ways and the deciding one refutes
    nothing. One stating less of it is about another action sharing a word (「利用目的」 in a duty to keep data
    accurate, against the claimed duty to specify the purpose). A party named by title ("the Secretary of Labor")
    is bound as claimed by a sentence stating as much of the claim: one stating less gives it another task."""
    as_claimed = states_as_claimed(name, reading, other.duty, idf) or (
        name == "actor" and acts_as_claimed(reading, other.duty) and other.coverage >= ev.coverage
    )
    return as_claimed and action_coverage(reading, other.duty, idf) >= action_coverage(
        reading, ev.duty if name in STATED_WITH_POINTS else ev.own_duty, idf
    )


def names_its_text(reading: ClaimReading, ev: Evidence) -> bool:
    """A date the claim names its text by ("Biden's 2023 AI order") agrees with the date of the text the
    sentence is from: otherwise the claim is about another text, or misdates this one, and the sentence does
    not support it."""
    record = dates_in(ev.passage.document.date) if ev.passage.document else []
    titled = [d for d in reading.dates if d.event == "title"]
    return not titled or not record or all(d.agrees(record[0]) for d in titled)


def _figures_stated_elsewhere(reading: ClaimReading, ev: Evidence, evidence: Sequence[Evidence]) -> bool:
    """A law gives several fines or periods in sibling provisions (7% for prohibited practices, 1% for misleading
    information): a ranked sentence stating every figure the claim gives, alike or as a period the claimed one may
    be ("within 60 days" for "two months"), and as much of the claim says the claim is about that one, and
    another's figures refute nothing ("within 180 days" in a sibling section). Across languages no words tell them
    apart: stating the figures alike is enough."""
    across = cross_language(reading, ev.statement)
    return any(
        states_figures(reading, o.statement, maybe=True) and (across or o.coverage >= ev.coverage)
        for o in evidence
        if o is not ev
    )


def _affirmed_elsewhere(
    reading: ClaimReading, ev: Evidence, evidence: Sequence[Evidence], idf: dict[str, float]
) -> bool:
    """A law states a rule and the cases it leaves out ("applies to … where the output is used in the Union"; "does
    not apply to … where the output is used … exclusively for military purposes"): a denial refutes nothing where
    another ranked sentence states as much of the claim with the claim's polarity."""
    words = claim_weights(reading, idf).keys()
    return any(
        o is not ev and o.coverage >= ev.coverage and not polarity_differs(reading.text, words, o.text)[0]
        for o in evidence
    )


def _recital(ev: Evidence) -> bool:
    """A recital gives the reasons for an act's rules, always in "should" ("providers should also be required to
    … report"): the force of a rule is its article's, not the recital's."""
    return bool(_RECITAL.match(ev.passage.chunk.locator))


_RECITAL = re.compile(r"Recitals?\b")  # the locators the profiles give recitals ("Recital 155", "Recitals (a)")


# The checks that support a claim on the words it shares with a sentence, whatever the sentence's force.
BY_WORDS = frozenset({"verbatim", "most"})


def bans_as_claimed(reading: ClaimReading, ev: Evidence) -> bool:
    """A claim that a text bans something ("the order banned the release of …") is stated only by a sentence
    that bans: in its own words or its stem's, as a point of a provision of prohibitions (Article 5(1)(c), whose
    stem may lie in another passage), or naming the prohibition ("The prohibition in Article 5(1)(d) applies
    …"). One that shares the claim's words and asks for a consultation on them does not state a ban."""
    claimed = duty_of(reading.text)
    banned = duty_of(ev.own_duty)[2] or ("prohibition" in ev.passage.chunk.roles and bool(POINT.match(ev.text)))
    if claimed[1] == "may" and not reading.negated and banned:
        return False  # a sentence banning the action (a point of a list of bans) never states leave to do it
    if claimed[1] == "may" and not duty_of(ev.own_duty)[1] and POSSIBILITY.search(ev.own_duty):
        return False  # nor one saying what may happen ("may lead to discriminatory outcomes")
    if claimed[1] == "may" and _PERMITS.fullmatch(claimed[3].strip()) and not reading.negated:
        return duty_of(ev.own_duty)[1] == "may"  # "allows X" is stated by a sentence that permits, not by one naming X
    if not claimed[2] or duty_of(ev.own_duty)[2]:
        return True
    return "prohibition" in ev.passage.chunk.roles or bool(PROHIBITION.search(ev.text))


_PERMITS = re.compile(r"allows?|permits?|lets", re.I)  # a claim's verb of leave over its action


def _decided(
    name: str,
    check: Comparison,
    reading: ClaimReading,
    best: Sequence[Evidence],
    evidence: Sequence[Evidence],
    idf: dict[str, float],
) -> tuple[Check, Evidence] | None:
    """What one check decides on the best sentences (best first), with the sentence it rests on."""
    part = dates_a_part(reading)
    for ev in best:
        if reports_other_text(reading, ev.text):
            continue  # another text's rule, reported ("Under the EU AI Act, …" in a claim about another text)
        if name == "dates" and not part and opens_proviso(ev.text):
            continue  # a proviso's date is a part's, not the whole text's
        if part and (later := provisos(ev.passage.chunk.text, ev.start, ev.end)):
            # a general date decides nothing of a part: the provisos after it may date that part otherwise
            text = ev.passage.chunk.text
            at = next(((f, s, e) for s, e in later if (f := check(reading, " ".join(text[s:e].split()), idf))), None)
            if at:
                return at[0], replace(ev, start=at[1], end=at[2], statement_end=-1, stem="")
            continue
        if name == "modality" and (renders_duty_as_should(stem(ev.own_duty), ev.passage.document) or _recital(ev)):
            continue
        if name in BY_WORDS and (not bans_as_claimed(reading, ev) or claims_own_force(reading)):
            continue  # (a text's own force is stated by its words about itself only: status.record_force)
        if name in BY_WORDS and claims_definition(reading) and not defines(ev.text, ev.passage.chunk.roles):
            continue
        if name in BY_WORDS and (
            unstated_regardless(reading, ev.statement)
            or proviso_unclaimed(reading, ev.passage.chunk.text, ev.start, ev.text)
        ):
            continue  # (a condition set aside, a proviso's case: claims of their own, which a sentence must state)
        if name == "modality" and denies_stated_ban(reading, ev.own_duty, "prohibition" in ev.passage.chunk.roles, idf):
            return Check("modality", "refuted", "ban_denied", reading.modal_words), ev
        if name in STATED_AS_CLAIMED:
            found = check(reading, ev.duty if name in STATED_WITH_POINTS else ev.own_duty, idf)
            if found and not any(stated_as_claimed(name, reading, ev, o, idf) for o in evidence if o is not ev):
                # no other sentence binds the claimed party, or with the claimed force; a stem is cited with
                # the points whose action it decided on
                return found, ev if name not in STATED_WITH_POINTS else replace(ev, end=max(ev.end, ev.statement_end))
            continue
        if name == "figures" and (found := compare_figures(reading, ev.statement, idf, ev.antecedent)):
            if found.verdict == "refuted" and (
                _figures_stated_elsewhere(reading, ev, evidence) or case_unclaimed(reading, ev.text)
            ):
                continue
            denied = polarity_differs(reading.text, claim_weights(reading, idf), ev.statement)[0]
            if found.verdict == "supported" and denied:  # (an exemption's "fewer than fifty" supports no "applies")
                continue
            if found.verdict == "supported":  # of the sentences stating the figures alike, the one stating most
                alike = [o for o in best if compare_figures(reading, o.statement, idf, o.antecedent) == found]
                ev = max(alike, key=lambda o: o.coverage)
            return found, ev if compare_figures(reading, ev.text, idf, ev.antecedent) == found else replace(
                ev, end=ev.statement_end
            )
        if name in STATED_WITH_POINTS and (found := check(reading, ev.statement, idf)):
            return found, ev if check(reading, ev.text, idf) == found else replace(ev, end=ev.statement_end)
        text = f"{ev.stem} {ev.text}" if ev.stem and name == "scope" else ev.text  # (a point's limits: its stem's)
        if name not in STATED_WITH_POINTS and (found := check(reading, text, idf)):
            if name == "polarity" and _affirmed_elsewhere(reading, ev, evidence, idf):
                continue
            if name == "recipient" and any(
                sends_to(reading, found.claimed, o.statement) and o.coverage >= ev.coverage
                for o in evidence
                if o is not ev
            ):
                continue  # another sentence (a stem with its points) sends it, stating as much of the claim, to the
                # claimed one: both are named
            return found, ev
    if name == "figures" and (joint := figures_across(reading, best, idf)):
        return joint
    return None
