"""Output: one option set for every command.

`auto` draws rich tables (and the timeline as a timeline) on a terminal and prints plain
tab-separated lines with a header in a pipe. `json` prints the records as DESIGN.md keys them;
`jsonl`, `csv`, `tsv` and every tabulate format print flat rows. Article text is data: it is
never parsed as rich markup, and control characters never reach the terminal.
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
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


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


def clean(value: str) -> str:
    return _CONTROL.sub("", value)


def flat(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return "; ".join(flat(v) for v in value)
    if isinstance(value, dict):
        return value.get("name") or json.dumps(value, ensure_ascii=False)
    return clean(str(value))


def _rows(records: list[dict], columns: list[Column]) -> list[list[str]]:
    return [[(c.cell or flat)(r.get(c.key)) for c in columns] for r in records]


def emit(records: list[dict] | dict, columns: list[Column], fmt: str, out: TextIO | None = None, *,
         flat_records: list[dict] | None = None, title: str | None = None,
         terminal: Callable[[Any], None] | None = None) -> None:
    """Print records in fmt. `records` is what JSON shows; `flat_records` what rows show when they differ."""
    out = out or sys.stdout
    if fmt == "json":
        json.dump(records, out, ensure_ascii=False, indent=2)
        out.write("\n")
        return
    rows_of = flat_records if flat_records is not None else records
    if fmt == "jsonl":
        for r in (rows_of if isinstance(records, dict) else records):
            out.write(json.dumps(r, ensure_ascii=False) + "\n")
        return
    assert isinstance(rows_of, list)
    if fmt in ("csv", "tsv"):
        writer = csv.writer(out, delimiter="," if fmt == "csv" else "\t", lineterminator="\n",
                            quoting=csv.QUOTE_MINIMAL if fmt == "csv" else csv.QUOTE_NONE, escapechar=None if fmt == "csv" else "\\")
        writer.writerow([c.header for c in columns])
        for row in _rows(rows_of, columns):
            writer.writerow([v.replace("\t", " ").replace("\n", " ") for v in row] if fmt == "tsv" else row)
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
        t.add_row(*(Text(v) for v in row))
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
            if e.get("place"):
                what.append(f"  {clean(e['place'])}")
            what.append("\n" + clean(e["summary"]))
            what.append(f"  [{', '.join(e['docs'])}]", style="dim")
            grid.add_row(Text(e["date"] or "undated", style=STRONG if e["date"] else "dim"), what)
        con.print(grid)
