"""Extraction measured by the shared scoring script, on the annotated sets and on our own articles.

TARGET holds the floors issue #8 asks for on every set. Where a set does not reach one yet, RATCHET
holds the figure it reached when last measured, less a small margin: a change that loses ground fails,
and each gain should raise its line here until the target replaces it.
"""
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import SHARED

TARGET = {
    "countries_f1": 0.97, "pairs_f1": 0.93, "date_acc": 0.93, "people_recall": 0.93, "people_country_acc": 0.93,
    "quote_recall": 0.97, "quote_precision": 0.95, "speaker_acc": 0.93, "event_f1": 0.80, "event_date_acc": 0.85,
}
# (set, metric) → floor below the target, measured on 2026-12-08 at the end of the session (figure minus about 0.02;
# fresh15 and fresh16 arrived that session and have not been read, fresh17 was written that session to be read).
RATCHET = {
    ("fresh2", "pairs_f1"): 0.90, ("fresh2", "date_acc"): 0.85, ("fresh2", "people_country_acc"): 0.89,
    ("fresh3", "date_acc"): 0.90, ("fresh4", "event_date_acc"): 0.79, ("fresh5", "date_acc"): 0.85,
    ("fresh6", "date_acc"): 0.89, ("fresh6", "event_date_acc"): 0.80, ("fresh7", "people_country_acc"): 0.86,
    ("fresh7", "event_date_acc"): 0.81, ("fresh8", "pairs_f1"): 0.82, ("fresh8", "date_acc"): 0.81,
    ("fresh8", "event_date_acc"): 0.79, ("fresh9", "date_acc"): 0.81, ("fresh9", "people_country_acc"): 0.86,
    ("fresh9", "event_date_acc"): 0.80, ("fresh10", "date_acc"): 0.89, ("fresh11", "pairs_f1"): 0.80,
    ("fresh11", "date_acc"): 0.89, ("fresh11", "people_country_acc"): 0.86, ("fresh11", "event_date_acc"): 0.79,
    ("fresh12", "pairs_f1"): 0.90, ("fresh12", "date_acc"): 0.89, ("fresh12", "event_date_acc"): 0.81,
    ("fresh13", "pairs_f1"): 0.88, ("fresh13", "date_acc"): 0.64, ("fresh13", "event_date_acc"): 0.67,
    ("fresh14", "date_acc"): 0.81, ("fresh14", "people_country_acc"): 0.87, ("fresh14", "event_date_acc"): 0.68,
    ("fresh15", "pairs_f1"): 0.86, ("fresh15", "date_acc"): 0.81, ("fresh15", "people_country_acc"): 0.73,
    ("fresh15", "event_f1"): 0.71, ("fresh15", "event_date_acc"): 0.59, ("fresh16", "pairs_f1"): 0.72,
    ("fresh16", "date_acc"): 0.48, ("fresh16", "people_country_acc"): 0.68, ("fresh16", "event_f1"): 0.71,
    ("fresh16", "event_date_acc"): 0.57, ("fresh17", "countries_f1"): 0.92, ("fresh17", "pairs_f1"): 0.84,
    ("fresh17", "date_acc"): 0.89, ("fresh17", "people_country_acc"): 0.87, ("fresh17", "event_f1"): 0.74,
    ("fresh17", "event_date_acc"): 0.76,
}
# Annotated articles of our own, shipped with the tests: fresh (written with the rules in view), fresh2 to
# fresh17 (written blind, to watch the gap; see their READMEs).
OWN_SETS = {name: Path(__file__).parent / name for name in ("fresh", "fresh2", "fresh3", "fresh4", "fresh5", "fresh6",
                                                            "fresh7", "fresh8", "fresh9", "fresh10", "fresh11",
                                                            "fresh12", "fresh13", "fresh14", "fresh15", "fresh16",
                                                            "fresh17")}
SHARED_SETS = ["seeds", "dev", "dev2"]
_cache: dict[str, dict[str, float]] = {}


def folder(set_name: str) -> Path:
    return OWN_SETS.get(set_name) or SHARED / "corpus" / set_name


def score(set_name: str) -> dict[str, float]:
    if set_name not in _cache:
        bilat = f"{sys.executable} -m bilat"
        proc = subprocess.run([sys.executable, str(SHARED / "tools" / "score.py"), str(folder(set_name)), "--bilat", bilat],
                              capture_output=True, text=True, timeout=600, env=dict(os.environ))
        assert proc.returncode == 0, proc.stderr
        line = proc.stdout.strip().splitlines()[-1]
        _cache[set_name] = {k: float(v) for k, v in re.findall(r"(\w+)=([\d.]+)", line)}
    return _cache[set_name]


def shared_or_fail():
    """Locally the scoring tests need ../shared beside the checkout; in CI its absence is a failure, not a skip."""
    if not (SHARED / "tools" / "score.py").exists():
        if os.environ.get("CI"):
            pytest.fail("../shared/tools/score.py is missing: CI must run with ../shared beside the checkout")
        pytest.skip("../shared is not beside the repository")


@pytest.mark.parametrize("set_name", SHARED_SETS + sorted(OWN_SETS))
@pytest.mark.parametrize("metric", sorted(TARGET))
def test_extraction_floor(set_name, metric):
    shared_or_fail()
    floor = RATCHET.get((set_name, metric), TARGET[metric])
    assert score(set_name)[metric] >= floor, f"{set_name} {metric}"


def test_every_ratchet_is_below_its_target():
    for (set_name, metric), floor in RATCHET.items():
        assert floor < TARGET[metric], (set_name, metric)
