"""Field selection and ordering (`--json FIELDS`, `--sort`, `--limit`, `--no-header`) on the seeds: what is kept
still validates against docs/schema with only the chosen keys required, and bad names are one line and exit 2."""
import copy
import io
import json

import pytest
from jsonschema import Draft202012Validator
from referencing import Registry, Resource

from bilat import cli
from bilat.environment import Environment
from bilat.fields import RECORD_KEYS
from conftest import ROOT, SEEDS

SCHEMAS = {p.name: json.loads(p.read_text(encoding="utf-8")) for p in (ROOT / "docs" / "schema").glob("*.json")}
DEFINITION = {"list": "document", "timeline": "event", "quote": "quote", "countries": "country_summary",
              "partners": "partner", "people": "person_summary"}


def run(cache, *args):
    env = Environment(stdout=io.StringIO(), stderr=io.StringIO(), cache=cache)
    status = cli.program(list(args), env)
    return status, env.stdout.getvalue(), env.stderr.getvalue()


@pytest.fixture(scope="module")
def cache(tmp_path_factory):
    return tmp_path_factory.mktemp("fields-cache")


def bilat(cache, *args):
    status, out, err = run(cache, *args, "--corpus", str(SEEDS))
    assert status == 0, err
    return out


def subset_validator(definition: str, fields: list[str]) -> Draft202012Validator:
    """The record's schema with only the selected keys required (the schemas describe whole records)."""
    schemas = copy.deepcopy(SCHEMAS)
    record = schemas["records.schema.json"]["$defs"][definition]
    record["required"] = fields
    registry = Registry().with_resources((s["$id"], Resource.from_contents(s)) for s in schemas.values())
    return Draft202012Validator({"type": "array", "items": {"$ref": f"https://schemas.bilat.invalid/records.schema.json#/$defs/{definition}"}},
                                registry=registry)


def test_the_keys_named_in_code_are_the_schemas_keys():
    definitions = SCHEMAS["records.schema.json"]["$defs"]
    for command, definition in DEFINITION.items():
        assert RECORD_KEYS[command] == tuple(definitions[definition]["properties"]), command
    assert RECORD_KEYS["pair"] == tuple(SCHEMAS["pair.schema.json"]["properties"])


@pytest.mark.parametrize("args", [("list",), ("timeline",), ("quote",), ("countries",), ("countries", "--country", "Hungary"),
                                  ("people",)])
def test_json_fields_keeps_only_those_keys_and_still_validates(args, cache):
    kind = "partners" if "--country" in args else args[0]
    fields = list(RECORD_KEYS[kind][1::2])  # every other key, from the second: never the whole record
    output = json.loads(bilat(cache, *args, "--json", ",".join(fields)))
    assert output and all(list(r) == fields for r in output)
    subset_validator(DEFINITION[kind], fields).validate(output)
    whole = json.loads(bilat(cache, *args, "--json"))
    assert output == [{k: r[k] for k in fields} for r in whole]  # the same records, trimmed


def test_plain_json_before_a_commands_own_arguments_still_works(cache):
    assert json.loads(bilat(cache, "pair", "--json", "Serbia", "Hungary"))["countries"] == ["HUN", "SRB"]
    words = json.loads(bilat(cache, "quote", "--json", "innovation"))
    assert words and all("innovation" in q["text"].lower() for q in words)
    assert [list(q) for q in json.loads(bilat(cache, "quote", "innovation", "--json", "doc"))] == [["doc"]] * len(words)
    assert list(json.loads(bilat(cache, "quote", "--json=text,doc", "innovation"))[0]) == ["text", "doc"]


def test_pair_json_fields_name_sections_and_limit_cuts_each_list(cache):
    whole = json.loads(bilat(cache, "pair", "Serbia", "Hungary", "--json"))
    assert len(whole["events"]) > 1 and len(whole["quotes"]) > 1
    picked = json.loads(bilat(cache, "pair", "Serbia", "Hungary", "--json", "overview,events", "--limit", "1"))
    assert list(picked) == ["overview", "events"] and len(picked["events"]) == 1
    assert picked["overview"] == whole["overview"]  # the overview still counts everything
    limited = json.loads(bilat(cache, "pair", "Serbia", "Hungary", "--json", "--limit", "1"))
    Draft202012Validator(SCHEMAS["pair.schema.json"], registry=Registry().with_resources(
        (s["$id"], Resource.from_contents(s)) for s in SCHEMAS.values())).validate(limited)
    assert all(len(limited[k]) <= 1 for k in ("events", "people", "quotes", "documents", "figures"))


@pytest.mark.parametrize(("args", "bad"), [(("list", "--json", "titel"), "titel"), (("people", "--json", "name,nme"), "nme"),
                                           (("pair", "RS", "HU", "--json=overveiw"), "overveiw"),
                                           (("countries", "--country", "Hungary", "--json", "partners"), "partners")])
def test_an_unknown_field_is_one_line_naming_the_valid_ones(args, bad, cache):
    status, out, err = run(cache, *args, "--corpus", str(SEEDS))
    assert status == 2 and out == ""
    assert err.count("\n") == 1 and bad in err and "choose from" in err
    kind = "partners" if "--country" in args else args[0]
    assert all(key in err for key in RECORD_KEYS[kind])


def test_show_and_index_print_their_record_whole(cache):
    status, _, err = run(cache, "index", "--json", "added", "--corpus", str(SEEDS))
    assert status == 2 and "takes no fields" in err


def test_sort_orders_by_named_keys_either_way(cache):
    dates = [e["date"] for e in json.loads(bilat(cache, "timeline", "--sort", "-date", "--json", "date"))]
    known = [d for d in dates if d]
    assert known == sorted(known, reverse=True) and dates[len(known):] == [None] * (len(dates) - len(known))
    people = json.loads(bilat(cache, "people", "--sort", "-quote_count,name", "--json", "name,quote_count"))
    assert people == sorted(people, key=lambda p: (-p["quote_count"], p["name"].casefold()))
    titles = [d["title"] for d in json.loads(bilat(cache, "list", "--sort", "title", "--json", "title"))]
    assert titles == sorted(titles, key=str.casefold)


def test_sort_comes_before_limit(cache):
    everyone = json.loads(bilat(cache, "people", "--json", "name,document_count"))
    top = json.loads(bilat(cache, "people", "--sort", "-document_count", "--limit", "2", "--json", "name,document_count"))
    assert [p["document_count"] for p in top] == sorted((p["document_count"] for p in everyone), reverse=True)[:2]
    quotes = json.loads(bilat(cache, "quote", "--sort", "-date", "--limit", "1", "--json", "date"))
    assert quotes[0]["date"] == max(q["date"] for q in json.loads(bilat(cache, "quote", "--json", "date")) if q["date"])


def test_an_unknown_sort_key_is_one_line_and_exit_2(cache):
    status, out, err = run(cache, "quote", "--sort", "-loudness", "--corpus", str(SEEDS))
    assert status == 2 and out == "" and err.count("\n") == 1 and "'-loudness'" in err and "speaker" in err


@pytest.mark.parametrize("fmt", ["--csv", "--tsv"])
def test_no_header_leaves_out_the_header_line_only(fmt, cache):
    with_header = bilat(cache, "timeline", fmt).splitlines()
    assert bilat(cache, "timeline", fmt, "--no-header").splitlines() == with_header[1:]
    assert with_header[0].startswith("date")
