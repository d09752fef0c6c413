"""What each command does, from its options to the records it hands to render: everything but the parsing.

Two parsers reach these functions with the same values: the typer app (cli.py: help, completion, every
error message) and, for a command line it fully understands, fastpath.py, which runs from a table generated
from that app and skips loading typer. So nothing here imports typer or click; a command's failure is a
`Failure` (one line on stderr and an exit status) and its messages go out through `echo`.
"""
from __future__ import annotations

import contextlib
import functools
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from bilat.environment import Environment
from bilat.eventtypes import EVENT_TYPES
from bilat.status import ExitStatus

TYPE_CHECKING = False  # typing.TYPE_CHECKING without loading typing at start-up; type checkers take it as True
if TYPE_CHECKING:
    from typing import Any

JSON_FLAG = "--json"  # a flag, or with fields after it (see json_with_fields)


class Failure(Exception):
    """A failure the user gets as one line on stderr, with its exit status."""

    def __init__(self, message: str, status: ExitStatus = ExitStatus.ERROR):
        super().__init__(message)
        self.status = status


def echo(message: str, err: bool = False) -> None:
    """One line on stdout or stderr, at once (a command's notices, a filtered line, a failure)."""
    stream = sys.stderr if err else sys.stdout
    stream.write(message + "\n")
    stream.flush()


@dataclass
class Shared:
    """The shared options as one command received them; those it does not take keep these defaults."""

    corpus: Path | None = None
    include: list[str] = field(default_factory=list)
    exclude: list[str] = field(default_factory=list)
    countries: list[str] = field(default_factory=list)
    since: str | None = None
    until: str | None = None
    types: list[str] = field(default_factory=list)
    search: str | None = None
    limit: int | None = None
    format: str = "auto"
    json: bool = False
    jsonl: bool = False
    csv: bool = False
    tsv: bool = False
    jobs: int | None = None
    color: str = "auto"
    width: int | None = None
    pager: bool = True
    json_fields: str | None = None  # `--json a,b` as program() hands it on
    sort: str | None = None
    no_header: bool = False
    jq: str | None = None
    fields: list[str] | None = None  # json_fields checked against the command's keys
    order: list[tuple[str, bool]] = field(default_factory=list)  # sort checked: (key, descending)


def shared(given: dict[str, Any]) -> Shared:
    """The shared options one command line gave (None: not given, the field keeps its default)."""
    return Shared(**{key: value for key, value in given.items() if value is not None})


def run(name: str, env: Environment, opts: Shared, values: dict[str, Any]) -> None:
    """The command `name` with its own arguments `values`, its JSON output filtered by --jq when asked (the whole
    output is the filter's one input). Both parsers call this."""
    fn = COMMANDS[name]
    opts = _shaped(name, opts)
    if opts.jq is None:
        return fn(env, opts, **values)
    import io

    from bilat import jqfilter

    if any(getattr(opts, other) for other in ("jsonl", "csv", "tsv")) or opts.format.lower() not in ("auto", "json"):
        raise Failure("--jq filters the JSON output: use it alone or with --json FIELDS, not with another format", ExitStatus.USAGE)
    try:
        program = jqfilter.compiled(opts.jq)  # before the query: a missing package or a typo costs nothing
        opts.json = True
        output = io.StringIO()
        with contextlib.redirect_stdout(output):
            fn(env, opts, **values)
        for line in jqfilter.results(program, output.getvalue()):
            echo(line)
    except jqfilter.JqError as e:
        raise Failure(str(e), ExitStatus.USAGE) from None


def _shaped(name: str, opts: Shared) -> Shared:
    """The fields of --json FIELDS and the keys of --sort, checked against the command's records."""
    if opts.json_fields is None and opts.sort is None:
        return opts
    from bilat import fields

    records = "partners" if name == "countries" and opts.countries else name  # countries --country lists partners
    try:
        if opts.json_fields is not None:
            opts.fields = fields.selected(records, opts.json_fields)
        if opts.sort is not None:
            opts.order = fields.ordering(records, opts.sort)
    except fields.FieldError as e:
        raise Failure(str(e), ExitStatus.USAGE) from None
    return opts


