"""The names a question gives, and which of them the library can answer for (pure).

- years and law numbers outside the names of the library's texts ("Act No. 56", 「法律第56号」);
- proper names of texts and bodies the library holds no document of ("Measures for Labeling …", "AIDA");
- names the corpus never mentions (a law, country or body it does not hold);
- texts the manifest lists without holding them (`[[reference]]`).

`analysis.analyze` reads them once into the `QueryAnalysis` record.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from govqa.records import Document
from govqa.search.routing import Glossary, Router
from govqa.text import LAW_NUMBER, YEAR, fold, kanji_to_digits, tokenize

_I = re.I
_PROPER_NAME = re.compile(r"\b[A-Z][a-z]+(?:[-\s](?:for|of|on|and|the|[A-Z][A-Za-z]*(?:-[A-Za-z]+)*))*\b")
_SMALL = frozenset({"for", "of", "on", "and", "the"})
# A name the texts would have to mention: a text or a public body, an acronym (AIDA, J-AISI), or a place the
# library's titles never carry. A company or a product ("Microsoft", "ChatGPT") is what the question asks the law
# about, and its absence from the law's text answers nothing.
_INSTITUTION = re.compile(
    r"\b(?:act|law|code|regulations?|directive|order|decree|measures|rules|provisions|guidelines?|guide|framework"
    r"|report|principles|convention|treaty|resolution|commission|agency|office|authority|board|body|council"
    r"|committee|ministry|department|division|institute|secretary|parliament|court|bureau|administration"
    r"|cent(?:er|re))\b",
    _I,
)
_ACRONYM = re.compile(r"[A-Z][A-Z-]{2,}")
# A person named by office ("President Trump", "Prime Minister Ishiba", "Commissioner Breton"): who signed or said
# something about a text the question names, not a text or body the texts themselves must mention.
_OFFICE = re.compile(
    r"\b(?:President|(?:Prime |Vice )?Minister|Chancellor|Commissioner|Secretary|Governor|Senator|Premier)"
    r"(?:\s+(?=[A-Z]))?"
)
_CAPITALISED = re.compile(r"\b(?:[A-Z][a-z]+(?:[-\s][A-Z][a-z]+)*|[A-Z][A-Z\-]{1,})\b")
_ARTICLES = frozenset({"The", "A", "An", "This", "That", "These", "Those"})
_KATAKANA = re.compile(r"[\u30a0-\u30ff]{3,}")
# A title quoted in 「」 that names an instrument by its kind (「…弁法」, 「…に関する法律」, 「…ガイドライン」).
# Whose law a Japanese writer names before の: 「台湾の人工知能基本法」 (a place, a body).
_JA_WHOSE = re.compile(
    r"([\u4e00-\u9fff\u30a0-\u30ff]{2,8})の[^、。「」]{0,12}?(?:法律|法|規則|条例|指針|ガイドライン)"
)
_JA_TITLE = re.compile(r"「([^「」]{2,60}?(?:法|法律|弁法|規則|条例|指針|ガイドライン|命令|規範|原則|条約|行動規範))」")


def _blank_known(sentence: str, router: Router, *, with_year: bool = False) -> str:
    """The folded sentence with the spans that name a document or a jurisdiction blanked out (with a title's own
    year after it, "the Robot Act 2027", when `with_year`)."""
    plain = fold(sentence)
    for s, e in router.known_spans(sentence):
        if with_year and (tail := re.match(r"\s*(?:of\s+)?\d{4}\b", plain[e:])):
            e += tail.end()
        plain = plain[:s] + " " * (e - s) + plain[e:]
    return plain


def named_years_and_numbers(asking: str, router: Router) -> tuple[tuple[str, ...], tuple[tuple[str, str], ...]]:
    """The years and law numbers the asking sentence names, outside the names of the library's texts. A law
    number is (as written, how a text would print it: a regular expression over folded text)."""
    plain = kanji_to_digits(_blank_known(asking, router, with_year=True))
    years = tuple(dict.fromkeys(YEAR.findall(plain)))
    numbers = []
    for m in LAW_NUMBER.finditer(plain):
        # "Act No. 53"; 「法律第53号」 or a resolution's "78/265" as written
        said_as = rf"(?:no\.\s*|order\s+){m.group(1)}(?!\d)" if m.group(1) else re.escape(m.group(2) or m.group(3))
        numbers.append((m.group(0), said_as))
    return years, tuple(numbers)


# The source a sentence attributes its statement to: "According to the Commission, …".
_ATTRIBUTION = re.compile(r"\baccording to(?: the)?$", re.I)


def proper_names(sentence: str, router: Router, glossary: Glossary) -> tuple[str, ...]:
    """Proper names of a sentence that name no document of the library and are no glossary term: texts, bodies,
    acronyms, and jurisdiction words no document's title, aliases or issuer carries ("Germany" routes a question
    to EU law, but the EU's texts say nothing of Germany's own choices)."""
    known = fold(sentence)
    meta = _manifest_words(router)
    stems = {w[:4] for w in re.findall(r"[a-z]{4,}", meta)}
    places: list[str] = []
    for s, e in router.known_spans(sentence):
        word = known[s:e]
        if word in meta or not re.fullmatch(r"[a-z ]{4,}", word) or word[:4] in stems or word in router.seats:
            known = known[:s] + " " * (e - s) + known[e:]
        else:
            places.append(word)
    names = []
    for m in _PROPER_NAME.finditer(sentence):
        words = m.group(0).split()
        while words and words[-1].lower() in _SMALL:
            words.pop()
        name = " ".join(words)
        before = sentence[: m.start()].rstrip(" '\"‘“(")
        if not name or (not any(p in fold(name) for p in places) and (not before or before[-1] in ".?!:。")):
            continue  # sentence-initial capitals are no names, but a place word is one wherever it stands
        if _ATTRIBUTION.search(before):
            continue  # "According to the Commission, …": who says it, not what is said
        if not (_INSTITUTION.search(name) or _ACRONYM.fullmatch(name) or any(p in fold(name) for p in places)):
            continue
        if fold(name) in known and not glossary.known(name) and len(name) > 2:
            names.append(name)
    return tuple(dict.fromkeys(names))


def _manifest_words(router: Router) -> str:
    """The folded titles, short titles, aliases and issuers of the library's documents."""
    return fold(" ".join(f"{d.title} {d.short_title} {' '.join(d.aliases)} {d.issuer}" for d in router.documents))


