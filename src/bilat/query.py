"""The read side: plain records out of the index, filtered, with one event per engagement.

Everything returned is made of dicts, lists, strings and numbers keyed as docs/contract.md
says (docs/schema/ holds the JSON Schemas), so rendering needs no knowledge of SQL. Filters and order are index lookups
(see store.py); the cross-document views are stored at refresh, so a query only reads, and
decodes only the rows it returns.
"""
from __future__ import annotations

import json
import sqlite3
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field

from bilat.search import SearchError, fts_query  # noqa: F401 - SearchError: raised through here
from bilat.textutil import fold


@dataclass
class Filters:
    countries: list[str] = field(default_factory=list)  # alpha-3; every one must be involved
    since: str | None = None  # ISO date, inclusive
    until: str | None = None  # ISO date, inclusive
    types: list[str] = field(default_factory=list)
    search: str | None = None
    limit: int | None = None


class _Where:
    """SQL conditions and their arguments, built up filter by filter."""

    def __init__(self):
        self.clauses: list[str] = []
        self.args: list = []
        self.ranged = False

    def add(self, clause: str, *args) -> None:
        self.clauses.append(clause)
        self.args.extend(args)

    def dates(self, table: str, f: Filters) -> None:
        """A date at any precision is in range when its span overlaps the range; undated only without a range."""
        if f.since:
            self.add(f"{table}.date_last >= ?", f.since)
        if f.until:
            self.add(f"{table}.date_first <= ?", f.until)
        self.ranged = self.ranged or bool(f.since or f.until)

    def sql(self) -> str:
        return " WHERE " + " AND ".join(self.clauses) if self.clauses else ""

    def order(self, table: str, *then: str) -> str:
        """By date, undated last. With a date range the `+` keeps SQLite from walking the whole
        order index and filtering as it goes: reading the range's rows and sorting those is cheaper."""
        first = f"+({table}.date IS NULL)" if self.ranged else f"{table}.date IS NULL"
        return f" ORDER BY {first}, {table}.date, {', '.join(then)}"


def _in(values) -> str:
    return ",".join("?" * len(values))


def _limit(f: Filters) -> str:
    return f" LIMIT {int(f.limit)}" if f.limit else ""


BATCH = 500  # rows read and decoded at a time while a listing streams


