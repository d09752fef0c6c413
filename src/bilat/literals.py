"""Literal screens for compiled patterns: the words a pattern cannot match without.

A long alternation scanned with `search` or `finditer` costs the regex engine a try at every position
of the text (about a microsecond a character for the arms-transfer triggers), yet most sentences hold
none of the words its branches are made of. `required_literals(pattern)` reads the pattern's syntax tree
once and gives a set of lower-case strings such that every match contains at least one of them (or
None when it cannot tell); `Screened` looks for them first, all at once in the lower-cased text, and
runs the pattern only when one is there. The screen is looser than the
pattern, never stricter, so results are exactly the pattern's own: whatever the analysis does not
understand (a character class it cannot list, a back-reference, a construct of a later Python) counts
as "could be anything" and only weakens the screen.
"""
from __future__ import annotations

import re
from functools import reduce

from bilat.textutil import alternation

try:  # the parser behind re.compile: private, so the screen turns itself off if it ever moves
    from re import _constants as _C
    from re import _parser as _P
except ImportError:  # pragma: no cover - a Python that reorganised re
    _P = _C = None

# Non-ASCII characters that re.IGNORECASE takes for an ASCII letter, and str.lower() does not turn into that
# letter alone (tests/test_literals.py derives the table again from re itself). Mapped before lower-casing, a
# text that the pattern matches ignoring case still holds the literal.
_AS_ASCII = str.maketrans({"İ": "i", "ı": "i", "ſ": "s"})
_AS_ASCII_PAIRS = tuple((chr(k), v) for k, v in _AS_ASCII.items())
_MAX_STRINGS = 256  # past this many spellings a part is "could be anything" (products grow fast)
_MIN_LENGTH = 3  # a screen of one- or two-letter strings lets nearly every text through: not worth its cost
_MAX_SCREEN = 512  # a screen is one more pattern (a trie of its strings): past this size it stops being cheap


_last: tuple[str, str] = ("", "")  # the text last screened and its screen form: cues are tried one after another on one sentence


def screen_text(text: str) -> str:
    """The form of a text the screens read: lower case, the few letters re takes for ASCII ones made ASCII."""
    global _last
    last = _last  # read once: another thread may replace it
    if text is last[0]:
        return last[1]
    low = text
    if not text.isascii():
        for ch, ascii_ in _AS_ASCII_PAIRS:
            if ch in low:  # seldom: a translate would look up every character of every text with a curly quote
                low = low.replace(ch, ascii_)
    low = low.lower()
    _last = (text, low)
    return low


def required_literals(pattern: re.Pattern) -> frozenset[str] | None:
    """Lower-case strings one of which every match of pattern contains, or None when there is no useful such set."""
    return _required(pattern.pattern, pattern.flags)


def _required(pattern: str, flags: int) -> frozenset[str] | None:
    if _P is None:
        return None
    try:
        tree = _P.parse(pattern, flags)
        _, needed = _Analysis().sequence(tree)
    except Exception:  # noqa: BLE001 - any surprise in a private parse tree: no screen, the pattern runs as ever
        return None
    if not needed:
        return None
    needed = _minimal(needed)
    if min(map(len, needed)) < _MIN_LENGTH or len(needed) > _MAX_SCREEN:
        return None
    return needed


_DIGIT = re.compile(r"\d")  # any digit: lower-casing leaves digits as they are, so it reads the screen form alike


def needs_digit(pattern: re.Pattern) -> bool:
    """Whether every match of pattern holds a digit (`\\d`, `[0-9]`, `5`): a pattern with no literals may still need one."""
    if _P is None:
        return False
    try:
        return _digit_in_sequence(_P.parse(pattern.pattern, pattern.flags))
    except Exception:  # noqa: BLE001 - as in required_literals: whatever is not understood needs nothing
        return False


def _digit_in_sequence(items) -> bool:
    return any(_digit_in_item(op, av) for op, av in items)


