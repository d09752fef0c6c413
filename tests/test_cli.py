import csv
import io
import json
import os
import subprocess
import sys

from typer.testing import CliRunner

from bilat.cli import app

runner = CliRunner()


def run(*args):
    result = runner.invoke(app, list(args))
    return result


def run_json(*args):
    result = run(*args, "--json")
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_pair_turkiye_hungary_holds_the_ankara_working_group_and_kacir(corpus):
    profile = run_json("pair", "Turkiye", "Hungary", "--corpus", str(corpus))
    assert profile["countries"] == ["HUN", "TUR"]
    assert set(profile) >= {"countries", "overview", "events", "people", "quotes", "documents", "figures"}
    assert any(e["type"] == "mechanism" and e["date"] == "2025-02-03" for e in profile["events"])
    assert any(e["place"] == "Ankara" for e in profile["events"])
    assert any(q["speaker"]["name"] and "Kacır" in q["speaker"]["name"] for q in profile["quotes"])
    assert {d["id"] for d in profile["documents"]} == {"000_b85290705725b330", "001_a131a3f05ff0976b"}
    assert profile["overview"]["first_date"] == "2025-02-03"
    assert any("4.4 billion" in f["value"] for f in profile["figures"])


def test_pair_accepts_codes_in_any_order_and_case(corpus):
    assert run_json("pair", "hu", "TR", "--corpus", str(corpus)) == run_json("pair", "Turkiye", "Hungary", "--corpus", str(corpus))
    assert run_json("pair", "turkish", "Magyarorszag", "--corpus", str(corpus))["countries"] == ["HUN", "TUR"]


def test_default_corpus_is_the_bundled_seeds():
    ids = [d["id"] for d in run_json("list")]
    assert ids and all(i.startswith(("000_", "001_", "002_", "003_", "004_")) for i in ids)
    assert len(ids) == 5


def test_list_json_keys_and_country_filter(corpus):
    docs = run_json("list", "--corpus", str(corpus))
    assert len(docs) == 5
    for d in docs:
        assert set(d) >= {"id", "title", "date", "date_precision", "countries", "pairs", "people", "event_types", "path"}
    spellings = {p["name"]: p["canonical"] for d in docs for p in d["people"] if "Bobrovni" in p["name"]}
    assert len(spellings) >= 2 and len(set(spellings.values())) == 1  # one person under every spelling
    serbian = run_json("list", "--corpus", str(corpus), "--country", "Serbian", "--country", "hu")
    assert {d["id"] for d in serbian} == {"002_e6b05a2ad52912ea", "003_f264a064ad147425"}
    assert run_json("list", "--corpus", str(corpus), "--search", "Kazakhstan")[0]["id"] == "004_4e4b5e608c2897a8"
    assert len(run_json("list", "--corpus", str(corpus), "--limit", "2")) == 2


def test_timeline_is_in_date_order_with_undated_last(corpus):
    events = run_json("timeline", "--corpus", str(corpus))
    assert events
    keys = {"id", "date", "date_precision", "date_source", "countries", "type", "cameo", "plover", "place", "summary", "evidence", "docs"}
    assert all(keys <= set(e) for e in events)
    dated = [e["date"] for e in events if e["date"]]
    assert dated == sorted(dated)
    first_undated = next(i for i, e in enumerate(events) if e["date"] is None)
    assert all(e["date"] is None for e in events[first_undated:])
    assert all(isinstance(e["cameo"], str) and e["plover"]["context"] == "military" for e in events)


def test_timeline_filters_by_type_and_dates(corpus):
    agreements = run_json("timeline", "--corpus", str(corpus), "--type", "agreement")
    assert agreements and all(e["type"] == "agreement" for e in agreements)
    in_2025 = run_json("timeline", "--corpus", str(corpus), "--since", "2025", "--until", "2025-12-31")
    assert in_2025 and all(e["date"] and e["date"].startswith("2025") for e in in_2025)


def test_quote_filters_by_speaker_without_diacritics(corpus):
    quotes = run_json("quote", "--corpus", str(corpus), "--speaker", "Kacir")
    assert quotes and all("Kacır" in q["speaker"]["name"] for q in quotes)
    assert all(set(q) >= {"text", "speaker", "doc", "date"} for q in quotes)
    worded = run_json("quote", "innovation", "--corpus", str(corpus))
    assert worded and all("innovation" in q["text"].lower() for q in worded)


