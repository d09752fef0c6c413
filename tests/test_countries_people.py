"""`bilat countries` and `bilat people`: the corpus by country and by person, under the usual filters, in every mode."""
import csv
import io
import json
import re

import pytest

from bilat import cli
from bilat.environment import Environment

ARTICLES = {
    "pact.txt": " date 2024-09-12 Greek Defence Minister Petros Alvanakis and his Cypriot counterpart Loukas Feronides signed "
                "a defence cooperation programme in Nicosia.\n\n\"Our navies are one team now, and they will stay one team,\" "
                "Alvanakis said.\n",
    "drill.txt": " date 2025-03-04 Greece and Cyprus held a joint naval exercise off Limassol.\n\n"
                 "Greek Defence Minister Petros Alvanakis watched the exercise from a frigate.\n",
    "talks.txt": " date 2025-05-20 Greek Defence Minister Petros Alvanakis met his French counterpart Claire Vautrin in Paris "
                 "for talks on defence cooperation.\n",
}


@pytest.fixture
def folder(tmp_path):
    folder = tmp_path / "news"
    folder.mkdir()
    for name, text in ARTICLES.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def bilat(folder, *args):
    env = Environment(stdout=io.StringIO(), stderr=io.StringIO(), force_color=True)
    status = cli.program([*args, "--corpus", str(folder)], env)
    assert status == 0, env.stderr.getvalue()
    return env.stdout.getvalue()


def test_countries_count_documents_engagements_by_type_and_partners(folder):
    rows = {r["country"]: r for r in json.loads(bilat(folder, "countries", "--json"))}
    greece = rows["GRC"]
    assert greece["document_count"] == 3 and greece["event_count"] == 3
    assert greece["event_count_by_type"] == {"agreement": 1, "meeting": 1, "exercise": 1}
    assert greece["partners"] == [{"country": "CYP", "event_count": 2}, {"country": "FRA", "event_count": 1}]
    assert next(iter(rows)) == "GRC"  # most engaged first
    assert rows["FRA"]["partners"] == [{"country": "GRC", "event_count": 1}]


def test_filters_apply_to_every_count(folder):
    rows = {r["country"]: r for r in json.loads(bilat(folder, "countries", "--since", "2025", "--json"))}
    assert rows["GRC"]["event_count_by_type"] == {"meeting": 1, "exercise": 1} and rows["GRC"]["document_count"] == 2
    rows = {r["country"]: r for r in json.loads(bilat(folder, "countries", "--type", "agreement", "--json"))}
    assert set(rows) == {"GRC", "CYP"} and rows["CYP"]["event_count"] == 1
    assert len(json.loads(bilat(folder, "countries", "--limit", "1", "--json"))) == 1


def test_one_countrys_partners_most_frequent_first(folder):
    partners = json.loads(bilat(folder, "countries", "--country", "Greece", "--json"))
    assert [(p["country"], p["event_count"], p["document_count"]) for p in partners] == [("CYP", 2, 2), ("FRA", 1, 1)]
    assert json.loads(bilat(folder, "countries", "--country", "gr", "--since", "2025-04", "--json")) == [
        {"country": "FRA", "name": "France", "event_count": 1, "event_count_by_type": {"meeting": 1}, "document_count": 1}]


def test_partners_are_a_bar_chart_on_a_terminal(folder):
    out = bilat(folder, "countries", "--country", "GRC", "--format", "table", "--width", "60")
    plain = re.sub(r"\x1b\[[0-9;]*m", "", out)
    bars = {line.split(")")[0] + ")": line.count("█") for line in plain.splitlines() if "█" in line and "(" in line}
    assert bars["Cyprus (CYP)"] == 2 * bars["France (FRA)"] > 0  # bars in proportion
    assert "Partners of Greece (GRC)" in plain and "\x1b[" in out


def test_people_once_each_with_spellings_roles_documents_and_quotations(folder):
    people = {p["name"]: p for p in json.loads(bilat(folder, "people", "--json"))}
    greek = people["Petros Alvanakis"]
    assert (greek["country"], greek["document_count"], greek["quote_count"]) == ("GRC", 3, 1)
    assert greek["roles"] == ["Defence Minister"] and "Alvanakis" in greek["variants"]
    assert greek["docs"] == ["drill", "pact", "talks"]
    assert next(iter(people)) == "Petros Alvanakis"  # most documents first
    assert set(json.loads(bilat(folder, "people", "--json", "--country", "France"))[0]["docs"]) == {"talks"}
    assert {p["name"] for p in json.loads(bilat(folder, "people", "--json", "--until", "2024"))} == {"Petros Alvanakis",
                                                                                                    "Loukas Feronides"}


@pytest.mark.parametrize("command", [("countries",), ("countries", "--country", "GRC"), ("people",)])
def test_every_output_mode(folder, command):
    rows = json.loads(bilat(folder, *command, "--json"))
    lines = bilat(folder, *command, "--jsonl").splitlines()
    assert [json.loads(line) for line in lines] == rows
    parsed = list(csv.reader(io.StringIO(bilat(folder, *command, "--csv"))))
    tsv = [line.split("\t") for line in bilat(folder, *command, "--tsv").splitlines()]
    assert len(parsed) == len(tsv) == len(rows) + 1 and parsed[0] == tsv[0]
    assert "|" in bilat(folder, *command, "--format", "github")
    assert bilat(folder, *command, "--format", "table", "--width", "100").strip()