def _digit_in_item(op, av) -> bool:
    C = _C
    if op is C.LITERAL:
        return chr(av) in "0123456789"
    if op is C.IN:  # every character the class takes is a digit
        return bool(av) and all((o is C.LITERAL and chr(a) in "0123456789") or (o is C.RANGE and 48 <= a[0] <= a[1] <= 57)
                                or (o is C.CATEGORY and a is C.CATEGORY_DIGIT) for o, a in av)
    if op is C.SUBPATTERN:
        return _digit_in_sequence(av[3])
    if op is getattr(C, "ATOMIC_GROUP", None):
        return _digit_in_sequence(av)
    if op is C.BRANCH:
        return all(_digit_in_sequence(alt) for alt in av[1])
    if op in (C.MAX_REPEAT, C.MIN_REPEAT, getattr(C, "POSSESSIVE_REPEAT", None)):
        return av[0] >= 1 and _digit_in_sequence(av[2])
    return False  # zero-width assertions ask, they do not consume; anything else could be anything


def _minimal(strings: frozenset[str]) -> frozenset[str]:
    """The same requirement with fewer strings: one that contains another is implied by it ("deal for" by "deal")."""
    kept: list[str] = []
    for s in sorted(strings, key=len):
        if not any(k in s for k in kept):
            kept.append(s)
    return frozenset(kept)


def _best(candidates: list[frozenset[str]]) -> frozenset[str] | None:
    """Of several sets each of which a match needs, the one that lets fewest texts through: longest shortest string."""
    usable = [c for c in candidates if c and "" not in c]
    return max(usable, key=lambda c: (min(map(len, c)), -len(c)), default=None)


class _Analysis:
    """For each node of a parse tree: `exact`, every string it can match (lower case), when few and all ASCII, else
    None; and `needed`, a set of strings one of which any match of it contains, else None."""

    def sequence(self, items) -> tuple[set[str] | None, frozenset[str] | None]:
        candidates: list[frozenset[str]] = []
        run: set[str] | None = {""}  # the spellings of the items since the last one that could be anything
        whole = True  # no item broke the run: run is the sequence's exact set
        for op, av in items:
            exact, needed = self.item(op, av)
            if needed is not None:
                candidates.append(needed)
            if run is not None and exact is not None and len(run) * len(exact) <= _MAX_STRINGS:
                run = {a + b for a in run for b in exact}
                continue
            if run is not None:
                candidates.append(frozenset(run))
            whole = False
            run = set(exact) if exact is not None else None
        if run is not None:
            candidates.append(frozenset(run))
        return (run if whole else None), _best(candidates)

    def item(self, op, av) -> tuple[set[str] | None, frozenset[str] | None]:
        C = _C
        if op is C.LITERAL:
            return ({chr(av).lower()} if av < 128 else None), None
        if op is C.IN:
            chars: set[str] = set()
            for o, a in av:
                if o is C.LITERAL and a < 128:
                    chars.add(chr(a).lower())
                elif o is C.RANGE and a[1] < 128 and a[1] - a[0] < 32:
                    chars.update(chr(x).lower() for x in range(a[0], a[1] + 1))
                else:
                    return None, None  # a category, a negation, a non-ASCII letter: could be anything
            return chars, None
        if op in (C.AT, C.ASSERT, C.ASSERT_NOT):
            return {""}, None  # zero width: what a look-around asks for is not counted
        if op is C.SUBPATTERN:
            return self.whole(av[3])
        if op is getattr(C, "ATOMIC_GROUP", None):
            return self.whole(av)
        if op is C.BRANCH:
            parts = [self.whole(alt) for alt in av[1]]
            exacts = [e for e, _ in parts]
            exact = None
            if all(e is not None for e in exacts) and sum(map(len, exacts)) <= _MAX_STRINGS:
                exact = set().union(*exacts)
            neededs = [n for _, n in parts]
            needed = reduce(frozenset.union, neededs) if all(n is not None for n in neededs) else None
            return exact, needed
        if op in (C.MAX_REPEAT, C.MIN_REPEAT, getattr(C, "POSSESSIVE_REPEAT", None)):
            low, high, sub = av
            exact, needed = self.whole(sub)
            if low == 0:
                return ((exact | {""}) if high == 1 and exact is not None else None), None
            return (exact if low == high == 1 else None), needed
        return None, None  # ANY, NOT_LITERAL, back-references, conditionals …: could be anything

    def whole(self, items) -> tuple[set[str] | None, frozenset[str] | None]:
        exact, needed = self.sequence(items)
        if needed is None and exact is not None and "" not in exact:
            needed = frozenset(exact)
        return exact, needed


