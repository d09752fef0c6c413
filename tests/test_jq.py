"""--jq EXPR: the JSON output filtered with jq syntax when the optional jq package is installed, and one line saying
how to get it when it is not."""
import io
import json
import sys

import pytest

from bilat import cli
from bilat.environment import Environment
from conftest import SEEDS


def run(cache, *args):
    env = Environment(stdout=io.StringIO(), stderr=io.StringIO(), cache=cache)
    status = cli.program([*args, "--corpus", str(SEEDS)], env)
    return status, env.stdout.getvalue(), env.stderr.getvalue()


@pytest.fixture(scope="module")
def cache(tmp_path_factory):
    return tmp_path_factory.mktemp("jq-cache")


def test_without_the_package_jq_says_how_to_get_it(cache, monkeypatch):
    monkeypatch.setitem(sys.modules, "jq", None)  # import jq fails, as where the extra is not installed
    status, out, err = run(cache, "list", "--jq", ".[].id")
    assert status == 2 and out == ""
    assert err.count("\n") == 1 and "pip install 'bilat[jq]'" in err


def test_jq_filters_the_json_output(cache):
    pytest.importorskip("jq")
    status, out, err = run(cache, "list", "--jq", ".[].id")
    assert status == 0, err
    _, whole, _ = run(cache, "list", "--json")
    assert out.splitlines() == [d["id"] for d in json.loads(whole)]  # strings print as plain lines
    status, out, _ = run(cache, "pair", "Serbia", "Hungary", "--jq", ".overview | {events: .event_count, documents: .document_count}")
    assert status == 0 and json.loads(out) == {"events": 4, "documents": 2}  # other values as one line of JSON each
    status, out, _ = run(cache, "people", "--json", "name,quote_count", "--jq", "[.[] | select(.quote_count > 0)] | length")
    assert status == 0 and int(out) == sum(1 for p in json.loads(run(cache, "people", "--json")[1]) if p["quote_count"] > 0)


@pytest.mark.parametrize(("args", "said"), [(("list", "--jq", ".[] | {"), "--jq"), (("list", "--jq", ".[].title.x"), "--jq"),
                                            (("list", "--csv", "--jq", "."), "JSON output")])
def test_a_bad_expression_or_format_is_one_line_and_exit_2(args, said, cache):
    pytest.importorskip("jq")
    status, out, err = run(cache, *args)
    assert status == 2 and out == "" and err.count("\n") == 1 and said in err
