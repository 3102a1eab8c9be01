"""Whether the retrieved texts answer the point a question asks, even when they are about its topic (pure).

The refusal gate (refusal.py) catches a question about a law the library does not hold. This module catches the
near miss: the law is here, the asked detail is not. Three findings, each following from how such texts work:

- **unmentioned**: the asking sentence names something specific — a year, a law number ("Act No. 56 of 2026",
  「令和8年法律第56号」), a proper name ("Germany", "Measures for Labeling …") — that no retrieved passage mentions.
  Proper names of a scene-setting sentence ("We're a hospital in France. Who must…?") are context, not the point.
- **delegated**: the passage that speaks to the asked detail leaves it to another instrument ("prescribed by
  Presidential Decree", "delegated acts", 「政令で定める」, "rules promulgated by the Attorney General"), or the
  question asks for the content of such an instrument. The library holds statutes and guidance, never the decrees
  and rules made under them, so the answer is "the Act leaves this to <instrument>", citing the delegating text.
- **unmentioned topic**: "What does the Act say about <topic>?" when no word of the topic (nor the glossary's
  wording for it) stands anywhere in the whole named text, not only in the passages retrieved.
- **later event** (later.py): what a text cannot record — an event the question dates after the text, what became
  of a named text since (still in force? amended?), who has since signed, reported under or complied with it.

Each finding is a `Gap`: what the answer says and which passages it cites. Cue patterns are the tables below.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass

from govqa.answering.later import later_finding
from govqa.records import Chunk, Document, Passage
from govqa.search.query import question_focus
from govqa.search.routing import Glossary, Router, question_language
from govqa.text import fold, tokenize

# ---------------------------------------------------------------- data: instruments a law delegates to

# pattern → (English name, Japanese name). The pattern matches the delegating phrase in a passage.
DELEGATES: tuple[tuple[str, str, str], ...] = (
    (r"\bpresidential decrees?\b|대통령령", "a Presidential Decree", "大統領令"),
    (r"\bcabinet orders?\b|政令", "a Cabinet Order", "政令"),
    (r"\bministerial (?:ordinances?|orders?)\b|省令|内閣府令|総理令|총리령|부령", "a Ministerial Ordinance", "省令"),
    (r"\bdelegated acts?\b", "delegated acts", "委任法令（delegated acts）"),
    (r"\bimplementing acts?\b", "implementing acts", "実施法令（implementing acts）"),
    (
        r"\brules? (?:promulgated|adopted|issued) by the ([a-z ]{3,40}?)(?=[,.;]| pursuant| under| in\b)",
        "rules",
        "規則",
    ),
    (r"\bthe ([a-z ]{3,40}?) (?:may|shall) (?:promulgate|adopt|issue) rules\b", "rules", "規則"),
    (r"委員会規則", "Commission rules", "委員会規則"),
)
_DELEGATES = [(re.compile(p, re.I), en, ja) for p, en, ja in DELEGATES]
DELEGATING = re.compile("|".join(f"(?:{p})" for p, _, _ in DELEGATES), re.I)
# The verb that makes a mention of such an instrument a delegation (not, say, a reference to an existing one).
_LEAVES = re.compile(
    r"\b(?:prescribed|specified|determined|laid down|set out|set forth|provided for|defined|designated|established)"
    r"\s+(?:by|in|under)\b|\bin accordance with\b|\bas (?:prescribed|specified|provided) (?:by|in)\b"
    r"|\bpromulgat\w*|\bempowered to adopt\b|\bby means of\b|で定める|で定め|의하여 정|으로 정",
    re.I,
)
# A question asking for a detail that a text may delegate: an amount, a threshold, criteria, a list, a procedure.
_ASKS_DETAIL = re.compile(
    r"\b(?:how (?:much|many|high|large|long)|threshold|criteria|criterion|standards?|amount|level|number of"
    r"|procedures?|methods?|details?|what (?:rules|requirements|thresholds?|criteria|standards)|which (?:entities|areas"
    r"|sectors|products|services|persons|organizations|institutions))\b|基準|金額|いくら|手続|方法|範囲|どの程度",
    re.I,
)
# A question asking what a subordinate instrument says: "What rules has the Attorney General adopted", "What does the
# Enforcement Decree set".
_ASKS_INSTRUMENT = re.compile(
    r"\b(?:rules?|decrees?|orders?|ordinances?|delegated acts?|implementing acts?)\b[^?]{0,60}\b(?:adopted|issued"
    r"|promulgated|made|set|say|prescribe|require)|\b(?:what|which) (?:rules?|decrees?|ordinances?|delegated acts?"
    r"|implementing acts?)\b|政令|省令|施行令|大統領令|시행령",
    re.I,
)

# A document named as where the asked content stands: "in its final report", "under the agency's guide".
_IN_INSTRUMENT = re.compile(
    r"\b(?:in|under) (?:its|their|the [\w' -]{0,40}?)\s*((?:[\w-]+ ){0,3}?(report|guide|plan|strategy|roadmap"
    r"|white paper|rulebook|handbook))\b",
    re.I,
)

_YEAR = re.compile(r"(?<!\d)(?:19|20)\d{2}(?!\d)")

# ---------------------------------------------------------------- numbers and names

_KANJI_DIGITS = {"〇": 0, "零": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_KANJI_UNITS = {"十": 10, "百": 100, "千": 1000}
_KANJI_NUMBER = re.compile(r"[〇零一二三四五六七八九十百千]+")
_ERAS = {"令和": 2018, "平成": 1988, "昭和": 1925}
_ERA_YEAR = re.compile(r"(令和|平成|昭和)(\d+|元)年")
# A law's number: "Act No. 56", "Law No. 21311", "Executive Order 14110", 「法律第56号」.
_LAW_NUMBER = re.compile(
    r"\b(?:act|law|order|regulation|decree)\s+(?:no\.?\s*)?(\d{2,6})\b|((?:\d{4}年)?法律第\d+号)", re.I
)
_NAME = re.compile(r"\b[A-Z][a-z]+(?:[-\s](?:for|of|on|and|the|[A-Z][A-Za-z]*(?:-[A-Za-z]+)*))*\b")
_SMALL = frozenset({"for", "of", "on", "and", "the"})
# A name counts as something the texts would have to mention when it names a text or a public body, is an
# acronym (AIDA, J-AISI), or is a place the library's titles never carry; a company or a product ("Microsoft",
# "ChatGPT") is what the question asks the law about, and its absence from the law's text answers nothing.
_INSTITUTION = re.compile(
    r"\b(?:act|law|code|regulations?|directive|order|decree|measures|rules|provisions|guidelines?|guide|framework"
    r"|report|principles|convention|treaty|resolution|commission|agency|office|authority|board|body|council"
    r"|committee|ministry|department|division|institute|secretary|parliament|court|bureau|administration"
    r"|cent(?:er|re)|verify)\b",
    re.I,
)
_ACRONYM = re.compile(r"[A-Z][A-Z-]{2,}")


def kanji_to_digits(text: str) -> str:
    """Kanji numerals as digits (「第五十六号」 → 「第56号」), era years as Western ones (「令和8年」 → 「2026年」)."""

    def number(m: re.Match[str]) -> str:
        total, current = 0, 0
        for ch in m.group(0):
            if ch in _KANJI_DIGITS:
                current = current * 10 + _KANJI_DIGITS[ch] if current else _KANJI_DIGITS[ch]
            else:
                total += (current or 1) * _KANJI_UNITS[ch]
                current = 0
        return str(total + current)

    text = _KANJI_NUMBER.sub(number, unicodedata.normalize("NFKC", text))
    return _ERA_YEAR.sub(lambda m: f"{_ERAS[m.group(1)] + (1 if m.group(2) == '元' else int(m.group(2)))}年", text)


def asking_sentence(question: str) -> str:
    """The part of a question that asks (a scene set before it is context), and a claim's quoted statement."""
    if re.match(r"\s*claim\b", question, re.I) and (m := re.search(r"[‘'\"“]([^’\"”]{12,})[’'\"”]", question)):
        return m.group(1)
    return question_focus(question) or question


