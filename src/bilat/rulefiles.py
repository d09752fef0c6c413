"""Which files make up the extraction, and their fingerprint: what every query checks against the index.

Kept apart from rulebook.py (the rule engine: regular expressions, dataclasses, TOML) so that a query,
which only asks "were these rows read by the rules and code in force?", loads none of the engine.
"""
from __future__ import annotations

import hashlib
import os

RULE_FILES = ("lexicon.toml", "cues.toml", "events.toml", "knobs.toml", "makers.toml")
_PACKAGE = os.path.dirname(__file__)
RULES_DIR = os.path.join(_PACKAGE, "rules")
# The extraction code besides extract/*.py: a change to any of it re-reads the corpus just as a rule change does.
SOURCES = ("rulebook.py", "wirecopy.py", "textutil.py", "gazetteer.py", "models.py")


class RuleError(ValueError):
    """A rule file that cannot be used: the message names the file, the line where known, and the problem."""


def _source_texts() -> list[bytes]:
    extract = os.path.join(_PACKAGE, "extract")
    paths = sorted(os.path.join(extract, n) for n in os.listdir(extract) if n.endswith(".py"))
    paths += [os.path.join(_PACKAGE, name) for name in SOURCES]
    out = []
    for path in paths:
        try:
            with open(path, "rb") as f:
                out.append(f.read())
        except FileNotFoundError:
            pass
    return out


def fingerprint(user_file: str | os.PathLike | None = None, rules_dir: str | os.PathLike = RULES_DIR) -> str:
    """A hash of the rule files, the user's rule file and the extraction source. Cheap (no parsing), so every
    query can check it."""
    digest = hashlib.sha256()
    for name in RULE_FILES:
        with open(os.path.join(rules_dir, name), "rb") as f:
            digest.update(f.read())
    if user_file:
        try:
            with open(user_file, "rb") as f:
                digest.update(f.read())
        except OSError as e:
            raise RuleError(f"{user_file}: cannot read rule file ({e.strerror})") from None
    for source in _source_texts():
        digest.update(source)
    return digest.hexdigest()[:16]
