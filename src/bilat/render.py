"""Output: one option set for every command.

`auto` draws rich tables (and the timeline as a timeline) on a terminal and prints plain
tab-separated lines with a header in a pipe. `json` prints the records as docs/contract.md keys them;
`jsonl`, `csv`, `tsv` and every tabulate format print flat rows.

Article text is data, and some of it comes from hostile sites. It is never parsed as rich markup
(every cell is a `rich.text.Text`), and `emit` is the one gate every record passes: rows, tables
and drawings get `terminal_safe` text; JSON keeps the text but escapes what a terminal would act on.
"""
from __future__ import annotations

import csv
import json
import re
import sys
from dataclasses import dataclass
from typing import Any, Callable, TextIO

FLAT_FORMATS = ("auto", "table", "json", "jsonl", "csv", "tsv")
STRONG = "b"  # rich's short name for the strong style

# What a terminal acts on or hides instead of showing, in the order the alternation tries it:
# whole escape sequences first (so `ESC[31m` leaves nothing behind, not `[31m`), then single characters.
_ESCAPE_SEQUENCE = (
    r"\x1b\[[0-?]*[ -/]*[@-~]"  # CSI: colours, cursor moves, ESC[2J
    r"|\x9b[0-?]*[ -/]*[@-~]"  # the same as one 8-bit C1 character
    r"|[\x1b][\]P^_X][^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)"  # OSC/DCS/PM/APC/SOS strings: ESC]8;; links, ESC]52 clipboard
    r"|[\x9d\x90\x9e\x9f\x98][^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)"  # their 8-bit forms
    r"|\x1b[ -/]*[0-~]"  # other escapes: ESC c (reset), ESC ( B, ESC 7
)
# C0 and C1 controls but tab and newline (bell, backspace, carriage return, ESC, DEL ...); bidirectional
# embeddings, overrides and isolates (U+202A-202E, U+2066-2069) and marks; zero-width and invisible
# characters (ZWSP, ZWNJ, ZWJ, word joiner, BOM, soft hyphen, Mongolian vowel separator, tag characters);
# line/paragraph separators; interlinear annotation marks.
_INVISIBLE = (
    "\x00-\x08\x0b-\x1f\x7f-\x9f\u00ad\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u2069"
    "\ufeff\ufff9-\ufffb\U000e0000-\U000e007f"
)
_UNSAFE = re.compile(f"{_ESCAPE_SEQUENCE}|[{_INVISIBLE}]")  # one character at a time: an ESC is tried as a sequence first
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")  # undecodable file-name bytes: they cannot even be encoded
# JSON keeps the text but must not carry these raw: json.dumps(ensure_ascii=False) escapes only U+0000-001F.
_JSON_UNSAFE = re.compile(f"[{_INVISIBLE}\ud800-\udfff]")


class FormatError(ValueError):
    pass


def known_formats() -> list[str]:
    from tabulate import tabulate_formats

    return list(FLAT_FORMATS) + [f for f in tabulate_formats if f not in FLAT_FORMATS]


def resolve_format(fmt: str, stdout: TextIO) -> str:
    """`auto` becomes `table` on a terminal and `tsv` in a pipe; anything else must be a known format."""
    fmt = fmt.lower()
    if fmt == "auto":
        return "table" if stdout.isatty() else "tsv"
    if fmt in FLAT_FORMATS:
        return fmt
    if fmt not in known_formats():
        raise FormatError(f"unknown format {fmt!r}; choose one of: {', '.join(known_formats())}")
    return fmt


@dataclass
class Column:
    key: str
    header: str
    cell: Callable[[Any], str] | None = None  # how a value prints in a flat row
    style: str | None = None
    max_width: int | None = None
    terminal_empty: str = ""  # what an empty cell says on a terminal ("undated"); flat formats leave it empty
    shorten: int | None = None  # on a terminal, text longer than this is cut at a word boundary ("…")


def terminal_safe(text: str) -> str:
    """Text as it may be printed anywhere: escape sequences removed whole; control, bidirectional and
    zero-width characters dropped; tab and newline kept (flat formats deal with those themselves)."""
    if text.isascii() and text.isprintable():  # the common case, and it is fast
        return text
    return _LONE_SURROGATE.sub("\ufffd", _UNSAFE.sub("", text))


clean = terminal_safe  # the older name, still imported by views.py


def _safe_records(value: Any) -> Any:
    """Every string inside records, made terminal-safe: one gate for rows, tables and drawings alike."""
    if isinstance(value, str):
        return terminal_safe(value)
    if isinstance(value, list):
        return [_safe_records(v) for v in value]
    if isinstance(value, dict):
        return {k: _safe_records(v) for k, v in value.items()}
    return value


def _json_escape(match: re.Match) -> str:
    code = ord(match.group())
    if code > 0xFFFF:  # a tag character: JSON spells it as a surrogate pair
        code -= 0x10000
        return f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}"
    return f"\\u{code:04x}"


