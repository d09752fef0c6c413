"""The index's tables, and how extractions become rows in them.

Everything a query filters on is a column or a link table with an index, so queries are index
lookups; every foreign key has an index, so deleting a document is a handful of index probes.
The cross-document views (persons, engagements, documents' dates) are stored rows, recomputed
only for the parts that added or deleted documents touch: people by initials, events
by type and parties.
"""
from __future__ import annotations

import json
import sqlite3

from bilat.merge import group_people, initials, merge_events
from bilat.textutil import fold

SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
-- files that could not be read, as they were when tried: not read (nor reported) again until they change
CREATE TABLE skipped (doc TEXT PRIMARY KEY, size INTEGER NOT NULL, mtime_ns INTEGER NOT NULL, reason TEXT NOT NULL);
-- own_*: the date the article fixes (and how), date*: refined by other reports of its main engagement, with its span.
CREATE TABLE documents (
    id INTEGER PRIMARY KEY, doc TEXT NOT NULL UNIQUE, path TEXT NOT NULL, size INTEGER NOT NULL,
    mtime_ns INTEGER NOT NULL, sha256 TEXT NOT NULL, title TEXT,
    own_date TEXT, own_precision TEXT, date TEXT, date_precision TEXT, date_first TEXT, date_last TEXT,
    countries TEXT NOT NULL, pairs TEXT NOT NULL, event_types TEXT NOT NULL, own_source TEXT
);
CREATE INDEX documents_order ON documents(date IS NULL, date, doc);
CREATE INDEX documents_first ON documents(date_first);
CREATE INDEX documents_last ON documents(date_last);
CREATE TABLE document_countries (
    country TEXT NOT NULL, doc INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE, PRIMARY KEY (country, doc)
) WITHOUT ROWID;
CREATE INDEX document_countries_doc ON document_countries(doc);
-- One row per person across documents: the spelling met first, the others, the most frequent country.
CREATE TABLE persons (id INTEGER PRIMARY KEY, initials TEXT NOT NULL, name TEXT NOT NULL, country TEXT, variants TEXT NOT NULL);
CREATE INDEX persons_initials ON persons(initials);
CREATE INDEX persons_name ON persons(name);
CREATE TABLE people (
    doc INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE, idx INTEGER NOT NULL, name TEXT NOT NULL,
    key TEXT NOT NULL, initials TEXT NOT NULL, country TEXT, role TEXT, variants TEXT NOT NULL,
    person INTEGER REFERENCES persons(id) ON DELETE SET NULL, PRIMARY KEY (doc, idx)
);
CREATE INDEX people_initials ON people(initials);
CREATE INDEX people_person ON people(person);
CREATE TABLE quotes (
    id INTEGER PRIMARY KEY, doc INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE, idx INTEGER NOT NULL,
    text TEXT NOT NULL, speaker TEXT, speaker_role TEXT, speaker_country TEXT
);
CREATE INDEX quotes_doc ON quotes(doc, idx);
CREATE INDEX quotes_country ON quotes(speaker_country);
-- The folded words of a quote's speaker, for --speaker prefixes.
CREATE TABLE speaker_words (
    word TEXT NOT NULL, quote INTEGER NOT NULL REFERENCES quotes(id) ON DELETE CASCADE, PRIMARY KEY (word, quote)
) WITHOUT ROWID;
CREATE INDEX speaker_words_quote ON speaker_words(quote);
-- One row per report: parties ('HUN-SRB') and type are the group merged across documents.
CREATE TABLE events (
    id INTEGER PRIMARY KEY, doc INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE, idx INTEGER NOT NULL,
    main INTEGER NOT NULL, type TEXT NOT NULL, parties TEXT NOT NULL, countries TEXT NOT NULL,
    date TEXT, date_precision TEXT, date_source TEXT, place TEXT,
    summary TEXT NOT NULL, evidence TEXT NOT NULL, cameo TEXT NOT NULL, plover TEXT NOT NULL
);
CREATE INDEX events_doc ON events(doc);
CREATE INDEX events_group ON events(type, parties);
CREATE INDEX events_parties ON events(parties);
-- One row per engagement: its first report's fields, its merged date and place, the documents reporting it.
CREATE TABLE engagements (
    id INTEGER PRIMARY KEY, eid TEXT NOT NULL, type TEXT NOT NULL, parties TEXT NOT NULL, size INTEGER NOT NULL,
    lead_doc TEXT NOT NULL, lead_idx INTEGER NOT NULL, countries TEXT NOT NULL, cameo TEXT NOT NULL, plover TEXT NOT NULL,
    summary TEXT NOT NULL, evidence TEXT NOT NULL, date TEXT, date_precision TEXT, date_source TEXT,
    date_first TEXT, date_last TEXT, place TEXT, docs TEXT NOT NULL,
    reports TEXT NOT NULL  -- the event rows merged, with the merged date and place: what a recompute compares
);
CREATE INDEX engagements_group ON engagements(type, parties);
CREATE INDEX engagements_order ON engagements(date IS NULL, date, lead_doc, lead_idx);
CREATE INDEX engagements_first ON engagements(date_first);
CREATE INDEX engagements_last ON engagements(date_last);
CREATE TABLE engagement_events (
    event INTEGER PRIMARY KEY REFERENCES events(id) ON DELETE CASCADE,
    engagement INTEGER NOT NULL REFERENCES engagements(id) ON DELETE CASCADE
);
CREATE INDEX engagement_events_engagement ON engagement_events(engagement);
CREATE TABLE engagement_countries (
    country TEXT NOT NULL, engagement INTEGER NOT NULL REFERENCES engagements(id) ON DELETE CASCADE,
    PRIMARY KEY (country, engagement)
) WITHOUT ROWID;
CREATE INDEX engagement_countries_engagement ON engagement_countries(engagement);
CREATE TABLE figures (
    doc INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE, idx INTEGER NOT NULL,
    value TEXT NOT NULL, counts TEXT NOT NULL, time TEXT, evidence TEXT NOT NULL, PRIMARY KEY (doc, idx)
);
-- Full text keyed by the rows' ids: documents_fts.rowid = documents.id, quotes_fts.rowid = quotes.id.
CREATE VIRTUAL TABLE documents_fts USING fts5(title, text, tokenize = 'unicode61 remove_diacritics 2');
CREATE VIRTUAL TABLE quotes_fts USING fts5(text, tokenize = 'unicode61 remove_diacritics 2');
"""

DELETE_STATEMENTS = (
    "DELETE FROM documents_fts WHERE rowid = ?",
    "DELETE FROM quotes_fts WHERE rowid IN (SELECT id FROM quotes WHERE doc = ?)",
    "DELETE FROM documents WHERE id = ?",  # the rest follows by cascade
)
BATCH = 256  # documents written per executemany round


def span(date: str | None) -> tuple[str | None, str | None]:
    """The first and last day a date at any precision may mean, as ISO strings that compare as dates."""
    if date is None:
        return None, None
    return {4: (date + "-01-01", date + "-12-31"), 7: (date + "-01", date + "-31"), 10: (date, date)}[len(date)]


class Writer:
    """Adds and deletes documents within the caller's transaction; finish() brings the cross-document views up to date."""

    def __init__(self, conn: sqlite3.Connection):
        self.conn = conn
        self.groups: set[tuple[str, str]] = set()  # (type, parties) whose engagements must be merged again
        self.initials: set[str] = set()  # initials whose persons must be grouped again
        self.rows: dict[str, list[tuple]] = {table: [] for table in _INSERTS}
        self.pending = 0
        self.next_id = {t: conn.execute(f"SELECT coalesce(max(id), 0) + 1 FROM {t}").fetchone()[0]
                        for t in ("documents", "quotes", "events")}

    def delete(self, doc: int) -> None:
        self._flush()
        self.groups.update((r[0], r[1]) for r in self.conn.execute("SELECT DISTINCT type, parties FROM events WHERE doc = ?",
                                                                     (doc,)))
        self.initials.update(r[0] for r in self.conn.execute("SELECT DISTINCT initials FROM people WHERE doc = ?", (doc,)))
        for statement in DELETE_STATEMENTS:
            self.conn.execute(statement, (doc,))

    def add(self, doc_id: str, path: str, size: int, mtime_ns: int, sha: str, title: str, text: str, x) -> None:
        """One extracted document, written with the next batch."""
        doc = self._id("documents")
        date = x.date  # as the article fixes it; other reports may refine it in finish()
        own = (date.value, date.precision) if date else (None, None)
        self.rows["documents"].append((doc, doc_id, path, size, mtime_ns, sha, title, *own, *own, *span(own[0]),
                                       json.dumps(x.countries), json.dumps(x.pairs),
                                       json.dumps(sorted({e.type for e in x.events})), date.source if date else None))
        self.rows["documents_fts"].append((doc, title, text))
        self.rows["document_countries"] += [(c, doc) for c in dict.fromkeys(x.countries)]
        for i, p in enumerate(x.people):
            key = fold(p.name)
            self.initials.add(initials(key))
            self.rows["people"].append((doc, i, p.name, key, initials(key), p.country, p.role, json.dumps(p.variants)))
        for i, q in enumerate(x.quotes):
            quote = self._id("quotes")
            self.rows["quotes"].append((quote, doc, i, q.text, q.speaker, q.speaker_role, q.speaker_country))
            self.rows["quotes_fts"].append((quote, q.text))
            self.rows["speaker_words"] += [(w, quote) for w in dict.fromkeys(fold(q.speaker or "").split())]
        for i, e in enumerate(x.events):
            parties = "-".join(e.countries)
            self.groups.add((e.type, parties))
            d = (e.date.value, e.date.precision, e.date.source) if e.date else (None, None, None)
            self.rows["events"].append((self._id("events"), doc, i, int(i == x.main_event), e.type, parties,
                                        json.dumps(e.countries), *d, e.place, e.summary, e.evidence, e.cameo,
                                        json.dumps(e.plover)))
        self.rows["figures"] += [(doc, i, f.value, f.counts, f.when, f.evidence) for i, f in enumerate(x.figures)]
        self.pending += 1
        if self.pending >= BATCH:
            self._flush()

    def finish(self) -> None:
        self._flush()
        for part in sorted(self.initials):
            self._group_people(part)
        for group in sorted(self.groups):
            self._merge_events(*group)

    def _id(self, table: str) -> int:
        self.next_id[table] += 1
        return self.next_id[table] - 1

    def _flush(self) -> None:
        for table, rows in self.rows.items():
            if rows:
                self.conn.executemany(_INSERTS[table], rows)
                rows.clear()
        self.pending = 0

    def _group_people(self, part: str) -> None:
        """Persons of some initials grouped again; a person keeps its row (by name), and only changes are written."""
        rows = self.conn.execute("SELECT p.doc, p.idx, p.name, p.country, p.role, p.variants, p.person FROM people p "
                                 "JOIN documents d ON d.id = p.doc WHERE p.initials = ? ORDER BY d.doc, p.idx",
                                 (part,)).fetchall()
        groups, joined = group_people([(r["name"], r["country"], r["role"], json.loads(r["variants"])) for r in rows])
        stored = {r["name"]: r for r in self.conn.execute("SELECT * FROM persons WHERE initials = ?", (part,))}
        wanted = {g["name"]: (g["country"], json.dumps(sorted(g["variants"]))) for g in groups}
        first = self.conn.execute("SELECT coalesce(max(id), 0) + 1 FROM persons").fetchone()[0]  # no id used before
        self.conn.executemany("DELETE FROM persons WHERE id = ?", [(r["id"],) for name, r in stored.items() if name not in wanted])
        self.conn.executemany("UPDATE persons SET country = ?, variants = ? WHERE id = ?",
                              [(*wanted[name], r["id"]) for name, r in stored.items()
                               if name in wanted and wanted[name] != (r["country"], r["variants"])])
        new = [name for name in wanted if name not in stored]
        self.conn.executemany("INSERT INTO persons VALUES (?,?,?,?,?)",
                              [(n, part, name, *wanted[name]) for n, name in enumerate(new, first)])
        ids = {**{name: r["id"] for name, r in stored.items()}, **{name: n for n, name in enumerate(new, first)}}
        person = [ids[g["name"]] for g in groups]
        self.conn.executemany("UPDATE people SET person = ? WHERE doc = ? AND idx = ?",
                              [(person[n], r["doc"], r["idx"]) for r, n in zip(rows, joined, strict=True)
                               if r["person"] != person[n]])

    def _merge_events(self, kind: str, parties: str) -> None:
        """Engagements of one type and parties merged again, and the dates of the documents they are the main one of.

        Only engagements that came out differently are rewritten: an edit touches a few of a group's many.
        """
        rows = self.conn.execute(
            "SELECT e.id, e.idx, e.main, e.date, e.date_precision, e.date_source, e.place, e.evidence, d.doc AS doc_id, "
            "d.id AS doc_row, d.own_date, d.own_precision, d.date AS doc_date, d.date_precision AS doc_precision "
            "FROM events e JOIN documents d ON d.id = e.doc WHERE e.type = ? AND e.parties = ? ORDER BY d.doc, e.idx",
            (kind, parties)).fetchall()
        surnames: dict[str, set[str]] = {}
        if len(rows) > 1:
            for r in self.conn.execute("SELECT d.doc, p.key FROM people p JOIN documents d ON d.id = p.doc WHERE p.doc IN "
                                       "(SELECT doc FROM events WHERE type = ? AND parties = ?)", (kind, parties)):
                surnames.setdefault(r[0], set()).add(r[1].split()[-1])
        raw = [{"date": r["date"], "date_precision": r["date_precision"], "date_source": r["date_source"],
                "place": r["place"], "docs": [r["doc_id"]], "events": [r["id"]],
                "evidence": " ".join(r["evidence"].lower().split())} for r in rows]
        merged = {json.dumps([g["events"], g["date"], g["date_precision"], g["date_source"], g["place"]]): g
                  for g in merge_events(raw, surnames)}
        stored = {r[1]: r[0] for r in self.conn.execute(
            "SELECT id, reports FROM engagements WHERE type = ? AND parties = ?", (kind, parties))}
        # An engagement that keeps its first report but gains or loses others (a new report of a known engagement)
        # keeps its row: its few changed links are written instead of its thousands of reports again.
        gone = {json.loads(reports)[0][0]: (i, reports) for reports, i in stored.items() if reports not in merged}
        new = [(k, g) for k, g in merged.items() if k not in stored]
        kept = {g["events"][0]: gone.pop(g["events"][0]) for _, g in new if g["events"][0] in gone}
        self.conn.executemany("DELETE FROM engagements WHERE id = ?", [(i,) for i, _ in gone.values()])
        by_id = {r["id"]: r for r in rows}
        self._store_engagements(kind, parties, new, by_id, kept)

    def _store_engagements(self, kind: str, parties: str, new: list[tuple[str, dict]], by_id: dict[int, sqlite3.Row],
                           kept: dict[int, tuple[int, str]]) -> None:
        """Engagements with their fields from their first report, links, and the dates of the documents they date.
        kept: by first report, the row and stored reports of an engagement that is updated in place."""
        leads = {r["id"]: r for r in self.conn.execute(
            "SELECT e.id, e.idx, e.countries, e.cameo, e.plover, e.summary, e.evidence, d.doc AS doc_id FROM events e "
            "JOIN documents d ON d.id = e.doc WHERE e.id IN (SELECT value FROM json_each(?))",
            (json.dumps([g["events"][0] for _, g in new]),))}
        first = self.conn.execute("SELECT coalesce(max(id), 0) + 1 FROM engagements").fetchone()[0]
        engagements, updated, events, unlinked, countries, documents = [], [], [], [], [], []
        for reports, g in new:
            lead = leads[g["events"][0]]
            codes = json.loads(lead["countries"])
            eid = f"{lead['doc_id']}#{kind}-{'-'.join(codes)}-{g['date'] or 'undated'}"
            fields = (g["date"], g["date_precision"], g["date_source"], *span(g["date"]), g["place"], json.dumps(g["docs"]), reports)
            if g["events"][0] in kept:
                n, before = kept[g["events"][0]]
                linked = set(json.loads(before)[0])
                updated.append((eid, *fields, n))
                unlinked += [(e,) for e in linked.difference(g["events"])]
                events += [(e, n) for e in g["events"] if e not in linked]
            else:
                n, first = first, first + 1
                engagements.append((n, eid, kind, parties, len(codes), lead["doc_id"], lead["idx"], lead["countries"],
                                    lead["cameo"], lead["plover"], lead["summary"], lead["evidence"], *fields))
                events += [(e, n) for e in g["events"]]
                countries += [(c, n) for c in dict.fromkeys(codes)]
            for report in (by_id[e] for e in g["events"] if by_id[e]["main"]):
                # A document's date is its main engagement's where another report fixes that more precisely.
                own = (report["own_date"], report["own_precision"])
                date = (g["date"], g["date_precision"]) if g["date"] and len(g["date"]) > len(own[0] or "") else own
                if date != (report["doc_date"], report["doc_precision"]):  # most are as they were
                    documents.append((*date, *span(date[0]), report["doc_row"]))
        self.conn.executemany("INSERT INTO engagements VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", engagements)
        self.conn.executemany("UPDATE engagements SET eid = ?, date = ?, date_precision = ?, date_source = ?, date_first = ?, "
                              "date_last = ?, place = ?, docs = ?, reports = ? WHERE id = ?", updated)
        self.conn.executemany("DELETE FROM engagement_events WHERE event = ?", unlinked)  # before links move to another
        self.conn.executemany("INSERT INTO engagement_events VALUES (?,?)", events)
        self.conn.executemany("INSERT INTO engagement_countries VALUES (?,?)", countries)
        self.conn.executemany("UPDATE documents SET date = ?, date_precision = ?, date_first = ?, date_last = ? "
                              "WHERE id = ?", documents)


_INSERTS = {
    "documents": "INSERT INTO documents VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
    "documents_fts": "INSERT INTO documents_fts (rowid, title, text) VALUES (?,?,?)",
    "document_countries": "INSERT INTO document_countries VALUES (?,?)",
    "people": "INSERT INTO people (doc, idx, name, key, initials, country, role, variants) VALUES (?,?,?,?,?,?,?,?)",
    "quotes": "INSERT INTO quotes VALUES (?,?,?,?,?,?,?)",
    "quotes_fts": "INSERT INTO quotes_fts (rowid, text) VALUES (?,?)",
    "speaker_words": "INSERT INTO speaker_words VALUES (?,?)",
    "events": "INSERT INTO events VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
    "figures": "INSERT INTO figures VALUES (?,?,?,?,?,?)",
}
