"""The index: SQLite with FTS5, one per corpus folder, refreshed incrementally and atomically.

A refresh stats every file and compares with the stored state in one query; with nothing
changed it ends there, without a write lock. Otherwise it extracts the added and changed files
(in worker processes when there are many), writes them in batches, and recomputes the
cross-document views (persons, engagements, documents' dates) only for the parts the changed
files touch, all in one transaction: an interrupted refresh leaves the previous index in place.
"""
from __future__ import annotations

import hashlib
import os
import sqlite3
from contextlib import closing
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from bilat import __version__, corpus

SCHEMA_VERSION = 10
# Below this many files to extract, starting worker processes costs more than it saves.
POOL_MIN_FILES = 16


class IndexUnavailable(Exception):
    """The index cannot be opened, read or written."""


@dataclass
class RefreshReport:
    added: int = 0
    updated: int = 0
    removed: int = 0
    unchanged: int = 0
    skipped: list[str] = field(default_factory=list)  # "path: reason" of files that could not be read
    failed: list[str] = field(default_factory=list)  # "path: stage: error" of extractions that raised (bugs)
    still_skipped: int = 0  # files skipped before and unchanged since: counted, not reported again
    traces: list[str] = field(default_factory=list)  # the tracebacks of `failed`, shown with --debug


def extractor_version(rules_file: Path | None = None) -> str:
    """Which extraction produced the rows: the release and a hash of the rule files (a user's too) and the
    extraction source, so any change to how articles are read re-reads the corpus once, never mixes readings."""
    from bilat import rulebook

    return f"{__version__}+{rulebook.fingerprint(rules_file)}"


def default_location(corpus_dir: Path, cache: Path) -> Path:
    """One index file per corpus folder in the cache folder (the Environment says which: $XDG_CACHE_HOME/bilat)."""
    resolved = corpus_dir.resolve()
    slug = "".join(ch if ch.isalnum() else "-" for ch in resolved.name)[:40] or "corpus"
    return cache / f"{slug}-{hashlib.sha1(str(resolved).encode()).hexdigest()[:12]}.db"


def _cache() -> Path:
    """For callers that give no location (scripts, tests): the cache folder the Environment would name."""
    from bilat.environment import Environment

    return Environment.from_os().cache


def connect(path: Path) -> sqlite3.Connection:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        conn = sqlite3.connect(path, timeout=30, isolation_level=None)
        conn.row_factory = sqlite3.Row
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("PRAGMA journal_mode = WAL")
        return conn
    except (sqlite3.Error, OSError) as e:
        raise _unreadable(path, e) from e


def _unreadable(path: Path, error: Exception) -> IndexUnavailable:
    return IndexUnavailable(f"index {path} is unreadable ({error}); remove it or run `bilat index --rebuild`")


def _meta(conn: sqlite3.Connection, key: str) -> str | None:
    row = conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
    return row["value"] if row else None


def _stamp(folder: str, extractor: str) -> dict[str, str]:
    """What an index records of how it was made: the folder it reads and the extraction that read it."""
    return {"corpus": folder, "extractor": extractor}


def _current(conn: sqlite3.Connection, folder: str, extractor: str) -> bool:
    """The index has this schema, this folder's rows and this extractor's readings."""
    if conn.execute("PRAGMA user_version").fetchone()[0] != SCHEMA_VERSION:
        return False
    return all(_meta(conn, key) == value for key, value in _stamp(folder, extractor).items())


def _create(conn: sqlite3.Connection) -> None:
    from bilat.store import SCHEMA

    # Tables that refer to others go first: dropping a table deletes its rows, cascading to what refers to it.
    for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type IN ('table') AND name NOT LIKE 'sqlite_%' "
                                "AND name NOT LIKE '%_fts_%' ORDER BY rowid DESC").fetchall():
        conn.execute(f'DROP TABLE IF EXISTS "{name}"')
    for statement in SCHEMA.split(";"):
        if statement.strip():
            conn.execute(statement)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")


def scan(corpus_dir: Path, include=(), exclude=()) -> tuple[dict[str, tuple[str, int, int]], dict[str, str]]:
    """Every article file under the folder as {id: (path, size, mtime_ns)}, and those that cannot be listed or
    statted {id or path: "path: reason"}. Which files are articles is the corpus module's to say (.bilatignore,
    --include/--exclude, notes and hidden files left out); this only adds the stat the refresh compares."""
    problems: list[corpus.Unreadable] = []
    found: dict[str, tuple[str, int, int]] = {}
    failed: dict[str, str] = {}
    root = str(corpus_dir)
    cut = len(root.rstrip(os.sep)) + 1
    for path in corpus.iter_files(corpus_dir, include, exclude, skipped=problems):
        name = str(path)
        doc_id = name[cut:].replace(os.sep, "/").rsplit(".", 1)[0]
        try:
            st = os.stat(name)
        except OSError as e:
            failed[doc_id] = str(corpus.Unreadable(path, e.strerror or str(e)))
            continue
        found[doc_id] = (name, st.st_size, st.st_mtime_ns)
    for p in problems:
        failed[str(p.path)] = str(p)
    return found, failed