@dataclass(frozen=True)
class Gap:
    """A finding that the texts do not answer the asked point; `cite` holds the passages the answer quotes."""

    kind: str  # "later_event", "delegated", "unheld" or "unmentioned"
    statement: str
    cite: tuple[Passage, ...]
    prefer: re.Pattern[str] | None = None  # the sentence to quote first: the one that delegates


def _mentions(passages: Iterable[Passage], documents: Mapping[str, Document]) -> str:
    """All that the passages and their documents' records say, folded, with numbers as digits."""
    parts = [p.chunk.text for p in passages]
    parts += [f"{d.title} {d.version} {d.date}" for p in passages if (d := documents.get(p.chunk.doc_id))]
    return fold(kanji_to_digits(" ".join(parts)))


def _names(sentence: str, router: Router, glossary: Glossary) -> list[str]:
    """Proper names of a sentence that name no document of the library and are no glossary term.

    A jurisdiction word counts as a name when no document's title, aliases or issuer carries it or a word of the
    same stem: "Germany" routes a question to EU law, but the EU's texts say nothing of Germany's own choices."""
    known = fold(sentence)
    meta = fold(" ".join(f"{d.title} {d.short_title} {' '.join(d.aliases)} {d.issuer}" for d in router.documents))
    stems = {w[:4] for w in re.findall(r"[a-z]{4,}", meta)}
    places: list[str] = []  # jurisdiction words the library's titles never carry ("Germany")
    for s, e in router.known_spans(sentence):
        word = known[s:e]
        if word in meta or not re.fullmatch(r"[a-z ]{4,}", word) or word[:4] in stems:
            known = known[:s] + " " * (e - s) + known[e:]
        else:
            places.append(word)
    names = []
    for m in _NAME.finditer(sentence):
        words = m.group(0).split()
        while words and words[-1].lower() in _SMALL:
            words.pop()
        name = " ".join(words)
        before = sentence[: m.start()].rstrip(" '\"‘“(")
        if not name or not before or before[-1] in ".?!:。":  # sentence-initial capitals are no names
            continue
        if not (_INSTITUTION.search(name) or _ACRONYM.fullmatch(name) or any(p in fold(name) for p in places)):
            continue  # a company, a product or an adjective: the subject asked about, not a text or a body
        if fold(name) in known and not glossary.known(name) and len(name) > 2:
            names.append(name)
    return names


