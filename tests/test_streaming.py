"""Long listings: machine formats print as rows are read; a table on a terminal stops and says how many it left out."""
import io
import json

from bilat import cli, commands, render
from bilat.environment import Environment
from bilat.status import ExitStatus

from conftest import SEEDS


class Terminal(io.StringIO):
    def isatty(self):
        return True


def bilat(tmp_path, *args, terminal=False):
    env = Environment(stdout=Terminal() if terminal else io.StringIO(), stderr=io.StringIO(), cache=tmp_path / "cache",
                      corpus=SEEDS)
    status = cli.program(list(args), env)
    assert status is ExitStatus.OK, env.stderr.getvalue()
    return env.stdout.getvalue()


RECORDS = [{"id": "a", "title": "Ünïcode “quoted” \u202e text", "people": [{"name": "X"}], "n": 1, "none": None},
           {"id": "b", "nested": {"list": [1, 2, {"k": []}], "empty": {}}}]


def test_a_streamed_json_array_is_the_same_text_as_the_whole_list_printed_at_once():
    for records in ([], RECORDS[:1], RECORDS):
        out = io.StringIO()
        render.emit(iter(records), [], "json", out)
        assert out.getvalue() == render.to_json(records, indent=2) + "\n"


def test_a_stream_is_printed_as_it_is_read():
    out = io.StringIO()
    seen_before_second = []

    def rows():
        yield RECORDS[0]
        seen_before_second.append(out.getvalue())  # what was printed before the second record was read
        yield RECORDS[1]

    for fmt in ("json", "jsonl", "tsv", "csv"):
        out.seek(0)
        out.truncate()
        seen_before_second.clear()
        render.emit(rows(), [render.Column("id", "id")], fmt, out)
        assert seen_before_second and seen_before_second[0].strip(), fmt


def test_machine_formats_of_a_listing_print_every_row(tmp_path, monkeypatch):
    monkeypatch.setattr(commands, "TERMINAL_ROWS", 2)
    assert len(json.loads(bilat(tmp_path, "list", "--json"))) == 5
    assert len(bilat(tmp_path, "list", "--jsonl").splitlines()) == 5
    assert len(bilat(tmp_path, "list", "--tsv").splitlines()) == 6


def test_a_long_table_on_a_terminal_says_how_many_rows_it_left_out(tmp_path, monkeypatch):
    monkeypatch.setattr(commands, "TERMINAL_ROWS", 2)
    table = bilat(tmp_path, "list", terminal=True)
    assert "… and 3 more (the first 2 are shown)" in table and "--limit" in table
    ids = [line for line in bilat(tmp_path, "list", "--tsv").splitlines()[1:]]
    assert sum(row.split("\t")[0][:12] in table for row in ids) == 2
    whole = bilat(tmp_path, "list", "--limit", "5", terminal=True)
    assert "more (the first" not in whole and all(row.split("\t")[0][:12] in whole for row in ids)
    quotes = bilat(tmp_path, "quote", terminal=True)
    total = len(json.loads(bilat(tmp_path, "quote", "--json")))
    assert f"… and {total - 2} more" in quotes