def test_jsonl_csv_and_tsv_parse(corpus):
    out = run("timeline", "--corpus", str(corpus), "--jsonl").stdout
    rows = [json.loads(line) for line in out.splitlines()]
    assert rows and all("type" in r for r in rows)
    table = list(csv.DictReader(io.StringIO(run("list", "--corpus", str(corpus), "--csv").stdout)))
    assert len(table) == 5 and "countries" in table[0]
    tsv = run("quote", "--corpus", str(corpus), "--tsv").stdout.splitlines()
    assert tsv[0].split("\t")[:3] == ["date", "speaker", "country"]
    assert all(len(line.split("\t")) == 6 for line in tsv)


def test_tabulate_formats_do_not_parse_numbers(corpus):
    out = run("list", "--corpus", str(corpus), "--format", "github").stdout
    assert out.startswith("| id")
    assert "000_b85290705725b330" in out


def test_unknown_country_is_a_usage_error_with_a_suggestion(corpus):
    result = run("pair", "Hungry", "Turkey", "--corpus", str(corpus))
    assert result.exit_code == 2
    assert "Hungary" in result.stderr and "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_bad_format_and_bad_date_are_usage_errors(corpus):
    assert run("list", "--corpus", str(corpus), "--format", "xml").exit_code == 2
    assert run("list", "--corpus", str(corpus), "--since", "not a date").exit_code == 2


def test_missing_corpus_is_a_usage_error(tmp_path):
    # issue 10: a folder that does not exist is the user's input to fix, exit 2
    result = run("list", "--corpus", str(tmp_path / "nope"))
    assert result.exit_code == 2
    assert "corpus folder not found" in result.stderr


def test_added_edited_and_removed_files_show_in_the_next_query(corpus):
    assert len(run_json("list", "--corpus", str(corpus))) == 5
    sub = corpus / "2025"
    sub.mkdir()
    (sub / "new.txt").write_text(" date 2024-05-02 Greek and Cypriot defence ministers signed a defence cooperation plan in Nicosia on Thursday.\n", encoding="utf-8")
    docs = {d["id"]: d for d in run_json("list", "--corpus", str(corpus))}
    assert "2025/new" in docs and docs["2025/new"]["countries"] == ["CYP", "GRC"]
    (sub / "new.txt").write_text("Japanese and Philippine forces held a joint exercise in Manila in 2023.\n", encoding="utf-8")
    os.utime(sub / "new.txt", ns=(1, 1))
    docs = {d["id"]: d for d in run_json("list", "--corpus", str(corpus))}
    assert docs["2025/new"]["countries"] == ["JPN", "PHL"]
    (corpus / "000_b85290705725b330.txt").unlink()
    docs = {d["id"] for d in run_json("list", "--corpus", str(corpus))}
    assert "000_b85290705725b330" not in docs and len(docs) == 5


def test_index_command_reports_counts(corpus):
    first = run_json("index", "--corpus", str(corpus))
    assert first["added"] == 5 and first["unchanged"] == 0
    (corpus / "extra.md").write_text("Hungarian and Slovak troops held a joint drill in 2022.\n", encoding="utf-8")
    second = run_json("index", "--corpus", str(corpus))
    assert (second["added"], second["unchanged"], second["removed"]) == (1, 5, 0)
    rebuilt = run_json("index", "--corpus", str(corpus), "--rebuild")
    assert rebuilt["added"] == 6


def test_corrupt_index_fails_cleanly(corpus, tmp_path, monkeypatch):
    bad = tmp_path / "broken.db"
    bad.write_bytes(b"this is not a database" * 100)
    monkeypatch.setenv("BILAT_INDEX", str(bad))
    result = run("list", "--corpus", str(corpus))
    assert result.exit_code == 1
    assert "unreadable" in result.stderr and "Traceback" not in result.stderr
    assert bad.read_bytes() == b"this is not a database" * 100  # left as it was for the user to inspect


def test_article_text_is_never_markup_or_escape_codes(corpus):
    (corpus / "evil.txt").write_text("[bold red]Serbian[/] and \x1b[31mHungarian\x1b[0m troops held joint drills in 2021.\n", encoding="utf-8")
    out = runner.invoke(app, ["list", "--corpus", str(corpus), "--format", "table"], env={"COLUMNS": "300"}).stdout
    assert "\x1b" not in out and "[bold red]Serbian[/]" in out