def unmentioned(
    question: str,
    passages: Sequence[Passage],
    documents: Mapping[str, Document],
    router: Router,
    glossary: Glossary,
) -> list[str]:
    """The years, law numbers and names the asking sentence gives that no passage (nor its record) mentions."""
    sentence = asking_sentence(question)
    said = _mentions(passages, documents)
    plain = fold(sentence)
    for s, e in router.known_spans(sentence):  # a title's own year ("the Robot Act 2027") names the law
        tail = re.match(r"\s*(?:of\s+)?\d{4}\b", plain[e:])
        e += tail.end() if tail else 0
        plain = plain[:s] + " " * (e - s) + plain[e:]
    plain = kanji_to_digits(plain)
    missing = [y for y in _YEAR.findall(plain) if y not in said]
    for m in _LAW_NUMBER.finditer(plain):
        said_as = rf"(?:no\.\s*|order\s+){m.group(1)}(?!\d)" if m.group(1) else re.escape(m.group(2))
        if not re.search(said_as, said):
            missing.append(m.group(0))
    for name in _names(sentence, router, glossary):
        if fold(name) not in said and not all(t in said for t in _name_tokens(name)):
            missing.append(name)
    return list(dict.fromkeys(missing))


def _name_tokens(name: str) -> list[str]:
    return [fold(w) for w in re.split(r"[\s-]+", name) if w.lower() not in _SMALL and len(w) > 2] or [fold(name)]


def _named(name: str, m: re.Match[str]) -> str:
    """Rules name their maker: "rules of the Attorney General"."""
    return f"rules of the {m.group(1).strip().title()}" if name == "rules" and m.groups() else name


def delegation(question: str, passages: Sequence[Passage]) -> tuple[str, str, Passage] | None:
    """(English name, Japanese name, passage) of the instrument the best-matching passages leave the asked detail to.

    Only for a question asking for a detail (an amount, criteria, a procedure, a list) or for a subordinate
    instrument's content; only a passage among the top three whose delegating sentence shares most of the asking
    sentence's terms speaks to the asked detail."""
    sentence = asking_sentence(question)
    asks_instrument = bool(_ASKS_INSTRUMENT.search(sentence))
    if not (asks_instrument or _ASKS_DETAIL.search(sentence)) or re.search(r"\bwhen\b|いつ", sentence, re.I):
        return None
    terms = set(tokenize(sentence)) - set(tokenize("what which how much many rules rule act law"))
    terms = {t for t in terms if not re.search(r"[\u3040-\u309f]", t)}  # kana bigrams are grammar, not topic
    for passage in passages[:3]:
        for clause in re.split(r"(?<=[.;。])\s*", " ".join(passage.chunk.text.split())):
            found = next(((_named(en, m), ja) for rx, en, ja in _DELEGATES if (m := rx.search(clause))), None)
            if not found or not (_LEAVES.search(clause) or found[0].startswith("rules")):
                continue
            # a question about the instrument itself is answered by the whole delegating provision; one about a
            # detail only by the very clause that delegates it
            shared = terms & set(tokenize(passage.chunk.text if asks_instrument else clause))
            if terms and len(shared) / len(terms) >= 0.5:
                return found[0], found[1], passage
    return None


def unheld_instrument(question: str, documents: Mapping[str, Document]) -> str:
    """A document the question asks the content of ("in its final report", "in its methodology guide") of a kind
    no document of the library is (no title names one), or ""."""
    m = _IN_INSTRUMENT.search(asking_sentence(question))
    if not m:
        return ""
    titles = fold(" ".join(f"{d.title} {d.short_title} {' '.join(d.aliases)}" for d in documents.values()))
    kind = fold(m.group(2))
    return "" if re.search(rf"\b{re.escape(kind)}\b", titles) else fold(m.group(1))


