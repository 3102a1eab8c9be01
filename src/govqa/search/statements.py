"""Who must do what, how strongly, for whom, and whether it is denied, read alike in a claim and a law (pure).

- **modality** of the first modal: `must` / `endeavour` (「努める」) / `should` / `may`; a ban is `must` negated;
- **actor**: the subject before the modal, or the object of "requires … to"; its name in ingest/roles.toml;
- **scope words**: universal ("all", 「全て」) or restrictive ("only", 「のみ」);
- **negation**: one in what a duty requires ("ensure that X are not used") counts; one in a condition does not.
"""

from __future__ import annotations

import re

from govqa.search.intents import ADDRESSEES
from govqa.search.routing import question_language

# "is not prohibited": no ban, leave (guidelines on the cases a ban does not reach: "Using voice recognition …").
NOT_BANNED = re.compile(r"\b(?:is|are|was|were|be)\s+not\s+(?:prohibited|banned|forbidden)\b", re.I)
MODALITIES: tuple[tuple[str, bool, re.Pattern[str]], ...] = (  # (modality, negated, pattern), first match wins
    (
        "endeavour",
        False,
        re.compile(
            r"(?i)\b(?:shall|must|will|should|(?:is|are) to)\s+"
            r"(?:make (?:best |every )?efforts?|strive|seek to|endeavou?r)\b"
            r"|\bendeavou?r(?:s|ed|ing)?\b"
            r"|\b(?:best[- ]efforts?|effort) (?:obligation|duty)\b|努め|努力義務|努力する|노력",
        ),
    ),
    (  # no duty at all: "voluntary", "optional", "not legally binding", "need not"
        "may",
        False,
        re.compile(
            r"(?i)\b(?:voluntar(?:y|ily)|optional|non-binding|not (?:legally )?(?:binding|required|mandatory"
            r"|obligatory)|need not|(?:may|can) (?:choose|decide) (?:whether|not)|(?:is|are) free (?:to|not to))\b"
            r"|任意|不要|必要(?:は|が)?(?:ない|ありません)",
        ),
    ),
    ("may", False, NOT_BANNED),  # read before the ban's own word
    (
        "must",
        True,
        re.compile(
            r"(?i)\b(?:must not|shall not|may not|cannot|can['’]t|(?:is|are) not (?:allowed|permitted)(?: to)?"
            r"|(?:is|are) (?:prohibited|banned|forbidden)"
            # news reports a ban in the past tense: "the order banned …", "outlawed", "forbade"; after "on", "of",
            # an article or a verb's -ed/-ing it is an adjective ("guidelines on banned AI practices", "engaging in
            # prohibited AI practices", "companies that used banned AI practices"); "a ban on …", "the Act's ban on …"
            # is a noun: a verb bans its object directly
            r"|prohibits?|bans?(?!\s+on\b)"
            r"|(?<!on )(?<!of )(?<!the )(?<!a )(?<!in )(?<!ed )(?<!ing )(?:prohibited|banned|outlawed)"
            r"|forbids?|forbade"
            r"|outlaws?)\b"
            r"|してはならない|禁止(?![A-Za-z0-9ァ-ヶー一-龥])|禁じ|금지",  # (「禁止AI」: what is banned)
        ),
    ),
    (
        "must",
        False,
        re.compile(
            # ("… shall be subject to administrative fines": what befalls a party, no one's duty to fine)
            r"(?i)\b(?:must|shall(?!\s+be\s+(?:subject|liable)\s+to\b)"
            r"|(?:is|are) (?:[a-z]+ly )?(?:required|obliged|obligated|mandated|bound(?= to| by))"
            r"|(?:ha(?:ve|s) )?had to|ha(?:ve|s) to"
            r"|needs? to"
            # "the attorney general may require that a deployer disclose …": a power to require, not a duty;
            # "should have measures to require …": what another verb governs, not the sentence's force
            # a code's signatories "commit to", a treaty's parties "undertake to", what it requires of them
            r"|(?<!may )(?<!can )(?<!to )(?:requires?|obliges?|mandates?|insists? (?:on|that)|demands?"
            r"|commits? to|undertakes? to)"
            # a claim's "a (legal) duty on companies to …", "an obligation for providers to …"
            r"|(?:duty|obligation)\s+(?:on|for)\s+(?:[\w-]+\s+){0,3}?[\w-]+\s+to(?=\s)"
            # a law's "is responsible for formulating" (「責務」); a claim's "makes universities responsible for"
            r"|(?:(?:is|are|was|were|be)\s+(?:[a-z]+ly\s+)?|(?:makes?|made|holds?|held)\s+(?P<who>(?:[\w-]+\s+){1,4}?))"
            r"responsible\s+for"
            r"|mandatory|compulsory|obligat(?:ion|ory))\b"
            # (「必要があると認めるときは」, 「必要がある場合」: when deemed necessary, a condition;
            # 「必要があること」, a noun clause: no duty)
            # 「…講ずるものとする」: the drafting formula of a duty, which translations give as "shall" or "is to"
            # (not 「…できるものとする」, leave; 「努めるものとする」 is an effort, read first)
            r"|なければならない|(?<!できる)ものと(?:する|し(?=、)|され)|(?<=[るす])こととされ|義務|責務(?=を|が)"
            r"|必要があ(?!る(?:と認め|とき|場合|こと))|求められ|하여야|의무",
        ),
    ),
    (
        "should",
        False,
        re.compile(
            # (a resolution's gerund point "(g) Encouraging …"; 「…べき旨を勧告する」 is what is advised, not force)
            r"(?i)\b(?:should|ought to|(?:is|are) (?:encouraged|expected|invited) to|encourag(?:es?|ing)|recommends?"
            r"|recommending|urg(?:es?|ing)|calls? (?:up)?on|invites?)\b"
            r"|望ましい|期待され|推奨|べき(?!こと|旨)|권고|권장",
        ),
    ),
    (
        "may",
        False,
        re.compile(
            # (not the "may" of a possibility: "AI systems … may lead to discriminatory outcomes")
            r"(?i)\b(?:may(?!\s+(?:\d|also\s+)?(?:lead|result|cause|pose|entail|contribute|arise|occur|give rise)\b)"
            r"(?!\s+have\s+(?:been|[a-z]+ed|[a-z]+en)\b)"  # "may have caused": what may have happened
            r"(?!\s+\d)|can|(?:is|are) (?:allowed|permitted|entitled|empowered) to|(?:is|are) (?:allowed|permitted)"
            r"|permits?|allows?|lets"
            r"|ha(?:s|ve) (?:the )?(?:exclusive |sole |full )?(?:authority|power|right|flexibility|discretion) to)\b"
            # 「…しても差し支えない」, 「構わない」 (かまわない), 「して(も)よい」: leave given, in a law's words and a
            # writer's;
            # a writer's 「…することは認められている」, 「許されている」 (not 「必要と認められるときは」: a finding)
            r"|できる|(?:差し支え|差支え|構わ|かまわ)ない|(?:て|で)も?よい"
            r"|(?<=こと[がはも])(?:認められ|許され|許容され)|할 수 있",
        ),
    ),
)