def json_with_fields(args: Sequence[str], names: Sequence[str]) -> list[str]:
    """`--json FIELDS` as gh takes it, while a bare `--json` keeps working before a command's own arguments.

    The word after --json is its fields when the command takes no arguments (`list --json id,date`), or when every
    name in it is a field of the command (`pair A B --json overview`); `--json=FIELDS` is always fields.
    Either way it is handed on as the hidden --json-fields option, --json itself staying a flag.
    names: the commands' names (the first word that is one is the command)."""
    from bilat.fields import looks_like_fields

    command = next((a for a in args if a in names), "")
    without_arguments = command in ("list", "timeline", "countries", "people", "index")
    out: list[str] = []
    rest = list(args)
    while rest:
        word = rest.pop(0)
        if word == "--":
            out += [word, *rest]
            break
        if word.startswith(JSON_FLAG + "="):
            out += [JSON_FLAG, "--json-fields", word.removeprefix(JSON_FLAG + "=")]
        elif word == JSON_FLAG and rest and not rest[0].startswith("-") and (without_arguments or looks_like_fields(command, rest[0])):
            out += [JSON_FLAG, "--json-fields", rest.pop(0)]
        else:
            out.append(word)
    return out


def guarded(env: Environment, call: Callable[[], Any]) -> ExitStatus | None:
    """Run `call`: None when it ended well, else the exit status, a failure said as one line on stderr."""
    try:
        call()
        return None
    except Failure as e:
        echo(f"bilat: {e}", err=True)
        return e.status
    except KeyboardInterrupt:
        return interrupted()  # typer would end with 130 and no word
    except BrokenPipeError:
        raise  # the reader of a pipe went away: end quietly
    except Exception as e:  # noqa: BLE001
        if hasattr(e, "exit_code"):  # typer's own exits and usage errors (ours too): the parser's program() reports them
            raise
        if type(e).__module__ == "sqlite3":  # a damaged page the refresh did not read, met by the query
            from bilat.index import query_failed

            echo(f"bilat: {query_failed(e)}", err=True)
            return ExitStatus.ERROR
        report_internal_error(e, env.debug)
        return ExitStatus.ERROR


def is_usage_error(error: BaseException) -> bool:
    """Typer's usage errors, and ours that read as one (search syntax): an exit_code and a format_message()."""
    return hasattr(error, "format_message") and hasattr(error, "exit_code")


def usage_error(error) -> ExitStatus:
    """A usage error as one line, with a hint at the command's help where it knows the command; its exit status."""
    message = error.format_message()
    if message:  # an empty one follows the help that `bilat` alone prints
        hint = f" (see `{error.ctx.command_path} --help`)" if getattr(error, "ctx", None) is not None else ""
        echo(f"bilat: {message}{hint}", err=True)
    return status_of(error.exit_code)


def status_of(code: int) -> ExitStatus:
    """Typer's exit codes as ours (0 and 2 mean the same in both); one we do not name is an error."""
    return ExitStatus(code) if code in ExitStatus._value2member_map_ else ExitStatus.ERROR


def report_internal_error(error: BaseException, debug: bool) -> None:
    """A bug, not a user's mistake: one line, or with --debug the whole trace."""
    if debug:
        import traceback

        traceback.print_exception(error, file=sys.stderr)
        return
    message = " ".join(str(error).split())
    echo(f"bilat: internal error: {type(error).__name__}: {message} (run with --debug for the trace)", err=True)


# -- from options to the query layer ------------------------------------------------------------
def _corpus_dir(opts: Shared, env: Environment) -> Path:
    corpus = opts.corpus or env.corpus
    if corpus is None:
        return Path(__file__).parent / "seeds"  # the bundled seeds, installed beside this module
    corpus = corpus.expanduser()
    if not corpus.is_dir():
        from bilat.corpus import display_path

        raise Failure(f"corpus folder not found: {display_path(corpus)}", ExitStatus.USAGE)
    return corpus


def _format(opts: Shared, env: Environment) -> str:
    from bilat.render import FormatError, resolve_format

    chosen = [name for name in ("json", "jsonl", "csv", "tsv") if getattr(opts, name)]
    if len(chosen) > 1:
        raise Failure(f"choose one output format, not {' and '.join('--' + c for c in chosen)}", ExitStatus.USAGE)
    try:
        return resolve_format(chosen[0] if chosen else opts.format, env.stdout)
    except FormatError as e:
        raise Failure(str(e), ExitStatus.USAGE) from e


