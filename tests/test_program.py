"""The CLI core: program(args, env) with an Environment built by the test, named exit statuses, shared
options declared once, dates through userdates, global --rules and --debug."""
import io
import json
import re
from pathlib import Path

import pytest

from bilat import cli, commands, index
from bilat.environment import Environment
from bilat.status import ExitStatus

SRC = Path(__file__).resolve().parents[1] / "src" / "bilat"


class Terminal(io.StringIO):
    def isatty(self):
        return True


def make_env(tmp_path, **fields):
    fields.setdefault("cache", tmp_path / "env-cache")
    return Environment(stdout=io.StringIO(), stderr=io.StringIO(), **fields)


def run(env, *args):
    status = cli.program(list(args), env)
    return status, env.stdout.getvalue(), env.stderr.getvalue()


def test_environment_from_a_mapping():
    env = Environment.from_os({"BILAT_CORPUS": "~/news", "BILAT_INDEX": "", "XDG_CACHE_HOME": "/var/cache",
                               "NO_COLOR": "1"}, stdout=io.StringIO(), stderr=io.StringIO())
    assert env.corpus == Path("~/news").expanduser()
    assert env.index is None  # empty counts as unset
    assert env.rules is None
    assert env.cache == Path("/var/cache/bilat")
    assert env.no_color and not env.stdout_isatty and not env.debug
    assert Environment.from_os({}).cache == Path.home() / ".cache" / "bilat"


def test_program_runs_on_the_given_environment_alone(tmp_path, corpus, monkeypatch):
    monkeypatch.setenv("BILAT_CORPUS", str(tmp_path / "not-this-one"))  # the process environment plays no part
    env = make_env(tmp_path, corpus=corpus)
    status, out, err = run(env, "list", "--json")
    assert status is ExitStatus.OK, err
    assert len(json.loads(out)) == 5
    assert [p.name for p in env.cache.glob("*.db")] == [commands._index_location(env, corpus).name]


def test_bilat_index_from_the_environment_is_where_the_index_goes(tmp_path, corpus):
    target = tmp_path / "mine.db"
    status, out, _ = run(make_env(tmp_path, corpus=corpus, index=target), "index", "--json")
    assert status is ExitStatus.OK and target.exists()
    assert json.loads(out)["index"] == str(target)


