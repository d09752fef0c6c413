"""Cross-document identity: one person under every spelling, one engagement under every report of it.

Pure functions over rows read in a fixed order (document id, then position in the document), so
the index can recompute one part (people of one surname initial, events of one type and pair)
when the files behind it change, and get what a computation over the whole corpus would give.
"""
from __future__ import annotations

import difflib
from collections import Counter

from bilat.textutil import fold


def initial(key: str) -> str:
    """The part people are grouped within: every spelling of one person shares its surname's first letter."""
    return key.split()[-1][:1]


def group_people(rows: list[tuple[str, str | None, str | None, list[str]]]) -> tuple[list[dict], list[int]]:
    """Group (name, country, role, variants) rows of one initial into persons; also which group each row joined.

    Spellings group by exact folded name first, then by a close surname with the same initial.
    A person's country and role are the most frequent among its rows, the earliest on a tie.
    """
    by_key: dict[str, dict] = {}
    groups: list[dict] = []
    joined: list[int] = []
    for name, country, role, variants in rows:
        key = fold(name)
        surname = key.split()[-1]
        group = by_key.get(key) or next((g for g in groups if g["first"][:1] == key[:1]
                                         and difflib.SequenceMatcher(None, g["surname"], surname).ratio() >= 0.8), None)
        if group is None:
            group = {"n": len(groups), "surname": surname, "first": key, "name": name, "countries": Counter(),
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


def merge_events(raw: list[dict], surnames: dict[str, set[str]]) -> list[dict]:
    """Reports of one type and parties (in document order) merged into engagements.

    Each raw event has date, date_precision, date_source, place, docs ([its document]), and
    events ([its row id]); an engagement keeps its first report's fields, gains the documents and
    rows of the reports that join it, and takes a longer date from them (`other_report`).
    """
    engagements: list[dict] = []
    for e in raw:
        same = next((o for o in engagements if _same_engagement(o, e, surnames)), None)
        if same is None:
            engagements.append(e)
            continue
        same["docs"].append(e["docs"][0])
        same["events"] += e["events"]
        if len(e["date"] or "") > len(same["date"] or ""):
            same["date"], same["date_precision"], same["date_source"] = e["date"], e["date_precision"], "other_report"
        same["place"] = same["place"] or e["place"]
    return engagements
