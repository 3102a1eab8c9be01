"""The comparisons that can decide a claim on one evidence sentence (pure).

Each check compares a claim (search/claim_reading.py's record) with one sentence and returns a `Check` with one
reason, or None when it cannot decide (an unrelated figure, date, negation or exception decides nothing). The
order they run in is `CHECKS`: figures and dates on the same event, a duty's force, its actor and its recipient,
scope words against exceptions, an exception naming the claim's subject, polarity on the claim's own words, then
statement of (nearly) the whole claim (the scope and exception comparisons live in exceptions.py). evidence.py ranks the
sentences and runs the order over the best of them. Each check is tested with a broader example and a
counter-example of the same shape that must not get the verdict."""

from __future__ import annotations

import re
from collections.abc import Callable

from govqa.answering.coverage import (
    POLARITY_COVER,
    STATES_MOST,
    about_same,
    claim_weights,
    counts_across,
    cross_language,
    event_words,
    figure_topic,
    name_words_of,
    states_heaviest,
    term_coverage,
    undated_weights,
)
from govqa.answering.denied import denies_affirmed, lack_as_denial, lack_unstated, order_reversed
from govqa.answering.duties import (
    acts_in,
    body_differs,
    claims_a_right,
    denies_force,
    forces_differ,
    names_bodies,
    names_its_body,
    on_action,
    other_party,
    party_of,
    states_action,
    stem,
)
from govqa.answering.exceptions import compare_excepted, compare_scope
from govqa.answering.parties import other_doer, other_recipient, other_recipient_ja, states_verb
from govqa.answering.publication import after
from govqa.answering.quotes import FRAME_WORDS
from govqa.answering.stating import (
    EXCEPTION,
    agrees,
    as_restricted,
    as_universal,
    dates_a_transitional_case,
    dates_another_edition,
    dates_another_text,
    later_occurrence,
    leader_differs,
    listed_items,
    polarity_differs,
    same_office,
    states_figures,
    states_particulars,
    unlisted,
)
from govqa.records import Check
from govqa.search.claim_figures import Figure, dates_in, figures_in
from govqa.search.claim_reading import ClaimReading
from govqa.search.denials import EXEMPTION, averted, denied_words
from govqa.search.statements import NOT_BANNED, actor_role, actor_words, duty_of, negation_words, no_duty
from govqa.text import fold, tokenize

# ---------------------------------------------------------------- checks


def figure_findings(
    reading: ClaimReading, sentence: str, idf: dict[str, float] | None = None, context: str = ""
) -> tuple[Check | None, set[int]]:
    """A claimed figure the sentence states otherwise (a refutation), and the indexes of the claimed figures it
    states alike. A sentence stating another claimed figure of the same kind ("10 days for a death, two days for
    …") is about that one's event and refutes nothing. What the figure is about may be stated in `context`, the
    sentence a referring word sends back to ("… provide such information within 14 days")."""
    stated = figures_in(sentence)
    agreed: set[int] = set()
    for i, f in enumerate(reading.figures):
        about = f"{context} {sentence}" if context else sentence
        if not names_its_body(reading, f, about):
            continue
        if not about_same(figure_topic(reading, f), about, cross_language(reading, sentence), idf, reading.text):
            continue
        # (days against months only where words tell the event: across languages the ranking alone chose it;
        # one the months can last, "120 days" for "four months", leaves "270 days" to another step)
        months = [g for g in stated if _days_and_months(f, g) and not cross_language(reading, sentence)]
        apart = [g for g in months if f.apart_from(g)]
        same_kind = [g for g in stated if f.compares_with(g) or counts_across(f, g, reading, sentence)] + apart
        same_kind = [g for g in same_kind if not counted_apart(reading.text, f, sentence, g)]
        if any(agrees(f, g) for g in same_kind):
            agreed.add(i)
        elif same_kind and apart == months and not any(agrees(o, g) for o in reading.figures for g in same_kind):
            return Check("figures", "refuted", "figure_differs", f.text, ", ".join(g.text for g in same_kind)), agreed
    if cross_language(reading, sentence) and not any(reading.figures[i].kind in ("amount", "count") for i in agreed):
        agreed = set()  # across languages "every six months" agrees by chance; money, or a count of one noun, not
    return None, agreed


