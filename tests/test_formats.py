"""Files besides .txt and .md: exports of records (.jsonl, .json: one document each) and saved web pages (.html, .htm)."""
import io
import json

import pytest

from bilat import cli, corpus, exports, webpages
from bilat.environment import Environment

# Invented people; real countries (the extraction knows those).
WIRE = ("Greek Defence Minister Petros Alvanakis and his Cypriot counterpart Loukas Feronides signed a defence "
        "cooperation programme in Nicosia.")
DRILL = "Poland and Lithuania held a joint military exercise near the border, the Polish army said."
PACT = "Japan and the Philippines signed a reciprocal access agreement in Manila."
PAGE = """<!doctype html><html><head><title>Greece and Cyprus sign defence programme | Daily Courier</title>
<meta property="og:title" content="Greece and Cyprus sign defence programme">
<meta property="article:published_time" content="2024-05-14T09:30:00Z">
<script>var teaser = "Hungary signs an arms deal with Serbia";</script><style>.ad{}</style></head>
<body><nav><a href="/">Home</a> <a href="/world">World</a> <a href="/serbia">Serbia</a></nav>
<header>Daily Courier: subscribe now</header>
<article><h1>Greece and Cyprus sign defence programme</h1>
<p>""" + WIRE + """</p>
<p>"This programme makes our two navies one team," Alvanakis said after the ceremony, which followed two days of talks.</p>
<p>The ministers agreed to hold a joint naval exercise off Limassol, the third such drill since the two countries deepened their ties.</p>
</article>
<aside>Most read: Serbia buys jets from France</aside><footer>Daily Courier. Cookies. Privacy.</footer></body></html>
"""


def bilat(folder, *args):
    env = Environment(stdout=io.StringIO(), stderr=io.StringIO())
    status = cli.program([*args, "--corpus", str(folder)], env)
    return status, env.stdout.getvalue(), env.stderr.getvalue()


def documents(folder):
    status, out, err = bilat(folder, "list", "--json")
    assert status == 0, err
    return {d["id"]: d for d in json.loads(out)}


@pytest.fixture
def folder(tmp_path):
    folder = tmp_path / "news"
    (folder / "exports").mkdir(parents=True)
    lines = [json.dumps({"id": "w-1", "title": "Greece and Cyprus sign", "date": "2024-03-02T10:00:00Z",
                         "url": "https://example.invalid/w-1", "text": WIRE}),
             json.dumps({"text": DRILL}),  # no id: its position
             "",
             "{not json",
             json.dumps({"id": 9, "text": "  "})]
    (folder / "exports" / "feed.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (folder / "batch.json").write_text(json.dumps({"articles": [{"id": "p#1", "text": PACT, "date": "2024-07-08"}]}),
                                       encoding="utf-8")
    (folder / "plain.txt").write_text(DRILL + "\n", encoding="utf-8")
    return folder


def test_each_record_of_an_export_is_a_document(folder):
    docs = documents(folder)
    assert set(docs) == {"exports/feed:w-1", "exports/feed:2", "batch:p_1", "plain"}
    wire = docs["exports/feed:w-1"]
    assert wire["title"] == "Greece and Cyprus sign" and wire["countries"] == ["CYP", "GRC"]
    assert wire["path"].endswith("feed.jsonl")
    assert docs["batch:p_1"]["event_types"] == ["agreement"]


def test_a_records_date_is_its_published_date_and_says_so(folder):
    shown = json.loads(bilat(folder, "show", "exports/feed:w-1", "--json")[1])
    assert (shown["date"], shown["date_source"]) == ("2024-03-02", "metadata")
    assert shown["events"][0]["date_source"] == "metadata"


def test_records_that_are_not_articles_are_reported_once(folder):
    status, _, err = bilat(folder, "list")
    assert status == 0
    assert "feed.jsonl:3: line 3 is not JSON" in err and "feed.jsonl:9: record 4 has no text" in err
    assert bilat(folder, "list")[2] == ""  # unchanged since: not again


