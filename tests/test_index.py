"""The index: incremental, atomic, versioned, and shaped so that queries and deletions are index lookups."""
import re
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from bilat import index
from bilat.query import Filters, Reader, SearchError
from bilat.store import DELETE_STATEMENTS


def test_an_interrupted_refresh_leaves_the_previous_index_whole(corpus, tmp_path, monkeypatch):
    location = tmp_path / "index.db"
    conn, report = index.open_index(corpus, location)
    assert report.added == 5
    before = conn.execute("SELECT count(*) FROM documents").fetchone()[0]
    for name in ("a", "b", "c"):
        (corpus / f"{name}.txt").write_text(f"Serbian and Hungarian troops held joint drills in 202{len(name)}.\n", encoding="utf-8")
    calls = {"n": 0}
    import bilat.extract

    real = bilat.extract.extract

    def interrupted(doc):
        calls["n"] += 1
        if calls["n"] == 2:
            raise KeyboardInterrupt  # the user pressed Ctrl-C half way
        return real(doc)

    monkeypatch.setattr(bilat.extract, "extract", interrupted)
    with pytest.raises(KeyboardInterrupt):
        index.refresh(conn, corpus)
    assert conn.execute("SELECT count(*) FROM documents").fetchone()[0] == before
    monkeypatch.setattr(bilat.extract, "extract", real)
    report = index.refresh(conn, corpus)
    assert report.added == 3 and report.unchanged == 5


def test_an_extraction_that_raises_is_a_reported_bug_not_fatal(corpus, tmp_path, monkeypatch):
    import bilat.extract

    real = bilat.extract.extract

    def fragile(doc):
        if doc.id == "003_f264a064ad147425":
            raise bilat.extract.ExtractionError("people", ValueError("boom"))
        return real(doc)

    monkeypatch.setattr(bilat.extract, "extract", fragile)
    conn, report = index.open_index(corpus, tmp_path / "index.db")
    assert report.added == 4 and report.skipped == []
    assert len(report.failed) == 1 and "003_f264a064ad147425.txt: people: ValueError: boom" in report.failed[0]


def test_an_unreadable_file_is_reported_once_until_it_changes(corpus, tmp_path):
    bad = corpus / "broken.txt"
    bad.write_bytes(b"\x00\x01\x02 binary \x00" * 50)
    location = tmp_path / "index.db"
    _, report = index.open_index(corpus, location)
    assert report.added == 5 and len(report.skipped) == 1 and "broken.txt" in report.skipped[0]
    _, again = index.open_index(corpus, location)
    assert again.skipped == [] and again.still_skipped == 1 and again.unchanged == 5
    bad.write_text("SEOUL, May 2, 2025 - South Korea and Poland signed a tank deal on Friday.", encoding="utf-8")
    _, fixed = index.open_index(corpus, location)
    assert fixed.added == 1 and fixed.skipped == [] and fixed.still_skipped == 0


def test_schema_version_and_full_text_search(corpus, tmp_path):
    conn, _ = index.open_index(corpus, tmp_path / "index.db")
    assert conn.execute("PRAGMA user_version").fetchone()[0] == index.SCHEMA_VERSION
    reader = Reader(conn)
    assert [d["id"] for d in reader.list_documents(Filters(search="Batajnica"))] == ["002_e6b05a2ad52912ea"]
    assert reader.list_documents(Filters(search="unbalanced: quote AND * OR")) == []  # punctuation is no FTS syntax


def test_a_new_extractor_reads_every_article_again(corpus, tmp_path, monkeypatch):
    location = tmp_path / "index.db"
    conn, _ = index.open_index(corpus, location)
    assert index.refresh(conn, corpus).unchanged == 5
    monkeypatch.setattr(index, "extractor_version", lambda rules_file=None: "another reader")
    report = index.refresh(conn, corpus)
    assert report.updated == 5 and report.unchanged == 0
    assert index.refresh(conn, corpus).unchanged == 5