def _sentence_initial(text: str, pos: int) -> bool:
    before = text[:pos].rstrip(" '\"‘“(")
    return not before or before[-1] in ".?!:。"


def _variant_title(title: str, router: Router) -> bool:
    """The title shares most of its character pairs with a listed text's title or alias: another rendering of it
    (「生成AIサービス管理暫行弁法」 for 「生成AIサービス管理暫定弁法」)."""
    pairs = set(tokenize(title))
    names = (set(tokenize(n)) for d in router.documents for n in (d.title, d.short_title, *d.aliases))
    return bool(pairs) and any(len(pairs & n) >= len(pairs) / 2 for n in names)


def _designates(name: str, question: str, routed: list[Document]) -> bool:
    """The name is a bill's or an order's designation before its number ("Colorado's SB 205", "EO 14110") and the
    texts the question points at carry that number in a title or alias ("SB24-205"): it names them, spelled
    otherwise. A designation of a text not held ("California's SB 53") stays a name to look up."""
    numbers = re.findall(rf"\b{re.escape(name)}\s*([\d][\d-]*)", question)
    names = " ".join(f"{d.title} {d.short_title} {' '.join(d.aliases)}" for d in routed)
    return bool(numbers) and any(re.search(rf"(?<!\d){re.escape(n.split('-')[-1])}(?!\d)", names) for n in numbers)


_JA_OFFICE = "(?:前|元|現)?(?:大統領|首相|大臣|長官|委員長|知事|議員|氏|政権)"  # 「トランプ大統領」, 「バイデン政権」


