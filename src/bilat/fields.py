"""Field selection and ordering, as gh does it: `--json a,b` keeps those keys of each record, `--sort -key` orders them.

The keys of each command's records are named here once (docs/contract.md, docs/schema/records.schema.json; a test
checks they agree). This module imports nothing: the command line consults it before any option is parsed.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator

TYPE_CHECKING = False  # typing.TYPE_CHECKING without loading typing at start-up; type checkers take it as True
if TYPE_CHECKING:
    from typing import Any

_EVENT = ("id", "date", "date_precision", "date_source", "countries", "multilateral", "type", "cameo", "plover", "place",
          "summary", "evidence", "docs")
# What one record of each command's JSON holds; for `pair` the sections of its one object.
RECORD_KEYS: dict[str, tuple[str, ...]] = {
    "list": ("id", "title", "date", "date_precision", "countries", "pairs", "people", "event_types", "path"),
    "timeline": _EVENT,
    "quote": ("text", "speaker", "doc", "date", "date_precision"),
    "countries": ("country", "name", "document_count", "event_count", "event_count_by_type", "partners"),
    "partners": ("country", "name", "event_count", "event_count_by_type", "document_count"),  # countries --country
    "people": ("name", "country", "roles", "variants", "document_count", "docs", "quote_count"),
    "pair": ("countries", "overview", "events", "people", "quotes", "documents", "figures"),
}
# `--sort` orders these rows; `pair` orders its engagements.
SORTED_AS = {"pair": "timeline"}


class FieldError(ValueError):
    pass


def selected(command: str, given: str) -> list[str]:
    """The fields of `--json a,b,c`, each one of the command's keys, in the order given."""
    wanted = [name.strip() for name in given.split(",") if name.strip()]
    valid = RECORD_KEYS.get(command)
    if valid is None:
        raise FieldError(f"`bilat {command}` prints its record whole: --json takes no fields here")
    unknown = [name for name in wanted if name not in valid]
    if unknown or not wanted:
        said = f"unknown field {unknown[0]!r}" if unknown else "no field named"
        raise FieldError(f"{said} for `bilat {command} --json`; choose from {', '.join(valid)}")
    return list(dict.fromkeys(wanted))


def looks_like_fields(command: str, token: str) -> bool:
    """Whether the word after `--json` names fields of this command (else it is a word or argument of the command)."""
    valid = RECORD_KEYS.get(command, ())
    return all(name.strip() in valid for name in token.split(",")) and bool(token.strip(", "))


def pick(records: Iterable[dict], fields: list[str]) -> Iterator[dict]:
    """Each record with only these keys, in the order asked."""
    for record in records:
        yield {name: record[name] for name in fields}


def ordering(command: str, given: str) -> list[tuple[str, bool]]:
    """The keys of `--sort a,-b` with whether each is descending, each one of the command's keys."""
    valid = RECORD_KEYS[SORTED_AS.get(command, command)]
    keys = []
    for part in (p.strip() for p in given.split(",")):
        name = part.lstrip("+-")
        if name not in valid:
            raise FieldError(f"cannot sort `bilat {command}` by {part!r}; sort by {', '.join(valid)} (-KEY: descending)")
        keys.append((name, part.startswith("-")))
    return keys


def _sort_value(value: Any) -> Any:
    """What a value sorts by: text ignoring case, a list by its length, a person by name, counts by their total."""
    if isinstance(value, str):
        return value.casefold()
    if isinstance(value, list):
        return len(value)
    if isinstance(value, dict):
        return value["name"].casefold() if isinstance(value.get("name"), str) else sum(
            v for v in value.values() if isinstance(v, int))
    return value


def ordered(records: Iterable[dict], keys: list[tuple[str, bool]]) -> list[dict]:
    """The records sorted by the keys, the first key first; a missing value (null) comes last either way."""
    rows = list(records)
    for name, descending in reversed(keys):  # a stable sort by each key, the most significant last
        known = [r for r in rows if _sort_value(r.get(name)) is not None]
        missing = [r for r in rows if _sort_value(r.get(name)) is None]
        rows = sorted(known, key=lambda r: _sort_value(r[name]), reverse=descending) + missing
    return rows
