"""What kind of provision a question asks about, as the roles chunks carry (see documents/roles.py).

Only intents whose words are unambiguous across the corpus are listed; a question matches none of them more
often than it matches a wrong one. Words that only look alike are excluded where they are common in AI texts:
"fine-tune"/"fine-grained" are not fines, and "law enforcement" is a user of AI, not a sanction.
"""

from __future__ import annotations

import re

# Penalties, fines and sanctions, in English, Japanese and Korean.
_ENFORCEMENT = re.compile(
    r"\b(?:fin(?:e|es|ed|ing)|penalt(?:y|ies)|penali[sz]\w*|sanction(?:s|ed)?|punish\w*|punitive)\b"
    r"(?![-‐]\w|\s+tun\w*|\s+grain\w*)"
    r"|罰則|罰金|過料|処罰|制裁|벌칙|과태료|벌금|처벌",
    re.I,
)

INTENTS: dict[str, re.Pattern[str]] = {"enforcement": _ENFORCEMENT}
# How an answer names a role that a text lacks, in English and Japanese.
ROLE_NAMES = {"enforcement": ("provision on penalties or fines", "罰則・過料の規定")}


def asked_roles(question: str) -> list[str]:
    """The roles a question asks about (for now: enforcement), in the order of INTENTS."""
    return [role for role, pattern in INTENTS.items() if pattern.search(question)]
