"""What each command shows: its columns for flat formats and its drawing on a terminal."""
from __future__ import annotations

import sys
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from bilat.render import STRONG, TYPE_STYLE, Column, Display, clean, draw_timeline, emit, table

def _joined(separator: str):
    return lambda v: separator.join(v or [])


# Tokens (ids, dates, codes) are never broken on a terminal; lists wrap between items; `drop` says which
# columns a narrow terminal leaves out first.
DOCUMENT_COLUMNS = [
    Column("id", "id", style=STRONG, wrap=False),
    Column("date", "date", terminal_empty="undated", wrap=False),
    Column("title", "title", max_width=60, shorten=100),
    Column("countries", "countries", cell=_joined(","), terminal_cell=_joined(", "), items=True, drop=1, max_width=15),
    Column("event_types", "event_types", cell=_joined(","), terminal_cell=_joined(", "), items=True, drop=2, max_width=14),
]
EVENT_COLUMNS = [
    Column("date", "date", terminal_empty="undated", wrap=False),
    Column("type", "type", wrap=False),
    Column("countries", "countries", cell=_joined("-"), wrap=False),
    Column("place", "place", drop=2, min_width=10),
    Column("summary", "summary", max_width=60),
    Column("cameo", "cameo", wrap=False, drop=3),
    Column("docs", "docs", cell=_joined(","), terminal_cell=_joined(", "), items=True, drop=1),
    Column("id", "id", wrap=False, drop=4),  # last, so the columns before it keep their places for `cut`
]
QUOTE_COLUMNS = [
    Column("date", "date", terminal_empty="undated", wrap=False),
    Column("speaker.name", "speaker", style=STRONG),
    Column("speaker.country", "country", wrap=False),
    Column("speaker.role", "role"),
    Column("text", "text", max_width=70),
    Column("doc", "doc", wrap=False),
]
PEOPLE_COLUMNS = [Column("name", "name", style=STRONG, min_width=16), Column("country", "country", wrap=False),
                  Column("role", "role", drop=1, min_width=16),
                  Column("variants", "variants", cell=_joined(", "), items=True, drop=2, min_width=16)]
FIGURE_COLUMNS = [Column("value", "value", style=STRONG, min_width=8), Column("measure", "measure", min_width=16),
                  Column("period", "period", drop=1, min_width=10), Column("doc", "doc", wrap=False, drop=2)]
SOURCE_COLUMNS = [Column("id", "id", wrap=False), Column("date", "date", terminal_empty="undated", wrap=False),
                  Column("title", "title", shorten=100)]


# A listing may be a stream of any length; `more` is how many rows a table cut short on a terminal left out.
def documents(records: Iterable[dict], fmt: str, display: Display | None = None, more: int = 0) -> None:
    emit(records, DOCUMENT_COLUMNS, fmt, title="Articles", display=display, more=more)


def timeline(records: Iterable[dict], fmt: str, display: Display | None = None, more: int = 0) -> None:
    emit(records, EVENT_COLUMNS, fmt, terminal=lambda r, con: draw_timeline(r, con), display=display, more=more)


def quotes(records: Iterable[dict], fmt: str, display: Display | None = None, more: int = 0) -> None:
    """On a terminal, quotations as blocks the text of which takes the whole width."""
    emit(records, QUOTE_COLUMNS, fmt, terminal=lambda r, con: quote_blocks(r, con, heading=False), display=display,
         more=more)


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
        from bilat.corpus import display_path  # a folder's name may hold what a terminal acts on

        line = f"no engagement of {name(a)} and {name(b)} ({a}–{b}){said} in {display_path(self.corpus)}"
        if self.unfiltered:
            return f"{line}; without --since, --until and --type there are {self.unfiltered}"
        hints = [f"{name(c)}–{name(p)} ({n})" for c in self.countries for p, n in self.partners[c]]
        return f"{line}; pairs with data: {', '.join(hints)}" if hints else f"{line}; neither country has any engagement there"


def pair(profile: dict, fmt: str, nothing: NothingFound | None = None, display: Display | None = None) -> None:
    """JSON gets the whole profile; flat formats get its timeline; a terminal gets every section.

    A pair with no engagement says so once, with what was searched: on a terminal instead of the
    sections, elsewhere on stderr beside the empty output scripts expect."""

    def draw(p: dict, con) -> None:
        from rich.text import Text

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
        year_bars(p["events"], con)
        draw_timeline(p["events"], con, title="Timeline")
        con.print()
        table(p["people"], PEOPLE_COLUMNS, title="People", con=con)
        quote_blocks(p["quotes"], con)
        table(p["figures"], FIGURE_COLUMNS, title="Figures", con=con)
        table(p["documents"], SOURCE_COLUMNS, title="Sources", con=con)

    emit(profile, EVENT_COLUMNS, fmt, flat_records=profile.get("events", []), terminal=draw, display=display)
    if nothing is not None and fmt != "table":
        print(f"bilat: {clean(nothing.message())}", file=sys.stderr)


