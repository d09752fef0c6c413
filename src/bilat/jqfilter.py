"""`--jq EXPR`: a command's JSON output filtered with jq syntax, as gh does it, by the optional `jq` package.

The package is an optional extra (`pip install 'bilat[jq]'`): a compiled library that who never filters needs not
install. Each result prints on its own line: a string as plain text (what a terminal would act on dropped, as
in every flat format), anything else as one line of JSON.
"""
from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

INSTALL_HINT = "--jq needs the jq Python package: pip install 'bilat[jq]' (or pip install jq)"


class JqError(ValueError):
    """The expression does not compile or fails on the output; `missing` when the package is not installed."""

    def __init__(self, message: str, missing: bool = False):
        super().__init__(message)
        self.missing = missing


def compiled(expression: str) -> Any:
    """The compiled expression; a one-line JqError when it does not compile or jq is not installed."""
    try:
        import jq
    except ImportError:
        raise JqError(INSTALL_HINT, missing=True) from None
    try:
        return jq.compile(expression)
    except ValueError as e:
        raise JqError(f"--jq {expression!r}: {_one_line(e)}") from None


def results(program: Any, output: str) -> Iterator[str]:
    """The lines the expression makes of a command's JSON output."""
    from bilat.render import terminal_safe, to_json

    try:
        values = program.input_value(json.loads(output)).all()
    except ValueError as e:
        raise JqError(f"--jq: {_one_line(e)}") from None
    for value in values:
        yield terminal_safe(value) if isinstance(value, str) else to_json(value)  # article text: never raw escapes


def _one_line(error: Exception) -> str:
    return " ".join(str(error).split())
