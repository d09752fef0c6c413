"""A TAB on a country or a command name is answered before the app loads, and says what the app would say."""
import os
import subprocess
import sys

import pytest

from bilat import launch
from bilat.environment import Environment


def complete(words: str, cword: int, entry: str) -> str:
    env = dict(os.environ, COMP_WORDS=words, COMP_CWORD=str(cword), _BILAT_COMPLETE="complete_bash")
    return subprocess.run([sys.executable, "-c", entry], env=env, capture_output=True, text=True, timeout=60).stdout


@pytest.mark.parametrize(("words", "cword"), [
    ("bilat list --c", 2), ("bilat list --json --j", 3), ("bilat pair Turkiye Hungary --s", 4), ("bilat index --", 2),
    ("bilat list --since 2024 --s", 4), ("bilat list --country TR --c", 4), ("bilat quote --sp", 2), ("bilat pair -c", 2),
    ("bilat pair xyzzy", 2), ("bilat pair tur", 2), ("bilat timeline --type ", 3), ("bilat list -t ex", 3), ("bilat pair Turkiye hun", 3), ("bilat pair ", 2), ("bilat list --country uni", 3),
    ("bilat timeline -c TR", 3), ("bilat pa", 1), ("bilat ", 1), ("bilat pair 'United\\ K", 2),
])
def test_the_fast_answer_is_the_apps(words, cword):
    fast = complete(words, cword, "from bilat.launch import main; main()")
    app = complete(words, cword, "from bilat.cli import main; main()")
    assert sorted(fast.splitlines()) == sorted(app.splitlines()) and fast.endswith("\n")  # the help option's two names come in either order


def test_the_stored_option_table_is_the_apps():
    import json
    from importlib import resources

    stored = json.loads(resources.files("bilat").joinpath(launch.OPTIONS_TABLE).read_text(encoding="utf-8"))
    assert stored == launch.option_table(), "run: python -m bilat.launch"


def test_ids_and_speakers_are_the_apps_too():
    subprocess.run([sys.executable, "-m", "bilat", "list", "--json"], capture_output=True, timeout=300)  # the seeds' index
    for words, cword in (("bilat show 00", 2), ("bilat show ", 2), ("bilat quote --speaker ", 3), ("bilat quote --speaker k", 3)):
        fast = complete(words, cword, "from bilat.launch import main; main()")
        assert fast == complete(words, cword, "from bilat.cli import main; main()"), words
    assert complete("bilat show 00", 2, "from bilat.launch import main; main()").strip()


@pytest.mark.parametrize(("words", "cword"), [
    ("bilat pair --corpus ", 3), ("bilat show --corpus x 00", 4), ("bilat quote --corpus x --speaker ", 5), ("bilat list --since=", 2),
    ("bilat list -- --c", 3), ("bilat --v", 1),
    ("bilat pair A B ", 4), ("bilat pair --since 2024 tur", 4),
])
def test_anything_else_is_the_apps_to_answer(words, cword):
    env = {"_BILAT_COMPLETE": "complete_bash", "COMP_WORDS": words, "COMP_CWORD": str(cword)}
    assert launch.fast_completion(Environment.from_os(env)) is None


def test_no_completion_asked_goes_to_the_app():
    assert launch.fast_completion(Environment.from_os({})) is None
    zsh = {"_BILAT_COMPLETE": "complete_zsh", "COMP_WORDS": "bilat pair tur", "COMP_CWORD": "2"}
    assert launch.fast_completion(Environment.from_os(zsh)) is None


def test_the_command_names_are_the_apps():
    from bilat.cli import app

    assert list(launch.COMMANDS) == [c.name for c in app.registered_commands]


def test_a_tab_on_a_country_loads_neither_typer_nor_click():
    env = dict(os.environ, COMP_WORDS="bilat pair tur", COMP_CWORD="2", _BILAT_COMPLETE="complete_bash")
    code = "import sys; from bilat.launch import main\ntry:\n    main()\nexcept SystemExit:\n    pass\nprint(sorted(m for m in ('typer', 'click', 'rich') if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=60).stdout
    assert out.strip().endswith("[]")


def reply(line: str, shell: str, action: str, entry: str) -> tuple[str, int]:
    env = dict(os.environ, _TYPER_COMPLETE_ARGS=line, _BILAT_COMPLETE=f"complete_{shell}", _TYPER_COMPLETE_FISH_ACTION=action)
    done = subprocess.run([sys.executable, "-c", entry], env=env, capture_output=True, text=True, timeout=60)
    return done.stdout, done.returncode


@pytest.mark.parametrize(("shell", "action"), [("zsh", ""), ("fish", "get-args"), ("fish", "is-args")])
@pytest.mark.parametrize("line", ["bilat timeline --type ", "bilat list --c", "bilat list -", "bilat list --json --j", "bilat index --", "bilat ", "bilat pa", "bilat pair tur", "bilat pair Turkiye hun", "bilat pair ", "bilat list --country uni",
                                  "bilat show 00", "bilat quote --speaker ", "bilat pair xyzzy", "bilat pair 'United K"])
def test_zsh_and_fish_are_told_what_the_app_would_tell_them(shell, action, line):
    subprocess.run([sys.executable, "-m", "bilat", "list", "--json"], capture_output=True, timeout=300)  # the seeds' index
    fast = reply(line, shell, action, "from bilat.launch import main; main()")
    assert normalised(fast) == normalised(reply(line, shell, action, "from bilat.cli import main; main()"))


def normalised(answer: tuple[str, int]) -> tuple[list[str], int]:
    """A reply as lines in order, but for the help option's two names, which the app gives in either order."""
    text = answer[0].replace("_arguments '*: :((", "").replace("))'", "")
    return sorted(text.splitlines()), answer[1]


def test_zsh_and_fish_leave_the_rest_to_the_app():
    for line in ("bilat -", "bilat pair --corpus x tur", "bilat list --since="):
        env = Environment.from_os({"_BILAT_COMPLETE": "complete_zsh", "_TYPER_COMPLETE_ARGS": line})
        assert launch.other_shell_reply(env) is None
