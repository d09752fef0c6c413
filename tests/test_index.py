"""The index: incremental, atomic, versioned."""
import sqlite3

import pytest

from bilat import index
from bilat.query import Filters, Reader


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


def test_an_article_that_cannot_be_read_is_skipped_not_fatal(corpus, tmp_path, monkeypatch):
    import bilat.extract

    real = bilat.extract.extract

    def fragile(doc):
        if doc.id == "003_f264a064ad147425":
            raise ValueError("boom")
        return real(doc)

    monkeypatch.setattr(bilat.extract, "extract", fragile)
    conn, report = index.open_index(corpus, tmp_path / "index.db")
    assert report.added == 4 and len(report.skipped) == 1


def test_schema_version_and_full_text_search(corpus, tmp_path):
    conn, _ = index.open_index(corpus, tmp_path / "index.db")
    assert conn.execute("PRAGMA user_version").fetchone()[0] == index.SCHEMA_VERSION
    reader = Reader(conn)
    assert [d["id"] for d in reader.list_documents(Filters(search="Batajnica"))] == ["002_e6b05a2ad52912ea"]
    assert reader.list_documents(Filters(search='"unbalanced quote AND ( OR')) == []  # user words are never FTS syntax


def test_an_index_of_an_older_schema_is_rebuilt(corpus, tmp_path):
    location = tmp_path / "index.db"
    old = sqlite3.connect(location)
    old.execute("CREATE TABLE documents (id TEXT)")
    old.execute("PRAGMA user_version = 1")
    old.commit()
    old.close()
    conn, report = index.open_index(corpus, location)
    assert report.added == 5
    assert conn.execute("PRAGMA user_version").fetchone()[0] == index.SCHEMA_VERSION


def test_a_new_extractor_reads_every_article_again(corpus, tmp_path, monkeypatch):
    location = tmp_path / "index.db"
    conn, _ = index.open_index(corpus, location)
    assert index.refresh(conn, corpus).unchanged == 5
    monkeypatch.setattr(index, "extractor_version", lambda rules_file=None: "another reader")
    report = index.refresh(conn, corpus)
    assert report.updated == 5 and report.unchanged == 0
    assert index.refresh(conn, corpus).unchanged == 5
