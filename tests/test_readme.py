"""Every console example in the README is real output on the bundled seeds."""
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

README = Path(__file__).resolve().parents[1] / "README.md"
EXAMPLES = re.findall(r"```console\n\$ (.*?)\n(.*?)```", README.read_text(encoding="utf-8"), re.S)


@pytest.fixture(scope="module")
def cache(tmp_path_factory):
    """One cache for the examples, run in README order, as a reader running them one after another would."""
    return tmp_path_factory.mktemp("readme-cache")


@pytest.mark.parametrize(("command", "shown"), EXAMPLES, ids=[c for c, _ in EXAMPLES])
def test_readme_example_is_real_output(command, shown, cache):
    if "--jq" in command:
        pytest.importorskip("jq", reason="the jq extra is not installed here")
    if "| jq" in command and shutil.which("jq") is None:
        pytest.skip("jq is not installed here")
    bin_dir = Path(sys.executable).parent
    env = dict({k: v for k, v in os.environ.items() if not k.startswith("BILAT_")}, PATH=f"{bin_dir}{os.pathsep}{os.environ['PATH']}", XDG_CACHE_HOME=str(cache))
    # From the checkout, as a reader runs them: examples/ paths are relative to it.
    out = subprocess.run(command, shell=True, capture_output=True, text=True, env=env, timeout=120, cwd=README.parent).stdout
    assert out == shown


def test_readme_says_how_to_get_bilat_on_path_before_its_first_bare_example():
    text = README.read_text(encoding="utf-8")
    first_bare = text.index("$ bilat ")
    assert text.index("source .venv/bin/activate") < first_bare and text.index("pipx install .") < first_bare
