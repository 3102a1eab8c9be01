"""What kind of provision a question asks about, as the roles chunks carry (see documents/roles.py).

One table, `INTENTS`: a role → the question wordings (English, Japanese, Korean) that ask for it. It follows
how laws are written, not any question set: "what does X mean" is answered by a definitions article, "who
does it apply to" by a scope article (or the definitions of the parties), "when" by the entry-into-force and
transitional provisions, "is there a fine" by the penalties chapter, "is it binding" by a statement of legal
nature, "must we" by an obligation, "is it banned" by a prohibition.

Words that only look alike are excluded where they are common in AI texts: "fine-tune"/"fine-grained" are not
fines, "law enforcement" is a user of AI, not a sanction, "when" inside a scenario ("when we deploy…")
asks no date (only "when does/will/is/did …" and "what date/deadline" do), 「…することは」 is no 「とは」 of a
definition, and "human rights" asks for no remedy.

Two roles are narrower than the intent that asks for them, as laws are written:
- who a law applies to or protects is often settled by the definitions of its parties ("'consumer' means an
  individual who is a Colorado resident", "'deployer' means a person doing business in this state"), so a
  scope question also asks for "definition:party";
- "what must we do" from a party the question names (a provider, a deployer, "our company") asks for the
  obligations the texts put on that party: "obligation:NAME" (the addressees of ingest/roles.toml), since
  plain "obligation" covers most of a law.

`asked_roles` is evidence for retrieval (a ranked list of its own, weighed in the fusion); `ABSENCE_ROLES`
lists the roles whose absence from a whole law is itself an answer (see answering/absence.py).
"""

from __future__ import annotations

import re

from govqa.documents.roles import PARTY_DEFINITION

_I = re.I

# Penalties, fines and sanctions, and enforcing them.
_ENFORCEMENT = re.compile(
    r"\b(?:fin(?:e|es|ed|ing)|penalt(?:y|ies)|penali[sz]\w*|sanction(?:s|ed)?|punish\w*|punitive)\b"
    r"(?![-‐]\w|\s+tun\w*|\s+grain\w*)"
    r"|\benforc(?:e|es|ed|ing)\b(?!\s+agenc)|(?<!law\s)\benforcement\b(?!\s+(?:agenc|authorit|purpos))"
    # imprisonment is a penalty too ("Can anyone go to prison under …?")
    r"|\b(?:prison|imprison\w*|jail\w*|criminal (?:liability|penalt\w+|offen[cs]es?|charges?))\b"
    r"|罰則|罰金|過料|処罰|制裁|懲役|拘禁刑|禁錮|벌칙|과태료|벌금|처벌|징역",
    _I,
)

