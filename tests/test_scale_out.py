"""Past one machine: extraction records made elsewhere (`bilat extract`, or any engine mapping `extract_file` over
files) load into the same index that indexing here builds, on the dev sets; the Dask recipe of docs/scale-out.md too."""
import io
import json
import sqlite3

import pytest

from bilat import cli, index
from bilat.environment import Environment
from bilat.extractions import extract_file
from bilat.status import ExitStatus

from conftest import SHARED

SETS = [SHARED / "corpus" / "dev", SHARED / "corpus" / "dev2"]


def _run(tmp_path, *args, stdin: str = "", index=None):
    env = Environment(stdout=io.StringIO(), stderr=io.StringIO(), cache=tmp_path / "cache", index=index)
    import sys

    saved, sys.stdin = sys.stdin, io.StringIO(stdin)
    try:
        status = cli.program(list(args), env)
    finally:
        sys.stdin = saved
    return status, env.stdout.getvalue(), env.stderr.getvalue()


def _tables(location) -> dict[str, list[tuple]]:
    """Every row of every table of an index (the full-text tables by their content)."""
    conn = sqlite3.connect(location)
    names = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
                                        "AND name NOT LIKE '%_fts_%'")]
    return {name: sorted(conn.execute(f'SELECT * FROM "{name}"').fetchall(), key=repr) for name in names}


def _local(corpus, location):
    conn, report = index.open_index(corpus, location, jobs=1)
    conn.close()
    return report


def _loaded(tmp_path, corpus, location, extractions):
    status, _, err = _run(tmp_path, "index", "--corpus", str(corpus), "--from-extractions", str(extractions), index=location)
    assert status is ExitStatus.OK, err
    return err


@pytest.mark.parametrize("corpus", SETS, ids=[s.name for s in SETS])
def test_extractions_made_by_bilat_extract_load_into_the_index_indexing_builds(tmp_path, corpus, monkeypatch):
    assert _local(corpus, tmp_path / "local.db").added == len(list(corpus.glob("*.txt")))
    status, out, err = _run(tmp_path, "extract", "--corpus", str(corpus))
    assert status is ExitStatus.OK and err == ""
    records = [json.loads(line) for line in out.splitlines()]
    assert len(records) == len(list(corpus.glob("*.txt"))) and all("extraction" in r for r in records)
    extractions = tmp_path / "x.jsonl"
    extractions.write_text(out, encoding="utf-8")

    def never(task):
        raise AssertionError(f"extracted again: {task[1]}")

    monkeypatch.setattr(index, "_extract_one", never)  # every file must come from the records
    err = _loaded(tmp_path, corpus, tmp_path / "loaded.db", extractions)
    assert f"{len(records)} of {len(records)} extractions loaded" in err
    assert _tables(tmp_path / "loaded.db") == _tables(tmp_path / "local.db")


def test_a_file_changed_since_its_record_or_read_by_other_rules_is_extracted_again(tmp_path, corpus):
    status, out, _ = _run(tmp_path, "extract", "--corpus", str(corpus))
    lines = out.splitlines()
    other = json.loads(lines[1])
    other["extractor"] = "0.0.1+elsewhere"
    (tmp_path / "x.jsonl").write_text("\n".join([lines[0], json.dumps(other), *lines[2:]]) + "\n", encoding="utf-8")
    changed = sorted(corpus.glob("*.txt"))[0]
    changed.write_text(changed.read_text(encoding="utf-8") + "\nSerbia and Hungary held talks.\n", encoding="utf-8")
    err = _loaded(tmp_path, corpus, tmp_path / "loaded.db", tmp_path / "x.jsonl")
    assert "3 of 4 extractions loaded; 1 made by another release or other rules were not used" in err
    _local(corpus, tmp_path / "local.db")
    assert _tables(tmp_path / "loaded.db") == _tables(tmp_path / "local.db")


def test_extract_reads_jsonl_records_with_text_and_refuses_other_lines(tmp_path):
    feed = json.dumps({"id": "feed-1", "text": "Serbia and Hungary signed a defence agreement in Belgrade on 3 March 2025.\n"})
    status, out, _ = _run(tmp_path, "extract", "-", stdin=feed + "\n")
    record = json.loads(out)
    assert status is ExitStatus.OK and record["id"] == "feed-1" and record["size"] is None
    assert record["extraction"]["countries"] == ["HUN", "SRB"]
    status, out, err = _run(tmp_path, "extract", "-", stdin='{"id": 1}\n')
    assert status is ExitStatus.USAGE and err == 'bilat: -: line 1: a record needs "text", a string\n'
    status, _, err = _run(tmp_path, "index", "--from-extractions", str(tmp_path / "none.jsonl"))
    assert status is ExitStatus.USAGE and err.startswith("bilat: cannot read extractions")


@pytest.mark.parametrize("corpus", SETS, ids=[s.name for s in SETS])
def test_the_dask_recipe_builds_the_index_indexing_here_builds(tmp_path, corpus):
    bag = pytest.importorskip("dask.bag")
    distributed = pytest.importorskip("distributed")
    files = sorted(str(p) for p in corpus.glob("*.txt"))
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster, \
            distributed.Client(cluster):
        records = bag.from_sequence(files, npartitions=4).map(lambda path: extract_file(corpus, path)).compute()
    extractions = tmp_path / "dask.jsonl"
    extractions.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    _local(corpus, tmp_path / "local.db")
    err = _loaded(tmp_path, corpus, tmp_path / "loaded.db", extractions)
    assert f"{len(files)} of {len(files)} extractions loaded" in err
    assert _tables(tmp_path / "loaded.db") == _tables(tmp_path / "local.db")
