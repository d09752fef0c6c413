"""Literal screens (bilat.literals): a screened pattern finds exactly what the pattern finds, only faster."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bilat import literals, rulebook
from bilat.literals import Screened, required_literals, screen_text

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
    plain = rx._rx if isinstance(rx, Screened) else rx
    screened = Screened(plain)
    for text in SENTENCES:
        _same(plain, screened, text)
        _same(plain, screened, text.upper())  # the screen reads case as the pattern does


@settings(max_examples=150)
@given(st.sampled_from(sorted(PATTERNS)), st.data())
def test_screen_never_turns_away_a_text_the_pattern_matches(name, data):
    plain = PATTERNS[name]._rx if isinstance(PATTERNS[name], Screened) else PATTERNS[name]
    needed = sorted(required_literals(plain) or ["defence"])
    # Texts made of the pattern's own words, in any case, with the letters re.I takes for ASCII ones mixed in.
    words = st.sampled_from(needed + ["the", "Kenya", "and", "signed", "ſ", "İ", "ı", "K", ",", "2024", " "])
    pieces = data.draw(st.lists(words, min_size=1, max_size=12))
    text = " ".join(p.upper() if data.draw(st.booleans()) else p for p in pieces)
    _same(plain, Screened(plain), text)
