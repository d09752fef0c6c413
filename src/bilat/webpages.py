"""Saved web pages (`.html`, `.htm`): the article's text, title and published date, by trafilatura.

trafilatura is made for exactly this (navigation, scripts, comments and boilerplate dropped; title and
date read from the page's metadata by htmldate), and is well kept. It is an optional extra,
`pip install 'bilat[html]'`: it brings some 60 MB (lxml, dateparser …) and 0.2 s of import that
analysts without saved pages should not pay; it is imported only when a page is (re)read, never by a
query over an unchanged index. Without it, pages are skipped with one line saying how to get it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

SUFFIXES = (".html", ".htm")
MISSING = "saved web pages need the html extra: pip install 'bilat[html]', then bilat index --rebuild"
_DAY = re.compile(r"\d{4}-\d{2}-\d{2}\Z")


class PageUnavailable(Exception):
    """The page cannot be read: the extra is missing, or no article text was found."""


@dataclass(frozen=True)
class Page:
    text: str  # the article, one paragraph a line
    title: str | None
    date: str | None  # YYYY-MM-DD from the page's metadata


def is_page(name: str) -> bool:
    return name.lower().endswith(SUFFIXES)


def read_page(html: str) -> Page:
    try:
        import trafilatura
    except ImportError:
        raise PageUnavailable(MISSING) from None
    # Metadata only for the date (no guessing from the text: the text's own dates are extraction's to read).
    found = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False, include_tables=False,
                                        favor_precision=True, date_extraction_params={"extensive_search": False,
                                                                                      "original_date": True})
    if found is None:
        raise PageUnavailable("no article text found in the page")
    fields = found.as_dict() if hasattr(found, "as_dict") else dict(found)
    text = fields.get("text") or ""
    if not text.strip():
        raise PageUnavailable("no article text found in the page")
    date = fields.get("date")
    title = fields.get("title")
    return Page(text=text, title=" ".join(title.split()) if isinstance(title, str) and title.strip() else None,
                date=date if isinstance(date, str) and _DAY.match(date) else None)