_FEW = 40  # up to this many strings, `in` for each is quicker than one trie of them run by the regex engine
# (callgrind over bench articles: 12 → 40 cut 1.4% of extraction, 64 and more cost again: the engine tries a trie at
# most places of a text, `in` skips along it)


class _Substrings:
    """A screen of a few strings, looked for one by one with `in` (a trie pattern starting with a common letter is
    tried at most places of a text; `in` skips along it in C)."""

    def __init__(self, strings):
        self._strings = tuple(sorted(strings))

    def search(self, low: str):
        for s in self._strings:
            if s in low:
                return True
        return None


class Screened:
    """A compiled pattern whose scanning calls (search, finditer, findall, sub) first look for its required literals
    (all at once: one trie of them, case-sensitive over the lower-cased text, which the regex engine skips through fast).

    The literals are worked out at the first scan, so patterns only ever matched at one position (match,
    fullmatch: straight to the pattern) cost nothing to load; a pattern with no useful literals then scans
    with its own methods. Everything else a re.Pattern has is the pattern's own.
    """

    def __init__(self, rx: re.Pattern):
        self._rx = rx
        self._screen: re.Pattern | None = None
        self.pattern, self.flags, self.groups, self.groupindex = rx.pattern, rx.flags, rx.groups, rx.groupindex
        self.match, self.fullmatch = rx.match, rx.fullmatch
        for name in ("search", "finditer", "findall", "sub"):
            setattr(self, name, getattr(self, "_first_" + name))

    def _first(self, name: str):
        """At the first scan: the screen, and from then on the method that scans (screened or plain)."""
        needed = required_literals(self._rx)
        if needed:
            self._screen = _Substrings(needed) if len(needed) <= _FEW else re.compile(alternation(needed))
        elif needs_digit(self._rx):  # "79 joint activities": a text without a digit is turned away as cheaply
            self._screen, needed = _DIGIT, True
        for each in ("search", "finditer", "findall", "sub"):
            setattr(self, each, getattr(self, "_screened_" + each) if needed else getattr(self._rx, each))
        return getattr(self, name)

    def _first_search(self, *args):
        return self._first("search")(*args)

    def _first_finditer(self, *args):
        return self._first("finditer")(*args)

    def _first_findall(self, *args):
        return self._first("findall")(*args)

    def _first_sub(self, *args):
        return self._first("sub")(*args)

    def _screened_search(self, text: str, *pos):
        return None if self._screen.search(screen_text(text)) is None else self._rx.search(text, *pos)

    def _screened_finditer(self, text: str, *pos):
        return iter(()) if self._screen.search(screen_text(text)) is None else self._rx.finditer(text, *pos)

    def _screened_findall(self, text: str, *pos):
        return [] if self._screen.search(screen_text(text)) is None else self._rx.findall(text, *pos)

    def _screened_sub(self, repl, text: str, count: int = 0):
        return text if self._screen.search(screen_text(text)) is None else self._rx.sub(repl, text, count)

    def __getattr__(self, name):
        return getattr(self._rx, name)

    def __repr__(self) -> str:
        return f"Screened({self._rx!r})"


def screened(rx: re.Pattern) -> Screened:
    """The pattern with a literal screen in front of its scans (worked out when it first scans)."""
    return Screened(rx)


def by_parts(rx: re.Pattern, head: str, parts: list[str], tail: str) -> AlternationPattern | Screened:
    """rx, compiled from head + the parts as `(?:part)|(?:part)…` + tail, scanned with only the parts a text holds the
    words of (an Alternatives group of its own), where that finds exactly rx's matches: the head (all but its closing
    `(?:`) chooses nothing, so at any place the first part that matches is rx's match there, and rx has no groups.
    Otherwise rx screened as a whole. (A part without words it cannot match without is tried on every text; the parts'
    words are worked out at the first scan, as a screen's are.)"""
    if rx.groups or not head.endswith("(?:") or not _zero_width(head[:-3], rx.flags):
        return screened(rx)
    return Alternatives().add(rx, head, parts, tail)


