"""The index: SQLite with FTS5, one per corpus folder, refreshed incrementally and atomically.

A refresh stats every file and compares with the stored state in one query; with nothing
changed it ends there, without a write lock. Otherwise it extracts the added and changed files
(in worker processes when there are many), writes them in batches, and recomputes the
cross-document views (persons, engagements, documents' dates) only for the parts the changed
files touch, all in one transaction: an interrupted refresh leaves the previous index in place.

Broken state never ends a command: a damaged or truncated index of bilat's own is built again, one of
another schema is rebuilt, an index that cannot be written (read-only folder, full disk) is refreshed in
memory for the run, and a query that finds another bilat refreshing waits briefly, then answers from the
last complete index. Each of these says so in one notice line (RefreshReport.notices).
"""
from __future__ import annotations

import contextlib
import hashlib
import os
import sqlite3
from contextlib import closing
from dataclasses import dataclass, field
from pathlib import Path
from collections.abc import Callable

from bilat import __version__, corpus

SCHEMA_VERSION = 11
APPLICATION_ID = 0x62696C61  # "bila" in the file's header: this file is a bilat index, safe to rebuild
LOCK_WAIT = 2.0  # seconds a query waits for another bilat's refresh before answering from the last complete index
LONG_WAIT = 600.0  # seconds to wait when there is no complete index to answer from, or the user asked to refresh
# Below this many files to extract, starting worker processes costs more than it saves.
POOL_MIN_FILES = 16


class IndexUnavailable(Exception):
    """The index cannot be opened, read or written."""


class Damaged(IndexUnavailable):
    """The index file is not a whole SQLite database (garbage, truncated, malformed pages)."""


class Unwritable(IndexUnavailable):
    """The index cannot be written: a read-only folder or file, a full disk, an I/O error."""


class Busy(IndexUnavailable):
    """Another bilat holds the index's write lock."""


# SQLite's primary result codes (the low byte of an extended one), as what they mean for the index.
_TROUBLE = {5: Busy, 6: Busy, 8: Unwritable, 10: Unwritable, 11: Damaged, 13: Unwritable, 14: Unwritable, 26: Damaged}


def _trouble(error: sqlite3.Error) -> IndexUnavailable:
    kind = _TROUBLE.get((getattr(error, "sqlite_errorcode", None) or 0) & 0xFF, IndexUnavailable)
    return kind(str(error))


@dataclass
class RefreshReport:
    added: int = 0
    updated: int = 0
    removed: int = 0
    unchanged: int = 0
    skipped: list[str] = field(default_factory=list)  # "path: reason" of files that could not be read
    notices: list[str] = field(default_factory=list)  # what happened to the index itself: rebuilt, in memory, busy
    failed: list[str] = field(default_factory=list)  # "path: stage: error" of extractions that raised (bugs)
    still_skipped: int = 0  # files skipped before and unchanged since: counted, not reported again
    traces: list[str] = field(default_factory=list)  # the tracebacks of `failed`, shown with --debug


def extractor_version(rules_file: Path | None = None) -> str:
    """Which extraction produced the rows: the release and a hash of the rule files (a user's too) and the
    extraction source, so any change to how articles are read re-reads the corpus once, never mixes readings."""
    from bilat import rulefiles  # not the rule engine: a query only compares

    return f"{__version__}+{rulefiles.fingerprint(rules_file)}"


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
    """The index file, opened for reading and refreshing (WAL: readers never wait for a refresh).

    Raises Damaged, Unwritable (the folder cannot be made or written) or IndexUnavailable.
    """
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        raise Unwritable(f"cannot make {path.parent}: {e.strerror or e}") from e
    conn = None
    try:
        conn = sqlite3.connect(path, timeout=30, isolation_level=None)
        conn.row_factory = sqlite3.Row
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("PRAGMA journal_mode = WAL")
        return conn
    except sqlite3.Error as e:
        if conn is not None:
            conn.close()
        raise _trouble(e) from e


def _prepared(conn: sqlite3.Connection) -> sqlite3.Connection:
    conn.row_factory = sqlite3.Row
    conn.execute("PRAGMA foreign_keys = ON")
    return conn


