"""Extraction as a filter: one JSONL record per document, made anywhere, loaded into an index without extracting again.

Extraction is a pure function of one document, so any engine can run it over a corpus too large for
one machine (see docs/scale-out.md): `extract_file(root, path)` is the map, `bilat extract` runs it here,
and `bilat index --from-extractions FILE…` loads the records. A record carries what the index keeps of its
file (id, path, size, modification time, SHA-256) and the extractor that made it (release, rules, source):
the index takes a record only for a file that is still as the record saw it, read by the same extractor;
every other file is extracted as usual. One line per document:

    {"id": "b000/a000001", "path": "…", "size": 2048, "mtime_ns": …, "extractor": "0.1.0+…",
     "sha256": "…", "title": "…", "text": "…", "extraction": {"date": …, "events": […], …}}

or, for a file that could not be read or extracted, "problem" and "bug" in place of the last four.
"""
from __future__ import annotations

import dataclasses
import json
import os
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, BinaryIO

from bilat.models import Date, Event, Extraction, Figure, Person, Quote


def to_dict(x: Extraction) -> dict[str, Any]:
    return dataclasses.asdict(x)


def from_dict(d: dict[str, Any]) -> Extraction:
    """An Extraction from its to_dict form: the dataclasses rebuilt, dates as Date."""
    def date(value):
        return Date(**value) if value else None

    return Extraction(**{**d, "date": date(d["date"]), "people": [Person(**p) for p in d["people"]],
                         "quotes": [Quote(**q) for q in d["quotes"]], "figures": [Figure(**f) for f in d["figures"]],
                         "events": [Event(**{**e, "date": date(e["date"])}) for e in d["events"]]})


def _record(doc_id: str, path: str, size: int | None, mtime_ns: int | None, extractor: str, result) -> dict[str, Any]:
    from bilat.index import Problem

    head = {"id": doc_id, "path": path, "size": size, "mtime_ns": mtime_ns, "extractor": extractor}
    if isinstance(result, Problem):
        return {**head, "problem": result.message, "bug": result.bug}
    sha, title, text, extraction = result
    return {**head, "sha256": sha, "title": title, "text": text, "extraction": to_dict(extraction)}


def extract_file(root: str | Path, path: str | Path, extractor: str | None = None) -> dict[str, Any]:
    """The extraction record of one article file of the corpus at `root`: the function an engine maps over files."""
    from bilat import index

    root, path = str(root), str(path)
    doc_id = os.path.relpath(path, root).replace(os.sep, "/").rsplit(".", 1)[0]
    try:
        st = os.stat(path)  # before reading: a file changed meanwhile is newer than the record says, and read again
        size, mtime = st.st_size, st.st_mtime_ns
    except OSError as e:
        size = mtime = None
        result: Any = index.Problem(f"{path}: {e.strerror or e}")
    else:
        result = index._extract_one((root, doc_id, path, size, mtime, None))
    return _record(doc_id, path, size, mtime, extractor or index.extractor_version(), result)


def extract_text(doc_id: str, text: str, extractor: str | None = None) -> dict[str, Any]:
    """The extraction record of an article given as text (a JSONL feed): no file, so no size or time."""
    import hashlib

    from bilat import extract, index
    from bilat.wirecopy import parse_document

    doc = parse_document(doc_id, doc_id, text)
    try:
        result: Any = (hashlib.sha256(text.encode("utf-8")).hexdigest(), doc.title, "\n".join(doc.body), extract.extract(doc))
    except Exception as e:  # noqa: BLE001 - a bug in bilat on this article: reported in its record, the rest go on
        result = index.Problem(f"{doc_id}: {type(e).__name__}: {e}", bug=True)
    return _record(doc_id, "", None, None, extractor or index.extractor_version(), result)


def text_records(lines: Iterable[str]) -> Iterator[tuple[str, str]]:
    """(id, text) of JSONL records with `text` (and `id`; else the line number); raises ValueError naming the line."""
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        record = _json_line(line, f"line {n}")
        if not isinstance(record, dict) or not isinstance(record.get("text"), str):
            raise ValueError(f"line {n}: a record needs \"text\", a string")
        yield str(record.get("id") or n), record["text"]


def _json_line(line: str | bytes, where: str) -> Any:
    """One JSON Lines value; else ValueError naming where it stands."""
    try:
        return json.loads(line)
    except ValueError as e:
        raise ValueError(f"{where}: not JSON ({e})") from None


