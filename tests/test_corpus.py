"""Corpus files: which are articles, and reading whatever bytes a folder holds without failing."""
import errno
import os
import time
import tracemalloc
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bilat import corpus
from bilat.corpus import Unreadable, iter_files, read_document
from bilat.models import Document

ARTICLE = "ANKARA - Türkiye and Spain signed a defence cooperation agreement on Tuesday, officials said.\n"


def write(root: Path, rel: str, data: bytes | str = ARTICLE) -> Path:
    path = root / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


def listed(root: Path, **kw) -> list[str]:
    return [p.relative_to(root).as_posix() for p in iter_files(root, **kw)]


def text_of(doc: Document) -> str:
    return "\n".join([doc.title, *doc.body])


def reason(root: Path, path: Path, data: bytes | None = None) -> str:
    with pytest.raises(Unreadable) as caught:
        read_document(root, path, data)
    return caught.value.reason


# --- which files ---------------------------------------------------------------------------------

def test_notes_answer_keys_and_hidden_files_are_not_articles(tmp_path):
    for rel in ("a.txt", "b.md", "sub/c.TXT", "README.md", "readme.txt", "LICENSE.txt", "Licence.md", "SOURCES.md",
                "SOURCES.tsv", "d01.gold.json", "notes.pdf", ".hidden.txt", ".git/x.txt", "sub/.cache/y.txt"):
        write(tmp_path, rel)
    assert listed(tmp_path) == ["a.txt", "b.md", "sub/c.TXT"]


def test_bilatignore_lines_work_like_gitignore(tmp_path):
    for rel in ("keep.txt", "a.md", "keep.md", "drafts/x.txt", "deep/drafts/y.txt", "top.txt", "sub/top.txt",
                "old-1.txt", "sub/old-2.txt", "ax.txt", "bx.txt", "cx.txt", "#hash.txt"):
        write(tmp_path, rel)
    (tmp_path / ".bilatignore").write_text(
        "# a comment, then a blank line\n\n"
        "drafts/\n"       # a folder at any depth
        "*.md\n"
        "!keep.md\n"      # taken back in: the last matching line wins
        "/top.txt\n"      # anchored at the corpus folder
        "**/old-*.txt\n"
        "[ab]x.txt\n"
        "\\#hash.txt\n"
        "!\n/\n", encoding="utf-8")  # patterns of nothing match nothing
    assert listed(tmp_path) == ["cx.txt", "keep.md", "keep.txt", "sub/top.txt"]


def test_include_keeps_only_matches_and_exclude_adds_to_bilatignore(tmp_path):
    for rel in ("2024/a.txt", "2024/b.txt", "2025/c.txt", "2025/d.md", "e.txt"):
        write(tmp_path, rel)
    (tmp_path / ".bilatignore").write_text("b.txt\n", encoding="utf-8")
    assert listed(tmp_path, include=["2024/"]) == ["2024/a.txt"]
    assert listed(tmp_path, include=["*.txt"], exclude=["2025/"]) == ["2024/a.txt", "e.txt"]
    assert listed(tmp_path, include=["2025/*.md", "e.*"]) == ["2025/d.md", "e.txt"]


def test_a_symlinked_folder_is_followed_and_a_symlink_loop_reported_not_followed(tmp_path):
    root = tmp_path / "corpus"
    write(root, "sub/a.txt")
    write(tmp_path, "elsewhere/b.txt")
    (root / "linked").symlink_to(tmp_path / "elsewhere")
    (root / "sub" / "loop").symlink_to(root)  # sub/loop/sub/loop/... forever
    skipped = []
    assert listed(root, skipped=skipped) == ["linked/b.txt", "sub/a.txt"]
    assert [(e.path.name, e.reason) for e in skipped] == [("loop", "links to a folder already listed (a symbolic link loop or a second link)")]


def test_a_folder_that_cannot_be_listed_is_reported(tmp_path, monkeypatch):
    write(tmp_path, "a.txt")
    write(tmp_path, "locked/b.txt")
    real = os.scandir

    def scandir(path):
        if str(path).endswith("locked"):
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return real(path)

    monkeypatch.setattr(os, "scandir", scandir)
    skipped = []
    assert listed(tmp_path, skipped=skipped) == ["a.txt"]
    assert len(skipped) == 1 and "cannot be listed" in str(skipped[0])


