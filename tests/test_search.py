"""Search words (issue 10): plain words are words, clear search syntax works, malformed syntax is one usage
error, and nothing a user types reaches FTS5 as anything but quoted words, operators and parentheses."""
import io
import json
import sqlite3

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bilat import cli
from bilat.environment import Environment
from bilat.search import SearchError, fts_query
from bilat.status import ExitStatus

TITLE = "Serbia orders F-16 jets from the U.S."
TEXT = "Hungarian and Serbian troops held joint exercise drills near Novi Sad, the ministry said."


@pytest.fixture(scope="module")
def fts():
    db = sqlite3.connect(":memory:")
    db.execute("CREATE VIRTUAL TABLE t USING fts5(title, text, tokenize = 'unicode61 remove_diacritics 2')")
    db.execute("INSERT INTO t VALUES (?, ?)", (TITLE, TEXT))
    return db


def found(fts, words: str) -> bool:
    return fts.execute("SELECT count(*) FROM t WHERE t MATCH ?", (fts_query(words),)).fetchone()[0] == 1


@pytest.mark.parametrize("words, hit", [
    ("joint drill", True),  # every word, as the start of a word
    ("joint russia", False),
    ('"joint exercise"', True),  # a phrase
    ('"exercise joint"', False),
    ('"joint exer"*', True),  # a phrase ending in a prefix
    ('"joint exer"', False),
    ("russia OR serbia", True),
    ("russia or serbia", False),  # lower case: words
    ("serbian -russian", True),
    ("serbian -hungarian", False),
    ("serbian NOT hungarian", False),
    ("(russia OR hungarian) AND drills", True),
    ("NEAR(joint drills, 2)", True),
    ("NEAR(hungarian drills, 2)", False),
    ("F-16", True),  # a name with a hyphen is a phrase of its parts
    ("U.S.", True),
    ("ministry: said!", True),  # punctuation parts words
    ("serb*", True),
    ("\u202eserbia\u200b", True),  # invisible characters are no part of a word
    ("russia OR", False),  # a dangling operator is left aside: russia alone
])
def test_words_and_syntax_find_what_they_say(fts, words, hit):
    assert found(fts, words) is hit


@pytest.mark.parametrize("words, says", [
    ("*", "nothing to search for"), ("-- :", "nothing to search for"), ('""', "nothing to search for"),
    ("()", "nothing to search for"), ("(", "unbalanced parentheses"), ("joint )", "unbalanced parentheses"),
    ("((joint)", "unbalanced parentheses"), ('"', "unclosed quotation mark"), ('say "joint', "unclosed quotation mark"),
    ("NOT russia", "only leaves words out"), ("-russia", "only leaves words out"), ("joint NOT", "leaves out nothing"),
    ("NEAR(joint drills", "malformed NEAR"), ("NEAR(joint drills, far)", "malformed NEAR"),
])
def test_malformed_syntax_is_a_search_error_naming_the_problem(words, says):
    with pytest.raises(SearchError) as caught:
        fts_query(words)
    message = caught.value.format_message()
    assert message.startswith(says) or says in message
    assert "\n" not in message and caught.value.exit_code == 2


SYNTAX = st.sampled_from(['"', "(", ")", "*", "-", ":", "^", "+", ",", " OR ", " AND ", " NOT ", "NEAR(", " ", "'",
                          "{", "}", "\\", ";", "\x00", "\u202e", "\u200b", "10"])


@settings(max_examples=400, deadline=None, derandomize=True)
@given(st.lists(st.one_of(SYNTAX, st.text(max_size=6)), max_size=12).map("".join))
def test_any_text_is_a_valid_fts_query_or_a_search_error(fts, text):
    try:
        query = fts_query(text)
    except SearchError as e:
        assert "\n" not in str(e)
        return
    fts.execute("SELECT count(*) FROM t WHERE t MATCH ?", (query,)).fetchone()  # FTS5 accepts it


@pytest.mark.parametrize("args", [
    ["list", "--search", '"'], ["list", "-s", "("], ["timeline", "-s", "a ) b"], ["timeline", "-s", "NOT x"],
    ["quote", '"'], ["quote", "NEAR(a b, x)"], ["quote", "*"], ["list", "-s", "-"],
])
def test_the_commands_make_each_a_usage_error_of_one_line(tmp_path, corpus, args):
    env = Environment(stdout=io.StringIO(), stderr=io.StringIO(), cache=tmp_path / "c", corpus=corpus)
    status = cli.program(args, env)
    err = env.stderr.getvalue()
    assert status is ExitStatus.USAGE and env.stdout.getvalue() == ""
    assert err.count("\n") == 1 and err.startswith("bilat: ") and "Traceback" not in err


def test_search_syntax_works_through_the_commands(tmp_path, corpus):
    def ids(*args):
        env = Environment(stdout=io.StringIO(), stderr=io.StringIO(), cache=tmp_path / "c", corpus=corpus)
        assert cli.program([*args, "--json"], env) is ExitStatus.OK, env.stderr.getvalue()
        return {d["id"] for d in json.loads(env.stdout.getvalue())}

    serbia, hungary = ids("list", "-s", "Serbia"), ids("list", "-s", "Hungary")
    assert serbia and hungary and serbia != hungary
    assert ids("list", "-s", "Serbia OR Hungary") == serbia | hungary
    assert ids("list", "-s", "Serbia -Hungary") == serbia - hungary
    assert ids("list", "-s", "Serbia AND (Hungary)") == serbia & hungary


class Recording:
    """A connection that keeps the SQL text of every statement, to show user text only ever goes in parameters."""

    def __init__(self, conn):
        self.conn, self.statements = conn, []

    def execute(self, sql, parameters=()):
        self.statements.append(sql)
        return self.conn.execute(sql, parameters)


def test_what_a_user_types_reaches_sql_only_as_parameters(corpus, tmp_path):
    from bilat import index
    from bilat.query import Filters, Reader

    conn, _ = index.open_index(corpus, tmp_path / "index.db")
    recording = Recording(conn)
    reader = Reader(recording)
    marker = "zq'x\"; DROP TABLE documents; --"
    words = "serbia zq'x; DROP TABLE documents; --"  # as search words (quotes balanced): read as words
    f = Filters(countries=["SRB", marker], since="2025-01-01", until=marker, types=["meeting", marker], search=words)
    for call in (lambda: reader.list_documents(f), lambda: reader.timeline(f), lambda: reader.quotes(f, speaker=marker, words=words),
                 lambda: reader.pair("SRB", marker, f)):
        call()
    assert recording.statements and not [s for s in recording.statements if "zq" in s or "DROP" in s]
    assert conn.execute("SELECT count(*) FROM documents").fetchone()[0] == 5