class Reader:
    def __init__(self, conn: sqlite3.Connection):
        self.conn = conn

    def _documents(self, where: _Where, limit: str = "") -> list[dict]:
        return list(self._iter_documents(where, limit))

    def _iter_documents(self, where: _Where, limit: str = "") -> Iterator[dict]:
        """Documents in list order (by date, undated last), each with its people as named across the corpus,
        read and decoded a batch at a time: the first rows go out at once and memory stays flat at any size."""
        cursor = self.conn.execute(
            # The three JSON lists as one, decoded once per row.
            "SELECT d.id, d.doc, d.title, d.date, d.date_precision, d.path, "
            "'[' || d.countries || ',' || d.pairs || ',' || d.event_types || ']' AS lists "
            f"FROM documents d{where.sql()}{where.order('d', 'd.doc')}{limit}", where.args)
        while rows := cursor.fetchmany(BATCH):
            people: dict[int, list[dict]] = {}
            found = self.conn.execute(
                "SELECT p.doc, p.name, p.country, p.role, g.name AS canonical, g.country AS usual FROM people p "
                "LEFT JOIN persons g ON g.id = p.person WHERE p.doc IN (SELECT value FROM json_each(?)) ORDER BY p.doc, p.idx",
                (json.dumps([r["id"] for r in rows]),))
            for p in found:
                # The name as this article writes it, and the one the person goes by across the corpus.
                people.setdefault(p["doc"], []).append({
                    "name": p["name"], "country": p["usual"] or p["country"], "role": p["role"],
                    "canonical": p["canonical"] or p["name"]})
            for r in rows:
                countries, pairs, types = json.loads(r["lists"])
                yield {"id": r["doc"], "title": r["title"], "date": r["date"], "date_precision": r["date_precision"],
                       "countries": countries, "pairs": pairs, "people": people.get(r["id"], []), "event_types": types,
                       "path": r["path"]}

    def _engagements(self, where: _Where, limit: str = "") -> list[dict]:
        return list(self._iter_engagements(where, limit))

    def _iter_engagements(self, where: _Where, limit: str = "") -> Iterator[dict]:
        rows = self.conn.execute(
            "SELECT g.lead_doc, g.lead_idx, g.date, g.date_precision, g.date_source, g.countries, g.type, g.cameo, g.plover, g.place, "
            f"g.summary, g.evidence, g.docs FROM engagements g{where.sql()}"
            f"{where.order('g', 'g.lead_doc', 'g.lead_idx')}{limit}", where.args)
        return ({"id": f"{r['lead_doc']}#{r['lead_idx']}", "date": r["date"], "date_precision": r["date_precision"],
                 "date_source": r["date_source"], "countries": (countries := json.loads(r["countries"])),
                 "multilateral": len(countries) > 2, "type": r["type"], "cameo": r["cameo"],
                 "plover": json.loads(r["plover"]), "place": r["place"], "summary": r["summary"], "evidence": r["evidence"],
                 "docs": json.loads(r["docs"])} for r in rows)

    def _quotes(self, where: _Where, limit: str = "") -> list[dict]:
        return list(self._iter_quotes(where, limit))

    def _iter_quotes(self, where: _Where, limit: str = "") -> Iterator[dict]:
        rows = self.conn.execute(
            "SELECT q.text, q.speaker, q.speaker_role, q.speaker_country, d.doc, d.date, d.date_precision FROM quotes q "
            f"JOIN documents d ON d.id = q.doc{where.sql()}{where.order('d', 'd.doc', 'q.idx')}{limit}",
            where.args)
        # The speaker as `people` records everyone: name, country, role.
        return ({"text": r["text"], "speaker": {"name": r["speaker"], "country": r["speaker_country"], "role": r["speaker_role"]},
                 "doc": r["doc"], "date": r["date"], "date_precision": r["date_precision"]} for r in rows)

    # -- the four questions -----------------------------------------------------------------
    # Each comes as a stream (iter_*, what the commands print from), as a list, and as a count of its rows.
    def _documents_where(self, f: Filters) -> _Where:
        where = _Where()
        for c in f.countries:
            where.add("d.id IN (SELECT doc FROM document_countries WHERE country = ?)", c)
        if f.types:
            where.add(f"d.id IN (SELECT doc FROM events WHERE type IN ({_in(f.types)}))", *f.types)
        where.dates("d", f)
        if f.search:
            where.add("d.id IN (SELECT rowid FROM documents_fts WHERE documents_fts MATCH ?)", fts_query(f.search))
        return where

    def iter_documents(self, f: Filters) -> Iterator[dict]:
        return self._iter_documents(self._documents_where(f), _limit(f))

    def list_documents(self, f: Filters) -> list[dict]:
        return list(self.iter_documents(f))

    def count_documents(self, f: Filters) -> int:
        where = self._documents_where(f)
        return self.conn.execute(f"SELECT count(*) FROM documents d{where.sql()}", where.args).fetchone()[0]

    def _timeline_where(self, f: Filters) -> _Where:
        where = _Where()
        for c in f.countries:
            where.add("g.id IN (SELECT engagement FROM engagement_countries WHERE country = ?)", c)
        if f.types:
            where.add(f"g.type IN ({_in(f.types)})", *f.types)
        where.dates("g", f)
        if f.search:
            where.add("g.id IN (SELECT l.engagement FROM engagement_events l JOIN events e ON e.id = l.event WHERE e.doc IN "
                      "(SELECT rowid FROM documents_fts WHERE documents_fts MATCH ?))", fts_query(f.search))
        return where

    def iter_timeline(self, f: Filters) -> Iterator[dict]:
        """Engagements in date order, undated last."""
        return self._iter_engagements(self._timeline_where(f), _limit(f))

    def timeline(self, f: Filters) -> list[dict]:
        return list(self.iter_timeline(f))

    def count_timeline(self, f: Filters) -> int:
        where = self._timeline_where(f)
        return self.conn.execute(f"SELECT count(*) FROM engagements g{where.sql()}", where.args).fetchone()[0]

    def _quotes_where(self, f: Filters, speaker: str | None, words: str | None) -> _Where:
        where = _Where()
        if words:
            where.add("q.id IN (SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH ?)", fts_query(words))
        # Every word given starts a word of the speaker's name, diacritics and case aside.
        for w in fold(speaker or "").split():
            where.add("q.id IN (SELECT quote FROM speaker_words WHERE word >= ? AND word < ?)", w, w + "\U0010ffff")
        if f.countries:
            where.add(f"q.speaker_country IN ({_in(f.countries)})", *f.countries)
        where.dates("d", f)
        return where

    def iter_quotes(self, f: Filters, speaker: str | None = None, words: str | None = None) -> Iterator[dict]:
        return self._iter_quotes(self._quotes_where(f, speaker, words), _limit(f))

    def quotes(self, f: Filters, speaker: str | None = None, words: str | None = None) -> list[dict]:
        return list(self.iter_quotes(f, speaker, words))

    def count_quotes(self, f: Filters, speaker: str | None = None, words: str | None = None) -> int:
        where = self._quotes_where(f, speaker, words)
        return self.conn.execute(f"SELECT count(*) FROM quotes q JOIN documents d ON d.id = q.doc{where.sql()}",
                                 where.args).fetchone()[0]

    def pair(self, a: str, b: str, f: Filters) -> dict:
        """Everything about one relationship, every section under the same filters.

        Engagements are those both countries take part in, multilateral ones included (and marked);
        documents are the reports of those engagements; people, quotes and figures come from those
        documents, quotes also said within the date range.
        """
        countries = sorted({a, b})
        events = self.timeline(Filters(countries=countries, since=f.since, until=f.until, types=f.types))
        where = _Where()
        where.add("d.doc IN (SELECT value FROM json_each(?))", json.dumps(sorted({d for e in events for d in e["docs"]})))
        documents = self._documents(where)
        doc_ids = json.dumps([d["id"] for d in documents])
        people: dict[str, dict] = {}
        for d in documents:
            for p in d["people"]:
                if p["country"] not in countries:
                    continue
                entry = people.setdefault(p["canonical"], {"name": p["canonical"], "country": p["country"],
                                                           "role": p["role"], "variants": [], "docs": []})
                if d["id"] not in entry["docs"]:
                    entry["docs"].append(d["id"])
        for r in self.conn.execute("SELECT name, variants FROM persons WHERE name IN (SELECT value FROM json_each(?))",
                                   (json.dumps(list(people)),)):
            people[r["name"]]["variants"] = json.loads(r["variants"])
        where = _Where()
        where.add("d.doc IN (SELECT value FROM json_each(?))", doc_ids)
        where.add(f"(q.speaker_country IN ({_in(countries)}) OR q.speaker_country IS NULL)", *countries)
        where.dates("d", f)
        quotes = self._quotes(where)
        figures = [dict(r) for r in self.conn.execute(
            "SELECT f.value, f.counts AS measure, f.time AS period, f.evidence, d.doc FROM figures f "
            "JOIN documents d ON d.id = f.doc WHERE d.doc IN (SELECT value FROM json_each(?)) ORDER BY d.doc, f.idx", (doc_ids,))]
        dated = [e["date"] for e in events if e["date"]]
        overview = {
            "document_count": len(documents),
            "event_count": len(events),
            "multilateral_event_count": sum(e["multilateral"] for e in events),
            "event_count_by_type": dict(Counter(e["type"] for e in events)),
            "person_count": len(people),
            "quote_count": len(quotes),
            "figure_count": len(figures),
            "first_date": min(dated) if dated else None,
            "last_date": max(dated) if dated else None,
        }
        return {"countries": countries, "overview": overview, "events": events, "people": list(people.values()),
                "quotes": quotes, "documents": [{"id": d["id"], "title": d["title"], "date": d["date"],
                                                 "date_precision": d["date_precision"], "path": d["path"]} for d in documents],
                "figures": figures}

    def partners(self, country: str, limit: int = 3) -> list[tuple[str, int]]:
        """The countries `country` shares the most engagements with, and how many: a hint where a pair has none."""
        rows = self.conn.execute(
            "SELECT o.country, count(*) AS n FROM engagement_countries c JOIN engagement_countries o "
            "ON o.engagement = c.engagement AND o.country != c.country WHERE c.country = ? "
            "GROUP BY o.country ORDER BY n DESC, o.country LIMIT ?", (country, limit))
        return [(r[0], r[1]) for r in rows]
