"""The extraction floors of issues #3 and #4, measured by the shared scoring script on both annotated sets."""
import os
import re
import subprocess
import sys

import pytest

from conftest import SHARED

FLOORS = {
    "countries_f1": 0.95, "pairs_f1": 0.95, "date_acc": 0.90, "people_recall": 0.90, "people_country_acc": 0.90,
    "quote_recall": 0.95, "quote_precision": 0.90, "speaker_acc": 0.90, "event_f1": 0.80, "event_date_acc": 0.85,
}
_cache: dict[str, dict[str, float]] = {}


def score(set_name: str) -> dict[str, float]:
    if set_name not in _cache:
        bilat = f"{sys.executable} -m bilat"
        proc = subprocess.run([sys.executable, str(SHARED / "tools" / "score.py"), str(SHARED / "corpus" / set_name),
                               "--bilat", bilat], capture_output=True, text=True, timeout=600, env=dict(os.environ))
        assert proc.returncode == 0, proc.stderr
        line = proc.stdout.strip().splitlines()[-1]
        _cache[set_name] = {k: float(v) for k, v in re.findall(r"(\w+)=([\d.]+)", line)}
    return _cache[set_name]


@pytest.mark.skipif(not (SHARED / "tools" / "score.py").exists(), reason="../shared is not beside the repository")
@pytest.mark.parametrize("set_name", ["seeds", "dev"])
@pytest.mark.parametrize("metric", sorted(FLOORS))
def test_extraction_floor(set_name, metric):
    assert score(set_name)[metric] >= FLOORS[metric]
