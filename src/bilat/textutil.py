"""Small text helpers shared by reading, extraction and country look-up."""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Letters that NFKD does not decompose into a base letter plus a mark.
_SPECIAL = str.maketrans({"ı": "i", "ł": "l", "Ł": "L", "đ": "d", "Đ": "D", "ø": "o", "Ø": "O", "ß": "s", "æ": "a", "Æ": "A", "œ": "o"})
_QUOTES = str.maketrans({"“": '"', "”": '"', "„": '"', "«": '"', "»": '"', "‘": "'", "’": "'", "‚": "'", "`": "'"})


def _fold_char(ch: str) -> str:
    ch = ch.translate(_SPECIAL).translate(_QUOTES)
    if ord(ch) < 128:
        return ch
    base = unicodedata.normalize("NFKD", ch)
    return base[0] if base and ord(base[0]) < 128 else ch


# Each character's folded form, worked out the first time it is met: one str.translate per text, not a Python loop.
_FOLDED: dict[int, str] = {ord("`"): "'"}
_NON_ASCII = re.compile(r"[^\x00-\x7f]")


def fold_same_length(text: str) -> str:
    """Strip diacritics one character for one character, so offsets into the result are offsets into text."""
    if text.isascii():
        return text
    found = set(_NON_ASCII.findall(text))
    for ch in found:
        if ord(ch) not in _FOLDED:
            _FOLDED[ord(ch)] = _fold_char(ch)
    if len(found) > 8:
        return text.translate(_FOLDED)
    # Copy mostly holds a few (curly quotes, a dash, an accent): a replace for each is far quicker than a translate
    # that looks every character up. Each becomes one ASCII character or stays itself, so their order is no matter.
    for ch in found:
        if _FOLDED[ord(ch)] != ch:
            text = text.replace(ch, _FOLDED[ord(ch)])
    return text.replace("`", "'") if "`" in text else text


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Lower-case, no diacritics, straight quotes, single spaces: the key two spellings share."""
    return " ".join(fold_same_length(text).lower().split())


def word_list(text: str) -> list[str]:
    """Words as a reader counts them: hyphenated parts separately, punctuation stripped."""
    return [w for w in (w.strip(".,;:!?\"'()[]-…") for w in fold(text).replace("-", " ").split()) if w]


_SENTENCE_END = re.compile(r"(?<=[.!?])[\"'”’]?\s+(?=[\"“‘'(]?[A-Z0-9])")
# Abbreviations after which a full stop does not end a sentence.
_TITLES = r"Mr|Mrs|Ms|Dr|Prof|Gen|Lt|Col|Maj|Capt|Adm|Brig|Cmdr|Cdr|Sgt|Cpl|Pvt|Rep|Sen|Gov"  # abbreviated, before a name
_ABBREV = re.compile(rf"(?:\b(?:{_TITLES}|St|Jr|Sr|No|vs|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|U\.S|U\.K|[A-Z])\.)$")
# A title's full stop before a name ("Lt. Cmdr. Ana Costa"), which punctuation-bounded patterns must read through.
_TITLE_STOP = re.compile(rf"\b(?:{_TITLES})\.(?=\s+[A-Z])")
# The same full stops found from the stop itself, which the engine skips to at once, then the title before it (one
# fixed-width look-behind a title), where the pattern above is tried at every place of the text.
_TITLE_STOP_ONLY = re.compile(r"\.(?=\s+[A-Z])(?:" + "|".join(rf"(?<=\b{t}\.)" for t in _TITLES.split("|")) + ")")


@lru_cache(maxsize=1024)
def split_sentences(paragraph: str) -> tuple[tuple[int, str], ...]:
    """Sentences of a paragraph with their start offsets; abbreviations and initials do not split."""
    out: list[tuple[int, str]] = []
    start = 0
    for m in _SENTENCE_END.finditer(paragraph):
        head = paragraph[start:m.start()].rstrip("\"'”’")
        if _ABBREV.search(head):
            continue
        out.append((start, paragraph[start:m.start()] + paragraph[m.start():m.end()].rstrip()))
        start = m.end()
    if start < len(paragraph):
        out.append((start, paragraph[start:]))
    return tuple((s, t.strip()) for s, t in out if t.strip())


def mask_title_stops(text: str) -> str:
    """text with the full stops of abbreviated titles as spaces ("Lt  Cmdr  Ana Costa"), offsets kept."""
    return _TITLE_STOP_ONLY.sub(" ", text)


def sentence_start(paragraph: str, offset: int) -> int:
    """Where the sentence holding offset begins, by the same rules as split_sentences."""
    start = 0
    for begin, _ in split_sentences(paragraph):
        if begin > offset:
            break
        start = begin
    return start


def sentence_end(paragraph: str, offset: int) -> int:
    """Where the sentence holding offset ends (abbreviations such as "Adm." do not end it)."""
    for begin, text in split_sentences(paragraph):
        if begin <= offset < begin + len(text):
            return begin + len(text)
    return len(paragraph)


DOUBLE_MARKS = "“”\"„«»"  # opening and closing double quotation marks as copy prints them
DOUBLE_MARK = re.compile("[" + DOUBLE_MARKS + "]")  # found by the regex engine, not a Python loop over every character


def quoted_spans(paragraph: str) -> list[tuple[int, int]]:
    """Stretches between double quotation marks, paired in order (a last unpaired mark runs to the end)."""
    marks = [m.start() for m in DOUBLE_MARK.finditer(paragraph)]
    spans = [(marks[k], marks[k + 1]) for k in range(0, len(marks) - 1, 2)]
    if len(marks) % 2:
        spans.append((marks[-1], len(paragraph)))
    return spans


def alternation(words, after_first: str = "") -> str:
    """A regex matching any of `words`, longest first where one is a prefix of another, as the plain alternation of
    them sorted longest first does; written as a trie so the engine follows one branch instead of trying each word.

    `after_first`, a zero-width assertion, goes right after each word's first character: a look-behind there leaves
    the pattern opening with a character, so the engine skips at once to the places where a word can start, where a
    pattern that opens with the look-behind is tried at every place."""
    trie: dict = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}  # a word ends here

    def pattern(node: dict, glue: str = "") -> str:
        branches = [re.escape(ch) + glue + pattern(child) for ch, child in sorted(node.items()) if ch]
        ends = "" in node
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        # Longer words first: the end of a shorter word is tried only after every longer one failed.
        return f"(?:{body})?" if ends else body

    return pattern(trie, after_first)