def _header_problem(path: Path) -> str | None:
    """What the file's first 100 bytes say is wrong with it as a database: not SQLite, or shorter than its
    header says (truncated). None for a whole-looking, empty or missing file. Costs one small read."""
    try:
        with open(path, "rb") as f:
            head, size = f.read(100), os.fstat(f.fileno()).st_size
    except FileNotFoundError:
        return None
    except OSError as e:
        raise Unwritable(f"cannot read {path}: {e.strerror or e}") from e
    if not head:
        return None
    if len(head) < 100 or not head.startswith(b"SQLite format 3\x00"):
        return "not an SQLite database"
    page_size = int.from_bytes(head[16:18], "big")
    pages = int.from_bytes(head[28:32], "big")
    in_header_size_valid = head[24:28] == head[92:96]  # the page count is trusted only when the counters agree
    if in_header_size_valid and size < pages * (65536 if page_size == 1 else page_size):
        return "truncated"
    return None


def _ours(path: Path) -> bool:
    """An index bilat made (its header says so) or an empty file: safe to build again in place."""
    try:
        with open(path, "rb") as f:
            head = f.read(100)
    except OSError:
        return False
    return not head or (len(head) == 100 and int.from_bytes(head[68:72], "big") == APPLICATION_ID)


def _made_by_bilat(path: Path) -> bool:
    """_ours, or an older bilat's index (before the header said so: a meta table); a missing file too."""
    if not path.exists() or _ours(path):
        return True
    try:
        with closing(sqlite3.connect(path.resolve().as_uri() + "?mode=ro", uri=True)) as conn:
            return conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'meta'").fetchone() is not None
    except sqlite3.Error:
        return False


def _checked(location: Path, cached: bool) -> sqlite3.Connection:
    """The index file opened and looked at: Damaged when it is not a whole database; an IndexUnavailable when
    it holds another program's tables (never dropped); a suspicious header is confirmed by SQLite's own check."""
    suspicion = _header_problem(location)
    if suspicion == "not an SQLite database":
        raise Damaged(suspicion)
    try:
        conn = connect(location)
    except Damaged as e:
        raise Damaged(f"{suspicion}: {e}" if suspicion else str(e)) from e
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        if suspicion:  # perhaps a checkpoint under way in another process: SQLite decides
            found = [r[0] for r in conn.execute("PRAGMA quick_check(1)")]
            if found != ["ok"]:
                raise Damaged(f"{suspicion}: {found[0] if found else 'no answer'}")
        if not cached and conn.execute("PRAGMA application_id").fetchone()[0] != APPLICATION_ID:
            tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
            if tables and "meta" not in tables:  # not even an older bilat's: someone's data
                raise IndexUnavailable(f"{location} holds other tables, not a bilat index; choose another index file")
    except sqlite3.Error as e:
        conn.close()
        trouble = _trouble(e)
        raise (Damaged(f"{suspicion}: {e}") if suspicion and isinstance(trouble, Damaged) else trouble) from e
    except IndexUnavailable:
        conn.close()
        raise
    return conn


def _remove(location: Path) -> None:
    for p in (location, Path(f"{location}-wal"), Path(f"{location}-shm")):
        try:
            p.unlink(missing_ok=True)
        except OSError as e:
            raise Unwritable(f"cannot remove {p}: {e.strerror or e}") from e


def _in_memory(location: Path) -> sqlite3.Connection:
    """A copy of the last complete index in memory (or an empty one), for a run that cannot write the file."""
    for uri in ("?mode=ro", "?mode=ro&immutable=1"):  # immutable: a read-only folder with no -shm file in it
        conn = sqlite3.connect(":memory:", isolation_level=None)
        try:
            if location.is_file():
                with closing(sqlite3.connect(location.resolve().as_uri() + uri, uri=True)) as last:
                    last.backup(conn)
            return _prepared(conn)
        except (sqlite3.Error, OSError):
            conn.close()
    return _prepared(sqlite3.connect(":memory:", isolation_level=None))  # nothing to start from: read every file


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
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")


def _why_afresh(conn: sqlite3.Connection, folder: str) -> str | None:
    """Why a refresh starts afresh, as a notice; None for a new file or a new extractor (that only re-reads)."""
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    if version == 0:
        return None
    if version != SCHEMA_VERSION:
        made = "an older" if version < SCHEMA_VERSION else "a newer"
        return f"the index was made by {made} bilat (schema {version}, this one reads {SCHEMA_VERSION}): building it again"
    known = _meta(conn, "corpus")
    if known is not None and known != folder:
        return f"the index held the articles of {corpus.display_path(known)}: building it again for {corpus.display_path(folder)}"
    return None


