"""Output: one option set for every command.

`auto` draws rich tables (and the timeline as a timeline) on a terminal and prints plain
tab-separated lines with a header in a pipe. `json` prints the records as docs/contract.md keys them;
`jsonl`, `csv`, `tsv` and every tabulate format print flat rows.

Article text is data, and some of it comes from hostile sites. It is never parsed as rich markup
(every cell is a `rich.text.Text`), and `emit` is the one gate every record passes: rows, tables
and drawings get `terminal_safe` text; JSON keeps the text but escapes what a terminal would act on.
"""
from __future__ import annotations

import json
import re
import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass

TYPE_CHECKING = False  # typing.TYPE_CHECKING without loading typing at start-up; type checkers take it as True
if TYPE_CHECKING:
    from typing import Any, TextIO

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
    terminal_cell: Callable[[Any], str] | None = None  # how a value prints in a terminal table, where it differs
    wrap: bool = True  # False: a token (id, date, code) the terminal never breaks
    items: bool = False  # a list: the terminal may wrap it between items, never inside one
    min_width: int = 24  # the narrowest a text column gets before lower-value columns are left out
    drop: int = 0  # on a narrow terminal, columns with the highest number are left out first; 0 never
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


def to_json(value: Any, indent: int | None = None, level: int = 0) -> str:
    """JSON that keeps every character of the text (readable UTF-8, not \\u-escaped accents) while
    escaping what a terminal would act on or hide. Safe as a plain substitution: outside strings JSON is ASCII.
    level: indented as inside that many enclosing lists or objects (a record of a streamed array)."""
    if indent is None:
        text = json.dumps(value, ensure_ascii=False)  # the C encoder
    else:
        try:
            text = _indented(value, "\n" + " " * (indent * level), " " * indent)
        except _Unusual:
            text = json.dumps(value, ensure_ascii=False, indent=indent).replace("\n", "\n" + " " * (indent * level))
    return _JSON_UNSAFE.sub(_json_escape, text)


class _Unusual(Exception):
    """A value _indented leaves to the json module: a float, a key that is not a string, another type."""


_encode_string = json.encoder.encode_basestring  # the C function json.dumps(ensure_ascii=False) quotes strings with


def _indented(value: Any, pad: str, step: str) -> str:
    """json.dumps(value, ensure_ascii=False, indent=len(step)), character for character, for the values records
    are made of. json.dumps with an indent runs the json module's pure-Python encoder, a generator step per
    piece; this builds each list or object with one join, about three times faster on a long --json listing."""
    if type(value) is str:
        return _encode_string(value)
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if type(value) is int:
        return int.__repr__(value)
    inner = pad + step
    if type(value) is dict:
        if not value:
            return "{}"
        if not all(type(k) is str for k in value):
            raise _Unusual
        return "{" + inner + ("," + inner).join([_encode_string(k) + ": " + _indented(v, inner, step)
                                                 for k, v in value.items()]) + pad + "}"
    if type(value) is list or type(value) is tuple:
        if not value:
            return "[]"
        return "[" + inner + ("," + inner).join([_indented(v, inner, step) for v in value]) + pad + "]"
    raise _Unusual


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


def _row(record: dict, columns: list[Column]) -> list[str]:
    # Cleaned after the cell function: a view's own `cell` joins raw values too.
    return [terminal_safe((c.cell or flat)(field_value(record, c.key))) for c in columns]


def _rows(records: Iterable[dict], columns: list[Column]) -> list[list[str]]:
    return [_row(r, columns) for r in records]


def _json_stream(records: Iterable[Any], out: TextIO) -> None:
    """A JSON array written record by record, the same text as to_json(list(records), indent=2)."""
    opening = "[\n"
    for record in records:
        # Indented one level, as inside the list: JSON text holds no raw line break but those between its lines.
        out.write(opening + "  " + to_json(record, indent=2, level=1))
        opening = ",\n"
    out.write("[]\n" if opening == "[\n" else "\n]\n")


@dataclass(frozen=True)
class Display:
    """How the terminal view is drawn: its width, whether in colour, and where a long view goes.

    `page` is the pager (None: never page); a view longer than `height` lines goes through it."""

    width: int = 80
    color: bool = False
    height: int | None = None
    page: Callable[[str], None] | None = None
    header: bool = True  # CSV and TSV print their header line (--no-header: not)


