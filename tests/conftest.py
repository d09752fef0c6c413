import os
import shutil
from pathlib import Path

import pytest
from hypothesis import settings

# Property tests run the same examples on every run and in CI (derandomized: a failure is reproducible and
# CI time is bounded); HYPOTHESIS_PROFILE=explore searches afresh each run, with more examples.
settings.register_profile("repeatable", derandomize=True, deadline=None, print_blob=True)
settings.register_profile("explore", deadline=None, max_examples=500)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "repeatable"))

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
SHARED = ROOT.parent / "shared"


@pytest.fixture(autouse=True)
def isolated_cache(tmp_path, monkeypatch):
    """Every test gets its own cache folder and no inherited corpus or index settings."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.delenv("BILAT_INDEX", raising=False)
    monkeypatch.delenv("BILAT_CORPUS", raising=False)
    monkeypatch.setenv("NO_COLOR", "1")


@pytest.fixture
def corpus(tmp_path) -> Path:
    """A writable copy of the seed articles."""
    folder = tmp_path / "corpus"
    shutil.copytree(SEEDS, folder)
    return folder