def scan(corpus_dir: Path, include=(), exclude=(), stored: Callable[[str, int, int], list[str] | None] | None = None
         ) -> tuple[dict[str, tuple[str, int, int]], dict[str, str]]:
    """Every document under the folder as {id: (path, size, mtime_ns)}, and the files that cannot be listed,
    statted or (exports) parsed {id or path: "path: reason"}. Which files are articles is the corpus module's to
    say (.bilatignore, --include/--exclude, notes and hidden files left out); this only adds the stat the refresh
    compares. An export is one entry per record, all with its file's stat; `stored(file id, size, mtime_ns)` gives
    the record ids the index holds for an export unchanged since, so an unchanged export is not read again."""
    problems: list[corpus.Unreadable] = []
    found: dict[str, tuple[str, int, int]] = {}
    failed: dict[str, str] = {}
    exports = tuple("." + kind for kind in corpus.EXPORT_FORMATS)
    # One tight loop per folder (a stat per file is most of a refresh with nothing changed); names end in a suffix.
    for prefix, entries in corpus.article_folders(corpus_dir, include, exclude, skipped=problems):
        for entry in entries:
            name = entry.name
            doc_id = prefix + name[:name.rfind(".")]
            try:
                st = entry.stat()  # follows a symbolic link, as reading the file will
            except OSError as e:
                failed[doc_id] = str(corpus.Unreadable(Path(entry.path), e.strerror or str(e)))
                continue
            if name.lower().endswith(exports):
                ids = stored(doc_id, st.st_size, st.st_mtime_ns) if stored else None
                if ids is None:
                    try:
                        ids = corpus.record_ids(doc_id, Path(entry.path))
                    except corpus.Unreadable as e:
                        failed[doc_id] = str(e)
                        continue
                found.update((record, (entry.path, st.st_size, st.st_mtime_ns)) for record in ids)
                continue
            found[doc_id] = (entry.path, st.st_size, st.st_mtime_ns)
    for p in problems:
        failed[str(p.path)] = str(p)
    return found, failed


def refresh(conn: sqlite3.Connection, corpus_dir: Path, progress: Callable[[int, int], None] | None = None,
            jobs: int | None = None, rules_file: Path | None = None, include=(), exclude=(),
            wait: float = LONG_WAIT, supplied: Callable[[tuple], object] | None = None) -> RefreshReport:
    """Bring the index in line with the folder: extract added and changed files, drop removed ones.

    jobs: worker processes for extraction (default: one per core; 1 extracts in this process).
    rules_file: a user's rule file merged over the built-in rules (its fingerprint is part of the extractor's).
    wait: seconds to wait for another process's refresh before answering from the last complete index.
    supplied: extractions made elsewhere (extractions.Supplied): a file's result, or None to extract it here.
    Raises Damaged, Unwritable, Busy or IndexUnavailable; whatever it raises, the index is as it was.
    """
    folder = str(corpus_dir.resolve())
    extractor = extractor_version(rules_file)
    try:
        on_disk, failed = scan(corpus_dir, include, exclude, _stored_records(conn, folder, extractor))
        if _current(conn, folder, extractor):
            plain = conn.cursor()
            plain.row_factory = None  # tuples: a row object per file costs more than the comparison itself
            # The known state and the folder's as sets of (id, size, mtime_ns), compared in C: one query, no write lock.
            known = set(plain.execute("SELECT doc, size, mtime_ns FROM documents UNION ALL SELECT doc, size, mtime_ns FROM skipped"))
            if failed:  # kept as they were until they can be read again
                known = {k for k in known if k[0] not in failed}
            if known == {(doc_id, size, mtime) for doc_id, (_, size, mtime) in on_disk.items()}:
                skipped = conn.execute("SELECT count(*) FROM skipped").fetchone()[0]
                return RefreshReport(unchanged=len(on_disk) - skipped, still_skipped=skipped, skipped=sorted(failed.values()))
        return _write(conn, corpus_dir, folder, on_disk, failed, progress, jobs, extractor, rules_file, wait, supplied)
    except sqlite3.Error as e:
        raise _trouble(e) from e


