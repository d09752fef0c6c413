"""What a user types after --search or `quote`, as an FTS5 query that cannot be malformed.

Plain words are words: every one must occur, as the start of a word (`drill` finds `drills`), and
punctuation is no syntax (`F-16`, `U.S.` are phrases of their parts; `:`, `*`, `^` separate words).
Where the user clearly writes search syntax it works as FTS5's does: "a phrase" (a `*` after the closing
quote makes its last word a prefix), OR and NOT (upper case, as in FTS5; lower case they are words), a
leading `-` to leave a word out, parentheses to group, NEAR(a b, 10). Malformed syntax (an unclosed quote,
unbalanced parentheses, a NOT with nothing to keep) is a usage error naming the problem, never an FTS5
error. The query built holds only quoted words, operators and parentheses: user text is never SQL or FTS
syntax of its own.
"""
from __future__ import annotations

import re


class SearchError(ValueError):
    """Search words that ask for nothing, or malformed search syntax: a usage error (exit 2).

    exit_code and format_message() are what the command line's usage-error handler reads.
    """

    exit_code = 2

    def format_message(self) -> str:
        return str(self)


# One lexical item: a quoted phrase (closed or not), a parenthesis, NEAR( , a comma, or a run of anything else.
_ITEM = re.compile(r'"(?P<phrase>[^"]*)(?P<closed>"?)(?P<star>\*?)|(?P<near>\bNEAR\()|(?P<open>\()|(?P<close>\))|(?P<comma>,)'
                   r'|(?P<chunk>[^\s"(),]+)')
_WORD = re.compile(r"\w+")
# Inside a chunk these join the parts of one name (F-16, U.S., al-Assad, 2+2); anything else parts words.
_SEPARATOR = re.compile(r"[^\w\-.'’/+*]+")
OPERATORS = ("OR", "AND", "NOT")


def fts_query(text: str) -> str:
    """The FTS5 query for what the user typed; SearchError when it asks for nothing or is malformed."""
    items = _lex(text)
    parser = _Parser(items, text)
    query = parser.expression()
    if parser.at < len(items):  # only a closing parenthesis stops an expression early
        raise SearchError(f"unbalanced parentheses in {text!r}: a ')' closes nothing")
    if query is None:
        raise SearchError(f"nothing to search for in {text!r}: give at least one word")
    return query


def _lex(text: str) -> list[tuple[str, str]]:
    """(kind, value) items: phrase, prefix (a phrase with `*`), near, open, close, comma, op, not, word."""
    items: list[tuple[str, str]] = []
    for m in _ITEM.finditer(text):
        if m["phrase"] is not None:
            if not m["closed"]:
                raise SearchError(f"unclosed quotation mark in {text!r}: close the phrase with '\"' or leave the quote out")
            items.append(("prefix" if m["star"] else "phrase", m["phrase"]))
        elif m["chunk"] is not None:
            items.extend(_chunk(m["chunk"]))
        else:
            kind = next(k for k in ("near", "open", "close", "comma") if m[k] is not None)
            items.append((kind, m[kind]))
    return items


def _chunk(chunk: str) -> list[tuple[str, str]]:
    if chunk in OPERATORS:
        return [("not", chunk) if chunk == "NOT" else ("op", chunk)]
    out: list[tuple[str, str]] = []
    if chunk.startswith("-") and _WORD.search(chunk):  # -word: leave it out
        out.append(("not", "-"))
        chunk = chunk.lstrip("-")
    out += [("word", part) for part in _SEPARATOR.split(chunk) if _WORD.search(part)]
    return out


def _quoted(words: list[str], prefix: bool) -> str:
    """Words as one FTS5 string (a phrase when several), each only \\w characters so never syntax."""
    return '"' + " ".join(words) + '"' + ("*" if prefix else "")


class _Parser:
    """or := and (OR and)* ; and := unary+ ; unary := (NOT | -) primary | primary ;
    primary := word | phrase | ( or ) | NEAR( items [, N] ). Each level returns FTS5 text or None (nothing)."""

    def __init__(self, items: list[tuple[str, str]], text: str):
        self.items, self.text, self.at = items, text, 0

    def peek(self) -> str | None:
        return self.items[self.at][0] if self.at < len(self.items) else None

    def take(self) -> tuple[str, str]:
        self.at += 1
        return self.items[self.at - 1]

    def expression(self) -> str | None:
        parts = [self.conjunction()]
        while self.peek() == "op" and self.items[self.at][1] == "OR":
            self.take()
            parts.append(self.conjunction())
        kept = [p for p in parts if p is not None]
        if not kept:
            return None
        return kept[0] if len(kept) == 1 else "(" + " OR ".join(kept) + ")"

    def conjunction(self) -> str | None:
        wanted, unwanted = [], []
        while self.peek() not in (None, "close", "comma") and not (self.peek() == "op" and self.items[self.at][1] == "OR"):
            kind, _ = self.items[self.at]
            if kind == "op":  # AND: what juxtaposition means anyway
                self.take()
                continue
            if kind == "not":
                self.take()
                if self.peek() in (None, "close", "comma", "op", "not"):
                    raise SearchError(f"NOT or '-' in {self.text!r} leaves out nothing: put a word after it")
                (unwanted if (left := self.primary()) is not None else []).append(left)
                continue
            (wanted if (found := self.primary()) is not None else []).append(found)
        if not wanted:
            if unwanted:
                raise SearchError(f"{self.text!r} only leaves words out: give a word to search for too")
            return None
        query = wanted[0] if len(wanted) == 1 else "(" + " AND ".join(wanted) + ")"
        for left in unwanted:
            query = f"({query} NOT {left})"
        return query

    def primary(self) -> str | None:
        kind, value = self.take()
        if kind == "word":  # a word, or a name of several (F-16): a phrase whose last word may go on
            return _quoted(_words(value), prefix=True)
        if kind in ("phrase", "prefix"):
            words = _words(value)
            return _quoted(words, prefix=kind == "prefix") if words else None
        if kind == "open":
            inner = self.expression()
            if self.peek() != "close":
                raise SearchError(f"unbalanced parentheses in {self.text!r}: a '(' is not closed")
            self.take()
            return inner
        if kind == "near":
            return self.near()
        return None  # a stray comma

    def near(self) -> str | None:
        groups, distance = [], None
        while self.peek() in ("word", "phrase", "prefix"):
            kind, value = self.take()
            if words := _words(value):
                groups.append(_quoted(words, prefix=kind != "phrase"))
        if self.peek() == "comma":
            self.take()
            if self.peek() == "word" and self.items[self.at][1].isdigit():
                distance = self.take()[1]
        if self.peek() != "close":
            raise SearchError(f"malformed NEAR in {self.text!r}: write NEAR(word word) or NEAR(word word, 10)")
        self.take()
        if not groups:
            return None
        return f"NEAR({' '.join(groups)}{', ' + distance if distance else ''})" if len(groups) > 1 else groups[0]


def _words(text: str) -> list[str]:
    return _WORD.findall(text)
