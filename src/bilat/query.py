"""The read side: plain records out of the index, filtered, with one event per engagement.

Everything returned is made of dicts, lists, strings and numbers keyed as DESIGN.md's JSON
contract says, so rendering needs no knowledge of SQL.
"""
from __future__ import annotations

import difflib
import json
import re
import sqlite3
from collections import Counter
from dataclasses import dataclass, field

from bilat.textutil import fold

TYPES = ("agreement", "meeting", "exercise", "arms_transfer", "industry", "mechanism")


@dataclass
class Filters:
    countries: list[str] = field(default_factory=list)  # alpha-3; every one must be involved
    since: str | None = None  # ISO date, inclusive
    until: str | None = None  # ISO date, inclusive
    types: list[str] = field(default_factory=list)
    search: str | None = None
    limit: int | None = None


def _in_range(date: str | None, f: Filters) -> bool:
    """A date at any precision is in range when its span overlaps the range; undated only without a range."""
    if not f.since and not f.until:
        return True
    if date is None:
        return False
    first = {4: date + "-01-01", 7: date + "-01", 10: date}[len(date)]
    last = {4: date + "-12-31", 7: date + "-31", 10: date}[len(date)]
    return not ((f.since and last < f.since) or (f.until and first > f.until))


def fts_query(words: str) -> str:
    """User words to a safe FTS5 query: every word must occur (prefix match), punctuation is not syntax."""
    tokens = re.findall(r"\w+", words, flags=re.UNICODE)
    return " ".join(f'"{t}"*' for t in tokens)


def _people_index(conn: sqlite3.Connection) -> dict[str, dict]:
    """One entry per person across documents: canonical name, best country, role, variants."""
    groups: list[dict] = []
    for r in conn.execute("SELECT doc, name, country, role, variants FROM people ORDER BY doc, idx"):
        key = fold(r["name"])
        surname = key.split()[-1]
        group = next((g for g in groups if g["key"] == key or (
            g["surname"][:1] == surname[:1] and g["first"][:1] == key[:1]
            and difflib.SequenceMatcher(None, g["surname"], surname).ratio() >= 0.8)), None)
        if group is None:
            group = {"key": key, "surname": surname, "first": key, "name": r["name"], "countries": Counter(),
                     "roles": Counter(), "variants": set(), "docs": []}
            groups.append(group)
        if r["country"]:
            group["countries"][r["country"]] += 1
        if r["role"]:
            group["roles"][r["role"]] += 1
        if r["name"] != group["name"]:
            group["variants"].add(r["name"])
        group["variants"].update(json.loads(r["variants"]))
        group["docs"].append(r["doc"])
    out = {}
    for g in groups:
        g["country"] = g["countries"].most_common(1)[0][0] if g["countries"] else None
        g["role"] = g["roles"].most_common(1)[0][0] if g["roles"] else None
        out[g["key"]] = g
        for v in g["variants"]:
            out.setdefault(fold(v), g)
    return out


def _canonical(people: dict[str, dict], name: str) -> dict | None:
    return people.get(fold(name))


def list_documents(conn: sqlite3.Connection, f: Filters) -> list[dict]:
    people = _people_index(conn)
    sql = "SELECT * FROM documents"
    args: list = []
    if f.search:
        sql += " WHERE id IN (SELECT id FROM documents_fts WHERE documents_fts MATCH ?)"
        args.append(fts_query(f.search))
    rows = []
    main_dates = main_event_dates(conn)
    for r in conn.execute(sql + " ORDER BY COALESCE(date, '9999'), id", args):
        date, precision = r["date"], r["date_precision"]
        if r["id"] in main_dates and len(main_dates[r["id"]][0]) > len(date or ""):
            date, precision = main_dates[r["id"]]  # another report of the same engagement fixes it better
        countries = json.loads(r["countries"])
        types = json.loads(r["event_types"])
        if any(c not in countries for c in f.countries) or (f.types and not set(f.types) & set(types)):
            continue
        if not _in_range(date, f):
            continue
        doc_people = []
        for p in conn.execute("SELECT name, country, role FROM people WHERE doc = ? ORDER BY idx", (r["id"],)):
            g = _canonical(people, p["name"])
            doc_people.append({"name": p["name"], "country": p["country"] if not g or not g["country"] else g["country"],
                               "role": p["role"]})
        rows.append({"id": r["id"], "title": r["title"], "date": date, "date_precision": precision,
                     "countries": countries, "pairs": json.loads(r["pairs"]), "people": doc_people,
                     "event_types": types, "path": r["path"]})
    rows.sort(key=lambda d: (d["date"] is None, d["date"] or "", d["id"]))
    return rows[: f.limit] if f.limit else rows