def no_duty(modal_words: str, text: str = "") -> bool:
    """Whether the modal words say no duty exists ("voluntary", "need not", 任意), rather than give leave ("may"),
    or the text gives leave only ("merely allows", "only may")."""
    return bool(MODALITIES[1][2].fullmatch(modal_words.strip()) or _LEAVE_ONLY.search(text))


# The "may" of a possibility ("AI systems … may lead to discriminatory outcomes"): no leave, no force at all.
POSSIBILITY = re.compile(
    r"(?i)\b(?:may|might|could|can)\s+(?:also\s+)?(?:lead|result|cause|pose|entail|contribute|arise|occur|give rise)\b",
)
_LEAVE_ONLY = re.compile(r"\b(?:merely|only|just|simply)\s+(?:allows?|permits?|lets|may|can)\b", re.I)

# The verb's object is the actor in "mandates the government to promote", "requires companies to conduct".
_OBJECT_ACTOR = re.compile(r"^\s+(?P<actor>(?:the\s+)?(?:[\w-]+\s+){0,4}?[\w-]+)\s+to\b", re.I)
# A clause opening with a preposition or conjunction is no subject: "the Secretary, in consultation with …, shall".
_NOT_SUBJECT = re.compile(
    r"(?i)^\s*(?:\(\w+\)\s*)?(?:in|with|within|as|after|before|by|for|under|pursuant|if|where|when|to|from|of|on|at"
    r"|including|consistent|subject|and|or|unless|except|through|upon|no later than|not later than)\b",
)
# What opens a subject without naming it: a point's or paragraph's number ("(i) The Chairman …", "2. The
# Secretary …"), then a frame ("Under the Act, …") or an article.
_ACTOR_LEAD = re.compile(
    r"^(?:\((?:[a-z]{1,4}|\d{1,3})\)\s*|\d{1,3}\.\s+)?(?:(?:under|in|according to|per)\b[^,]*,\s*|(?:the|a|an)\s+)?",
    re.I,
)