def emit(records: Iterable[dict] | dict, columns: list[Column], fmt: str, out: TextIO | None = None, *,
         flat_records: list[dict] | None = None, title: str | None = None,
         terminal: Callable[[Any, Any], None] | None = None, display: Display | None = None, more: int = 0) -> None:
    """Print records in fmt. `records` is what JSON shows; `flat_records` what rows show when they differ;
    `more` is how many rows a terminal table was cut short by (it says so below the table)."""
    out = out or sys.stdout
    header = display.header if display is not None else True
    # A stream of records (a listing of any length) prints as it is read where the format allows.
    streamed = not isinstance(records, (list, dict))
    if fmt == "json":
        if streamed:
            _json_stream(records, out)
        else:
            out.write(to_json(records, indent=2) + "\n")
        return
    rows_of = flat_records if flat_records is not None else records
    if fmt == "jsonl":
        for r in (rows_of if isinstance(records, dict) else records):
            out.write(to_json(r) + "\n")
        return
    if fmt in ("csv", "tsv"):
        flat_rows = (_row(r, columns) for r in map(_safe_records, rows_of))
    elif streamed:
        records = rows_of = list(records)
    if fmt not in ("csv", "tsv"):
        records, rows_of = _safe_records(records), _safe_records(rows_of)
        assert isinstance(rows_of, list)
    if fmt == "csv":
        import csv  # only for CSV output

        writer = csv.writer(out, lineterminator="\n")
        if header:
            writer.writerow([c.header for c in columns])
        writer.writerows(flat_rows)
        return
    if fmt == "tsv":
        # Plain lines for cut and awk: a tab or line break inside a value becomes a space; nothing else is escaped.
        if header:
            out.write("\t".join(c.header for c in columns) + "\n")
        for row in flat_rows:
            out.write("\t".join(" ".join(v.replace("\t", " ").split("\n")) for v in row) + "\n")
        return
    if fmt == "table":
        def drawing(con) -> None:
            if terminal is not None:
                terminal(records, con)
            else:
                table(rows_of, columns, title=title, con=con)
            if more:
                left_out(con, more, len(rows_of))

        draw(drawing, display or Display(), out)
        return
    from tabulate import tabulate

    out.write(tabulate(_rows(rows_of, columns), headers=[c.header for c in columns], tablefmt=fmt,
                       disable_numparse=True) + "\n")


def left_out(con, count: int, shown: int) -> None:
    """Below a table cut short on a terminal: how many rows it left out, and how to see them."""
    from rich.text import Text

    con.print(Text(f"… and {count:,} more (the first {shown} are shown): --limit N shows more, "
                   "--json, --jsonl or --tsv prints them all", style="dim"))


def draw(drawing: Callable[[Any], None], display: Display, out: TextIO) -> None:
    """A terminal view drawn whole, then shown: through the pager when it is longer than the screen."""
    import io

    buffer = io.StringIO()
    drawing(console(display, buffer))
    text = buffer.getvalue()
    if display.page is not None and display.height is not None and text.count("\n") >= display.height:
        display.page(text)
    else:
        out.write(text)


def console(display: Display | None = None, file: TextIO | None = None):
    """A rich console at the display's width and colour; it reads nothing of the environment itself."""
    from rich.console import Console

    display = display or Display()
    return Console(file=file or sys.stdout, width=display.width, force_terminal=display.color, no_color=not display.color,
                   color_system="standard" if display.color else None, highlight=False, emoji=False, _environ={})


_BORDER = 3  # a column's share of a boxed table: a rule and a space either side


def _fit(columns: list[Column], rows: list[list[str]], width: int) -> list[int]:
    """The columns that fit the width without breaking a token, lower-value ones (higher `drop`) left out first."""

    def narrowest(n: int) -> int:
        c, cells = columns[n], [row[n] for row in rows] + [columns[n].header]
        if not c.wrap:  # an id, a date, a code: never broken
            return max(len(v) for v in cells)
        longest_word = max((len(w) for v in cells for w in v.split()), default=1)
        return min(max(len(v) for v in cells), longest_word if c.items else max(longest_word, c.min_width))

    kept = list(range(len(columns)))
    for n in sorted((n for n in kept if columns[n].drop), key=lambda n: -columns[n].drop):
        if sum(narrowest(k) + _BORDER for k in kept) + 1 <= width:
            break
        kept.remove(n)
    return kept


def table(records: list[dict], columns: list[Column], title: str | None = None, con=None) -> None:
    from rich.table import Table
    from rich.text import Text

    con = con or console()
    if not records:
        con.print(Text(f"{title}: none" if title else "(nothing found)", style="dim"))
        return
    rows = [[terminal_safe(c.terminal_cell(field_value(r, c.key))) if c.terminal_cell else v for v, c in zip(row, columns, strict=True)]
            for row, r in zip(_rows(records, columns), records, strict=True)]
    rows = [[shorten(v, c.shorten) if c.shorten else v for v, c in zip(row, columns, strict=True)] for row in rows]
    kept = _fit(columns, rows, con.width)
    t = Table(title=title, header_style=STRONG, show_lines=False, expand=False)
    for n in kept:
        c = columns[n]
        t.add_column(c.header, style=c.style, max_width=c.max_width, no_wrap=not c.wrap, overflow="fold",
                     min_width=max(len(row[n]) for row in rows) if not c.wrap else None)
    for row in rows:
        t.add_row(*(Text(row[n]) if row[n] else Text(columns[n].terminal_empty, style="dim") for n in kept))
    con.print(t)


TYPE_STYLE = {"agreement": "green", "meeting": "cyan", "exercise": "yellow", "arms_transfer": "red",
              "industry": "magenta", "mechanism": "blue"}


def draw_timeline(events: list[dict], con=None, title: str | None = None) -> None:
    """Dates down a rule, grouped by year; undated engagements last, marked as undated. Under each date, how
    precise it is (day, month, year); after each engagement, how many sources report it."""
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
            sources = len(e["docs"])
            what.append(f"  {sources} source{'' if sources == 1 else 's'}", style="dim")
            what.append("\n" + clean(e["summary"]))
            what.append(f"  [{', '.join(e['docs'])}]", style="dim")
            when = Text(e["date"] or "undated", style=STRONG if e["date"] else "dim")
            if e["date"] and e.get("date_precision"):
                when.append(f"\n{e['date_precision']}", style="dim")
            grid.add_row(when, what)
        con.print(grid)
