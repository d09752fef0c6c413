"""`bilat countries` and `bilat people`: the corpus summed up by country and by person, under the usual filters.

Engagements are filtered as `timeline` filters them, documents as `list` does; records are keyed as
docs/contract.md says (docs/schema/countries.schema.json, people.schema.json).
"""
from __future__ import annotations

import json
from collections import Counter, defaultdict

from bilat.eventtypes import EVENT_TYPES
from bilat.query import Filters, Reader


def _by_type(counts: Counter) -> dict[str, int]:
    return {t: counts[t] for t in EVENT_TYPES if counts[t]}


def countries(reader: Reader, f: Filters) -> list[dict]:
    """Every country the filtered engagements or documents involve: documents referring to it, its engagements by
    type, and its partners with how many engagements each shares, most first. Most engaged countries first."""
    from bilat.countrynames import name

    conn = reader.conn
    events: dict[str, Counter] = defaultdict(Counter)
    partners: dict[str, Counter] = defaultdict(Counter)
    where = reader._timeline_where(Filters(since=f.since, until=f.until, types=f.types, search=f.search))
    for country, kind, n in conn.execute(f"SELECT c.country, g.type, count(*) FROM engagements g JOIN engagement_countries c "
                                         f"ON c.engagement = g.id{where.sql()} GROUP BY c.country, g.type", where.args):
        events[country][kind] += n
    for country, other, n in conn.execute(
            "SELECT c.country, o.country, count(*) FROM engagements g JOIN engagement_countries c ON c.engagement = g.id "
            f"JOIN engagement_countries o ON o.engagement = g.id AND o.country != c.country{where.sql()} "
            "GROUP BY c.country, o.country", where.args):
        partners[country][other] += n
    where = reader._documents_where(Filters(since=f.since, until=f.until, types=f.types, search=f.search))
    documents = dict(conn.execute(f"SELECT dc.country, count(*) FROM documents d JOIN document_countries dc ON dc.doc = d.id"
                                  f"{where.sql()} GROUP BY dc.country", where.args).fetchall())
    rows = [{"country": code, "name": name(code), "document_count": documents.get(code, 0),
             "event_count": sum(events[code].values()), "event_count_by_type": _by_type(events[code]),
             "partners": [{"country": other, "event_count": n}
                          for other, n in sorted(partners[code].items(), key=lambda kv: (-kv[1], kv[0]))]}
            for code in set(events) | set(documents)]
    rows.sort(key=lambda r: (-r["event_count"], -r["document_count"], r["country"]))
    return rows[:f.limit] if f.limit else rows


def partners(reader: Reader, f: Filters) -> list[dict]:
    """The partners of the countries in `f.countries`: for each other country of their filtered engagements, how
    many it shares, by type, and the documents reporting them. Most frequent first."""
    from bilat.countrynames import name

    events: dict[str, Counter] = defaultdict(Counter)
    docs: dict[str, set[str]] = defaultdict(set)
    where = reader._timeline_where(Filters(countries=f.countries, since=f.since, until=f.until, types=f.types, search=f.search))
    for other, kind, reported in reader.conn.execute(
            f"SELECT o.country, g.type, g.docs FROM engagements g JOIN engagement_countries o ON o.engagement = g.id"
            f"{where.sql()}", where.args):
        if other in f.countries:
            continue
        events[other][kind] += 1
        docs[other].update(json.loads(reported))
    rows = [{"country": code, "name": name(code), "event_count": sum(events[code].values()),
             "event_count_by_type": _by_type(events[code]), "document_count": len(docs[code])} for code in events]
    rows.sort(key=lambda r: (-r["event_count"], -r["document_count"], r["country"]))
    return rows[:f.limit] if f.limit else rows


def people(reader: Reader, f: Filters) -> list[dict]:
    """Everyone the filtered documents name, once per person across the corpus: canonical name, the spellings seen,
    the roles given, country, the documents naming them and how many quotations they have there. `f.countries`:
    people of those countries. Most documents first."""
    conn = reader.conn
    where = reader._documents_where(Filters(since=f.since, until=f.until, types=f.types, search=f.search))
    found: dict[int, dict] = {}
    for r in conn.execute(
            "SELECT g.id, g.name AS canonical, g.country AS usual, g.variants, p.name, p.role, p.country, d.doc FROM people p "
            f"JOIN persons g ON g.id = p.person JOIN documents d ON d.id = p.doc{where.sql()} ORDER BY d.doc, p.idx", where.args):
        person = found.setdefault(r["id"], {"name": r["canonical"], "country": r["usual"] or r["country"],
                                            "variants": set(json.loads(r["variants"])), "roles": [], "docs": [],
                                            "quote_count": 0, "names": set()})
        person["variants"].add(r["name"])
        person["names"].add(r["name"])
        if r["role"] and r["role"] not in person["roles"]:
            person["roles"].append(r["role"])
        if r["doc"] not in person["docs"]:
            person["docs"].append(r["doc"])
    if f.countries:
        found = {k: p for k, p in found.items() if p["country"] in f.countries}
    # A quotation is theirs when its speaker is one of the names a document naming them gives them.
    speaking = {(doc, n): k for k, p in found.items() for doc in p["docs"] for n in p["names"]}
    for doc, speaker in conn.execute("SELECT d.doc, q.speaker FROM quotes q JOIN documents d ON d.id = q.doc "
                                     f"WHERE q.speaker IS NOT NULL{' AND ' + ' AND '.join(where.clauses) if where.clauses else ''}",
                                     where.args):
        k = speaking.get((doc, speaker))
        if k is not None:
            found[k]["quote_count"] += 1
    rows = [{"name": p["name"], "country": p["country"], "roles": p["roles"], "variants": sorted(p["variants"]),
             "document_count": len(p["docs"]), "docs": p["docs"], "quote_count": p["quote_count"]} for p in found.values()]
    rows.sort(key=lambda r: (-r["document_count"], -r["quote_count"], r["name"]))
    return rows[:f.limit] if f.limit else rows
