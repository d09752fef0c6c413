"""The command line: parse options, call the query layer, hand the records to render. No logic of its own.

Start-up is paid on every command and every TAB, so this module imports typer and the standard
library only; the index, extraction, rich and tabulate load inside the commands that need them.
"""
from __future__ import annotations

import functools
import os
import re
import signal
import sys
from pathlib import Path
from typing import Annotated, Optional

import typer

from bilat.models import EVENT_TYPES  # dataclasses only: cheap at start-up
from bilat.status import ExitStatus

app = typer.Typer(
    name="bilat",
    help="Bilateral defence engagements in a folder of news articles: who engaged with whom, when, where, and who said what.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    pretty_exceptions_show_locals=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


class Failure(Exception):
    """A failure the user gets as one line on stderr, with its exit status."""

    def __init__(self, message: str, status: ExitStatus = ExitStatus.ERROR):
        super().__init__(message)
        self.status = status


def handled(command):
    """Failures become one line on stderr and their exit code, under the CLI and under CliRunner alike."""

    @functools.wraps(command)
    def run(*args, **kwargs):
        try:
            return command(*args, **kwargs)
        except Failure as e:
            typer.echo(f"bilat: {e}", err=True)
            raise typer.Exit(e.status) from None

    return run


# -- shared options -----------------------------------------------------------------------------
CorpusOpt = Annotated[Optional[Path], typer.Option("--corpus", help="Corpus folder (else $BILAT_CORPUS, else the bundled seeds).", show_default=False)]
FormatOpt = Annotated[str, typer.Option("--format", "-f", help="auto, table, json, jsonl, csv, tsv, or any tabulate format.")]
JsonOpt = Annotated[bool, typer.Option("--json", help="Same as --format json.")]
JsonlOpt = Annotated[bool, typer.Option("--jsonl", help="Same as --format jsonl.")]
CsvOpt = Annotated[bool, typer.Option("--csv", help="Same as --format csv.")]
TsvOpt = Annotated[bool, typer.Option("--tsv", help="Same as --format tsv.")]
def complete_country(incomplete: str) -> list[str]:
    """TAB on a country: the common names that start with what was typed (diacritics and case ignored)."""
    from bilat.gazetteer import load
    from bilat.textutil import fold

    key = fold(incomplete)
    names = sorted({c.name for c in load().countries.values()})
    return [n for n in names if fold(n).startswith(key)] or [n for n in names if key in fold(n)]


def complete_type(incomplete: str) -> list[str]:
    return [t for t in EVENT_TYPES if t.startswith(incomplete.lower())]


CountryOpt = Annotated[Optional[list[str]], typer.Option("--country", "-c", help="Country by name, demonym or code; repeat for all of several.", show_default=False, autocompletion=complete_country)]
SinceOpt = Annotated[Optional[str], typer.Option("--since", help="On or after this date (2025, 2025-04, 1 April 2025 …).", show_default=False)]
UntilOpt = Annotated[Optional[str], typer.Option("--until", help="On or before this date.", show_default=False)]
TypeOpt = Annotated[Optional[list[str]], typer.Option("--type", "-t", help=f"Engagement type: {', '.join(EVENT_TYPES)}; repeatable.", show_default=False, autocompletion=complete_type)]
SearchOpt = Annotated[Optional[str], typer.Option("--search", "-s", help="Full-text search of the articles.", show_default=False)]
LimitOpt = Annotated[Optional[int], typer.Option("--limit", "-n", min=1, help="At most this many rows.", show_default=False)]


def _corpus_dir(corpus: Path | None) -> Path:
    if corpus is None and os.environ.get("BILAT_CORPUS"):
        corpus = Path(os.environ["BILAT_CORPUS"])
    if corpus is None:
        from importlib import resources

        return Path(str(resources.files("bilat").joinpath("seeds")))
    corpus = corpus.expanduser()
    if not corpus.is_dir():
        raise Failure(f"corpus folder not found: {corpus}", ExitStatus.ERROR)
    return corpus


def _format(fmt: str, json_: bool, jsonl: bool, csv: bool, tsv: bool) -> str:
    from bilat.render import FormatError, resolve_format

    chosen = [name for name, on in (("json", json_), ("jsonl", jsonl), ("csv", csv), ("tsv", tsv)) if on]
    if len(chosen) > 1:
        raise Failure(f"choose one output format, not {' and '.join('--' + c for c in chosen)}", ExitStatus.USAGE)
    try:
        return resolve_format(chosen[0] if chosen else fmt, sys.stdout)
    except FormatError as e:
        raise Failure(str(e), ExitStatus.USAGE) from e


def _reader(corpus: Path | None):
    from bilat.query import Reader

    conn, _, _ = _open(corpus)
    return Reader(conn)


def _open(corpus: Path | None):
    """The refreshed index of the corpus; a progress bar on a terminal while many files are read."""
    from bilat import index
    from bilat.corpus import CorpusError

    folder = _corpus_dir(corpus)
    bar = _progress()
    try:
        conn, report = index.open_index(folder, progress=bar.update)
    except CorpusError as e:
        raise Failure(str(e), ExitStatus.ERROR) from e
    except index.IndexUnavailable as e:
        raise Failure(str(e), ExitStatus.ERROR) from e
    finally:
        bar.close()
    for path in report.skipped:
        typer.echo(f"bilat: skipped unreadable article {path}", err=True)
    return conn, report, folder


class _progress:
    """A rich progress bar on stderr, only on a terminal and only when there is real work."""

    def __init__(self):
        self._bar = None
        self._task = None

    def update(self, n: int, total: int) -> None:
        if self._bar is None:
            if total < 50 or not sys.stderr.isatty():
                return
            from rich.console import Console
            from rich.progress import Progress

            self._bar = Progress(console=Console(stderr=True), transient=True)
            self._bar.start()
            self._task = self._bar.add_task("indexing", total=total)
        self._bar.update(self._task, completed=n)

    def close(self) -> None:
        if self._bar is not None:
            self._bar.stop()


def _country(name: str) -> str:
    from bilat.gazetteer import UnknownCountry, load

    try:
        return load().resolve(name)
    except UnknownCountry as e:
        raise Failure(str(e), ExitStatus.USAGE) from e


def _date_bound(value: str | None, end: bool) -> str | None:
    """A user's date to an inclusive ISO bound: `2025` is all of 2025, `2025-04` all of April."""
    if not value:
        return None
    value = value.strip()
    if re.fullmatch(r"\d{4}", value):
        return f"{value}-12-31" if end else f"{value}-01-01"
    if re.fullmatch(r"\d{4}-\d{2}", value):
        return f"{value}-31" if end else f"{value}-01"
    from dateutil import parser

    try:
        return parser.parse(value).date().isoformat()
    except (ValueError, OverflowError) as e:
        raise Failure(f"cannot read {value!r} as a date", ExitStatus.USAGE) from e


def _filters(country, since, until, type_, search, limit):
    from bilat.query import Filters

    types = [t.lower().replace("-", "_") for t in (type_ or [])]
    unknown = [t for t in types if t not in EVENT_TYPES]
    if unknown:
        raise Failure(f"unknown type {unknown[0]!r}; choose from {', '.join(EVENT_TYPES)}", ExitStatus.USAGE)
    return Filters(countries=[_country(c) for c in country or []], since=_date_bound(since, False),
                   until=_date_bound(until, True), types=types, search=search, limit=limit)


# -- commands -----------------------------------------------------------------------------------
@app.command("list")
@handled
def list_command(corpus: CorpusOpt = None, country: CountryOpt = None, since: SinceOpt = None, until: UntilOpt = None,
                 type_: TypeOpt = None, search: SearchOpt = None, limit: LimitOpt = None, fmt: FormatOpt = "auto",
                 json_: JsonOpt = False, jsonl: JsonlOpt = False, csv: CsvOpt = False, tsv: TsvOpt = False) -> None:
    """The articles, and what each covers."""
    from bilat import views

    f, fmt = _filters(country, since, until, type_, search, limit), _format(fmt, json_, jsonl, csv, tsv)
    views.documents(_reader(corpus).list_documents(f), fmt)


@app.command("timeline")
@handled
def timeline_command(corpus: CorpusOpt = None, country: CountryOpt = None, since: SinceOpt = None, until: UntilOpt = None,
                     type_: TypeOpt = None, search: SearchOpt = None, limit: LimitOpt = None, fmt: FormatOpt = "auto",
                     json_: JsonOpt = False, jsonl: JsonlOpt = False, csv: CsvOpt = False, tsv: TsvOpt = False) -> None:
    """What happened, in order: engagements by date, undated ones last."""
    from bilat import views

    f, fmt = _filters(country, since, until, type_, search, limit), _format(fmt, json_, jsonl, csv, tsv)
    views.timeline(_reader(corpus).timeline(f), fmt)


@app.command("pair")
@handled
def pair_command(first: Annotated[str, typer.Argument(help="A country (name, demonym or code).", show_default=False, autocompletion=complete_country)],
                 second: Annotated[str, typer.Argument(help="The other country.", show_default=False, autocompletion=complete_country)],
                 corpus: CorpusOpt = None, since: SinceOpt = None, until: UntilOpt = None, type_: TypeOpt = None,
                 fmt: FormatOpt = "auto", json_: JsonOpt = False, jsonl: JsonlOpt = False, csv: CsvOpt = False,
                 tsv: TsvOpt = False) -> None:
    """Everything about one relationship: summary, timeline, people, quotes, figures, sources."""
    from bilat import views

    a, b = _country(first), _country(second)
    if a == b:
        raise Failure(f"a pair needs two different countries, got {a} twice", ExitStatus.USAGE)
    f, fmt = _filters(None, since, until, type_, None, None), _format(fmt, json_, jsonl, csv, tsv)
    views.pair(_reader(corpus).pair(a, b, f), fmt)


@app.command("quote")
@handled
def quote_command(words: Annotated[Optional[list[str]], typer.Argument(help="Words the quotation contains.", show_default=False)] = None,
                  speaker: Annotated[Optional[str], typer.Option("--speaker", help="Speaker's name or part of it (any spelling of diacritics).", show_default=False)] = None,
                  corpus: CorpusOpt = None, country: CountryOpt = None, since: SinceOpt = None, until: UntilOpt = None,
                  limit: LimitOpt = None, fmt: FormatOpt = "auto", json_: JsonOpt = False, jsonl: JsonlOpt = False,
                  csv: CsvOpt = False, tsv: TsvOpt = False) -> None:
    """Who said what, where and when."""
    from bilat import views

    f, fmt = _filters(country, since, until, None, None, limit), _format(fmt, json_, jsonl, csv, tsv)
    views.quotes(_reader(corpus).quotes(f, speaker=speaker, words=" ".join(words or []) or None), fmt)


@app.command("index")
@handled
def index_command(corpus: CorpusOpt = None,
                  rebuild: Annotated[bool, typer.Option("--rebuild", help="Build a fresh index and swap it in.")] = False,
                  fmt: FormatOpt = "auto", json_: JsonOpt = False) -> None:
    """Refresh the index now and report what changed (queries do this by themselves)."""
    from bilat import index, views

    fmt = _format(fmt, json_, False, False, False)
    if rebuild:
        folder = _corpus_dir(corpus)
        try:
            report = index.rebuild(folder)
        except index.IndexUnavailable as e:
            raise Failure(str(e), ExitStatus.ERROR) from e
    else:
        _, report, folder = _open(corpus)
    views.index_report(report, folder, index.default_location(folder), fmt)


def _version(value: bool) -> None:
    if value:
        from bilat import __version__

        typer.echo(f"bilat {__version__}")
        raise typer.Exit(ExitStatus.OK)


@app.callback()
def _root(version: Annotated[bool, typer.Option("--version", "-V", help="Show the version and exit.", callback=_version,
                                                is_eager=True)] = False) -> None:
    """Bilateral defence engagements in a folder of news articles: who engaged with whom, when, where, and who said what."""


def main() -> None:
    """The console entry point: usage errors as one line, quiet ends in pipes, an ExitStatus at the end."""
    if hasattr(signal, "SIGPIPE"):
        # `bilat list | head`: end quietly when the reader goes away, as other Unix tools do.
        signal.signal(signal.SIGPIPE, signal.SIG_DFL)
    try:
        code = app(prog_name="bilat", standalone_mode=False)
    except KeyboardInterrupt:
        typer.echo("bilat: interrupted", err=True)
        sys.exit(ExitStatus.INTERRUPTED)
    except Exception as e:  # noqa: BLE001 - typer's own usage errors, without importing its vendored click
        if hasattr(e, "format_message") and hasattr(e, "exit_code"):
            message = e.format_message()
            if message:  # an empty one follows the help that `bilat` alone prints
                hint = f" (see `{e.ctx.command_path} --help`)" if getattr(e, "ctx", None) is not None else ""
                typer.echo(f"bilat: {message}{hint}", err=True)
            sys.exit(_status(e.exit_code))
        if type(e).__name__ == "Abort":
            typer.echo("bilat: interrupted", err=True)
            sys.exit(ExitStatus.INTERRUPTED)
        raise
    sys.exit(_status(code if isinstance(code, int) else ExitStatus.OK))


def _status(code: int) -> ExitStatus:
    """Typer's exit codes as ours (0 and 2 mean the same in both); one we do not name is an error."""
    return ExitStatus(code) if code in ExitStatus._value2member_map_ else ExitStatus.ERROR


if __name__ == "__main__":
    main()
