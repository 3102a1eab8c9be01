"""Plain words for the words laws are drafted in.

People write about a law in other words than its own: "must tell users straight away" for "shall inform … without
delay", "firms" for "undertakings", "kids" for "minors", "sue" for "a private right of action". Plain-language
drafting guides list such pairs the other way round (the US Federal Plain Language Guidelines' "use simple words":
"commence" → "start", "retain" → "keep", "terminate" → "end", "in a timely manner" → "promptly"). Each group below
is one such equivalence: phrases a law, a guideline and a news report use for the same thing, in no particular
order. A group holds only words that mean the same in any text about rules; not a paraphrase of one provision.

`alternatives(tokens)` gives, for each token of a claim standing in a phrase of a group, the group's other phrases
(as token tuples); `states_phrase(phrases, tokens)` whether a sentence's tokens hold one of them. coverage.py counts
a claim's term stated through them for part of its weight, as it does a JMdict near-synonym.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence

from govqa.text import tokenize

_GROUPS: tuple[tuple[str, ...], ...] = (
    # time
    (
        "without delay",
        "without undue delay",
        "immediately",
        "promptly",
        "straight away",
        "right away",
        "forthwith",
        "swiftly",
        "quickly",
    ),
    ("commence", "begin", "start"),
    ("terminate", "discontinue", "cease", "stop"),
    ("subsequently", "afterwards", "later"),
    # telling and publishing
    ("notify", "notification", "tell", "alert", "let know"),
    ("make public", "make publicly available", "publish", "release"),
    ("disclose", "reveal", "make known"),
    ("submit", "send"),
    ("request", "ask for"),
    # keeping, changing, deleting
    ("retain", "keep", "store"),
    ("modify", "amend", "revise", "alter", "change", "rework"),
    ("erase", "erasure", "delete", "deletion", "remove"),
    ("rectify", "rectification", "correct", "fix"),
    # doing
    ("utilise", "utilize", "employ", "make use of"),
    ("implement", "carry out", "put in place"),
    ("establish", "set up"),
    ("designate", "appoint"),
    ("assist", "assistance", "help", "aid"),
    ("obtain", "acquire", "get"),
    ("procure", "purchase", "buy"),
    ("develop", "build"),
    ("comply", "compliance", "abide by", "adhere to", "obey"),
    ("approve", "approval", "sign off", "endorse"),
    ("revoke", "revocation", "rescind", "rescission", "repeal", "scrap", "tear up"),
    ("absolve", "relieve", "off the hook"),
    ("interact", "talk to", "chat with", "communicate with"),
    # parties
    ("undertaking", "company", "firm", "business", "enterprise", "corporation"),
    ("business operator", "company", "firm", "business"),
    ("natural person", "individual", "people"),
    ("minor", "child", "children", "kid"),
    ("authority", "regulator", "watchdog"),
    ("director", "head", "chief"),
    ("representative", "agent"),
    ("signatory", "signer"),
    # wrongs and remedies
    ("infringement", "violation", "breach", "break"),
    ("non-compliance", "violation", "breach", "break"),
    ("private right of action", "sue", "lawsuit", "take to court"),
    ("harm", "hurt", "injure", "damage"),
    ("leakage", "leak"),
    ("unauthorised access", "intrusion", "hacking"),
    # money and measure
    ("turnover", "revenue", "sales"),
    ("worldwide", "global"),
    ("remuneration", "salary", "wage"),
    ("sufficient", "adequate", "enough"),
    ("numerous", "many"),
    ("probability", "likelihood"),
    ("magnitude", "severity", "how severe"),
    ("composite", "combination", "blend", "combine"),
    # mind and manner
    ("subliminal", "subconscious", "unconscious"),
    ("emotion", "feeling"),
    ("primarily", "mainly", "chiefly"),
    ("speculative", "hypothetical"),
    ("foreign", "overseas"),
    ("environment", "surroundings"),
    ("personal data", "personal information"),
    ("web crawler", "crawler", "scraper"),
)


@functools.cache
def _lexicon() -> tuple[tuple[tuple[str, ...], ...], ...]:
    """The groups as token tuples ("make use of" → "make", "use": its stop words dropped, as a sentence's are)."""
    return tuple(tuple(tuple(tokenize(p)) for p in group) for group in _GROUPS)


def _occurs(phrase: tuple[str, ...], tokens: Sequence[str]) -> bool:
    n = len(phrase)
    return any(tuple(tokens[i : i + n]) == phrase for i in range(len(tokens) - n + 1))


def alternatives(tokens: Sequence[str]) -> dict[str, frozenset[tuple[str, ...]]]:
    """For each of the tokens that stands in a phrase of a group, the group's other phrases."""
    out: dict[str, set[tuple[str, ...]]] = {}
    for group in _lexicon():
        for phrase in group:
            if _occurs(phrase, tokens):
                others = {p for p in group if p != phrase and not set(p) <= set(phrase)}
                for t in phrase:
                    out.setdefault(t, set()).update(others)
    return {t: frozenset(ps) for t, ps in out.items()}


def states_phrase(phrases: frozenset[tuple[str, ...]], tokens: Sequence[str]) -> bool:
    """Whether the tokens hold one of the phrases, its words in a row."""
    return any(_occurs(p, tokens) for p in phrases)
