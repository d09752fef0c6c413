"""Broken index state (issue 10): a damaged, truncated, foreign-schema, read-only, full, locked or killed index
never ends a command with a traceback, is never read as complete when half built, and loses no document."""
import io
import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import textwrap
from contextlib import closing
from pathlib import Path

import pytest

from bilat import cli, index
from bilat.environment import Environment
from bilat.query import Filters, Reader
from bilat.status import ExitStatus

ARTICLES = Path(__file__).parent / "articles"
SRC = Path(__file__).resolve().parents[1] / "src"


def run(tmp_path, *args, **fields):
    fields.setdefault("cache", tmp_path / "env-cache")
    env = Environment(stdout=io.StringIO(), stderr=io.StringIO(), **fields)
    status = cli.program(list(args), env)
    return status, env.stdout.getvalue(), env.stderr.getvalue()


def bilat(*args, env=None, preamble=""):
    """bilat in a process of its own, after `preamble` (Python run first: limits, patches)."""
    code = f"{preamble}\nfrom bilat.cli import main\nimport sys\nsys.argv[0] = 'bilat'\nmain()"
    return subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, env=env, timeout=300)


def documents(location: Path) -> set[str]:
    with closing(sqlite3.connect(location)) as conn:
        return {r[0] for r in conn.execute("SELECT doc FROM documents")}


def answers(conn) -> dict:
    reader = Reader(conn)
    return {"list": reader.list_documents(Filters()), "timeline": reader.timeline(Filters()),
            "quotes": reader.quotes(Filters())}


@pytest.fixture
def bigger(corpus) -> Path:
    """The seeds and the test articles: enough files for an index of many pages and a refresh that takes a while."""
    for article in ARTICLES.glob("*.txt"):
        shutil.copy(article, corpus)
    return corpus


def built(folder: Path, location: Path, **kw) -> dict:
    conn, report = index.open_index(folder, location, jobs=1, **kw)
    try:
        assert report.failed == [] and report.notices == []
        return answers(conn)
    finally:
        conn.close()


# -- schema versions ------------------------------------------------------------------------------
@pytest.mark.parametrize("version, says", [(1, "an older bilat (schema 1"), (index.SCHEMA_VERSION + 1, "a newer bilat")])
def test_an_index_of_another_schema_is_built_again_with_one_notice(corpus, tmp_path, version, says):
    location = tmp_path / "index.db"
    built(corpus, location)
    with sqlite3.connect(location) as conn:
        conn.execute(f"PRAGMA user_version = {version}")
    status, out, err = run(tmp_path, "list", "--json", corpus=corpus, index=location)
    assert status is ExitStatus.OK and len(json.loads(out)) == 5
    assert err.count("\n") == 1 and says in err and "building it again" in err
    with sqlite3.connect(location) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == index.SCHEMA_VERSION
    status, _, err = run(tmp_path, "list", "--json", corpus=corpus, index=location)
    assert status is ExitStatus.OK and err == ""  # once


def test_an_index_of_a_bilat_that_set_no_application_id_is_still_ours(corpus, tmp_path):
    location = tmp_path / "index.db"
    with sqlite3.connect(location) as old:  # what the first releases wrote: a meta table, schema 1
        old.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
        old.execute("CREATE TABLE documents (id TEXT)")
        old.execute("PRAGMA user_version = 1")
    conn, report = index.open_index(corpus, location)
    assert report.added == 5 and len(report.notices) == 1
    assert conn.execute("PRAGMA application_id").fetchone()[0] == index.APPLICATION_ID