# "with no exceptions", "without exception", "full stop", "in all cases", 「例外なく」 claim a rule of all cases as
# "all" does; "every three years", "every other year" is how often, not of whom; "not … at all" is "not".
UNIVERSAL = re.compile(
    r"\b(?:(?<!\bat )all|every(?!\s+(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|twelve|other|year"
    r"|month|week|day|quarter|time)s?\b)|any(?:one|body)?|every(?:one|body)|whoever|each|always|no exceptions?"
    r"|without (?:any )?exceptions?|full stop|whatsoever|in all cases|under any circumstances)\b"
    r"|全て|すべて|全部|いずれも|例外なく|모든|예외 없이",
    re.I,
)
# 「できるだけ」/「出来るだけ」 is "as far as possible", not "only".
RESTRICTIVE = re.compile(  # "not only … but", "not just …", "doesn't only" widen rather than restrict
    r"(?<!\bnot )(?<!n't )(?<!n’t )\b(?:only|solely|exclusively|just)\b|(?<![-\w])(?<!\bnot )alone\b"  # ("X alone")
    r"|のみ|(?<!できる)(?<!出来る)だけ|に限(?:る|り|って)|만",
    re.I,
)

# A savings clause: "Nothing in subsections (2) to (5) requires a developer to disclose a trade secret", "Nothing in
# this Act shall be construed to require a deployer to …". Its verb of duty is denied by "Nothing": the party
# named need not do it, as "is not required to" says; it denies the action that follows "to".
_SAVED = (
    r"\bnothing\s+(?:in|contained in)\s+[^;]{1,150}?\s+(?:(?:shall|may|is to)\s+be\s+(?:construed|interpreted|deemed)"
    r"\s+(?:as\s+|to\s+)?)?(?:requir(?:es?|ing)|compels?|obliges?|obligates?)\s+(?P<actor>(?:[\w-]+\s+){0,5}?[\w-]+)\s+to\b"
)
_SAVINGS = re.compile(rf"(?i)^\s*(?:\(\w+\)\s*)?{_SAVED}\s+(?P<action>[^.;]+)")
NEGATION = re.compile(  # ("relies on cooperation rather than penalties", "instead of fines": what is denied)
    r"\b(?:not|no(?!\.?\s*\d)|never|none|neither|nor|without|cannot|n't|rather than|instead of)\b|n['’]t\b"
    rf"|{_SAVED.replace('(?P<actor>', '(?:')}"
    # (「…にすぎない」: "is merely", 「かもしれない」: "may be", 「差し支えない」, 「かまわない」: "may" deny nothing)
    r"|(?<!なければなら)(?<!てはなら)(?<!ねばなら)(?<!ければなら)(?<!すぎ)(?<!過ぎ)(?<!しれ)"
    r"(?<!差し支え)(?<!差支え)(?<!構わ)(?<!かまわ)ない"
    r"|ません|ではなく|わけではな|不要|않",
    re.I,
)
# Where a clause that only conditions or describes begins: a negation inside it is not the claim's.
_CONDITION = re.compile(
    r"\b(?:if|unless|where|when|whether|which|who|whom|whose|for which|in which)\b"
    r"|(?<![\w-])(?<!ensure )(?<!ensures )(?<!require )(?<!requires )(?<!state )(?<!states )(?<!provide )"
    r"(?<!provides )(?<!guarantee )(?<!mean )(?<!means )(?<!say )(?<!says )that\b",
    re.I,
)
_CONDITION_END = re.compile(r"[,;:.()]")
_FINITE = re.compile(r"\b(?:is|are|was|were|has|have|had|shall|must|may|can(?:not)?|will|do|does|did)\b", re.I)
_OWN_VERB = re.compile(
    rf"(?:that|which|who)\s+(?!(?:the|an?|th[eo]se|this|its?|they|their|such|any|no)\b|{_FINITE.pattern})\w", re.I
)


