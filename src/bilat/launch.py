"""The `bilat` command's entry point.

Every TAB starts bilat once, and loading the command-line app (typer, click) costs about 0.1 s. A TAB on a
country in bash, the most frequent one (`bilat pair tur<TAB>`, `--country uni<TAB>`), is answered here from
the small country key table before the app loads, and so are a TAB on the command's name, a `show` id and a
`quote --speaker` name on the default corpus; anything else goes to the app as usual.
"""
from __future__ import annotations

import shlex
import sys

from bilat.environment import Environment

COUNTRY_OPTIONS = ("--country", "-c")
# The app's commands in the order it lists them (tests/test_launch.py holds this to the app).
COMMANDS = ("list", "timeline", "pair", "quote", "countries", "people", "show", "index", "extract")


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
    """Countries for a bash TAB on a country position, or None where the app must answer."""
    if env.completing != "complete_bash" or env.completion_word is None:
        return None
    try:
        words = shlex.split(env.completion_words)
    except ValueError:
        return None
    cword = env.completion_word
    if env.completion_words.endswith(" "):
        words.append("")  # a TAB after a space completes an empty word
    if cword == 1 and not (words[1:2] or [""])[0].startswith("-"):
        typed = words[1] if len(words) > 1 else ""
        return [c for c in COMMANDS if c.startswith(typed)]
    typed = _country_position(words, cword)
    if typed is not None:
        from bilat.completion import countries

        return countries(typed)
    return _index_position(words, cword)


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


def main() -> None:
    offered = fast_completion(Environment.from_os())
    if offered is not None:
        sys.stdout.write("".join(f"{value}\n" for value in offered))
        sys.exit(0)
    from bilat.cli import main as program_main

    program_main()
