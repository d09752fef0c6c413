"""Speed refactors that must find exactly what the plain forms they replace found."""
import random
import re
from pathlib import Path

from bilat.extract.quotes import _single_spans
from bilat.textutil import alternation

WORDS = ["Guinea", "Guinea-Bissau", "Papua New Guinea", "New", "Niger", "Nigeria", "U.S", "U.S.", "Dominica", "Dominican Republic"]


def _plain(words):
    return re.compile(r"(?<![A-Za-z0-9])(?:" + "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)) + r")(?![A-Za-z0-9])")


def test_the_trie_alternation_matches_what_the_longest_first_alternation_matches():
    trie = re.compile(r"(?<![A-Za-z0-9])(?:" + alternation(WORDS) + r")(?![A-Za-z0-9])")
    rng = random.Random(9)
    pieces = WORDS + [" ", "-", "s", "x", ".", "A", "n"]
    for _ in range(3000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 8)))
        assert [m.span() for m in trie.finditer(text)] == [m.span() for m in _plain(WORDS).finditer(text)], text


def _single_spans_char_by_char(text, inside):
    """The loop _single_spans replaced: every character looked at in Python."""
    spans, i = [], 0
    while i < len(text):
        prev = text[i - 1] if i else " "
        nxt = text[i + 1] if i + 1 < len(text) else " "
        if text[i] in "‘'" and (prev.isspace() or prev in "([—–-:") and (nxt.isalnum() or nxt in "$€£") \
                and not any(s <= i < e for s, e in inside):
            for j in range(i + 2, len(text)):
                after = text[j + 1] if j + 1 < len(text) else " "
                if text[j] in "’'" and not text[j - 1].isspace() and not after.isalnum():
                    spans.append((i, j + 1))
                    i = j
                    break
        i += 1
    return spans


def test_single_quoted_spans_are_those_the_character_loop_found():
    rng = random.Random(9)
    for _ in range(20000):
        text = "".join(rng.choice("ab ‘'’ (-:$.,") for _ in range(rng.randint(0, 14)))
        inside = [(rng.randint(0, 5), rng.randint(3, 10))] if rng.random() < 0.3 else []
        assert _single_spans(text, inside) == _single_spans_char_by_char(text, inside), (text, inside)


def _fold_char_by_char(text):
    """The loop fold_same_length replaced."""
    import unicodedata

    from bilat.textutil import _QUOTES, _SPECIAL

    if text.isascii():
        return text
    out = []
    for ch in text.translate(_SPECIAL).translate(_QUOTES):
        base = unicodedata.normalize("NFKD", ch) if ord(ch) >= 128 else ch
        out.append(base[0] if base and ord(base[0]) < 128 else ch)
    return "".join(out)


def test_folding_by_table_is_folding_character_by_character():
    from bilat.textutil import fold_same_length

    rng = random.Random(9)
    alphabet = [chr(c) for c in [*range(32, 127), *range(0xA0, 0x250), 0x2018, 0x2019, 0x201C, 0x201D, 0x201E, 0xFB01, 0x212A]]
    for _ in range(5000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 12)))
        assert fold_same_length(text) == _fold_char_by_char(text), text


def test_folding_a_few_characters_by_replacing_them_is_folding_by_table():
    """Most copy holds a few distinct non-ASCII characters: fold_same_length replaces each instead of translating."""
    from bilat.textutil import fold_same_length

    rng = random.Random(9)
    for _ in range(5000):
        text = "".join(rng.choice("ab `'“”‘’—–éçİıſßØﬁ€") for _ in range(rng.randint(0, 16)))
        assert fold_same_length(text) == _fold_char_by_char(text), text