def _main_clause(clause: str) -> bool:
    """A relative clause ends at a second finite verb, no "and", "or", "but" between ("… that allows … is not …")."""
    finite = len(_FINITE.findall(clause)) + bool(_OWN_VERB.match(clause))
    return finite >= 2 and not re.search(r"\b(?:and|or|but)\b", clause, re.I)


# Also 「ない」 before the noun it describes, taken up by a particle (「従わない者に対し」, not 「罰則のない法律だ」)
_JA_CONDITION_AFTER = re.compile(
    r"^[^、。]{0,4}(?:場合|とき|限り|もの(?=は|の))|^(?:[一-龯ァ-ヶー]+な)?[一-龯ァ-ヶー]+(?=[にはがをへとの])"
)
NOT_ONLY = re.compile(r"(?:\bnot|n['’]t)\s+(?:only|just|merely)\b", re.I)  # "doesn't only hit vendors" widens
# "including, but not limited to, …", "but is not limited to": the "not" widens a list; it denies nothing listed.
_LEFT_OPEN = re.compile(r"not\s+(?:limited|restricted)\s+to\b", re.I)
_LEFT_OPEN_BEFORE = re.compile(r"\bbut\s+(?:(?:is|are)\s+)?$", re.I)


_RELATIVE = re.compile(r"\b(?:that|which|who)\s+$", re.I)
_INFINITIVE = re.compile(r"\bto\s+[a-z]+\b[^,.;:]*\band\s+$", re.I)  # a base form after it is its verb too
_BASE_VERB = re.compile(r"(?!(?:must|shall|should|may|can|will)$)[a-z]+(?<!s)", re.I)  # ("recommend", not "shall")
_DUTY_ON = re.compile(r"(?:duty|obligation)\s+(?:on|for)\s+(?P<party>.+?)\s+to", re.I)
_STATUS = re.compile(r"mandatory|compulsory|obligatory", re.I)
_MADE = re.compile(r"\b(?:makes?|made|making|renders?)\s+(?P<what>[^,;]+?)\s*$", re.I)


# A Japanese subject: the last noun taken up by 「は」 or 「が」, not a condition's 「ては」, 「には」, 「では」,
# 「ときは」, 「場合は」 (「実施するに当たっては」, 「場合には」) nor a definition's 「とは」.
_TOPIC, _NOT_TOPIC = "(?<![のてにでと])(?<!とき)(?<!場合)は", "(?:(?<=[のてにでと])|(?<=とき)|(?<=場合))は"
# (not the が of 「…を図りながら」)
_JA_SUBJECT = re.compile(
    rf"([^、。,]{{1,30}}?)(?:{_TOPIC}|(?<!な)が(?!ら)|에게|는|은)(?:、|,)?(?:[^はが]|{_NOT_TOPIC}|ながら)*$"
)
# Where a subordinate clause ends: its 「が」 is its own subject (「苦情が…処理されるようにするため、」,
# 「…が生じたとき、」), not the sentence's, whose topic 「は」 stands over the whole sentence.
_SUBORDINATE_END = re.compile(r"ため[、,]|とき|場合|ように|ので[、,]|から[、,]|ながら|鑑み")


def _ja_subject(before: str) -> re.Match[str] | None:
    """The subject of a Japanese sentence's modal: the last noun taken up by 「は」 or 「が」, passing over a 「が」
    whose subordinate clause ends before the modal and the 「ことが」 of 「…することができる」."""
    while (m := _JA_SUBJECT.search(before)) and m.group(0)[len(m.group(1))] == "が":
        if m.group(1).endswith("こと"):  # 「公表することができる」: the verb's own noun form, no subject
            before = before[: m.start(1)]
            continue
        if not _SUBORDINATE_END.search(before[m.end(1) :]):
            break
        before = before[: m.end(1)].rsplit("、", 1)[0] if "、" in before[: m.end(1)] else before[: m.start(1)]
    return m


# The party a Japanese sentence binds as the object of its verb: 「…の実施を提供者に義務づけている」 (before the
# modal word), 「…する責務を、研究開発機関に負わせている」, 「義務を事業者に課す」 (after it).
_JA_BOUND_BEFORE = re.compile(r"を、?([^、。をがは]{1,40}?)に、?$")
_JA_BOUND_AFTER = re.compile(r"^[をが]、?([^、。をが]{1,40}?)に(?:負わ|課)")