def quote_blocks(records: list[dict], con, heading: bool = True) -> None:
    """Quotations as a reader scans them: the words first, then who said them, when and where from."""
    from rich.padding import Padding
    from rich.text import Text

    if not records:
        con.print(Text("Quotations: none" if heading else "no quotations found", style="dim"))
        return
    if heading:
        con.print(Text("Quotations", style=STRONG))
    for q in records:
        con.print(Padding(Text(f"“{clean(q['text'])}”"), (0, 2)))
        speaker = q["speaker"]
        who = ", ".join(x for x in (speaker["role"], speaker["country"]) if x)
        line = Text("— ", style="dim")
        line.append(clean(speaker["name"] or "unattributed"), style=STRONG)
        line.append(f" ({clean(who)})" if who else "")
        line.append(f" · {q['date'] or 'undated'} · {q['doc']}", style="dim")
        con.print(Padding(line, (0, 2)))
    con.print()


INDEX_COLUMNS = [Column(key, key) for key in ("corpus", "index", "added", "updated", "removed", "unchanged", "skipped", "failed")]
INDEX_COLUMNS.append(Column("formats", "formats", cell=lambda v: "; ".join(f"{k}={n}" for k, n in (v or {}).items())))


def index_report(report, folder: Path, location: Path, fmt: str | None, display: Display | None = None,
                 formats: dict[str, int] | None = None) -> None:
    """fmt None (nothing asked for): one line for a person or a cron log; any format: the report as a record.
    formats: how many documents the index holds of each format."""
    record = {"corpus": str(folder), "index": str(location), "added": report.added, "updated": report.updated,
              "removed": report.removed, "unchanged": report.unchanged,
              "skipped": len(report.skipped) + report.still_skipped, "failed": len(report.failed), "formats": formats or {}}
    if fmt is not None:
        emit(record, INDEX_COLUMNS, fmt, flat_records=[record], display=display)
        return
    held = ", ".join(f"{n} {kind}" for kind, n in record["formats"].items())
    line = (f"{record['added']} added, {record['updated']} updated, {record['removed']} removed, "
            f"{record['unchanged']} unchanged, {record['skipped']} skipped"
            + (f", {record['failed']} failed (a bug in bilat)" if record["failed"] else "")
            + (f"; documents: {held}" if held else ""))
    print(clean(line), file=sys.stdout)
    print(f"index: {location}", file=sys.stderr)


# -- bilat show ----------------------------------------------------------------------------------
REPORT_COLUMNS = [
    Column("date", "date", terminal_empty="undated", wrap=False),
    Column("type", "type", wrap=False),
    Column("countries", "countries", cell=_joined("-"), wrap=False),
    Column("place", "place"),
    Column("summary", "summary"),
    Column("evidence", "evidence"),
    Column("main", "main", cell=lambda v: "yes" if v else ""),
    Column("doc", "doc", wrap=False),
    Column("event", "event", wrap=False),
]
DATE_SOURCE_WORDS = {"prefix": "from the article's date line", "dateline": "from the dateline",
                     "text": "written in the story", "relative": "worked out from words like 'last week'",
                     "other_report": "from another report of the same engagement"}
# rich's short style names: b heavy, u underlined
SPAN_STYLE = {"country": "b cyan", "person": "b magenta", "date": "u green"}


def show(record: dict, fmt: str, display: Display | None = None, spellings: list[str] | None = None) -> None:
    """One document or engagement: JSON and JSON Lines get the record whole, flat formats its reports, a terminal
    the article as read (its text with what was recognised highlighted) or the engagement with every report."""
    if fmt == "jsonl":
        from bilat.render import to_json

        print(to_json(record))
        return
    flat_rows = record["events"] if record["kind"] == "document" else record["reports"]
    drawing = show_document if record["kind"] == "document" else show_event
    emit(record, REPORT_COLUMNS, fmt, flat_records=flat_rows,
         terminal=lambda r, con: drawing(r, con, spellings or []), display=display)


def _when(date: str | None, source: str | None) -> str:
    if not date:
        return "undated"
    return f"{date}, {DATE_SOURCE_WORDS.get(source or '', source or 'source unknown')}"