# -- the shape of the index: lookups, not scans ----------------------------------------------------
ARTICLES = Path(__file__).parent / "articles"
# A SCAN of anything but these is a walk through a table that grows with the corpus.
CHEAP_SCANS = re.compile(r"SCAN (json_each|documents_fts|quotes_fts|CONSTANT ROW)\b")


def plans(conn, statements: list[str]) -> dict[str, list[str]]:
    """EXPLAIN QUERY PLAN of each traced statement that reads or writes rows."""
    out = {}
    for sql in statements:
        if sql.lstrip().split(" ", 1)[0].upper() in ("SELECT", "DELETE", "UPDATE"):
            out[sql] = [row[3] for row in conn.execute("EXPLAIN QUERY PLAN " + sql)]
    return out


def full_scans(conn, statements: list[str]) -> dict[str, list[str]]:
    return {sql: steps for sql, steps in plans(conn, statements).items()
            if any(s.startswith("SCAN ") and not CHEAP_SCANS.match(s) for s in steps)}


def traced(conn, call) -> list[str]:
    statements: list[str] = []
    conn.set_trace_callback(statements.append)
    try:
        call()
    finally:
        conn.set_trace_callback(None)
    return statements


def test_filtered_queries_are_index_lookups(corpus, tmp_path):
    conn, _ = index.open_index(corpus, tmp_path / "index.db")
    reader = Reader(conn)
    for call in (lambda: reader.pair("HUN", "TUR", Filters()),
                 lambda: reader.pair("HUN", "TUR", Filters(since="2025-01-01", types=["mechanism"])),
                 lambda: reader.list_documents(Filters(countries=["SRB"])),
                 lambda: reader.timeline(Filters(countries=["SRB", "HUN"])),
                 lambda: reader.quotes(Filters(countries=["TUR"])),
                 lambda: reader.quotes(Filters(), speaker="kacir"),
                 lambda: reader.list_documents(Filters(since="2025-01-01")),
                 lambda: reader.timeline(Filters(until="2024-12-31")),
                 lambda: reader.quotes(Filters(since="2025-01-01", until="2025-12-31")),
                 lambda: reader.list_documents(Filters(types=["agreement"])),
                 lambda: reader.list_documents(Filters(search="Batajnica"))):
        statements = traced(conn, call)
        assert statements
        assert full_scans(conn, statements) == {}


def test_every_foreign_key_has_an_index(corpus, tmp_path):
    conn, _ = index.open_index(corpus, tmp_path / "index.db")
    tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' AND sql NOT LIKE '%VIRTUAL%'")]
    checked = 0
    for table in tables:
        leading = {conn.execute(f"PRAGMA index_info('{ix[1]}')").fetchone()[2]
                   for ix in conn.execute(f"PRAGMA index_list('{table}')")}
        leading |= {c[1] for c in conn.execute(f"PRAGMA table_info('{table}')") if c[5] == 1 and c[2] == "INTEGER"}
        for fk in conn.execute(f"PRAGMA foreign_key_list('{table}')"):
            assert fk[3] in leading, f"{table}.{fk[3]} refers to {fk[2]} without an index"
            checked += 1
    assert checked >= 10


def test_replacing_and_deleting_documents_are_index_lookups(corpus, tmp_path):
    conn, _ = index.open_index(corpus, tmp_path / "index.db")
    path = corpus / "002_e6b05a2ad52912ea.txt"
    path.write_text(path.read_text(encoding="utf-8") + "\nSerbia and Hungary held talks in Belgrade in 2025.\n", encoding="utf-8")
    (corpus / "000_b85290705725b330.txt").unlink()
    statements = traced(conn, lambda: index.refresh(conn, corpus, jobs=1))
    # the known state of documents and of skipped files is read whole: by the read-only check (one query), then in the write
    known_state = [s for s in statements if re.match(r"SELECT [\w, ]*size, mtime_ns(, sha256|, reason)? FROM (documents|skipped)$", s)]
    assert len(known_state) == 3
    assert full_scans(conn, [s for s in statements if s not in known_state]) == {}
    doc = conn.execute("SELECT id FROM documents").fetchone()[0]
    for sql in DELETE_STATEMENTS:
        assert full_scans(conn, [sql.replace("?", str(doc))]) == {}