def _display(opts: Shared, env: Environment):
    """Width, colour and pager of the terminal view, from the options, the environment and the terminal."""
    from bilat.render import Display

    color = opts.color.lower()
    if color not in ("auto", "always", "never"):
        raise Failure(f"--color takes auto, always or never, not {opts.color!r}", ExitStatus.USAGE)
    size = env.terminal_size()
    width = opts.width or env.columns or (size[0] if size else 80)
    colored = color == "always" or (color == "auto" and not env.no_color and (env.force_color or env.stdout_isatty))
    pages = opts.pager and size is not None  # only a person at a terminal reads through a pager
    return Display(width=width, color=colored, height=(env.lines or size[1]) if pages and size else None,
                   page=env.page if pages else None, header=not opts.no_header)


def _filters(opts: Shared):
    from bilat.query import Filters

    types = [t.lower().replace("-", "_") for t in opts.types]
    unknown = [t for t in types if t not in EVENT_TYPES]
    if unknown:
        raise Failure(f"unknown type {unknown[0]!r}; choose from {', '.join(EVENT_TYPES)}", ExitStatus.USAGE)
    since = until = None
    if opts.since or opts.until:  # the date parser loads only when a date was typed
        from bilat.userdates import DateError, date_range

        try:
            since, until = date_range(opts.since, opts.until)
        except DateError as e:
            raise Failure(str(e), ExitStatus.USAGE) from e
    return Filters(countries=[_country(c) for c in opts.countries], since=since, until=until, types=types,
                   search=opts.search, limit=opts.limit)


def _country(name: str) -> str:
    from bilat.countrynames import UnknownCountry, resolve

    try:
        return resolve(name)
    except UnknownCountry as e:
        raise Failure(str(e), ExitStatus.USAGE) from e


def _index_location(env: Environment, folder: Path) -> Path:
    """$BILAT_INDEX, else one file per corpus folder in the cache."""
    from bilat.index import default_location

    if env.index is None:
        return default_location(folder, env.cache)
    if not env.index.parent.is_dir():  # a typo in a path is not a folder to make
        raise Failure(f"the folder of $BILAT_INDEX does not exist: {env.index.parent}", ExitStatus.USAGE)
    if env.index.is_dir():
        raise Failure(f"$BILAT_INDEX names a folder, not a file: {env.index}", ExitStatus.USAGE)
    return env.index


def _index_kwargs(env: Environment, folder: Path, opts: Shared | None = None) -> dict[str, Any]:
    """What every call into the index takes from the run: where it lives, the user's rules, which files to read."""
    kwargs: dict[str, Any] = {"location": _index_location(env, folder), "rules_file": env.rules, "cached": env.index is None}
    if opts is not None and (opts.include or opts.exclude):
        kwargs.update(include=tuple(opts.include), exclude=tuple(opts.exclude))
    return kwargs


def _open(opts: Shared, env: Environment, wait: float | None = None, **extra: Any):
    """The refreshed index of the corpus; a progress bar on a terminal while many files are read.
    wait: how long to wait for another bilat's refresh before answering from the last complete index;
    extra: more of open_index's arguments (jobs, supplied extractions)."""
    from bilat import index
    from bilat.corpus import CorpusError

    folder = _corpus_dir(opts, env)
    bar = _Progress(env)
    if wait is None:  # a query: it may trust a recent check ($BILAT_REFRESH_EVERY); `bilat index` always checks
        extra.setdefault("refresh_every", env.refresh_every)
    try:
        conn, report = index.open_index(folder, progress=bar.update, wait=index.LOCK_WAIT if wait is None else wait,
                                        **_index_kwargs(env, folder, opts), **extra)
    except (CorpusError, index.IndexUnavailable) as e:
        raise Failure(str(e), ExitStatus.ERROR) from e
    finally:
        bar.close()
    for notice in report.notices:
        echo(f"bilat: {notice}", err=True)
    for problem in report.skipped:  # each once: a file is reported again only after it changes
        echo(f"bilat: skipped {problem}", err=True)
    for bug in report.failed:
        echo(f"bilat: extraction failed, a bug in bilat (the rest is indexed): {bug}", err=True)
    if env.debug:
        for trace in report.traces:
            echo(trace, err=True)
    _say_if_empty(report, folder)
    return conn, report, folder


