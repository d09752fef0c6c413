#!/usr/bin/env python3
"""Self-consistency checks for the fNN.gold.json files beside this script.

    python3 tests/fresh/check_gold.py

Checks, per article: the gold parses; id matches the file stem; countries, pairs and event
countries are sorted alpha-3 codes; every event has two or more countries, a known type and a
date of the form YYYY, YYYY-MM or YYYY-MM-DD (or null); pairs equal the sorted set of
two-country event country lists; every event country is in `countries`; every person's name
and every quote's `start` occur verbatim in the text; quote starts are four words or more.
Exit status 1 on any problem.
"""
from __future__ import annotations

import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).parent
TYPES = {"agreement", "meeting", "exercise", "arms_transfer", "industry", "mechanism"}
DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
CODE = re.compile(r"^[A-Z]{3}$")


def check(gold_path: Path) -> list[str]:
    stem = gold_path.name[: -len(".gold.json")]
    problems: list[str] = []
    try:
        g = json.loads(gold_path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as e:
        return [f"{stem}: gold does not parse: {e}"]
    text = (HERE / f"{stem}.txt").read_text(encoding="utf-8")
    if g.get("id") != stem:
        problems.append(f"{stem}: id {g.get('id')!r}")
    if g.get("date") is not None and not DATE.match(g["date"]):
        problems.append(f"{stem}: bad date {g['date']!r}")
    countries = g.get("countries", [])
    if countries != sorted(set(countries)) or not all(CODE.match(c) for c in countries):
        problems.append(f"{stem}: countries not sorted unique alpha-3: {countries}")
    two = set()
    for e in g.get("events", []):
        cs = e.get("countries", [])
        if len(cs) < 2:
            problems.append(f"{stem}: event with fewer than two countries: {e}")
        if cs != sorted(set(cs)):
            problems.append(f"{stem}: event countries not sorted: {e}")
        if e.get("type") not in TYPES:
            problems.append(f"{stem}: bad event type: {e}")
        if e.get("date") is not None and not DATE.match(e["date"]):
            problems.append(f"{stem}: bad event date: {e}")
        if not set(cs) <= set(countries):
            problems.append(f"{stem}: event countries {cs} not all in countries")
        if e.get("place") is not None and e["place"] not in text:
            problems.append(f"{stem}: place {e['place']!r} not in text")
        if len(cs) == 2:
            two.add(tuple(cs))
    pairs = [tuple(p) for p in g.get("pairs", [])]
    if pairs != sorted(two):
        problems.append(f"{stem}: pairs {pairs} != two-country events {sorted(two)}")
    for p in g.get("people", []):
        if p["name"] not in text:
            problems.append(f"{stem}: person {p['name']!r} not in text")
        if p.get("country") is not None and p["country"] not in countries:
            problems.append(f"{stem}: person {p['name']!r} country {p['country']} not in countries")
    for q in g.get("quotes", []):
        if q["start"] not in text:
            problems.append(f"{stem}: quote start {q['start']!r} not in text")
        if len(q["start"].split()) < 4:
            problems.append(f"{stem}: quote start shorter than four words: {q['start']!r}")
        if q.get("speaker") and q["speaker"] not in text:
            problems.append(f"{stem}: speaker {q['speaker']!r} not spelled as in the text")
    words = len(text.split())
    if not 400 <= words <= 1000:
        problems.append(f"{stem}: {words} words")
    return problems


def main() -> int:
    golds = sorted(HERE.glob("*.gold.json"))
    problems = [p for g in golds for p in check(g)]
    print("\n".join(problems) if problems else f"ok: {len(golds)} gold files consistent")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