def test_a_missing_corpus_folder_is_a_corpus_error(tmp_path):
    with pytest.raises(corpus.CorpusError):
        iter_files(tmp_path / "nowhere")


# --- reading: encodings ----------------------------------------------------------------------------

SMART = "“Türkiye” and España agreed a €2 billion deal — it’s done, said Müller.\n"


@pytest.mark.parametrize("data", [
    SMART.encode("utf-8"),
    b"\xef\xbb\xbf" + SMART.encode("utf-8"),
    SMART.encode("utf-16"),  # with its byte-order mark, little-endian here
    b"\xfe\xff" + SMART.encode("utf-16-be"),
    SMART.encode("utf-32"),
    SMART.encode("cp1252"),
], ids=["utf-8", "utf-8 bom", "utf-16 le bom", "utf-16 be bom", "utf-32 bom", "windows-1252"])
def test_each_encoding_reads_as_the_same_text(tmp_path, data):
    assert corpus.decode(data) == SMART
    assert read_document(tmp_path, write(tmp_path, "a.txt", data)).title == SMART.strip()


def test_latin1_reads_as_latin1(tmp_path):
    text = "Türkiye, España and Ísland sent observers; Señor Müller spoke in Zürich.\n"
    assert corpus.decode(text.encode("latin-1")) == text


def test_utf8_with_a_few_broken_bytes_stays_utf8(tmp_path):
    data = "Türkiye and Ελλάδα met in Zürich ".encode("utf-8") + b"\xff" + " on Tuesday.".encode("utf-8")
    text = corpus.decode(data)
    assert text.startswith("Türkiye and Ελλάδα met in Zürich") and "\ufffd" in text


def test_line_ends_tabs_and_no_break_spaces_are_normalised():
    data = "Title\r\n\r\nFirst\tparagraph\u00a0here.\rSecond paragraph.\u2029Third.\n".encode()
    assert corpus.decode(data) == "Title\n\nFirst paragraph here.\nSecond paragraph.\nThird.\n"


def test_escapes_and_invisible_characters_are_removed_at_read_so_names_still_match(tmp_path):
    from bilat.extract import extract

    body = ("ANKARA - T\u200bür\u2060kiye and Spa\u00adin signed a defence \x1b[2J\x1b]52;c;eA==\x07cooperation "
            "agreement\x07 \u202eon Tuesday, officials said.\n")
    assert corpus.decode(body.encode()) == ARTICLE
    doc = read_document(tmp_path, write(tmp_path, "a.txt", body))
    assert {"ESP", "TUR"} <= set(extract(doc).countries)


# --- reading: what is skipped, and why -------------------------------------------------------------