def _stored_records(conn: sqlite3.Connection, folder: str, extractor: str) -> Callable[[str, int, int], list[str] | None]:
    """For scan: the ids of an export's records the index holds, read, or given up on, at this size and time."""
    current: list[bool] = []

    def stored(file_id: str, size: int, mtime_ns: int) -> list[str] | None:
        from bilat.exports import SEPARATOR  # only when the corpus holds an export

        if not current:
            current.append(_current(conn, folder, extractor))  # asked once, and only when there is an export
        if not current[0]:
            return None
        low, high = file_id + SEPARATOR, file_id + chr(ord(SEPARATOR) + 1)
        ids = [r[0] for table in ("documents", "skipped") for r in conn.execute(
            f"SELECT doc FROM {table} WHERE doc >= ? AND doc < ? AND size = ? AND mtime_ns = ?", (low, high, size, mtime_ns))]
        return sorted(ids) or None

    return stored


def format_counts(conn: sqlite3.Connection) -> dict[str, int]:
    """How many documents the index holds of each format (txt, md, html, jsonl and json records), most first."""
    counts: dict[str, int] = {}
    # Counted by suffix in SQL (the text after the path's last '.'; rtrim drops every character but '.' from the
    # end): one pass in C instead of a Python call per document.
    for suffix, n in conn.execute("SELECT lower(substr(path, length(rtrim(path, replace(path, '.', ''))) + 1)), count(*) "
                                  "FROM documents GROUP BY 1"):
        kind = corpus.file_format("x." + suffix)
        counts[kind] = counts.get(kind, 0) + n
    return dict(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))


def _lock(conn: sqlite3.Connection, folder: str, wait: float) -> bool:
    """Take the write lock: False when another process holds it beyond `wait` seconds and there is a complete
    index of this folder to answer from instead; with none, wait as long as a first build may take."""
    complete = conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION and _meta(conn, "corpus") == folder
    seconds = min(wait, LONG_WAIT) if complete else LONG_WAIT
    conn.execute(f"PRAGMA busy_timeout = {int(seconds * 1000)}")
    try:
        conn.execute("BEGIN IMMEDIATE")
        return True
    except sqlite3.OperationalError as e:
        if not isinstance(_trouble(e), Busy):
            raise
        if complete:
            return False
        raise Busy(f"another bilat has held its write lock for {seconds:g} s") from e
    finally:
        conn.execute("PRAGMA busy_timeout = 30000")


def _write(conn, corpus_dir: Path, folder: str, on_disk: dict, failed: dict[str, str], progress, jobs, extractor: str,
           rules_file: Path | None, wait: float = LONG_WAIT, supplied=None) -> RefreshReport:
    """The refresh that changes something: one write transaction, rolled back on any failure."""
    from bilat.store import Writer  # the writing side loads only when something changed

    report = RefreshReport(skipped=list(failed.values()))
    if not _lock(conn, folder, wait):
        report.unchanged = conn.execute("SELECT count(*) FROM documents").fetchone()[0]
        report.notices.append("another bilat is refreshing the index: answering from its last complete state")
        return report
    try:
        # A new schema, an index shared through $BILAT_INDEX with another folder, or another extractor: start afresh.
        known: dict[str, tuple[int, int, int, str]] = {}  # doc: (row id, size, mtime_ns, sha256), tuples: 100,000 of them
        if conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION and _meta(conn, "corpus") == folder:
            plain = conn.cursor()
            plain.row_factory = None
            known = {r[0]: r[1:] for r in plain.execute("SELECT doc, id, size, mtime_ns, sha256 FROM documents")}
        if not _current(conn, folder, extractor):
            if (why := _why_afresh(conn, folder)) is not None:
                report.notices.append(why)
            _create(conn)
            conn.executemany("INSERT INTO meta VALUES (?, ?)", _stamp(folder, extractor).items())
            stale, known = known, {}  # read again, and counted as updated
        else:
            stale = {}
        writer = Writer(conn)
        tried = {r["doc"]: r for r in conn.execute("SELECT doc, size, mtime_ns, reason FROM skipped")}
        conn.executemany("DELETE FROM skipped WHERE doc = ?", [(d,) for d in tried if d not in on_disk])
        for gone in sorted(set(known) - set(on_disk) - set(failed)):
            writer.delete(known[gone][0])
        report.removed = len((set(known) | set(stale)) - set(on_disk) - set(failed))
        todo = []
        for doc_id, (path, size, mtime) in sorted(on_disk.items()):
            row = known.get(doc_id)
            if row and row[1:3] == (size, mtime):
                report.unchanged += 1
            elif doc_id in tried and (tried[doc_id]["size"], tried[doc_id]["mtime_ns"]) == (size, mtime):
                report.still_skipped += 1  # warned about when it was tried; not again until it changes
            else:
                todo.append((str(corpus_dir), doc_id, path, size, mtime, row[3] if row else None))
        with closing(_extracted(todo, jobs, rules_file, supplied)) as results:  # closing stops the workers at once on an interrupt
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
                        writer.delete(row[0])
                elif result == "same":  # touched, not changed
                    conn.execute("UPDATE documents SET size = ?, mtime_ns = ? WHERE id = ?", (size, mtime, row[0]))
                    report.unchanged += 1
                else:
                    if doc_id in tried:
                        conn.execute("DELETE FROM skipped WHERE doc = ?", (doc_id,))  # readable again
                    if row:
                        writer.delete(row[0])
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
            with contextlib.suppress(sqlite3.Error):  # a failed rollback must not hide why: SQLite rolls back on reopen
                conn.execute("ROLLBACK")
        raise
    return report


