"""What a query loads at start-up: the key table for country names, never the gazetteer, extraction, rich or tabulate;
through the `bilat` command, not typer either."""
import json
import os
import subprocess
import sys

import pytest

from bilat import countrynames

from conftest import SEEDS

# Prints the modules one command line loaded, after running it in a real process.
PROBE = """
import io, sys
from bilat import cli
from bilat.environment import Environment
status = cli.program(sys.argv[1:], Environment.from_os(stdout=io.StringIO(), stderr=io.StringIO()))
print(int(status), " ".join(sorted(sys.modules)))
"""

# The same through the `bilat` command's entry point, which runs a plain command line without the app.
PROBE_ENTRY = """
import io, sys
from bilat import launch
sys.stdout, real = io.StringIO(), sys.stdout
try:
    launch.main()
except SystemExit as e:
    print(int(e.code or 0), " ".join(sorted(sys.modules)), file=real)
"""


def _loaded(tmp_path, *args: str, probe: str = PROBE) -> set[str]:
    env = dict(os.environ, BILAT_CORPUS=str(SEEDS), BILAT_INDEX=str(tmp_path / "seeds.db"), XDG_CACHE_HOME=str(tmp_path / "cache"))
    subprocess.run([sys.executable, "-m", "bilat", "index"], env=env, check=True, capture_output=True)
    out = subprocess.run([sys.executable, "-c", probe, *args], env=env, check=True, capture_output=True, text=True).stdout
    status, modules = out.split(" ", 1)
    assert status == "0"
    return set(modules.split())


QUERIES = [("pair", "Turkiye", "Hungary", "--json"), ("list", "--country", "Serbia", "--tsv"), ("quote", "--speaker", "minister", "--jsonl"),
           ("list", "-c", "RS", "--json", "id,date", "--sort", "-date"), ("pair", "Turkiye", "Hungary", "--json", "overview", "--limit", "1"),
           ("people", "-c", "HU", "--sort", "-quote_count", "--tsv", "--no-header")]


HEAVY = {"bilat.gazetteer", "countryinfo", "bilat.extract", "bilat.wirecopy", "bilat.rulebook", "bilat.models", "bilat.exports",
         "rich", "tabulate", "tomllib"}


@pytest.mark.parametrize("args", QUERIES)
def test_a_query_in_json_or_plain_text_loads_no_gazetteer_extraction_rich_or_tabulate(tmp_path, args):
    loaded = _loaded(tmp_path, *args)
    assert "bilat.countrynames" in loaded or args[0] == "quote"
    assert not HEAVY & loaded


@pytest.mark.parametrize("args", QUERIES)
def test_the_bilat_command_runs_a_plain_query_without_typer_click_or_typing(tmp_path, args):
    loaded = _loaded(tmp_path, *args, probe=PROBE_ENTRY)
    assert "bilat.fastpath" in loaded and not (HEAVY | {"typer", "click", "bilat.cli", "typing"}) & loaded


def test_the_country_key_table_is_up_to_date_with_the_gazetteer():
    shipped = json.loads(countrynames.render_table(countrynames._table()))
    assert shipped == json.loads(countrynames.render_table(countrynames.current_table())), \
        "run `python -m bilat.countrynames` to regenerate src/bilat/data/country_keys.json"


@pytest.mark.parametrize("typed, code", [("Turkiye", "TUR"), ("türkiye", "TUR"), ("the Netherlands", "NLD"), ("hu", "HUN"),
                                         ("Serbian", "SRB"), ("Kyiv", "UKR")])
def test_typed_country_names_resolve_from_the_key_table(typed, code):
    assert countrynames.resolve(typed) == code


def test_an_unknown_or_ambiguous_name_is_refused_with_suggestions():
    with pytest.raises(countrynames.UnknownCountry, match="did you mean Hungary"):
        countrynames.resolve("Hungery")
    with pytest.raises(countrynames.UnknownCountry, match="ambiguous"):
        countrynames.resolve("Korea")