def counted_apart(claim: str, f: Figure, sentence: str, g: Figure) -> bool:
    """Two periods counted in opposite directions from their event: "a week before it was promulgated" is no
    deadline "within three months from the date of promulgation", whatever their lengths."""
    ways = {_direction(claim[f.end :]), _direction(sentence[g.end :])}
    return f.kind == g.kind == "period" and ways == {"before", "after"}


def _direction(after: str) -> str:
    return "before" if _BEFORE.match(after) else "after" if _AFTER.match(after) else ""


# What follows a period says which way it counts: up to an event ("30 days before placing on the market") or from
# it ("within 60 days of this order", "three months from the date of promulgation").
_BEFORE = re.compile(r"[^.;:]{0,15}?\b(?:before|prior to|ahead of|in advance of|earlier than)\b", re.I)
_AFTER = re.compile(r"[^.;:]{0,15}?\b(?:after|from|following|since|of (?:the|this|its|that)\b)", re.I)


def _days_and_months(a: Figure, b: Figure) -> bool:
    """Two periods, one in days, the other in months or years: no fixed number of days (`Figure.apart_from`)."""
    return a.kind == b.kind == "period" and {a.unit, b.unit} == {"day", "year"}


def compare_figures(
    reading: ClaimReading, sentence: str, idf: dict[str, float] | None = None, context: str = ""
) -> Check | None:
    """Each claimed figure against the sentence's figures of its kind and unit, when the sentence (or the one
    it refers back to, `context`) speaks of what the figure is about: one differing → refuted; all stated alike
    → supported."""
    refuted, agreed = figure_findings(reading, sentence, idf, context)
    if refuted or not reading.figures or len(agreed) < len(reading.figures):
        return refuted
    # a count agreeing with the items listed otherwise ("four functions: Govern, Map, Measure and Monitor" against
    # "GOVERN, MAP, MEASURE, and MANAGE"): one item swapped → refuted; fewer of them stated → nothing decided
    if missing := unlisted(items := listed_items(reading), sentence):
        stated = ", ".join(i for i in items if i not in missing)
        swapped = len(missing) == 1 and len(items) >= 3
        return Check("figures", "refuted", "item_differs", missing[0], stated) if swapped else None
    return Check("figures", "supported", "figure_agrees", ", ".join(f.text for f in reading.figures))


# A text speaking of itself: "This Act shall enter into force …", "This publication is available …", 「この法律は」.
SELF_REFERENCE = re.compile(
    r"\b(?:this|these|the present) (?:act|regulation|law|order|directive|decision|framework|profile|document"
    r"|publication|guidelines?|code|resolution|convention|recommendation|principles|measures|rules)\b"
    r"|この法律|本法|本ガイドライン",
    re.I,
)


def _names_text(reading: ClaimReading, sentence: str) -> bool:
    """The sentence names a text the claim is about in the claim's words for it (a cover or title line: "Robot
    Safety Act … July 2024"): its dates are that text's. A sentence of the text speaking of itself ("the
    prohibitions … of this Regulation shall apply from …") dates a part of it, compared only if it is the part the
    claim dates."""
    folded = fold(sentence)
    return any(n.by == "alias" and fold(n.words) in folded for n in reading.texts)