# "What does the Act say about <topic>?", "Does it regulate <topic>?": a topic named outright.
_ASKS_TOPIC = re.compile(
    r"\b(?:says?|said)\s+(?:anything\s+)?(?:about|on|regarding|concerning)\s+(.+?)\s*[?？]?$"
    r"|\b(?:regulates?|address(?:es)?|mentions?)\s+(.+?)\s*[?？]?$",
    re.I,
)
# Words of any topic in this library, which name no topic of their own.
_NO_TOPIC = frozenset(
    tokenize("ai artificial intelligence system systems model models technology data use using act law rules it them")
)


class DocumentTerms:
    """The words (tokens) of each whole document, read once per document: whether a text mentions a topic at all."""

    def __init__(self, chunks: Sequence[Chunk]) -> None:
        self.chunks = chunks
        self._terms: dict[str, frozenset[str]] = {}

    def __call__(self, doc_id: str) -> frozenset[str]:
        if doc_id not in self._terms:
            texts = (c.text for c in self.chunks if c.doc_id == doc_id)
            self._terms[doc_id] = frozenset(t for text in texts for t in tokenize(text))
        return self._terms[doc_id]


def absent_topic(
    question: str, route_docs: Sequence[str], terms_of: Callable[[str], frozenset[str]], glossary: Glossary
) -> str:
    """The topic a question names outright ("What does the Act say about autonomous weapons?") when none of its
    words, nor the texts' wording for them (the glossary), stands anywhere in the named texts; else ""."""
    m = _ASKS_TOPIC.search(asking_sentence(question).strip())
    if not m or not route_docs:
        return ""
    topic = (m.group(1) or m.group(2)).strip()
    words = set(tokenize(topic)) - _NO_TOPIC
    if not words or question_language(topic) != "en":
        return ""
    present: set[str] = set()
    for doc_id in route_docs:
        present |= terms_of(doc_id)
    return "" if words & present or set(tokenize(glossary.expansion(topic))) & present else topic


def _topic_finding(
    question: str,
    documents: Mapping[str, Document],
    router: Router,
    glossary: Glossary,
    terms_of: Callable[[str], frozenset[str]],
) -> str:
    """What the answer says of a topic no part of the texts the question names mentions, or ""."""
    route = router.route(question)
    named = route.doc_ids if route.by == "alias" else ()
    if not (topic := absent_topic(question, named, terms_of, glossary)):
        return ""
    titles = [documents[d].short_title for d in named if d in documents]
    if question_language(question) == "ja":
        return (
            f"{'、'.join(titles)}のどの規定も「{topic}」に触れておらず、テキストはこの点に答えていません。最も近い規定:"
        )
    return f"No passage of {', '.join(titles)} mentions {topic}; the texts do not answer this. The closest passages:"


def find_gap(
    question: str,
    passages: Sequence[Passage],
    *,
    documents: Mapping[str, Document],
    router: Router,
    glossary: Glossary,
    terms_of: Callable[[str], frozenset[str]] | None = None,
) -> Gap | None:
    """The first reason the passages do not answer the asked point, or None (see the module docstring).
    `terms_of(doc_id)`: the words of a whole document, for a topic that no part of the named texts mentions."""
    if not passages or any("lookup" in p.scores for p in passages[:3]):
        return None  # a provision asked for by number is answered by quoting it
    japanese = question_language(question) == "ja"
    sentence = asking_sentence(question)
    if statement := later_finding(question, sentence, kanji_to_digits(sentence), passages, documents, router):
        return Gap("later_event", statement, tuple(passages[:2]))
    if found := delegation(question, passages):
        en, ja, passage = found
        verb = "are" if en.split()[0].endswith("s") else "is"
        statement = (
            f"法律はこの点を{ja}に委ねており、{ja}はライブラリにありません。委任する規定:"
            if japanese
            else f"The Act leaves this to {en}, which {verb} not in the library. The delegating provision:"
        )
        return Gap("delegated", statement, (passage,), DELEGATING)
    if held := unheld_instrument(question, documents):
        statement = (
            f"ライブラリには{held}がなく、テキストはこの点に答えていません。最も近い規定:"
            if japanese
            else f"The library does not hold the {held}; the texts do not answer this. The closest passages:"
        )
        return Gap("unheld", statement, tuple(passages[:2]))
    if terms_of is not None and (statement := _topic_finding(question, documents, router, glossary, terms_of)):
        return Gap("unmentioned", statement, tuple(passages[:2]))
    if missing := unmentioned(question, passages, documents, router, glossary):
        listed = "、".join(missing) if japanese else ", ".join(missing)
        statement = (
            f"検索したテキストには{listed}への言及がなく、この点には答えていません。最も近い規定:"
            if japanese
            else f"No retrieved text mentions {listed}; the texts do not answer this. The closest passages:"
        )
        return Gap("unmentioned", statement, tuple(passages[:2]))
    return None