def _say_if_empty(report, folder: Path) -> None:
    """An empty answer from an empty corpus says why, once per command, on stderr."""
    from bilat.corpus import display_path

    shown = display_path(folder)  # a folder's name may hold what a terminal acts on
    read = report.added + report.updated + report.unchanged
    tried = read + len(report.skipped) + report.still_skipped + len(report.failed)
    if tried == 0:
        echo(f"bilat: no articles in {shown} (.txt, .md, .html, .htm files and .jsonl, .json exports; README*, LICENSE*, "
             "SOURCES*, *.gold.json, hidden files and what .bilatignore names are not read)", err=True)
    elif read == 0:
        echo(f"bilat: none of the {tried} files in {shown} could be read", err=True)


TERMINAL_ROWS = 100  # a table on a terminal shows at most this many rows, unless --limit says how many


def _listing(f, fmt: str, rows: Callable, count: Callable, opts: Shared) -> tuple[Any, int]:
    """The rows to print, and how many a table on a terminal left out. Machine formats stream every row as it is
    read; a table on a terminal without --limit stops at TERMINAL_ROWS and says how many more there are.
    --sort reads every row first, then cuts; --json FIELDS keeps those keys of each."""
    records, more = _ordered_listing(f, fmt, rows, count, opts)
    return (_picked(records, opts), more)


def _picked(records: Any, opts: Shared) -> Any:
    if opts.fields is None:
        return records
    from bilat.fields import pick

    return pick(records, opts.fields)


def _sorted(records: list[dict], f, opts: Shared, fmt: str) -> tuple[list[dict], int]:
    """Records already read whole, sorted as --sort says and cut to --limit (a terminal table: to TERMINAL_ROWS)."""
    from bilat.fields import ordered

    everything = ordered(records, opts.order) if opts.order else records
    limit = f.limit or (TERMINAL_ROWS if fmt == "table" else None)
    shown = everything[:limit] if limit else everything
    return shown, (len(everything) - len(shown) if fmt == "table" and not f.limit else 0)


def _ordered_listing(f, fmt: str, rows: Callable, count: Callable, opts: Shared) -> tuple[Any, int]:
    if opts.order:
        import dataclasses

        return _sorted(list(rows(dataclasses.replace(f, limit=None))), f, opts, fmt)
    if fmt != "table" or f.limit:
        return rows(f), 0
    f.limit = TERMINAL_ROWS
    shown = list(rows(f))
    return shown, (count(f) - len(shown) if len(shown) == TERMINAL_ROWS else 0)


def _reader(opts: Shared, env: Environment):
    from bilat.query import Reader

    conn, _, _ = _open(opts, env)
    return Reader(conn)


class _Progress:
    """A rich progress bar on stderr, only on a terminal and only when there is real work."""

    def __init__(self, env: Environment):
        self._env = env
        self._bar = None
        self._task = None

    def update(self, n: int, total: int) -> None:
        if self._bar is None:
            if total < 50 or not self._env.stderr_isatty:
                return
            from rich.console import Console
            from rich.progress import Progress

            self._bar = Progress(console=Console(file=self._env.stderr, no_color=self._env.no_color), transient=True)
            self._bar.start()
            self._task = self._bar.add_task("indexing", total=total)
        self._bar.update(self._task, completed=n)

    def close(self) -> None:
        if self._bar is not None:
            self._bar.stop()


# -- commands -----------------------------------------------------------------------------------
def list_command(env: Environment, opts: Shared) -> None:
    """The articles, and what each covers."""
    from bilat import views

    f, fmt = _filters(opts), _format(opts, env)
    reader = _reader(opts, env)
    records, more = _listing(f, fmt, reader.iter_documents, reader.count_documents, opts)
    views.documents(records, fmt, _display(opts, env), more)


def timeline_command(env: Environment, opts: Shared) -> None:
    """What happened, in order: engagements by date, undated ones last."""
    from bilat import views

    f, fmt = _filters(opts), _format(opts, env)
    reader = _reader(opts, env)
    records, more = _listing(f, fmt, reader.iter_timeline, reader.count_timeline, opts)
    views.timeline(records, fmt, _display(opts, env), more)


