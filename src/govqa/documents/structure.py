"""SourceText + Profile → Sections: find the document's own units (articles, recitals, annexes,
sections, principles) from its heading lines, and the numbered paragraphs inside them.

Pure functions over strings; the rules come from `ingest/profiles/*.toml`.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from govqa.documents.locators import roman_to_int
from govqa.documents.profiles import BlockRule, HeadingRule, Profile
from govqa.records import Section, SourceText

_NUMERAL = re.compile(r"^\d+$")
_RUNS_ON = re.compile(r"[.:]\s+\S.{20,}")  # a heading's title ends, then its text starts on the same line


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


def _fill(template: str, match: re.Match[str], title: str, parent: str = "") -> str:
    # {parent}: the enclosing heading's label, for numbers that restart under it ("Commitment 1, Measure 1.1")
    values = {str(i): (g or "") for i, g in enumerate(match.groups(), start=1)} | {"title": title, "parent": parent}
    return re.sub(r"\{(\w+)\}", lambda m: values.get(m.group(1), m.group(0)), template).strip()


@dataclass
class _Open:
    locator: str
    path: tuple[str, ...]
    start: int
    blocks: list[tuple[str, int]]
    block_counters: dict[int, int]
    heading_lines: int = 0  # lines that are only heading and title (a chapter line, say)
    ends_at: int | None = None  # an aside (footnote) closes where its page ends
    # the heading line runs on into text ("Sec. 3. Definition. For the purposes of this order, …"): a unit even
    # when that text fits on the one line
    runs_on: bool = False
    romans: dict[int, int] = field(default_factory=dict)  # per letter rule: roman sub-items since its last item


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
        if current.runs_on or any(line.strip() for line in body):
            blocks = _close_blocks(current.blocks, end, current.start)
            sections.append(Section(current.locator, current.path, current.start, end, blocks))

    unit_lines = _unit_heading_offsets(text, profile)
    next_block = _next_block_tokens(text, profile.blocks)
    interrupted: _Open | None = None  # the unit an aside (footnote) interrupted, resumed on the next page

    for offset, line in _lines(text):
        stripped = line.strip()
        if current.ends_at is not None and offset >= current.ends_at and interrupted is not None:
            close(offset)
            current = _Open(interrupted.locator, interrupted.path, offset, [], interrupted.block_counters)
            interrupted = None
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
            if match is None:
                continue
            page_end = _page_end(source.page_starts, offset, len(text))
            if rule.aside and (
                _followed_by_unit(unit_lines, offset, page_end)
                or page_end - offset > _ASIDE_SHARE * (page_end - _page_start(source.page_starts, offset))
            ):
                continue  # footnotes sit below a page's text: not before a heading, not in its upper half
            if not gates.accepts(i, rule, match):
                continue
            close(offset)
            if rule.aside:
                interrupted = interrupted if current.ends_at is not None else current
                label = _fill(rule.locator, match, "")
                current = _Open(label, (*(p for _, p in path), label), offset, [], {}, ends_at=page_end)
                break
            interrupted = None
            while path and path[-1][0] >= rule.level:
                path.pop()
            label = _fill(rule.locator, match, "", path[-1][1] if path else "")
            if rule.unit:
                current = _Open(label, (*(p for _, p in path), label), offset, [], {})
            else:
                path.append((rule.level, label))
                runs_on = bool(_RUNS_ON.search(stripped[match.end() :]))
                current = _Open(label, tuple(p for _, p in path), offset, [], {}, 1 + rule.title_lines, runs_on=runs_on)
            pending_title = (rule, rule.title_lines, match, i) if rule.title_lines else None
            # "Sec. 3. Implementation. (a) To effectuate …": the unit's first block runs on from its heading line
            if (first := _first_block_on(profile.blocks, current.locator, stripped[match.end() :])) is not None:
                at, bi, first_match = first
                current.block_counters[bi] = 1
                lead = len(line) - len(line.lstrip()) + match.end()
                current.blocks.append((_fill(profile.blocks[bi].suffix, first_match, ""), offset + lead + at))
            break
        else:
            for i, brule in _block_rule(profile.blocks, current.locator):
                bmatch = brule.pattern.match(stripped)
                if bmatch is None:
                    continue
                token = (bmatch.group(1) or "") if bmatch.groups() else ""
                if brule.letters:
                    if not _is_letter_item(token, current, i, next_block(i, offset)):
                        current.romans[i] = current.romans.get(i, 0) + 1
                        continue
                    current.romans[i] = 0
                prev = current.block_counters.get(i, 0)
                n = letter_index(token) if brule.letters else _next_in_sequence(token, prev, 1) if token else None
                if brule.sequential and n is None:
                    continue
                current.block_counters[i] = n or prev + 1
                current.blocks.append((_fill(brule.suffix, bmatch, ""), offset))
                break
    close(len(text))
    return tuple(sections)


def letter_index(token: str) -> int | None:
    """The place of a lettered item in a long list: a=1 … z=26, aa=27 … zz=52, aaa=53; None for other tokens."""
    t = token.lower()
    if not t.isascii() or not t.isalpha() or len(set(t)) != 1:
        return None
    return (len(t) - 1) * 26 + ord(t[0]) - ord("a") + 1


_ROMAN_ITEM = re.compile(r"^[ivx]+$")


def _is_letter_item(token: str, current: _Open, rule: int, following: str | None) -> bool:
    """A token made only of i/v/x reads both as a letter and as a roman sub-item: "(v)" after "(u)" and "(ii)" after
    "(hh)" continue the letters; "(ii)" after "(i)" is a roman sub-item that stays in the item before it. When both
    fit ("(i)" right after "(h)"), the marker after it decides: "(ii)" makes it the first roman sub-item."""
    roman = roman_to_int(token) if _ROMAN_ITEM.match(token.lower()) else None
    if roman is None:
        return True
    as_letter = letter_index(token) == current.block_counters.get(rule, 0) + 1
    as_roman = roman == current.romans.get(rule, 0) + 1
    if as_letter and as_roman:
        nxt = following.lower() if following else ""
        return not (_ROMAN_ITEM.match(nxt) and roman_to_int(nxt) == roman + 1 and letter_index(nxt) != roman + 1)
    return as_letter


def _next_block_tokens(text: str, rules: tuple[BlockRule, ...]) -> Callable[[int, int], str | None]:
    """`next_block(rule, offset)`: the token of the next line after `offset` that the letter rule matches."""
    found: dict[int, tuple[list[int], list[str]]] = {}
    for i, rule in enumerate(rules):
        if rule.letters:
            hits = [(off, m.group(1) or "") for off, line in _lines(text) if (m := rule.pattern.match(line.strip()))]
            found[i] = ([off for off, _ in hits], [tok for _, tok in hits])

    def next_block(rule: int, offset: int) -> str | None:
        offsets, tokens = found.get(rule, ([], []))
        k = bisect_right(offsets, offset)
        return tokens[k] if k < len(tokens) else None

    return next_block


def _first_block_on(rules: tuple[BlockRule, ...], locator: str, rest: str) -> tuple[int, int, re.Match[str]] | None:
    """The unit's first block when its heading line runs on into it ("Implementation. (a) To …" → "(a)"): where
    it starts in `rest`, its rule and match; only a first item ((a), (1)) after a sentence end counts."""
    for cut in re.finditer(r"[.:]\s+", rest):
        for i, rule in _block_rule(rules, locator):
            m = rule.pattern.match(rest[cut.end() :])
            token = (m.group(1) or "") if m and m.groups() else ""
            if m and (letter_index(token) == 1 if rule.letters else ordinal(token) == 1):
                return cut.end(), i, m
    return None


def _unit_heading_offsets(text: str, profile: Profile) -> list[int]:
    """Offsets of the lines an ordinary (non-aside) heading rule matches, gates aside: asides must not precede them."""
    rules = [r.pattern for r in profile.headings if not r.aside]
    if not any(r.aside for r in profile.headings):
        return []
    return [off for off, line in _lines(text) if any(rx.match(line.strip()) for rx in rules)]


_ASIDE_SHARE = 0.5  # an aside starts in the lower half of its page (by characters)


def _page_start(page_starts: tuple[int, ...], offset: int) -> int:
    i = bisect_right(page_starts, offset)
    return page_starts[i - 1] if i else 0


def _page_end(page_starts: tuple[int, ...], offset: int, end: int) -> int:
    i = bisect_right(page_starts, offset)
    return page_starts[i] if i < len(page_starts) else end


def _followed_by_unit(unit_lines: list[int], offset: int, page_end: int) -> bool:
    i = bisect_right(unit_lines, offset)
    return i < len(unit_lines) and unit_lines[i] < page_end


def _close_blocks(blocks: list[tuple[str, int]], end: int, start: int) -> tuple[tuple[str, int, int], ...]:
    # One block alone names nothing new unless text precedes it (an intro, then "(b)").
    if not blocks or (len(blocks) == 1 and blocks[0][1] <= start):
        return ()
    ends = [start for _, start in blocks[1:]] + [end]
    return tuple((suffix, start, stop) for (suffix, start), stop in zip(blocks, ends, strict=True))