def test_an_unchanged_export_is_not_read_again(folder, monkeypatch):
    documents(folder)

    def no_reading(*_):
        raise AssertionError("an unchanged export was parsed again")

    monkeypatch.setattr(corpus, "export_records", no_reading)
    assert len(documents(folder)) == 4


def test_an_edited_export_is_read_again_and_removed_records_go(folder):
    documents(folder)
    (folder / "exports" / "feed.jsonl").write_text(json.dumps({"id": "w-2", "text": PACT}) + "\n", encoding="utf-8")
    status, out, _ = bilat(folder, "index", "--json")
    report = json.loads(out)
    assert report["added"] == 1 and report["removed"] == 2  # its two documents; its skipped records are forgotten
    assert set(documents(folder)) == {"exports/feed:w-2", "batch:p_1", "plain"}


def test_index_counts_documents_per_format(folder):
    status, out, _ = bilat(folder, "index")
    assert status == 0 and out.endswith("; documents: 2 jsonl, 1 json, 1 txt\n")
    assert json.loads(bilat(folder, "index", "--json")[1])["formats"] == {"jsonl": 2, "json": 1, "txt": 1}
    header, row = bilat(folder, "index", "--tsv")[1].splitlines()
    assert header.split("\t")[-1] == "formats" and row.split("\t")[-1] == "jsonl=2; json=1; txt=1"


@pytest.mark.parametrize(("content", "reason"), [
    (b"[1, 2", "not JSON"), (b'{"config": true}', "no records"), (b"\xff\xfe\x00", "not JSON")])
def test_a_json_file_that_is_no_export_is_skipped_with_its_reason(tmp_path, content, reason):
    (tmp_path / "settings.json").write_bytes(content)
    (tmp_path / "plain.txt").write_text(DRILL, encoding="utf-8")
    status, out, err = bilat(tmp_path, "list", "--json")
    assert status == 0 and [d["id"] for d in json.loads(out)] == ["plain"]
    assert "settings.json" in err and reason in err and err.count("\n") == 1


def test_record_keys_are_unique_and_safe():
    data = "\n".join(json.dumps(r) for r in [{"id": "a b", "text": "x"}, {"id": "a b", "text": "y"}, {"id": True, "text": "z"},
                                             {"id": "n#3:4", "text": "w"}]).encode()
    assert [r.key for r in exports.records(data, ".jsonl")] == ["a_b", "a_b.2", "3", "n_3_4"]


def test_a_saved_page_gives_its_article_title_and_published_date(tmp_path):
    pytest.importorskip("trafilatura")
    (tmp_path / "courier.html").write_text(PAGE, encoding="utf-8")
    (tmp_path / "copy.HTM").write_text(PAGE.replace("2024-05-14", "2024-05-15"), encoding="utf-8")
    shown = json.loads(bilat(tmp_path, "show", "courier", "--json")[1])
    assert shown["title"] == "Greece and Cyprus sign defence programme"
    assert (shown["date"], shown["date_source"]) == ("2024-05-14", "metadata")
    assert shown["countries"] == ["CYP", "GRC"]  # the navigation's and the aside's Serbia and France are dropped
    assert "subscribe" not in shown["text"] and "teaser" not in shown["text"] and "one team" in shown["text"]
    assert json.loads(bilat(tmp_path, "index", "--json")[1])["formats"] == {"html": 2}


def test_without_the_html_extra_a_page_is_skipped_with_how_to_get_it(tmp_path, monkeypatch):
    import builtins

    real_import = builtins.__import__

    def without_trafilatura(name, *args, **kwargs):
        if name == "trafilatura":
            raise ImportError(name)
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", without_trafilatura)
    (tmp_path / "courier.html").write_text(PAGE, encoding="utf-8")
    status, out, err = bilat(tmp_path, "list", "--json")
    assert status == 0 and json.loads(out) == []
    assert f"courier.html: {webpages.MISSING}" in err