def pair_command(env: Environment, opts: Shared, first: str, second: str) -> None:
    """Everything about one relationship: summary, timeline, people, quotes, figures, sources."""
    from bilat import views

    a, b = _country(first), _country(second)
    if a == b:
        raise Failure(f"a pair needs two different countries, got {a} twice", ExitStatus.USAGE)
    f, fmt = _filters(opts), _format(opts, env)
    from bilat.query import Filters, Reader

    conn, _, folder = _open(opts, env)
    reader = Reader(conn)
    profile = reader.pair(a, b, Filters(since=f.since, until=f.until, types=f.types))
    nothing = None
    if not profile["events"]:  # say once what was searched, and where there is data
        filtered = bool(opts.since or opts.until or opts.types)
        nothing = views.NothingFound(
            countries=profile["countries"], corpus=folder, since=opts.since, until=opts.until, types=opts.types,
            unfiltered=len(reader.timeline(Filters(countries=profile["countries"]))) if filtered else 0,
            partners={c: reader.partners(c) for c in profile["countries"]})
    views.pair(_pair_shaped(profile, opts), fmt, nothing, _display(opts, env))


PAIR_LISTS = ("events", "people", "quotes", "documents", "figures")


def _pair_shaped(profile: dict, opts: Shared) -> dict:
    """--sort orders the engagements, --limit cuts each list of the profile (the overview still counts them all),
    --json FIELDS keeps those sections."""
    if opts.order:
        from bilat.fields import ordered

        profile["events"] = ordered(profile["events"], opts.order)
    if opts.limit:
        profile.update({key: profile[key][:opts.limit] for key in PAIR_LISTS})
    return {key: profile[key] for key in opts.fields} if opts.fields is not None else profile


def quote_command(env: Environment, opts: Shared, words: list[str] | None = None, speaker: str | None = None) -> None:
    """Who said what, where and when."""
    from bilat import views

    f, fmt = _filters(opts), _format(opts, env)
    reader, query = _reader(opts, env), {"speaker": speaker, "words": " ".join(words or []) or None}
    records, more = _listing(f, fmt, functools.partial(reader.iter_quotes, **query), functools.partial(reader.count_quotes, **query),
                             opts)
    views.quotes(records, fmt, _display(opts, env), more)


def countries_command(env: Environment, opts: Shared) -> None:
    """Each country: its documents, its engagements by type, its partners; with --country, that country's partners."""
    from bilat import summaries, views

    f, fmt = _filters(opts), _format(opts, env)
    reader = _reader(opts, env)
    summed = summaries.partners if f.countries else summaries.countries
    records = _summary(summed, reader, f, opts, fmt)
    if f.countries:
        views.partners(records, f.countries, fmt, _display(opts, env))
    else:
        views.countries(records, fmt, _display(opts, env))


def people_command(env: Environment, opts: Shared) -> None:
    """Each person named: canonical name, spellings, roles, country, documents, quotations (--country: of that country)."""
    from bilat import summaries, views

    f, fmt = _filters(opts), _format(opts, env)
    views.people(_summary(summaries.people, _reader(opts, env), f, opts, fmt), fmt, _display(opts, env))


def _summary(summed: Callable, reader, f, opts: Shared, fmt: str) -> list[dict]:
    """A summary's records, sorted as --sort says before --limit cuts them, with the fields --json names."""
    if opts.order:
        import dataclasses

        records, _ = _sorted(summed(reader, dataclasses.replace(f, limit=None)), f, opts, "json")
    else:
        records = summed(reader, f)
    return list(_picked(records, opts))


def show_command(env: Environment, opts: Shared, wanted: str) -> None:
    """One article as read (its text with what was recognised highlighted), or one engagement with every report."""
    from bilat import lookup, views

    fmt = _format(opts, env)
    conn, _, _ = _open(opts, env)
    try:
        record = lookup.show(conn, wanted)
    except lookup.UnknownId as e:
        raise Failure(str(e), ExitStatus.USAGE) from None
    spellings = lookup.spellings(conn, record["id"]) if record["kind"] == "document" and fmt == "table" else []
    if spellings or fmt == "table":
        from bilat import rulebook

        rulebook.use(env.rules)  # the highlighting finds countries as the user's rules do
    views.show(record, fmt, _display(opts, env), spellings)


