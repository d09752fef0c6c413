"""Hostile article text: no output mode lets it drive the terminal or reads it as rich markup."""
import csv
import io
import json
import re

import pytest

from bilat import render, views
from bilat.render import terminal_safe, to_json

# Each form a hostile page can carry, and the visible text that must survive it.
HOSTILE = {
    "csi colour": ("\x1b[31;1mred\x1b[0m", "red"),
    "clear screen": ("a\x1b[2Jb", "ab"),
    "cursor move": ("a\x1b[10;5Hb", "ab"),
    "osc 8 hyperlink (BEL)": ("\x1b]8;;https://evil.example\x07click\x1b]8;;\x07", "click"),
    "osc 8 hyperlink (ST)": ("\x1b]8;;https://evil.example\x1b\\click\x1b]8;;\x1b\\", "click"),
    "osc 52 clipboard": ("x\x1b]52;c;cm0gLXJmIH4=\x07y", "xy"),
    "osc title": ("\x1b]0;pwned\x07t", "t"),
    "8-bit csi": ("a\x9b2Jb", "ab"),
    "reset escape": ("a\x1bcb", "ab"),
    "bell": ("ding\x07", "ding"),
    "backspace": ("abc\x08\x08\x08xyz", "abcxyz"),
    "carriage return": ("safe\rEVIL", "safeEVIL"),
    "nul and del": ("a\x00b\x7fc", "abc"),
    "bidi override": ("\u202egnp.exe", "gnp.exe"),
    "bidi embeddings": ("\u202a\u202b\u202c\u202dx", "x"),
    "bidi isolates": ("\u2066\u2067\u2068x\u2069", "x"),
    "zero-width space in a name": ("Ade\u200bba\u200c\u200dyo", "Adebayo"),
    "word joiner, bom, soft hyphen": ("Nova\u2060\ufeffkovi\u00adć", "Novaković"),
    "tag characters": ("hi\U000e0041\U000e0042", "hi"),
    "rich markup": ("[bold red]alarm[/] [link=https://evil.example]x[/link]",
                    "[bold red]alarm[/] [link=https://evil.example]x[/link]"),
}
# What must never reach stdout raw, whatever the mode.
RAW_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u00ad\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff"
                        "\U000e0000-\U000e007f]")
ALL_HOSTILE = " ".join(text for text, _ in HOSTILE.values())


@pytest.mark.parametrize("text,visible", HOSTILE.values(), ids=HOSTILE.keys())
def test_terminal_safe_removes_each_form_and_keeps_the_words(text, visible):
    assert terminal_safe(text) == visible


def test_terminal_safe_keeps_ordinary_text_tabs_and_newlines():
    text = "Türkiye and Ελλάδα — «quoted» 日本\n\tindented"
    assert terminal_safe(text) == text


def test_undecodable_file_name_bytes_become_a_replacement_character():
    assert terminal_safe("T\udcfcrkiye") == "T\ufffdrkiye"


@pytest.mark.parametrize("text,visible", HOSTILE.values(), ids=HOSTILE.keys())
def test_json_keeps_the_text_exactly_but_escapes_what_a_terminal_acts_on(text, visible):
    out = to_json({"title": text})
    assert json.loads(out) == {"title": text}
    assert not RAW_UNSAFE.search(out)


def test_json_keeps_accents_readable():
    assert to_json("Türkiye") == '"Türkiye"'


def _records():
    return [{"id": "evil\x1b[2J/doc\u202e", "date": "2025-01-02", "title": ALL_HOSTILE,
             "countries": ["TUR", "ESP\x07"], "event_types": ["meeting"]}]


@pytest.mark.parametrize("fmt", ["tsv", "csv", "table", "plain", "simple", "github", "grid", "pipe", "rst"])
def test_no_flat_or_table_mode_lets_article_text_reach_the_terminal(fmt, capsys):
    views.documents(_records(), fmt)
    out = capsys.readouterr().out
    assert not RAW_UNSAFE.search(out.replace("\n", "").replace("\t", ""))
    assert "[bold red]alarm[/]" in out.replace("\n", "") or fmt == "table"  # a narrow table may wrap it
    assert "gnp.exe" in out


def test_csv_and_tsv_rows_stay_rows():
    for fmt, delimiter in (("csv", ","), ("tsv", "\t")):
        buf = io.StringIO()
        render.emit([{"a": "one\r\ntwo\x1b[2J", "b": "x\ty"}], [render.Column("a", "a"), render.Column("b", "b")], fmt, buf)
        rows = list(csv.reader(io.StringIO(buf.getvalue()), delimiter=delimiter))
        assert len(rows) == 2 and "\x1b" not in buf.getvalue() and "\r" not in buf.getvalue()


@pytest.mark.parametrize("fmt", ["json", "jsonl"])
def test_json_modes_keep_hostile_text_escaped(fmt, capsys):
    views.documents(_records(), fmt)
    out = capsys.readouterr().out
    assert not RAW_UNSAFE.search(out.replace("\n", ""))
    first = json.loads(out) if fmt == "json" else [json.loads(line) for line in out.splitlines()]
    assert first[0]["title"] == ALL_HOSTILE  # the text itself is kept, only escaped


def _terminal(monkeypatch):
    """A real terminal as rich sees one: colours on, so the only escapes are rich's own styling."""
    from rich.console import Console

    buf = io.StringIO()
    monkeypatch.setattr(render, "console", lambda *_: Console(file=buf, force_terminal=True, color_system="truecolor",
                                                           width=400, highlight=False, emoji=False))
    return buf


def _styling_removed(out: str) -> str:
    """rich's own SGR sequences (ESC[...m) are the only escapes allowed on a terminal."""
    return re.sub(r"\x1b\[[0-9;]*m", "", out)


def test_a_terminal_table_shows_markup_as_text_and_no_sequences(monkeypatch):
    buf = _terminal(monkeypatch)
    records = _records()
    records[0]["title"] = HOSTILE["rich markup"][0] + " " + ALL_HOSTILE  # the terminal shortens a long title
    views.documents(records, "table")
    out = _styling_removed(buf.getvalue())
    assert not RAW_UNSAFE.search(out.replace("\n", ""))
    assert "[bold red]alarm[/]" in out and "[link=https://evil.example]" in out


def test_a_terminal_timeline_shows_no_sequences(monkeypatch):
    buf = _terminal(monkeypatch)
    event = {"date": "2025-03-01", "type": "meeting", "countries": ["TUR", "ESP"], "place": "An\u202ekara\x1b[2J",
             "summary": ALL_HOSTILE, "cameo": "040", "docs": ["evil\x1b]52;c;eA==\x07doc"]}
    views.timeline([event], "table")
    out = _styling_removed(buf.getvalue())
    assert not RAW_UNSAFE.search(out.replace("\n", ""))
    assert "[bold red]alarm[/]" in out and "evildoc" in out


# -- JSON with an indent, built without the json module's pure-Python encoder ----------------------
from hypothesis import given  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

_JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(),
    lambda inner: st.lists(inner, max_size=4) | st.tuples(inner, inner)
    | st.dictionaries(st.text(max_size=5) | st.integers(), inner, max_size=4),
    max_leaves=20)


@given(_JSON_VALUES, st.integers(0, 3))
def test_indented_json_is_the_json_modules_text(value, level):
    from bilat.render import _JSON_UNSAFE, _json_escape

    expected = json.dumps(value, ensure_ascii=False, indent=2).replace("\n", "\n" + "  " * level)
    assert to_json(value, indent=2, level=level) == _JSON_UNSAFE.sub(_json_escape, expected)
