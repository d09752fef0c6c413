"""Exit codes, named once: scripts and cron jobs branch on them, so they are part of the interface."""
from __future__ import annotations

from enum import IntEnum, unique


@unique
class ExitStatus(IntEnum):
    OK = 0  # success, an empty result too
    ERROR = 1  # a runtime failure: missing corpus, unreadable index, an internal error
    USAGE = 2  # the command line asks for something that cannot be: unknown option, country, format or date
    INTERRUPTED = 130  # 128 + SIGINT, as shells report a Ctrl-C
