"""Everything bilat takes from outside its command line, read in this one place.

Environment variables, the standard streams and whether they are terminals, and the global options
that change how a whole run behaves (`--rules`, `--debug`). The CLI builds one `Environment` per run
with `Environment.from_os()`; tests build their own and hand it to `cli.program(args, env)`, so no test
has to patch `os.environ` or `sys.stdout`.
"""
from __future__ import annotations

import os
import sys
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path

TYPE_CHECKING = False  # typing.TYPE_CHECKING without loading typing at start-up; type checkers take it as True
if TYPE_CHECKING:
    from typing import TextIO


def _real_stdout() -> TextIO:
    return sys.stdout


def _real_stderr() -> TextIO:
    return sys.stderr


@dataclass(frozen=True)
class Environment:
    corpus: Path | None = None  # $BILAT_CORPUS: the corpus folder when --corpus is not given
    index: Path | None = None  # $BILAT_INDEX: one index file for every corpus, instead of one each in the cache
    rules: Path | None = None  # --rules, else $BILAT_RULES: user rules merged over the built-in ones
    cache: Path = field(default_factory=lambda: Path.home() / ".cache" / "bilat")  # $XDG_CACHE_HOME/bilat
    no_color: bool = False  # $NO_COLOR set and not empty (no-color.org)
    force_color: bool = False  # $FORCE_COLOR set, not empty and not 0: colour even in a pipe
    columns: int | None = None  # $COLUMNS: the width to draw tables at, before the terminal's own
    lines: int | None = None  # $LINES: the screen's height, before the terminal's own
    pager: str | None = None  # $PAGER: what long terminal views go through (else `less -R`)
    refresh_every: float = 0.0  # $BILAT_REFRESH_EVERY: seconds a query trusts the last check of the corpus folder
    debug: bool = False  # --debug: an internal error prints its whole trace
    completing: str | None = None  # $_BILAT_COMPLETE: set by a completion script, a TAB in this shell (complete_bash …)
    completion_words: str = ""  # $COMP_WORDS: the command line being completed, as the shell joined it
    completion_word: int | None = None  # $COMP_CWORD: which of its words is being completed
    completion_args: str | None = None  # $_TYPER_COMPLETE_ARGS: the line being completed, as zsh and fish pass it
    completion_action: str = ""  # $_TYPER_COMPLETE_FISH_ACTION: what fish asks (get-args, is-args)
    stdout: TextIO = field(default_factory=_real_stdout)
    stderr: TextIO = field(default_factory=_real_stderr)

    @classmethod
    def from_os(cls, environ: Mapping[str, str] | None = None, stdout: TextIO | None = None,
                stderr: TextIO | None = None) -> Environment:
        """The environment this process runs in (or the given mapping and streams)."""
        environ = os.environ if environ is None else environ

        def path(name: str) -> Path | None:
            # An empty variable counts as unset, as shells leave `BILAT_CORPUS=` behind.
            return Path(environ[name]).expanduser() if environ.get(name) else None

        return cls(corpus=path("BILAT_CORPUS"), index=path("BILAT_INDEX"), rules=path("BILAT_RULES"),
                   cache=(path("XDG_CACHE_HOME") or Path.home() / ".cache") / "bilat",
                   no_color=bool(environ.get("NO_COLOR")),
                   force_color=environ.get("FORCE_COLOR", "") not in ("", "0"),
                   columns=_number(environ.get("COLUMNS")), lines=_number(environ.get("LINES")),
                   pager=environ.get("PAGER"), refresh_every=_seconds(environ.get("BILAT_REFRESH_EVERY")),
                   completing=environ.get("_BILAT_COMPLETE") or None,
                   completion_words=environ.get("COMP_WORDS", ""), completion_word=_number(environ.get("COMP_CWORD")),
                   completion_args=environ.get("_TYPER_COMPLETE_ARGS"),
                   completion_action=environ.get("_TYPER_COMPLETE_FISH_ACTION", ""),
                   stdout=stdout or sys.stdout, stderr=stderr or sys.stderr)

    def with_options(self, *, rules: Path | None, debug: bool) -> Environment:
        """This environment with the global options of the command line: `--rules` wins over $BILAT_RULES."""
        return replace(self, rules=rules.expanduser() if rules else self.rules, debug=debug or self.debug)

    @property
    def stdout_isatty(self) -> bool:
        return _isatty(self.stdout)

    @property
    def stderr_isatty(self) -> bool:
        return _isatty(self.stderr)


    def terminal_size(self) -> tuple[int, int] | None:
        """Columns and lines of the terminal stdout is, or None in a pipe."""
        if not self.stdout_isatty:
            return None
        try:
            size = os.get_terminal_size(self.stdout.fileno())
        except (AttributeError, ValueError, OSError):  # a stream without a real descriptor
            return None
        return size.columns, size.lines

    def page(self, text: str) -> None:
        """Show text through the user's pager ($PAGER, else `less -R`), as git does; straight out if it cannot run."""
        import shlex
        import subprocess

        command = shlex.split(self.pager if self.pager is not None else "less -R")
        if not command or command[0] == "cat":
            self.stdout.write(text)
            return
        environ = dict(os.environ)
        environ.setdefault("LESS", "FRX")  # quit when it fits, keep colours, leave the screen as it was
        try:
            pager = subprocess.Popen(command, stdin=subprocess.PIPE, env=environ, encoding="utf-8", errors="replace")
        except OSError:
            self.stdout.write(text)
            return
        try:
            assert pager.stdin is not None
            pager.stdin.write(text)
            pager.stdin.close()
        except BrokenPipeError:  # the reader quit before the end
            pass
        while True:
            try:
                pager.wait()
                return
            except KeyboardInterrupt:  # Ctrl-C belongs to the pager while it runs
                continue


def _number(value: str | None) -> int | None:
    return int(value) if value and value.strip().isdigit() and int(value) > 0 else None


def _seconds(value: str | None) -> float:
    """A number of seconds, 0 where the value is unset, not a number or below 0 (then every query checks)."""
    try:
        seconds = float(value or 0)
    except ValueError:
        return 0.0
    return seconds if seconds > 0 else 0.0  # (nan is not above 0; inf trusts the index until it is checked by `bilat index`)


def _isatty(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):  # no isatty, or a closed stream
        return False