def refresh(conn: sqlite3.Connection, corpus_dir: Path, progress: Callable[[int, int], None] | None = None,
            jobs: int | None = None, rules_file: Path | None = None, include=(), exclude=()) -> RefreshReport:
    """Bring the index in line with the folder: extract added and changed files, drop removed ones.

    jobs: worker processes for extraction (default: one per core; 1 extracts in this process).
    rules_file: a user's rule file merged over the built-in rules (its fingerprint is part of the extractor's).
    """
    folder = str(corpus_dir.resolve())
    on_disk, failed = scan(corpus_dir, include, exclude)
    extractor = extractor_version(rules_file)
    try:
        if _current(conn, folder, extractor):
            known = {r[0]: (r[1], r[2]) for r in conn.execute("SELECT doc, size, mtime_ns FROM documents")}
            known.update({r[0]: (r[1], r[2]) for r in conn.execute("SELECT doc, size, mtime_ns FROM skipped")})
            for doc_id in failed:  # kept as they were until they can be read again
                known.pop(doc_id, None)
            if known.keys() == on_disk.keys() and all(known[d] == s[1:] for d, s in on_disk.items()):
                skipped = conn.execute("SELECT count(*) FROM skipped").fetchone()[0]
                return RefreshReport(unchanged=len(on_disk) - skipped, still_skipped=skipped, skipped=sorted(failed.values()))
        return _write(conn, corpus_dir, folder, on_disk, failed, progress, jobs, extractor, rules_file)
    except sqlite3.Error as e:
        raise IndexUnavailable(f"index is unreadable or cannot be written: {e}") from e


def _write(conn, corpus_dir: Path, folder: str, on_disk: dict, failed: dict[str, str], progress, jobs, extractor: str,
           rules_file: Path | None) -> RefreshReport:
    """The refresh that changes something: one write transaction, rolled back on any failure."""
    from bilat.store import Writer  # the writing side loads only when something changed

    report = RefreshReport(skipped=list(failed.values()))
    try:
        conn.execute("BEGIN IMMEDIATE")
        # A new schema, an index shared through $BILAT_INDEX with another folder, or another extractor: start afresh.
        known = {}
        if conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION and _meta(conn, "corpus") == folder:
            known = {r["doc"]: r for r in conn.execute("SELECT id, doc, size, mtime_ns, sha256 FROM documents")}
        if not _current(conn, folder, extractor):
            _create(conn)
            conn.executemany("INSERT INTO meta VALUES (?, ?)", _stamp(folder, extractor).items())
            stale, known = known, {}  # read again, and counted as updated
        else:
            stale = {}
        writer = Writer(conn)
        tried = {r["doc"]: r for r in conn.execute("SELECT doc, size, mtime_ns, reason FROM skipped")}
        conn.executemany("DELETE FROM skipped WHERE doc = ?", [(d,) for d in tried if d not in on_disk])
        for gone in sorted(set(known) - set(on_disk) - set(failed)):
            writer.delete(known[gone]["id"])
        report.removed = len((set(known) | set(stale)) - set(on_disk) - set(failed))
        todo = []
        for doc_id, (path, size, mtime) in sorted(on_disk.items()):
            row = known.get(doc_id)
            if row and (row["size"], row["mtime_ns"]) == (size, mtime):
                report.unchanged += 1
            elif doc_id in tried and (tried[doc_id]["size"], tried[doc_id]["mtime_ns"]) == (size, mtime):
                report.still_skipped += 1  # warned about when it was tried; not again until it changes
            else:
                todo.append((str(corpus_dir), doc_id, path, size, mtime, row["sha256"] if row else None))
        with closing(_extracted(todo, jobs, rules_file)) as results:  # closing stops the workers at once on an interrupt
            for n, (task, result) in enumerate(zip(todo, results, strict=True), 1):
                if progress:
                    progress(n, len(todo))
                _, doc_id, path, size, mtime, _ = task
                row = known.get(doc_id)
                if isinstance(result, Problem):
                    (report.failed if result.bug else report.skipped).append(result.message)
                    if result.trace:
                        report.traces.append(result.trace)
                    conn.execute("INSERT OR REPLACE INTO skipped VALUES (?, ?, ?, ?)", (doc_id, size, mtime, result.message))
                    if row:
                        writer.delete(row["id"])
                elif result == "same":  # touched, not changed
                    conn.execute("UPDATE documents SET size = ?, mtime_ns = ? WHERE id = ?", (size, mtime, row["id"]))
                    report.unchanged += 1
                else:
                    if doc_id in tried:
                        conn.execute("DELETE FROM skipped WHERE doc = ?", (doc_id,))  # readable again
                    if row:
                        writer.delete(row["id"])
                        report.updated += 1
                    elif doc_id in stale:
                        report.updated += 1
                    else:
                        report.added += 1
                    writer.add(doc_id, path, size, mtime, *result)
        writer.finish()
        report.skipped.sort()
        conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
    return report