def _extracted(todo: list[tuple], jobs: int | None, rules_file: Path | None = None, supplied=None):
    """Each task's extraction, in order: supplied when made elsewhere, else in a pool of forked workers when there
    are many, else here."""
    import multiprocessing

    from bilat import rulebook

    if supplied is not None:
        given = [supplied.matches(task) for task in todo]
        with closing(_extracted([t for t, g in zip(todo, given, strict=True) if not g], jobs, rules_file)) as rest:
            for task, g in zip(todo, given, strict=True):
                yield supplied(task) if g else next(rest)
        return

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
        if corpus.is_export(path):  # one record of it: its bytes are what its hash is of
            data, doc = corpus.read_record(Path(root), Path(path), doc_id)
        else:
            data, _st = corpus.read_bytes(Path(path))
            doc = None
    except corpus.Unreadable as e:
        return Problem(str(e))
    sha = hashlib.sha256(data).hexdigest()
    if sha == known_sha:
        return "same"
    from bilat import extract  # loaded only when a file needs extracting; looked up here so tests can replace it

    try:
        doc = doc or corpus.read_document(Path(root), Path(path), data)
    except corpus.Unreadable as e:
        return Problem(str(e))
    try:
        extraction = extract.extract(doc)
        corpus.credit_metadata(doc, extraction)
        return sha, doc.title, "\n".join(doc.body), extraction
    except extract.ExtractionError as e:  # a bug in bilat, not in the file: reported as such; the rest is indexed
        return Problem(f"{corpus.display_path(path)}: {e}", bug=True, trace=_trace(e))
    except Exception as e:  # noqa: BLE001 - same, from outside a named stage
        return Problem(f"{corpus.display_path(path)}: {type(e).__name__}: {e}", bug=True, trace=_trace(e))


def _trace(error: BaseException) -> str:
    import traceback

    return "".join(traceback.format_exception(error))


def open_index(corpus_dir: Path, location: Path | None = None, progress: Callable[[int, int], None] | None = None,
               jobs: int | None = None, rules_file: Path | None = None, include=(), exclude=(),
               cached: bool | None = None, wait: float = LOCK_WAIT, supplied=None,
               refresh_every: float = 0.0) -> tuple[sqlite3.Connection, RefreshReport]:
    """The index of a corpus, refreshed: what every query calls first.

    refresh_every: seconds for which the folder, once checked, is trusted without checking again ($BILAT_REFRESH_EVERY,
    for shell loops over a large corpus: every check stats every file); 0 checks every time.

    cached: the file is bilat's own (the default location in the cache folder), so a damaged one that does
    not say it is an index may be replaced too; a location given elsewhere is replaced only when its header
    says bilat made it. wait: seconds to wait for another bilat's refresh (see refresh).
    """
    cached = location is None if cached is None else cached
    location = location or default_location(corpus_dir, _cache())
    notices: list[str] = []
    conn = None

    def refreshed(c: sqlite3.Connection) -> RefreshReport:
        if refresh_every > 0 and supplied is None:
            scope = _check_scope(corpus_dir, rules_file, include, exclude)
            trusted = _recently_checked(c, location, scope, refresh_every)
            if trusted is not None:
                return trusted
            report = refresh(c, corpus_dir, progress, jobs, rules_file, include, exclude, wait, supplied)
            _note_checked(location, scope)
            return report
        return refresh(c, corpus_dir, progress, jobs, rules_file, include, exclude, wait, supplied)

    try:
        try:
            conn = _checked(location, cached)
            report = refreshed(conn)
        except Damaged as e:
            if conn is not None:
                conn.close()
            conn = None
            if not (cached or _ours(location)):
                raise IndexUnavailable(f"index {corpus.display_path(location)} is unreadable ({e}) and bilat did not make it: "
                                       "remove it or choose another index file") from e
            _remove(location)
            notices.append(f"the index {corpus.display_path(location)} was damaged ({e}): building it again")
            conn = _checked(location, cached)
            report = refreshed(conn)
    except (Unwritable, Busy) as e:
        if conn is not None:
            conn.close()
        notices.append(f"cannot write the index {corpus.display_path(location)} ({e}): indexing in memory for this run")
        conn = _in_memory(location)
        report = refreshed(conn)
    report.notices[:0] = notices
    global _last_opened
    _last_opened = location if conn.execute("PRAGMA database_list").fetchone()["file"] else None
    return conn, report