def _by_office(name: str, question: str) -> bool:
    """The name is a person's, after the title of an office ("President Trump") or carrying it ("Minister
    Ishiba", what is left of a sentence-initial "Prime Minister Ishiba"), or before "administration"."""
    person = _OFFICE.sub("", name).strip()
    titled = re.search(
        rf"{_OFFICE.pattern}{re.escape(name)}\b|\b{re.escape(name)}(?:['’]s)? administration\b", question
    )
    if not person or (person == name.strip() and not titled):
        return False
    return bool(re.fullmatch(r"[A-Z][a-z]+(?:\s[A-Z][a-z]+)?", person))


_POSSESSIVE = re.compile(r"['’]s?(?!\w)")


def unknown_names(
    question: str, router: Router, glossary: Glossary, idf: dict[str, float], *, names_held: bool = False
) -> tuple[str, ...]:
    """Names in the question that occur nowhere in the corpus (a law, country or body it does not hold):
    capitalised words and acronyms (not sentence-initial), katakana runs, titles quoted in 「」 that name an
    instrument by its kind (「…弁法」) and whose law a Japanese writer names before の (「台湾の…法」), unless
    they are a document alias, a jurisdiction word or a glossary term,
    whose most specific word (for a title: any of its character pairs) no indexed text carries. A katakana run is
    often a loanword ("モニタリング", monitoring): it is checked only when the texts the question points at include
    one held in Japanese, or it points at none; a text held only in English would not spell it so."""
    text = _blank_known(question, router)
    original = unicodedata.normalize("NFKC", question)
    meta = _manifest_words(router)
    names = []
    for m in _CAPITALISED.finditer(original):
        name = m.group(0)
        if _sentence_initial(original, m.start()):  # its first capital is the sentence's, the words after a name's
            _, _, rest = name.partition(" ")  # ("The Zorblax Omnibus", "At Bletchley Park")
            # an owner is a name wherever it stands ("Ruritania's new AI law")
            if not rest and not _POSSESSIVE.match(original, m.end()):
                continue
            name = rest or name
        # a name the manifest's titles, aliases or issuers carry is known though no indexed text writes it ("Trump"
        # of the "Trump AI order" alias): it names who made a held text
        if not re.search(rf"\b{re.escape(fold(name))}\b", meta):
            names.append(name)
    routed_ids = router.route(question).doc_ids
    routed = [d for d in router.documents if d.id in routed_ids]
    if not routed or any(d.language == "ja" for d in routed):
        names += _KATAKANA.findall(original)
    names = [n for n in names if not _designates(n, original, routed)]
    if routed or names_held:  # a person named by office, in a question about a held text
        names = [n for n in names if not _by_office(n, original) and not re.search(rf"{n}{_JA_OFFICE}", original)]
    titles = [t for t in _JA_TITLE.findall(original) if not _variant_title(t, router)]
    titles += _JA_WHOSE.findall(original)
    unknown = []
    for name in [*names, *titles]:
        if fold(name) not in text or glossary.known(name):
            continue
        tokens = sorted(tokenize(name), key=len)
        if tokens and (tokens[-1] not in idf or (name in titles and any(t not in idf for t in tokens))):
            unknown.append(name)
    return tuple(dict.fromkeys(unknown))


@dataclass(frozen=True)
class Unheld:
    """Texts the manifest lists without holding them (`[[reference]]`) that the question names."""

    named: tuple[Document, ...] = ()
    within: tuple[Document, ...] = ()  # held documents named only inside those names ("… v1.2" holds "… v1.0")
    apart: bool = False  # the question also names a held document apart from them


def unheld_references(question: str, router: Router, references: Router | None) -> Unheld:
    """The listed-but-unheld texts the question names (see `Unheld`)."""
    if references is None:
        return Unheld()
    held = router.named_spans(question)
    named, inside = [], set()
    for start, end, ref_id in references.named_spans(question):
        named.append(next(d for d in references.documents if d.id == ref_id))
        inside |= {h for h in held if start <= h[0] and h[1] <= end and h[1] - h[0] < end - start}
    docs = {d.id: d for d in router.documents}
    within = tuple({h[2]: docs[h[2]] for h in sorted(inside)}.values())
    return Unheld(tuple(named), within, len(inside) < len(held))
