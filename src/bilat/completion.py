"""What TAB offers: countries by any name or code, document and event ids, speakers.

Every TAB is one start of bilat, so this reads only the small country key table (countrynames) or, for
ids and speakers, the index as the last command left it (read only, never refreshed: a TAB must not
index a corpus). Anything that goes wrong offers nothing rather than an error.

Bash inserts what it is given as it is, so there a multi-word name comes back with its spaces escaped
(`United\\ Kingdom`); zsh and fish quote what they insert themselves.
"""
from __future__ import annotations

import sqlite3
from pathlib import Path

from bilat.textutil import fold


def _for_shell(values: list[str]) -> list[str]:
    from bilat.environment import Environment

    if (Environment.from_os().completing or "").endswith("bash"):
        return [v.replace("\\", "\\\\").replace(" ", "\\ ").replace("'", "\\'") for v in values]
    return values


def _typed(incomplete: str) -> str:
    """What was typed, without the quote or backslashes a shell may pass on."""
    return fold(incomplete.replace("\\ ", " ").strip("'\""))


def countries(incomplete: str) -> list[str]:
    """Common names of the countries any of whose names, demonyms or codes starts with what was typed, case and
    accents aside: `tur`, `turkey`, `TR` → Türkiye. The country whose code or name it is exactly comes first."""
    from bilat.countrynames import _table, name

    table = _table()
    key = _typed(incomplete)
    exact: list[str] = []
    starting: list[str] = []
    for form, code in table["keys"].items():
        if form.startswith(key):
            (exact if form == key else starting).append(code)
    for form, codes in table["ambiguous"].items():
        if form.startswith(key):
            starting += codes
    names = list(dict.fromkeys(name(c) for c in exact))
    names += sorted({name(c) for c in starting} - set(names), key=lambda n: (not fold(n).startswith(key), fold(n)))
    return _for_shell(names)


def _index(params: dict) -> sqlite3.Connection | None:
    """The index of the corpus the command line names (--corpus, else $BILAT_CORPUS, else the seeds), read only."""
    from bilat.environment import Environment
    from bilat.index import default_location

    env = Environment.from_os()
    folder = params.get("corpus") or env.corpus or Path(__file__).parent / "seeds"
    location = env.index or default_location(Path(folder).expanduser(), env.cache)
    if not location.is_file():
        return None
    try:
        return sqlite3.connect(location.resolve().as_uri() + "?mode=ro", uri=True)
    except sqlite3.Error:
        return None


def ids(params: dict, incomplete: str) -> list[str]:
    """Document ids, and event ids once a `#` is typed, starting with what was typed."""
    from bilat import lookup

    conn = _index(params)
    if conn is None:
        return []
    try:
        conn.row_factory = sqlite3.Row
        return _for_shell(lookup.ids(conn, incomplete.strip("'\"")))
    except sqlite3.Error:
        return []
    finally:
        conn.close()


def speakers(params: dict, incomplete: str) -> list[str]:
    """Speakers of quotations in the index a word of whose name starts with what was typed (diacritics aside)."""
    conn = _index(params)
    if conn is None:
        return []
    words = _typed(incomplete).split()
    try:
        if not words:
            rows = conn.execute("SELECT DISTINCT speaker FROM quotes WHERE speaker IS NOT NULL")
        else:
            last = words[-1]
            rows = conn.execute("SELECT DISTINCT q.speaker FROM speaker_words w JOIN quotes q ON q.id = w.quote "
                                "WHERE w.word >= ? AND w.word < ?", (last, last + "\U0010ffff"))
        found = sorted({r[0] for r in rows if r[0]}, key=fold)
    except sqlite3.Error:
        return []
    finally:
        conn.close()
    # Every word typed must start a word of the name; names that start with it first.
    found = [n for n in found if all(any(w.startswith(t) for w in fold(n).split()) for t in words)]
    return _for_shell(sorted(found, key=lambda n: (not fold(n).startswith(" ".join(words)), fold(n))))
