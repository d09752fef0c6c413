"""The fast path (a command line run without typer, from the app's table) does what the app does, or leaves it to the app."""
import io
import json
import os
import subprocess
import sys

import pytest

from bilat import cli, commands, fastpath
from bilat.environment import Environment

from conftest import SEEDS

# Command lines the fast path runs itself: each must give the app's stdout, stderr and exit status (failures too).
FAST = [
    "pair Turkiye Hungary --json", "pair Turkiye Hungary", "pair TR HU --format table", "pair Turkiye Hungary --json overview",
    "pair Turkiye Hungary --json=overview,events --limit 1", "pair --json Serbia Hungary", "pair Serbia --json Hungary",
    "pair Serbia Hungary --since 2025 --type agreement --csv", "pair Serbia Hungary --until 2020", "pair Turkiye Turkey",
    "pair Turkiye Atlantis", "pair Korea Hungary", "pair Serbia Hungary -t exercise -t agreement --jsonl",
    "pair Serbia Hungary --sort -date --json", "pair Serbia Hungary --sort nonsense --json",
    "list", "list --json", "list -c RS --tsv", "list -c RS --json id,date --sort -date", "list --country=Serbia --since=2025 --no-header --csv",
    "list --search defence --limit 2", "list -s cooperation", "list --type exercise --json", "list --type nonsense", "list --since tomorrowish",
    "list --format github", "list --format bogus", "list --json --csv", "list --color never --width 100 --format table",
    "list --color sometimes", "list --no-pager --format table", "list --pager -f table", "list --jq .[0].id", "list --jq .[",
    "list --jq .[0] --csv", "list --include 00[0-2]* --exclude 001*", f"list --corpus {SEEDS} -n 1", "list --corpus /no/such/folder",
    "list --limit 007 --json", "list --search=", "list -c RS -c HU --json",
    "timeline", "timeline --country Serbia --country Hungary", "timeline --json", "timeline -n 2 --format table",
    "quote", "quote innovation", "quote --speaker minister --json", "quote defence cooperation --limit 1",
    "quote -c TR --since 2025 --csv", "quote --speaker --json", "quote -",
    "countries", "countries --country Serbia", "countries --json", "countries --since 2025 --type agreement --csv",
    "people", "people -c HU --sort -quote_count --tsv --no-header", "people --json",
    "show 003_f264a064ad147425", "show 003_f264a064ad147425 --json", "show 002_e6b05a2ad52912ea#0", "show nothing_like_it",
    "index", "index --json", "index --jobs 1 --csv", "index -j 1 --rebuild", "index --from-extractions /no/such.jsonl",
    "extract --include 000* -j 1",
    "--version", "-V",
]
# Command lines the fast path leaves to the app (help, global options, anything it does not fully understand).
APP = [
    "", "--help", "-h", "list --help", "pair -h", "pair Turkiye --help", "--debug list", "--rules x.toml list", "--version list",
    "list --bogus", "list --jso", "lis", "pair Turkiye", "pair A B C", "show", "list --limit 0", "list --limit x", "list --limit +5",
    "list --width 10", "list -cRS", "list -n5", "list -c=RS", "list -- --json", "list --json --json", "list --csv=1", "list --since",
    "list --pager --no-pager", "list --limit 1 --limit 2", "quote --speaker a --speaker b", "list --corpus", "list --search",
    "quote --speaker", "list -",
]


def _words(line: str) -> list[str]:
    return line.split(" ") if line else []


@pytest.fixture(scope="module")
def environ(tmp_path_factory):
    """The seeds and their index, shared by every command line here (built once)."""
    tmp = tmp_path_factory.mktemp("fastpath")
    environ = {"BILAT_CORPUS": str(SEEDS), "BILAT_INDEX": str(tmp / "seeds.db"), "XDG_CACHE_HOME": str(tmp / "cache"), "NO_COLOR": "1"}
    assert cli.program(["index"], Environment.from_os(environ, io.StringIO(), io.StringIO())) == 0
    return environ


def _run(program, line: str, environ: dict) -> tuple[object, str, str]:
    out, err = io.StringIO(), io.StringIO()
    status = program(_words(line), Environment.from_os(environ, out, err))
    return status, out.getvalue(), err.getvalue()


@pytest.mark.parametrize("line", FAST)
def test_the_fast_path_says_what_the_app_says(environ, line):
    fast = _run(fastpath.program, line, environ)
    assert fast[0] is not None, "left to the app"
    assert fast == _run(cli.program, line, environ)


@pytest.mark.parametrize("line", [line for line in FAST if not line.startswith("-")])
def test_the_fast_path_hands_the_command_what_the_app_hands_it(environ, line, monkeypatch):
    calls = []
    monkeypatch.setattr(commands, "run", lambda name, env, opts, values: calls.append((name, env, opts, values)))
    _run(fastpath.program, line, environ)
    _run(cli.program, line, environ)
    fast, app = calls
    assert fast[0] == app[0] and fast[2] == app[2] and fast[3] == app[3]
    assert {k: v for k, v in vars(fast[1]).items() if k not in ("stdout", "stderr")} == \
        {k: v for k, v in vars(app[1]).items() if k not in ("stdout", "stderr")}  # the Environment: all but its streams


@pytest.mark.parametrize("line", APP)
def test_what_the_fast_path_does_not_fully_understand_goes_to_the_app(environ, line):
    assert _run(fastpath.program, line, environ) == (None, "", "")


def test_every_option_of_every_command_is_in_the_table_and_tried_here():
    table = fastpath.table()
    assert all(spec is not None for spec in table["commands"].values()), "a command the table leaves to the app"
    tried = {w.split("=")[0] for line in FAST for w in _words(line) if w.startswith("-")}
    declared = {n for spec in table["commands"].values() for option in spec["options"] for n in option["names"] + option["off"] if option["name"] != "json_fields"}
    assert declared - tried == set(), "try these options in FAST"


def test_the_stored_command_table_is_the_apps():
    assert fastpath.table() == json.loads(json.dumps(fastpath.build_table())), "run: python -m bilat.launch"


def test_the_bilat_command_answers_as_the_app_in_a_real_process(environ):
    env = dict(os.environ, **environ)
    for line in ("pair Turkiye Hungary --json", "list --type nonsense", "--version", "list --limit 0"):
        fast = subprocess.run([sys.executable, "-c", "from bilat.launch import main; main()", *_words(line)], env=env,
                              capture_output=True, text=True, timeout=120)
        app = subprocess.run([sys.executable, "-c", "from bilat.cli import main; main()", *_words(line)], env=env,
                             capture_output=True, text=True, timeout=120)
        assert (fast.returncode, fast.stdout, fast.stderr) == (app.returncode, app.stdout, app.stderr), line