def index_command(env: Environment, opts: Shared, rebuild: bool = False, from_extractions: list[Path] | None = None) -> None:
    """Refresh the index now and report what changed (queries do this by themselves, unless $BILAT_REFRESH_EVERY trusts a recent check)."""
    from bilat import index, views

    fmt = _format(opts, env)
    asked = opts.format.lower() != "auto" or any(getattr(opts, name) for name in ("json", "jsonl", "csv", "tsv"))
    extra: dict[str, Any] = {"jobs": opts.jobs}
    if from_extractions:
        extra["supplied"] = _supplied(from_extractions, env)
    try:
        if rebuild:
            folder = _corpus_dir(opts, env)
            try:
                report = index.rebuild(folder, **_index_kwargs(env, folder, opts), **extra)
                with contextlib.closing(index.connect(_index_location(env, folder))) as conn:
                    formats = index.format_counts(conn)
            except index.IndexUnavailable as e:
                raise Failure(str(e), ExitStatus.ERROR) from e
        else:
            conn, report, folder = _open(opts, env, wait=index.LONG_WAIT, **extra)  # asked to refresh: wait for the other one
            formats = index.format_counts(conn)
    finally:
        if from_extractions:
            extra["supplied"].close()
    if from_extractions:
        _say_what_was_loaded(extra["supplied"])
    views.index_report(report, folder, _index_location(env, folder), fmt if asked else None, _display(opts, env), formats)


def _supplied(files: list[Path], env: Environment):
    from bilat import index
    from bilat.extractions import Supplied

    try:
        return Supplied(files, index.extractor_version(env.rules))
    except OSError as e:
        raise Failure(f"cannot read extractions {e.filename}: {e.strerror}", ExitStatus.USAGE) from e
    except ValueError as e:
        raise Failure(str(e), ExitStatus.USAGE) from e


def _say_what_was_loaded(supplied) -> None:
    """How many files came from the extractions, and why the others did not, on stderr."""
    echo(f"bilat: {supplied.used} of {len(supplied.where)} extractions loaded"
         + (f"; {supplied.other_extractor} made by another release or other rules were not used"
            if supplied.other_extractor else ""), err=True)


def extract_command(env: Environment, opts: Shared, paths: list[Path] | None = None) -> None:
    """One JSONL extraction per document on standard output, for `bilat index --from-extractions` (see docs/scale-out.md)."""
    from bilat.corpus import CorpusError
    from bilat.extractions import write_records

    root = _corpus_dir(opts, env)
    try:
        write_records(root, list(paths or []), env.stdout, jobs=opts.jobs, rules_file=env.rules, include=tuple(opts.include),
                      exclude=tuple(opts.exclude), stdin=sys.stdin)
    except (ValueError, CorpusError) as e:
        raise Failure(str(e), ExitStatus.USAGE) from e


def check_rules(env: Environment, given: bool) -> None:
    """A user's rule file is read and checked before any command: a problem is one line naming file and line."""
    if env.rules is None:
        return
    source = "" if given else " (from $BILAT_RULES)"
    if not env.rules.is_file():
        problem = ("is a folder, not a file" if env.rules.is_dir() else
                   "is not a regular file" if env.rules.exists() else "not found")
        raise Failure(f"rules file {problem}: {env.rules}{source}", ExitStatus.USAGE)
    from bilat import rulebook

    try:
        rulebook.load(str(env.rules))
    except rulebook.RuleError as e:
        raise Failure(f"{e}{source}", ExitStatus.USAGE) from None


def quiet_in_pipes() -> None:
    """`bilat list | head`: end quietly when the reader goes away, as other Unix tools do (the process's, at start)."""
    import signal

    if hasattr(signal, "SIGPIPE"):
        signal.signal(signal.SIGPIPE, signal.SIG_DFL)


def version() -> None:
    """What --version prints."""
    from bilat import __version__

    echo(f"bilat {__version__}")


def interrupted() -> ExitStatus:
    echo("bilat: interrupted", err=True)
    return ExitStatus.INTERRUPTED


# Each command's body by the name the app gives it (cli.py declares their options and help).
COMMANDS: dict[str, Callable[..., None]] = {
    "list": list_command, "timeline": timeline_command, "pair": pair_command, "quote": quote_command,
    "countries": countries_command, "people": people_command, "show": show_command, "index": index_command,
    "extract": extract_command,
}
