"""The `bilat` command's entry point.

Every command and every TAB starts bilat once, and loading the command-line app (typer, click) costs about
0.05 s, as much as the rest of a query. A TAB on a country in bash, the most frequent one (`bilat pair
tur<TAB>`, `--country uni<TAB>`), is answered here from the small country key table before the app loads, and
so are a TAB on the command's name, a `show` id and a `quote --speaker` name on the default corpus. A command
line that fastpath.py fully understands runs from the app's table without the app; anything else goes to the
app as usual. `python -m bilat.launch` builds both tables from the app.
"""
from __future__ import annotations

import sys

from bilat.environment import Environment

COUNTRY_OPTIONS = ("--country", "-c")
# The app's commands in the order it lists them, with the short help zsh and fish show beside them
# (tests/test_launch.py holds this to the app).
COMMAND_HELP = (
    ("list", "The articles, and what each covers."),
    ("timeline", "What happened, in order: engagements by..."),
    ("pair", "Everything about one relationship:..."),
    ("quote", "Who said what, where and when."),
    ("countries", "Each country: its documents, its..."),
    ("people", "Each person named: canonical name,..."),
    ("show", "One article as read (its text with what..."),
    ("index", "Refresh the index now and report what..."),
    ("extract", "One JSONL extraction per document on..."),
)
COMMANDS = tuple(name for name, _ in COMMAND_HELP)


def _country_position(words: list[str], cword: int) -> str | None:
    """What was typed, where the word being completed is surely a country; else None (the app decides)."""
    if not 0 < cword <= len(words):
        return None
    before, typed = words[1:cword], (words[cword] if cword < len(words) else "")
    if typed.startswith("-"):
        return None
    if before and before[-1] in COUNTRY_OPTIONS:
        return typed
    # `bilat pair A B`: the two positions, while no option stands between them
    if before[:1] == ["pair"] and len(before) <= 2 and not any(w.startswith("-") for w in before):
        return typed
    return None


def fast_completion(env: Environment) -> list[str] | None:
    """What a bash TAB is offered, where it is answered here; None where the app must answer."""
    if env.completing != "complete_bash" or env.completion_word is None:
        return None
    import shlex  # a TAB only: a command does not split a line

    try:
        words = shlex.split(env.completion_words)
    except ValueError:
        return None
    if env.completion_words.endswith(" "):
        words.append("")  # a TAB after a space completes an empty word
    items = _items(words, env.completion_word, "bash")
    return None if items is None else [value for value, _ in items]


def _items(words: list[str], cword: int, shell: str) -> list[tuple[str, str]] | None:
    """(value, help as the shell shows it) for the word being completed, in every shell alike; None for the app."""
    if cword == 1:
        typed = words[1] if len(words) > 1 else ""
        if typed.startswith("-"):
            return None
        return [(n, _zsh_escape(h) if shell == "zsh" else h) for n, h in COMMAND_HELP if n.startswith(typed)]
    options = _option_items(words, cword, shell)
    if options is not None:
        return options
    typed = _country_position(words, cword)
    if typed is not None:
        from bilat.completion import countries

        values = countries(typed)
    else:
        values = _type_position(words, cword) or _index_position(words, cword)
    return None if values is None else [(v, "") for v in values]


def _type_position(words: list[str], cword: int) -> list[str] | None:
    """`--type <TAB>`: the kinds of engagement starting with what was typed."""
    if not 1 < cword < len(words) or words[cword - 1] not in ("--type", "-t") or words[1] not in COMMANDS:
        return None
    from bilat.eventtypes import EVENT_TYPES

    return [t for t in EVENT_TYPES if t.startswith(words[cword].lower())] or None


OPTIONS_TABLE = "data/completion_options.json"


def option_table() -> dict[str, list[dict]]:
    """Each command's options as the app declares them (names, repeatable, hidden, help as zsh and fish show it):
    what `_option_items` reads.
    Built from the app by `python -m bilat.launch`; tests/test_launch.py fails when the stored table is stale."""
    import re

    import typer
    import typer.main
    from typer._completion_classes import _sanitize_help_text  # what the app's zsh and fish replies show

    from bilat.cli import app

    def shown(help_text: str | None) -> dict[str, str]:
        if not help_text:
            return {"zsh_help": "", "fish_help": ""}
        return {"zsh_help": _sanitize_help_text(_zsh_escape(help_text)),
                "fish_help": _sanitize_help_text(re.sub(r"\s", " ", help_text))}

    group = typer.main.get_command(app)
    ctx = typer.Context(group, **(group.context_settings or {}))
    table = {}
    for name in COMMANDS:
        command = group.get_command(ctx, name)
        params = command.get_params(typer.Context(command, info_name=name, parent=ctx))
        # the help option's names come from a set: sorted here, as their order on a TAB is arbitrary anyway
        table[name] = [{"names": sorted([*p.opts, *p.secondary_opts]) if p.name == "help" else [*p.opts, *p.secondary_opts],
                        "multiple": bool(p.multiple), "hidden": bool(p.hidden), **shown(p.help)}
                       for p in params if p.param_type_name == "option"]
    return table


