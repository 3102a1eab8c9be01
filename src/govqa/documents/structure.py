"""SourceText + Profile → Sections: find the document's own units (articles, recitals, annexes,
sections, principles) from its heading lines, and the numbered paragraphs inside them.

Pure functions over strings; the rules come from `ingest/profiles/*.toml`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from govqa.documents.locators import roman_to_int
from govqa.documents.profiles import BlockRule, HeadingRule, Profile
from govqa.records import Section, SourceText

_NUMERAL = re.compile(r"^\d+$")


def ordinals(token: str) -> set[int]:
    """Every number a token can count as: "c" is both the 3rd letter and roman 100."""
    token = token.replace(" ", "")
    values = {n} if (n := ordinal(token)) is not None else set()
    if len(token) == 1 and token.isalpha():
        values.add(ord(token.lower()) - ord("a") + 1)
    return values


def _next_in_sequence(token: str, prev: int, slack: int) -> int | None:
    """The value of `token` if it continues a sequence after `prev` (within `slack`), else None."""
    fits = sorted(n for n in ordinals(token) if prev < n <= prev + slack)
    return fits[0] if fits else None


def ordinal(token: str) -> int | None:
    """The number a heading counts with: 12, XII, or a single letter (a=1); None if not a number."""
    token = token.replace(" ", "")
    if _NUMERAL.match(token):
        return int(token)
    if (roman := roman_to_int(token)) is not None:
        return roman
    if len(token) == 1 and token.isalpha():
        return ord(token.lower()) - ord("a") + 1
    return None


def _lines(text: str) -> Iterator[tuple[int, str]]:
    offset = 0
    for line in text.split("\n"):
        yield offset, line
        offset += len(line) + 1


def _fill(template: str, match: re.Match[str], title: str) -> str:
    values = {str(i): (g or "") for i, g in enumerate(match.groups(), start=1)} | {"title": title}
    return re.sub(r"\{(\w+)\}", lambda m: values.get(m.group(1), m.group(0)), template).strip()


@dataclass
class _Open:
    locator: str
    path: tuple[str, ...]
    start: int
    blocks: list[tuple[str, int]]
    block_counters: dict[int, int]
    heading_lines: int = 0  # lines that are only heading and title (a chapter line, say)


class _Gates:
    """Tracks `after`/`before` switches and sequential counters of heading rules."""

    def __init__(self, rules: tuple[HeadingRule, ...]) -> None:
        self.opened = [r.after is None for r in rules]
        self.closed = [False for _ in rules]
        self.last: dict[int, int] = {}

    def observe(self, rules: tuple[HeadingRule, ...], line: str) -> None:
        for i, r in enumerate(rules):
            if r.after is not None and r.after.search(line):
                self.opened[i] = True
            if r.before is not None and r.before.search(line):
                self.closed[i] = True

    def accepts(self, i: int, rule: HeadingRule, match: re.Match[str]) -> bool:
        if not self.opened[i] or self.closed[i]:
            return False
        if rule.sequential and match.groups():
            n = _next_in_sequence(match.group(1) or "", self.last.get(i, 0), 3)
            if n is None:
                return False
            self.last[i] = n
        return True


def _block_rule(rules: tuple[BlockRule, ...], locator: str) -> list[tuple[int, BlockRule]]:
    return [(i, r) for i, r in enumerate(rules) if not r.within or locator.startswith(r.within)]


def segment(source: SourceText, profile: Profile) -> tuple[Section, ...]:
    """The document's units, in order, covering its text from the first heading on."""
    # One pass over the lines with a stack of open headings and blocks; its branches share that state, so
    # splitting it into functions would pass the whole state around. It is tested line by line (test_structure).
    if source.sections:
        return source.sections
    text = source.text
    if profile.stop is not None and (m := profile.stop.search(text)):
        text = text[: m.start()]
    sections: list[Section] = []
    path: list[tuple[int, str]] = []
    current = _Open(profile.front_locator, (), 0, [], {})
    gates = _Gates(profile.headings)
    pending_title: tuple[HeadingRule, int, re.Match[str], int] | None = None  # rule, lines left, match, idx

    def close(end: int) -> None:
        body = text[current.start : end].strip().split("\n")[current.heading_lines :]
        if any(line.strip() for line in body):
            blocks = _close_blocks(current.blocks, end, current.start)
            sections.append(Section(current.locator, current.path, current.start, end, blocks))

    for offset, line in _lines(text):
        stripped = line.strip()
        gates.observe(profile.headings, stripped)
        if pending_title is not None and stripped:
            rule, left, title_match, _ = pending_title
            label = f"{current.path[-1]} — {stripped}" if current.path else stripped
            current.path = (*current.path[:-1], label) if rule.unit else current.path
            if not rule.unit and path:
                path[-1] = (path[-1][0], f"{path[-1][1]} — {stripped}")
            pending_title = (rule, left - 1, title_match, 0) if left > 1 else None
            continue
        for i, rule in enumerate(profile.headings):
            match = rule.pattern.match(stripped)
            if match is None or not gates.accepts(i, rule, match):
                continue
            close(offset)
            while path and path[-1][0] >= rule.level:
                path.pop()
            label = _fill(rule.locator, match, "")
            if rule.unit:
                current = _Open(label, (*(p for _, p in path), label), offset, [], {})
            else:
                path.append((rule.level, label))
                current = _Open(label, tuple(p for _, p in path), offset, [], {}, 1 + rule.title_lines)
            pending_title = (rule, rule.title_lines, match, i) if rule.title_lines else None
            break
        else:
            for i, brule in _block_rule(profile.blocks, current.locator):
                bmatch = brule.pattern.match(stripped)
                if bmatch is None:
                    continue
                prev = current.block_counters.get(i, 0)
                n = _next_in_sequence(bmatch.group(1) or "", prev, 1) if bmatch.groups() else None
                if brule.sequential and n is None:
                    continue
                current.block_counters[i] = n or prev + 1
                current.blocks.append((_fill(brule.suffix, bmatch, ""), offset))
                break
    close(len(text))
    return tuple(sections)


def _close_blocks(blocks: list[tuple[str, int]], end: int, start: int) -> tuple[tuple[str, int, int], ...]:
    # One block alone names nothing new unless text precedes it (an intro, then "(b)").
    if not blocks or (len(blocks) == 1 and blocks[0][1] <= start):
        return ()
    ends = [start for _, start in blocks[1:]] + [end]
    return tuple((suffix, start, stop) for (suffix, start), stop in zip(blocks, ends, strict=True))
