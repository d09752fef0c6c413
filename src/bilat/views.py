"""What each command shows: its columns for flat formats and its drawing on a terminal."""
from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

from bilat.render import STRONG, Column, clean, console, draw_timeline, emit, table

DOCUMENT_COLUMNS = [
    Column("id", "id", style=STRONG),
    Column("date", "date", terminal_empty="undated"),
    Column("title", "title", max_width=60, shorten=100),
    Column("countries", "countries", cell=lambda v: ",".join(v or [])),
    Column("event_types", "event_types", cell=lambda v: ",".join(v or [])),
]
EVENT_COLUMNS = [
    Column("date", "date", terminal_empty="undated"),
    Column("type", "type"),
    Column("countries", "countries", cell=lambda v: "-".join(v or [])),
    Column("place", "place"),
    Column("summary", "summary", max_width=60),
    Column("cameo", "cameo"),
    Column("docs", "docs", cell=lambda v: ",".join(v or [])),
    Column("id", "id"),  # last, so the columns before it keep their places for `cut`
]
QUOTE_COLUMNS = [
    Column("date", "date", terminal_empty="undated"),
    Column("speaker.name", "speaker", style=STRONG),
    Column("speaker.country", "country"),
    Column("speaker.role", "role"),
    Column("text", "text", max_width=70),
    Column("doc", "doc"),
]
PEOPLE_COLUMNS = [Column("name", "name", style=STRONG), Column("country", "country"), Column("role", "role"),
                  Column("variants", "variants", cell=lambda v: ", ".join(v or []))]
FIGURE_COLUMNS = [Column("value", "value", style=STRONG), Column("measure", "measure"), Column("period", "period"),
                  Column("doc", "doc")]


def documents(records: list[dict], fmt: str) -> None:
    emit(records, DOCUMENT_COLUMNS, fmt, title="Articles")


def timeline(records: list[dict], fmt: str) -> None:
    emit(records, EVENT_COLUMNS, fmt, terminal=lambda r: draw_timeline(r))


def quotes(records: list[dict], fmt: str) -> None:
    emit(records, QUOTE_COLUMNS, fmt, title="Quotations")


@dataclass
class NothingFound:
    """What a pair with no engagement was searched for, and where the corpus does have data."""

    countries: list[str]
    corpus: Path
    since: str | None
    until: str | None
    types: list[str]
    unfiltered: int  # engagements of the pair without the date and type filters
    partners: dict[str, list[tuple[str, int]]]  # each country's most frequent partners, with counts

    def message(self) -> str:
        from bilat.countrynames import name

        a, b = self.countries
        said = "".join([f" since {self.since}" if self.since else "", f" until {self.until}" if self.until else "",
                        f" of type {', '.join(self.types)}" if self.types else ""])
        line = f"no engagement of {name(a)} and {name(b)} ({a}–{b}){said} in {self.corpus}"
        if self.unfiltered:
            return f"{line}; without --since, --until and --type there are {self.unfiltered}"
        hints = [f"{name(c)}–{name(p)} ({n})" for c in self.countries for p, n in self.partners[c]]
        return f"{line}; pairs with data: {', '.join(hints)}" if hints else f"{line}; neither country has any engagement there"


def pair(profile: dict, fmt: str, nothing: NothingFound | None = None) -> None:
    """JSON gets the whole profile; flat formats get its timeline; a terminal gets every section.

    A pair with no engagement says so once, with what was searched: on a terminal instead of the
    sections, elsewhere on stderr beside the empty output scripts expect."""

    def draw(p: dict) -> None:
        from rich.text import Text

        con = console()
        if nothing is not None:
            said = nothing.message()
            con.print(Text(said[:1].upper() + said[1:]))
            return
        s = p["overview"]
        from bilat.countrynames import name

        names = " – ".join(name(c) for c in p["countries"])
        con.print(Text(f"{names} ({'–'.join(p['countries'])})", style=STRONG + " underline"))
        by_type = ", ".join(f"{k} {v}" for k, v in sorted(s["event_count_by_type"].items())) or "none"
        con.print(Text(f"{s['document_count']} documents · {s['event_count']} engagements ({by_type}) · "
                       f"first {s['first_date'] or '—'} · last {s['last_date'] or '—'}"))
        con.print()
        draw_timeline(p["events"], con, title="Timeline")
        con.print()
        table(p["people"], PEOPLE_COLUMNS, title="People", con=con)
        quote_blocks(p["quotes"], con)
        table(p["figures"], FIGURE_COLUMNS, title="Figures", con=con)
        table(p["documents"], [Column("id", "id"), Column("date", "date", terminal_empty="undated"), Column("title", "title")],
              title="Sources", con=con)

    emit(profile, EVENT_COLUMNS, fmt, flat_records=profile["events"], terminal=draw)
    if nothing is not None and fmt != "table":
        print(f"bilat: {clean(nothing.message())}", file=sys.stderr)


def quote_blocks(records: list[dict], con) -> None:
    """Quotations as a reader scans them: the words first, then who said them, when and where from."""
    from rich.padding import Padding
    from rich.text import Text

    con.print(Text("Quotations", style=STRONG))
    if not records:
        con.print(Text("(none)", style="dim"))
    for q in records:
        con.print(Padding(Text(f"“{clean(q['text'])}”"), (0, 2)))
        speaker = q["speaker"]
        who = ", ".join(x for x in (speaker["role"], speaker["country"]) if x)
        line = Text("  — ", style="dim")
        line.append(clean(speaker["name"] or "unattributed"), style=STRONG)
        line.append(f" ({clean(who)})" if who else "")
        line.append(f" · {q['date'] or 'undated'} · {q['doc']}", style="dim")
        con.print(line)
    con.print()


INDEX_COLUMNS = [Column(key, key) for key in ("corpus", "index", "added", "updated", "removed", "unchanged", "skipped", "failed")]


def index_report(report, folder: Path, location: Path, fmt: str | None) -> None:
    """fmt None (nothing asked for): one line for a person or a cron log; any format: the report as a record."""
    record = {"corpus": str(folder), "index": str(location), "added": report.added, "updated": report.updated,
              "removed": report.removed, "unchanged": report.unchanged,
              "skipped": len(report.skipped) + report.still_skipped, "failed": len(report.failed)}
    if fmt is not None:
        emit(record, INDEX_COLUMNS, fmt, flat_records=[record])
        return
    line = (f"{record['added']} added, {record['updated']} updated, {record['removed']} removed, "
            f"{record['unchanged']} unchanged, {record['skipped']} skipped"
            + (f", {record['failed']} failed (a bug in bilat)" if record["failed"] else ""))
    print(clean(line), file=sys.stdout)
    print(f"index: {location}", file=sys.stderr)