# An article's number and caption before its first sentence (「第十三条（区域内の事業者等への支援） 地方公共団体は、」):
# the caption's words (「事業者」) are no part of the subject.
_KANJI_NUMBER = "[一二三四五六七八九十百千〇\\d]+"
# (and a paragraph's number: 「３内閣総理大臣は、…」)
_JA_CAPTION = re.compile(rf"^\s*(?:第{_KANJI_NUMBER}条(?:の{_KANJI_NUMBER})?\s*[（(][^）)]*[）)]\s*)?[0-9０-９]*\s*")


def duty_of(text: str) -> tuple[str, str, bool, str, str]:
    """(actor, modality, negated by the modal, modal words, action) of the first modal of a claim or a sentence."""
    if saved := _SAVINGS.match(text):  # "Nothing in … requires a developer to disclose …": no duty to disclose
        return _ACTOR_LEAD.sub("", saved.group("actor")).strip(), "may", False, "not required", saved.group("action")
    for modality, negative, rx in MODALITIES:  # (not a relative clause's, "that can't", nor "to X and recommend")
        if not (m := next((x for x in rx.finditer(text) if _own_modal(text[: x.start()], x.group())), None)):
            continue
        before, after = text[: m.start()], text[m.end() :]
        if question_language(text) in ("ja", "ko"):
            head = re.split(r"[、。,]", before.rstrip("、 "))
            subject = _ja_subject(before)
            actor = _JA_CAPTION.sub("", subject.group(1)).strip(" 「」『』") if subject else ""
            if cleft := re.search(r"のは、?([^、。]{1,40}?)(?:だ|である|です)?。?$", after):
                actor = cleft.group(1)  # 「義務づけられているのは、提供者だ」: the party bound stands after 「のは」
            elif bound := _JA_BOUND_BEFORE.search(before) or _JA_BOUND_AFTER.match(after):
                actor = bound.group(1)  # the party a verb binds as its object (_JA_BOUND_BEFORE)
            action = next((h[:-2] for h in head if h.endswith("のは")), head[-1] if head else "")  # (a cleft's)
            return actor, modality, negative, m.group(), action.strip()
        obj = _OBJECT_ACTOR.match(after)
        made = _MADE.search(before) if _STATUS.fullmatch(m.group()) else None
        if obj and re.search(r"(?:s|tes)$", m.group().lower()):  # "mandates the government to …"
            actor, action = obj.group("actor"), after[obj.end() :]
        elif party := _DUTY_ON.fullmatch(m.group()):  # "imposes a duty on companies to delete …"
            actor, action = party.group("party"), after
        elif made:  # "makes an impact assessment mandatory for every company …": what is made so is the action
            actor, action = (
                (f.group(1).rstrip(". ") if (f := re.match(r"\s*for\s+(.+)", after)) else ""),
                made.group("what"),
            )
        elif m.groupdict().get("who"):  # "makes universities responsible for …"
            actor, action = m.group("who"), after
        else:
            actor, action = _subject(before), after
        actor = _ACTOR_LEAD.sub("", actor.strip(" '\"‘’“”")).strip()
        action = re.split(r"[.;]\s", action.strip(), maxsplit=1)[0].rstrip(".")
        return actor, modality, negative, m.group(), action
    return "", "", False, "", ""


def _own_modal(before: str, modal: str) -> bool:
    if _RELATIVE.search(before) or (_INFINITIVE.search(before) and _BASE_VERB.fullmatch(modal)):
        return False
    # a condition's modal ("may create a single report … if the processes … cannot be understood without …") is
    # not the sentence's force; the condition ends at a comma ("If it cannot be reached, operators may …")
    opener = max(_IF.finditer(before), key=lambda m: m.end(), default=None)
    return not opener or bool(_CONDITION_END.search(before[opener.end() :]))


_IF = re.compile(r"\b(?:if|unless|whenever|provided that|in case)\b", re.I)


# A further duty of the same subject, joined by "and" ("… is to endeavor to enhance …, and must cooperate with …",
# 「…に努めるとともに、…に協力しなければならない」): a law may join duties of different force in one sentence.
# A resolution or recommendation joins its operative clauses with commas, each opening with its verb: "Emphasizes
# that human rights must be respected …, calls upon all Member States to refrain from …, and reaffirms that …".
_OPERATIVE = (  # its verb agrees with the body ("The General Assembly … calls upon"): a base form ("and recognise
    # faults") is another action of the same duty
    r"calls (?:up)?on|urges|encourages|requests|invites|recommends|decides|reaffirms|affirms|emphasi[sz]es|stresses"
    r"|underlines|recogni[sz]es|acknowledges"
)
_COORDINATED = re.compile(
    r",?\s+and\s+(?=(?:must|shall|should|may|is to|are to|will)\b)"
    rf"|[,;]\s+(?:and\s+)?(?=(?:{_OPERATIVE})\b)|とともに、?",
    re.I,
)