_last_opened: Path | None = None  # the index file this process's last open_index answers from, for query_failed


def _check_scope(corpus_dir: Path, rules_file: Path | None, include, exclude) -> dict:
    """What a check of the folder was a check of: the same folder, read the same way by the same extraction."""
    return {"folder": str(corpus_dir.resolve()), "extractor": extractor_version(rules_file),
            "include": list(include), "exclude": list(exclude)}


def _checked_file(location: Path) -> Path:
    return location.with_name(location.name + ".checked")


def _recently_checked(conn: sqlite3.Connection, location: Path, scope: dict, within: float) -> RefreshReport | None:
    """The index as it stands, where the last check of the same scope ended less than `within` seconds ago."""
    import json
    import time

    try:
        stamp = json.loads(_checked_file(location).read_text(encoding="utf-8"))
        age = time.time() - float(stamp.pop("at"))
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None
    if stamp != scope or not 0 <= age < within:
        return None
    try:
        documents, skipped = (conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in ("documents", "skipped"))
    except sqlite3.Error:
        return None  # not an index yet: the refresh builds it
    return RefreshReport(unchanged=documents, still_skipped=skipped)


def _note_checked(location: Path, scope: dict) -> None:
    """When the folder was last checked, beside the index (best effort: without it, the next query checks again)."""
    import json
    import time

    with contextlib.suppress(OSError):
        _checked_file(location).write_text(json.dumps({**scope, "at": time.time()}), encoding="utf-8")


def query_failed(error: Exception) -> str:
    """What to say when a query's read of the index fails (the refresh reads only what it compares, so a damaged
    page elsewhere shows here): a damaged index bilat made is removed, and the next command builds it again."""
    damaged = isinstance(error, sqlite3.DatabaseError) and isinstance(_trouble(error), Damaged)
    if damaged and _last_opened is not None and _ours(_last_opened):
        try:
            _remove(_last_opened)
            return f"the index is damaged ({error}): removed it, the next command builds it again"
        except Unwritable:
            pass
    return f"the index could not be read ({error}); run `bilat index --rebuild`"


def rebuild(corpus_dir: Path, location: Path | None = None, progress=None, jobs: int | None = None,
            rules_file: Path | None = None, include=(), exclude=(), cached: bool | None = None, supplied=None) -> RefreshReport:
    """Build a new index beside the old one and swap it in: the old one serves until the new one is whole.

    cached: as open_index's; a file bilat did not make is replaced only in bilat's own cache folder.
    """
    cached = location is None if cached is None else cached
    target = location or default_location(corpus_dir, _cache())
    if not (cached or _made_by_bilat(target)):
        raise IndexUnavailable(f"{corpus.display_path(target)} was not made by bilat: remove it or choose another index file")
    tmp = target.with_suffix(target.suffix + ".new")
    try:
        _remove(tmp)
        conn = connect(tmp)
        try:
            report = refresh(conn, corpus_dir, progress, jobs, rules_file, include, exclude, supplied=supplied)
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            conn.execute("PRAGMA journal_mode = DELETE")
        finally:
            conn.close()
        for p in (Path(str(target) + "-wal"), Path(str(target) + "-shm")):
            p.unlink(missing_ok=True)
        os.replace(tmp, target)
    except (sqlite3.Error, OSError, IndexUnavailable) as e:
        with contextlib.suppress(IndexUnavailable):
            _remove(tmp)  # a half-built file is never left to be taken for an index
        why = _trouble(e) if isinstance(e, sqlite3.Error) else e
        raise IndexUnavailable(f"cannot rebuild the index {target}: {getattr(why, 'strerror', None) or why}") from e
    return report
