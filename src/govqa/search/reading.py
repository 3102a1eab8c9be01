"""How a question is worded: its shape, what it names, and what it asks that a text cannot record (pure).

One pattern per concept, read once by `analysis.analyze` into the `QueryAnalysis` record; the answering stage
reads the record and never these patterns (tests/test_layout.py keeps it so). The patterns that read the *texts*
(a quote that forbids, exempts, states a date) live with the answering step that reads passages.

- **shape**: yes/no, a definition, a date, an amount, a ban, a permission, an exemption, scope, legal nature,
  "quote it", a detail a law may delegate (an amount, criteria, a procedure), a subordinate instrument's content;
- **what it names** (names.py): years, law numbers ("Act No. 56", 「法律第56号」), proper names of texts and bodies
  ("Measures for Labeling …", "AIDA"), names the corpus never mentions, texts the manifest lists without holding;
- **what a text cannot record**: an event dated after it, what became of a named text since (revoked, amended,
  still in force), who took it up since (signed, reported, complied).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from govqa.search.routing import Glossary
from govqa.text import QUESTION_SENTENCE_BREAK, fold, language_of, tokenize

_I = re.I

# ---------------------------------------------------------------- shape

YES_NO = re.compile(
    r"^(?:is|are|does|do|can|could|must|should|will|has|have|may|was|were)\b|(?:ますか|ですか|ありますか|か)[？?]?$", _I
)
# Japanese question words: a question ending in 「ですか」 asks yes or no only without one (「何ですか」 asks what).
# 「何ら」 and 「何らか」 ("at all", "some") are adverbs built on 何, not question words.
_JA_QUESTION_WORDS = (
    "何",
    "なに",
    "どの",
    "どこ",
    "どう",
    "どれ",
    "どんな",
    "いつ",
    "誰",
    "だれ",
    "なぜ",
    "いくら",
    "いくつ",
    "どちら",
)
_JA_ADVERBS = ("何ら", "どうか")
ASKS_BAN = re.compile(
    r"\bban(?:s|ned)?\b|\bprohibit\w*|\bforbid\w*|\boff-limits\b|\bnot (?:allowed|permitted)\b"
    r"|禁止|してはならない|許されない",
    _I,
)
# A permission question ("Is it allowed?") is answered "No —" by a rule that forbids it; a ban question that
# words it negatively ("Are they not allowed?") is a ban question first (see `Shape.allowed`).
ASKS_ALLOWED = re.compile(r"\b(?:allowed|permitted|lawful|legal)\b|許され", _I)
ASKS_EXEMPTION = re.compile(r"\bexempt\w*|\bexclu(?:de|ded|sion)\b|適用除外", _I)
ASKS_SCOPE = re.compile(r"\bappl(?:y|ies)\b|\bcover(?:s|ed)?\b|適用され", _I)
ASKS_DATE = re.compile(
    r"\bwhen\b|\bwhat date\b|\bdeadline\b|\btakes? effect\b|\benter(?:s)? into force\b|いつ|施行日|期限|期日", _I
)
ASKS_AMOUNT = re.compile(
    r"\bhow (?:much|high|large|many)\b|\bmaximum\b|\bfines?\b|\bpenalt\w+|\bprison\b|\bimprison\w*"
    r"|いくら|罰金|罰則|金額",
    _I,
)
WANTS_QUOTE = re.compile(r"\bquote\b|引用|原文を", _I)
# A detail a text may leave to another instrument: an amount, a threshold, criteria, a list, a procedure.
ASKS_DETAIL = re.compile(
    r"\b(?:how (?:much|many|high|large|long)|threshold|criteria|criterion|standards?|amount|level|number of"
    r"|procedures?|methods?|details?|what (?:rules|requirements|thresholds?|criteria|standards)|which (?:entities|areas"
    r"|sectors|products|services|persons|organizations|institutions))\b|基準|金額|いくら|手続|方法|範囲|どの程度",
    _I,
)
# What a subordinate instrument says: "What rules has the Attorney General adopted", "What does the Decree set".
ASKS_INSTRUMENT = re.compile(
    r"\b(?:rules?|decrees?|orders?|ordinances?|delegated acts?|implementing acts?)\b[^?]{0,60}\b(?:adopted|issued"
    r"|promulgated|made|set|say|prescribe|require)|\b(?:what|which) (?:rules?|decrees?|ordinances?|delegated acts?"
    r"|implementing acts?)\b|政令|省令|施行令|大統領令|시행령",
    _I,
)
ASKS_WHEN = re.compile(r"\bwhen\b|いつ", _I)
# A document named as where the asked content stands: "in its final report", "under the agency's guide".
IN_INSTRUMENT = re.compile(
    r"\b(?:in|under) (?:its|their|the [\w' -]{0,40}?)\s*((?:[\w-]+ ){0,3}?(report|guide|plan|strategy|roadmap"
    r"|white paper|rulebook|handbook))\b",
    _I,
)
# "What does the Act say about <topic>?", "Does it regulate <topic>?": a topic named outright.
ASKS_TOPIC = re.compile(
    r"\b(?:says?|said)\s+(?:anything\s+)?(?:about|on|regarding|concerning)\s+(.+?)\s*[?？]?$"
    r"|\b(?:regulates?|address(?:es)?|mentions?)\s+(.+?)\s*[?？]?$",
    _I,
)
# A formality only a text that names it can settle — what a fee costs, whether one must register —, in the words a
# text in either language would use: asked about a framework that never mentions fees, there is nothing to quote.
FORMALITIES: tuple[tuple[re.Pattern[str], str], ...] = (
    (
        re.compile(r"\bfees?\b|\blev(?:y|ies)\b|手数料|料金|登録料|수수료", _I),
        "fee fees levy levies charge charges 手数料 料金 登録料 수수료",
    ),
    (
        re.compile(r"\bregist(?:er|ered|ering|ration|ry)\b|登録|届出|등록|신고", _I),
        "register registered registration registry 登録 届出 등록 신고",
    ),
)
# Words of any topic in this library, which name no topic of their own.
_NO_TOPIC = frozenset(
    tokenize("ai artificial intelligence system systems model models technology data use using act law rules it them")
)
# Words of a question's frame, not its topic: an asking sentence made only of these has no focus of its own.
_FRAME = frozenset(tokenize("corpus support claim true correct right say says text document quote answer"))
# Words a delegation question shares with every delegating clause.
_DETAIL_FRAME = frozenset(tokenize("what which how much many rules rule act law"))

# ---------------------------------------------------------------- what a text cannot record

LATER_EVENT = re.compile(
    r"\b(?:revok\w*|repeal\w*|rescind\w*|amend\w*|updat\w*|replac\w*|supersed\w*|withdr[ae]w\w*|overturn\w*)\b"
    r"|廃止|改正|撤回",
    _I,
)
_FATE_DONE = (
    r"(?:revoked|repealed|rescinded|amended|replaced|superseded|withdrawn|overturned|delayed|postponed|suspended"
    r"|deferred)"
)
_FATE_DO = r"(?:revoke|repeal|rescind|amend|replace|supersede|withdraw|overturn|delay|postpone|suspend|defer)"
# A body's decision on a text, as news reports it: "the legislature voted to delay …", "agreed to postpone".
_DECIDED = r"(?:vot(?:ed|es)|agreed|decided|moved|resolved)"
# What became of a text since it was made ("Is it still in force?", "Has it been amended?", "Did Colorado delay
# it?"). A sentence about a party's own acts ("Must deployers suspend the system?") asks what the text says.
ASKS_FATE = re.compile(
    r"\bstill (?:in force|in effect|valid|effective)\b|\bno longer (?:in force|in effect|valid)\b"
    rf"|\b(?:was|were|been|is|are|got)\b[^?.]{{0,60}}?\b{_FATE_DONE}\b|^did\b[^?]*\b{_FATE_DO}\b"
    rf"|^(?:who|which|what)\b[^?]{{0,40}}?\b{_FATE_DONE}\b"  # "Which order revoked EO 14110?"
    rf"|\b{_DECIDED}\s+to\s+{_FATE_DO}\b"  # a decision reported: "the legislature voted to delay it"
    r"|(?:まだ|現在も)有効|廃止され|改正され",
    _I,
)
PARTY = re.compile(
    r"\b(?:providers?|deployers?|operators?|developers?|users?|importers?|distributors?|compan(?:y|ies)"
    r"|business(?:es)?|we|our|us|I|my)\b|事業者|提供者|利用者",
    _I,
)
# Who has since taken a text up: "How many companies have signed the Code?", "Which firms reported under it?".
ASKS_UPTAKE = re.compile(
    r"^(?:which|how many|what|who)\b[^?]{0,60}?"
    r"(?:\b(?:compan\w*|organi[sz]ations?|firms?|providers?|developers?|countries|states|members?|businesses"
    r"|signator\w*)\b[^?]{0,40}?)?\b(?:have|has|had|did)\b[^?]{0,20}?"
    r"\b(?:sign|report|ratif|adopt|join|compl(?:y|ied)|commit|endors|notif|submit|regist)\w*",
    _I,
)
# The same told as news: "Meta refused to sign the Code, while OpenAI signed on", 「…は署名を見送った」. A party's
# duty under a text it signed ("signatories must …") is what the text says, and is not read so; nor is a date of
# signing ("the order was signed on January 23, 2025", "… on Inauguration Day", "… on Monday").
_A_DATE = r"(?:the\s+)?(?:\d|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d|(?:\w+\s+)?\w*day\b)"
TELLS_UPTAKE = re.compile(
    r"\b(?:refused|declined|chose not|decided not|opted not)\s+to\s+(?:sign|join|endorse|ratify)\b"
    rf"|\bsigned\s+(?:on|up)\b(?!\s+{_A_DATE})|署名を見送|署名しなかった|署名を拒",
    _I,
)
# "Which companies have to report …?" asks for a duty, not for who has reported.
ASKS_DUTY = re.compile(r"\b(?:must|shall|have to|has to|need to|required|obliged)\b", _I)
# How the world met a text: how firms or a market reacted to it, how things stood once it took effect ("How did
# companies react to the Act?", "What did the industry look like on the first day the Act took effect?",
# 「施行後、業界はどう反応した？」). A text records its rules, not their reception; how a party must respond to an
# incident is a duty (ASKS_DUTY), and a text's own changes to another law are in its words.
_WORLD = (
    r"(?:the\s+)?(?:industry|industries|market|markets|sector|compan(?:y|ies)|firms?|businesses|start-?ups?"
    r"|investors|stakeholders|the\s+public)"
)
ASKS_RESPONSE = re.compile(
    rf"^(?:how|what)\b[^?]{{0,40}}?\b(?:did|has|have|had|was|were)\s+{_WORLD}\b[^?]{{0,30}}?"
    r"\b(?:react|respond|adapt|adjust|cope|fare|look(?:ed)?\s+like)"
    rf"|\b{_WORLD}(?:['’]s?)?\s+(?:reactions?|responses?)\s+(?:to|after)\b"
    r"|(?:業界|産業界|企業|市場)(?:の|は)[^？?。]{0,20}?(?:反応|様子)",
    _I,
)
# How a text should be changed, or whether it should stand: a judgement on the text, which it does not make of
# itself ("What should be changed with the Act's exemptions?", "How should the Act be amended?", "Should the Act
# be repealed?", 「この法律はどう改正すべきか」). The text must be what is changed: what should be amended in a
# party's documentation under it, or what a party should change (PARTY), is what the text says.
_A_TEXT = r"(?:the\s+)?(?:[\w'’-]+\s+){0,3}?(?:act|law|regulation|order|bill|guidelines?|code|framework)"
_REFORMED = r"be\s+(?:changed|amended|improved|reformed|fixed|revised|repealed|scrapped|rewritten)\b"
ASKS_REFORM = re.compile(
    rf"\bshould\s+{_A_TEXT}\s+{_REFORMED}"
    rf"|\bshould\s+{_REFORMED}\s+(?:with|in|about|to)\s+{_A_TEXT}(?:['’]s\b|\s*[?.]?$)"
    r"|(?:法|法律|ガイドライン|指針|Act)(?:は|を)[^？?。]{0,10}?(?:改正|改善|見直)(?:す|さ)べき",
    _I,
)

# ---------------------------------------------------------------- what it names

# "only" in a claim restricts a rule to less than it might cover ("relies only on guidance").
RESTRICTS = re.compile(r"\bonly\b", _I)
# A statement quoted in full inside a question ("'Japan's AI law has no penalties.' Is that right?").
_QUOTED_STATEMENT = re.compile(r"[‘'\"“「]([^’\"”」]{12,})[’'\"”」]")


@dataclass(frozen=True)
class Shape:
    """What the question asks for, as flags: each one a class of questions the answer takes a form for."""

    yes_no: bool = False
    definition: bool = False
    date: bool = False
    amount: bool = False
    ban: bool = False
    allowed: bool = False  # a permission question ("Is it allowed?"), not a ban question
    exemption: bool = False
    scope: bool = False
    legal_nature: bool = False
    wants_quote: bool = False
    detail: bool = False  # a detail a law may delegate: amount, criteria, procedure, list
    instrument: bool = False  # the content of a subordinate instrument (decree, rules)
    when: bool = False
    later_event: bool = False  # names an event that happens to a text: revoked, amended, replaced
    fate: bool = False  # asks what became of a text since (not about a party's own acts)
    uptake: bool = False  # asks who has since signed, reported under or complied with a text
    response: bool = False  # asks how firms or a market met a text, how things stood once it applied
    reform: bool = False  # asks how a text should be changed, or whether it should stand


def _asks_wh_ja(text: str) -> bool:
    for adverb in _JA_ADVERBS:
        text = text.replace(adverb, "")
    return any(word in text for word in _JA_QUESTION_WORDS)


def read_shape(question: str, asking: str, roles: tuple[str, ...]) -> Shape:
    """The question's shape; `asking` is its asking sentence (patterns about a text's fate read only that)."""
    ban = bool(ASKS_BAN.search(question))
    return Shape(
        yes_no=bool(YES_NO.search(question.strip())) and not _asks_wh_ja(question),
        definition="definition" in roles,
        date=bool(ASKS_DATE.search(question)),
        amount=bool(ASKS_AMOUNT.search(question)),
        ban=ban,
        allowed=bool(ASKS_ALLOWED.search(question)) and not ban,
        exemption=bool(ASKS_EXEMPTION.search(question)),
        scope=bool(ASKS_SCOPE.search(question)),
        legal_nature="legal_nature" in roles,
        wants_quote=bool(WANTS_QUOTE.search(question)),
        detail=bool(ASKS_DETAIL.search(asking)),
        instrument=bool(ASKS_INSTRUMENT.search(asking)),
        when=bool(ASKS_WHEN.search(asking)),
        later_event=bool(LATER_EVENT.search(asking)),
        fate=bool(ASKS_FATE.search(asking.strip())) and not PARTY.search(asking),
        uptake=(bool(ASKS_UPTAKE.search(asking.strip())) and not ASKS_DUTY.search(asking))
        or bool(TELLS_UPTAKE.search(question)),
        response=bool(ASKS_RESPONSE.search(asking.strip())) and not ASKS_DUTY.search(asking),
        reform=bool(ASKS_REFORM.search(asking)) and not PARTY.search(asking),
    )


# ---------------------------------------------------------------- the asking sentence


def question_focus(question: str) -> str:
    """The sentence that asks, when a question first sets a scene ("We are a hospital… Who must…?").

    Scenario words dilute both the embedding and BM25; the asking sentence, searched on its own as an extra list,
    names the duty or topic wanted. Empty for a one-sentence question and for an asking sentence made only of
    frame words ("Does the corpus support that?")."""
    sentences = [s.strip() for s in QUESTION_SENTENCE_BREAK.split(question) if s.strip()]
    if len(sentences) < 2:
        return ""
    asking = [s for s in sentences if s.endswith(("?", "？"))]
    focus = (asking or sentences)[-1]
    return focus if set(tokenize(focus)) - _FRAME else ""


def asking_sentence(question: str) -> str:
    """The part of a question that asks: a scene set before it is context; a statement quoted in full and then
    asked about ("'X.' Is that true?", "Claim: 'X'. Does the corpus support it?") is what is asked."""
    if focus := question_focus(question):
        return focus
    sentences = [s.strip() for s in QUESTION_SENTENCE_BREAK.split(question) if s.strip()]
    if len(sentences) >= 2 and (m := _QUOTED_STATEMENT.search(question)):
        return m.group(1)
    return question


# A writer's label before what they claim names where it was said ("Client alert:", "Forum post:", "FAQ:",
# 「ニュース解説：」): a noun phrase of a few words and a colon, opening the question. It is not what is claimed, and
# as words no text uses it would weigh as the claim's rarest. A lead-in that is a clause ("Two practices are
# banned:", 「罰則は次のとおり：」), holds a number ("Article 5:") or names a text or a place ("EU AI Act:") is.
_LEADING_LABEL = re.compile(r"^\s*([^\s:：\"“「'‘(（][^:：\"“「'‘\d]{0,30}?)\s*[:：]\s*(?=\S)")
_LABEL_WORDS = 4
_CLAUSE_WORD = re.compile(
    r"\b(?:is|are|was|were|be|been|being|has|have|had|shall|must|may|might|will|would|can|could|should|do|does|did"
    r"|not|no|if|when|that|which|who)\b",
    _I,
)
_JA_CLAUSE = re.compile(r"[はがをにで]")


def without_source_label(question: str, names_text: Callable[[str], bool]) -> str:
    """The question less a writer's label before it; `names_text` tells whether the label names a text or a place."""
    m = _LEADING_LABEL.match(question)
    if not m:
        return question
    label = m.group(1)
    words = re.findall(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*", label)
    if language_of(label) == "en":
        if not words or len(words) > _LABEL_WORDS or _CLAUSE_WORD.search(label):
            return question
    elif _JA_CLAUSE.search(label):
        return question
    return question if names_text(label) else question[m.end() :]


# ---------------------------------------------------------------- topics and instruments


def asked_topic(asking: str, glossary: Glossary) -> tuple[str, frozenset[str]]:
    """The topic an English question names outright ("What does the Act say about autonomous weapons?"), else a
    formality it asks about (a fee, a registration: FORMALITIES), and the words that would show a text mentions it
    (its own and the glossary's wording; a formality's in English and Japanese); ("", ∅) when none."""
    m = ASKS_TOPIC.search(asking.strip())
    if not m:
        for rx, wording in FORMALITIES:
            if found := rx.search(asking):
                return found.group(0), frozenset(tokenize(wording))
        return "", frozenset()
    topic = (m.group(1) or m.group(2)).strip()
    words = set(tokenize(topic)) - _NO_TOPIC
    if not words or language_of(topic) != "en":
        return "", frozenset()
    return topic, frozenset(words | set(tokenize(glossary.expansion(topic))))


# A subordinate instrument named as the source of what is said: "the enforcement decree requires …",
# 「施行令によって…義務づけられた」, 「施行令では」. Its content is the instrument's, not the act's.
BY_INSTRUMENT = re.compile(
    r"\b(?:the|its|their|act(?:['’]s)?)\s+((?:enforcement\s+|presidential\s+|implementing\s+)?(decree|ordinance))s?\b"
    r"|((施行令|施行規則|政令|省令|시행령))(?:によって|により|では|で|は|が|に)",
    _I,
)


def instrument_named(asking: str) -> tuple[str, str]:
    """The document a question asks the content of ("in its final report", "the enforcement decree requires …")
    and its kind ("report", "decree"), or ("", "")."""
    if m := IN_INSTRUMENT.search(asking):
        return fold(m.group(1)), fold(m.group(2))
    if m := BY_INSTRUMENT.search(asking):
        return fold(m.group(1) or m.group(3)), fold(m.group(2) or m.group(4))
    return "", ""


def detail_terms(asking: str) -> frozenset[str]:
    """The topic words of a detail question, which a delegating clause must share (kana bigrams are grammar)."""
    terms = set(tokenize(asking)) - _DETAIL_FRAME
    return frozenset(t for t in terms if not re.search(r"[\u3040-\u309f]", t))


# A Japanese claim whose subject is the text itself names the party it binds after it: 「AI推進法は、国民に対して…努める
# ことを求めている」, 「…は、事業者に対し、…を義務付けている」.
_ADDRESSED = re.compile(r"^(?:は|が)?[、,\s]*(?P<party>[^、。，,]{1,20}?)に対し(?:て)?")


def addressed_party(claim: str, subject: str) -> str:
    """The party a claim addresses right after its subject, the text (「国民に対して…」: 国民), else ""."""
    m = _ADDRESSED.match(claim[claim.find(subject) + len(subject) :]) if subject in claim else None
    return m.group("party") if m else ""