def coordinated_duties(text: str) -> list[str]:
    """The sentence's duties of one subject, each from its modal on ([text] when it states one)."""
    return _COORDINATED.split(text)


# An aside between commas inside a subject ("the provider or, where applicable, the authorised representative")
_ASIDE = re.compile(r",\s*(?:where|as|if|when)\s+(?:applicable|appropriate|relevant|necessary|any)\s*,", re.I)


def _subject(before: str) -> str:
    """An English modal's subject: the clause before it, or the nearest earlier one that can be (no preposition's)."""
    clauses = re.split(r"[,;:]", _ASIDE.sub(" ", before))
    for clause in reversed(clauses):
        if clause.strip() and not _NOT_SUBJECT.match(clause):
            return clause
    return clauses[-1]


PUBLIC_ACTORS = {
    "member_state": re.compile(r"\bmember states?\b|加盟国", re.I),
    "local_government": re.compile(r"\blocal governments?\b|地方公共団体|지방자치단체", re.I),
    "national_government": re.compile(r"\b(?:the state|governments?)\b|政府|^国$|정부", re.I),
    "research_institute": re.compile(
        r"\b(?:universit(?:y|ies)|research and development institut(?:e|es|ions))\b|研究開発機関|大学|연구개발기관",
        re.I,
    ),
    "authority": re.compile(
        r"\b(?:commission|authorit(?:y|ies)|agenc(?:y|ies)|ministers?|secretar(?:y|ies))\b|委員会|大臣|위원회", re.I
    ),
    # the people a rule protects, not its addressees: citizens, consumers, workers, data subjects
    "citizens": re.compile(
        r"\b(?:citizens|the people|consumers?|individuals|natural persons|data subjects?|workers|employees)\b"
        r"|国民|국민",
        re.I,
    ),
}

_BUSINESSES = re.compile(r"\b(?:compan(?:y|ies)|businesses|firms|operators|organi[sz]ations)\b", re.I)


def actor_words(actor: str) -> tuple[str, str]:
    """(addressee name of ingest/roles.toml, the words that name it) of an actor ("deployers of general-purpose
    AI models" → ("deployer", "deployers")), or ("", "")."""
    for name, rx in (*ADDRESSEES.items(), *PUBLIC_ACTORS.items()):
        if actor and (m := rx.search(actor)):
            return name, m.group()
    if m := _BUSINESSES.search(actor):
        return "business_operator", m.group()
    return "", ""


def actor_role(actor: str) -> str:
    """The addressee (ingest/roles.toml's names) the actor's words name, or ""."""
    return actor_words(actor)[0]


def scope_words(text: str) -> tuple[tuple[str, str], ...]:
    """The claim's scope words in order: universal ("all", 「全て」) or restrictive ("only", 「のみ」)."""
    found = [(m.start(), m.group().lower(), "universal") for m in UNIVERSAL.finditer(text)]
    found += [(m.start(), m.group().lower(), "restrictive") for m in RESTRICTIVE.finditer(text)]
    return tuple((w, kind) for _, w, kind in sorted(found))


def negations(text: str) -> list[re.Match[str]]:
    """The negations that are the claim's own: not inside a condition or a relative clause ("if it does not",
    "systems that are not high-risk", 「…しない場合」), nor "not only"."""
    out = []
    for m in NEGATION.finditer(text):
        before = text[: m.start()]
        if NOT_ONLY.match(text, m.start()) or _JA_CONDITION_AFTER.match(text[m.end() :]):
            continue
        if _LEFT_OPEN.match(text, m.start()) and _LEFT_OPEN_BEFORE.search(before):
            continue
        opener = max(_CONDITION.finditer(before), key=lambda c: c.end(), default=None)
        clause = f"{before[opener.start() :]} {m.group()}" if opener else ""  # (with "cannot", its own verb)
        if opener and not _CONDITION_END.search(before[opener.end() :]) and not _main_clause(clause):
            continue
        out.append(m)
    return out


def negation_words(text: str) -> list[str]:
    """The words of `negations`."""
    return [m.group() for m in negations(text)]