def _extracted(todo: list[tuple], jobs: int | None, rules_file: Path | None = None):
    """Each task's extraction, in order: in a pool of forked workers when there are many, else here."""
    import multiprocessing

    from bilat import rulebook

    rulebook.use(rules_file)  # before the fork: the workers inherit the rules

    jobs = jobs or _cores()
    # Forked workers share what this process has loaded; where there is no fork (Windows), extract here.
    if jobs == 1 or len(todo) < POOL_MIN_FILES or "fork" not in multiprocessing.get_all_start_methods():
        yield from map(_extract_one, todo)
        return
    import bilat.extract  # noqa: F401 - imported once here, before the fork, instead of once per worker

    with multiprocessing.get_context("fork").Pool(jobs) as pool:
        yield from pool.imap(_extract_one, todo, chunksize=4)


def _cores() -> int:
    """The cores this process may run on (a container's share, not the machine's)."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


@dataclass(frozen=True)
class Problem:
    """Why one file was not indexed: unreadable (bug=False), or an extraction that raised (bug=True)."""

    message: str
    bug: bool = False
    trace: str = ""  # the traceback of a bug, for --debug


def _extract_one(task: tuple):
    """Read, hash and extract one file: a Problem when it cannot be, "same" when its content is unchanged."""
    root, doc_id, path, _, _, known_sha = task
    try:
        data, _st = corpus.read_bytes(Path(path))
    except corpus.Unreadable as e:
        return Problem(str(e))
    sha = hashlib.sha256(data).hexdigest()
    if sha == known_sha:
        return "same"
    from bilat import extract  # loaded only when a file needs extracting; looked up here so tests can replace it

    try:
        doc = corpus.read_document(Path(root), Path(path), data)
    except corpus.Unreadable as e:
        return Problem(str(e))
    try:
        return sha, doc.title, "\n".join(doc.body), extract.extract(doc)
    except extract.ExtractionError as e:  # a bug in bilat, not in the file: reported as such; the rest is indexed
        return Problem(f"{corpus.display_path(path)}: {e}", bug=True, trace=_trace(e))
    except Exception as e:  # noqa: BLE001 - same, from outside a named stage
        return Problem(f"{corpus.display_path(path)}: {type(e).__name__}: {e}", bug=True, trace=_trace(e))


def _trace(error: BaseException) -> str:
    import traceback

    return "".join(traceback.format_exception(error))


def open_index(corpus_dir: Path, location: Path | None = None, progress: Callable[[int, int], None] | None = None,
               jobs: int | None = None, rules_file: Path | None = None, include=(), exclude=()
               ) -> tuple[sqlite3.Connection, RefreshReport]:
    """The index of a corpus, refreshed: what every query calls first."""
    location = location or default_location(corpus_dir, _cache())
    conn = connect(location)
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.DatabaseError as e:
        raise _unreadable(location, e) from e
    return conn, refresh(conn, corpus_dir, progress, jobs, rules_file, include, exclude)


def rebuild(corpus_dir: Path, location: Path | None = None, progress=None, jobs: int | None = None,
            rules_file: Path | None = None, include=(), exclude=()) -> RefreshReport:
    """Build a new index beside the old one and swap it in: the old one serves until the new one is whole."""
    target = location or default_location(corpus_dir, _cache())
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_suffix(target.suffix + ".new")
    for p in (tmp, Path(str(tmp) + "-wal"), Path(str(tmp) + "-shm")):
        p.unlink(missing_ok=True)
    conn = connect(tmp)
    report = refresh(conn, corpus_dir, progress, jobs, rules_file, include, exclude)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.execute("PRAGMA journal_mode = DELETE")
    conn.close()
    for p in (Path(str(target) + "-wal"), Path(str(target) + "-shm")):
        p.unlink(missing_ok=True)
    os.replace(tmp, target)
    return report
