"""What users type for --since/--until: each form names a whole span; what names no date is refused."""
from datetime import date

import pytest

from bilat.userdates import EXAMPLES, DateError, date_range, span

TODAY = date(2025, 1, 15)  # mid-January: "last month" and "last quarter" cross into the year before


@pytest.mark.parametrize("text, first, last", [
    ("2025", "2025-01-01", "2025-12-31"),
    ("2025-04", "2025-04-01", "2025-04-30"),
    ("2025/04", "2025-04-01", "2025-04-30"),
    ("04/2025", "2025-04-01", "2025-04-30"),
    ("April 2024", "2024-04-01", "2024-04-30"),
    ("april 2024", "2024-04-01", "2024-04-30"),
    ("Apr 2025", "2025-04-01", "2025-04-30"),
    ("Sept. 2024", "2024-09-01", "2024-09-30"),
    ("2024-02", "2024-02-01", "2024-02-29"),  # a leap year's February
    ("2025-04-01", "2025-04-01", "2025-04-01"),
    ("2025/04/01", "2025-04-01", "2025-04-01"),
    ("1 April 2025", "2025-04-01", "2025-04-01"),
    ("1st April 2025", "2025-04-01", "2025-04-01"),
    ("April 1, 2025", "2025-04-01", "2025-04-01"),
    ("2024-Q1", "2024-01-01", "2024-03-31"),
    ("2024q4", "2024-10-01", "2024-12-31"),
    ("Q2 2024", "2024-04-01", "2024-06-30"),
    ("last year", "2024-01-01", "2024-12-31"),
    ("this year", "2025-01-01", "2025-12-31"),
    ("this month", "2025-01-01", "2025-01-31"),
    ("last month", "2024-12-01", "2024-12-31"),
    ("This Quarter", "2025-01-01", "2025-03-31"),
    ("last quarter", "2024-10-01", "2024-12-31"),
    ("today", "2025-01-15", "2025-01-15"),
    ("yesterday", "2025-01-14", "2025-01-14"),
    ("  2025  ", "2025-01-01", "2025-12-31"),
])
def test_each_form_names_a_whole_span(text, first, last):
    assert tuple(d.isoformat() for d in span(text, TODAY)) == (first, last)


def test_relative_spans_follow_today():
    assert [d.isoformat() for d in span("last month", date(2024, 3, 31))] == ["2024-02-01", "2024-02-29"]
    assert [d.isoformat() for d in span("this quarter", date(2024, 12, 1))] == ["2024-10-01", "2024-12-31"]


@pytest.mark.parametrize("text, says", [
    ("2025-13", "names no month"),
    ("2025-00", "names no month"),
    ("13/2025", "names no month"),
    ("2025-02-30", "names no day"),
    ("31 April 2025", "names no day"),
    ("2024-Q5", "names no quarter"),
    ("0000", "names no year"),
    ("10", "cannot read"),
    ("March", "needs a year"),
    ("foo", "cannot read"),
    ("01/04/2025", "cannot read"),  # day and month order is ambiguous: refused, not guessed
    ("next year", "cannot read"),
    ("2025-04-01T10:00", "cannot read"),
])
def test_what_names_no_real_date_is_refused_with_an_example(text, says):
    with pytest.raises(DateError) as caught:
        span(text, TODAY)
    message = str(caught.value)
    assert says in message and "\n" not in message
    assert any(example in message for example in ("2025-04", "2024-Q1", "March 2025"))


def test_a_range_runs_from_the_first_day_of_since_to_the_last_day_of_until():
    assert date_range("April 2024", "April 2024", TODAY) == ("2024-04-01", "2024-04-30")
    assert date_range("2025", None, TODAY) == ("2025-01-01", None)
    assert date_range(None, "2025", TODAY) == (None, "2025-12-31")
    assert date_range(None, None, TODAY) == (None, None)
    assert date_range("2025-04-01", "2025-04", TODAY) == ("2025-04-01", "2025-04-30")


def test_a_range_error_names_the_option():
    with pytest.raises(DateError, match="^--until: '2025-13' names no month"):
        date_range("2024", "2025-13", TODAY)


def test_since_after_until_is_an_error():
    with pytest.raises(DateError, match="--since 2025 starts after --until 2024"):
        date_range("2025", "2024", TODAY)


def test_examples_are_all_readable():
    for example in EXAMPLES.replace(" or ", ", ").split(", "):
        span(example, TODAY)
