"""Literal screens (bilat.literals): a screened pattern finds exactly what the pattern finds, only faster."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bilat import literals, rulebook
from bilat.literals import AlternationPattern, Alternatives, Screened, required_literals, screen_text

HERE = Path(__file__).parent
BOOK = rulebook.load()
PATTERNS = {**{f"cue {name}": rx for name, rx in BOOK._cues.items()}, **{f"trigger {e.type}": e.trigger for e in BOOK.events}}
SENTENCES = ([s for e in BOOK.events for s in e.positive + e.negative]
             + [line for folder in ("fresh", "fresh4") for path in sorted((HERE / folder).glob("*.txt"))
                for line in path.read_text(encoding="utf-8").splitlines() if line.strip()])


def test_the_ascii_table_is_what_re_ignorecase_takes_for_ascii_letters():
    found = {}
    letter = re.compile("[a-z]", re.I)
    for code in range(128, 0x110000):
        ch = chr(code)
        if letter.fullmatch(ch) and ch.lower() not in "abcdefghijklmnopqrstuvwxyz":
            found[ch] = next(a for a in "abcdefghijklmnopqrstuvwxyz" if re.fullmatch(a, ch, re.I))
    assert {chr(k): v for k, v in literals._AS_ASCII.items()} == found


@pytest.mark.parametrize(("pattern", "flags", "needed"), [
    (r"\bdeals?\b", re.I, {"deal"}),
    (r"(?:was|were) (?:warmly )?welcomed", 0, {"was welcomed", "was warmly welcomed", "were welcomed", "were warmly welcomed"}),
    (r"sign(?:s|ed)?(?=.*\btreaty\b)", re.I, {"sign"}),  # a look-ahead asks, but is not counted
    (r"(?:purchas\w*|bought)", re.I, {"purchas", "bought"}),
    (r"[Tt]he\s+(?:\w+\s+)?plan", 0, {"plan"}),  # the longest part that must be there
    (r"\w+ arrived", 0, {" arrived"}),
])
def test_required_literals(pattern, flags, needed):
    assert required_literals(re.compile(pattern, flags)) == needed


@pytest.mark.parametrize("pattern", [
    r"\w+", r"deal|\d+", r"(a)b\1", r"[^x]yz", r"ab", r"(?:deal)?", r"é[a-z]+",  # could be anything, or too short
])
def test_no_screen_where_nothing_is_sure(pattern):
    assert required_literals(re.compile(pattern, re.I)) is None


def test_screen_text_lowers_and_reads_what_ignorecase_reads_as_ascii():
    assert screen_text("DİD ſign \u212aİt") == "did sign kit"  # the Kelvin sign lowers to k by itself
    assert screen_text("Signed") == "signed"


def _same(rx: re.Pattern, screened: Screened, text: str) -> None:
    assert [m.span() for m in rx.finditer(text)] == [m.span() for m in screened.finditer(text)], (rx.pattern[:80], text)


def test_each_scanning_call_is_the_patterns_own():
    rx = re.compile(r"\b(?:signed|inked)\s+(a|an)\b", re.I)
    for text in ("Kenya SIGNED a pact and inked an accord", "no such words", "Signed in"):
        screened = Screened(rx)
        assert (screened.search(text) and screened.search(text).span()) == (rx.search(text) and rx.search(text).span())
        assert screened.findall(text) == rx.findall(text)
        assert screened.sub("_", text) == rx.sub("_", text)
        assert screened.search(text, 10) == rx.search(text, 10) or screened.search(text, 10).span() == rx.search(text, 10).span()


@pytest.mark.parametrize("name", sorted(PATTERNS))
def test_every_rule_pattern_screened_finds_what_it_finds(name):
    rx = PATTERNS[name]
    plain = rx._rx if isinstance(rx, (Screened, AlternationPattern)) else rx
    screened = Screened(plain)
    for text in SENTENCES:
        _same(plain, screened, text)
        _same(plain, screened, text.upper())  # the screen reads case as the pattern does


@settings(max_examples=150)
@given(st.sampled_from(sorted(PATTERNS)), st.data())
def test_screen_never_turns_away_a_text_the_pattern_matches(name, data):
    plain = PATTERNS[name]._rx if isinstance(PATTERNS[name], (Screened, AlternationPattern)) else PATTERNS[name]
    needed = sorted(required_literals(plain) or ["defence"])
    # Texts made of the pattern's own words, in any case, with the letters re.I takes for ASCII ones mixed in.
    words = st.sampled_from(needed + ["the", "Kenya", "and", "signed", "ſ", "İ", "ı", "K", ",", "2024", " "])
    pieces = data.draw(st.lists(words, min_size=1, max_size=12))
    text = " ".join(p.upper() if data.draw(st.booleans()) else p for p in pieces)
    _same(plain, Screened(plain), text)


def _same_matches(whole: re.Pattern, pruned, text: str, *pos) -> None:
    assert [(m.span(), m.group(0)) for m in whole.finditer(text, *pos)] == \
        [(m.span(), m.group(0)) for m in pruned.finditer(text, *pos)], (whole.pattern[:80], text)


def test_triggers_tried_by_their_words_find_what_every_trigger_finds():
    triggers = [e.trigger for e in BOOK.events]
    assert all(isinstance(t, AlternationPattern) for t in triggers)
    for text in SENTENCES:
        for variant in (text, text.upper()):
            for t in triggers:  # one type after another on the same text, as extraction asks
                _same_matches(t._rx, t, variant)
                _same_matches(t._rx, t, variant, len(variant) // 3)
                assert bool(t.search(variant)) == bool(t._rx.search(variant))


@settings(max_examples=150)
@given(st.data())
def test_a_part_is_left_out_only_where_it_cannot_match(data):
    triggers = [e.trigger for e in BOOK.events]
    words = sorted(set().union(*(literals._required(t.head + f"(?:{p})" + t.tail, t.flags) or set()
                                 for t in triggers for p in t.parts)))
    pieces = data.draw(st.lists(st.sampled_from(words + ["the", "Kenya", "and", "ſ", "İ", "K", ",", "2024"]), min_size=1, max_size=12))
    text = " ".join(p.upper() if data.draw(st.booleans()) else p for p in pieces)
    for t in triggers:
        _same_matches(t._rx, t, text)


def test_alternatives_keep_parts_without_words_and_patterns_with_groups_whole():
    group = Alternatives()
    head, tail = r"\b(?:", r")\b"
    parts = [r"signed", r"\w+ed", r"(?:held|hold) talks"]
    plain = group.add(re.compile(head + "|".join(f"(?:{p})" for p in parts) + tail, re.I), head, parts, tail)
    grouped_parts = [r"(met)", r"visited"]
    grouped = group.add(re.compile(head + "|".join(f"(?:{p})" for p in grouped_parts) + tail, re.I), head, grouped_parts, tail)
    for text in ("They HELD TALKS and signed", "nothing here", "it rained", "Ministers met and visited"):
        _same_matches(plain._rx, plain, text)
        _same_matches(grouped._rx, grouped, text)
        assert plain.findall(text) == plain._rx.findall(text) and plain.sub("_", text) == plain._rx.sub("_", text)
        assert grouped.findall(text) == grouped._rx.findall(text)
    with pytest.raises(ValueError):
        group.add(re.compile("signed|met"), head, ["signed", "met"], tail)


@pytest.mark.parametrize(("pattern", "needs"), [
    (r"\d+", True), (r"x?\d", True), (r"(?:19|20)\d\d", True), (r"\$?€?\d[\d,.]*(?:\s*million)?", True), (r"[0-5]", True),
    (r"(?:\d|a)", False), (r"\d*", False), (r"[0-9a]", False), (r"(?=\d)a", False), (r"[^0-9]", False), (r"(?:|\d)", False),
])
def test_a_pattern_without_literals_may_still_need_a_digit(pattern, needs):
    assert literals.needs_digit(re.compile(pattern)) is needs
    screened = Screened(re.compile(pattern))
    for text in ("79 joint activities", "no number at all", "٣ Arabic-Indic three", "Mid-2024", ""):
        _same(re.compile(pattern), screened, text)


# Parts that overlap, begin alike, reach past one another and need the tail's \b to settle, or can match nothing.
_TRICKY = [r"sign", r"signed(?: an?)?", r"an? agreement", r"agree\w*", r"(?<!not )agreed to", r"\w+ment", r"ed an",
           r"deal(?:s)?", r"x?", r"signed an agreement on \w+"]
_TRICKY_WORDS = ["sign", "signed", "signs", "an", "a", "agreement", "agreements", "agreed", "not", "to", "deal", "deals",
                 "on", "defence", "ed", "x", "", ",", "Signed"]


_TRICKY_TEXTS = ["They signed an agreement on defence, and agreed to a deal", "we agreed to it; not agreed to, agreements",
                 "Signed a deals x signs an ed an agreement", "SIGNED AN AGREEMENT ON DRILLS and signed", "nothing", ""]


def test_the_parts_own_patterns_find_what_the_alternation_of_those_parts_finds():
    group = Alternatives()
    head, tail = r"\b(?:", r")\b"
    member = group.add(re.compile(head + "|".join(f"(?:{p})" for p in _TRICKY) + tail, re.I), head, _TRICKY, tail)
    for kept in range(1 << len(_TRICKY)):  # every set of parts a clause could hold the words of
        alternation = member.pattern_for(kept)
        for text in _TRICKY_TEXTS:
            for pos in ((), (len(text) // 3,), (2, max(2, len(text) - 3))):
                expected = [] if alternation is None else [(m.span(), m.group(0)) for m in alternation.finditer(text, *pos)]
                assert [(m.span(), m.group(0)) for m in member.matches_for(kept, text, *pos)] == expected, (kept, text, pos)


@settings(max_examples=200)
@given(st.lists(st.booleans(), min_size=len(_TRICKY), max_size=len(_TRICKY)),
       st.lists(st.sampled_from(_TRICKY_WORDS), max_size=14))
def test_the_parts_own_patterns_find_what_the_alternation_finds_in_any_words(bits, words):
    group = Alternatives()
    head, tail = r"\b(?:", r")\b"
    member = group.add(re.compile(head + "|".join(f"(?:{p})" for p in _TRICKY) + tail, re.I), head, _TRICKY, tail)
    kept, text = sum(1 << k for k, b in enumerate(bits) if b), " ".join(words)
    alternation = member.pattern_for(kept)
    expected = [] if alternation is None else [(m.span(), m.group(0)) for m in alternation.finditer(text)]
    assert [(m.span(), m.group(0)) for m in member.matches_for(kept, text)] == expected


def test_a_part_alone_and_the_parts_of_a_clause_search_as_the_alternation_does():
    group = Alternatives()
    head, tail = r"\b(?:", r")\b"
    member = group.add(re.compile(head + "|".join(f"(?:{p})" for p in _TRICKY[:-3] + _TRICKY[-1:]) + tail, re.I),
                       head, _TRICKY[:-3] + _TRICKY[-1:], tail)
    for text in ("They signed an agreement on defence and agreed to a deal", "not agreed to; signs", "nothing", "SIGNED A"):
        for pos in ((), (5,), (3, 20)):
            found, whole = member.search(text, *pos), member._rx.search(text, *pos)
            assert (found and (found.span(), found.group(0))) == (whole and (whole.span(), whole.group(0)))
            _same_matches(member._rx, member, text, *pos)


def test_a_cue_made_of_one_long_set_finds_what_the_cue_as_written_finds():
    cues = {name: rx for name, rx in BOOK._cues.items() if isinstance(rx, AlternationPattern)}
    assert {"happened", "intention"} <= set(cues)  # the long sets of doing and intending words
    for name, rx in cues.items():
        spec = BOOK.cue_specs[name]
        written = re.compile(BOOK.expand(spec["pattern"]), re.I if spec.get("ignore_case") else 0)
        for text in SENTENCES[::3]:
            for variant in (text, text.upper()):
                _same_matches(written, rx, variant)
                _same_matches(written, rx, variant, len(variant) // 3)
                found, whole = rx.search(variant), written.search(variant)
                assert (found and found.span()) == (whole and whole.span()), (name, variant)


@pytest.mark.parametrize(("head", "parts", "kind"), [
    (r"\b(?<!not )(?:", ["signed", "agreed"], AlternationPattern),  # asks, consumes nothing: each part decides alone
    (r"\b(?:", ["(signed)", "agreed"], Screened),  # a group would be numbered otherwise in a part alone
    (r"\w+ (?:", ["signed", "agreed"], Screened),  # a head that can match more ways than one: its choice comes first
    (r"\b(?:the )?(?:", ["deal", "pact"], Screened),
])
def test_a_pattern_is_scanned_by_its_parts_only_where_that_is_exact(head, parts, kind):
    rx = re.compile(head + "|".join(f"(?:{p})" for p in parts) + r")\b", re.I)
    assert type(literals.by_parts(rx, head, parts, r")\b")) is kind
