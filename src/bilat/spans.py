"""Where in an article's text bilat recognised something: countries, people, dates (for `bilat show` on a terminal).

The index keeps what was read, not where; the spans are found again in the stored text with the
extraction's own matchers (read only: countries and dates as extraction finds them) and the document's
people by every spelling the article uses. Overlaps keep the longer span.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

KINDS = ("country", "person", "date")


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    kind: str  # country, person, date


def find_spans(paragraph: str, people: list[str], date: str | None = None) -> list[Span]:
    """The recognised spans of one paragraph, in order, none overlapping.

    people: the names and variants the article uses; date: the article's ISO date, which fixes relative dates."""
    from bilat.extract.countries import matcher
    from bilat.extract.dates import find_dates

    anchor = dt.date.fromisoformat((date + "-01-01")[:10]) if date else None
    found = [Span(m.start, m.end, "country") for m in matcher().find(paragraph)]
    found += [Span(d.start, d.end, "date") for d in find_dates(paragraph, anchor)]
    names = sorted({n for n in people if n.strip()}, key=len, reverse=True)
    if names:
        rx = re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, names)) + r")(?!\w)")
        found += [Span(m.start(), m.end(), "person") for m in rx.finditer(paragraph)]
    kept: list[Span] = []
    for span in sorted(found, key=lambda s: (-(s.end - s.start), s.start)):
        if not any(span.start < k.end and k.start < span.end for k in kept):
            kept.append(span)
    return sorted(kept, key=lambda s: s.start)
