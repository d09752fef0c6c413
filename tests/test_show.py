"""`bilat show ID`: one document as read, or one engagement with every report of it; unknown ids are usage errors."""
import io
import json
import re

import pytest

from bilat import cli
from bilat.environment import Environment
from bilat.views import highlighted

WIRE = (" date 2024-09-12 Greek Defence Minister Petros Alvanakis and his Cypriot counterpart Loukas Feronides signed a "
        "defence cooperation programme in Nicosia on Thursday.\n\n"
        "\"This programme makes our two navies one team,\" Alvanakis said.\n")
WEEKLY = ("Greece and Cyprus renew defence ties\n"
          "Greek Defence Minister Petros Alvanakis and Cypriot Defence Minister Loukas Feronides signed a defence cooperation "
          "programme in Nicosia this autumn, in 2024, the ministers said.\n")


@pytest.fixture
def folder(tmp_path):
    folder = tmp_path / "reports"
    folder.mkdir()
    (folder / "wire.txt").write_text(WIRE, encoding="utf-8")
    (folder / "weekly.txt").write_text(WEEKLY, encoding="utf-8")
    return folder


def bilat(folder, *args, color=False):
    env = Environment(stdout=io.StringIO(), stderr=io.StringIO(), force_color=color, no_color=not color)
    status = cli.program([*args, "--corpus", str(folder)], env)
    return status, env.stdout.getvalue(), env.stderr.getvalue()


def test_a_document_as_read(folder):
    status, out, err = bilat(folder, "show", "wire", "--json")
    assert status == 0, err
    shown = json.loads(out)
    assert shown["kind"] == "document" and shown["id"] == "wire"
    assert (shown["date"], shown["date_source"]) == ("2024-09-12", "relative")  # "on Thursday" of the dated article
    assert shown["countries"] == ["CYP", "GRC"]
    assert {p["name"]: p["role"] for p in shown["people"]}["Petros Alvanakis"] == "Defence Minister"
    [report] = shown["events"]
    assert report["main"] and report["type"] == "agreement" and "signed a defence cooperation programme" in report["evidence"]
    assert [q["speaker"]["name"] for q in shown["quotes"]] == ["Petros Alvanakis"]
    assert "one team" in shown["text"]


def test_a_date_another_report_fixes_says_so(folder):
    shown = json.loads(bilat(folder, "show", "weekly", "--json")[1])
    assert (shown["date"], shown["date_source"]) == ("2024-09-12", "other_report")


def test_an_event_id_gives_the_engagement_with_every_report(folder):
    [event] = json.loads(bilat(folder, "timeline", "--json")[1])
    shown = json.loads(bilat(folder, "show", event["id"], "--json")[1])
    assert shown["kind"] == "event" and shown["id"] == event["id"]
    assert sorted(r["doc"] for r in shown["reports"]) == ["weekly", "wire"]
    assert sorted(d["id"] for d in shown["documents"]) == ["weekly", "wire"]
    assert all(r["event"] == event["id"] for r in shown["reports"])
    # the report that does not lead the engagement names it too
    other = next(f"{r['doc']}#0" for r in shown["reports"] if f"{r['doc']}#0" != event["id"])
    assert json.loads(bilat(folder, "show", other, "--json")[1])["id"] == event["id"]


def test_the_terminal_view_highlights_countries_people_and_dates(folder):
    status, out, _ = bilat(folder, "show", "wire", "--format", "table", "--color", "always", "--width", "100")
    assert status == 0
    plain = re.sub(r"\x1b\[[0-9;]*m", "", out)
    assert "2024-09-12, worked out from words like" in plain and "Engagements" in plain and "one team" in plain
    assert re.search(r"\x1b\[[0-9;]*m(Petros Alvanakis|Alvanakis)\x1b\[0m", out)  # a person
    assert re.search(r"\x1b\[[0-9;]*mNicosia\x1b\[0m", out)  # a capital standing for its country


def test_highlighted_spans_do_not_overlap_and_keep_the_text():
    text = highlighted("Greek minister Petros Alvanakis met in Athens on 3 March 2024.", ["Petros Alvanakis"], "2024")
    assert text.plain == "Greek minister Petros Alvanakis met in Athens on 3 March 2024."
    styled = {text.plain[s.start:s.end] for s in text.spans}
    assert {"Greek", "Petros Alvanakis", "Athens", "3 March 2024"} <= styled
    ordered = sorted((s.start, s.end) for s in text.spans)
    assert all(a[1] <= b[0] for a, b in zip(ordered, ordered[1:], strict=False))


def test_flat_formats_print_the_reports(folder):
    status, out, _ = bilat(folder, "show", "wire", "--tsv")
    header, *rows = out.splitlines()
    assert header.split("\t") == ["date", "type", "countries", "place", "summary", "evidence", "main", "doc", "event"]
    assert len(rows) == 1 and rows[0].split("\t")[1] == "agreement"


@pytest.mark.parametrize(("wanted", "nearest"), [("wir", "wire"), ("weekyl", "weekly"), ("wire#7", "wire#0")])
def test_an_unknown_id_is_one_line_with_the_nearest_ids(folder, wanted, nearest):
    status, out, err = bilat(folder, "show", wanted)
    assert status == 2 and out == ""
    assert err.count("\n") == 1 and f"no document or event '{wanted}'" in err and nearest in err



def test_an_id_ending_in_a_space_is_found_and_suggested_ids_reach_the_terminal_safe(folder):
    (folder / "wire.txt").rename(folder / "wire .txt")  # a file name may end in a space: the id keeps it
    status, out, _ = bilat(folder, "show", "wire ", "--json")
    assert status == 0 and json.loads(out)
    (folder / "evil\x1b[2J.txt").write_text(WEEKLY, encoding="utf-8")
    status, _, err = bilat(folder, "show", "evil")
    assert status == 2 and "\x1b" not in err and "(nearest: evil)" in err