def test_pipe_output_is_plain_tsv_without_escape_codes(corpus):
    env = dict(os.environ, FORCE_COLOR="1")
    env.pop("NO_COLOR", None)
    proc = subprocess.run([sys.executable, "-m", "bilat", "timeline", "--corpus", str(corpus)], capture_output=True, text=True, env=env)
    assert proc.returncode == 0, proc.stderr
    assert "\x1b" not in proc.stdout
    assert proc.stdout.splitlines()[0].startswith("date\ttype\tcountries")


def test_real_subprocess_pair_json_and_exit_codes(corpus):
    proc = subprocess.run([sys.executable, "-m", "bilat", "pair", "turkey", "HU", "--json", "--corpus", str(corpus)],
                          capture_output=True, text=True)
    assert proc.returncode == 0
    assert json.loads(proc.stdout)["overview"]["document_count"] == 2
    bad = subprocess.run([sys.executable, "-m", "bilat", "pair", "Narnia", "HU"], capture_output=True, text=True)
    assert bad.returncode == 2 and bad.stderr.startswith("bilat: unknown country")


def test_two_reports_of_one_engagement_are_one_event(tmp_path):
    folder = tmp_path / "reports"
    folder.mkdir()
    (folder / "wire.txt").write_text(
        " date 2024-09-12 Greek Defence Minister Nikos Dendias and his Cypriot counterpart Vasilis Palmas signed a "
        "defence cooperation programme in Nicosia on Thursday.\n", encoding="utf-8")
    (folder / "weekly.txt").write_text(
        "Greece and Cyprus renew defence ties\n"
        "Greek Defence Minister Nikos Dendias and Cypriot Defence Minister Vasilis Palmas signed a defence cooperation "
        "programme in Nicosia this autumn, in 2024, the ministers said.\n", encoding="utf-8")
    (folder / "other.txt").write_text(
        " date 2021-03-02 Greece and Cyprus held a joint naval exercise off Limassol on Monday.\n", encoding="utf-8")
    events = run_json("timeline", "--corpus", str(folder), "--type", "agreement")
    assert len(events) == 1
    assert sorted(events[0]["docs"]) == ["weekly", "wire"]
    assert events[0]["date"] == "2024-09-12" and events[0]["place"] == "Nicosia"
    docs = {d["id"]: d for d in run_json("list", "--corpus", str(folder))}
    assert docs["weekly"]["date"] == "2024-09-12"  # the weekly fixes only the year; the wire fixes the day
    exercises = run_json("timeline", "--corpus", str(folder), "--type", "exercise")
    assert [e["docs"] for e in exercises] == [["other"]]


def test_version_and_shell_completion():
    assert run("--version").stdout.strip().startswith("bilat ")
    root = __import__("pathlib").Path(__file__).resolve().parents[1] / "completions"
    for shell in ("bash", "zsh", "fish"):
        assert "_BILAT_COMPLETE" in (root / f"bilat.{shell}").read_text()
    env = dict(os.environ, COMP_WORDS="bilat pair Serb", COMP_CWORD="2", _BILAT_COMPLETE="complete_bash")
    proc = subprocess.run([sys.executable, "-m", "bilat"], capture_output=True, text=True, env=env)
    assert "Serbia" in proc.stdout.split()


def test_usage_errors_are_one_line_and_pipes_end_quietly(corpus):
    bad = subprocess.run([sys.executable, "-m", "bilat", "list", "--bogus"], capture_output=True, text=True)
    assert bad.returncode == 2
    assert bad.stderr.count("\n") == 1 and bad.stderr.startswith("bilat: No such option: --bogus")
    head = subprocess.run(f"{sys.executable} -m bilat timeline --corpus {corpus} | head -1", shell=True,
                          capture_output=True, text=True)
    assert head.stdout.startswith("date\ttype") and "Traceback" not in head.stderr and "Error" not in head.stderr


def test_an_ambiguous_country_names_its_choices():
    result = run("pair", "Korea", "Japan")
    assert result.exit_code == 2
    assert result.stderr.strip() == "bilat: 'Korea' is ambiguous: say South Korea (KOR) or North Korea (PRK)"
    assert run("pair", "Congo", "Rwanda").exit_code == 2
    guinea = run("pair", "Guinea", "Mali")
    assert guinea.exit_code == 2 and "Guinea-Bissau (GNB)" in guinea.stderr and "GIN for Guinea itself" in guinea.stderr
    assert run("pair", "Republic of Guinea", "Mali", "--json").exit_code == 0  # the country itself, by its full name
    assert run("pair", "GIN", "Mali", "--json").exit_code == 0
