"""Dates in running text, resolved only as far as the text fixes them.

An anchor (the ` date ` prefix, or a date printed in the header or byline) fixes the week and the
year, so "on Friday", "today", "March 18" and "last year" resolve against it; without one they
resolve to nothing. Relative spans ("two weeks earlier", "earlier this week") keep the precision
that the whole span shares: the month when it stays in one month, else the year.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from bilat.literals import screened
from bilat.rulebook import load, rules
from bilat.models import Date

MONTHS = {m: i for i, m in enumerate(["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"], start=1)}
WEEKDAYS = {d: i for i, d in enumerate(["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"])}
_NUMBERS = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
            "ten": 10, "a few": 3, "few": 3, "several": 4, "a couple of": 2}

# Month and weekday names are the built-in lexicon's: a user's rule file adds triggers, not calendars.
_M = rf"(?P<month>{load().alternation('months')})\.?"
_WD = rf"(?P<weekday>{load().alternation('weekdays')})"
_Y = r"(?P<year>(?:19|20)\d\d)"
_D = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"

_PATTERNS: list[tuple[str, re.Pattern]] = [
    ("iso", re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<mnum>[01]\d)-(?P<day>[0-3]\d)\b")),
    # 22.01.2025 and 22/01/2025; a slashed date is read day first only where it cannot be month first.
    ("dmy_num", re.compile(r"\b(?P<day>[0-3]?\d)(?P<sep>[./])(?P<mnum>[0-3]?\d)(?P=sep)(?P<year>(?:19|20)\d\d)\b")),
    ("range", re.compile(rf"\b(?:from\s+)?{_M}\s+{_D}\s*(?:-|–|to|until|and)\s*(?:(?P<month2>[A-Z][a-z]+\.?)\s+)?(?P<day2>[0-3]?\d)\b(?:,?\s+{_Y})?")),
    # "from 6 to 17 October", "between 6 and 17 October 2025": day first; the range starts on its first day
    ("range", re.compile(rf"\b(?:from\s+|between\s+)?{_D}\s*(?:-|–|to|until|and)\s*(?P<day2>[0-3]?\d)(?:st|nd|rd|th)?\s+{_M}(?P<month2>)(?:,?\s+{_Y})?\b")),
    # after the ranges, so that "from 10 to 12 February 2026" is read whole, by its first day
    ("dmy", re.compile(rf"\b{_D}\s+{_M},?\s+{_Y}\b")),
    ("mdy", re.compile(rf"\b{_M}\s+{_D},?\s+{_Y}\b")),
    ("dm", re.compile(rf"\b{_D}\s+{_M}(?![\w-])")),
    ("md", re.compile(rf"\b{_M}\s+{_D}\b(?!\s*(?:%|per|years?|km|million|billion))")),
    ("my", re.compile(rf"\b{_M},?\s+{_Y}\b")),
    ("m_rel", re.compile(rf"\b(?:in|since|until|by)\s+{_M}\s+(?P<rel>last|this|next)\s+year\b", re.I)),
    # "last December", "this March", "this past August", "next June": the month that word picks from the article's day
    ("m_word", re.compile(rf"\b(?P<rel>[Ll]ast|[Tt]his(?:\s+past)?|[Nn]ext|[Pp]ast)\s+{_M}(?!\s*\d)(?![\w-])")),
    ("m_alone", re.compile(rf"\b(?:[Ii]n|[Ss]ince|[Uu]ntil|[Bb]y|[Ff]rom|[Bb]etween|[Ee]arly|[Ll]ate|[Mm]id-?)\s+{_M}(?!\s*\d)(?!\s+(?:last|this|next)\s+year)\b")),
    ("weekday", re.compile(rf"\b(?:on\s+|last\s+|this\s+)?{_WD}\b")),
    ("today", re.compile(r"\b(?P<word>today|yesterday|tonight|this morning|this afternoon|this evening)\b", re.I)),
    ("rel_week", re.compile(r"\b(?P<word>earlier this week|this week|last week|next week|earlier this month|this month|last month|next month|"
                            r"this year|last year|next year|earlier this year|last (?:fall|autumn|spring|summer|winter))\b", re.I)),
    # Counted from the time the story has reached, not from the article's day: "In 2019 … Two years later …",
    # "the following year", "later that month", "the previous day".
    ("narrative", re.compile(r"\b(?:(?P<n>a few|a couple of|one|two|three|four|five|six|seven|eight|nine|ten|several|a|\d+)\s+"
                             r"(?P<unit>days?|weeks?|months?|years?)\s+(?P<dir>later|afterwards|earlier)|"
                             r"the\s+(?P<dir2>following|next|previous|preceding)\s+(?P<unit2>day|week|month|year)|"
                             r"(?:(?:later|earlier)\s+)?(?:that|the\s+same)\s+(?P<unit3>month|year))\b", re.I)),
    ("ago", re.compile(r"\b(?P<n>a few|a couple of|one|two|three|four|five|six|seven|eight|nine|ten|several|a|\d+)\s+"
                       r"(?P<unit>days?|weeks?|months?|years?)\s+(?:ago|before)\b", re.I)),
    ("few_days_after", re.compile(r"\b(?P<n>a few|a couple of|several|a|one|two|three) (?P<unit>days?|weeks?) (?:after|before)\b", re.I)),
    ("year", re.compile(r"(?<![\w$€£.,/-])(?P<year>(?:19[5-9]|20[0-4])\d)(?![\w%/-]|\.\d|,\d)")),
]


# What each kind cannot match without, found once per sentence: most sentences hold no date, and trying all
# seventeen patterns on each cost more than the rest of the date finding. Each test is looser than the patterns:
# every month a pattern accepts starts with a key of MONTHS (month_number reads it so), capitalised where the pattern
# is case-sensitive ("May", never "may"; "Mar", never "maritime"); every weekday is a key of WEEKDAYS; every year is
# 19xx or 20xx. Case-insensitive needs read the case-folded sentence, and strings are looked for with `in`.
_DIGIT = re.compile(r"\d")
_YEAR_DIGITS = re.compile(r"(?:19|20)\d\d")
_CAPITAL_MONTHS = tuple(m.capitalize() for m in MONTHS)
_UNITS = ("day", "week", "month", "year", "fall", "autumn", "spring", "summer", "winter")
_KIND_NEEDS = {"iso": ("year",), "dmy_num": ("year",), "year": ("year",),
               "dmy": ("year", "Month"), "mdy": ("year", "Month"), "my": ("year", "Month"),
               "range": ("digit", "Month"), "dm": ("digit", "Month"), "md": ("digit", "Month"),
               "m_rel": ("month",), "m_word": ("Month",), "m_alone": ("Month",),
               "weekday": ("weekday",), "rel_week": ("unit",), "ago": ("unit",), "few_days_after": ("unit",),
               "narrative": ("unit",)}
# Screened too (literals.py): "today", "ago", "last week" … are words most sentences lack. A kind whose needs already
# hold every word its screen looks for (a month's, a weekday's, a digit) scans as it is: the needs asked.
_NEEDS_SCREEN = {"iso", "dmy_num", "dmy", "mdy", "my", "range", "dm", "md", "m_word", "m_alone", "weekday"}
_PATTERNS = [(kind, rx if kind in _NEEDS_SCREEN else screened(rx)) for kind, rx in _PATTERNS]
_PATTERNS_BY_KIND = dict(_PATTERNS)


def _needs_met(text: str, folded: str) -> frozenset[str]:
    """The needs of _KIND_NEEDS a sentence meets (folded: the sentence case-folded)."""
    has = []
    if _DIGIT.search(text):
        has.append("digit")
        if _YEAR_DIGITS.search(text):
            has.append("year")
    if any(m in folded for m in MONTHS):
        has.append("month")
        if any(m in text for m in _CAPITAL_MONTHS):
            has.append("Month")
    if any(d in folded for d in WEEKDAYS):
        has.append("weekday")
    if any(u in folded for u in _UNITS):
        has.append("unit")
    return frozenset(has)


_RUNS: dict[frozenset[str], list[tuple[str, re.Pattern]]] = {}  # by the needs a sentence meets: the patterns to try


def _patterns_for(has: frozenset[str]) -> list[tuple[str, re.Pattern]]:
    """The patterns whose needs a sentence meets, in their order (each combination of needs listed once)."""
    if has not in _RUNS:
        _RUNS[has] = [(kind, rx) for kind, rx in _PATTERNS if all(need in has for need in _KIND_NEEDS.get(kind, ()))]
    return _RUNS[has]


# Dates as page headers, bylines and feeds print them, with a year: "2025-03-06T10:15:00Z", "2025/03/06",
# "06-03-2025", "MARCH 6, 2025", "Thursday, March 6th, 2025", "6th of March, 2025". Looser than running text
# (any case, ordinals, "of"), because a header line holds nothing else that could pass for a date.
_MI = rf"(?P<month>(?i:{load().alternation('months')}))\.?"
_HEADER_PATTERNS: list[re.Pattern] = [
    re.compile(r"(?<![\d.])(?P<year>(?:19|20)\d\d)(?P<sep>[-/.])(?P<mnum>[01]?\d)(?P=sep)(?P<day>[0-3]?\d)(?!\d)"),
    re.compile(r"(?<![\d.])(?P<day>[0-3]?\d)(?P<sep>[./-])(?P<mnum>[01]?\d)(?P=sep)(?P<year>(?:19|20)\d\d)(?!\d)"),
    re.compile(rf"\b{_D}(?:\s+|-)(?:of\s+)?{_MI},?(?:\s+|-){_Y}\b"),
    re.compile(rf"\b{_MI}\s+{_D},?\s+{_Y}\b"),
]


def header_dates(line: str) -> list[str]:
    """The full dates (with a year) a header, byline or date line prints, in the order printed."""
    found: list[tuple[int, int]] = []
    for rx in _HEADER_PATTERNS:
        for m in rx.finditer(line):
            if not any(a < m.end() and m.start() < b for a, b in found):
                found.append((m.start(), m.end()))
    return [line[a:b] for a, b in sorted(found)]
# "Wednesday, November 13", "Tuesday 12 November": a weekday beside a month and day without a year.
_WEEKDAY_MONTH_DAY = re.compile(rf"\b{_WD},?\s+(?:{_M}\s+{_D}|(?P<day_first>[0-3]?\d)(?:st|nd|rd|th)?\s+(?:of\s+)?"
                                rf"(?P<month_after>{load().alternation('months')})\.?)\b(?!,?\s+(?:19|20)\d\d)")


@dataclass
class DateMention:
    start: int
    end: int
    date: Date | None  # None: a date the text names but does not fix (no anchor)
    kind: str


def parse_anchor(raw: str) -> dt.date | None:
    """A full date as a header prints it, or None."""
    for rx in _HEADER_PATTERNS:
        m = rx.search(raw)
        if m:
            return _full(m)
    return None


_MONTH_WORD = re.compile(rf"\b{_M}(?!\w)")


def months_named(texts: list[str]) -> set[int]:
    """The months the texts name by name."""
    return {month_number(m.group("month")) for text in texts for m in _MONTH_WORD.finditer(text)}


def slash_readings(raw: str) -> tuple[dt.date, dt.date] | None:
    """"03/06/2026", which parse_anchor leaves unread: (3 June, as most of the world writes it, 6 March, as US pages
    do); None where the date is no such date or only one reading is a date."""
    m = re.search(r"(?<![\d./])(?P<a>[0-3]?\d)/(?P<b>[0-3]?\d)/(?P<year>(?:19|20)\d\d)(?!\d)", raw)
    if not m or parse_anchor(raw) is not None:
        return None
    a, b, year = int(m.group("a")), int(m.group("b")), int(m.group("year"))
    try:
        return dt.date(year, b, a), dt.date(year, a, b)
    except ValueError:
        return None


def other_reading(raw: str) -> dt.date | None:
    """For a numeric date both of whose readings are dates ("05.12.2026": 5 December, or 12 May as US pages print
    it), the reading parse_anchor did not take; else None."""
    m = re.search(r"(?<![\d.])(?P<a>[0-3]?\d)(?P<sep>[./-])(?P<b>[0-3]?\d)(?P=sep)(?P<year>(?:19|20)\d\d)(?!\d)", raw)
    if not m or m.group("a") == m.group("b") or int(m.group("a")) > 12 or int(m.group("b")) > 12:
        return None
    taken = parse_anchor(raw)
    other = dt.date(int(m.group("year")), int(m.group("b")), int(m.group("a")))  # month first
    if taken == other:
        other = dt.date(int(m.group("year")), int(m.group("a")), int(m.group("b")))
    return other if taken is not None and other != taken else None


def _month(m: re.Match) -> int:
    if m.groupdict().get("mnum"):
        return int(m.group("mnum"))
    return month_number(m.group("month"))


def month_number(name: str) -> int | None:
    """1 for "Jan", "January" or "jan."; None for what is no month."""
    return MONTHS.get(name.lower()[:3])


def _full(m: re.Match) -> dt.date | None:
    day, month = int(m.group("day")), _month(m)
    if m.groupdict().get("sep") == "/" and m.start("day") < m.start("year"):  # 2025/03/06 is year, month, day
        if day <= 12 and month <= 12 and day != month:
            return None  # 03/04/2025: April or March by who wrote it; no date is better than a wrong one
        if month > 12:
            day, month = month, day  # 01/22/2025, written month first
    try:
        return dt.date(int(m.group("year")), month, day)
    except ValueError:
        return None


def _span_precision(first: dt.date, last: dt.date, source: str) -> Date | None:
    """The precision a span of possible days fixes: a day, a month, or a year."""
    if first == last:
        return Date(first.isoformat(), source)
    if (first.year, first.month) == (last.year, last.month):
        return Date(first.isoformat()[:7], source)
    if first.year == last.year:
        return Date(str(first.year), source)
    return None  # the span crosses a year: the text fixes no date


def _year_for(month: int, day: int, anchor: dt.date, ahead: bool = False) -> dt.date | None:
    """A month and day without a year: the latest such date not after the anchor (copy reports the past), or,
    in a sentence that speaks of the future, a date up to a few weeks ahead ("they will meet on January 14")."""
    reach = dt.timedelta(days=rules().knob("future_reach_days") if ahead else 1)
    for year in (anchor.year, anchor.year - 1):
        try:
            d = dt.date(year, month, day)
        except ValueError:
            return None
        if d <= anchor + reach:
            return d
    return None


def _ahead(sentence: str, at: int) -> bool:
    """Whether a date at `at` speaks of the coming days: the sentence looks ahead ("will travel on Tuesday", "when
    the ministers meet from January 14 to 15, the agenda will …", "sets off on Tuesday") and no deed done stands
    nearer before the date than the words that look ahead ("will supply … under a contract signed on Tuesday")."""
    before = sentence[:at]
    last = lambda cue: max((m.end() for m in rules().cue(cue).finditer(before)), default=-1)  # noqa: E731
    ahead, done = max(last("future_frame"), last("departs")), max(last("happened"), last("past_tense"))
    if done > ahead:
        return False
    if ahead < 0:
        # "On Wednesday, the two firms signed an agreement that sets out how production will be moved": the date
        # opens the sentence, and the first verb after it that tells a time is done, not to come
        after = sentence[at:]
        first = lambda cue: min((m.start() for m in rules().cue(cue).finditer(after)), default=len(after))  # noqa: E731
        if min(first("happened"), first("past_tense")) < min(first("future_frame"), first("departs")):
            return False
    return ahead >= 0 or _speaks_of_future(sentence)


def _speaks_of_future(sentence: str) -> bool:
    return bool(rules().cue("future_frame").search(sentence))


def find_dates(text: str, anchor: dt.date | None, reference: Date | None = None) -> list[DateMention]:
    """Every date expression of a sentence, longest first where they overlap, resolved against anchor; a date
    counted from the story's time ("two years later") from the date before it in the sentence, else reference
    (the last date of the sentences before)."""
    taken: list[tuple[int, int]] = []
    out: list[DateMention] = []
    folded = text.casefold()
    narrative = []
    for kind, rx in _patterns_for(_needs_met(text, folded)):
        for m in rx.finditer(text):
            if any(m.start() < e and s < m.end() for s, e in taken):
                continue
            if kind == "narrative":
                taken.append((m.start(), m.end()))
                narrative.append(m)
                continue
            mention = _resolve(kind, m, anchor, text)
            if mention is None:
                continue
            taken.append((m.start(), m.end()))
            out.append(mention)
    for m in narrative:
        before = [d.date for d in sorted(out, key=lambda d: d.start) if d.end <= m.start() and d.date is not None]
        out.append(DateMention(m.start(), m.end(), _counted(m, before[-1] if before else reference, anchor), "narrative"))
    # "in April and May last year", "in April and May 2025": the months of a list take the year its last one has
    out = [_listed_month_year(d, out, text) if d.kind == "m_alone" and d.date is not None else d for d in out]
    # "on Monday 7 September", "on Monday, September 7": the weekday only names the day the date gives
    named_days = [d.start for d in out if d.kind != "weekday"]
    out = [d for d in out if d.kind != "weekday" or not any(_WEEKDAY_JOIN.fullmatch(text, d.end, s) for s in named_days)]
    return sorted(out, key=lambda d: d.start)


_WEEKDAY_JOIN = re.compile(r",?\s+")
_MONTH_LIST_REST = re.compile(rf"(?:(?:\s*,\s*|\s+(?:and|or|to|through|until)\s+)(?P<last>{load().alternation('months')})\.?){{1,4}}\s+")


def _listed_month_year(d: DateMention, found: list[DateMention], text: str) -> DateMention:
    """A month alone that opens a list of months whose last one carries a year ("last year", "2025") is of that year."""
    rest = _MONTH_LIST_REST.match(text, d.end)
    if rest is None:
        return d
    # (the last month's own date may begin at it, at the year after it, or at the "until" before it: "until April last year")
    joiner = text.rfind(" ", 0, rest.start("last") - 1) + 1
    year = next((o.date.value[:4] for o in found if o.start in (rest.start("last"), rest.end(), joiner) and o.date is not None
                 and o.kind in ("rel_week", "my", "year", "m_rel")), None)
    if year is None:
        return d
    return DateMention(d.start, d.end, Date(f"{year}{d.date.value[4:]}", d.date.source), d.kind)


def first_day_of_span(text: str, last: Date, kind: str) -> Date:
    """"… today concluded a five-day port call": the first day of a span of days the text reports by its last, for an
    engagement of the kind the span is of."""
    m = rules().cue("span_end_days").search(text)
    if m is None or last.precision != "day" or kind not in ("exercise", "meeting", "mechanism") \
            or m.group("what").lower() not in rules().words(f"span_{kind}"):
        return last  # (the lexicon's span_* sets: what a span of days can be of, by kind)
    n = m.group("n").lower()
    days = int(n) if n.isdigit() else _NUMBERS.get(n, 1)
    return Date((dt.date.fromisoformat(last.value) - dt.timedelta(days=days - 1)).isoformat(), last.source)


def _counted(m: re.Match, base: Date | None, anchor: dt.date | None) -> Date | None:
    """A date counted from base at the precision both fix: "two years later" than March 2019 is 2021, "later that
    month" than 12 June 2022 is 2022-06, "two days later" than a month is no day. Without a base, "earlier" counts
    from the article's day as "ago" does, and anything else is a date the text does not fix."""
    unit = (m.group("unit") or m.group("unit2") or m.group("unit3")).lower().rstrip("s")
    if m.group("unit3"):
        n = 0
    elif m.group("unit2"):
        n = -1 if m.group("dir2").lower() in ("previous", "preceding") else 1
    else:
        n_word = m.group("n").lower()
        if not n_word.isdigit() and n_word not in ("a", "one", "two", "three", "four", "five", "six", "seven", "eight",
                                                   "nine", "ten"):
            return None  # "a few years later": no count to move by
        n = int(n_word) if n_word.isdigit() else _NUMBERS[n_word]
        n = -n if m.group("dir").lower() == "earlier" else n
    if base is None:
        if anchor is None or n >= 0:
            return None
        base = Date(anchor.isoformat(), "relative")
    rank = {"year": 1, "month": 2, "day": 3}
    needs = unit if unit in rank else "day"
    if anchor is not None and rank[base.precision] < rank[needs] and anchor.isoformat().startswith(base.value):
        base = Date(anchor.isoformat(), "relative")  # "this month … Two weeks earlier": the story is at its own day
    year = int(base.value[:4])
    if unit == "year":
        return Date(str(year + n), "relative")
    if base.precision == "year":
        return None
    month = int(base.value[5:7])
    if unit == "month":
        months = year * 12 + month - 1 + n
        return Date(f"{months // 12:04d}-{months % 12 + 1:02d}", "relative")
    if base.precision == "month":
        return None
    day = dt.date.fromisoformat(base.value) + dt.timedelta(days=n * (7 if unit == "week" else 1))
    if unit == "week":
        return _span_precision(day - dt.timedelta(days=3), day + dt.timedelta(days=3), "relative")
    return Date(day.isoformat(), "relative")


def _resolve(kind: str, m: re.Match, anchor: dt.date | None, text: str) -> DateMention | None:
    def make(date: Date | None) -> DateMention:
        return DateMention(m.start(), m.end(), date, kind)

    if kind in ("iso", "dmy_num", "dmy", "mdy"):
        d = _full(m)
        return make(Date(d.isoformat(), "text")) if d else None
    if kind == "range":
        try:
            month = _month(m)
            month2 = month_number(m.group("month2") or m.group("month")) or month
            year = int(m.group("year")) if m.group("year") else None
            if year is None:
                if anchor is None:
                    return make(None)
                first = _year_for(month, int(m.group("day")), anchor, _ahead(text, m.start()))
                year = first.year if first else anchor.year
            first, last = dt.date(year, month, int(m.group("day"))), dt.date(year, month2, int(m.group("day2")))
        except (ValueError, KeyError):
            return None
        if last < first:
            return None
        # An engagement over several days is dated by the day it began ("drills from March 10 to 14").
        return make(Date(first.isoformat(), "text" if m.group("year") else "relative"))
    if kind in ("dm", "md"):
        try:
            month, day = _month(m), int(m.group("day"))
            dt.date(2000, month, day)
        except (ValueError, KeyError):
            return None
        if anchor is None:
            return make(None)
        d = _year_for(month, day, anchor, _ahead(text, m.start()))
        return make(Date(d.isoformat(), "relative") if d else None)
    if kind == "my":
        return make(Date(f"{int(m.group('year')):04d}-{_month(m):02d}", "text"))
    if kind == "m_rel":
        if anchor is None:
            return make(None)
        year = anchor.year + {"last": -1, "this": 0, "next": 1}[m.group("rel").lower()]
        return make(Date(f"{year:04d}-{_month(m):02d}", "relative"))
    if kind == "m_word":
        if anchor is None:
            return make(None)
        month, rel = _month(m), m.group("rel").lower()
        if rel == "next":
            year = anchor.year + (month <= anchor.month)
        elif rel == "this":
            year = anchor.year
        else:  # "last December" in November is a year ago; "last March" the March just gone
            year = anchor.year - (month >= anchor.month)
        return make(Date(f"{year:04d}-{month:02d}", "relative"))
    if kind == "m_alone":
        if m.group("month") == "May" and not re.match(r"(?i)in|since|until|by|from|between", m.group(0)):
            return None
        if re.match(r"(?i)from|between", m.group(0)) and not _MONTH_LIST_REST.match(text, m.end()):
            return None  # "from March to May" opens a span of months; "postponed from June" names no time of its own
        if anchor is None:
            return make(None)
        month = _month(m)
        # "met in March" is the last March; "will meet again in October" the next one
        if _ahead(text, m.start()):
            year = anchor.year if month >= anchor.month else anchor.year + 1
        else:
            year = anchor.year if month <= anchor.month else anchor.year - 1
        return make(Date(f"{year:04d}-{month:02d}", "relative"))
    if kind == "weekday":
        if anchor is None:
            return make(None)
        target = WEEKDAYS[m.group("weekday").lower()]
        if _ahead(text, m.start()) and not m.group(0).lower().startswith("last"):
            ahead = (target - anchor.weekday()) % 7  # "will travel on Tuesday": the coming one
            return make(Date((anchor + dt.timedelta(days=ahead)).isoformat(), "relative"))
        back = (anchor.weekday() - target) % 7
        return make(Date((anchor - dt.timedelta(days=back)).isoformat(), "relative"))
    if kind == "today":
        if anchor is None:
            return make(None)
        word = m.group("word").lower()
        d = anchor - dt.timedelta(days=1) if word == "yesterday" else anchor
        return make(Date(d.isoformat(), "relative"))
    if kind == "rel_week":
        if anchor is None:
            return make(None)
        word = m.group("word").lower()
        monday = anchor - dt.timedelta(days=anchor.weekday())
        if word in ("earlier this week", "this week"):
            span = (monday, max(monday, anchor - dt.timedelta(days=1 if word.startswith("earlier") else 0)))
        elif word == "last week":
            span = (monday - dt.timedelta(days=7), monday - dt.timedelta(days=1))
        elif word == "next week":
            span = (monday + dt.timedelta(days=7), monday + dt.timedelta(days=13))
        elif word == "next month":
            first = (anchor.replace(day=1) + dt.timedelta(days=32)).replace(day=1)
            span = (first, (first + dt.timedelta(days=32)).replace(day=1) - dt.timedelta(days=1))
        elif word in ("earlier this month", "this month"):
            span = (anchor.replace(day=1), anchor)
        elif word == "last month":
            last = anchor.replace(day=1) - dt.timedelta(days=1)
            span = (last.replace(day=1), last)
        elif word in ("this year", "earlier this year"):
            span = (anchor.replace(month=1, day=1), anchor)
        elif word == "next year":
            return make(Date(str(anchor.year + 1), "relative"))
        else:  # last year, last fall …
            return make(Date(str(anchor.year - 1), "relative"))
        return make(_span_precision(span[0], span[1], "relative"))
    if kind in ("ago", "few_days_after"):
        if anchor is None:
            return make(None)
        n_word = (m.groupdict().get("n") or "a few").lower()
        n = int(n_word) if n_word.isdigit() else _NUMBERS.get(n_word, 3)
        unit = m.group("unit").lower().rstrip("s")
        days = {"day": 1, "week": 7, "month": 30, "year": 365}[unit]
        # How far either side of the count the text leaves the day: "a few" widens it, a plain count does not.
        spread = 3 if "few" in n_word or "several" in n_word else 0
        if kind == "few_days_after" and ("few" in n_word or "several" in n_word or "couple" in n_word):
            n, spread = 3, 4 if unit == "day" else 10
        least = {"day": 0, "week": 3, "month": 15, "year": 180}[unit]
        center = anchor - dt.timedelta(days=n * days)
        slack = dt.timedelta(days=max(spread * days, least))
        return make(_span_precision(center - slack, min(anchor, center + slack), "relative"))
    if kind == "year":
        return make(Date(m.group("year"), "text"))
    return None


FULL_KINDS = ("iso", "dmy_num", "dmy", "mdy")


def weekday_anchor(lead: str, rest: list[str], today: dt.date | None = None) -> dt.date | None:
    """Where nothing dates the article, a weekday in its lead can still fix the week.

    "opened on Tuesday … ahead of the opening meeting on September 4, 2018": a full date later in the
    story that falls on the lead's weekday is that day. "announced on Wednesday, November 13": a weekday
    beside a month and day fixes the year, taken as the latest such year not after today.
    """
    weekdays = {WEEKDAYS[m.group("weekday").lower()] for m in _PATTERNS_BY_KIND["weekday"].finditer(lead)}
    if len(weekdays) != 1:
        return None
    weekday = weekdays.pop()
    for text in [lead] + rest:
        for d in find_dates(text, None):
            if d.kind in FULL_KINDS and d.date is not None and dt.date.fromisoformat(d.date.value).weekday() == weekday:
                return dt.date.fromisoformat(d.date.value)
    m = _WEEKDAY_MONTH_DAY.search(lead)
    if m:
        today = today or dt.date.today()
        month = month_number(m.group("month") or m.group("month_after"))
        day = int(m.group("day") or m.group("day_first"))
        for year in range(today.year, today.year - 12, -1):
            try:
                d = dt.date(year, month, day)
            except ValueError:
                return None
            if d <= today and d.weekday() == weekday:
                return d
    return None
