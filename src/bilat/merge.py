"""Cross-document identity: one person under every spelling, one engagement under every report of it.

Pure functions over rows read in a fixed order (document id, then position in the document), so
the index can recompute one part (people of the same initials, events of one type and pair)
when the files behind it change, and get what a computation over the whole corpus would give.
"""
from __future__ import annotations

import difflib
from collections import Counter, defaultdict

from bilat.textutil import fold


def initials(key: str) -> str:
    """The part people are grouped within: spellings of one person share their first letter and their surname's."""
    return key[:1] + key.split()[-1][:1]


def group_people(rows: list[tuple[str, str | None, str | None, list[str]]]) -> tuple[list[dict], list[int]]:
    """Group (name, country, role, variants) rows of the same initials into persons; also which group each row joined.

    Spellings group by exact folded name first, then by a close surname.
    A person's country and role are the most frequent among its rows, the earliest on a tie.
    """
    from bilat.rulebook import rules

    similar = rules().knob("name_similarity")  # one cut-off for a person's names within and across articles
    by_key: dict[str, dict] = {}
    groups: list[dict] = []
    joined: list[int] = []
    for name, country, role, variants in rows:
        key = fold(name)
        surname = key.split()[-1]
        group = by_key.get(key) or next((g for g in groups
                                         if difflib.SequenceMatcher(None, g["surname"], surname).ratio() >= similar), None)
        if group is None:
            group = {"n": len(groups), "surname": surname, "name": name, "countries": Counter(),
                     "roles": Counter(), "variants": set()}
            groups.append(group)
        by_key[key] = group
        joined.append(group["n"])
        if country:
            group["countries"][country] += 1
        if role:
            group["roles"][role] += 1
        if name != group["name"]:
            group["variants"].add(name)
        group["variants"].update(variants)
    for g in groups:
        g["country"] = g["countries"].most_common(1)[0][0] if g["countries"] else None
        g["role"] = g["roles"].most_common(1)[0][0] if g["roles"] else None
    return groups, joined


def _same_engagement(a: dict, b: dict, people: dict[str, set[str]], a_docs: set[str] | None = None,
                     a_people: set[str] | None = None) -> bool:
    """Two reports of one engagement: same parties and type (the bucket), agreeing dates, no differing places.

    A report without a date joins a dated one only when both name the same place and at least
    two of the same people: the bar for saying that two articles tell of one occasion.
    a_docs, a_people: a's documents and the people they name, kept by the caller as a grows (an engagement of a
    large corpus has thousands of reports: building these sets at each comparison made merging quadratic).
    """
    if not (set(a["docs"]) if a_docs is None else a_docs).isdisjoint(b["docs"]):
        return False
    if a.get("evidence") and a.get("evidence") == b.get("evidence"):
        return True  # the same sentence in two files: copies of one report, whatever else they fix
    if a["place"] and b["place"] and a["place"] != b["place"]:
        return False
    if a["date"] and b["date"]:
        return a["date"].startswith(b["date"]) or b["date"].startswith(a["date"])
    if not (a["place"] and b["place"]) or (not a["date"] and not b["date"]):
        return False
    if a_people is None:
        a_people = set.union(*(people.get(d, set()) for d in a["docs"]))
    return len(a_people & set.union(*(people.get(d, set()) for d in b["docs"]))) >= 2


class _Lookup:
    """Which engagements a report might join, found by date and place: a superset of those _same_engagement accepts.

    A dated report can join an engagement whose date starts with its own or is the year or month
    of its own, or an undated one at its place; an undated report only a dated one at its place.
    Without this, merging compares every report with every engagement of its group before it.
    """

    def __init__(self):
        self.by_prefix: dict[str, set[int]] = defaultdict(set)  # dated engagements under their year, month and day
        self.by_date: dict[str, set[int]] = defaultdict(set)  # dated engagements under their date as it is
        self.dated_at: dict[str, set[int]] = defaultdict(set)
        self.undated_at: dict[str, set[int]] = defaultdict(set)
        self.by_evidence: dict[str, set[int]] = defaultdict(set)  # the sentence a report was read from

    def _keys(self, e: dict):
        date, place = e["date"], e["place"]
        if e.get("evidence"):
            yield self.by_evidence, e["evidence"]
        if date:
            yield from ((self.by_prefix, date[:n]) for n in (4, 7, 10) if n <= len(date))
            yield self.by_date, date
            if place:
                yield self.dated_at, place
        elif place:
            yield self.undated_at, place

    def add(self, n: int, e: dict) -> None:
        for table, key in self._keys(e):
            table[key].add(n)

    def remove(self, n: int, e: dict) -> None:
        for table, key in self._keys(e):
            table[key].discard(n)

    def candidates(self, e: dict) -> list[int]:
        date, place = e["date"], e["place"]
        found: set[int] = set(self.by_evidence.get(e.get("evidence") or "", set()))
        if date:
            found |= self.by_prefix.get(date, set())
            for n in (4, 7):
                if n < len(date):
                    found |= self.by_date.get(date[:n], set())
            if place:
                found |= self.undated_at.get(place, set())
        elif place:
            found |= self.dated_at.get(place, set())
        return sorted(found)


def merge_events(raw: list[dict], surnames: dict[str, set[str]]) -> list[dict]:
    """Reports of one type and parties (in document order) merged into engagements.

    Each raw event has date, date_precision, date_source, place, docs ([its document]), and
    events ([its row id]); an engagement keeps its first report's fields, gains the documents and
    rows of the reports that join it, and takes a longer date from them (`other_report`). A report
    joins the earliest engagement it agrees with.
    """
    engagements: list[dict] = []
    docs_of: list[set[str]] = []  # each engagement's documents, and the people they name, as it grows
    people_of: list[set[str]] = []
    lookup = _Lookup()
    for e in raw:
        n = next((n for n in lookup.candidates(e) if _same_engagement(engagements[n], e, surnames, docs_of[n], people_of[n])),
                 None)
        if n is None:
            lookup.add(len(engagements), e)
            engagements.append(e)
            docs_of.append(set(e["docs"]))
            people_of.append(set().union(*(surnames.get(d, set()) for d in e["docs"])))
            continue
        same = engagements[n]
        lookup.remove(n, same)
        same["docs"].append(e["docs"][0])
        docs_of[n].add(e["docs"][0])
        people_of[n] |= surnames.get(e["docs"][0], set())
        same["events"] += e["events"]
        if len(e["date"] or "") > len(same["date"] or ""):
            same["date"], same["date_precision"], same["date_source"] = e["date"], e["date_precision"], "other_report"
        same["place"] = same["place"] or e["place"]
        lookup.add(n, same)
    return engagements
