"""The terminal view: colour on request, any width, tokens never broken, quotations readable, long views paged."""
import io
import shlex
import re
from dataclasses import dataclass, field

import pytest

from bilat import cli, views
from bilat.environment import Environment
from bilat.render import Display
from bilat.status import ExitStatus
from conftest import SEEDS

ANSI = re.compile(r"\x1b\[")


class Terminal(io.StringIO):
    def isatty(self):
        return True


@dataclass(frozen=True)
class Screen(Environment):
    """A terminal of a given size whose pager only records what it was handed."""

    paged: list = field(default_factory=list)

    def terminal_size(self):
        return (self.columns or 100, self.lines or 40) if self.stdout_isatty else None

    def page(self, text):
        self.paged.append(text)


def run(tmp_path, *args, terminal=False, **fields):
    env = Screen(stdout=Terminal() if terminal else io.StringIO(), stderr=io.StringIO(), cache=tmp_path / "cache", **fields)
    status = cli.program(list(args), env)
    assert status == ExitStatus.OK, env.stderr.getvalue()
    return env.stdout.getvalue(), env


def test_table_in_a_pipe_takes_the_width_asked(tmp_path):
    for args, fields, width in ((["--width", "100"], {}, 100), ([], {"columns": 70}, 70), ([], {}, 80)):
        out, _ = run(tmp_path, "list", "-f", "table", *args, **fields)
        lines = [line for line in out.splitlines() if line.strip()]
        assert max(len(line) for line in lines) == width, (args, fields)
    out, _ = run(tmp_path, "list", "-f", "table", "--width", "100", columns=70)
    assert max(len(line) for line in out.splitlines()) == 100  # --width wins over $COLUMNS


def test_colour_auto_always_never_beside_no_color_and_force_color(tmp_path):
    assert not ANSI.search(run(tmp_path, "list", "-f", "table")[0])  # a pipe: no colour
    assert ANSI.search(run(tmp_path, "list", "-f", "table", "--color", "always")[0])
    assert ANSI.search(run(tmp_path, "list", "-f", "table", force_color=True)[0])
    assert ANSI.search(run(tmp_path, "list", "--no-pager", terminal=True)[0])
    assert not ANSI.search(run(tmp_path, "list", "--no-pager", terminal=True, no_color=True)[0])
    assert not ANSI.search(run(tmp_path, "list", "--color", "never", "--no-pager", terminal=True)[0])
    assert ANSI.search(run(tmp_path, "list", "--color", "always", "--no-pager", terminal=True, no_color=True)[0])


def test_bad_colour_is_a_usage_error(tmp_path):
    env = Environment(stdout=io.StringIO(), stderr=io.StringIO(), cache=tmp_path / "cache")
    assert cli.program(["list", "--color", "sometimes"], env) == ExitStatus.USAGE
    assert env.stderr.getvalue().startswith("bilat: --color takes auto, always or never")


LONG_IDS = [f"2025/serbia-hungary-defence-pact-{n}" for n in range(3)]
CODES = ["ALB", "HRV", "HUN", "SRB", "XKX", "MKD", "MNE", "BIH"]


def _documents():
    return [{"id": i, "date": None if n else "2025-04-01", "title": "ministers signed a plan of cooperation " * 4,
             "countries": CODES, "event_types": ["agreement", "arms_transfer", "mechanism"]} for n, i in enumerate(LONG_IDS)]


@pytest.mark.parametrize("width", [80, 100, 140])
def test_no_width_breaks_an_id_or_a_code(width):
    out = io.StringIO()
    from bilat.render import emit

    emit(_documents(), views.DOCUMENT_COLUMNS, "table", out, display=Display(width=width))
    drawn = out.getvalue()
    assert all(i in drawn for i in LONG_IDS)
    assert max(len(line) for line in drawn.splitlines()) <= width
    assert set(re.findall(r"\b[A-Z]+\b", drawn)) <= set(CODES)  # a code is whole or not shown
    if width <= 80:
        assert "arms_transfer" not in drawn  # the lowest-value column left out first


def test_real_ids_and_codes_are_whole_at_80_columns(tmp_path):
    out, _ = run(tmp_path, "list", "-f", "table", "--width", "80")
    assert all(doc in out for doc in ("000_b85290705725b330", "001_a131a3f05ff0976b", "002_e6b05a2ad52912ea",
                                      "003_f264a064ad147425", "004_4e4b5e608c2897a8"))
    assert "ALB, HRV," in out and "SRB, XKX" in out  # the longest code list wraps between codes


def test_quote_on_a_terminal_is_blocks_whose_text_takes_the_width(tmp_path):
    out, _ = run(tmp_path, "quote", "innovation", "--width", "120", "--no-pager", terminal=True, no_color=True)
    assert "┃" not in out and "│" not in out  # no table
    text_lines = [line for line in out.splitlines() if line.startswith("  “")]
    assert text_lines and all(len(line.rstrip()) > 100 for line in text_lines)
    assert "— Mehmet Fatih Kacır (Industry and Technology Minister, TUR)" in out


def test_a_long_view_goes_through_the_pager_on_a_terminal(tmp_path):
    out, env = run(tmp_path, "pair", "Serbia", "Hungary", terminal=True, lines=20)
    assert out == "" and len(env.paged) == 1 and "Serbia" in env.paged[0]
    out, env = run(tmp_path, "pair", "Serbia", "Hungary", "--no-pager", terminal=True, lines=20)
    assert env.paged == [] and "Serbia" in out
    out, env = run(tmp_path, "list", "--corpus", str(SEEDS), "--limit", "1", terminal=True, lines=200)
    assert env.paged == [] and "000_b85290705725b330" in out  # fits the screen: printed
    out, env = run(tmp_path, "pair", "Serbia", "Hungary", "-f", "table")
    assert env.paged == [] and "Serbia" in out  # never paged in a pipe


@pytest.mark.parametrize("command", list(cli.EXAMPLES))
def test_help_of_every_command_shows_real_examples(command, tmp_path):
    help_env = Environment(stdout=io.StringIO(), stderr=io.StringIO(), cache=tmp_path / "cache", columns=120)
    assert cli.program([command, "--help"], help_env) == ExitStatus.OK
    shown = help_env.stdout.getvalue()
    examples = cli.EXAMPLES[command]
    assert 2 <= len(examples) <= 3 and all(f"$ {line}" in shown for line in examples)
    for line in examples:
        words = shlex.split(line.split("|")[0].split(">")[0].replace("~/news", str(SEEDS)))
        assert words[0] == "bilat"
        env = Environment(stdout=io.StringIO(), stderr=io.StringIO(), cache=tmp_path / "cache")
        assert cli.program(words[1:], env) == ExitStatus.OK, (line, env.stderr.getvalue())
        assert env.stdout.getvalue().strip(), line
