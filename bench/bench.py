#!/usr/bin/env python3
"""Speed of bilat as a user meets it, on synthetic corpora of the sizes asked for; one table out.

    python bench/bench.py                                # 1,000 and 10,000 articles
    python bench/bench.py --sizes 1000 --repeat 3
    python bench/bench.py --bilat "python -m bilat" --work /tmp/bilat-bench   # keeps the corpora for next time
    python bench/bench.py --sizes 100000 --work /tmp/bilat-bench --reuse     # and their indexes: queries only, no first index

Corpora come from make_corpus.py (fixed seed). Each figure is the median of --repeat runs of a
real `bilat` process, in seconds, and its ratio to `python -c pass` (start-up: at least 11 runs of each,
taken in turns with python -c pass); memory is the largest
resident set of one process among those runs and their extraction workers. Targets (issue 9) are figures to read here, never timed tests.
"""
from __future__ import annotations

import argparse
import json
import os
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from make_corpus import generate

ROOT = Path(__file__).resolve().parents[1]
QUERIES = [  # each measured with --json and as a table (--format table, as a terminal draws it)
    ("list", ["list"]),
    ("list --limit 20", ["list", "--limit", "20"]),
    ("list --country Serbia", ["list", "--country", "Serbia"]),
    ("list --since 2024 --until 2024-06", ["list", "--since", "2024", "--until", "2024-06"]),
    ("list --type exercise", ["list", "--type", "exercise"]),
    ("list --search Rafale", ["list", "--search", "Rafale"]),
    ("timeline", ["timeline"]),
    ("timeline --country Serbia", ["timeline", "--country", "Serbia"]),
    ("pair Turkiye Hungary", ["pair", "Turkiye", "Hungary"]),
    ("quote", ["quote"]),
    ("quote --speaker SPEAKER", ["quote", "--speaker", "{speaker}"]),  # the corpus's first speaker
    ("quote defence --limit 10", ["quote", "defence", "--limit", "10"]),
]
OUTPUTS = [("--json", ["--json"]), ("table", ["--format", "table"])]
# The targets, read beside the figures (never timed tests).
TARGETS = ("Targets (issue 9): every query under 0.3 s at 100,000 articles, start-up included; a first index at 1,000 "
           "articles/s or more on 2 cores; memory under 300 MB; a refresh with nothing changed under 0.3 s at 100,000; "
           "pair --json on the seeds at most 6× python -c pass, as a table at most 10×.")


def run(cmd: list[str], env: dict, repeat: int) -> tuple[float, float]:
    """Median wall time in seconds and peak resident memory in MB of `repeat` runs."""
    times, peak = [], 0
    for _ in range(repeat):
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        _, status, usage = os.wait4(proc.pid, 0)
        times.append(time.perf_counter() - start)
        if os.waitstatus_to_exitcode(status) != 0:
            sys.exit(f"failed: {shlex.join(cmd)}")
        peak = max(peak, usage.ru_maxrss)
    return statistics.median(times), peak / 1024


def first_byte(cmd: list[str], env: dict, repeat: int) -> tuple[float, float]:
    """Median time until the first byte of output, and peak memory: what a reader of a long streamed listing waits."""
    times, peak = [], 0
    for _ in range(repeat):
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
        proc.stdout.read(1)
        times.append(time.perf_counter() - start)
        while proc.stdout.read(1 << 16):
            pass
        _, status, usage = os.wait4(proc.pid, 0)
        if os.waitstatus_to_exitcode(status) != 0:
            sys.exit(f"failed: {shlex.join(cmd)}")
        peak = max(peak, usage.ru_maxrss)
    return statistics.median(times), peak / 1024


def run_interleaved(cmds: dict[str, list[str]], env: dict, repeat: int) -> dict[str, tuple[float, float]]:
    """As run(), for each command, taking turns run by run: on a shared machine a burst of load then slows all of
    them alike, so their ratios (start-up against python -c pass) hold better than their times."""
    runs: dict[str, list[tuple[float, float]]] = {label: [] for label in cmds}
    for _ in range(repeat):
        for label, cmd in cmds.items():
            runs[label].append(run(cmd, env, 1))
    return {label: (statistics.median(t for t, _ in r), max(mb for _, mb in r)) for label, r in runs.items()}