def _report_lines(reports: list[dict], con, by: str) -> None:
    """Each report: date, type, parties, place and id on one line, the sentence it was read from below."""
    from rich.text import Text

    for r in reports:
        line = Text("  ")
        line.append(r["date"] or "undated", style=STRONG if r["date"] else "dim")
        line.append("  ")
        line.append(r["type"], style=TYPE_STYLE.get(r["type"], ""))
        line.append("  " + "–".join(r["countries"]), style=STRONG)
        if r["place"]:
            line.append(f"  {clean(r['place'])}")
        line.append(f"  [{r[by]}]" + ("  main" if r["main"] else ""), style="dim")
        con.print(line)
        con.print(_wrapped(r["evidence"], con.width, indent=4))


def _wrapped(text: str, width: int, indent: int = 0):
    """Text wrapped here, not by rich: no trailing spaces for a reader to copy."""
    import textwrap

    from rich.text import Text

    pad = " " * indent
    return Text("\n".join(textwrap.wrap(clean(text), max(20, width - indent), initial_indent=pad, subsequent_indent=pad)))


def show_document(d: dict, con, spellings: list[str]) -> None:
    from rich.text import Text

    from bilat.countrynames import name

    con.print(Text(d["title"] or d["id"], style=STRONG + " underline"))
    con.print(Text(f"{d['id']} · {_when(d['date'], d['date_source'])}", style="dim"))
    con.print(Text(clean(d["path"]), style="dim"))
    con.print(Text("Countries: ", style=STRONG).append(", ".join(f"{name(c)} ({c})" for c in d["countries"]) or "none"))
    con.print()
    table([{**p, "name": p["canonical"]} for p in d["people"]], PEOPLE_COLUMNS[:3], title="People", con=con)
    con.print(Text("Engagements", style=STRONG) if d["events"] else Text("Engagements: none", style="dim"))
    _report_lines(d["events"], con, by="event")
    con.print()
    quote_blocks(d["quotes"], con)
    if d["figures"]:
        table(d["figures"], FIGURE_COLUMNS[:3], title="Figures", con=con)
    legend = Text("Text ", style=STRONG)
    for kind in ("country", "person", "date"):
        legend.append(f" {kind} ", style=SPAN_STYLE[kind])
    con.print(legend)
    for paragraph in d["text"].split("\n"):
        con.print(highlighted(clean(paragraph), spellings, d["date"]))
        con.print()


def highlighted(paragraph: str, spellings: list[str], date: str | None):
    """A paragraph as rich text, the countries, people and dates bilat recognised in it styled."""
    from rich.text import Text

    from bilat.spans import find_spans

    text = Text(paragraph)
    for span in find_spans(paragraph, spellings, date):
        text.stylize(SPAN_STYLE[span.kind], span.start, span.end)
    return text


def show_event(e: dict, con, spellings: list[str]) -> None:
    from rich.text import Text

    from bilat.countrynames import name

    head = f"{e['type']}: {' – '.join(name(c) for c in e['countries'])}"
    con.print(Text(head, style=STRONG + " underline"))
    con.print(Text(f"{e['id']} · {_when(e['date'], e['date_source'])}" + (f" · {clean(e['place'])}" if e["place"] else "")
                   + f" · CAMEO {e['cameo']}", style="dim"))
    con.print(_wrapped(e["summary"], con.width))
    con.print()
    con.print(Text(f"Reports ({len(e['reports'])})", style=STRONG))
    _report_lines(e["reports"], con, by="doc")
    con.print()
    table(e["documents"], SOURCE_COLUMNS, title="Sources", con=con)


# -- bilat countries, bilat people ---------------------------------------------------------------
def _typed_counts(v) -> str:
    return "; ".join(f"{k}={n}" for k, n in (v or {}).items())


def _partner_counts(v) -> str:
    return "; ".join(f"{p['country']}={p['event_count']}" for p in v or [])


