"""A command line run without loading typer, read by the app's own table of options: or left to the app.

Loading typer (and its click) costs about 0.05 s on every run, as much as the rest of a query. Most command
lines are plain (`bilat pair Turkiye Hungary --json`, `bilat list -c RS --since 2025`), and for those this
module finds the same values the app would hand its command, from `data/command_table.json`: each command's
options and arguments as the app declares them (names, flag or value, repeatable, type, default), built from
the app by `python -m bilat.launch` (tests/test_fastpath.py fails when it is stale). Then it runs the very
code the app runs (commands.py). This is not a second parser with rules of its own: it reads the app's table
and understands only a plain subset, and anything else goes to the app, which says what the user sees:
`--help` and `-h`, `--`, global options before the command (but a lone `--version`), an unknown or
abbreviated name, an option given twice that cannot repeat, a value of a type it does not know or that the
app would refuse, a missing or extra argument, short options run together (`-cRS`). tests/test_fastpath.py
holds its values and its output (stdout, stderr, exit status) to the app's for a broad table of command lines.
"""
from __future__ import annotations

import contextlib
import json
import os
import sys

from bilat import commands
from bilat.environment import Environment
from bilat.status import ExitStatus

TABLE = os.path.join(os.path.dirname(__file__), "data", "command_table.json")  # beside this module: no importlib


def table() -> dict:
    with open(TABLE, encoding="utf-8") as f:
        return json.load(f)


class _Refused(Exception):
    """The command line is not one this module fully understands: the app takes it."""


def parse(args: list[str], spec: dict) -> tuple[str, dict, dict]:
    """(command, shared option values, the command's own values), as the app would hand them to commands.run.
    Raises _Refused for anything left to the app."""
    if not args or spec["commands"].get(args[0]) is None:
        raise _Refused  # a global option first, no command, an unknown one, or a command the table leaves to the app
    name, words = args[0], args[1:]
    command = spec["commands"][name]
    if any(w in command["help"] or w == "--" for w in words):
        raise _Refused
    by_name = {n: option for option in command["options"] for n in (*option["names"], *option["off"])}
    given: dict[str, object] = {}
    positional: list[str] = []
    rest = list(words)
    while rest:
        word = rest.pop(0)
        if not word.startswith("-") or word == "-":
            positional.append(word)
            continue
        key, attached = (word.split("=", 1) if word.startswith("--") and "=" in word else (word, None))
        option = by_name.get(key)
        if option is None:
            raise _Refused  # unknown, abbreviated, or short options run together
        if option["flag"]:
            if attached is not None:
                raise _Refused
            value: object = key in option["names"]  # --pager True, --no-pager False
        else:
            if attached is None:
                if not rest:
                    raise _Refused
                attached = rest.pop(0)  # as click: the next word, even one starting with '-'
            value = _converted(attached, option["type"])
        if option["multiple"]:
            given.setdefault(option["name"], []).append(value)  # type: ignore[union-attr]
        elif option["name"] in given:
            raise _Refused
        else:
            given[option["name"]] = value
    for argument in command["arguments"]:
        if argument["nargs"] == -1:
            taken, positional = positional, []
            given[argument["name"]] = [_converted(w, argument["type"]) for w in taken] or None
        elif positional:
            given[argument["name"]] = _converted(positional.pop(0), argument["type"])
        elif argument["required"]:
            raise _Refused
        else:
            given[argument["name"]] = None
    if positional:
        raise _Refused  # extra arguments
    shared, own = {}, {}
    for param in command["options"] + command["arguments"]:
        value = given.get(param["name"], param["default"])
        (shared if param["shared"] else own)[param["name"]] = value
    return name, shared, own


def _converted(word: str, kind: dict) -> object:
    """A value as the app's type converts it; _Refused where the app would refuse it or does more than this."""
    if kind["kind"] == "text":
        return word
    if kind["kind"] == "int":
        if not (word.isascii() and word.isdigit()):
            raise _Refused  # int() takes '+5', ' 5', '5_0' too: left to the app
        number = int(word)
        low, high = kind["min"], kind["max"]
        if (low is not None and (number <= low if kind["min_open"] else number < low)) or \
                (high is not None and (number >= high if kind["max_open"] else number > high)):
            raise _Refused
        return number
    if kind["kind"] == "path":
        return _path(word, kind)
    raise _Refused


def _path(word: str, kind: dict) -> object:
    """A path as typer's Path type checks it (a path that need not exist; the checks that apply when it does)."""
    from pathlib import Path

    if not (kind["allow_dash"] and kind["file_okay"] and word == "-"):
        try:
            st = os.stat(word)
        except OSError:
            return Path(word)
        except ValueError:  # a NUL in the name
            raise _Refused from None
        import stat

        if (not kind["file_okay"] and stat.S_ISREG(st.st_mode)) or (not kind["dir_okay"] and stat.S_ISDIR(st.st_mode)) \
                or (kind["readable"] and not os.access(word, os.R_OK)) or (kind["writable"] and not os.access(word, os.W_OK)):
            raise _Refused
    return Path(word)