def dump(conn) -> list[str]:
    return list(conn.iterdump())


def test_parallel_extraction_gives_the_rows_of_serial_extraction(corpus, tmp_path):
    for article in ARTICLES.glob("*.txt"):
        shutil.copy(article, corpus)
    assert len(list(corpus.glob("*.txt"))) >= index.POOL_MIN_FILES
    serial, _ = index.open_index(corpus, tmp_path / "serial.db", jobs=1)
    parallel, _ = index.open_index(corpus, tmp_path / "parallel.db", jobs=2)
    assert dump(serial) == dump(parallel)


def answers(conn) -> dict:
    """Every question over the whole index, for comparing two indexes of the same folder."""
    reader = Reader(conn)
    docs = reader.list_documents(Filters())
    pairs = sorted({tuple(p) for d in docs for p in d["pairs"]})
    return {"list": docs, "timeline": reader.timeline(Filters()), "quotes": reader.quotes(Filters()),
            "pairs": [reader.pair(a, b, Filters()) for a, b in pairs]}


def test_an_incremental_refresh_answers_as_a_fresh_build(corpus, tmp_path):
    for article in sorted(ARTICLES.glob("*.txt"))[:6]:
        shutil.copy(article, corpus)
    conn, _ = index.open_index(corpus, tmp_path / "index.db")
    # Another report of 002's engagement without its date, an edit, a removal.
    text = (corpus / "002_e6b05a2ad52912ea.txt").read_text(encoding="utf-8")
    (corpus / "002b.txt").write_text(re.sub(r"^ date \S+ ", "", text), encoding="utf-8")
    path = corpus / "003_f264a064ad147425.txt"
    path.write_text(path.read_text(encoding="utf-8").replace("Tuesday", "Wednesday"), encoding="utf-8")
    (corpus / "000_b85290705725b330.txt").unlink()
    report = index.refresh(conn, corpus)
    assert (report.added, report.updated, report.removed) == (1, 1, 1)
    fresh, _ = index.open_index(corpus, tmp_path / "fresh.db")
    assert answers(conn) == answers(fresh)
    assert stored_views(conn) == stored_views(fresh)
    assert conn.execute("SELECT count(*) FROM people WHERE person IS NULL").fetchone()[0] == 0


def _rows(conn, sql: str) -> list[tuple]:
    return sorted((tuple(r) for r in conn.execute(sql)), key=repr)  # repr: None beside strings


def stored_views(conn) -> dict[str, list]:
    """The engagements with their links and the documents' dates, by what they mean rather than by row ids (an
    engagement that gains a report is updated in place, so ids differ from a fresh build's)."""
    return {"links": _rows(conn, "SELECT g.eid, g.type, g.parties, g.date, g.date_precision, g.date_source, g.date_first, "
                           "g.date_last, g.place, g.docs, d.doc, e.idx FROM engagements g JOIN engagement_events l "
                           "ON l.engagement = g.id JOIN events e ON e.id = l.event JOIN documents d ON d.id = e.doc"),
            "countries": _rows(conn, "SELECT g.eid, c.country FROM engagement_countries c JOIN engagements g ON g.id = c.engagement"),
            "engagements": [conn.execute("SELECT count(*) FROM engagements").fetchone()[0]],
            "documents": _rows(conn, "SELECT doc, date, date_precision, date_first, date_last FROM documents")}


def test_a_refresh_with_nothing_changed_takes_no_write_lock(corpus, tmp_path):
    location = tmp_path / "index.db"
    conn, _ = index.open_index(corpus, location)
    writer = sqlite3.connect(location, isolation_level=None)
    writer.execute("BEGIN IMMEDIATE")  # another process is writing
    conn.execute("PRAGMA busy_timeout = 50")
    try:
        assert index.refresh(conn, corpus).unchanged == 5
    finally:
        writer.execute("ROLLBACK")