def _zsh_escape(v: str) -> str:
    return v.replace('"', '""').replace("'", "''").replace("$", "\\$").replace("`", "\\`").replace(":", r"\\:")


def _option_items(words: list[str], cword: int, shell: str) -> list[tuple[str, str]] | None:
    """`bilat list --c<TAB>`: the command's options starting with what was typed, leaving out those already given
    that cannot repeat, as click does; None where the app must answer ("--", "--opt=", no known command)."""
    if not 1 < cword < len(words) or words[1] not in COMMANDS:
        return None
    typed, before = words[cword], words[2:cword]
    if not typed.startswith("-") or "=" in typed or "--" in before:
        return None
    import json
    from importlib import resources

    table = json.loads(resources.files("bilat").joinpath(OPTIONS_TABLE).read_text(encoding="utf-8"))
    given = {w.split("=", 1)[0] for w in before if w.startswith("-")}
    out: list[tuple[str, str]] = []
    for option in table[words[1]]:
        if option["hidden"] or (not option["multiple"] and given & set(option["names"])):
            continue
        out += [(n, option.get(f"{shell}_help", "")) for n in option["names"] if n.startswith(typed)]
    return out


def _index_position(words: list[str], cword: int) -> list[str] | None:
    """`bilat show <TAB>` and `--speaker <TAB>` on the default corpus: ids and speakers from its index, read only.
    With --corpus on the line the app reads it; without an index yet the app says so."""
    if not 0 < cword < len(words) or any(w == "--corpus" or w.startswith("--corpus=") for w in words):
        return None
    before, typed = words[1:cword], words[cword]
    from bilat import completion

    if before == ["show"] and not typed.startswith("-"):
        return completion.ids({}, typed)
    if before[-1:] == ["--speaker"] and before[:1] == ["quote"]:
        return completion.speakers({}, typed)
    return None


def _typed_line(env: Environment) -> tuple[list[str], int] | None:
    """zsh and fish pass the line as one string: the words and which one is being completed, as the app reads it."""
    import shlex

    try:
        args = shlex.split(env.completion_args or "")[1:]
    except ValueError:
        return None
    if args and not (env.completion_args or "").endswith(" "):
        return ["bilat"] + args, len(args)
    return ["bilat"] + args + [""], len(args) + 1


def other_shell_reply(env: Environment) -> tuple[str, int] | None:
    """What zsh or fish is told (and the exit status) where the TAB is answered here, or None for the app."""
    if env.completing not in ("complete_zsh", "complete_fish") or env.completion_args is None:
        return None
    line = _typed_line(env)
    items = _items(*line, "zsh" if env.completing == "complete_zsh" else "fish") if line else None
    return None if items is None else _reply(env, items)


def _reply(env: Environment, items: list[tuple[str, str]]) -> tuple[str, int]:
    """The app's reply to zsh or fish for these (value, help as shown) items, as typer formats it."""
    if env.completing == "complete_zsh":
        lines = [f'"{_zsh_escape(v)}":"{h}"' if h else f'"{_zsh_escape(v)}"' for v, h in items]
        return (("_arguments '*: :((" + "\n".join(lines) + "))'") if lines else "_files") + "\n", 0
    if env.completion_action == "is-args":
        return "", 0 if items else 1
    lines = [f"{v}\t{h}" if h else v for v, h in items]
    return ("\n".join(lines) + "\n" if lines and env.completion_action == "get-args" else "\n"), 0


def main() -> None:
    env = Environment.from_os()
    offered = fast_completion(env)
    if offered is not None:
        sys.stdout.write("\n".join(offered) + "\n")  # as the app: one line each, and an empty line for none
        sys.exit(0)
    reply = other_shell_reply(env)
    if reply is not None:
        sys.stdout.write(reply[0])
        sys.exit(reply[1])
    if env.completing is None:  # a command, not a TAB: run without typer where its table covers the line
        from bilat import commands, fastpath

        commands.quiet_in_pipes()
        status = fastpath.program(sys.argv[1:], env)
        if status is not None:
            sys.exit(status)
    from bilat.cli import main as program_main

    program_main()


if __name__ == "__main__":  # the tables built from the app: regenerate after changing any option or command
    import json
    from pathlib import Path

    from bilat import fastpath

    for target, built in ((Path(__file__).parent / OPTIONS_TABLE, option_table()), (Path(fastpath.TABLE), fastpath.build_table())):
        target.write_text(json.dumps(built, indent=1) + "\n", encoding="utf-8")
        print(f"wrote {target}")