def compare_dates(reading: ClaimReading, sentence: str, idf: dict[str, float] | None = None) -> Check | None:
    """Each dated event of the claim against the sentence's dates of the same event: none agreeing → refuted,
    else one agreeing → supported. A date of another event decides nothing; one of no named event ("since 2024")
    is compared with the sentence's undated-event ones only in a sentence stating the claim (`STATES_MOST`)."""
    if dates_a_transitional_case(reading.text, sentence):
        return None  # the date of a case set apart (what existed before a date) is not the rule's
    stated = dates_in(sentence)
    states_claim = idf is not None and all(  # (its words besides the dates too: they say what is dated)
        term_coverage(w, sentence) >= STATES_MOST for w in (claim_weights(reading, idf), undated_weights(reading, idf))
    )
    agreed = None  # support waits for every claimed date: one differing refutes the claim
    for d in reading.dates:
        if (not d.event and not states_claim) or d.event == "title":
            continue  # a text's date in its name is compared with the text's record (evidence.decide)
        topic = figure_topic(reading, d)
        if (
            topic - event_words(reading.text)
            and not (states_claim or _names_text(reading, sentence))
            and not (about_same(topic, sentence, cross_language(reading, sentence), idf, reading.text))
        ) or dates_another_text(reading, sentence):  # (a clause saying nothing but the event is about the event)
            continue  # the same kind of event, of another subject ("the framework was released in January 2023")
        same = [s for s in stated if s.dates_as(d)]
        issued = [s for s in stated if s.event == "publication"] if d.event == "draft" and not same else []
        if issued and all(after(d, s) for s in issued):  # a draft comes before its text
            return Check("dates", "refuted", "date_differs", d.text, ", ".join(s.text for s in issued))
        if same and not any(d.agrees(s) for s in same):
            if d.event == "effect" and any(s.event == "entry_into_force" for s in same):
                continue  # "kicked in" may be a later application: an entry into force does not refute it
            if all(later_occurrence(reading, s, d) for s in same):
                continue  # "first released in 2019" is not refuted by a release in 2020: a later one, maybe
            return Check("dates", "refuted", "date_differs", d.text, ", ".join(s.text for s in same))
        if (
            same
            and states_figures(reading, sentence)
            and agreed is None
            and not dates_another_edition(reading, sentence)
        ):
            agreed = Check("dates", "supported", "date_agrees", d.text, next(s.text for s in same if d.agrees(s)))
    return agreed


# "took effect the day it was promulgated / immediately" against "shall enter into force 1 year after the date of
# its promulgation" or "on the twentieth day following its publication": a delay the claim leaves out.
CLAIMS_IMMEDIATE = re.compile(
    r"\b(?:immediately|the (?:same )?day (?:it was |of (?:its )?)?(?:promulgat|sign|enact|adopt|publi)\w*"
    r"|(?:upon|on) (?:its )?(?:promulgation|signature|signing|enactment|adoption|publication))",
    re.I,
)
STATES_DELAY = re.compile(
    r"\b(?:enters? into force|takes? effect|comes? into (?:force|effect)|shall apply)\b[^.;]{0,40}?"
    r"\b((?:\d+|one|two|three|six|twelve) (?:years?|months?|days?) (?:after|following|from)"
    r"|(?:the )?\w+(?:th|st|nd|rd) day following)",
    re.I,
)


def compare_timing(reading: ClaimReading, sentence: str, idf: dict[str, float]) -> Check | None:
    """A claim that a text took effect at once (on promulgation, immediately) against a sentence putting its
    entry into force some time after → refuted. A sentence stating no delay decides nothing."""
    if not CLAIMS_IMMEDIATE.search(reading.text) or not (m := STATES_DELAY.search(sentence)):
        return None
    return Check("timing", "refuted", "delay", reading.text, m.group(1))


def compare_modality(reading: ClaimReading, sentence: str, idf: dict[str, float]) -> Check | None:
    """The claim's force against the sentence's on the same action: a duty claimed where the sentence asks for
    an effort, advises or permits (or the reverse) → refuted. A prohibition stays a prohibition, and refutes a
    leave claimed for what it bans, unless it makes an exception (which the claim may be about)."""
    if not reading.modality or not states_action(reading, sentence, idf):
        return None
    # a stem gives the force of its points ("the attorney general may promulgate rules …, including: (a) …")
    actor, modality, negative, words, _ = duty_of(on_action(reading, stem(sentence), idf))
    if other_party(reading.actor_role, party_of(actor, sentence)):
        return None  # another party's force is no force claimed ("the State shall endeavour" of a duty of universities)
    leave = reading.modality == "may" and not denies_force(reading) and not no_duty(reading.modal_words, reading.text)
    ban = denies_force(reading) and reading.modality == "must"
    # a leave claimed where the sentence bans; a ban claimed where the sentence says "is not prohibited"
    if (negative and leave and not EXCEPTION.search(sentence)) or (ban and NOT_BANNED.fullmatch(words)):
        return Check("modality", "refuted", "force_differs", reading.modal_words, words)
    if not modality or negative or ban:
        return None
    if leave and modality == "must":
        return None  # leave to do what a law requires, or requires done a certain way, contradicts no duty
    if forces_differ(reading, modality):
        return Check("modality", "refuted", "force_differs", reading.modal_words, words)
    return None