def test_index_location_agrees_with_the_index_module(tmp_path, corpus, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    env = Environment.from_os()
    assert commands._index_location(env, corpus) == index.default_location(corpus, tmp_path / "xdg" / "bilat")
    assert commands._index_kwargs(env, corpus) == {"location": commands._index_location(env, corpus), "rules_file": None, "cached": True}


def test_auto_format_follows_the_environments_stdout(tmp_path, corpus):
    env = Environment(stdout=Terminal(), stderr=io.StringIO(), cache=tmp_path / "c", corpus=corpus, no_color=True)
    status, out, _ = run(env, "list")
    assert status is ExitStatus.OK
    assert "\t" not in out and "─" in out  # drawn as a table, not tab-separated


@pytest.mark.parametrize("option, value, says", [
    ("--since", "2025-13", "names no month"),
    ("--until", "10", "cannot read '10'"),
    ("--since", "March", "needs a year"),
    ("--until", "foo", "cannot read 'foo'"),
])
def test_dates_that_name_nothing_are_usage_errors_with_an_example(tmp_path, corpus, option, value, says):
    status, out, err = run(make_env(tmp_path, corpus=corpus), "timeline", option, value)
    assert status is ExitStatus.USAGE and out == ""
    assert err.count("\n") == 1 and err.startswith(f"bilat: {option}: ") and says in err
    assert re.search(r"2025-04|March 20\d\d", err)


def test_since_after_until_is_a_usage_error(tmp_path, corpus):
    status, _, err = run(make_env(tmp_path, corpus=corpus), "list", "--since", "2025", "--until", "2024")
    assert status is ExitStatus.USAGE and "--since 2025 starts after --until 2024" in err


def test_a_month_or_quarter_is_the_whole_of_it(tmp_path, corpus):
    env = make_env(tmp_path, corpus=corpus)
    _, out, _ = run(env, "timeline", "--since", "April 2025", "--until", "Apr 2025", "--json")
    assert {e["date"] for e in json.loads(out)} == {"2025-04-01"}
    env = make_env(tmp_path, corpus=corpus)
    _, out, _ = run(env, "timeline", "--since", "2025-Q1", "--until", "2025-Q1", "--json")
    assert {e["date"] for e in json.loads(out)} == {"2025-02-03"}


def test_a_missing_rules_file_is_a_usage_error(tmp_path, corpus):
    status, _, err = run(make_env(tmp_path, corpus=corpus), "--rules", str(tmp_path / "none.toml"), "list")
    assert status is ExitStatus.USAGE
    assert err == f"bilat: rules file not found: {tmp_path / 'none.toml'}\n"
    status, _, err = run(make_env(tmp_path, corpus=corpus, rules=tmp_path / "gone.toml"), "list")
    assert status is ExitStatus.USAGE and err.strip().endswith("(from $BILAT_RULES)")
    status, _, err = run(make_env(tmp_path, corpus=corpus), "--rules", str(tmp_path), "list")
    assert status is ExitStatus.USAGE and "is a folder" in err


def test_rules_and_debug_are_carried_to_the_command(tmp_path, corpus, monkeypatch):
    rules = tmp_path / "mine.toml"
    rules.write_text("", encoding="utf-8")
    seen = {}
    real = commands._index_kwargs
    monkeypatch.setattr(commands, "_index_kwargs", lambda env, folder, opts=None: seen.update(env=env) or real(env, folder, opts))
    status, _, err = run(make_env(tmp_path, corpus=corpus, rules=tmp_path / "overridden.toml"),
                         "--rules", str(rules), "--debug", "list")
    assert status is ExitStatus.OK, err
    assert seen["env"].rules == rules and seen["env"].debug


def test_an_internal_error_is_one_line_and_debug_shows_the_trace(tmp_path, corpus, monkeypatch):
    def broken(*_):
        raise RuntimeError("boom\nsecond line")

    monkeypatch.setattr("bilat.views.documents", broken)
    status, _, err = run(make_env(tmp_path, corpus=corpus), "list")
    assert status is ExitStatus.ERROR
    assert err == "bilat: internal error: RuntimeError: boom second line (run with --debug for the trace)\n"
    status, _, err = run(make_env(tmp_path, corpus=corpus), "--debug", "list")
    assert status is ExitStatus.ERROR
    assert err.startswith("Traceback") and "RuntimeError: boom" in err


def test_usage_errors_and_interrupts_end_with_their_status(tmp_path, corpus, monkeypatch):
    status, _, err = run(make_env(tmp_path, corpus=corpus), "list", "--bogus")
    assert status is ExitStatus.USAGE and err.count("\n") == 1 and "--help" in err

    def interrupted(*_):
        raise KeyboardInterrupt

    monkeypatch.setattr("bilat.views.documents", interrupted)
    status, _, err = run(make_env(tmp_path, corpus=corpus), "list")
    assert status is ExitStatus.INTERRUPTED and err.strip().endswith("bilat: interrupted")


def test_a_missing_corpus_folder_is_a_usage_error(tmp_path):
    status, _, err = run(make_env(tmp_path, corpus=tmp_path / "nope"), "list")
    assert status is ExitStatus.USAGE and err == f"bilat: corpus folder not found: {tmp_path / 'nope'}\n"


def _options(command_name):
    import typer.main

    command = typer.main.get_command(cli.app).commands[command_name]
    return {opt: p.help for p in command.params for opt in getattr(p, "opts", []) if opt.startswith("--")}


def test_shared_options_are_declared_once_and_read_alike_everywhere():
    every = {"--corpus", "--include", "--exclude", "--country", "--since", "--until", "--type", "--search", "--limit",
             "--format", "--json", "--jsonl", "--csv", "--tsv"}
    assert every <= set(_options("list")) and every <= set(_options("timeline"))
    assert set(_options("pair")) >= {"--corpus", "--since", "--until", "--type", "--json"}
    assert not {"--country", "--search"} & set(_options("pair")) and {"--limit", "--sort"} <= set(_options("pair"))
    assert not {"--type", "--search"} & set(_options("quote")) and "--speaker" in _options("quote")
    assert set(_options("index")) == {"--corpus", "--include", "--exclude", "--rebuild", "--format", "--json", "--jsonl", "--csv", "--tsv",
                                      "--color", "--width", "--pager", "--jobs", "--from-extractions", "--json-fields", "--no-header",
                                      "--jq"}
    helps = [_options(c) for c in ("list", "timeline", "pair", "quote", "index")]
    for option in every:
        assert len({h[option] for h in helps if option in h}) == 1
    source = "".join((SRC / name).read_text(encoding="utf-8") for name in ("cli.py", "commands.py"))  # --json: JSON_FLAG
    assert all(source.count(f'"{option}"') == 1 for option in every)


def test_no_date_parsing_in_the_cli():
    source = (SRC / "cli.py").read_text(encoding="utf-8")
    assert "dateutil" not in source and "\\d{4}" not in source


def test_environment_variables_are_read_in_one_place():
    readers = {p.relative_to(SRC).as_posix() for p in SRC.rglob("*.py")
               if re.search(r"os\.environ|getenv\(", p.read_text(encoding="utf-8"))}
    assert readers == {"environment.py"}


REHEARSAL = "NAIROBI, March 4, 2025 - Kenya and Tanzania staged a search-and-rescue rehearsal off Mombasa on Tuesday.\n"
REHEARSAL_RULE = '[[event]]\ntype = "exercise"\ntriggers = ["rehearsals?"]\n'


def test_a_users_rule_file_makes_a_new_trigger_count_and_its_change_re_reads(tmp_path):
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "rehearsal.txt").write_text(REHEARSAL, encoding="utf-8")
    status, out, _ = run(make_env(tmp_path, corpus=folder), "timeline", "--json")
    assert status is ExitStatus.OK and json.loads(out) == []
    rules = tmp_path / "mine.toml"
    rules.write_text(REHEARSAL_RULE, encoding="utf-8")
    for env in (make_env(tmp_path, corpus=folder), make_env(tmp_path, corpus=folder, rules=rules)):
        args = ("--rules", str(rules), "timeline", "--json") if env.rules is None else ("timeline", "--json")
        status, out, _ = run(env, *args)
        assert status is ExitStatus.OK
        assert [(e["type"], e["countries"], e["date"]) for e in json.loads(out)] == [("exercise", ["KEN", "TZA"], "2025-03-04")]
    status, out, _ = run(make_env(tmp_path, corpus=folder), "timeline", "--json")  # without the rules: re-read again
    assert json.loads(out) == []


