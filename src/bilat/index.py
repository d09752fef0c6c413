"""The index: SQLite with FTS5, one per corpus folder, refreshed incrementally and atomically.

A refresh stats every file; only files whose size or mtime changed are read, and only those
whose content hash changed are extracted again. All changes of one refresh land in a single
transaction, so an interrupted refresh leaves the previous complete index in place.
"""
from __future__ import annotations

import hashlib
import json
import os
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from bilat import __version__, corpus

SCHEMA_VERSION = 4


def extractor_version(rules_file: Path | None = None) -> str:
    """Which extraction produced the rows: the release and a hash of the rule files (a user's too) and the
    extraction source, so any change to how articles are read re-reads the corpus once, never mixes readings."""
    from bilat import rulebook

    return f"{__version__}+{rulebook.fingerprint(rules_file)}"

SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE documents (
    id TEXT PRIMARY KEY, path TEXT NOT NULL, size INTEGER NOT NULL, mtime_ns INTEGER NOT NULL, sha256 TEXT NOT NULL,
    title TEXT, date TEXT, date_precision TEXT, date_source TEXT,
    countries TEXT NOT NULL, pairs TEXT NOT NULL, event_types TEXT NOT NULL, main_event INTEGER, text TEXT NOT NULL
);
CREATE TABLE people (
    doc TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE, idx INTEGER NOT NULL,
    name TEXT NOT NULL, country TEXT, role TEXT, variants TEXT NOT NULL, PRIMARY KEY (doc, idx)
);
CREATE TABLE quotes (
    id INTEGER PRIMARY KEY, doc TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE, idx INTEGER NOT NULL,
    text TEXT NOT NULL, speaker TEXT, speaker_role TEXT, speaker_country TEXT
);
CREATE TABLE events (
    id INTEGER PRIMARY KEY, doc TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE, idx INTEGER NOT NULL,
    countries TEXT NOT NULL, type TEXT NOT NULL, date TEXT, date_precision TEXT, date_source TEXT, place TEXT,
    summary TEXT NOT NULL, evidence TEXT NOT NULL, cameo TEXT NOT NULL, plover TEXT NOT NULL
);
CREATE TABLE event_countries (event INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE, country TEXT NOT NULL);
CREATE INDEX event_countries_country ON event_countries(country);
CREATE TABLE figures (
    doc TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE, idx INTEGER NOT NULL,
    value TEXT NOT NULL, counts TEXT NOT NULL, time TEXT, evidence TEXT NOT NULL
);
CREATE VIRTUAL TABLE documents_fts USING fts5(id UNINDEXED, title, text, tokenize = 'unicode61 remove_diacritics 2');
CREATE VIRTUAL TABLE quotes_fts USING fts5(text, speaker, tokenize = 'unicode61 remove_diacritics 2');
"""


class IndexUnavailable(Exception):
    """The index cannot be opened, read or written."""


@dataclass
class RefreshReport:
    added: int = 0
    updated: int = 0
    removed: int = 0
    unchanged: int = 0
    skipped: list[str] = field(default_factory=list)  # files that could not be read or extracted


def default_location(corpus_dir: Path) -> Path:
    """$BILAT_INDEX, else one file per corpus folder under $XDG_CACHE_HOME/bilat (~/.cache/bilat)."""
    if os.environ.get("BILAT_INDEX"):
        return Path(os.environ["BILAT_INDEX"]).expanduser()
    cache = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "bilat"
    resolved = str(corpus_dir.resolve())
    slug = "".join(ch if ch.isalnum() else "-" for ch in corpus_dir.resolve().name)[:40] or "corpus"
    return cache / f"{slug}-{hashlib.sha1(resolved.encode()).hexdigest()[:12]}.db"


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


def _ready(conn: sqlite3.Connection) -> bool:
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    return version == SCHEMA_VERSION


def _meta(conn: sqlite3.Connection, key: str) -> str | None:
    row = conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
    return row["value"] if row else None


def _create(conn: sqlite3.Connection) -> None:
    for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type IN ('table') AND name NOT LIKE 'sqlite_%' "
                                "AND name NOT LIKE '%_fts_%'").fetchall():
        conn.execute(f'DROP TABLE IF EXISTS "{name}"')
    for statement in SCHEMA.split(";"):
        if statement.strip():
            conn.execute(statement)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")


def refresh(conn: sqlite3.Connection, corpus_dir: Path, progress: Callable[[int, int], None] | None = None,
            rules_file: Path | None = None) -> RefreshReport:
    """Bring the index in line with the folder: extract added and changed files, drop removed ones."""
    report = RefreshReport()
    extractor = extractor_version(rules_file)
    extract = None
    files = corpus.iter_files(corpus_dir)
    on_disk = {corpus.doc_id(corpus_dir, f): f for f in files}
    try:
        conn.execute("BEGIN IMMEDIATE")
        # A new schema, or an index shared through $BILAT_INDEX with another folder: start afresh.
        if not _ready(conn) or _meta(conn, "corpus") not in (None, str(corpus_dir.resolve())):
            _create(conn)
        conn.execute("INSERT OR REPLACE INTO meta VALUES ('corpus', ?)", (str(corpus_dir.resolve()),))
        # Another version of bilat reads articles differently: every article is read again, once.
        stale = _meta(conn, "extractor") != extractor
        conn.execute("INSERT OR REPLACE INTO meta VALUES ('extractor', ?)", (extractor,))
        known = {r["id"]: r for r in conn.execute("SELECT id, size, mtime_ns, sha256 FROM documents")}
        for gone in set(known) - set(on_disk):
            _delete(conn, gone)
            report.removed += 1
        for n, (doc_id, path) in enumerate(sorted(on_disk.items()), 1):
            if progress:
                progress(n, len(on_disk))
            try:
                st = path.stat()
            except OSError:
                report.skipped.append(str(path))
                continue
            row = known.get(doc_id)
            if row and not stale and row["size"] == st.st_size and row["mtime_ns"] == st.st_mtime_ns:
                report.unchanged += 1
                continue
            try:
                data = path.read_bytes()
            except OSError:
                report.skipped.append(str(path))
                continue
            sha = hashlib.sha256(data).hexdigest()
            if row and not stale and row["sha256"] == sha:
                conn.execute("UPDATE documents SET size = ?, mtime_ns = ? WHERE id = ?", (st.st_size, st.st_mtime_ns, doc_id))
                report.unchanged += 1
                continue
            if extract is None:
                from bilat import rulebook
                from bilat.extract import extract  # loaded only when a file needs extracting

                rulebook.use(rules_file)
            try:
                doc = corpus.read_document(corpus_dir, path, data)
                extraction = extract(doc)
            except Exception:  # one bad article must not stop the index; it is reported as skipped
                report.skipped.append(str(path))
                continue
            if row:
                _delete(conn, doc_id)
                report.updated += 1
            else:
                report.added += 1
            _insert(conn, doc, extraction, st, sha)
        conn.execute("COMMIT")
    except sqlite3.Error as e:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise IndexUnavailable(f"index is unreadable or cannot be written: {e}") from e
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
    return report


def _delete(conn: sqlite3.Connection, doc_id: str) -> None:
    conn.execute("DELETE FROM documents_fts WHERE id = ?", (doc_id,))
    conn.execute("DELETE FROM quotes_fts WHERE rowid IN (SELECT id FROM quotes WHERE doc = ?)", (doc_id,))
    conn.execute("DELETE FROM documents WHERE id = ?", (doc_id,))


def _insert(conn: sqlite3.Connection, doc, x, st, sha: str) -> None:
    date = x.date
    text = "\n".join(doc.body)
    conn.execute(
        "INSERT INTO documents VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
        (doc.id, doc.path, st.st_size, st.st_mtime_ns, sha, doc.title, date.value if date else None,
         date.precision if date else None, date.source if date else None, json.dumps(x.countries),
         json.dumps(x.pairs), json.dumps(sorted({e.type for e in x.events})), x.main_event, text),
    )
    conn.execute("INSERT INTO documents_fts (id, title, text) VALUES (?,?,?)", (doc.id, doc.title, text))
    for i, p in enumerate(x.people):
        conn.execute("INSERT INTO people VALUES (?,?,?,?,?,?)", (doc.id, i, p.name, p.country, p.role, json.dumps(p.variants)))
    for i, q in enumerate(x.quotes):
        cur = conn.execute("INSERT INTO quotes (doc, idx, text, speaker, speaker_role, speaker_country) VALUES (?,?,?,?,?,?)",
                           (doc.id, i, q.text, q.speaker, q.speaker_role, q.speaker_country))
        conn.execute("INSERT INTO quotes_fts (rowid, text, speaker) VALUES (?,?,?)", (cur.lastrowid, q.text, q.speaker or ""))
    for i, e in enumerate(x.events):
        cur = conn.execute(
            "INSERT INTO events (doc, idx, countries, type, date, date_precision, date_source, place, summary, evidence, cameo, plover)"
            " VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
            (doc.id, i, json.dumps(e.countries), e.type, e.date.value if e.date else None,
             e.date.precision if e.date else None, e.date.source if e.date else None, e.place, e.summary, e.evidence,
             e.cameo, json.dumps(e.plover)),
        )
        conn.executemany("INSERT INTO event_countries VALUES (?,?)", [(cur.lastrowid, c) for c in e.countries])
    for i, f in enumerate(x.figures):
        conn.execute("INSERT INTO figures VALUES (?,?,?,?,?,?)", (doc.id, i, f.value, f.counts, f.when, f.evidence))


def open_index(corpus_dir: Path, location: Path | None = None, progress: Callable[[int, int], None] | None = None,
               rules_file: Path | None = None) -> tuple[sqlite3.Connection, RefreshReport]:
    """The index of a corpus, refreshed: what every query calls first."""
    location = location or default_location(corpus_dir)
    conn = connect(location)
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.DatabaseError as e:
        raise _unreadable(location, e) from e
    return conn, refresh(conn, corpus_dir, progress, rules_file)


def rebuild(corpus_dir: Path, location: Path | None = None, progress=None, rules_file: Path | None = None) -> RefreshReport:
    """Build a new index beside the old one and swap it in: the old one serves until the new one is whole."""
    target = location or default_location(corpus_dir)
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_suffix(target.suffix + ".new")
    for p in (tmp, Path(str(tmp) + "-wal"), Path(str(tmp) + "-shm")):
        p.unlink(missing_ok=True)
    conn = connect(tmp)
    report = refresh(conn, corpus_dir, progress, rules_file)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.execute("PRAGMA journal_mode = DELETE")
    conn.close()
    for p in (Path(str(target) + "-wal"), Path(str(target) + "-shm")):
        p.unlink(missing_ok=True)
    os.replace(tmp, target)
    return report
