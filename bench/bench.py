#!/usr/bin/env python3
"""Speed of bilat as a user meets it: start-up, a first index, refreshes and queries on a large corpus.

    python bench/bench.py                       # 1,050 articles made from the annotated sets
    python bench/bench.py --copies 100          # 3,500 articles
    python bench/bench.py --bilat "python -m bilat"

It copies the seed and dev articles many times (each copy a distinct file) into a temporary
corpus, then times real `bilat` processes. Figures are medians of --repeat runs, in seconds.
"""
from __future__ import annotations

import argparse
import os
import shlex
import shutil
import statistics
import subprocess
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SETS = [ROOT / "seeds", ROOT.parent / "shared" / "corpus" / "dev"]


def timed(cmd: list[str], env: dict, repeat: int) -> float:
    runs = []
    for _ in range(repeat):
        start = time.perf_counter()
        subprocess.run(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
        runs.append(time.perf_counter() - start)
    return statistics.median(runs)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--copies", type=int, default=30)
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--bilat", default="bilat")
    args = ap.parse_args()
    bilat = shlex.split(args.bilat)

    sources = [p for folder in SETS if folder.is_dir() for p in sorted(folder.glob("*.txt"))]
    work = Path(tempfile.mkdtemp(prefix="bilat-bench-"))
    try:
        corpus = work / "corpus"
        for k in range(args.copies):
            folder = corpus / f"batch{k:03d}"
            folder.mkdir(parents=True)
            for src in sources:
                shutil.copy(src, folder / src.name)
        n = sum(1 for _ in corpus.rglob("*.txt"))
        env = dict(os.environ, XDG_CACHE_HOME=str(work / "cache"), BILAT_CORPUS=str(corpus), NO_COLOR="1")
        env.pop("BILAT_INDEX", None)
        rows = [("articles", n)]
        rows.append(("start-up: bilat --help", timed(bilat + ["--help"], env, args.repeat)))
        rows.append(("first index (extract all)", timed(bilat + ["index"], env, 1)))
        rows.append(("refresh, nothing changed", timed(bilat + ["index"], env, args.repeat)))
        changed = next(corpus.rglob("*.txt"))
        changed.write_text(changed.read_text(encoding="utf-8") + "\nSerbia and Hungary held talks in 2025.\n", encoding="utf-8")
        rows.append(("refresh, one file changed", timed(bilat + ["index"], env, 1)))
        # Untidy input: a 500 KB text dump without line breaks must not stall an index.
        (corpus / "dump.txt").write_text("Serbian Defence Minister said Hungary signed, " * 11000, encoding="utf-8")
        rows.append(("refresh, one 500 KB one-line dump added", timed(bilat + ["index"], env, 1)))
        for label, cmd in [
            ("list --json", ["list", "--json"]),
            ("timeline --country Serbia --json", ["timeline", "--country", "Serbia", "--json"]),
            ("pair Turkiye Hungary --json", ["pair", "Turkiye", "Hungary", "--json"]),
            ("quote --speaker Vucic --json", ["quote", "--speaker", "Vucic", "--json"]),
            ("list --search Rafale --json", ["list", "--search", "Rafale", "--json"]),
        ]:
            rows.append((label, timed(bilat + cmd, env, args.repeat)))
        width = max(len(r[0]) for r in rows)
        for label, value in rows:
            print(f"{label:<{width}}  {value if isinstance(value, int) else f'{value:.3f} s'}")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
