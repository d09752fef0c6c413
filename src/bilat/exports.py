"""Exports: `.jsonl` and `.json` files of records, one document per record.

A record is a JSON object with `text` (the article, required) and optionally `title`, `date`, `url`
and `id`. A `.jsonl` file holds one record a line (blank lines skipped); a `.json` file holds an array
of records, one record, or an object with one array of records under any key (`{"articles": [...]}`).

A record's document id is the file's id, `:`, and the record's own `id`, or its position (from 1)
when it has none: `exports/feed:417`, `exports/feed:3`. Characters that would make the id ambiguous
(`#`, which starts an event's number; whitespace; `:`) become `_`, and an id met twice in one file gets
`.2`, `.3`… A line that is not a record still has its position, so it is reported once, as that record.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass

SUFFIXES = (".jsonl", ".json")
SEPARATOR = ":"
# An export holds many articles: a larger file than one article may be is expected, but not without bound.
MAX_EXPORT_BYTES = 256 * 1024 * 1024
_UNSAFE_IN_ID = re.compile(r"[\s#:\x00-\x1f\x7f]+")
DATE = re.compile(r"\s*(\d{4}-\d{2}-\d{2})(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?\s*\Z")


class NotAnExport(ValueError):
    """The file holds no records: why, in a few words."""


@dataclass(frozen=True)
class Record:
    key: str  # the record's part of the document id
    fields: dict | None  # the JSON object; None when the line or item is not one
    problem: str | None = None  # why it is not a record


def is_export(name: str) -> bool:
    return name.lower().endswith(SUFFIXES)


def records(data: bytes, suffix: str) -> list[Record]:
    """Every record of an export, keyed; NotAnExport when the file is none."""
    return list(_records(data, suffix.lower()))


def _records(data: bytes, suffix: str):
    text = data.decode("utf-8-sig", errors="replace")
    if suffix == ".jsonl":
        items = []
        for n, line in enumerate((line for line in text.splitlines() if line.strip()), 1):
            try:
                items.append(json.loads(line))
            except ValueError:
                items.append(_Bad(f"line {n} is not JSON"))
    else:
        try:
            items = _items(json.loads(text))
        except ValueError as e:
            raise NotAnExport(f"not JSON ({e})") from None
    seen: dict[str, int] = {}
    for position, item in enumerate(items, 1):
        own = item.get("id") if isinstance(item, dict) else None
        key = _UNSAFE_IN_ID.sub("_", str(own)).strip("_") if isinstance(own, (str, int)) and not isinstance(own, bool) else ""
        key = key or str(position)
        seen[key] = seen.get(key, 0) + 1
        if seen[key] > 1:
            key = f"{key}.{seen[key]}"
        if isinstance(item, _Bad):
            yield Record(key, None, item.reason)
        elif not isinstance(item, dict):
            yield Record(key, None, f"record {position} is not a JSON object")
        elif not isinstance(item.get("text"), str) or not item["text"].strip():
            yield Record(key, None, f"record {position} has no text")
        else:
            yield Record(key, item)


@dataclass(frozen=True)
class _Bad:
    reason: str


def _items(value) -> list:
    if isinstance(value, list):
        return value
    if isinstance(value, dict):
        if "text" in value:
            return [value]
        lists = [v for v in value.values() if isinstance(v, list) and v and all(isinstance(x, dict) for x in v)]
        if len(lists) == 1:
            return lists[0]
    raise NotAnExport("no records: a JSON export is an array of objects with \"text\"")


def document_text(record: Record) -> tuple[str, str | None, str | None, str | None]:
    """The record's text, title, ISO date (only a date the record states, as a day) and url."""
    fields = record.fields or {}

    def string(key: str) -> str | None:
        value = fields.get(key)
        return " ".join(value.split()) or None if isinstance(value, str) else None

    date = string("date")
    m = DATE.match(date) if date else None
    return fields["text"], string("title"), m.group(1) if m else None, string("url")
