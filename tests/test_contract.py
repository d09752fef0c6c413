"""The output contract: real output on the seeds and on the shared dev set validates against docs/schema,
keys agree across commands, ids are unique, and flat rows carry what scripts join on."""
import csv
import io
import json
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator
from referencing import Registry, Resource

from bilat import cli
from bilat.environment import Environment
from conftest import ROOT, SEEDS, SHARED

SCHEMAS = {p.name: json.loads(p.read_text(encoding="utf-8")) for p in (ROOT / "docs" / "schema").glob("*.json")}
REGISTRY = Registry().with_resources((s["$id"], Resource.from_contents(s)) for s in SCHEMAS.values())
RECORD_OF = {"list": "document", "timeline": "event", "pair": "event", "quote": "quote", "index": "index_report",
             "countries": "country_summary", "people": "person_summary"}
CORPORA = [pytest.param(SEEDS, id="seeds")] + [
    pytest.param(SHARED / "corpus" / name, id=name,
                 marks=pytest.mark.skipif(not (SHARED / "corpus" / name).is_dir(), reason="../shared is not here"))
    for name in ("dev", "dev2")]
PAIRS = [("Turkiye", "Hungary"), ("Serbia", "Hungary"), ("Kosovo", "Albania"), ("Japan", "Philippines"), ("France", "India")]


def validator(name: str) -> Draft202012Validator:
    return Draft202012Validator(SCHEMAS[name], registry=REGISTRY)


def record_validator(definition: str) -> Draft202012Validator:
    return Draft202012Validator({"$ref": f"https://schemas.bilat.invalid/records.schema.json#/$defs/{definition}"},
                                registry=REGISTRY)


def bilat(cache: Path, *args: str) -> str:
    env = Environment(stdout=io.StringIO(), stderr=io.StringIO(), cache=cache)
    status = cli.program(list(args), env)
    assert status == 0, env.stderr.getvalue()
    return env.stdout.getvalue()


@pytest.fixture(scope="module")
def cache(tmp_path_factory):
    return tmp_path_factory.mktemp("contract-cache")


def test_schemas_are_valid_schemas():
    for schema in SCHEMAS.values():
        Draft202012Validator.check_schema(schema)
    assert {"list.schema.json", "timeline.schema.json", "quote.schema.json", "pair.schema.json", "index.schema.json",
            "jsonl.schema.json", "records.schema.json"} <= set(SCHEMAS)


@pytest.mark.parametrize("folder", CORPORA)
@pytest.mark.parametrize("command", ["list", "timeline", "quote", "index", "countries", "people"])
def test_json_and_jsonl_validate(folder, command, cache):
    output = json.loads(bilat(cache, command, "--corpus", str(folder), "--json"))
    validator(f"{command}.schema.json").validate(output)
    if command != "index":
        assert output, f"{command} printed nothing to check"
    lines = bilat(cache, command, "--corpus", str(folder), "--jsonl").splitlines()
    for line in lines:
        record = json.loads(line)
        validator("jsonl.schema.json").validate(record)
        record_validator(RECORD_OF[command]).validate(record)


@pytest.mark.parametrize("folder", CORPORA)
def test_every_pair_of_the_corpus_validates(folder, cache):
    documents = json.loads(bilat(cache, "list", "--corpus", str(folder), "--json"))
    pairs = sorted({tuple(p) for d in documents for p in d["pairs"]})
    assert pairs
    for first, second in pairs:
        validator("pair.schema.json").validate(json.loads(bilat(cache, "pair", first, second, "--corpus", str(folder), "--json")))


@pytest.mark.parametrize("folder", CORPORA)
@pytest.mark.parametrize(("first", "second"), PAIRS)
def test_pair_json_validates(folder, first, second, cache):
    profile = json.loads(bilat(cache, "pair", first, second, "--corpus", str(folder), "--json"))
    validator("pair.schema.json").validate(profile)
    overview = profile["overview"]
    assert overview["document_count"] == len(profile["documents"])
    assert overview["event_count"] == len(profile["events"])
    assert overview["person_count"] == len(profile["people"])
    assert overview["quote_count"] == len(profile["quotes"])
    assert overview["figure_count"] == len(profile["figures"])
    assert overview["multilateral_event_count"] == sum(e["multilateral"] for e in profile["events"])
    for line in bilat(cache, "pair", first, second, "--corpus", str(folder), "--jsonl").splitlines():
        record_validator("event").validate(json.loads(line))


@pytest.mark.parametrize("folder", CORPORA)
def test_event_ids_are_unique_and_every_flat_timeline_row_carries_one(folder, cache):
    events = json.loads(bilat(cache, "timeline", "--corpus", str(folder), "--json"))
    ids = [e["id"] for e in events]
    assert len(set(ids)) == len(ids)
    for fmt in ("csv", "tsv"):
        rows = list(csv.DictReader(io.StringIO(bilat(cache, "timeline", "--corpus", str(folder), f"--{fmt}")),
                                   delimiter="," if fmt == "csv" else "\t", quoting=csv.QUOTE_MINIMAL if fmt == "csv" else csv.QUOTE_NONE))
        assert [r["id"] for r in rows] == ids