INTENTS: dict[str, re.Pattern[str]] = {
    "definition": re.compile(
        r"\b(?:define[sd]?|definition|meaning|what (?:is|are) meant by|what (?:does|do) .{1,60}\bmean"
        r"|what counts as|what (?:is|are) (?:an?|the)\s+['‘\"“])"
        # "What is (a) high-impact AI under …?": a bare term asked about within a named text; not "what is the
        # penalty", "what is required", "what is Japan's approach", nor a plural of duties or rules
        r"|\bwhat (?:is|are) (?:an? )?(?!the\b|this\b|that\b|it\b|there\b)(?![\w-]+(?:ed|'s|’s)\b)"
        r"(?![\w-]+ (?:of|for|to)\b)(?:[\w-]+\s+){0,3}?(?!(?:obligations|requirements|rules|penalties|fines|duties"
        r"|rights|exemptions|deadlines|steps)\b)[\w-]+\s+(?:under|in|according to)\s+(?:the\s+)?[A-Z\u3040-\u9fff]"
        r"|定義|(?<!こ)とは|意味|정의|(?:이)?란\s|뜻",
        _I,
    ),
    "scope": re.compile(
        r"\b(?:appl(?:y|ies)\s+to|apply\b|covered|cover(?:s)?\s|subject to|in scope|scope|regulat(?:e|es|ed)\b"
        r"|outside (?:the|of)|extraterritorial|who (?:is|are|does|do)\b"
        # "does it protect people who …": who the law protects, not what it protects
        r"|protect(?:s|ed|ion)?\s+(?:for\s+)?(?:the\s+)?(?:people|persons|individuals|consumers|residents|non-residents"
        r"|citizens|users|workers|employees|children|minors|patients|foreigners)\b)"
        r"|適用|対象|範囲|적용|대상",
        _I,
    ),
    "exclusion": re.compile(
        r"\b(?:exempt\w*|exclu\w+|exception\w*|carve[- ]?outs?|(?:does|do) not apply)\b"
        r"|適用除外|除外|例外|적용\s*제외|예외",
        _I,
    ),
    "dates": re.compile(
        r"\bwhen (?:does|do|did|will|is|are|was|were)\b|\b(?:take|took|takes) effect|effective"
        r"|enter(?:s|ed)? into force|entry into force|deadline|timeline|what date|which date|from when"
        r"|transition(?:al)? period|start(?:s)? to apply"
        r"|施行|いつ|期限|期日|시행|언제",
        _I,
    ),
    "enforcement": _ENFORCEMENT,
    "legal_nature": re.compile(
        r"\b(?:mandatory|binding|voluntary|legally (?:required|enforceable|oblig\w+|bind\w*)|compulsory|obligatory"
        r"|soft law|legal force|force of law|(?:legally )?bound by)\b"
        r"|法的拘束力|拘束力|任意|自主的|義務(?:的|化)|구속력|자율",
        _I,
    ),
    "obligation": re.compile(
        r"\b(?:must|obligations?|obliged|required|requirements?|dut(?:y|ies)|ha(?:ve|s) to|need(?:s)? to"
        r"|responsib\w+)\b"
        r"|義務|責務|しなければ|べき|의무|책무|하여야",
        _I,
    ),
    "prohibition": re.compile(
        r"\b(?:ban(?:s|ned)?|prohibit\w*|forbid\w*|forbidden|illegal|outlaw\w*|off[- ]limits|not allowed|allowed)\b"
        r"|禁止|禁じ|許され|금지",
        _I,
    ),
    "right": re.compile(
        r"\b(?:right to|rights of|remed(?:y|ies)|redress|complain\w*|compensat\w*|sue|appeal)\b"
        r"|権利|請求|救済|권리|구제",
        _I,
    ),
}
# The roles whose absence from a whole law is itself an answer (a statute without penalties is news; one
# without a "legal nature" statement is not). The message catalogue names each ([role] in prompts/messages.*.toml).
ABSENCE_ROLES = frozenset({"enforcement"})


# Parties a question names, as the addressees of obligations (ingest/roles.toml [addressees]). A business
# speaking of itself ("our startup", "we're an insurance company") is a business operator, the addressee of
# Japanese and Korean business duties; 「AI事業者ガイドライン」 is a title, not a party.
ADDRESSEES: dict[str, re.Pattern[str]] = {
    "provider": re.compile(r"\bproviders?\b|提供者|제공자", _I),
    # a business deploying a system says so: "We're a hospital deploying a high-risk AI system"
    "deployer": re.compile(r"\bdeployers?\b|\b(?:we|I)(?:'re|’re| are| am)?\b[^.?!]{0,80}?\bdeploy(?:s|ing)?\b", _I),
    "developer": re.compile(r"\bdevelopers?\b|開発者|개발자", _I),
    "importer": re.compile(r"\bimporters?\b", _I),
    "distributor": re.compile(r"\bdistributors?\b", _I),
    "business_operator": re.compile(
        r"\bbusiness operators?\b|\b(?:our|my)\s+(?:[\w-]+\s+){0,2}?(?:company|business|startup|start-up|firm"
        r"|enterprise|employer)\b|\bwe(?:'re|’re| are) an? (?:[\w-]+\s+){0,3}?(?:company|business|startup|start-up"
        r"|firm|employer)\b|事業者(?!ガイドライン)|企業|사업자|기업",
        _I,
    ),
}


# A party the question names as the one told or given something ("what must a developer disclose to deployers")
# receives, it is not bound: the words before it.
_RECIPIENT = re.compile(
    r"\b(?:disclos|provid|giv|tell|inform|notif|send|suppl|report|communicat|explain|mak\w* available)\w*\b"
    r"[^.?!]{0,40}?\bto\s+(?:the\s+|its\s+|their\s+|any\s+)?$",
    _I,
)


def _bound(party: re.Pattern[str], question: str) -> bool:
    """Whether the question names the party other than as the recipient of what is disclosed or given."""
    return any(not _RECIPIENT.search(question[: m.start()]) for m in party.finditer(question))


def asked_roles(question: str) -> list[str]:
    """The roles a question asks about, in the order of INTENTS; "definition:party" after "scope" and
    "obligation:NAME" after "obligation" for each party the question names."""
    roles = []
    for role, pattern in INTENTS.items():
        if pattern.search(question):
            roles.append(role)
            if role == "scope":
                roles.append(PARTY_DEFINITION)
            if role == "obligation":
                roles += [f"obligation:{name}" for name, party in ADDRESSEES.items() if _bound(party, question)]
    return roles
