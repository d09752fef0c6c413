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
    debug: bool = False  # --debug: an internal error prints its whole trace
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


def _isatty(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):  # no isatty, or a closed stream
        return False