class Supplied:
    """Extraction records from JSONL files, found by document id (a file offset each: memory stays small).

    A record is used for a refresh's task when it matches the file (same id, size and modification time) and was
    made by this extractor; every other file is extracted here."""

    def __init__(self, files: Iterable[Path], extractor: str):
        self.extractor = extractor
        self.handles: list[BinaryIO] = []
        self.where: dict[str, tuple[int, int, int, int]] = {}  # id: file, offset, size, mtime_ns
        self.other_extractor = 0  # records made by another release or other rules: not used
        self.used = 0
        for path in files:
            handle = open(path, "rb")  # noqa: SIM115 - kept open while the refresh reads records by offset
            self.handles.append(handle)
            offset = 0
            for n, line in enumerate(handle, 1):
                if line.strip():
                    record = self._parse(line, path, n)
                    if record.get("extractor") != extractor:
                        self.other_extractor += 1
                    elif record.get("size") is not None:
                        self.where[record["id"]] = (len(self.handles) - 1, offset, record["size"], record["mtime_ns"])
                offset += len(line)

    @staticmethod
    def _parse(line: bytes, path: Path, n: int) -> dict[str, Any]:
        record = _json_line(line, f"{path}: line {n}")
        if not isinstance(record, dict) or not isinstance(record.get("id"), str):
            raise ValueError(f"{path}: line {n}: not an extraction record (made by `bilat extract`)")
        return record

    def matches(self, task: tuple) -> bool:
        """Whether a record stands for this file as it is now (else it changed since, and is extracted here)."""
        _root, doc_id, _path, size, mtime, _known_sha = task
        found = self.where.get(doc_id)
        return found is not None and found[2:] == (size, mtime)

    def __call__(self, task: tuple):
        """The file's result from its record (read only now: the records are never all in memory at once)."""
        from bilat.index import Problem

        _root, doc_id, _path, _size, _mtime, known_sha = task
        found = self.where[doc_id]
        handle = self.handles[found[0]]
        handle.seek(found[1])
        record = json.loads(handle.readline())
        self.used += 1
        if "problem" in record:
            return Problem(record["problem"], bug=record.get("bug", False))
        if record["sha256"] == known_sha:
            return "same"
        return record["sha256"], record["title"], record["text"], from_dict(record["extraction"])

    def close(self) -> None:
        for handle in self.handles:
            handle.close()


def write_records(root: Path, paths: list[Path], out, jobs: int | None = None, rules_file: Path | None = None,
                  include=(), exclude=(), stdin=None) -> int:
    """`bilat extract`: one record per document on `out`, in id order for files; how many were written.

    paths: article files and folders under `root` (ids are relative to it), or JSONL files of records with
    "text" ("-": stdin); none: every article of `root`. Files are extracted in worker processes as `bilat index`
    does. Raises ValueError for JSONL that is no such records, corpus.CorpusError for a missing folder."""
    from bilat import index
    from bilat.render import to_json

    extractor = index.extractor_version(rules_file)
    files: dict[str, tuple[str, int, int]] = {}
    problems: dict[str, str] = {}
    feeds = [p for p in paths if str(p) == "-" or p.suffix.lower() == ".jsonl"]
    for path in paths or [root]:
        if path in feeds:
            continue
        if path.is_dir():
            found, failed = index.scan(path, include, exclude)
            prefix = os.path.relpath(path, root).replace(os.sep, "/")
            prefix = "" if prefix == "." else prefix + "/"
            files.update({prefix + doc_id: entry for doc_id, entry in found.items()})
            problems.update(failed)
            continue
        doc_id = os.path.relpath(path, root).replace(os.sep, "/").rsplit(".", 1)[0]
        try:
            st = os.stat(path)
        except OSError as e:
            problems[doc_id] = f"{path}: {e.strerror or e}"
            continue
        files[doc_id] = (str(path), st.st_size, st.st_mtime_ns)
    written = 0
    for doc_id, message in sorted(problems.items()):
        out.write(to_json(_record(doc_id, "", None, None, extractor, index.Problem(message))) + "\n")
        written += 1
    tasks = [(str(root), doc_id, path, size, mtime, None) for doc_id, (path, size, mtime) in sorted(files.items())]
    for task, result in zip(tasks, index._extracted(tasks, jobs, rules_file), strict=True):
        out.write(to_json(_record(task[1], task[2], task[3], task[4], extractor, result)) + "\n")
        written += 1
    for feed in feeds:
        handle = stdin if str(feed) == "-" else open(feed, encoding="utf-8")  # noqa: SIM115
        try:
            for doc_id, text in text_records(handle):
                out.write(to_json(extract_text(doc_id, text, extractor)) + "\n")
                written += 1
        except ValueError as e:
            raise ValueError(f"{feed}: {e}") from None
        finally:
            if handle is not stdin:
                handle.close()
    return written
