#!/usr/bin/env python3
"""A large synthetic corpus made from the annotated articles, the same for everyone (fixed seed).

    python bench/make_corpus.py 10000 /tmp/corpus-10k

Each article takes the shape of one annotated article (headline, ` date ` prefix, dateline, lead,
quotes, boilerplate) with its lead kept, a few of its later paragraphs dropped, and paragraphs of
other articles mixed in, so countries, pairs, people and quotes of every style recur across the
corpus. A dated article gets a new date; about one in five has a second report of the same
engagement beside it, dated only by what its text says, for the cross-document merging.
"""
from __future__ import annotations

import random
import re
import sys
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SETS = [ROOT.parent / "shared" / "corpus" / "dev", ROOT.parent / "shared" / "corpus" / "dev2"]
PREFIX = re.compile(r"^ date (\d{4}-\d{2}-\d{2}) ")


def sources() -> list[list[str]]:
    """Each annotated article as its paragraphs."""
    out = []
    for folder in SETS:
        for path in sorted(folder.glob("*.txt")):
            paragraphs = [p for p in path.read_text(encoding="utf-8").split("\n\n") if p.strip()]
            if paragraphs:
                out.append(paragraphs)
    if not out:
        sys.exit(f"no articles found in {', '.join(map(str, SETS))}")
    return out


def article(rng: random.Random, shape: list[str], pool: list[str]) -> tuple[str, str | None]:
    """One article and the day it was dated (None when its shape has no ` date ` prefix)."""
    lead, rest = shape[:2], [p for p in shape[2:] if rng.random() > 0.2]
    for _ in range(rng.randint(0, 3)):
        rest.insert(rng.randint(0, len(rest)), rng.choice(pool))
    text = "\n\n".join(lead + rest) + "\n"
    if not PREFIX.match(text):
        return text, None
    day = (date(2015, 1, 1) + timedelta(days=rng.randrange(11 * 365))).isoformat()
    return PREFIX.sub(f" date {day} ", text, count=1), day


def generate(n: int, folder: Path, seed: int = 9) -> None:
    rng = random.Random(seed)
    shapes = sources()
    pool = [p for s in shapes for p in s[2:]]
    folder.mkdir(parents=True, exist_ok=True)
    i = 0
    while i < n:
        text, day = article(rng, rng.choice(shapes), pool)
        batch = folder / f"b{i // 1000:03d}"
        batch.mkdir(exist_ok=True)
        (batch / f"a{i:06d}.txt").write_text(text, encoding="utf-8")
        i += 1
        if day and i < n and rng.random() < 0.2:
            # Another report of the same engagement: the same lead without the ` date ` prefix.
            again = PREFIX.sub("", text, count=1)
            (batch / f"a{i:06d}.txt").write_text(again, encoding="utf-8")
            i += 1


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    generate(int(sys.argv[1]), Path(sys.argv[2]))