def compare_actor(reading: ClaimReading, sentence: str, idf: dict[str, float]) -> Check | None:
    """The claim binds one party; the sentence puts the same action on another and never names the first →
    refuted. A claim naming a body by title ("デジタル庁 handles the headquarters' affairs") against a sentence
    stating the rest of the claim of one other body (内閣府) → refuted likewise, and so is a claim that one office
    leads a body against a sentence making another office its chair (`leader_differs`)."""
    if led := leader_differs(reading, sentence):
        return Check("actor", "refuted", "actor_differs", *led)
    if claims_a_right(reading):
        return None
    if not reading.actor_role:
        return _other_body(reading, sentence, idf) or _doer_differs(reading, sentence, idf)
    if not states_action(reading, sentence, idf):
        return None
    actor, modality, _, _, _ = duty_of(stem(sentence))
    stated = actor_role(actor)
    if not stated:
        return _doer_differs(reading, sentence, idf)  # a party the law names by title ("the Attorney General")
    if not modality or stated == reading.actor_role or actor_role(sentence) == reading.actor_role:
        return None
    if not other_party(reading.actor_role, stated):
        return None  # "companies" are providers, importers, deployers …: the genus differs from none of them
    # the claimed party's head word ("deployers"), not its qualifiers ("… of general-purpose AI models")
    named = {t for t in tokenize(actor_words(reading.actor)[1]) if t not in FRAME_WORDS}
    if named & set(tokenize(sentence)):
        return None
    return Check("actor", "refuted", "actor_differs", reading.actor, actor)


def _other_body(reading: ClaimReading, sentence: str, idf: dict[str, float]) -> Check | None:
    named = name_words_of(reading)
    differ = body_differs(reading, sentence, named)
    if differ is None or not acts_in(differ[1], sentence):
        return None
    weights = claim_weights(reading, idf)
    rest = {t: w for t, w in weights.items() if t not in tokenize(differ[0])}
    if term_coverage(rest, sentence) < STATES_MOST or not states_verb(reading, differ[0], weights, sentence):
        return None
    return Check("actor", "refuted", "actor_differs", differ[0], differ[1])


def _doer_differs(reading: ClaimReading, sentence: str, idf: dict[str, float]) -> Check | None:
    differ = other_doer(reading, sentence, idf)
    return Check("actor", "refuted", "actor_differs", *differ) if differ else None


def compare_recipient(reading: ClaimReading, sentence: str, idf: dict[str, float]) -> Check | None:
    """The claim sends its report or notice to one party; the sentence sends it to another and never names the
    first → refuted (parties.py)."""
    differ = other_recipient(reading, sentence, idf) or other_recipient_ja(reading, sentence, idf)
    return Check("recipient", "refuted", "recipient_differs", *differ) if differ else None


def states_most(reading: ClaimReading, sentence: str, idf: dict[str, float]) -> Check | None:
    """A sentence stating most of the claim's weighted terms (`STATES_MOST`) with its polarity, once no
    comparison above found a difference → supported. Below, sharing words is no evidence."""
    weights = claim_weights(reading, idf)
    if term_coverage(weights, sentence, shared=True) < STATES_MOST or not states_heaviest(weights, sentence):
        return None
    if not _same_polarity(reading, sentence, idf) or not states_particulars(reading, sentence):
        return None
    if not as_universal(reading, sentence) or not as_restricted(reading, sentence):
        return None
    if not same_office(reading, sentence) or not names_bodies(reading, sentence):
        return None
    return Check("most", "supported", "states_most")


def compare_polarity(reading: ClaimReading, sentence: str, idf: dict[str, float]) -> Check | None:
    """A sentence stating most of the claim (`POLARITY_COVER`) that denies what the claim affirms, or the
    reverse, or that orders the claim's step the other way ("before" / "after": `order_reversed`) → refuted (see
    `polarity_differs`)."""
    if term_coverage(claim_weights(reading, idf), sentence) < POLARITY_COVER:
        return None
    how, word = polarity_differs(reading.text, claim_weights(reading, idf).keys(), sentence)
    if not how and (word := order_reversed(reading.text, sentence)):
        return Check("polarity", "refuted", "order_reversed", word)
    return Check("polarity", "refuted", f"{how}_claimed", word) if how else None