def _zero_width(pattern: str, flags: int) -> bool:
    """Whether pattern only asks (\\b, look-arounds) and consumes nothing, so it leaves no choice to backtrack into."""
    if _P is None:
        return False
    try:
        return all(op in (_C.AT, _C.ASSERT, _C.ASSERT_NOT) for op, _av in _P.parse(pattern, flags))
    except Exception:  # noqa: BLE001 - as in required_literals: whatever is not understood is no such pattern
        return False


class Alternatives:
    """Patterns that are each one alternation of many parts (`\\b(?:(?:a)|(?:b)|…)\\b`: every trigger of an event type),
    asked of the same texts one after another (every clause, for every type).

    A part whose required literals a text lacks cannot take part in any match there, so the alternation of the other
    parts, in their order, finds exactly the same matches at the same places, with fewer parts to try at every word.
    One scan of the lower-cased text for the literals of all parts of all the patterns (kept for the last text, which
    the next pattern asks about) tells which parts could match; a pattern none of whose parts could is not run.
    """

    def __init__(self):
        self.members: list[AlternationPattern] = []
        self._finder: re.Pattern | None = None
        self._masks: dict[str, int] = {}  # a literal found → the parts that hold it or a literal it begins with
        self._always = 0  # parts without a useful set of literals: they are always tried
        self._built = 0  # how many members the finder knows
        self._last: tuple[str | None, int] = (None, 0)

    def add(self, rx: re.Pattern, head: str, parts: list[str], tail: str) -> AlternationPattern:
        """rx, which must be compiled from head + the parts as `(?:part)|(?:part)…` + tail, with its scans pruned."""
        member = AlternationPattern(self, rx, head, parts, tail, sum(len(m.parts) for m in self.members))
        self.members.append(member)
        return member

    def _build(self) -> None:
        by_literal: dict[str, int] = {}
        always = 0
        for member in self.members:
            for k, part in enumerate(member.parts):
                bit = 1 << (member.first_bit + k)
                needed = _required(member.head + f"(?:{part})" + member.tail, member.flags)
                if needed is None:
                    always |= bit
                    continue
                for literal in needed:
                    by_literal[literal] = by_literal.get(literal, 0) | bit
        masks = {}
        for literal in by_literal:  # a literal found also holds every shorter literal it begins with
            masks[literal] = 0
            for n in range(1, len(literal) + 1):
                masks[literal] |= by_literal.get(literal[:n], 0)
        self._finder = re.compile(alternation(by_literal)) if by_literal else None
        self._masks, self._always, self._built = masks, always, len(self.members)
        self._last = (None, 0)

    def finditer_each(self, text: str) -> list[list[re.Match]]:
        """Every member's matches in text, members in the order added: `[list(m.finditer(text)) for m in members]`,
        with one call, and none to the engine for a member none of whose parts could match."""
        found = None
        out = []
        for member in self.members:
            if member.groups:
                out.append(list(member.finditer(text)))
                continue
            if found is None:
                found = self.possible(text)
            out.append(member.matches_for(found, text))
        return out

    def possible(self, text: str) -> int:
        """The parts (as bits) that could match somewhere in text."""
        last = self._last
        if text is last[0]:
            return last[1]
        if self._built != len(self.members):
            self._build()
        found = self._always
        if self._finder is not None:
            low, finder, masks = screen_text(text), self._finder, self._masks
            # The trie gives the longest literal starting at each place where one starts: every place, one by one.
            m = finder.search(low)
            while m is not None:
                found |= masks[m.group()]
                m = finder.search(low, m.start() + 1)
        self._last = (text, found)
        return found