def program(args: list[str], env: Environment) -> ExitStatus | None:
    """Run a command line the table fully covers, as cli.program would; None (nothing done) for the app to run."""
    if env.completing:
        return None
    spec = table()
    if len(args) == 1 and args[0] in spec["version"]:
        with contextlib.redirect_stdout(env.stdout), contextlib.redirect_stderr(env.stderr):
            commands.version()
        return ExitStatus.OK
    try:
        name, shared, own = parse(commands.json_with_fields(args, list(spec["commands"])), spec)
    except _Refused:
        return None
    with contextlib.redirect_stdout(env.stdout), contextlib.redirect_stderr(env.stderr):
        try:
            env = env.with_options(rules=None, debug=False)  # as the app's root, given no global option
            status = commands.guarded(env, lambda: commands.check_rules(env, given=False))
            if status is None:
                opts = commands.shared(shared)
                status = commands.guarded(env, lambda: commands.run(name, env, opts, own))
        except KeyboardInterrupt:
            return commands.interrupted()
        except BrokenPipeError:  # the reader went away (where SIGPIPE does not end the process): quietly, as the app
            _quiet_stdout()
            return ExitStatus.ERROR
        except Exception as e:  # noqa: BLE001 - what guarded leaves to the parser: a usage error raised by a query
            if commands.is_usage_error(e):
                return commands.usage_error(e)
            commands.report_internal_error(e, env.debug)
            return ExitStatus.ERROR
    return ExitStatus.OK if status is None else status


def _quiet_stdout() -> None:
    """What is still buffered for a closed pipe is dropped at exit instead of raising again (Python's own recipe)."""
    try:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):  # not a real descriptor (tests)
        pass


def build_table() -> dict:
    """The app's commands and options, as `parse` reads them; a command with a parameter it cannot read is None."""
    import typer
    import typer.main

    from bilat import cli

    group = typer.main.get_command(cli.app)
    ctx = typer.Context(group, **(group.context_settings or {}))
    # the root's --version, when it is the option that says the version and exits (typer wraps its callback)
    version = [p for p in group.params if getattr(p.callback, "__wrapped__", None) is cli._version and p.is_eager]
    out: dict = {"version": [*version[0].opts] if version else [], "commands": {}}
    for name in group.list_commands(ctx):
        command = group.get_command(ctx, name)
        params = command.get_params(typer.Context(command, info_name=name, parent=ctx))
        try:
            out["commands"][name] = _command_spec(command, params, cli)
        except ValueError:
            out["commands"][name] = None
    return out


def _command_spec(command, params, cli) -> dict:
    if command.no_args_is_help or not command.allow_interspersed_args or command.ignore_unknown_options or \
            command.allow_extra_args or command.context_settings:
        raise ValueError("a command parsed in a way the table does not say")
    spec: dict = {"help": [], "options": [], "arguments": []}
    for p in params:
        if p.name == "help":
            spec["help"] = sorted([*p.opts, *p.secondary_opts])
            continue
        if p.callback is not None or p.envvar or getattr(p, "prompt", None) or getattr(p, "count", False) or p.is_eager \
                or not p.expose_value or p.required and p.param_type_name == "option":
            raise ValueError(f"{p.name}: more than a value")
        entry = {"name": p.name, "shared": p.name in cli.SHARED_OPTIONS, "type": _type(p), "default": p.default}
        if p.default is not None and not isinstance(p.default, (str, int, bool)):
            raise ValueError(f"{p.name}: a default the table cannot hold")
        if p.param_type_name == "option":
            flag = bool(p.is_flag)
            if p.nargs != 1 or (flag and p.type.name != "boolean") or (p.multiple and (flag or p.default is not None)):
                raise ValueError(f"{p.name}: an option of another shape")
            entry.update(names=list(p.opts), off=list(p.secondary_opts), flag=flag, multiple=bool(p.multiple))
            spec["options"].append(entry)
        else:
            if p.nargs not in (1, -1) or (p.nargs == -1 and p.default is not None) or \
                    any(a["nargs"] == -1 for a in spec["arguments"]):  # parse gives the words left to the last one only
                raise ValueError(f"{p.name}: an argument of another shape")
            entry.update(nargs=p.nargs, required=bool(p.required))
            spec["arguments"].append(entry)
    return spec


def _type(p) -> dict:
    """A parameter's type as `_converted` reads it; ValueError for one it does not know."""
    t = p.type
    kind = type(t).__name__
    if kind == "BoolParamType":
        return {"kind": "flag"}
    if kind == "StringParamType":
        return {"kind": "text"}
    if kind in ("IntParamType", "IntRange"):
        if getattr(t, "clamp", False):
            raise ValueError(f"{p.name}: a clamped range")
        return {"kind": "int", "min": getattr(t, "min", None), "max": getattr(t, "max", None),
                "min_open": getattr(t, "min_open", False), "max_open": getattr(t, "max_open", False)}
    if kind == "TyperPath":
        if t.exists or t.resolve_path or t.type is not None:
            raise ValueError(f"{p.name}: a path the app checks further")
        return {"kind": "path", "file_okay": t.file_okay, "dir_okay": t.dir_okay, "readable": t.readable,
                "writable": t.writable, "allow_dash": t.allow_dash}
    raise ValueError(f"{p.name}: a type the table does not know ({kind})")
