"""The read side: plain records out of the index, filtered, with one event per engagement.

Everything returned is made of dicts, lists, strings and numbers keyed as DESIGN.md's JSON
contract says, so rendering needs no knowledge of SQL. A `Reader` works on one index for one
command and computes each cross-document view (people, merged engagements) at most once.
"""
from __future__ import annotations

import difflib
import json
import re
import sqlite3
from collections import Counter
from dataclasses import dataclass, field
from functools import cached_property

from bilat.textutil import fold


@dataclass
class Filters:
    countries: list[str] = field(default_factory=list)  # alpha-3; every one must be involved
    since: str | None = None  # ISO date, inclusive
    until: str | None = None  # ISO date, inclusive
    types: list[str] = field(default_factory=list)
    search: str | None = None
    limit: int | None = None


def in_range(date: str | None, f: Filters) -> bool:
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


def _limit(rows: list, f: Filters) -> list:
    return rows[: f.limit] if f.limit else rows


def _same_engagement(a: dict, b: dict, people: dict[str, set[str]]) -> bool:
    """Two reports of one engagement: same parties and type (the bucket), agreeing dates, no differing places.

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


class Reader:
    def __init__(self, conn: sqlite3.Connection):
        self.conn = conn
        self._events: dict[tuple, list[dict]] = {}

    # -- cross-document views -------------------------------------------------------------
    @cached_property
    def people(self) -> dict[str, dict]:
        """One entry per person across documents, by every folded spelling: canonical name, best country, role.

        Spellings group by exact folded name first, then by a close surname with the same
        initial, compared only within the bucket of the surname's first letter.
        """
        by_key: dict[str, dict] = {}
        buckets: dict[str, list[dict]] = {}
        groups: list[dict] = []
        for r in self.conn.execute("SELECT doc, name, country, role, variants FROM people ORDER BY doc, idx"):
            key = fold(r["name"])
            surname = key.split()[-1]
            group = by_key.get(key) or next((g for g in buckets.get(surname[:1], []) if g["first"][:1] == key[:1]
                                             and difflib.SequenceMatcher(None, g["surname"], surname).ratio() >= 0.8), None)
            if group is None:
                group = {"surname": surname, "first": key, "name": r["name"], "countries": Counter(),
                         "roles": Counter(), "variants": set()}
                groups.append(group)
                buckets.setdefault(surname[:1], []).append(group)
            by_key[key] = group
            if r["country"]:
                group["countries"][r["country"]] += 1
            if r["role"]:
                group["roles"][r["role"]] += 1
            if r["name"] != group["name"]:
                group["variants"].add(r["name"])
            group["variants"].update(json.loads(r["variants"]))
        for g in groups:
            g["country"] = g["countries"].most_common(1)[0][0] if g["countries"] else None
            g["role"] = g["roles"].most_common(1)[0][0] if g["roles"] else None
            for v in g["variants"]:
                by_key.setdefault(fold(v), g)
        return by_key

    @cached_property
    def people_by_doc(self) -> dict[str, list[sqlite3.Row]]:
        out: dict[str, list] = {}
        for p in self.conn.execute("SELECT doc, name, country, role FROM people ORDER BY doc, idx"):
            out.setdefault(p["doc"], []).append(p)
        return out

    def events(self, countries: tuple[str, ...] = ()) -> list[dict]:
        """One event per engagement across documents, of those involving every one of countries.

        Reports merge only within the same type and parties, so reading just the events of
        the countries asked for gives the same merged events as reading all of them.
        """
        key = tuple(sorted(countries))
        if key not in self._events:
            self._events[key] = self._merge(self._raw_events(key))
        return self._events[key]

    @cached_property
    def main_dates(self) -> dict[str, tuple[str, str]]:
        """Per document, the date (and precision) of its main engagement as all reports of it fix it."""
        out = {}
        for e in self.events():
            for doc in e["_main_of"]:
                if e["date"]:
                    out[doc] = (e["date"], e["date_precision"])
        return out

    def doc_date(self, doc: str, date: str | None, precision: str | None) -> tuple[str | None, str | None]:
        """A document's date, refined by another report of its main engagement where that fixes it better."""
        better = self.main_dates.get(doc)
        if better and len(better[0]) > len(date or ""):
            return better
        return date, precision

    def _raw_events(self, countries: tuple[str, ...]) -> list[dict]:
        sql = "SELECT e.*, d.main_event AS main FROM events e JOIN documents d ON d.id = e.doc"
        if countries:
            sql += " WHERE " + " AND ".join("e.id IN (SELECT event FROM event_countries WHERE country = ?)" for _ in countries)
        out = []
        for r in self.conn.execute(sql + " ORDER BY e.doc, e.idx", countries):
            out.append({"id": None, "date": r["date"], "date_precision": r["date_precision"], "date_source": r["date_source"],
                        "countries": json.loads(r["countries"]), "type": r["type"], "cameo": r["cameo"],
                        "plover": json.loads(r["plover"]), "place": r["place"], "summary": r["summary"],
                        "evidence": r["evidence"], "docs": [r["doc"]], "_main_of": [r["doc"]] if r["idx"] == r["main"] else []})
        return out

    @cached_property
    def _surnames_by_doc(self) -> dict[str, set[str]]:
        return {doc: {fold(p["name"]).split()[-1] for p in people} for doc, people in self.people_by_doc.items()}

    def _merge(self, raw: list[dict]) -> list[dict]:
        buckets: dict[tuple, list[dict]] = {}
        events: list[dict] = []
        for e in raw:
            bucket = buckets.setdefault((e["type"], tuple(e["countries"])), [])
            same = next((o for o in bucket if _same_engagement(o, e, self._surnames_by_doc)), None)
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

    def _search(self, words: str | None) -> set[str] | None:
        if not words:
            return None
        return {r["id"] for r in self.conn.execute("SELECT id FROM documents_fts WHERE documents_fts MATCH ?", (fts_query(words),))}

    # -- the four questions -----------------------------------------------------------------
    def list_documents(self, f: Filters) -> list[dict]:
        found = self._search(f.search)
        rows = []
        for r in self.conn.execute("SELECT * FROM documents"):
            if found is not None and r["id"] not in found:
                continue
            countries = json.loads(r["countries"])
            types = json.loads(r["event_types"])
            if any(c not in countries for c in f.countries) or (f.types and not set(f.types) & set(types)):
                continue
            date, precision = self.doc_date(r["id"], r["date"], r["date_precision"])
            if not in_range(date, f):
                continue
            people = []
            for p in self.people_by_doc.get(r["id"], []):
                g = self.people.get(fold(p["name"]))
                # The name as this article writes it, and the one the person goes by across the corpus.
                people.append({"name": p["name"], "country": (g and g["country"]) or p["country"], "role": p["role"],
                               "canonical": g["name"] if g else p["name"]})
            rows.append({"id": r["id"], "title": r["title"], "date": date, "date_precision": precision,
                         "countries": countries, "pairs": json.loads(r["pairs"]), "people": people,
                         "event_types": types, "path": r["path"]})
        rows.sort(key=lambda d: (d["date"] is None, d["date"] or "", d["id"]))
        return _limit(rows, f)

    def timeline(self, f: Filters) -> list[dict]:
        found = self._search(f.search)
        out = []
        for e in self.events(tuple(f.countries)):
            if (f.types and e["type"] not in f.types) or not in_range(e["date"], f):
                continue
            if found is not None and not found & set(e["docs"]):
                continue
            out.append({k: v for k, v in e.items() if not k.startswith("_")})
        out.sort(key=lambda e: (e["date"] is None, e["date"] or "", e["docs"][0]))
        return _limit(out, f)

    def quotes(self, f: Filters, speaker: str | None = None, words: str | None = None) -> list[dict]:
        sql = "SELECT q.*, d.date AS doc_date, d.date_precision AS doc_precision FROM quotes q JOIN documents d ON d.id = q.doc"
        args: list = []
        if words:
            sql += " WHERE q.id IN (SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH ?)"
            args.append("text : (" + fts_query(words) + ")")
        wanted = fold(speaker).split() if speaker else []
        out = []
        for r in self.conn.execute(sql + " ORDER BY q.doc, q.idx", args):
            said_by = fold(r["speaker"] or "").split()
            if wanted and not all(any(w == x or x.startswith(w) for x in said_by) for w in wanted):
                continue
            if f.countries and r["speaker_country"] not in f.countries:
                continue
            date, _ = self.doc_date(r["doc"], r["doc_date"], r["doc_precision"])
            if not in_range(date, f):
                continue
            out.append({"text": r["text"], "speaker": r["speaker"], "speaker_role": r["speaker_role"],
                        "speaker_country": r["speaker_country"], "doc": r["doc"], "date": date})
        out.sort(key=lambda q: (q["date"] is None, q["date"] or "", q["doc"]))
        return _limit(out, f)

    def pair(self, a: str, b: str, f: Filters) -> dict:
        countries = sorted({a, b})
        events = [e for e in self.timeline(Filters(countries=countries, since=f.since, until=f.until, types=f.types))
                  if len(e["countries"]) == 2]
        event_docs = {d for e in events for d in e["docs"]}
        documents = [d for d in self.list_documents(Filters()) if d["id"] in event_docs or countries in d["pairs"]]
        doc_ids = [d["id"] for d in documents]
        people: dict[str, dict] = {}
        for d in documents:
            for p in d["people"]:
                if p["country"] not in countries:
                    continue
                g = self.people.get(fold(p["name"])) or {"name": p["name"], "variants": set()}
                entry = people.setdefault(g["name"], {"name": g["name"], "country": p["country"], "role": p["role"],
                                                       "variants": sorted(g["variants"]), "docs": []})
                if d["id"] not in entry["docs"]:
                    entry["docs"].append(d["id"])
        quotes = [q for q in self.quotes(Filters(since=f.since, until=f.until))
                  if q["doc"] in doc_ids and q["speaker_country"] in (*countries, None)]
        placeholders = ",".join("?" * len(doc_ids))
        figures = [
            {"value": r["value"], "counts": r["counts"], "time": r["time"], "evidence": r["evidence"], "doc": r["doc"]}
            for r in self.conn.execute(f"SELECT * FROM figures WHERE doc IN ({placeholders}) ORDER BY doc, idx", doc_ids)
        ] if doc_ids else []
        dated = [e["date"] for e in events if e["date"]]
        summary = {
            "documents": len(documents),
            "events": len(events),
            "events_by_type": dict(Counter(e["type"] for e in events)),
            "first_date": min(dated) if dated else None,
            "last_date": max(dated) if dated else None,
            "people": len(people),
            "quotes": len(quotes),
        }
        return {"countries": countries, "summary": summary, "events": events, "people": list(people.values()),
                "quotes": quotes, "documents": [{"id": d["id"], "title": d["title"], "date": d["date"], "path": d["path"]}
                                                for d in documents], "figures": figures}