def _raw_events(conn: sqlite3.Connection) -> list[dict]:
    out = []
    for r in conn.execute("SELECT e.*, d.main_event AS main FROM events e JOIN documents d ON d.id = e.doc ORDER BY e.doc, e.idx"):
        out.append({"id": None, "date": r["date"], "date_precision": r["date_precision"], "date_source": r["date_source"],
                    "countries": json.loads(r["countries"]), "type": r["type"], "cameo": r["cameo"],
                    "plover": json.loads(r["plover"]), "place": r["place"], "summary": r["summary"],
                    "evidence": r["evidence"], "docs": [r["doc"]], "_main_of": [r["doc"]] if r["idx"] == r["main"] else []})
    return out


def _people_of(conn: sqlite3.Connection) -> dict[str, set[str]]:
    """Folded surnames of the people each document names, to tell one engagement's reports apart."""
    out: dict[str, set[str]] = {}
    for r in conn.execute("SELECT doc, name FROM people"):
        out.setdefault(r["doc"], set()).add(fold(r["name"]).split()[-1])
    return out


def _same_engagement(a: dict, b: dict, people: dict[str, set[str]]) -> bool:
    """Two reports of one engagement: same parties and type, dates that agree, places that do not differ.

    A report without a date joins a dated one only when both name the same place and at least
    two of the same people: the bar for saying that two articles tell of one occasion.
    """
    if set(a["docs"]) & set(b["docs"]):
        return False
    if a["place"] and b["place"] and a["place"] != b["place"]:
        return False
    if a["date"] and b["date"]:
        return a["date"].startswith(b["date"]) or b["date"].startswith(a["date"])
    if not (a["place"] and b["place"]) or (not a["date"] and not b["date"]):
        return False
    shared = set.union(*(people.get(d, set()) for d in a["docs"])) & set.union(*(people.get(d, set()) for d in b["docs"]))
    return len(shared) >= 2


def merged_events(conn: sqlite3.Connection) -> list[dict]:
    """One event per engagement across documents; a vaguer report takes the precise date of another."""
    people = _people_of(conn)
    buckets: dict[tuple, list[dict]] = {}
    events: list[dict] = []
    for e in _raw_events(conn):
        bucket = buckets.setdefault((e["type"], tuple(e["countries"])), [])
        same = next((o for o in bucket if _same_engagement(o, e, people)), None)
        if same is None:
            bucket.append(e)
            events.append(e)
            continue
        same["docs"].append(e["docs"][0])
        same["_main_of"] += e["_main_of"]
        if len(e["date"] or "") > len(same["date"] or ""):
            same["date"], same["date_precision"], same["date_source"] = e["date"], e["date_precision"], "other_report"
        same["place"] = same["place"] or e["place"]
    for e in events:
        e["id"] = f"{e['docs'][0]}#{e['type']}-{'-'.join(e['countries'])}-{e['date'] or 'undated'}"
    return events


def main_event_dates(conn: sqlite3.Connection) -> dict[str, tuple[str, str]]:
    """Per document, the date (and precision) of its main engagement as all reports of it fix it."""
    out = {}
    for e in merged_events(conn):
        for doc in e["_main_of"]:
            if e["date"]:
                out[doc] = (e["date"], e["date_precision"])
    return out


def _public(e: dict) -> dict:
    return {k: v for k, v in e.items() if not k.startswith("_")}


