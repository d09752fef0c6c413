"""`bilat show ID`: one document or one engagement, whole, out of the index.

A document id (`000_b85290705725b330`) gives the article as read: its fields as `list` gives them, how
its date was found, its text, and what was read out of it (every report of an engagement, quotes,
figures). An event id (`DOC#N`, as `timeline` and `pair` print it) gives the engagement as `timeline`
gives it, with every report of it and every reporting document. `DOC#N` of a report that does not lead
its engagement names that engagement too. Records are keyed as docs/contract.md says.
"""
from __future__ import annotations

import difflib
import json
import re
import sqlite3

from bilat.query import Reader, _Where

EVENT_ID = re.compile(r"(?P<doc>.+)#(?P<idx>\d+)\Z")


class UnknownId(LookupError):
    """No document or event has this id; `suggestions` are the nearest ids there are."""

    def __init__(self, wanted: str, suggestions: list[str]):
        self.wanted = wanted
        self.suggestions = suggestions
        from bilat.render import terminal_safe  # ids are file names: they may hold what a terminal acts on

        hint = f" (nearest: {', '.join(terminal_safe(s) for s in suggestions)})" if suggestions else ""
        super().__init__(f"no document or event {wanted!r} in this corpus{hint}")


def show(conn: sqlite3.Connection, wanted: str) -> dict:
    """The record `bilat show` prints for a document or event id; UnknownId when there is none."""
    for key in dict.fromkeys((wanted, wanted.strip())):  # as given (a file name may end in a space), then trimmed
        row = conn.execute("SELECT id FROM documents WHERE doc = ?", (key,)).fetchone()
        if row is not None:
            return _document(conn, row["id"])
        m = EVENT_ID.match(key)
        if m:
            found = conn.execute(
                "SELECT l.engagement FROM events e JOIN documents d ON d.id = e.doc JOIN engagement_events l ON l.event = e.id "
                "WHERE d.doc = ? AND e.idx = ?", (m["doc"], int(m["idx"]))).fetchone()
            if found is not None:
                return _engagement(conn, found[0])
    wanted = wanted.strip()
    raise UnknownId(wanted, nearest(conn, wanted))


def nearest(conn: sqlite3.Connection, wanted: str, n: int = 3) -> list[str]:
    """The ids most like `wanted`: event ids when it looks like one, else document ids (prefix matches first)."""
    if "#" in wanted:
        ids = [f"{r[0]}#{r[1]}" for r in conn.execute(
            "SELECT d.doc, e.idx FROM events e JOIN documents d ON d.id = e.doc ORDER BY d.doc, e.idx")]
    else:
        ids = [r[0] for r in conn.execute("SELECT doc FROM documents ORDER BY doc")]
    starting = [i for i in ids if i.startswith(wanted)] if wanted else []
    if starting:
        return starting[:n]
    return difflib.get_close_matches(wanted, ids, n=n, cutoff=0.5)


def ids(conn: sqlite3.Connection, prefix: str = "") -> list[str]:
    """Every document id and event id starting with `prefix`: what TAB offers after `bilat show`."""
    docs = [r[0] for r in conn.execute("SELECT doc FROM documents WHERE doc >= ? AND doc < ? ORDER BY doc",
                                       (prefix, prefix + "\U0010ffff"))]
    if "#" not in prefix:
        return docs
    return [f"{r[0]}#{r[1]}" for r in conn.execute(
        "SELECT g.lead_doc, g.lead_idx FROM engagements g WHERE g.lead_doc = ? ORDER BY g.lead_idx",
        (prefix.split("#", 1)[0],)) if f"{r[0]}#{r[1]}".startswith(prefix)]


_REPORTS = ("SELECT e.idx, e.main, e.type, e.countries, e.date, e.date_precision, e.date_source, e.place, e.summary, "
            "e.evidence, d.doc, g.lead_doc, g.lead_idx FROM events e JOIN documents d ON d.id = e.doc "
            "JOIN engagement_events l ON l.event = e.id JOIN engagements g ON g.id = l.engagement ")


def _report(r: sqlite3.Row) -> dict:
    """One article's report of an engagement: what that article says, and which engagement it is part of."""
    return {"event": f"{r['lead_doc']}#{r['lead_idx']}", "doc": r["doc"], "main": bool(r["main"]), "type": r["type"],
            "countries": json.loads(r["countries"]), "date": r["date"], "date_precision": r["date_precision"],
            "date_source": r["date_source"], "place": r["place"], "summary": r["summary"], "evidence": r["evidence"]}


def _document(conn: sqlite3.Connection, row: int) -> dict:
    where = _Where()
    where.add("d.id = ?", row)
    document = next(Reader(conn)._iter_documents(where))
    extra = conn.execute("SELECT d.own_date, d.own_source, f.text FROM documents d JOIN documents_fts f ON f.rowid = d.id "
                         "WHERE d.id = ?", (row,)).fetchone()
    # A date other reports of the article's main engagement fix more precisely than the article does came from them.
    source = None if document["date"] is None else (
        "other_report" if document["date"] != extra["own_date"] else extra["own_source"])
    reports = [_report(r) for r in conn.execute(_REPORTS + "WHERE e.doc = ? ORDER BY e.idx", (row,))]
    quotes = [{"text": q["text"], "speaker": {"name": q["speaker"], "country": q["speaker_country"], "role": q["speaker_role"]},
               "doc": document["id"], "date": document["date"], "date_precision": document["date_precision"]}
              for q in conn.execute("SELECT * FROM quotes WHERE doc = ? ORDER BY idx", (row,))]
    figures = [{"value": f["value"], "measure": f["counts"], "period": f["time"], "evidence": f["evidence"], "doc": document["id"]}
               for f in conn.execute("SELECT * FROM figures WHERE doc = ? ORDER BY idx", (row,))]
    return {"kind": "document", **document, "date_source": source, "text": extra["text"], "events": reports,
            "quotes": quotes, "figures": figures}


def _engagement(conn: sqlite3.Connection, engagement: int) -> dict:
    where = _Where()
    where.add("g.id = ?", engagement)
    event = next(Reader(conn)._iter_engagements(where))
    reports = [_report(r) for r in conn.execute(_REPORTS + "WHERE l.engagement = ? ORDER BY d.doc, e.idx", (engagement,))]
    where = _Where()
    where.add("d.doc IN (SELECT value FROM json_each(?))", json.dumps(event["docs"]))
    documents = sorted(({"id": d["id"], "title": d["title"], "date": d["date"], "date_precision": d["date_precision"],
                         "path": d["path"]} for d in Reader(conn)._iter_documents(where)), key=lambda d: event["docs"].index(d["id"]))
    return {"kind": "event", **event, "reports": reports, "documents": documents}


def spellings(conn: sqlite3.Connection, doc: str) -> list[str]:
    """Every spelling of a person the document uses (its names and their variants): what `show` highlights."""
    names: set[str] = set()
    for r in conn.execute("SELECT p.name, p.variants FROM people p JOIN documents d ON d.id = p.doc WHERE d.doc = ?", (doc,)):
        names.add(r["name"])
        names.update(json.loads(r["variants"]))
    return sorted(names)