def test_one_name_means_one_thing_across_commands(cache):
    """A key holds the same kind of value wherever it appears: no count and list both called `documents`,
    `country`/`role` of a person the same in `quote` as in `list` and `pair`."""
    profile = json.loads(bilat(cache, "pair", "Turkiye", "Hungary", "--json"))
    quotes = json.loads(bilat(cache, "quote", "--json"))
    documents = json.loads(bilat(cache, "list", "--json"))
    kinds: dict[str, set[str]] = {}

    def walk(value, key=None):
        if key is not None and value is not None:  # null stands in for any kind
            kinds.setdefault(key, set()).add(type(value).__name__)
        if isinstance(value, dict):
            for k, v in value.items():
                walk(v, k)
        elif isinstance(value, list):
            for v in value:
                walk(v)

    walk([profile, quotes, documents])
    assert {k: v for k, v in kinds.items() if len(v) > 1} == {}
    assert not any(k.startswith("speaker_") for k in kinds)
    assert set(quotes[0]["speaker"]) == {"name", "country", "role"} == set(profile["people"][0]) - {"variants", "docs"}


def test_contract_names_every_field_and_date_source():
    contract = (ROOT / "docs" / "contract.md").read_text(encoding="utf-8")
    records = SCHEMAS["records.schema.json"]["$defs"]
    fields = {k for d in records.values() for k in d.get("properties", {})}
    fields |= set(SCHEMAS["pair.schema.json"]["properties"])
    missing = sorted(f for f in fields if f"`{f}`" not in contract)
    assert missing == []
    sources = [s for s in records["date_source"]["enum"] if s]
    assert all(f"`{s}`" in contract for s in sources)


def test_code_cites_no_file_outside_the_repository():
    cited = [p for p in (ROOT / "src").rglob("*") if p.is_file() and p.suffix in (".py", ".toml", ".md")
             and ("DESIGN.md" in p.read_text(encoding="utf-8") or "../shared" in p.read_text(encoding="utf-8"))]
    assert cited == []


@pytest.mark.parametrize("folder", CORPORA)
def test_no_two_timeline_rows_look_alike(folder, cache):
    """Two engagements read from one sentence say what differs (a date, a place, a name in the summary)."""
    events = json.loads(bilat(cache, "timeline", "--corpus", str(folder), "--json"))
    shown = [(e["type"], tuple(e["countries"]), e["date"], e["place"], e["summary"]) for e in events]
    assert len(set(shown)) == len(shown)


@pytest.mark.parametrize("folder", CORPORA)
def test_show_of_every_document_and_event_validates(folder, cache):
    """`show` takes every id list and timeline print, and its output keys what they key alike."""
    documents = json.loads(bilat(cache, "list", "--corpus", str(folder), "--json"))
    events = json.loads(bilat(cache, "timeline", "--corpus", str(folder), "--json"))
    for d in documents:
        shown = json.loads(bilat(cache, "show", d["id"], "--corpus", str(folder), "--json"))
        validator("show.schema.json").validate(shown)
        assert shown["kind"] == "document" and {k: shown[k] for k in d} == d
        assert shown["text"] and {r["event"] for r in shown["events"]} <= {e["id"] for e in events}
    for e in events:
        shown = json.loads(bilat(cache, "show", e["id"], "--corpus", str(folder), "--json"))
        validator("show.schema.json").validate(shown)
        assert shown["kind"] == "event" and {k: shown[k] for k in e} == e
        assert [d["id"] for d in shown["documents"]] == e["docs"] and set(e["docs"]) == {r["doc"] for r in shown["reports"]}
    line = bilat(cache, "show", events[0]["id"], "--corpus", str(folder), "--jsonl")
    assert line.count("\n") == 1
    validator("show.schema.json").validate(json.loads(line))


@pytest.mark.parametrize("folder", CORPORA)
def test_partners_of_every_country_validate_and_agree_with_the_summary(folder, cache):
    summary = json.loads(bilat(cache, "countries", "--corpus", str(folder), "--json"))
    for row in summary:
        if not row["partners"]:
            continue
        partners = json.loads(bilat(cache, "countries", "--country", row["country"], "--corpus", str(folder), "--json"))
        validator("countries.schema.json").validate(partners)
        assert {p["country"]: p["event_count"] for p in partners} == {p["country"]: p["event_count"] for p in row["partners"]}
        for line in bilat(cache, "countries", "--country", row["country"], "--corpus", str(folder), "--jsonl").splitlines():
            validator("jsonl.schema.json").validate(json.loads(line))
            record_validator("partner").validate(json.loads(line))