def timeline(conn: sqlite3.Connection, f: Filters) -> list[dict]:
    docs = None
    if f.search:
        docs = {r["id"] for r in conn.execute("SELECT id FROM documents_fts WHERE documents_fts MATCH ?", (fts_query(f.search),))}
    out = []
    for e in merged_events(conn):
        if any(c not in e["countries"] for c in f.countries) or (f.types and e["type"] not in f.types):
            continue
        if not _in_range(e["date"], f) or (docs is not None and not docs & set(e["docs"])):
            continue
        out.append(_public(e))
    out.sort(key=lambda e: (e["date"] is None, e["date"] or "", e["docs"][0]))
    return out[: f.limit] if f.limit else out


def quotes(conn: sqlite3.Connection, f: Filters, speaker: str | None = None, words: str | None = None) -> list[dict]:
    sql = ("SELECT q.*, d.date AS date FROM quotes q JOIN documents d ON d.id = q.doc")
    args: list = []
    if words:
        sql += " WHERE q.id IN (SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH ?)"
        args.append("text : (" + fts_query(words) + ")")
    out = []
    for r in conn.execute(sql + " ORDER BY COALESCE(d.date, '9999'), q.doc, q.idx", args):
        if speaker and not (r["speaker"] and all(w in fold(r["speaker"]).split() or any(
                x.startswith(w) for x in fold(r["speaker"]).split()) for w in fold(speaker).split())):
            continue
        if f.countries and r["speaker_country"] not in f.countries:
            continue
        if not _in_range(r["date"], f):
            continue
        out.append({"text": r["text"], "speaker": r["speaker"], "speaker_role": r["speaker_role"],
                    "speaker_country": r["speaker_country"], "doc": r["doc"], "date": r["date"]})
    return out[: f.limit] if f.limit else out


def pair(conn: sqlite3.Connection, a: str, b: str, f: Filters) -> dict:
    countries = sorted({a, b})
    events = timeline(conn, Filters(countries=countries, since=f.since, until=f.until, types=f.types))
    events = [e for e in events if len(e["countries"]) == 2]
    doc_ids = sorted({d for e in events for d in e["docs"]})
    documents = [d for d in list_documents(conn, Filters()) if d["id"] in doc_ids or countries in d["pairs"]]
    doc_ids = [d["id"] for d in documents]
    people_index = _people_index(conn)
    people: dict[str, dict] = {}
    for d in documents:
        for p in d["people"]:
            if p["country"] not in countries:
                continue
            g = _canonical(people_index, p["name"]) or {"name": p["name"], "variants": set()}
            entry = people.setdefault(g["name"], {"name": g["name"], "country": p["country"], "role": p["role"],
                                                   "variants": sorted(g.get("variants", set())), "docs": []})
            if d["id"] not in entry["docs"]:
                entry["docs"].append(d["id"])
    pair_quotes = [q for q in quotes(conn, Filters(since=f.since, until=f.until)) if q["doc"] in doc_ids
                   and (q["speaker_country"] in countries or q["speaker_country"] is None)]
    placeholders = ",".join("?" * len(doc_ids))
    figures = [
        {"value": r["value"], "counts": r["counts"], "time": r["time"], "evidence": r["evidence"], "doc": r["doc"]}
        for r in conn.execute(f"SELECT * FROM figures WHERE doc IN ({placeholders}) ORDER BY doc, idx", doc_ids)
    ] if doc_ids else []
    dated = [e["date"] for e in events if e["date"]]
    summary = {
        "documents": len(documents),
        "events": len(events),
        "events_by_type": dict(Counter(e["type"] for e in events)),
        "first_date": min(dated) if dated else None,
        "last_date": max(dated) if dated else None,
        "people": len(people),
        "quotes": len(pair_quotes),
    }
    return {"countries": countries, "summary": summary, "events": events, "people": list(people.values()),
            "quotes": pair_quotes, "documents": [{"id": d["id"], "title": d["title"], "date": d["date"], "path": d["path"]}
                                                 for d in documents], "figures": figures}