def to_json(value: Any, indent: int | None = None) -> str:
    """JSON that keeps every character of the text (readable UTF-8, not \\u-escaped accents) while
    escaping what a terminal would act on or hide. Safe as a plain substitution: outside strings JSON is ASCII."""
    return _JSON_UNSAFE.sub(_json_escape, json.dumps(value, ensure_ascii=False, indent=indent))


def flat(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return "; ".join(flat(v) for v in value)
    if isinstance(value, dict):
        return value.get("name") or json.dumps(value, ensure_ascii=False)
    return str(value)


def shorten(text: str, width: int) -> str:
    """Text cut to `width` characters at a word boundary, marked with "…" (for the terminal view only)."""
    if len(text) <= width:
        return text
    cut = text[:width].rsplit(None, 1)[0] if " " in text[:width] else text[:width - 1]
    return cut.rstrip(" ,;:–-") + "…"


def field_value(record: dict, key: str) -> Any:
    """A column's value: `speaker.name` reads inside a nested record."""
    value: Any = record
    for part in key.split("."):
        value = value.get(part) if isinstance(value, dict) else None
    return value


def _rows(records: list[dict], columns: list[Column]) -> list[list[str]]:
    # Cleaned after the cell function: a view's own `cell` joins raw values too.
    return [[terminal_safe((c.cell or flat)(field_value(r, c.key))) for c in columns] for r in records]


def emit(records: list[dict] | dict, columns: list[Column], fmt: str, out: TextIO | None = None, *,
         flat_records: list[dict] | None = None, title: str | None = None,
         terminal: Callable[[Any], None] | None = None) -> None:
    """Print records in fmt. `records` is what JSON shows; `flat_records` what rows show when they differ."""
    out = out or sys.stdout
    if fmt == "json":
        out.write(to_json(records, indent=2) + "\n")
        return
    rows_of = flat_records if flat_records is not None else records
    if fmt == "jsonl":
        for r in (rows_of if isinstance(records, dict) else records):
            out.write(to_json(r) + "\n")
        return
    records, rows_of = _safe_records(records), _safe_records(rows_of)
    assert isinstance(rows_of, list)
    if fmt == "csv":
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow([c.header for c in columns])
        writer.writerows(_rows(rows_of, columns))
        return
    if fmt == "tsv":
        # Plain lines for cut and awk: a tab or line break inside a value becomes a space; nothing else is escaped.
        out.write("\t".join(c.header for c in columns) + "\n")
        for row in _rows(rows_of, columns):
            out.write("\t".join(" ".join(v.replace("\t", " ").split("\n")) for v in row) + "\n")
        return
    if fmt == "table":
        if terminal is not None:
            terminal(records)
        else:
            table(rows_of, columns, title=title)
        return
    from tabulate import tabulate

    out.write(tabulate(_rows(rows_of, columns), headers=[c.header for c in columns], tablefmt=fmt,
                       disable_numparse=True) + "\n")


def console():
    from rich.console import Console

    return Console(highlight=False, emoji=False)


def table(records: list[dict], columns: list[Column], title: str | None = None, con=None) -> None:
    from rich.table import Table
    from rich.text import Text

    con = con or console()
    t = Table(title=title, header_style=STRONG, show_lines=False, expand=False)
    for c in columns:
        t.add_column(c.header, style=c.style, max_width=c.max_width, overflow="fold")
    for row in _rows(records, columns):
        t.add_row(*(Text(shorten(v, c.shorten) if c.shorten else v) if v else Text(c.terminal_empty, style="dim")
                    for v, c in zip(row, columns, strict=True)))
    if not records:
        con.print(Text("(nothing found)", style="dim"))
        return
    con.print(t)


TYPE_STYLE = {"agreement": "green", "meeting": "cyan", "exercise": "yellow", "arms_transfer": "red",
              "industry": "magenta", "mechanism": "blue"}


def draw_timeline(events: list[dict], con=None, title: str | None = None) -> None:
    """Dates down a rule, grouped by year; undated engagements last, marked as undated."""
    from rich.rule import Rule
    from rich.table import Table
    from rich.text import Text

    con = con or console()
    if title:
        con.print(Text(title, style=STRONG))
    if not events:
        con.print(Text("(no engagements found)", style="dim"))
        return
    groups: dict[str, list[dict]] = {}
    for e in events:
        groups.setdefault(e["date"][:4] if e["date"] else "undated", []).append(e)
    for year, group in groups.items():
        con.print(Rule(Text(year, style=STRONG), align="left"))
        grid = Table.grid(padding=(0, 2))
        grid.add_column(no_wrap=True, width=10)
        grid.add_column(ratio=1)
        for e in group:
            what = Text()
            what.append(f"{e['type']:<13}", style=TYPE_STYLE.get(e["type"], ""))
            what.append(" " + "–".join(e["countries"]), style=STRONG)
            if e.get("multilateral"):
                what.append(" (multilateral)", style="dim")
            if e.get("place"):
                what.append(f"  {clean(e['place'])}")
            what.append("\n" + clean(e["summary"]))
            what.append(f"  [{', '.join(e['docs'])}]", style="dim")
            grid.add_row(Text(e["date"] or "undated", style=STRONG if e["date"] else "dim"), what)
        con.print(grid)
