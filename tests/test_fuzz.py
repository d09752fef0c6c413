"""Fuzzing (issue 10): random bytes and hostile text as article files, indexed, then every command in every
output mode. Each run ends with exit 0, JSON that parses, CSV that parses, and nothing on stdout a
terminal would act on (escape sequences, controls, bidirectional overrides, invisible characters).

The examples are derandomized (see conftest.py); BILAT_FUZZ_EXAMPLES and HYPOTHESIS_PROFILE=explore
run more, and different ones.
"""
import csv
import io
import json
import os
import re
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bilat import cli
from bilat.environment import Environment
from bilat.status import ExitStatus

EXAMPLES = int(os.environ.get("BILAT_FUZZ_EXAMPLES", "20"))
FORMATS = ("table", "json", "jsonl", "csv", "tsv", "plain")
# What must never reach stdout raw, whatever the mode (tab and newline are layout).
RAW_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u00ad\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff"
                        "\ufff9-\ufffb\U000e0000-\U000e007f\ud800-\udfff]")

HOSTILE = st.sampled_from([
    "\x1b[31;1m", "\x1b[0m", "\x1b[2J", "\x1b[10;5H", "\x1b]8;;https://evil.example\x07", "\x1b]8;;\x07",
    "\x1b]52;c;cm0gLXJmIH4=\x07", "\x1b]0;title\x1b\\", "\x9b2J", "\x1bc", "\x07", "\x08\x08", "\r", "\x00", "\x7f",
    "\u202e", "\u202a", "\u2066", "\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad", "\U000e0041",
    "[bold red]", "[/]", "[link=https://evil.example]", "[/link]", "\\[", "]", "{", "%s", "'", '"', "“", "”",
])
# Pieces of news that make extraction find countries, people, quotes, dates and engagements to print.
NEWS = st.sampled_from([
    "BELGRADE, March 4, 2025 - ", " date 2024-05-02 ", "Serbia", "Hungary", "Ser\u200bbia", "Hun\u202egary", "Türkiye",
    "Serbian Defence Minister Ivo Marnak", "his Hungarian counterpart Lajos Kertavy", "Mar\u200bnak",
    " signed a defence cooperation agreement in Belgrade on Tuesday. ", " held joint military drills in 2023. ",
    ' "We will train together," Marnak said. ', ' said Kertavy: "Our armies are friends." ', " ordered 12 tanks from ",
    "\n", ". ", " and ", "Kenya and Tanzania conducted a joint maritime patrol off Mombasa. ",
])
TEXT = st.lists(st.one_of(HOSTILE, NEWS, st.text(max_size=12)), max_size=40).map("".join)
CONTENT = st.one_of(
    TEXT.map(lambda t: t.encode("utf-8", "surrogatepass")),
    TEXT.map(lambda t: t.encode("utf-16")),
    st.binary(max_size=400),
    st.text(alphabet=st.characters(max_codepoint=255), max_size=200).map(lambda t: t.encode("latin-1")),
)
NAME = st.one_of(st.just("article"), st.lists(st.one_of(HOSTILE, st.sampled_from(["news", "ß", " ", "é"])), min_size=1,
                                               max_size=3).map("".join))
FILES = st.lists(st.tuples(NAME, CONTENT), min_size=1, max_size=4)

counted = {"examples": 0, "runs": 0}


def bilat(corpus: Path, cache: Path, *args: str) -> str:
    fmt = args[args.index("--format") + 1] if "--format" in args else None
    if args[0] == "extract":  # extract prints JSON Lines and takes no --format: said here, not passed
        args = args[:args.index("--format")]
    env = Environment(stdout=io.StringIO(), stderr=io.StringIO(), cache=cache, corpus=corpus)
    status = cli.program(list(args), env)
    out, err = env.stdout.getvalue(), env.stderr.getvalue()
    counted["runs"] += 1
    assert status is ExitStatus.OK, (args, err)
    assert "Traceback" not in err and "internal error" not in err, err
    for stream in (out, err):  # warnings name hostile files too
        unsafe = RAW_UNSAFE.search(stream)
        assert unsafe is None, (args, unsafe and unsafe.group(), stream[:400])
    if fmt == "json":
        json.loads(out)
    elif fmt == "jsonl":
        [json.loads(line) for line in out.splitlines()]
    elif fmt == "csv":
        list(csv.reader(io.StringIO(out)))
    return out


def write(folder: Path, files: list[tuple[str, bytes]]) -> None:
    for n, (name, data) in enumerate(files):
        safe = name.replace("/", "").replace("\x00", "")
        (folder / f"{n}{safe}.txt").write_bytes(data)


@settings(max_examples=EXAMPLES, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(files=FILES, speaker=st.text(max_size=8), folder=NAME)
def test_any_corpus_gives_every_command_in_every_mode_a_clean_answer(files, speaker, folder):
    with tempfile.TemporaryDirectory() as tmp:
        name = folder.replace("/", "").replace("\x00", "").lstrip(".") or "corpus"
        corpus, cache = Path(tmp) / "folders" / name, Path(tmp) / "cache"
        corpus.mkdir(parents=True)
        write(corpus, files)
        counted["examples"] += 1
        report = json.loads(bilat(corpus, cache, "index", "--format", "json"))
        assert report["added"] + report["skipped"] + report["failed"] == len(files)
        assert report["failed"] == 0  # an extraction that raises is a bug
        docs = json.loads(bilat(corpus, cache, "list", "--format", "json"))
        pairs = [p for d in docs for p in d["pairs"]] or [["SRB", "HUN"]]
        events = json.loads(bilat(corpus, cache, "timeline", "--format", "json"))
        shown = [d["id"] for d in docs[:1]] + [e["id"] for e in events[:1]]  # an article and an engagement
        for fmt in FORMATS:
            for wanted in shown:
                bilat(corpus, cache, "show", wanted, "--format", fmt)
            bilat(corpus, cache, "index", "--format", fmt)
            bilat(corpus, cache, "list", "--format", fmt)
            bilat(corpus, cache, "timeline", "--format", fmt)
            bilat(corpus, cache, "pair", *pairs[0], "--format", fmt)
            bilat(corpus, cache, "quote", "--format", fmt)
            bilat(corpus, cache, "quote", "--speaker", speaker, "--format", fmt)
        records = bilat(corpus, cache, "extract", "--jobs", "1", "--format", "jsonl")  # one JSON record a line
        (Path(tmp) / "records.jsonl").write_text(records, encoding="utf-8")
        again = json.loads(bilat(corpus, Path(tmp) / "other-cache", "index", "--from-extractions",
                                 str(Path(tmp) / "records.jsonl"), "--format", "json"))
        assert again["added"] == report["added"]
        for fmt in ("json", "tsv"):
            bilat(corpus, cache, "list", "--search", "Serbia -Russia", "--format", fmt)
            bilat(corpus, cache, "timeline", "--search", '"joint drills" OR agreement', "--format", fmt)
            bilat(corpus, cache, "quote", "train", "--format", fmt)


def test_the_fuzzing_ran(request):
    """Runs after the fuzz test in file order: says how many corpora and command runs it tried."""
    if counted["examples"]:
        print(f"\nfuzz: {counted['examples']} corpora, {counted['runs']} command runs")
        assert counted["runs"] >= counted["examples"] * (5 + 6 * len(FORMATS) + 6)