def test_a_refresh_with_nothing_changed_reads_the_known_state_once_and_writes_nothing(corpus, tmp_path):
    conn, _ = index.open_index(corpus, tmp_path / "index.db")
    statements = traced(conn, lambda: index.refresh(conn, corpus))
    assert len([s for s in statements if "FROM documents" in s]) == 1
    assert not [s for s in statements if re.match(r"\s*(BEGIN|INSERT|UPDATE|DELETE)", s, re.I)]


def test_one_changed_file_is_the_only_one_read_again(corpus, tmp_path, monkeypatch):
    conn, _ = index.open_index(corpus, tmp_path / "index.db")
    path = corpus / "002_e6b05a2ad52912ea.txt"
    path.write_text(path.read_text(encoding="utf-8") + "\nSerbia and Hungary held talks in Belgrade in 2025.\n", encoding="utf-8")
    read, real = [], index._extract_one
    monkeypatch.setattr(index, "_extract_one", lambda task: read.append(task[1]) or real(task))
    report = index.refresh(conn, corpus, jobs=1)
    assert read == ["002_e6b05a2ad52912ea"]
    assert (report.added, report.updated, report.removed, report.unchanged) == (0, 1, 0, 4)


@pytest.mark.parametrize("args, says", [(["list", "--search", "*"], "nothing to search for"),
                                        (["list", "-s", "("], "unbalanced parentheses"),
                                        (["timeline", "-s", "-- )"], "unbalanced parentheses"),
                                        (["quote", '"'], "unclosed quotation mark")])
def test_a_search_without_words_or_with_broken_syntax_is_a_usage_error(corpus, args, says):
    proc = subprocess.run([sys.executable, "-m", "bilat", *args, "--corpus", str(corpus)], capture_output=True, text=True)
    assert proc.returncode == 2
    assert proc.stderr.startswith(f"bilat: {says}") and proc.stderr.count("\n") == 1


def test_search_words_never_reach_fts_as_syntax(corpus, tmp_path):
    reader = Reader(index.open_index(corpus, tmp_path / "index.db")[0])
    with pytest.raises(SearchError):
        reader.list_documents(Filters(search="* ( )"))
    with pytest.raises(SearchError):
        reader.quotes(Filters(), words='"')


def test_the_scan_finds_the_files_the_corpus_lists(corpus):
    from bilat import corpus as corpus_files

    for rel in ("2025/a.md", "2025/deep/b.TXT", ".hidden/c.txt", "2025/.d.txt", "notes.csv", "x.y.txt"):
        (corpus / rel).parent.mkdir(parents=True, exist_ok=True)
        (corpus / rel).write_text("Serbian and Hungarian troops held joint drills in 2021.\n", encoding="utf-8")
    found, failed = index.scan(corpus)
    listed = {corpus_files.doc_id(corpus, p): str(p) for p in corpus_files.iter_files(corpus)}
    assert {k: v[0] for k, v in found.items()} == listed and not failed
    assert {"2025/a", "2025/deep/b", "x.y"} <= set(found)


def test_copies_of_one_article_make_no_more_engagements(corpus, tmp_path):
    # issue 8, class 9: the same sentence in two files is one report of one engagement
    conn, _ = index.open_index(corpus, tmp_path / "one.db")
    once = Reader(conn).timeline(Filters())
    for n in range(3):
        for f in list(corpus.glob("0*.txt")):
            (corpus / f"copy{n}_{f.name}").write_bytes(f.read_bytes())
    conn, _ = index.open_index(corpus, tmp_path / "copies.db")
    thrice = Reader(conn).timeline(Filters())
    assert len(thrice) == len(once)
    assert sorted(len(e["docs"]) for e in thrice) == sorted(4 * len(e["docs"]) for e in once)