def test_a_database_of_other_tables_is_never_dropped(corpus, tmp_path):
    location = tmp_path / "accounts.db"
    with sqlite3.connect(location) as other:
        other.execute("CREATE TABLE accounts (name TEXT)")
        other.execute("INSERT INTO accounts VALUES ('kept')")
    status, out, err = run(tmp_path, "list", corpus=corpus, index=location)
    assert status is ExitStatus.ERROR and out == ""
    assert err.count("\n") == 1 and "not a bilat index" in err
    status, _, err = run(tmp_path, "index", "--rebuild", corpus=corpus, index=location)
    assert status is ExitStatus.ERROR and "was not made by bilat" in err
    with closing(sqlite3.connect(location)) as other:
        assert other.execute("SELECT name FROM accounts").fetchall() == [("kept",)]


# -- damaged files --------------------------------------------------------------------------------
def test_a_truncated_index_is_built_again_with_one_notice(bigger, tmp_path):
    location = tmp_path / "index.db"
    whole = built(bigger, location)
    size = location.stat().st_size
    assert size > 20 * 4096
    with open(location, "r+b") as f:
        f.truncate(size // 2)
    status, out, err = run(tmp_path, "list", "--json", corpus=bigger, index=location)
    assert status is ExitStatus.OK, err
    assert err.count("\n") == 1 and "was damaged (truncated" in err and "building it again" in err
    assert json.loads(out) == json.loads(json.dumps(whole["list"]))
    assert len(documents(location)) == len(whole["list"])


def test_damaged_pages_in_an_index_are_built_again(bigger, tmp_path):
    location = tmp_path / "index.db"
    whole = built(bigger, location)
    data = bytearray(location.read_bytes())
    data[4096:] = bytes((n * 7919) % 251 for n in range(len(data) - 4096))  # every page after the first
    location.write_bytes(bytes(data))
    damaged = location.read_bytes()
    conn, report = index.open_index(bigger, location)
    assert len(report.notices) == 1 and "damaged" in report.notices[0]
    assert answers(conn) == whole
    conn.close()
    location.write_bytes(damaged)  # and the way out a query's error names, at a path the user chose
    status, out, err = run(tmp_path, "index", "--rebuild", "--json", corpus=bigger, index=location)
    assert status is ExitStatus.OK and json.loads(out)["added"] == len(whole["list"]), err


def test_garbage_in_the_cache_is_built_again_but_a_file_named_by_bilat_index_is_left_alone(corpus, tmp_path):
    env_cache = tmp_path / "env-cache"
    location = index.default_location(corpus, env_cache)
    location.parent.mkdir(parents=True)
    location.write_bytes(b"not a database at all " * 300)
    status, out, err = run(tmp_path, "list", "--json", corpus=corpus, cache=env_cache)
    assert status is ExitStatus.OK and len(json.loads(out)) == 5
    assert err.count("\n") == 1 and "not an SQLite database" in err
    # At a path the user chose, garbage may be anyone's file: refused, not replaced (see test_cli).
    mine = tmp_path / "mine.db"
    mine.write_bytes(b"\x00" * 5000)
    status, _, err = run(tmp_path, "list", corpus=corpus, index=mine)
    assert status is ExitStatus.ERROR and "unreadable" in err and "bilat did not make it" in err
    status, _, err = run(tmp_path, "index", "--rebuild", corpus=corpus, index=mine)
    assert status is ExitStatus.ERROR and "was not made by bilat" in err
    assert mine.read_bytes() == b"\x00" * 5000


def test_rebuild_replaces_an_index_an_older_bilat_made(corpus, tmp_path):
    location = tmp_path / "index.db"
    with closing(sqlite3.connect(location)) as old:  # no application id yet, a meta table
        old.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
        old.commit()
    status, out, err = run(tmp_path, "index", "--rebuild", "--json", corpus=corpus, index=location)
    assert status is ExitStatus.OK and json.loads(out)["added"] == 5, err


def test_an_empty_index_file_is_built_in_place(corpus, tmp_path):
    location = tmp_path / "index.db"
    location.touch()
    status, out, err = run(tmp_path, "list", "--json", corpus=corpus, index=location)
    assert status is ExitStatus.OK and len(json.loads(out)) == 5 and err == ""


# -- cannot write ---------------------------------------------------------------------------------
def test_an_index_that_cannot_be_written_is_refreshed_in_memory(corpus, tmp_path, monkeypatch):
    location = tmp_path / "index.db"
    built(corpus, location)
    shutil.copy(ARTICLES / "brazil-chile-drone.txt", corpus)
    read_only = index.connect

    def connect(path):  # what a read-only file or folder does: reads work, the first write fails
        conn = read_only(path)
        conn.close()
        conn = sqlite3.connect(Path(path).resolve().as_uri() + "?mode=ro", uri=True, isolation_level=None)
        conn.row_factory = sqlite3.Row
        return conn

    monkeypatch.setattr(index, "connect", connect)
    conn, report = index.open_index(corpus, location)
    assert (report.added, report.unchanged) == (1, 5)
    assert len(report.notices) == 1 and "indexing in memory for this run" in report.notices[0]
    assert len(Reader(conn).list_documents(Filters())) == 6
    assert len(documents(location)) == 5  # the file is as it was


def test_a_cache_folder_that_cannot_be_made_indexes_in_memory(corpus, tmp_path):
    blocked = tmp_path / "a-file"
    blocked.write_text("in the way", encoding="utf-8")
    status, out, err = run(tmp_path, "list", "--json", corpus=corpus, cache=blocked / "bilat")
    assert status is ExitStatus.OK and len(json.loads(out)) == 5
    assert err.count("\n") == 1 and "Not a directory" in err and "in memory" in err


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into read-only folders")
def test_a_read_only_cache_folder_indexes_in_memory(corpus, tmp_path):
    cache = tmp_path / "cache"
    cache.mkdir()
    cache.chmod(0o555)
    try:
        status, out, err = run(tmp_path, "list", "--json", corpus=corpus, cache=cache)
    finally:
        cache.chmod(0o755)
    assert status is ExitStatus.OK and len(json.loads(out)) == 5 and "in memory" in err


def test_a_full_disk_keeps_the_last_index_and_answers_from_memory(bigger, tmp_path):
    location = tmp_path / "index.db"
    seeds = {p.stem for p in bigger.glob("0*.txt")}
    for p in bigger.glob("*.txt"):
        if p.stem not in seeds:
            p.rename(tmp_path / p.name)
    built(bigger, location)
    for p in tmp_path.glob("*.txt"):
        p.rename(bigger / p.name)
    # Writes past 48 KiB fail as on a full disk (the -shm file takes 32 KiB); SIGXFSZ would kill instead.
    limit = "import resource, signal\nsignal.signal(signal.SIGXFSZ, signal.SIG_IGN)\n" \
            "resource.setrlimit(resource.RLIMIT_FSIZE, (49152, 49152))"
    env = dict(os.environ, BILAT_INDEX=str(location), PYTHONDONTWRITEBYTECODE="1")
    proc = bilat("list", "--json", "--corpus", str(bigger), env=env, preamble=limit)
    assert proc.returncode == 0, proc.stderr
    assert "Traceback" not in proc.stderr and proc.stderr.count("\n") == 1 and "in memory" in proc.stderr
    assert {d["id"] for d in json.loads(proc.stdout)} == {p.stem for p in bigger.glob("*.txt")}
    assert documents(location) == seeds  # the last complete index, whole
    conn, report = index.open_index(bigger, location)
    assert report.added == len(list(bigger.glob("*.txt"))) - len(seeds) and report.notices == []


def test_a_failed_rebuild_leaves_the_old_index_and_no_half_built_file(corpus, tmp_path, monkeypatch):
    location = tmp_path / "index.db"
    built(corpus, location)
    real = index.refresh

    def full(conn, *a, **kw):
        real(conn, *a, **kw)
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(index, "refresh", full)
    status, out, err = run(tmp_path, "index", "--rebuild", corpus=corpus, index=location)
    assert status is ExitStatus.ERROR and out == ""
    assert err.count("\n") == 1 and "cannot rebuild the index" in err and "disk is full" in err
    assert len(documents(location)) == 5
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith("index.db")] == ["index.db"]


