"""What each output says, format by format: one rule for undated, whole values, every pair filter on
every section, multilateral engagements in a pair, index formats supported or refused."""
import csv
import io
import json

import pytest

from bilat import cli
from bilat.environment import Environment
from bilat.status import ExitStatus


class Terminal(io.StringIO):
    def isatty(self):
        return True


def bilat(tmp_path, *args, terminal=False, **fields):
    env = Environment(stdout=Terminal() if terminal else io.StringIO(), stderr=io.StringIO(), cache=tmp_path / "cache",
                      **fields)
    status = cli.program(list(args), env)
    return status, env.stdout.getvalue(), env.stderr.getvalue()


def out(tmp_path, *args, **kwargs) -> str:
    status, stdout, stderr = bilat(tmp_path, *args, **kwargs)
    assert status == ExitStatus.OK, stderr
    return stdout


def test_undated_is_null_in_json_empty_in_flat_rows_and_a_word_only_on_a_terminal(tmp_path):
    for command in ("timeline", "list"):
        records = json.loads(out(tmp_path, command, "--json"))
        undated = [r for r in records if r["date"] is None]
        assert undated and all(r["date_precision"] is None for r in undated)
        for fmt, delimiter in (("csv", ","), ("tsv", "\t")):
            rows = list(csv.DictReader(io.StringIO(out(tmp_path, command, f"--{fmt}")), delimiter=delimiter,
                                       quoting=csv.QUOTE_NONE if fmt == "tsv" else csv.QUOTE_MINIMAL))
            assert [r["date"] for r in rows] == [r["date"] or "" for r in records]
        assert "undated" not in out(tmp_path, command, "--tsv")
    assert "undated" in out(tmp_path, "timeline", terminal=True)
    assert "undated" in out(tmp_path, "list", "-f", "table", terminal=True)


def test_tsv_keeps_quotation_marks_as_they_are(tmp_path):
    quotes = json.loads(out(tmp_path, "quote", "--json"))
    rows = out(tmp_path, "quote", "--tsv").splitlines()[1:]
    assert [r.split("\t")[4] for r in rows] == [q["text"] for q in quotes]
    assert "\\" not in "".join(rows)


def test_pair_holds_the_multilateral_engagements_of_both_marked(tmp_path):
    profile = json.loads(out(tmp_path, "pair", "Kosovo", "Albania", "--json"))
    assert profile["events"], "the Albania–Croatia–Kosovo agreement includes both"
    assert all(e["multilateral"] and {"ALB", "XKX"} < set(e["countries"]) for e in profile["events"])
    assert profile["overview"]["multilateral_event_count"] == len(profile["events"])
    assert profile["documents"]
    drawn = out(tmp_path, "pair", "Kosovo", "Albania", terminal=True)
    assert "multilateral" in drawn
    two = json.loads(out(tmp_path, "pair", "Turkiye", "Hungary", "--json"))
    assert not any(e["multilateral"] for e in two["events"])


@pytest.mark.parametrize("filters", [["--since", "2026"], ["--until", "2020"], ["--type", "exercise"]])
def test_every_pair_filter_applies_to_every_section(tmp_path, filters):
    profile = json.loads(out(tmp_path, "pair", "Turkiye", "Hungary", "--json", *filters))
    assert profile["events"] == []
    assert (profile["documents"], profile["people"], profile["quotes"], profile["figures"]) == ([], [], [], [])


def test_pair_type_filter_keeps_only_the_reports_of_those_engagements(tmp_path):
    everything = json.loads(out(tmp_path, "pair", "Turkiye", "Hungary", "--json"))
    agreements = json.loads(out(tmp_path, "pair", "Turkiye", "Hungary", "--json", "--type", "agreement"))
    assert agreements["events"] and all(e["type"] == "agreement" for e in agreements["events"])
    reports = {d for e in agreements["events"] for d in e["docs"]}
    assert {d["id"] for d in agreements["documents"]} == reports
    assert all(set(p["docs"]) <= reports for p in agreements["people"])
    assert all(q["doc"] in reports for q in agreements["quotes"])
    assert len(agreements["documents"]) < len(everything["documents"])


@pytest.mark.parametrize("fmt", ["csv", "tsv", "jsonl", "github"])
def test_index_prints_its_report_in_the_format_asked(tmp_path, fmt):
    printed = out(tmp_path, "index", "-f", fmt)
    if fmt == "jsonl":
        assert json.loads(printed)["unchanged"] + json.loads(printed)["added"] == 5
    elif fmt == "github":
        assert printed.startswith("| corpus") and printed.count("\n") == 3
    else:
        rows = list(csv.DictReader(io.StringIO(printed), delimiter="," if fmt == "csv" else "\t"))
        assert len(rows) == 1 and int(rows[0]["added"]) + int(rows[0]["unchanged"]) == 5


def test_index_refuses_an_unknown_format(tmp_path):
    status, stdout, stderr = bilat(tmp_path, "index", "-f", "yaml")
    assert status == ExitStatus.USAGE and stdout == "" and stderr.startswith("bilat: unknown format 'yaml'")


def test_index_without_a_format_says_one_line(tmp_path):
    line = out(tmp_path, "index")
    assert line.count("\n") == 1 and " skipped; documents: " in line and line.endswith(" txt\n")


def test_machine_formats_carry_whole_titles_and_the_terminal_shortens_at_a_word(tmp_path):
    documents = json.loads(out(tmp_path, "list", "--json"))
    longest = max((d["title"] for d in documents), key=len)
    assert len(longest) > 120 and not longest.endswith(("...", "…"))
    assert longest in [line.split("\t")[2] for line in out(tmp_path, "list", "--tsv").splitlines()]
    assert longest in [r["title"] for r in csv.DictReader(io.StringIO(out(tmp_path, "list", "--csv")))]
    drawn = out(tmp_path, "list", "-f", "table", terminal=True)
    assert "…" in drawn and longest not in " ".join(drawn.split())


def test_shorten_cuts_at_a_word_boundary():
    from bilat.render import shorten

    assert shorten("Serbia and Hungary signed a plan", 20) == "Serbia and Hungary…"
    assert shorten("short", 20) == "short"


def test_an_empty_pair_says_once_what_was_searched_with_a_hint(tmp_path):
    drawn = out(tmp_path, "pair", "France", "Serbia", terminal=True)
    assert "nothing found" not in drawn and drawn.count("No engagement of France and Serbia (FRA–SRB)") == 1
    assert "pairs with data: Serbia–Hungary" in " ".join(drawn.split())
    status, stdout, stderr = bilat(tmp_path, "pair", "Turkiye", "Hungary", "--since", "2026", "--tsv")
    assert status == ExitStatus.OK and stdout.count("\n") == 1  # the header only
    assert stderr.count("no engagement of Hungary and Türkiye") == 1 and "without --since, --until and --type there are 3" in stderr
    status, stdout, stderr = bilat(tmp_path, "pair", "Chile", "Peru", "--json")
    assert json.loads(stdout)["events"] == [] and "neither country has any engagement" in stderr
