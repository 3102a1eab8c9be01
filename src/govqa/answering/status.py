"""A claim of a named text's own force ("is legally binding", "is a voluntary framework", 「法的拘束力を持つ」)
against the text's own words about itself (pure).

Guidelines, frameworks and methodologies often say what they are: "The Framework is intended to be voluntary",
"The HUDERIA is a stand-alone, non-legally binding guidance", "The Guidelines are not binding"; a regulation says
"This Regulation shall be binding in its entirety". `record_force` compares a claim of force with the first such
sentence of the text it names: the same force → supported, the other → refuted, quoted. A text that never
describes its own force decides nothing here: its record's legal effect is metadata, not a quote.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from govqa.answering.comparisons import SELF_REFERENCE
from govqa.answering.findings import Term
from govqa.answering.quotes import Quote
from govqa.records import Chunk, Document, Passage, Verdict
from govqa.search.claim_reading import ClaimReading
from govqa.search.denials import negated_scope
from govqa.text import fold, sentence_spans, tokenize

# Read before BINDING: "non-legally binding", "not mandatory", "soft law without any legally binding force".
NON_BINDING = re.compile(
    r"\bnon-?(?:legally[- ])?binding\b|\bnot (?:legally )?(?:binding|mandatory|compulsory|obligatory)\b"
    r"|\bvoluntar(?:y|ily)\b|\boptional\b|\bsoft laws?\b|\bwithout any legally binding\b"
    r"|(?:法的)?拘束力(?:は|を|が|の)?(?:ない|無い|なく|無く|なし|有しない|持たない|有さない)|ソフトロー|任意",
    re.I,
)
BINDING = re.compile(r"\b(?:legally )?binding\b|\bmandatory\b|\bcompulsory\b|\bobligatory\b|法的拘束力", re.I)
# How a text names itself besides "this Regulation", "these Guidelines" (comparisons.SELF_REFERENCE).
_THE_TEXT = re.compile(
    r"\bthe (?:framework|guidelines?|guidance|code|methodology|profile|principles|recommendation|resolution)\b", re.I
)


def force_of(text: str) -> tuple[str, re.Match[str] | None]:
    """The force a text's status words give ("binding" or "non_binding") and where they stand, or ("", None)."""
    if m := NON_BINDING.search(text):
        return "non_binding", m
    if m := BINDING.search(text):
        return "binding", m
    return "", None


# How far after its force word a text's name may stand and still be what the word describes ("legally binding
# requirements of this Regulation"); a name standing before the word is the sentence's topic ("The Framework is
# intended to be voluntary").
NAME_AFTER = 40


def _describes_itself(sentence: str, force: re.Match[str], doc: Document) -> bool:
    """The (folded) sentence gives the force word to the text itself: the text names itself (or is named) before
    the word, or right after it; "… shall encourage the voluntary application of codes of conduct, … under this
    Regulation" describes codes of conduct, not the Regulation."""
    starts = [m.start() for rx in (SELF_REFERENCE, _THE_TEXT, _own_kind(doc)) for m in rx.finditer(sentence)]
    for name in (n for n in (doc.short_title, *doc.aliases) if len(n) > 3):
        starts += [m.start() for m in re.finditer(re.escape(fold(name)), sentence)]
    return any(p < force.start() or p - force.end() <= NAME_AFTER for p in starts)


def _own_kind(doc: Document) -> re.Pattern[str]:
    """ "this voluntary Model Framework", "these non-binding Guidelines": this/these, up to three words, and the noun
    of kind the text's own title ends in ("… Governance Framework"), so that "these voluntary codes of conduct" in
    a regulation is not the regulation."""
    words = fold(doc.short_title or doc.title).split()
    kind = re.escape(words[-1]) if words and words[-1].isalpha() else r"(?!)"
    return re.compile(rf"\b(?:this|these)\s+(?:[\w-]+\s+){{1,3}}?{kind}\b", re.I)


# A duty to use the named text claims its force: "Parties are required to use the HUDERIA", "Companies must
# follow the NIST AI RMF" (binding); "… are not required to apply …", "… may use …" (not binding).
_USES = re.compile(
    r"^\s*(?:to\s+)?(?:use|apply|follow|adopt|implement|comply with|abide by|adhere to|by)\s+(?:(?:the|its|their)\s+)?",
    re.I,
)
_USE_FORCE = {"must": "binding", "may": "non_binding"}
# A legal obligation the text is said to impose ("developers are obliged to …", "legally requires", 「義務付けている」)
# claims the text binds: a text calling itself voluntary refutes it. "must", "requires" alone are how news retells
# any text's advice, and claim nothing of its force.
OBLIGES = re.compile(
    r"\b(?:obliged|obligated|obliges|obligates|legally (?:required|requires|obliged|obliges|bound))\b"
    r"|義務(?:付け|づけ)|義務を課",
    re.I,
)