GROUPS = ("bilat", "typer", "rich", "tabulate", "sqlite3")


def _environ() -> dict[str, str]:
    """As on a warm machine: byte code written once and reused (PYTHONDONTWRITEBYTECODE would recompile every run)."""
    return {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def import_summary(python: str, env: dict, args: list[str]) -> str:
    """`python -X importtime` of one command, its self times summed by top-level package: what start-up still loads."""
    proc = subprocess.run([python, "-X", "importtime", "-m", "bilat", *args], env=env, capture_output=True, text=True)
    # Lines come children first, indented under their importer: read backwards, each module's own time goes to the
    # nearest package among GROUPS that it is, or that imported it (the standard library typer loads is typer's).
    rows = []
    for line in proc.stderr.splitlines():
        if line.startswith("import time:") and "self [us]" not in line:
            own, _cumulative, name = line[len("import time:"):].split("|")
            rows.append((len(name) - len(name.lstrip()), name.strip(), int(own)))
    by_package: dict[str, int] = {}
    stack: list[tuple[int, str]] = []  # (depth, group) of the importers above the current line
    for depth, name, own in reversed(rows):
        while stack and stack[-1][0] >= depth:
            stack.pop()
        top = name.split(".")[0]
        group = top if top in GROUPS else (stack[-1][1] if stack else "python itself (site, encodings)")
        stack.append((depth, group))
        by_package[group] = by_package.get(group, 0) + own
    total = sum(by_package.values())
    parts = ", ".join(f"{name} {us / 1000:.0f} ms" for name, us in sorted(by_package.items(), key=lambda kv: -kv[1]))
    return f"imports of `bilat {' '.join(args)}` (python -X importtime, self times): {total / 1000:.0f} ms: {parts}"


def measure(bilat: list[str], corpus: Path, work: Path, repeat: int, reuse: bool = False) -> dict[str, tuple[float, float] | None]:
    """Every figure for one corpus; with reuse, an index kept from an earlier run is refreshed, not built again
    (first index: None), so queries can be measured again in seconds instead of the minutes a build takes."""
    location = work / f"{corpus.name}.db"
    env = dict(_environ(), BILAT_CORPUS=str(corpus), BILAT_INDEX=str(location), NO_COLOR="1")
    out: dict[str, tuple[float, float] | None] = {}
    if reuse and location.is_file():
        run(bilat + ["index"], env, 1)  # brought up to date (another bilat may have read the folder differently)
        out["first index"] = None
    else:
        for p in work.glob(f"{corpus.name}.db*"):
            p.unlink()
        out["first index"] = run(bilat + ["index"], env, 1)
    out["refresh, nothing changed"] = run(bilat + ["index"], env, repeat)
    touched = next(corpus.rglob("*.txt"))
    original = touched.read_text(encoding="utf-8")
    touched.write_text(original + "\nSerbia and Hungary held defence talks in Belgrade in 2025.\n", encoding="utf-8")
    out["refresh, one file changed"] = run(bilat + ["index"], env, 1)
    touched.write_text(original, encoding="utf-8")
    added = corpus / "added"
    added.mkdir()
    for k, src in enumerate(sorted(corpus.rglob("*.txt"))[:100]):
        (added / f"{k:03d}.txt").write_text(src.read_text(encoding="utf-8") + "\nAnother report.\n", encoding="utf-8")
    out["refresh, 100 files added"] = run(bilat + ["index"], env, 1)
    shutil.rmtree(added)
    run(bilat + ["index"], env, 1)
    first = subprocess.run(bilat + ["quote", "--json", "--limit", "1"], env=env, capture_output=True, text=True).stdout
    quotes = json.loads(first or "[]")
    said = quotes[0].get("speaker") if quotes else None
    name = (said.get("name") if isinstance(said, dict) else said) or ""
    speaker = name.split()[-1:] or ["minister"]
    out["list --json, first byte"] = first_byte(bilat + ["list", "--json"], env, repeat)
    for label, args in QUERIES:
        for shown, flags in OUTPUTS:
            out[f"{label} {shown}" if shown.startswith("-") else f"{label} as a {shown}"] = \
                run(bilat + [a.format(speaker=speaker[0]) for a in args] + flags, env, repeat)
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--bilat", default="bilat", help="command that runs bilat")
    ap.add_argument("--python", default=sys.executable, help="the Python bilat is installed in (for -X importtime)")
    ap.add_argument("--work", type=Path, help="folder for corpora and indexes, kept between runs (else a temporary one)")
    ap.add_argument("--reuse", action="store_true", help="with --work: keep an index found there instead of building it "
                    "again (first index is then not measured)")
    args = ap.parse_args()
    started = os.getloadavg()[0] if hasattr(os, "getloadavg") else None
    if args.reuse and not args.work:
        ap.error("--reuse needs --work (a temporary folder holds no index from before)")
    bilat = shlex.split(args.bilat)
    work = args.work or Path(tempfile.mkdtemp(prefix="bilat-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    try:
        quiet = _environ()
        seeds_env = dict(quiet, BILAT_CORPUS=str(ROOT / "seeds"), BILAT_INDEX=str(work / "seeds.db"), NO_COLOR="1")
        run(bilat + ["index"], seeds_env, 1)
        pair = ["pair", "Turkiye", "Hungary"]
        startup = run_interleaved({"python -c pass": [args.python, "-c", "pass"],
                                   "start-up: bilat --version": bilat + ["--version"],
                                   "start-up: pair Turkiye Hungary --json (seeds)": bilat + pair + ["--json"],
                                   "start-up: pair Turkiye Hungary as a table (seeds)": bilat + pair + ["--format", "table"]},
                                  seeds_env, max(args.repeat, 11))  # cheap runs: more of them steady the ratios
        python = startup.pop("python -c pass")[0]
        imports = [import_summary(args.python, seeds_env, pair + ["--json"]),
                   import_summary(args.python, seeds_env, pair + ["--format", "table"])]
        results = {}
        for n in args.sizes:
            corpus = work / f"corpus-{n}"
            if not corpus.is_dir():
                generate(n, corpus)
            results[n] = measure(bilat, corpus, work, args.repeat, args.reuse)
    finally:
        if not args.work:
            shutil.rmtree(work, ignore_errors=True)

    print(f"bilat bench: {machine()}" + (f" (load {started:.1f} at the start)" if started is not None else ""))
    print()
    header = ["measure", "seeds"] + [f"{n:,} articles" for n in args.sizes]
    table = [["python -c pass", f"{python:.3f} s (1.0×)"] + [""] * len(args.sizes)]
    table += [[label, f"{t:.3f} s ({t / python:.1f}×), {mb:.0f} MB"] + [""] * len(args.sizes) for label, (t, mb) in startup.items()]
    for label in results[args.sizes[0]]:
        cells = ["", ""]
        for n in args.sizes:
            if results[n][label] is None:
                cells.append("(index reused)")
                continue
            t, mb = results[n][label]
            rate = f", {n / t:,.0f} articles/s" if label == "first index" else ""
            cells.append(f"{t:.3f} s ({t / python:.0f}×), {mb:.0f} MB{rate}")
        table.append([label] + cells[1:])
    widths = [max(len(str(r[i])) for r in table + [header]) for i in range(len(header))]
    for r in [header, ["-" * w for w in widths]] + table:
        print("| " + " | ".join(f"{c:<{w}}" for c, w in zip(r, widths, strict=True)) + " |")
    print()
    for line in imports:
        print(line)
    print(TARGETS)


def machine() -> str:
    """What the figures were measured on: they mean little without it."""
    import platform

    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as fh:
            cpu = next((line.split(":", 1)[1].strip() for line in fh if line.startswith("model name")), platform.processor())
    except OSError:
        cpu = platform.processor() or platform.machine()
    load = f", load {os.getloadavg()[0]:.1f}" if hasattr(os, "getloadavg") else ""
    return (f"{cores} cores ({cpu}), {platform.system()} {platform.release()}, Python {platform.python_version()}{load}, "
            f"{time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}")


if __name__ == "__main__":
    main()