# -- two processes --------------------------------------------------------------------------------
def test_a_query_waits_briefly_for_another_refresh_then_answers_from_the_last_complete_index(corpus, tmp_path):
    location = tmp_path / "index.db"
    whole = built(corpus, location)
    shutil.copy(ARTICLES / "brazil-chile-drone.txt", corpus)
    other = sqlite3.connect(location, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # another bilat is refreshing
    try:
        conn, report = index.open_index(corpus, location, wait=0.05)
        assert report.notices == ["another bilat is refreshing the index: answering from its last complete state"]
        assert answers(conn) == whole
    finally:
        other.execute("ROLLBACK")
        other.close()
    _, report = index.open_index(corpus, location)
    assert report.added == 1 and report.notices == []


def test_with_no_complete_index_a_lock_held_too_long_means_indexing_in_memory(corpus, tmp_path, monkeypatch):
    location = tmp_path / "index.db"
    other = sqlite3.connect(location, isolation_level=None)
    other.execute("PRAGMA journal_mode = WAL")
    other.execute("BEGIN IMMEDIATE")  # another bilat is building the first index
    monkeypatch.setattr(index, "LONG_WAIT", 0.05)
    try:
        conn, report = index.open_index(corpus, location)
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert report.added == 5 and len(report.notices) == 1 and "in memory" in report.notices[0]
    assert len(Reader(conn).list_documents(Filters())) == 5


def test_two_processes_refreshing_one_index_at_once_both_succeed(bigger, tmp_path):
    location = tmp_path / "index.db"
    env = dict(os.environ, BILAT_INDEX=str(location))
    args = [sys.executable, "-m", "bilat", "index", "--json", "--corpus", str(bigger)]
    procs = [subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env) for _ in range(2)]
    results = [(p.wait(timeout=300), *p.communicate()) for p in procs]
    files = len(list(bigger.glob("*.txt")))
    for code, out, err in results:
        assert code == 0 and "Traceback" not in err, err
        report = json.loads(out)
        assert report["added"] + report["unchanged"] == files
    assert sorted(json.loads(out)["added"] for _, out, _ in results) in ([0, files], [files, files])
    assert len(documents(location)) == files
    _, report = index.open_index(bigger, location)
    assert report.unchanged == files and report.notices == []