@pytest.mark.parametrize("data,why", [
    (b"", "empty file"),
    (b"  \n\t\r\n  \n", "no text"),
    ("\u200b\u200d\x1b[2J\n".encode("utf-8"), "no text"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file"),
    (b"%PDF-1.7\n" + bytes(range(1, 9)) * 40, "binary file"),  # control bytes, no NUL
    ("no BOM".encode("utf-16-le"), "binary file"),
])
def test_files_that_are_not_text_are_skipped_with_a_reason(tmp_path, data, why):
    assert reason(tmp_path, write(tmp_path, "a.txt", data)).startswith(why)


def test_a_50_mb_file_is_skipped_unread(tmp_path):
    path = tmp_path / "huge.txt"
    with path.open("wb") as f:
        line = ARTICLE.encode("utf-8")
        for _ in range(50 * 1024 * 1024 // len(line) + 1):
            f.write(line)
    tracemalloc.start()
    started = time.perf_counter()
    why = reason(tmp_path, path)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert why.startswith("too large for an article (50.0 MB")
    assert peak < 1024 * 1024 and time.perf_counter() - started < 1  # never read, let alone held


def test_bytes_handed_in_are_bounded_too(tmp_path):
    data = b"x" * (corpus.MAX_ARTICLE_BYTES + 1)
    assert reason(tmp_path, tmp_path / "a.txt", data).startswith("too large")


def test_a_symlink_loop_a_broken_link_and_a_fifo_are_skipped(tmp_path):
    (tmp_path / "a.txt").symlink_to(tmp_path / "b.txt")
    (tmp_path / "b.txt").symlink_to(tmp_path / "a.txt")
    (tmp_path / "c.txt").symlink_to(tmp_path / "missing.txt")
    os.mkfifo(tmp_path / "d.txt")  # opening it for reading would block without O_NONBLOCK
    assert listed(tmp_path) == ["a.txt", "b.txt", "c.txt", "d.txt"]
    assert reason(tmp_path, tmp_path / "a.txt") == "symbolic link loop"
    assert reason(tmp_path, tmp_path / "c.txt") == "broken symbolic link"
    assert reason(tmp_path, tmp_path / "d.txt") == "not a regular file"


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root reads every file")
def test_an_unreadable_file_is_skipped(tmp_path):
    path = write(tmp_path, "a.txt")
    path.chmod(0)
    assert reason(tmp_path, path) == "permission denied"


def test_a_permission_error_is_a_reason_not_a_traceback(tmp_path, monkeypatch):
    path = write(tmp_path, "a.txt")

    def refuse(*args, **kwargs):
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(corpus.os, "open", refuse)
    assert reason(tmp_path, path) == "permission denied"


def test_a_file_that_vanishes_after_listing_is_skipped(tmp_path):
    write(tmp_path, "a.txt")
    [path] = iter_files(tmp_path)
    path.unlink()
    assert reason(tmp_path, path) == "vanished since the folder was listed"


def test_a_file_that_changes_while_read_is_read_again_or_skipped(tmp_path, monkeypatch):
    path = write(tmp_path, "a.txt")
    real = os.read
    writes = {"left": 1}

    def read_while_written(fd, n):
        chunk = real(fd, n)
        first = os.lseek(fd, 0, os.SEEK_CUR) == len(chunk)
        if chunk and first and writes["left"]:  # someone appends as each reading begins
            writes["left"] -= 1
            with path.open("a", encoding="utf-8") as f:
                f.write("More news.\n")
            os.utime(path, ns=(time.time_ns(), time.time_ns() + 10**9))
        return chunk

    monkeypatch.setattr(corpus.os, "read", read_while_written)
    data, st = corpus.read_bytes(path)  # one change: the second reading is whole
    assert data.endswith(b"More news.\n") and st.st_size == len(data)
    writes["left"] = 10
    assert reason(tmp_path, path).startswith("changed while being read")


def test_a_file_name_that_is_not_utf8_is_skipped_with_advice(tmp_path):
    path = Path(os.fsdecode(bytes(tmp_path) + b"/T\xfcrkiye.txt"))
    path.write_bytes(ARTICLE.encode())
    with pytest.raises(Unreadable) as caught:
        read_document(tmp_path, path)
    assert "rename" in caught.value.reason
    assert str(caught.value).endswith("/T\ufffdrkiye.txt: file name is not valid UTF-8; rename it")


def test_the_message_names_the_file_safely(tmp_path):
    e = Unreadable(tmp_path / "evil\x1b]52;c;eA==\x07\u202e.txt", "binary file (NUL bytes)")
    assert str(e) == f"{tmp_path}/evil.txt: binary file (NUL bytes)"


# --- anything at all ---------------------------------------------------------------------------------

HOSTILE_PIECES = st.sampled_from(["\x1b[2J", "\x1b]8;;http://x\x07", "\x07", "\x08", "\r", "\u202e", "\u200b", "\x00",
                                  "[bold red]", "Türkiye", "\ufeff", "\n", " ", "\udcff"])


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.one_of(
    st.binary(max_size=2000),
    st.lists(st.one_of(HOSTILE_PIECES, st.text(max_size=40)), max_size=30).map(
        lambda parts: "".join(parts).encode("utf-8", errors="surrogatepass")),
    st.text(max_size=500).map(lambda t: t.encode("utf-16")),
    st.text(alphabet=st.characters(max_codepoint=255), max_size=500).map(lambda t: t.encode("latin-1")),
))
def test_any_bytes_give_a_document_or_a_reason_and_nothing_else(tmp_path, data):
    path = tmp_path / "fuzz.txt"
    path.write_bytes(data)
    try:
        doc = read_document(tmp_path, path)
    except Unreadable as e:
        assert e.reason and "\n" not in str(e)
        return
    assert isinstance(doc, Document) and doc.id == "fuzz"
    assert not any(ch in text_of(doc) for ch in "\x00\x07\x08\x1b\r\u202e\u200b\ufeff")


def test_a_bilatignore_that_cannot_be_read_is_reported_and_everything_listed(tmp_path):
    write(tmp_path, "a.txt")
    (tmp_path / ".bilatignore").mkdir()
    skipped = []
    assert listed(tmp_path, skipped=skipped) == ["a.txt"]
    assert [e.reason for e in skipped] == ["not a regular file"]


def test_a_messy_folder_indexes_what_it_can_warns_once_and_counts_the_rest(tmp_path):
    import io
    import json

    from bilat import cli
    from bilat.environment import Environment

    folder = tmp_path / "news"
    write(folder, "utf8.txt", ARTICLE)
    write(folder, "latin1.txt", ARTICLE.encode("latin-1"))
    write(folder, "utf16.txt", ARTICLE.encode("utf-16"))
    write(folder, "empty.txt", b"")
    write(folder, "blank.txt", b" \n\t\n")
    write(folder, "image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 10)
    for note in ("README.md", "LICENSE.txt", "SOURCES.md", "a.gold.json", ".hidden.txt", ".git/x.txt"):
        write(folder, note, b"\x00 not an article, never read \x00")

    def bilat(*args):
        env = Environment(stdout=io.StringIO(), stderr=io.StringIO(), cache=tmp_path / "cache", corpus=folder)
        assert cli.program(list(args), env) == 0
        return env.stdout.getvalue(), env.stderr.getvalue()

    out, err = bilat("index", "--json")
    report = json.loads(out)
    assert (report["added"], report["skipped"], report["failed"]) == (3, 3, 0)
    warned = err.splitlines()
    assert sorted(line.split(": ")[0] for line in warned) == ["bilat"] * 3
    assert {w.split(" ")[2].rstrip(":").rsplit("/", 1)[-1] for w in warned} == {"empty.txt", "blank.txt", "image.txt"}
    out, err = bilat("list", "--json")
    titles = [d["title"] for d in json.loads(out)]
    assert err == "" and len(titles) == 3 and len(set(titles)) == 1 and "Türkiye and Spain" in titles[0]  # any encoding
    out, _ = bilat("index", "--json")
    assert json.loads(out)["skipped"] == 3  # still counted, not warned again


def test_a_person_whose_name_hides_invisible_characters_is_the_same_person(tmp_path):
    import io
    import json

    from bilat import cli
    from bilat.environment import Environment

    story = ("Serbia and Hungary sign defence plan\nBELGRADE, March 4, 2025 - Serbian Defence Minister {ivo} and his "
             "Hungarian counterpart {lajos} signed a defence cooperation plan in Belgrade on Tuesday.\n"
             '"We will train together with our Hungarian friends," {said} said.\n')
    write(tmp_path / "news", "plain.txt", story.format(ivo="Ivo Marnak", lajos="Lajos Kertavy", said="Marnak"))
    write(tmp_path / "news", "hidden.txt", story.format(ivo="Ivo Mar\u200bna\u200dk", lajos="La\u2060jos Ker\u00adtavy",
                                                        said="\u202eMar\u200bnak"))

    def bilat(*args):
        env = Environment(stdout=io.StringIO(), stderr=io.StringIO(), cache=tmp_path / "cache", corpus=tmp_path / "news")
        assert cli.program([*args, "--json"], env) == 0
        return json.loads(env.stdout.getvalue())

    quotes = bilat("quote", "--speaker", "marnak")
    assert sorted(q["doc"] for q in quotes) == ["hidden", "plain"]
    assert {q["speaker"]["name"] for q in quotes} == {"Ivo Marnak"}
    assert sorted(p["name"] for p in bilat("pair", "Serbia", "Hungary")["people"]) == ["Ivo Marnak", "Lajos Kertavy"]
