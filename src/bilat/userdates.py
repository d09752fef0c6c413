"""What a user types for `--since`/`--until`, read as an inclusive range of ISO days.

Every accepted form names a span — a year, a quarter, a month or a day — and a range runs from the first
day of the `--since` span to the last day of the `--until` span, so `--since "April 2024" --until "April
2024"` is the whole of April. What names no real date is refused with an example, never guessed: a
general-purpose parser reads `10` as the 10th of this month and `March` as today's day in March.

Pure: no I/O, and the clock only through the `today` argument, so tests fix it.
"""
from __future__ import annotations

import calendar
import re
from datetime import date

# Month names as users type them, from the standard library's calendar (English in the C locale), not typed out.
MONTH_NAME = "|".join(sorted(set(calendar.month_name[1:]) | set(calendar.month_abbr[1:]) | {"Sept"}, key=len, reverse=True))

EXAMPLES = "2025, 2025-04, April 2025, 2025-04-01, 1 April 2025, 2024-Q1 or last year"
_MONTH_KEYS = "jan feb mar apr may jun jul aug sep oct nov dec".split()  # MONTH_NAME's matches by their first three letters
_ORDINAL = r"(?:st|nd|rd|th)?"

# One pattern per form, matched against the whole text once commas and extra spaces are gone.
_FORMS = [
    ("year", re.compile(r"(?P<y>\d{4})")),
    ("quarter", re.compile(r"(?P<y>\d{4})\s*[-/ ]?\s*q(?P<q>\d)|q(?P<q2>\d)\s*[-/ ]?\s*(?P<y2>\d{4})", re.I)),
    ("month", re.compile(r"(?P<y>\d{4})[-/.](?P<m>\d{1,2})|(?P<m2>\d{1,2})[-/.](?P<y2>\d{4})")),
    ("month", re.compile(rf"(?P<name>{MONTH_NAME})\.?\s+(?P<y>\d{{4}})", re.I)),
    ("day", re.compile(r"(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})|(?P<y2>\d{4})/(?P<m2>\d{1,2})/(?P<d2>\d{1,2})")),
    ("day", re.compile(rf"(?P<d>\d{{1,2}}){_ORDINAL}\s+(?P<name>{MONTH_NAME})\.?\s+(?P<y>\d{{4}})", re.I)),
    ("day", re.compile(rf"(?P<name>{MONTH_NAME})\.?\s+(?P<d>\d{{1,2}}){_ORDINAL}\s+(?P<y>\d{{4}})", re.I)),
]
_MONTH_ALONE = re.compile(rf"(?:{MONTH_NAME})\.?", re.I)
_RELATIVE = re.compile(r"(?P<which>this|last)\s+(?P<unit>year|quarter|month)|(?P<day>today|yesterday)", re.I)


class DateError(ValueError):
    """What the user typed names no date, or the range is empty; the message is one line that says what works."""


def span(text: str, today: date | None = None) -> tuple[date, date]:
    """The first and last day of the span `text` names: `2025` → 2025-01-01, 2025-12-31."""
    cleaned = " ".join(text.replace(",", " ").split())
    relative = _RELATIVE.fullmatch(cleaned)
    if relative:
        return _relative(relative, today or date.today())
    for kind, pattern in _FORMS:
        m = pattern.fullmatch(cleaned)
        if m:
            return _absolute(kind, {k: v for k, v in m.groupdict().items() if v is not None}, text)
    if _MONTH_ALONE.fullmatch(cleaned):
        raise DateError(f"{text!r} needs a year, as in {cleaned.capitalize()} {(today or date.today()).year}")
    raise DateError(f"cannot read {text!r} as a date; try {EXAMPLES}")


def date_range(since: str | None, until: str | None, today: date | None = None) -> tuple[str | None, str | None]:
    """`--since` and `--until` as inclusive ISO days (None where not given); a range that ends before it starts is an error."""
    first = _span_of("--since", since, today)[0] if since else None
    last = _span_of("--until", until, today)[1] if until else None
    if first and last and first > last:
        raise DateError(f"--since {since} starts after --until {until} ends; nothing can be in that range")
    return (first.isoformat() if first else None, last.isoformat() if last else None)


def _span_of(option: str, text: str, today: date | None) -> tuple[date, date]:
    try:
        return span(text, today)
    except DateError as e:
        raise DateError(f"{option}: {e}") from None


def _absolute(kind: str, parts: dict[str, str], text: str) -> tuple[date, date]:
    # Alternatives inside one pattern name their groups y/y2, m/m2 …: fold them back to one name.
    parts = {k.rstrip("2"): v for k, v in parts.items()}
    year = int(parts["y"])
    if year < 1:
        raise DateError(f"{text!r} names no year; try {EXAMPLES}")
    if kind == "year":
        return date(year, 1, 1), date(year, 12, 31)
    if kind == "quarter":
        quarter = int(parts["q"])
        if not 1 <= quarter <= 4:
            raise DateError(f"{text!r} names no quarter (Q1 to Q4); try 2024-Q1")
        return _months(year, 3 * quarter - 2, 3 * quarter)
    month = _MONTH_KEYS.index(parts["name"][:3].lower()) + 1 if "name" in parts else int(parts["m"])
    if not 1 <= month <= 12:
        raise DateError(f"{text!r} names no month (months run 01 to 12); try {EXAMPLES}")
    if kind == "month":
        return _months(year, month, month)
    try:
        day = date(year, month, int(parts["d"]))
    except ValueError:
        raise DateError(f"{text!r} names no day of {calendar.month_name[month]} {year}; try {EXAMPLES}") from None
    return day, day


def _relative(m: re.Match, today: date) -> tuple[date, date]:
    if m.group("day"):
        day = date.fromordinal(today.toordinal() - (m.group("day").lower() == "yesterday"))
        return day, day
    back = m.group("which").lower() == "last"
    unit = m.group("unit").lower()
    if unit == "year":
        return date(today.year - back, 1, 1), date(today.year - back, 12, 31)
    size = 3 if unit == "quarter" else 1
    start = (today.month - 1) // size * size - back * size  # months since January of this year, may be negative
    year, month0 = today.year + start // 12, start % 12
    return _months(year, month0 + 1, month0 + size)


def _months(year: int, first_month: int, last_month: int) -> tuple[date, date]:
    return date(year, first_month, 1), date(year, last_month, calendar.monthrange(year, last_month)[1])