KILLED = textwrap.dedent("""
    import os, sys, time
    from pathlib import Path
    import bilat.extract
    from bilat import index
    real, seen = bilat.extract.extract, []

    def slow(doc):  # half way through, tell the test and wait to be killed
        seen.append(doc.id)
        if len(seen) == {after}:
            print("half way", flush=True)
            time.sleep(300)
        return real(doc)

    bilat.extract.extract = slow
    {call}
""")


@pytest.mark.parametrize("call", ["index.open_index(Path(sys.argv[1]), Path(sys.argv[2]), jobs=1)",
                                  "index.rebuild(Path(sys.argv[1]), Path(sys.argv[2]), jobs=1)"],
                         ids=["refresh", "rebuild"])
def test_a_build_killed_half_way_leaves_the_last_complete_index(bigger, tmp_path, call):
    location = tmp_path / "index.db"
    seeds = {p.stem for p in bigger.glob("0*.txt")}
    later = [p for p in bigger.glob("*.txt") if p.stem not in seeds]
    for p in later:
        p.rename(tmp_path / p.name)
    built(bigger, location)
    for p in later:
        (tmp_path / p.name).rename(p)
    script = KILLED.format(after=len(later) // 2, call=call)
    proc = subprocess.Popen([sys.executable, "-c", script, str(bigger), str(location)], stdout=subprocess.PIPE, text=True,
                            env=dict(os.environ, PYTHONPATH=str(SRC)))
    try:
        assert proc.stdout.readline() == "half way\n"
    finally:
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
    assert documents(location) == seeds  # not a half-built index: the last complete one
    status, out, err = run(tmp_path, "list", "--json", corpus=bigger, index=location)
    assert status is ExitStatus.OK and err == ""
    assert {d["id"] for d in json.loads(out)} == {p.stem for p in bigger.glob("*.txt")}
    conn, _ = index.open_index(bigger, location)
    assert answers(conn) == built(bigger, tmp_path / "fresh.db")


def test_a_damaged_page_met_by_a_query_is_one_line_with_the_way_out(corpus, tmp_path, monkeypatch):
    def malformed(*_):
        raise sqlite3.DatabaseError("database disk image is malformed")

    monkeypatch.setattr(Reader, "iter_documents", malformed)
    status, out, err = run(tmp_path, "list", corpus=corpus)
    assert status is ExitStatus.ERROR and out == ""
    assert err == "bilat: the index could not be read (database disk image is malformed); run `bilat index --rebuild`\n"


def test_a_bilat_index_in_a_folder_that_does_not_exist_is_a_usage_error(corpus, tmp_path):
    status, _, err = run(tmp_path, "list", corpus=corpus, index=tmp_path / "no" / "such" / "x.db")
    assert status is ExitStatus.USAGE
    assert err == f"bilat: the folder of $BILAT_INDEX does not exist: {tmp_path / 'no' / 'such'}\n"
    assert not (tmp_path / "no").exists()
    status, _, err = run(tmp_path, "list", corpus=corpus, index=tmp_path)
    assert status is ExitStatus.USAGE and err == f"bilat: $BILAT_INDEX names a folder, not a file: {tmp_path}\n"


@pytest.mark.parametrize("damage", ["", "{not json", "[]", '{"countries": []}', '{"countries": {"SRB": 1}}', "\x00" * 50])
def test_a_damaged_gazetteer_cache_is_built_again(tmp_path, monkeypatch, damage):
    from importlib import resources

    from bilat import gazetteer

    monkeypatch.setattr(gazetteer, "_cache_folder", lambda: tmp_path / "gaz")
    extra = resources.files("bilat").joinpath("data/countries_extra.json").read_text(encoding="utf-8")
    cached = gazetteer._cache_file(extra)
    cached.parent.mkdir(parents=True)
    cached.write_text(damage, encoding="utf-8")
    gazetteer.load.cache_clear()
    try:
        assert gazetteer.load().name("SRB") == "Serbia" and gazetteer.load().country_of_place("Belgrade") == "SRB"
        assert json.loads(cached.read_text(encoding="utf-8"))["countries"]["SRB"]["name"]  # written whole again
    finally:
        gazetteer.load.cache_clear()


def test_a_damaged_full_text_page_met_by_a_query_removes_the_index_and_the_next_command_builds_it(bigger, tmp_path):
    cache = tmp_path / "env-cache"
    status, whole, _ = run(tmp_path, "quote", "train", "--json", corpus=bigger, cache=cache)
    assert status is ExitStatus.OK and json.loads(whole)
    location = index.default_location(bigger, cache)
    with closing(sqlite3.connect(location)) as conn:  # the pages of the quotes' full-text index
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # every page in the file itself
        pages = [r[0] for r in conn.execute("SELECT pageno FROM dbstat WHERE name = 'quotes_fts_data' AND pageno > 1")]
        size = conn.execute("PRAGMA page_size").fetchone()[0]
    assert pages
    with open(location, "r+b") as f:
        for page in pages:
            f.seek((page - 1) * size)
            f.write(bytes((n * 31) % 253 for n in range(size)))
    status, out, err = run(tmp_path, "quote", "train", "--json", corpus=bigger, cache=cache)
    assert status is ExitStatus.ERROR
    assert err.count("\n") == 1 and "damaged" in err and "the next command builds it again" in err
    assert not location.exists()
    status, out, err = run(tmp_path, "quote", "train", "--json", corpus=bigger, cache=cache)
    assert status is ExitStatus.OK and out == whole and err == ""


def test_a_query_trusts_a_recent_check_of_the_folder_only_when_asked_and_only_for_as_long_as_asked(corpus, tmp_path):
    """$BILAT_REFRESH_EVERY: a shell loop over a large corpus need not stat every file on every query."""
    location = tmp_path / "trust.db"
    ids = lambda out: sorted(d["id"] for d in json.loads(out))  # noqa: E731

    status, out, _ = run(tmp_path, "list", "--json", corpus=corpus, index=location, refresh_every=3600)
    assert status == ExitStatus.OK and (tmp_path / "trust.db.checked").is_file()
    before = ids(out)
    (corpus / "added.txt").write_text("Navies meet\n\nACCRA, 3 March 2026 — Ghana and Togo held naval talks on Monday.",
                                      encoding="utf-8")
    _, out, _ = run(tmp_path, "list", "--json", corpus=corpus, index=location, refresh_every=3600)
    assert ids(out) == before  # checked a moment ago: the index answers as it stands
    _, out, _ = run(tmp_path, "list", "--json", corpus=corpus, index=location)
    assert "added" in ids(out)  # not asked: every query checks the folder
    (corpus / "added.txt").unlink()
    _, out, _ = run(tmp_path, "list", "--json", corpus=corpus, index=location, refresh_every=3600)
    assert "added" in ids(out)  # asked again within the hour: the index as it stands, the removal not yet seen
    _, out, _ = run(tmp_path, "list", "--json", corpus=corpus, index=location, refresh_every=0.001)
    assert "added" not in ids(out)  # a check older than asked for: checked again


def test_a_stamp_of_another_scope_or_an_expired_one_is_not_trusted(corpus, tmp_path):
    location = tmp_path / "trust.db"
    run(tmp_path, "list", "--json", corpus=corpus, index=location, refresh_every=3600)
    stamp = json.loads((tmp_path / "trust.db.checked").read_text(encoding="utf-8"))
    (corpus / "added.txt").write_text("Navies meet\n\nACCRA, 3 March 2026 — Ghana and Togo held naval talks on Monday.",
                                      encoding="utf-8")
    (tmp_path / "trust.db.checked").write_text(json.dumps({**stamp, "at": stamp["at"] - 7200}), encoding="utf-8")
    _, out, _ = run(tmp_path, "list", "--json", corpus=corpus, index=location, refresh_every=3600)
    assert "added" in [d["id"] for d in json.loads(out)]  # two hours old: checked again
    (corpus / "added2.txt").write_text("Navies meet\n\nLOME, 4 March 2026 — Togo and Benin held naval talks on Monday.",
                                       encoding="utf-8")
    _, out, _ = run(tmp_path, "list", "--json", "--include", "*.txt", corpus=corpus, index=location, refresh_every=3600)
    assert "added2" in [d["id"] for d in json.loads(out)]  # other files asked for: a check of its own
    (corpus / "added2.txt").unlink()
    run(tmp_path, "index", corpus=corpus, index=location, refresh_every=3600)  # `bilat index` always checks
    _, out, _ = run(tmp_path, "list", "--json", "--include", "*.txt", corpus=corpus, index=location, refresh_every=3600)
    assert "added2" not in [d["id"] for d in json.loads(out)]


@pytest.mark.parametrize(("value", "seconds"), [(None, 0.0), ("", 0.0), ("30", 30.0), ("2.5", 2.5), ("-4", 0.0),
                                                ("soon", 0.0), ("nan", 0.0)])
def test_bilat_refresh_every_reads_seconds_and_anything_else_as_checking_every_time(value, seconds):
    environ = {} if value is None else {"BILAT_REFRESH_EVERY": value}
    assert Environment.from_os(environ).refresh_every == seconds