class AlternationPattern:
    """One pattern of an Alternatives group: its scanning calls (search, finditer, findall, sub) run the alternation of
    only the parts that could match the text; everything else is the whole pattern's own.

    search and finditer do not compile that alternation: they run each part's own pattern (head + part + tail, compiled
    once) and take, at the leftmost place where any matches, the first part in order that does, which is what the
    alternation takes there. A clause's possible parts differ from clause to clause, and compiling (parsing, in Python)
    an alternation for each new set cost more than the scans it saved."""

    _MAX_KEPT = 4096  # alternations of some of the parts, compiled as texts ask for them; bounded, whatever the corpus

    def __init__(self, group: Alternatives, rx: re.Pattern, head: str, parts: list[str], tail: str, first_bit: int):
        whole = head + "|".join(f"(?:{p})" for p in parts) + tail
        if whole != rx.pattern:
            raise ValueError("the pattern is not its head, parts and tail")
        self._group, self._rx = group, rx
        self.head, self.parts, self.tail, self.first_bit = head, list(parts), tail, first_bit
        self._all = (1 << len(parts)) - 1
        self._some: dict[int, re.Pattern] = {}
        self._one: list[re.Pattern | None] = [None] * len(parts)  # each part alone, compiled when first asked for
        self.pattern, self.flags, self.groups, self.groupindex = rx.pattern, rx.flags, rx.groups, rx.groupindex
        self.match, self.fullmatch = rx.match, rx.fullmatch
        if rx.groups:  # a part's groups would be numbered otherwise without the parts before it: scan whole
            self.search, self.finditer, self.findall, self.sub = rx.search, rx.finditer, rx.findall, rx.sub

    @property
    def group(self) -> Alternatives:
        return self._group

    def _for(self, text: str) -> re.Pattern | None:
        """The alternation of the parts that could match text (the whole pattern when all could), or None."""
        return self.pattern_for(self._group.possible(text))

    def pattern_for(self, possible: int) -> re.Pattern | None:
        """The alternation of the parts whose bits are set in possible (the group's, as Alternatives.possible gives
        them): the whole pattern when all are, None when none is."""
        kept = (possible >> self.first_bit) & self._all
        if kept == self._all:
            return self._rx
        if not kept:
            return None
        rx = self._some.get(kept)
        if rx is None:
            if len(self._some) >= self._MAX_KEPT:
                self._some.clear()
            parts = [p for k, p in enumerate(self.parts) if kept >> k & 1]
            rx = self._some[kept] = re.compile(self.head + "|".join(f"(?:{p})" for p in parts) + self.tail, self.flags)
        return rx

    def _part(self, k: int) -> re.Pattern:
        rx = self._one[k]
        if rx is None:
            rx = self._one[k] = re.compile(self.head + f"(?:{self.parts[k]})" + self.tail, self.flags)
        return rx

    @staticmethod
    def _indexes(kept: int) -> list[int]:
        out = []
        while kept:
            low = kept & -kept
            out.append(low.bit_length() - 1)
            kept ^= low
        return out

    def matches_for(self, possible: int, text: str, *pos) -> list[re.Match]:
        """`list(pattern_for(possible).finditer(text, *pos))`, from the parts' own patterns."""
        kept = (possible >> self.first_bit) & self._all
        if kept == self._all:
            return list(self._rx.finditer(text, *pos))
        ks = self._indexes(kept)
        if len(ks) <= 1:
            return list(self._part(ks[0]).finditer(text, *pos)) if ks else []
        first: dict[int, re.Match] = {}  # each place where a part matches → the match of the first such part
        start, rest = (pos[0], pos[1:]) if pos else (0, ())
        for k in ks:
            rx = self._part(k)
            m = rx.search(text, start, *rest)
            while m is not None:
                if m.end() == m.start():  # an empty match: finditer's rules for what follows it are the alternation's
                    return list(self.pattern_for(possible).finditer(text, *pos))
                first.setdefault(m.start(), m)
                m = rx.search(text, m.start() + 1, *rest)
        out, at = [], start
        for place in sorted(first):  # the alternation's scan: the leftmost match, then on from its end
            if place >= at:
                m = first[place]
                out.append(m)
                at = m.end()
        return out

    def search(self, text: str, *pos):
        kept = (self._group.possible(text) >> self.first_bit) & self._all
        if kept == self._all:
            return self._rx.search(text, *pos)
        best = None
        for k in self._indexes(kept):
            m = self._part(k).search(text, *pos)
            if m is not None and (best is None or m.start() < best.start()):  # a tie goes to the earlier part
                best = m
        return best

    def finditer(self, text: str, *pos):
        return iter(self.matches_for(self._group.possible(text), text, *pos))

    def findall(self, text: str, *pos):
        rx = self._for(text)
        return [] if rx is None else rx.findall(text, *pos)

    def sub(self, repl, text: str, count: int = 0):
        rx = self._for(text)
        return text if rx is None else rx.sub(repl, text, count)

    def __getattr__(self, name):
        return getattr(self._rx, name)

    def __repr__(self) -> str:
        return f"AlternationPattern({self._rx!r})"