def claimed_force(reading: ClaimReading) -> tuple[str, str]:
    """The force a claim gives the text it names, and its words: a status word said of the text ("is legally
    binding"; a claim binding a party says nothing of the text so), a duty (a permission) to use the text, or a
    legal obligation the text is said to impose (`OBLIGES`, "obligation")."""
    rest = reading.action[m.end() :] if (m := _USES.match(reading.action)) else ""
    named = [re.sub(r"^the ", "", n.words) for n in reading.texts]  # ("follow the …": the article is the verb's)
    if rest and reading.modality in _USE_FORCE and any(fold(rest).startswith(n) for n in named):
        return _USE_FORCE[reading.modality], reading.modal_words
    if reading.modality == "must" and not reading.negated and (m := OBLIGES.search(reading.text)):
        return "obligation", m.group()
    if reading.actor_role:
        return "", ""
    force, at = force_of(reading.text)
    if at is None or not _said_of_text(reading, at):
        return "", ""
    denied = {t for w in negated_scope(reading.text) for t in tokenize(w)}
    if set(tokenize(at.group())) & denied and not _DENIES_ITSELF.search(at.group()):
        # the claim's negation denies the force word: "does not create binding obligations", "is not voluntary"
        return ("non_binding" if force == "binding" else "binding"), at.group()
    return force, at.group()


_DENIES_ITSELF = re.compile(r"\b(?:not|non)\b|non-|ない", re.I)  # "not legally binding", "non-binding", 「持たない」


# A verb giving the force word to its object ("makes codes of conduct voluntary", "says that fines are binding",
# "treats the codes as binding"): between the text's name and the force word, it says the force of something else.
_OF_ANOTHER = re.compile(
    r"\b(?:make|makes|made|keep|keeps|kept|leave|leaves|left|render|renders|rendered|declare|declares|declared"
    r"|treat|treats|treated|deem|deems|deemed|consider|considers|considered|say|says|said|state|states|stated"
    r"|provide|provides|provided|require|requires|required|call|calls|called)\s+(?!itself|themselves)\w",
)


def _said_of_text(reading: ClaimReading, force: re.Match[str]) -> bool:
    """The claim gives its force word to the text it names ("The Framework is voluntary"), not to something the
    text speaks of ("The AI Act makes codes of conduct voluntary"). Japanese and Korean word their claims
    otherwise (「…は法的拘束力を持たない」): theirs is read as said of the text."""
    if reading.language in ("ja", "ko"):
        return True
    text = fold(reading.text)
    head = text[: force.start()]
    return not any(
        (at := head.rfind(n.words)) >= 0 and _OF_ANOTHER.search(head[at + len(n.words) :]) for n in reading.texts
    )


def claims_own_force(reading: ClaimReading) -> bool:
    """The claim is about the named text's own force (`claimed_force`: binding or not): only the text's words
    about itself state that (`record_force`), not a sentence sharing the claim's other words."""
    return claimed_force(reading)[0] in ("binding", "non_binding")


def record_force(
    reading: ClaimReading | None, documents: Mapping[str, Document], chunks: Sequence[Chunk]
) -> tuple[Verdict, Term, Quote] | None:
    """A claim that the one text it names is binding or not (`claimed_force`) against that text's first sentence
    describing its own force: (verdict, reason, quote), or None."""
    if reading is None or not reading.doc_ids:
        return None
    claimed, claimed_words = claimed_force(reading)
    if not claimed:
        return None
    for doc in (documents[i] for i in reading.doc_ids if i in documents):
        for chunk in sorted((c for c in chunks if c.doc_id == doc.id), key=lambda c: c.ordinal):
            for start, end in sentence_spans(chunk.text, min_chars=0):
                sentence = fold(chunk.text[start:end])
                stated, at = force_of(sentence)
                if at is not None and _describes_itself(sentence, at, doc):
                    if claimed == "obligation" and stated == "binding":
                        return None  # a binding text: the obligation's content decides, not its force
                    claimed = "binding" if claimed == "obligation" else claimed
                    verdict: Verdict = "supported" if stated == claimed else "refuted"
                    key = "evidence.force_stated" if stated == claimed else "evidence.force_otherwise"
                    fields = {"locator": chunk.locator, "stated": at.group(), "claimed": claimed_words}
                    return verdict, Term(key, fields), Quote(Passage(chunk, 1.0, document=doc), start, end, 1.0)
    return None