COUNTRY_COLUMNS = [
    Column("country", "country", style=STRONG, wrap=False),
    Column("name", "name", min_width=12),
    Column("document_count", "documents", wrap=False),
    Column("event_count", "events", wrap=False),
    Column("event_count_by_type", "by_type", cell=_typed_counts,
           terminal_cell=lambda v: ", ".join(f"{k} {n}" for k, n in (v or {}).items()), items=True, drop=2, min_width=16),
    Column("partners", "partners", cell=_partner_counts,
           terminal_cell=lambda v: ", ".join(f"{p['country']} {p['event_count']}" for p in (v or [])[:5])
           + (" …" if len(v or []) > 5 else ""), items=True, drop=1, min_width=16),
]
PARTNER_COLUMNS = [
    Column("country", "country", style=STRONG, wrap=False),
    Column("name", "name", min_width=12),
    Column("event_count", "events", wrap=False),
    Column("event_count_by_type", "by_type", cell=_typed_counts, items=True, drop=1, min_width=16),
    Column("document_count", "documents", wrap=False),
]
PERSON_COLUMNS = [
    Column("name", "name", style=STRONG, min_width=16),
    Column("country", "country", wrap=False),
    Column("roles", "roles", cell=_joined("; "), terminal_cell=_joined(", "), drop=1, min_width=16),
    Column("document_count", "documents", wrap=False),
    Column("quote_count", "quotes", wrap=False),
    Column("variants", "variants", cell=_joined("; "), terminal_cell=_joined(", "), items=True, drop=2, min_width=16),
    Column("docs", "docs", cell=_joined(","), terminal_cell=_joined(", "), items=True, drop=3),
]


def countries(records: list[dict], fmt: str, display: Display | None = None) -> None:
    emit(records, COUNTRY_COLUMNS, fmt, title="Countries", display=display)


def partners(records: list[dict], of: list[str], fmt: str, display: Display | None = None) -> None:
    """On a terminal, a bar chart of the engagements each partner shares; elsewhere the rows."""
    emit(records, PARTNER_COLUMNS, fmt, terminal=lambda r, con: partner_bars(r, of, con), display=display)


def partner_bars(records: list[dict], of: list[str], con) -> None:
    """One bar a partner, its length in proportion to the engagements shared, coloured by their types."""
    from rich.text import Text

    from bilat.countrynames import name

    con.print(Text(f"Partners of {' and '.join(f'{name(c)} ({c})' for c in of)}", style=STRONG + " underline"))
    if not records:
        con.print(Text("no engagement with another country found", style="dim"))
        return
    labels = [f"{clean(r['name'])} ({r['country']})" for r in records]
    width = max(len(label) for label in labels)
    top = max(r["event_count"] for r in records)
    room = max(10, con.width - width - 2 - len(str(top)))
    for label, r in zip(labels, records, strict=True):
        line = Text()
        line.append(label.ljust(width + 1), style=STRONG)
        for kind, n in r["event_count_by_type"].items():  # one bar, coloured by type
            line.append("█" * max(1, round(n * room / top)), style=TYPE_STYLE.get(kind, ""))
        line.append(f" {r['event_count']}")
        con.print(line, no_wrap=True, overflow="ignore")
    _legend(_types_shown(records), con)


def _legend(kinds: list[str], con) -> None:
    """Which colour is which type, below a bar chart."""
    from rich.text import Text

    legend = Text("  ".join(f"█ {kind}" for kind in kinds))
    position = 0
    for kind in kinds:
        legend.stylize(TYPE_STYLE.get(kind, ""), position, position + 1)
        position += len(f"█ {kind}  ")
    con.print(legend)


def _types_shown(records: list[dict]) -> list[str]:
    from bilat.eventtypes import EVENT_TYPES

    seen = {k for r in records for k in r["event_count_by_type"]}
    return [t for t in EVENT_TYPES if t in seen]


def year_bars(events: list[dict], con) -> None:
    """A pair's engagements per year, one bar a year coloured by type (a block an engagement while they fit);
    undated ones last. Terminal only: JSON and flat rows have the events themselves."""
    from collections import Counter

    from rich.text import Text

    if not events:
        return
    years: dict[str, Counter] = {}
    for e in sorted(events, key=lambda e: (e["date"] is None, e["date"] or "")):
        years.setdefault(e["date"][:4] if e["date"] else "undated", Counter())[e["type"]] += 1
    con.print(Text("Engagements by year", style=STRONG))
    width = max(len(year) for year in years)
    top = max(sum(c.values()) for c in years.values())
    room = max(10, con.width - width - 2 - len(str(top)))
    scale = min(1.0, room / top)  # a block an engagement, unless the busiest year would not fit
    for year, counts in years.items():
        line = Text(year.ljust(width + 1), style=STRONG if year != "undated" else "dim")
        for kind in _types_shown([{"event_count_by_type": counts}]):
            line.append("█" * max(1, round(counts[kind] * scale)), style=TYPE_STYLE.get(kind, ""))
        line.append(f" {sum(counts.values())}")
        con.print(line, no_wrap=True, overflow="ignore")
    _legend(_types_shown([{"event_count_by_type": c} for c in years.values()]), con)
    con.print()


def people(records: list[dict], fmt: str, display: Display | None = None) -> None:
    emit(records, PERSON_COLUMNS, fmt, title="People", display=display)
