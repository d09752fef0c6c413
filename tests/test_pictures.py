"""Pictures on a terminal only: `pair` charts its engagements per year by type, `timeline` marks each date's precision
and its number of sources; JSON and pipe output carry none of it."""
import io
import json
import re

from bilat import cli
from bilat.environment import Environment
from conftest import SEEDS


class Terminal(io.StringIO):
    def isatty(self):
        return True


def run(tmp_path, *args, terminal=False):
    env = Environment(stdout=Terminal() if terminal else io.StringIO(), stderr=io.StringIO(), cache=tmp_path / "cache",
                      columns=100)
    assert cli.program([*args, "--corpus", str(SEEDS), "--no-pager", "--color", "never"], env) == 0, env.stderr.getvalue()
    return env.stdout.getvalue()


def test_pair_on_a_terminal_charts_engagements_per_year(tmp_path):
    events = json.loads(run(tmp_path, "pair", "Serbia", "Hungary", "--json"))["events"]
    shown = run(tmp_path, "pair", "Serbia", "Hungary", terminal=True)
    chart = shown[shown.index("Engagements by year"):shown.index("Timeline")].splitlines()[1:]
    per_year: dict[str, int] = {}
    for e in events:
        per_year[e["date"][:4] if e["date"] else "undated"] = per_year.get(e["date"][:4] if e["date"] else "undated", 0) + 1
    bars = {m.group(1): (len(m.group(2)), int(m.group(3))) for line in chart if (m := re.match(r"(\d{4}|undated) +(█+) (\d+)$", line))}
    assert {year: n for year, (_, n) in bars.items()} == per_year
    assert all(blocks == n for blocks, n in bars.values())  # a block an engagement while they fit
    assert any(kind in "".join(chart) for kind in {e["type"] for e in events})  # the legend names the types


def test_timeline_on_a_terminal_marks_precision_and_sources(tmp_path):
    events = json.loads(run(tmp_path, "timeline", "--json"))
    shown = run(tmp_path, "timeline", terminal=True)
    for precision in {e["date_precision"] for e in events if e["date"]}:
        assert re.search(rf"^{precision} ", shown, re.M), precision  # under the date, in the date's column
    for n in {len(e["docs"]) for e in events}:
        assert f" {n} source{'' if n == 1 else 's'}" in shown


def test_none_of_it_in_json_or_pipe_output(tmp_path):
    for args in (("pair", "Serbia", "Hungary"), ("timeline",)):
        for fmt in ("--tsv", "--csv", "--json", "--jsonl"):
            out = run(tmp_path, *args, fmt)
            assert "Engagements by year" not in out and not re.search(r" \d+ sources?\b", out) and "█" not in out, (args, fmt)