def _same_polarity(reading: ClaimReading, sentence: str, idf: dict[str, float]) -> bool:
    """No word of the claim denied on one side and affirmed on the other (`polarity_differs`), and, where the
    sentence has a modal, a ban against a ban and a duty against a duty. A point of a list ("(c) the use of AI
    systems for …") states its stem's force, which it does not repeat: its own words decide."""
    if polarity_differs(lack_as_denial(reading.text), claim_weights(reading, idf).keys(), sentence)[0]:
        return False
    if denies_affirmed(reading, sentence) or lack_unstated(reading, sentence):
        return False
    actor, modality, bans, modal_words, action = duty_of(sentence)
    denied = {_APPLIES.get(t, t) for w in denied_words(reading.text) for t in tokenize(w)}
    # (a condition's "not", a relative clause's "may" deny and allow nothing; "without an address" = "that has none")
    allows = modality == "may" and not _RELATIVE_END.search(actor)
    alike = denied and denied <= {t for w in denied_words(sentence, anywhere=True) for t in tokenize(w)}
    if reading.negations and not (negation_words(sentence) or allows or bans or denied & averted(sentence) or alike):
        return False  # a claim that denies ("consent is not required", 「不要」) needs a sentence that denies too
    # "does not apply" states no 「適用される」: across languages no word says what is denied ("no harm" denies no verb)
    denies_verb = _VERB_DENIED.search(" ".join(negation_words(sentence)))
    if cross_language(reading, sentence) and denies_verb and not (bans or _denies(reading)):
        return False
    # a law writes what a claim says "does not apply" as "shall not apply": the same word denied by its modal
    banned = {t for w in denied_words(f"{modal_words} {action}") for t in tokenize(w)}
    return not modality or bans == duty_of(reading.text)[2] or bool(bans and denied and denied <= banned)


# News's "covers" is a law's "applies to": "does not cover X" is stated by "shall not apply to X".
_APPLIES = {t: tokenize("apply")[0] for t in tokenize("cover covers covered reach reaches extend extends")}
_VERB_DENIED = re.compile(r"\bnot\b|n['’]t\b|\bcannot\b|\bnever\b", re.I)


def _denies(reading: ClaimReading) -> bool:
    """The claim denies, exempts or restricts ("not", 「適用除外」, 「のみ」): it may be stated by a denial."""
    return reading.negated or bool(EXEMPTION.search(reading.text)) or ("restrictive" in dict(reading.scope).values())


_RELATIVE_END = re.compile(r"\b(?:that|which|who)\s*$", re.I)
NEAR_VERBATIM = 0.8  # a sentence stating this share of the claim's weighted terms states the claim


def near_verbatim(reading: ClaimReading, sentence: str, idf: dict[str, float]) -> Check | None:
    """A sentence that states nearly all of the claim's terms (a synonym or two aside) with the same polarity
    → supported. The figure, date and force checks run before it."""
    if term_coverage(claim_weights(reading, idf), sentence) < NEAR_VERBATIM:
        return None
    if not _same_polarity(reading, sentence, idf) or not states_particulars(reading, sentence):
        return None
    if not as_universal(reading, sentence) or not as_restricted(reading, sentence):
        return None
    if not same_office(reading, sentence):
        return None
    return Check("verbatim", "supported", "states_claim")


# A stem's figure, date and force apply to each of its points ("fines of up to EUR 15 000 000 for: … (g) transparency
# obligations"); its other words state nothing the points do not, so the other checks read the sentence alone.
STATED_WITH_POINTS = frozenset({"figures", "dates", "timing", "actor", "modality"})
Comparison = Callable[[ClaimReading, str, dict[str, float]], Check | None]
CHECKS: tuple[tuple[str, Comparison], ...] = (
    ("figures", compare_figures),
    ("dates", compare_dates),
    ("timing", compare_timing),
    ("modality", compare_modality),
    ("actor", compare_actor),
    ("recipient", compare_recipient),
    ("scope", compare_scope),
    ("excepted", compare_excepted),
    ("polarity", compare_polarity),
    ("verbatim", near_verbatim),
    ("most", states_most),
)