def test_a_speaker_phrase_before_a_quote_is_looked_for_from_after_the_last_stop():
    """quotes._before tries "X said:" from after the last full stop, semicolon or inner comma: the same match."""
    from bilat.extract import quotes

    pattern = re.compile(rf"(?P<who>[^,.;]{{1,80}}?)\s+(?:\w+ly\s+)?{quotes._speech()}(?:\s+(?:on|at|in)\s+"
                         r"(?:(?!that\b)[\w'’-]+\s*){1,6})?(?:\s+that)?\s*[:,]?\s*$")
    rng = random.Random(9)
    pieces = ["said", "told", "the minister", "Ana Costa", ",", ".", ";", ":", " ", "that", "on Monday", "quietly",
              "reporters", "in Rome", "\n", "was quoted as saying", "pointed out"]
    for _ in range(20000):
        head = "".join(rng.choice(pieces) + rng.choice(["", " "]) for _ in range(rng.randint(0, 10)))
        whole, part = pattern.search(head), pattern.search(head, quotes._phrase_start(head))
        assert (whole and (whole.span(), whole.group("who"))) == (part and (part.span(), part.group("who"))), head


def test_title_stops_found_from_the_stop_are_those_the_title_pattern_found():
    from bilat.textutil import _TITLE_STOP, _TITLES, mask_title_stops

    def by_title(text):  # the form mask_title_stops replaced: the pattern tried at every place, title first
        return _TITLE_STOP.sub(lambda m: m.group(0)[:-1] + " ", text)

    rng = random.Random(9)
    pieces = _TITLES.split("|") + [".", ". ", " ", "  ", "\t", "\n", "A", "a", "x", "Lt", "Col", "-", "é", "1"]
    for _ in range(5000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 10)))
        assert mask_title_stops(text) == by_title(text), text
    assert mask_title_stops("Lt. Cmdr. Ana Costa met Mrs. Okafor.") == "Lt  Cmdr  Ana Costa met Mrs  Okafor."


_ONE_BOILERPLATE = re.compile(  # the single pattern wirecopy's two replaced, branches that look anywhere included
    r"^(?:related (?:news|articles?|posts?|stories)|(?:previous|next) (?:article|post|story)|comments?|ends|"
    r"show original|advertisement|share|print|e-?mail|tweet|read more.*|follow us.*|subscribe.*|tags?:.*|"
    r"kaynak:?.*|source:.*|photo:.*|press release:.*|©.*|copyright.*|more from .*|home\s*[›>»].*|"
    r".*\bpaywall\b.*|a licen[cs]e is needed.*|this news has been read.*|.*\byorumlar\b.*|"
    r"(?:correction|clarification|editor'?s note)s?\s*:.*|(?:read|see) also\s*:.*|also read\s*:.*|"
    r"we use cookies.*|.*\bcookies?\b.*\b(?:accept|consent|cookie policy|settings)\b.*)$"
)


def test_boilerplate_lines_are_those_the_single_pattern_took():
    from bilat.wirecopy import _is_boilerplate

    lines = [line.lower() for folder in (Path(__file__).parent / "fresh", Path(__file__).parent / "fresh4")
             for path in sorted(folder.glob("*.txt")) for line in path.read_text(encoding="utf-8").splitlines()]
    rng = random.Random(9)
    pieces = ["paywall", "paywalls", "yorumlar", "cookie", "cookies", "accept", "settings", "cookie policy", "share",
              "print", "e-mail", "read more", "tags:", "©", "home ›", "related news", " ", "x", ".", "-", "a"]
    lines += ["".join(rng.choice(pieces) for _ in range(rng.randint(1, 8))) for _ in range(5000)]
    for line in lines:
        assert _is_boilerplate(line) == bool(_ONE_BOILERPLATE.match(line)), line


def test_country_names_from_two_patterns_are_those_the_one_alternation_found():
    from bilat.extract.countries import matcher

    m = matcher()
    one = re.compile(r"(?<![A-Za-z0-9])(?:" + alternation(m._by_folded) + r")(?![A-Za-z0-9])")
    forms = sorted(m._by_folded)
    rng = random.Random(9)
    pieces = [rng.choice(forms) for _ in range(60)] + ["the Netherlands", " Republica del Peru", "weSwatini", "al-", "x",
                                                       "2", " ", ", ", "-", "the ", "Sri", "Lanka", "Guinea", "e", "A"]
    lines = [path.read_text(encoding="utf-8") for path in sorted((Path(__file__).parent / "fresh").glob("*.txt"))]
    lines += ["".join(rng.choice(pieces) for _ in range(rng.randint(1, 8))) for _ in range(3000)]
    for text in lines:
        assert [x.span() for x in m._names(text)] == [x.span() for x in one.finditer(text)], text
