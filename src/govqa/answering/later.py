"""What a text cannot record: what happened to it after it was made (pure; part of the answerability check).

- a year the question gives to an event (revoked, amended, updated…) after the date of every text retrieved;
- what became of a named text ("Is it still in force?", "Has it been amended?", "It was revoked by …"), when the
  library holds no later version of it — the answer gives the library's own record of the text (status,
  version in corpus/sources.toml) for the reader to follow up;
- who has since taken it up ("How many companies have signed the Code?", "Which firms reported under it?").
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from govqa.records import Document, Passage
from govqa.search.routing import Router, question_language

_LATER_EVENT = re.compile(
    r"\b(?:revok\w*|repeal\w*|rescind\w*|amend\w*|updat\w*|replac\w*|supersed\w*|withdr[ae]w\w*|overturn\w*)\b"
    r"|廃止|改正|撤回",
    re.I,
)
_YEAR = re.compile(r"(?<!\d)(?:19|20)\d{2}(?!\d)")


def later_year(sentence: str, digits: str, passages: Sequence[Passage], documents: Mapping[str, Document]) -> str:
    """The year of an event (revoked, amended…) the asking sentence puts after the date of every text retrieved,
    or "" (`digits`: the sentence with kanji numerals and era years as digits)."""
    if not _LATER_EVENT.search(sentence):
        return ""
    years = [int(y) for y in _YEAR.findall(digits)]
    dated = [int(d.date[:4]) for p in passages[:3] if (d := documents.get(p.chunk.doc_id)) and d.date[:4].isdigit()]
    if not years or not dated or max(years) <= max(dated):
        return ""
    return str(max(years))


# A question or claim on what became of a text since it was made ("Is it still in force?", "Has it been
# amended?", "It was revoked by …", "Did Colorado delay it?"). A sentence about a party's own acts ("Must
# deployers suspend the system?", "Are our systems replaced…") asks what the text says, not what became of it.
_FATE_DONE = (
    r"(?:revoked|repealed|rescinded|amended|replaced|superseded|withdrawn|overturned|delayed|postponed|suspended)"
)
_FATE_DO = r"(?:revoke|repeal|rescind|amend|replace|supersede|withdraw|overturn|delay|postpone|suspend)"
_ASKS_FATE = re.compile(
    r"\bstill (?:in force|in effect|valid|effective)\b|\bno longer (?:in force|in effect|valid)\b"
    rf"|\b(?:was|were|been|is|are|got)\b[^?.]{{0,60}}?\b{_FATE_DONE}\b|^did\b[^?]*\b{_FATE_DO}\b"
    r"|(?:まだ|現在も)有効|廃止され|改正され",
    re.I,
)
_PARTY = re.compile(
    r"\b(?:providers?|deployers?|operators?|developers?|users?|importers?|distributors?|compan(?:y|ies)"
    r"|business(?:es)?|we|our|us|I|my)\b|事業者|提供者|利用者",
    re.I,
)


# Who has since taken a text up: "How many companies have signed the Code?", "Which firms reported under it?".
_ASKS_UPTAKE = re.compile(
    r"^(?:which|how many|what|who)\b[^?]{0,60}?"
    r"(?:\b(?:compan\w*|organi[sz]ations?|firms?|providers?|developers?|countries|states|members?|businesses"
    r"|signator\w*)\b[^?]{0,40}?)?\b(?:have|has|had|did)\b[^?]{0,20}?"
    r"\b(?:sign|report|ratif|adopt|join|compl(?:y|ied)|commit|endors|notif|submit|regist)\w*",
    re.I,
)


# "Which companies have to report …?" asks for a duty, not for who has reported.
_PARTY_DUTY = re.compile(r"\b(?:must|shall|have to|has to|need to|required|obliged)\b", re.I)


def later_fate(
    question: str, sentence: str, route_docs: Sequence[str], documents: Mapping[str, Document], router: Router
) -> Document | None:
    """The named text a question asks the later fate of (revoked, amended, delayed, still in force), when the
    library holds no later version of it that could record that; else None. A question that names another
    jurisdiction ("Has Colorado delayed … its AI Act?") is not taken to ask about a text outside it."""
    if not _ASKS_FATE.search(sentence) or _PARTY.search(sentence):
        return None
    named = [documents[d] for d in route_docs if d in documents]
    if not named or any(d.superseded_by in documents for d in named) or len({d.date for d in named}) > 1:
        return None  # a later version is held: its text may say what changed
    places = router.jurisdictions_named(question)
    return None if places and named[0].jurisdiction not in places else named[0]


def later_finding(
    question: str,
    sentence: str,
    digits: str,
    passages: Sequence[Passage],
    documents: Mapping[str, Document],
    router: Router,
) -> str:
    """What the answer says when the asking `sentence` asks what the texts cannot record, or ""."""
    japanese = question_language(question) == "ja"
    sentence = sentence.strip()
    if year := later_year(sentence, digits, passages, documents):
        doc = documents.get(passages[0].chunk.doc_id)
        title = doc.short_title if doc else passages[0].chunk.doc_id
        if japanese:
            return f"{title}の本文は{year}年の出来事を記録できません。テキストはこの点に答えていません。"
        return (
            f"The text of {title} predates {year}: it cannot record what happened to it then, "
            "and no text in the library does. The texts do not answer this."
        )
    route = router.route(question)
    named = [d for d in (*route.named, *route.doc_ids) if d in documents]
    uptake = _ASKS_UPTAKE.search(sentence) and not _PARTY_DUTY.search(sentence)
    if route.by in ("alias", "jurisdiction") and named and uptake:
        doc = documents[named[0]]
        if japanese:
            return (
                f"{doc.short_title}の本文は、その後誰が署名・報告・遵守したかを記録できず、"
                "ライブラリのどのテキストも記録していません。最も近い規定:"
            )
        return (
            f"The text of {doc.short_title} sets out what it asks; it cannot record who has since signed, "
            "reported under or complied with it, and no text in the library does. The closest passages:"
        )
    if route.by == "alias" and (doc := later_fate(question, sentence, route.named or route.doc_ids, documents, router)):
        if japanese:
            return (
                f"{doc.short_title}の本文（{doc.date}）はその後の改正・廃止等を記録できず、ライブラリのどのテキストも"
                f"記録していません。ライブラリの記録（corpus/sources.toml）：{doc.status}、{doc.version}。最も近い規定:"
            )
        return (
            f"The text of {doc.short_title} ({doc.date}) cannot record what became of it later, and no text "
            f"in the library does. The library's record of it (corpus/sources.toml): {doc.status}; {doc.version}. "
            "The closest passages:"
        )
    return ""