def test_a_malformed_rule_file_is_one_line_naming_file_and_line_and_exit_2(tmp_path, corpus):
    rules = tmp_path / "mine.toml"
    rules.write_text('[sets]\nrole_heads = "quartermaster"\n', encoding="utf-8")
    status, out, err = run(make_env(tmp_path, corpus=corpus), "--rules", str(rules), "list")
    assert status is ExitStatus.USAGE and out == ""
    assert err.count("\n") == 1 and str(rules) in err and "line 2" in err
    status, _, err = run(make_env(tmp_path, corpus=corpus, rules=rules), "list")
    assert status is ExitStatus.USAGE and "(from $BILAT_RULES)" in err


def test_include_exclude_and_an_empty_corpus_say_what_was_read(tmp_path):
    folder = tmp_path / "news"
    (folder / "2024").mkdir(parents=True)
    (folder / "2024" / "rehearsal.txt").write_text(REHEARSAL, encoding="utf-8")
    (folder / "notes.txt").write_text("SEOUL, May 2, 2025 - South Korea and Poland signed a tank deal on Friday.", encoding="utf-8")
    (folder / "README.md").write_text("# my notes", encoding="utf-8")
    status, out, _ = run(make_env(tmp_path, corpus=folder), "list", "--json", "--include", "2024/*")
    assert [d["id"] for d in json.loads(out)] == ["2024/rehearsal"]
    status, out, _ = run(make_env(tmp_path, corpus=folder), "list", "--json", "--exclude", "2024/")
    assert [d["id"] for d in json.loads(out)] == ["notes"]
    empty = tmp_path / "empty"
    empty.mkdir()
    (empty / "README.md").write_text("# nothing here", encoding="utf-8")
    status, out, err = run(make_env(tmp_path, corpus=empty), "list", "--json")
    assert status is ExitStatus.OK and json.loads(out) == [] and err.startswith(f"bilat: no articles in {empty}")
    (empty / "bad.txt").write_bytes(b"\x00\x01 binary \x00" * 20)
    status, out, err = run(make_env(tmp_path, corpus=empty), "list", "--json")
    assert "bad.txt" in err and f"none of the 1 files in {empty} could be read" in err


def test_an_extraction_bug_is_one_line_naming_the_stage_and_debug_shows_its_trace(tmp_path, monkeypatch):
    import bilat.extract

    def broken(doc):
        raise bilat.extract.ExtractionError("events", KeyError("trigger"))

    monkeypatch.setattr(bilat.extract, "extract", broken)
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "rehearsal.txt").write_text(REHEARSAL, encoding="utf-8")
    status, _, err = run(make_env(tmp_path, corpus=folder), "list", "--json")
    assert status is ExitStatus.OK
    assert "rehearsal.txt: events: KeyError: 'trigger'" in err and "Traceback" not in err
    (folder / "rehearsal.txt").write_text(REHEARSAL + "\n", encoding="utf-8")  # changed: read (and reported) again
    status, _, err = run(make_env(tmp_path, corpus=folder, debug=True), "list", "--json")
    assert "Traceback" in err
