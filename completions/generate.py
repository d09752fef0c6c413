"""Write bilat's completion scripts for bash, zsh and fish into this folder, from the app itself.

    python completions/generate.py          # write them
    python completions/generate.py --check  # exit 1 when a file here is not what the app generates

The scripts only hand the command line back to `bilat` (as `_BILAT_COMPLETE=complete_SHELL bilat`), which
answers from the app's own completion functions (src/bilat/completion.py): they change with the options,
not with the completions offered. tests/test_completion.py fails when a file here is out of date.
"""
from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
SHELLS = ("bash", "zsh", "fish")


def scripts() -> dict[Path, str]:
    """Each completion file and what it should hold: what the app prints when asked for its source."""
    import os
    import subprocess

    out = {}
    for shell in SHELLS:
        env = {k: v for k, v in os.environ.items() if not k.startswith(("_BILAT", "_TYPER"))}
        proc = subprocess.run([sys.executable, "-m", "bilat"], env={**env, "_BILAT_COMPLETE": f"source_{shell}"},
                              capture_output=True, text=True, check=True)
        out[HERE / f"bilat.{shell}"] = proc.stdout.strip() + "\n"
    return out


def main(argv: list[str]) -> int:
    stale = [path for path, text in scripts().items() if not path.is_file() or path.read_text(encoding="utf-8") != text]
    if "--check" in argv:
        for path in stale:
            print(f"out of date: {path.name} (run python completions/generate.py)", file=sys.stderr)
        return 1 if stale else 0
    for path, text in scripts().items():
        path.write_text(text, encoding="utf-8")
    print(f"wrote {', '.join(p.name for p in scripts())}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
