"""A claim read once into a typed record (pure: the claim's text and the manifest).

What a check needs to judge a claim against a law's sentence, read the same way whoever wrote the claim:

- **the text it is about**: a title or alias ("EU AI Act", 「AI推進法」), or a description — a jurisdiction and a
  generic name, with adjectives and topic words between ("Japan's AI law", "the EU's new AI rules",
  「日本のAI法」, 「中国の生成AIサービス管理暫行弁法」) — resolved through the manifest's jurisdiction words,
  `doc_type`, `date` and titles. Texts the manifest lists as `[[reference]]` (not held) resolve too, apart;
- **the actor, the modality and the action** (search/statements.py, which reads a law's sentences the same
  way): "providers shall ensure …" → provider, must, "ensure …"; a text's 「国民に対して…求める」 binds 国民;
  modality: must / endeavour / may / should (「努める」 is an effort, not a duty); a prohibition is "must" negated;
- **figures and dates** (search/claim_figures.py), each date with the event it dates;
- **scope words** ("all", "only", 「全て」, 「のみ」) and **negation** — one inside what a duty requires ("shall
  ensure that X are not used") is the claim's; one in a condition or relative clause (「…しない場合」) is not."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, replace

from govqa.corpus.manifest import Manifest
from govqa.documents.locators import Ref, refs_in_question
from govqa.records import Document
from govqa.search.claim_figures import MONTHS, DateMention, Figure, dates_in, figures_in, names_text
from govqa.search.definitions import spellings
from govqa.search.intents import asked_roles
from govqa.search.reading import addressed_party
from govqa.search.routing import Router, question_language
from govqa.search.statements import actor_role, duty_of, negation_words, scope_words
from govqa.text import fold, tokenize

# ---------------------------------------------------------------- data: generic names

# A generic name of a text → the manifest doc_types it may stand for (laws: statutes and regulations alike).
LAWS = ("statute", "regulation", "administrative_measures")
GENERIC_NAMES: tuple[tuple[re.Pattern[str], tuple[str, ...]], ...] = (
    # news shortens a code of practice to "the code" ("the EU's general-purpose AI code")
    (
        re.compile(r"\bcodes? of (?:conduct|practice)\b|\bcodes?\b|行動規範", re.I),
        ("code_of_conduct", "code_of_practice"),
    ),
    (re.compile(r"\bexecutive orders?\b|大統領令", re.I), ("executive_order",)),
    # an intergovernmental body's recommendation is a text of principles ("UNESCO's recommendation on AI ethics")
    (re.compile(r"\bguiding principles\b|\bprinciples\b|\brecommendations?\b|原則|勧告", re.I), ("principles",)),
    (re.compile(r"\bguidelines?\b|\bguidance\b|ガイドライン|指針|가이드라인", re.I), ("guidelines",)),
    (re.compile(r"\bframeworks?\b|\bprofiles?\b|フレームワーク|枠組み", re.I), ("framework",)),
    (re.compile(r"\bresolutions?\b|決議|결의", re.I), ("resolution",)),
    (re.compile(r"\b(?:interim )?measures\b|弁法|措置", re.I), ("administrative_measures",)),
    (
        re.compile(
            r"\b(?:laws?|acts?|statutes?|legislation|bills?|rules|rulebook|regulations?|treat(?:y|ies)|conventions?)\b"
            r"|法律|法|規制|規則|条約|법률|법|조약",
            re.I,
        ),
        LAWS,
    ),
)
# What may stand between a jurisdiction word and a generic name: a possessive, adjectives, topic words.
_BINDER = r"(?:\s*['’]s|s['’]|(?<=s)['’](?!\w))?\s*|\s*(?:の|의)\s*"  # "Japan's", "Brussels'"
# Up to six adjective or topic words; a verb ends the name ("NIST AI RMF is a voluntary framework" names none);
# so does a preposition opening another phrase ("the OECD-based definition in the AI Act": the EU's, by alias).
_NOT_VERB = r"(?!(?:is|are|was|were|has|have|had|be|been|sets?|requires?|gives?|makes?|says?|in|under|by|from)\b)"
# Kind words that are also verbs of a claim ("Japan's AI law rules out penalties"): no kind after a kind word.
_NOT_VERB_KIND = r"(?!(?:rules|acts|measures|bills|profiles|codes)\b)"
# (a topic, subject or object particle, は, が, を, ends a description: 「国連総会のAI決議は…法的…」 names 「AI決議」)
_WORD = r"(?:(?![はがを])[\w\-\u3040-\u30ff\u4e00-\u9fff\uac00-\ud7af()])"


def _between(generic: str) -> str:
    r"""What stands between the jurisdiction and the generic name: up to six words, the last one possibly cut
    where a generic name starts inside it (「日本のAI法」). Read as `(?:NOT_VERB WORD+ \s*){0,6}?` would read it,
    without its backtracking: that splits a run of letters every possible way, billions of ways in a Japanese
    sentence with no spaces. Same first match, in the same order: the ends of up to six whole words first, left
    to right; then a cut inside the sixth word, the fifth, … the first, each from its right end."""
    ahead = f"(?={generic})"
    whole = rf"{_NOT_VERB}{_WORD}++\s*+"  # a word is never split, nor the spaces after it
    cut = [rf"(?:{whole}){{{n}}}{_NOT_VERB}{_WORD}+{ahead}" for n in range(5, -1, -1)]
    return "|".join([rf"(?:{whole}){{0,6}}?{ahead}", *cut])


_MONTH_NAMES = "|".join(sorted(MONTHS, key=len, reverse=True)) + r"\.?"

NEWEST = re.compile(r"\b(?:new|newest|latest|recent)\b|新(?:しい)?|최신|새", re.I)
_NOT_TOPIC = frozenset(  # (a possessive particle left between: 「ユネスコの勧告」)
    tokenize("new newest latest recent first own national federal state landmark comprehensive の 의")
)

# ---------------------------------------------------------------- the record


@dataclass(frozen=True)
class NamedText:
    """A text the claim is about, as the claim names it."""

    words: str  # as written
    by: str  # "alias" (a title or alias) or "description" (a jurisdiction and a generic name)
    doc_ids: tuple[str, ...]  # held documents it resolves to (all language versions)
    reference_ids: tuple[str, ...] = ()  # texts the manifest lists but does not hold
    topic: tuple[str, ...] = ()  # a description's topic words that its texts' names carry ("AI" in "Japan's AI law")
    name_words: frozenset[str] = frozenset()  # the words of its texts' titles and aliases (a text never names itself)
    one_text: bool = False  # all it resolves to are one text's editions and language versions
    loose: bool = False  # a description whose topic words no name of its texts carries ("EU copyright law")
    # a description whose words tell its text apart from the jurisdiction's other texts of the kind, as its names
    # carry them ("UNESCO's recommendation", 「ユネスコのAI倫理勧告」): as precise as a name
    told_apart: bool = False
    places: frozenset[str] = frozenset()  # its country's words ("Korean"); a law says "the country", "domestic"


@dataclass(frozen=True)
class ClaimReading:
    """A claim read once: what it is about, who must do what, with which figures, dates, scope and polarity."""

    text: str
    language: str  # "en", "ja" or "ko"
    texts: tuple[NamedText, ...]
    jurisdictions: tuple[str, ...]  # jurisdictions the claim names ("Colorado deployers …" → "US-CO")
    refs: tuple[Ref, ...]  # provisions the claim cites ("Article 19", 「第23条」)
    actor: str  # the words naming who the claim binds or empowers ("" when none)
    actor_role: str  # that actor as an addressee of ingest/roles.toml ("provider", …) or ""
    modality: str  # "must" | "endeavour" | "should" | "may" | ""
    modal_words: str
    action: str  # what the actor must (may, should) do, as written
    figures: tuple[Figure, ...]
    dates: tuple[DateMention, ...]
    scope: tuple[tuple[str, str], ...]  # (word, "universal" | "restrictive")
    negated: bool  # the claim's own statement is negative (a prohibition, "does not apply", 「不要」)
    negations: tuple[str, ...]  # the negation words counted
    roles: tuple[str, ...] = ()  # provision roles the claim is about: its wording's intents, its actor's duties

    @property
    def doc_ids(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(d for t in self.texts for d in t.doc_ids))


# "… have had to meet a duty since the law was signed in May 2024": the date dates the signing and the duty's start.
_SINCE = re.compile(r"\bsince\b[^.;:]{0,60}$", re.I)


def duty_dates(text: str, dates: list[DateMention]) -> tuple[DateMention, ...]:
    """A claim of a duty with its dates; a date the duty is said to hold "since" also dates its application."""
    out = list(dates)
    for d in dates:
        if d.event != "application" and _SINCE.search(text[: d.start]):
            out.append(replace(d, event="application"))
    return tuple(out)


class ClaimReader:
    """Reads claims against one manifest (its aliases and jurisdiction words compiled once)."""

    def __init__(self, manifest: Manifest) -> None:
        self.manifest = manifest
        self._all = (*manifest.documents, *manifest.references)
        self._held = {d.id for d in manifest.documents}
        self._router = Router(self._all, manifest.jurisdiction_words)
        words = [(w, code) for code, ws in manifest.jurisdiction_words.items() for w in ws]
        # (a manifest naming no jurisdiction has no description to read: "(?!)" never matches)
        alternatives = "|".join(re.escape(fold(w)) for w, _ in sorted(words, key=lambda x: -len(x[0]))) or "(?!)"
        self._code = {fold(w): code for w, code in words}
        generic = "|".join(p.pattern for p, _ in GENERIC_NAMES)
        self._description = re.compile(
            rf"(?<![a-z0-9])(?P<where>{alternatives})(?![a-z0-9])(?:{_BINDER})(?P<between>{_between(generic)})(?P<generic>{generic})"
            # "Council of Europe Framework Convention": of two kind words in a row, the last is the text's kind
            rf"(?!\s+{_NOT_VERB_KIND}(?:{generic}))",
            re.I,
        )
        # A text named by its date and kind, with no jurisdiction: "Biden's 2023 AI executive order", "the
        # January 2025 AI order", 「2019年の倫理ガイドライン」 (a bare "order" is an executive order only here); a
        # place or seat owning it is part of its name ("the White House's 2025 AI order").
        dated_generic = rf"{generic}|\borders?\b"
        self._dated = re.compile(
            rf"(?:(?<![a-z0-9])(?:{alternatives})(?:{_BINDER}))?"
            rf"(?<![A-Za-z0-9_/.-])(?P<date>(?:(?P<month>{_MONTH_NAMES})\s+)?(?P<year>(?:19|20)\d{{2}})(?:\s*年)?)\s*の?\s*"
            rf"(?P<between>{_between(dated_generic)})(?P<generic>{dated_generic})",
            re.I,
        )

    def read(self, claim: str) -> ClaimReading:
        text = unicodedata.normalize("NFKC", claim).strip()
        actor, modality, negative, modal_words, action = duty_of(text)
        texts = self.named_texts(text)
        own = not re.search(r"\b(?:that|which|who)\b", actor)  # "a company that follows the Framework" is bound
        if actor and own and (any(fold(actor).endswith(fold(t.words)) for t in texts) or refs_in_question(actor)):
            actor = addressed_party(text, actor)  # "The Act prohibits …": the text speaks; 「国民に対して」 is bound
        words = negation_words(text)
        dates = duty_dates(text, dates_in(text, reported=True)) if modality else tuple(dates_in(text, reported=True))
        return ClaimReading(
            text=text,
            language=question_language(text),
            texts=tuple(self._dated_by(t, dates) for t in texts),
            jurisdictions=tuple(sorted(self._router.jurisdictions_named(text))),
            refs=tuple(refs_in_question(text)),
            actor=actor,
            actor_role=actor_role(actor),
            modality=modality,
            modal_words=modal_words,
            action=action,
            figures=tuple(figures_in(text)),
            dates=dates,
            scope=scope_words(text),
            negated=negative or bool(words),
            negations=tuple(words),
            roles=claim_roles(text, actor_role(actor)),
        )

    # ------------------------------------------------------------ texts

    def named_texts(self, claim: str) -> tuple[NamedText, ...]:
        """Texts named by alias or by description, in order. An alias inside a description of another
        jurisdiction ("Japan's AI Act": "AI Act" is an alias of the EU's) gives way to the description; a
        description holding or overlapping an alias of its own jurisdiction ("Japan's AI Promotion Act") yields."""
        folded = fold(claim)
        descriptions = self._descriptions(folded)
        found: list[tuple[int, NamedText]] = []
        used: list[tuple[tuple[int, int], NamedText]] = []
        for start, end, doc_id in self._router.named_spans(claim):
            doc = next(d for d in self._all if d.id == doc_id)
            outer = [(span, n) for span, n in descriptions if span[0] <= start and end <= span[1]]
            if any(
                doc.id not in n.doc_ids + n.reference_ids and doc.jurisdiction not in self._places(n) for _, n in outer
            ):
                continue
            # a description overlapping the alias and covering its text reads the same words less precisely
            # ("Singapore's Model AI Governance Framework for Generative AI": not both of Singapore's frameworks)
            overlapping = [
                (span, n)
                for span, n in descriptions
                if span[0] < end
                and start < span[1]
                and (span, n) not in outer
                and doc.id in n.doc_ids + n.reference_ids
            ]
            inner = [(span, n) for span, n in descriptions if start <= span[0] and span[1] <= end]  # longest wins
            used += outer + overlapping + inner  # (dropped after the loop: every text of the alias reads them)
            # the words that name it include a description around the alias ("Ruritania's Robot Safety Act") and
            # the jurisdiction an overlapping one opens with, not what it runs on to ("… RMF is a voluntary framework")
            lo = min([start, *(span[0] for span, _ in outer + overlapping)])
            hi = max([end, *(span[1] for span, _ in outer)])
            found.append((start, self._named(folded[lo:hi], "alias", [doc])))
        found += [(span[0], named) for span, named in descriptions if (span, named) not in used]
        # one name may stand for several entries (two editions, a held translation and a listed original)
        merged: dict[str, NamedText] = {}
        for _, named in sorted(found, key=lambda x: x[0]):
            was = merged.get(named.words)
            if was:
                named = NamedText(
                    named.words,
                    named.by,
                    tuple(dict.fromkeys(was.doc_ids + named.doc_ids)),
                    tuple(dict.fromkeys(was.reference_ids + named.reference_ids)),
                    named.topic,
                    was.name_words | named.name_words,
                    was.one_text and named.one_text and set(was.doc_ids) == set(named.doc_ids),
                    places=was.places | named.places,
                )
            merged[named.words] = named
        return tuple(self._chapter_only(named, folded) for named in _names_only(list(merged.values())))

    def _chapter_only(self, named: NamedText, folded: str) -> NamedText:
        """A name shared by a code's chapters, in a claim naming one ("the code's transparency chapter"), names it."""
        chapters = self._router.chapters_named(named.doc_ids, folded)
        if not chapters:
            return named
        ids = self._router.to_chapters(named.doc_ids, chapters)
        return replace(named, doc_ids=ids, one_text=len(ids) == 1)

    def _dated_by(self, named: NamedText, dates: tuple[DateMention, ...]) -> NamedText:
        """A name several texts share, dated by the claim as one of them is ("The NIST framework, released in
        January 2023": the framework, not the 2024 profile): that text (with its language versions)."""
        docs = [d for d in self._all if d.id in named.doc_ids]
        dated = [m for m in dates if m.event in ("publication", "enactment")]
        if named.one_text or not dated or not docs:
            return named
        record = {d.id: dates_in(d.date)[0] for d in docs if dates_in(d.date)}
        fits = {d.translation_of or d.id for d in docs if d.id in record and all(m.agrees(record[d.id]) for m in dated)}
        if len(fits) != 1:
            return named
        ids = tuple(d.id for d in docs if (d.translation_of or d.id) in fits)
        return replace(named, doc_ids=ids, one_text=True)

    def _places(self, named: NamedText) -> set[str]:
        """The jurisdictions of the texts a name resolves to."""
        return {d.jurisdiction for d in self._all if d.id in named.doc_ids + named.reference_ids}

    def _descriptions(self, folded: str) -> list[tuple[tuple[int, int], NamedText]]:
        """Texts named by a jurisdiction and a generic name, then by a date and a generic name where no
        description by jurisdiction covers the words, each with its span."""
        descriptions = [(m.span(), named) for m in self._description.finditer(folded) if (named := self._resolve(m))]
        descriptions += [
            (m.span(), named)
            for m in self._dated.finditer(folded)
            if names_text(folded, m.start("date"), m.end("date"))
            and not any(s < m.end() and m.start() < e for (s, e), _ in descriptions)
            and (named := self._resolve_dated(m))
        ]
        return descriptions

    def _named(self, words: str, by: str, docs: list[Document], topic: tuple[str, ...] = ()) -> NamedText:
        # A text's language versions are one text: a description of either names both.
        family = {d.translation_of or d.id for d in docs}
        docs = [d for d in self._all if d in docs or (d.translation_of or d.id) in family]
        held = tuple(d.id for d in docs if d.id in self._held)
        unheld = tuple(d.id for d in docs if d.id not in self._held)
        own = self.manifest.jurisdiction_words  # (the intergovernmental bodies' words are no country's)
        places = " ".join(w for d in docs if d.jurisdiction != "INTL" for w in own.get(d.jurisdiction, ()))
        named = NamedText(words, by, held, unheld, topic, frozenset(_name_words(docs)), len(family) == 1)
        return replace(named, places=frozenset(tokenize(places)))

    def _resolve(self, m: re.Match[str]) -> NamedText | None:
        """The texts a description names: its jurisdiction's texts of the generic name's types, narrowed by the
        topic words between (those most of whose tokens the title or aliases carry), a year, and "new"."""
        code = self._code[m.group("where")]
        types = next(t for p, t in GENERIC_NAMES if p.fullmatch(m.group("generic")))
        docs = [d for d in self._all if d.jurisdiction == code and d.doc_type in types]
        between = m.group("between")
        # Topic words narrow to the texts whose names carry most of them; with none, the jurisdiction word does
        # where names carry it ("Hiroshima", 「広島」 among the intergovernmental texts). An unmatched topic
        # ("privacy" against "Personal Information") keeps every text of the type: ambiguous, not wrong.
        topic = {t for t in tokenize(between) if t not in _NOT_TOPIC and not t.isdigit()}
        where = set(tokenize(m.group("where")))
        if not topic and len(_narrowed(docs, where)) < len(docs):
            topic = where  # the jurisdiction word tells its texts apart ("Hiroshima"): a topic of theirs
        of_kind = docs
        docs = _narrowed(docs, topic)
        if years := set(re.findall(r"(?:19|20)\d{2}", between)):
            docs = [d for d in docs if d.date[:4] in years] or docs
        if NEWEST.search(between) and docs:
            families = {d.translation_of or d.id for d in docs if d.status in ("in_force", "current")}
            docs = [d for d in docs if (d.translation_of or d.id) in families] or docs
        if len(_families(docs)) > 1 and topic & _name_words(docs) and len(_narrowed(docs, where)) < len(docs):
            # texts the topic does not tell apart, a jurisdiction word naming the body that issued one may
            # ("OECD" among the intergovernmental AI principles); an unmatched topic stays ambiguous
            docs, topic = _narrowed(docs, where), topic | where
        # (by its words, not by a year or "new": an unheld edition of a held text may be that text)
        told_apart = len(_families(_narrowed(of_kind, topic))) < len(_families(of_kind))
        named = _name_words(docs)
        if not docs:
            return None
        return replace(
            self._named(m.group(), "description", docs, tuple(sorted(topic & named))),
            loose=bool(topic - named),
            told_apart=told_apart,
        )

    def _resolve_dated(self, m: re.Match[str]) -> NamedText | None:
        """The one text of the generic name's types made in the year (and month) given, narrowed by the topic
        words between; None unless exactly one text (with its language versions) remains."""
        generic = m.group("generic")
        types = next((t for p, t in GENERIC_NAMES if p.fullmatch(generic)), ("executive_order",))
        when = m.group("year") + (f"-{MONTHS[m.group('month').lower().rstrip('.')]:02d}" if m.group("month") else "")
        docs = [d for d in self._all if d.doc_type in types and d.date.startswith(when)]
        topic = {t for t in tokenize(m.group("between")) if t not in _NOT_TOPIC and not t.isdigit()}
        docs = _narrowed(docs, topic)
        if len({d.translation_of or d.id for d in docs}) != 1:
            return None
        named = set(
            tokenize(" ".join(spellings(" ".join(w for d in docs for w in (d.title, d.short_title, *d.aliases)))))
        )
        return self._named(m.group(), "description", docs, tuple(sorted(topic & named)))


def _names_only(texts: list[NamedText]) -> list[NamedText]:
    """The texts less a description with a topic no name of its texts carries that resolves only to texts the
    claim names by alias: another law the named text speaks of ("Under the AI Act, providers must comply with EU
    copyright law"), not a name of it, whose words are the claim's topic."""
    aliased = {i for n in texts if n.by == "alias" for i in n.doc_ids}
    return [n for n in texts if not (n.loose and aliased and set(n.doc_ids) <= aliased)]


def _families(docs: list[Document]) -> set[str]:
    """The texts the documents are, a text's language versions counted once."""
    return {d.translation_of or d.id for d in docs}


def _name_words(docs: list[Document]) -> set[str]:
    """The words of the documents' titles, short titles and aliases."""
    return set(tokenize(" ".join(w for d in docs for w in (d.title, d.short_title, *d.aliases))))


def _narrowed(docs: list[Document], words: set[str]) -> list[Document]:
    """The documents whose names share the most of `words` (all of them when none shares any)."""
    if not words or not docs:
        return docs
    names = {d.id: " ".join(spellings(" ".join((d.title, d.short_title, *d.aliases)))) for d in docs}
    overlap = {d.id: len(words & set(tokenize(names[d.id]))) for d in docs}
    best = max(overlap.values())
    return [d for d in docs if overlap[d.id] == best] if best else docs


def claim_roles(text: str, role: str) -> tuple[str, ...]:
    """The provision roles a claim is about: what its wording asks for (search/intents.py), its actor's duties."""
    roles = asked_roles(text)
    return tuple(dict.fromkeys([*roles, *([f"obligation:{role}"] if role else [])]))


def read_claim(claim: str, manifest: Manifest) -> ClaimReading:
    """The claim read against the manifest (see `ClaimReader`)."""
    return ClaimReader(manifest).read(claim)
