"""Plain records shared by every stage: read → extract → index → query → render."""
from __future__ import annotations

from dataclasses import dataclass, field

from bilat.eventtypes import EVENT_TYPES  # noqa: F401 - the kinds of engagement, named here for extraction


@dataclass(frozen=True)
class Date:
    """An ISO date string at the precision the text supports, and how it was found."""

    value: str  # "2025", "2025-04" or "2025-04-01"
    source: str = "text"  # prefix, dateline, text, relative, other_report

    @property
    def precision(self) -> str:
        return {4: "year", 7: "month", 10: "day"}[len(self.value)]


@dataclass
class Document:
    """One article as read from disk, with its wire-copy furniture separated from the body."""

    id: str
    path: str
    title: str = ""
    body: list[str] = field(default_factory=list)  # paragraphs that feed extraction
    prefix_date: str | None = None  # the " date YYYY-MM-DD " prefix
    header_dates: list[str] = field(default_factory=list)  # raw date strings from header/byline lines
    headline_lines: int = 0  # leading body paragraphs that are headlines, not story
    dateline_place: str | None = None
    dateline_date: str | None = None  # raw "March 9" of "BAKU, March 9 (AZERTAC) -"
    date_from_metadata: bool = False  # prefix_date is a saved page's or an export record's published date
    sender: str | None = None  # the lines naming who sent it ("SRI LANKA ARMY - NEWS"), above the headline
    listed: list[str] = field(default_factory=list)  # other stories' headlines under "Related", "Read also"


@dataclass
class Person:
    name: str
    country: str | None
    role: str | None
    variants: list[str] = field(default_factory=list)


@dataclass
class Quote:
    text: str
    speaker: str | None  # canonical name of a Person, or None
    speaker_role: str | None = None
    speaker_country: str | None = None


@dataclass
class Event:
    countries: list[str]
    type: str  # agreement, meeting, exercise, arms_transfer, industry, mechanism
    date: Date | None
    place: str | None
    summary: str
    evidence: str
    cameo: str
    plover: dict


@dataclass
class Figure:
    value: str  # the number as printed ("79", "$4.4 billion")
    counts: str  # what it counts ("joint activities")
    when: str | None  # the time it refers to ("2025", "2023", "last 22 years")
    evidence: str


@dataclass
class Extraction:
    date: Date | None
    countries: list[str]
    pairs: list[list[str]]
    people: list[Person]
    quotes: list[Quote]
    events: list[Event]
    figures: list[Figure]
    main_event: int | None = None  # index in events of the engagement the article reports
