"""The command line as typer declares it: options, arguments, help, completion, usage errors. No logic of its own.

`main()` runs one command line through the app; `program(args, env)` runs one against an `Environment`
(what bilat reads from outside: variables, streams) and returns an `ExitStatus`, so tests call it directly.
The options every query command shares are declared once, in `SHARED_OPTIONS`; what each command does is in
commands.py, which fastpath.py also calls, skipping this module, for a command line it fully understands
(the `bilat` entry point, launch.py, tries that first).

Loading typer costs about 0.05 s; this module imports typer, the standard library and tiny modules of our own
only: the index, extraction, rich and tabulate load inside the commands that need them.
"""
from __future__ import annotations

import contextlib
import functools
import inspect
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Annotated, Any, Optional

import typer

from bilat import commands
from bilat.commands import JSON_FLAG
from bilat.environment import Environment
from bilat.eventtypes import EVENT_TYPES
from bilat.status import ExitStatus

app = typer.Typer(
    name="bilat",
    help="Bilateral defence engagements in a folder of news articles: who engaged with whom, when, where, and who said what.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    pretty_exceptions_show_locals=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


# -- shared options: declared once, each command names the ones it takes ------------------------
def complete_country(incomplete: str) -> list[str]:
    """TAB on a country: by any name, demonym or code, diacritics and case ignored (see completion.py)."""
    from bilat.completion import countries

    return countries(incomplete)


def _completing(app_: typer.Typer):
    """The app as click runs it, its completions offered as they come: typer keeps only those that start with
    what was typed, which would drop Türkiye for `tur` and every name for `TR`."""
    from typer._click.shell_completion import CompletionItem  # typer's own click, pinned with typer

    completers = {"countries": lambda ctx, typed: complete_country(typed), "first": lambda ctx, typed: complete_country(typed),
                  "second": lambda ctx, typed: complete_country(typed), "wanted": complete_id, "speaker": complete_speaker}
    command = typer.main.get_command(app_)
    for sub in getattr(command, "commands", {}).values():
        for param in sub.params:
            if param.name in completers:
                param._custom_shell_complete = (  # type: ignore[attr-defined]
                    lambda ctx, param, typed, fn=completers[param.name]: [CompletionItem(v) for v in fn(ctx, typed)])
    return command


def complete_id(ctx: typer.Context, incomplete: str) -> list[str]:
    from bilat.completion import ids

    return ids(ctx.params, incomplete)


def complete_speaker(ctx: typer.Context, incomplete: str) -> list[str]:
    from bilat.completion import speakers

    return speakers(ctx.params, incomplete)


def complete_type(incomplete: str) -> list[str]:
    return [t for t in EVENT_TYPES if t.startswith(incomplete.lower())]


# Each shared option once: its `Shared` field, its declaration, its default.
SHARED_OPTIONS: dict[str, tuple[Any, Any]] = {
    "corpus": (Annotated[Optional[Path], typer.Option("--corpus", help="Corpus folder (else $BILAT_CORPUS, else the bundled seeds).", show_default=False)], None),
    "include": (Annotated[Optional[list[str]], typer.Option("--include", metavar="GLOB", help="Read only files matching this glob (repeatable; relative to the corpus folder).", show_default=False)], None),
    "exclude": (Annotated[Optional[list[str]], typer.Option("--exclude", metavar="GLOB", help="Leave out files matching this glob (repeatable; as a line of .bilatignore).", show_default=False)], None),
    "countries": (Annotated[Optional[list[str]], typer.Option("--country", "-c", help="Country by name, demonym or code; repeat for all of several.", show_default=False, autocompletion=complete_country)], None),
    "since": (Annotated[Optional[str], typer.Option("--since", help="From this date on: a year, quarter, month or day (2025, 2024-Q1, April 2025, last year …).", show_default=False)], None),
    "until": (Annotated[Optional[str], typer.Option("--until", help="Up to this date, its whole span included (2025 ends on 31 December).", show_default=False)], None),
    "types": (Annotated[Optional[list[str]], typer.Option("--type", "-t", help=f"Engagement type: {', '.join(EVENT_TYPES)}; repeatable.", show_default=False, autocompletion=complete_type)], None),
    "search": (Annotated[Optional[str], typer.Option("--search", "-s", help="Full-text search of the articles.", show_default=False)], None),
    "limit": (Annotated[Optional[int], typer.Option("--limit", "-n", min=1, help="At most this many rows.", show_default=False)], None),
    "format": (Annotated[str, typer.Option("--format", "-f", help="auto, table, json, jsonl, csv, tsv, or any tabulate format.")], "auto"),
    "json": (Annotated[bool, typer.Option(JSON_FLAG, metavar="[FIELDS]",
                                          help="Same as --format json; --json a,b keeps only those keys of each record.")], False),
    # --json FIELDS as program() hands it on (see commands.json_with_fields)
    "json_fields": (Annotated[Optional[str], typer.Option("--json-fields", hidden=True, show_default=False)], None),
    "sort": (Annotated[Optional[str], typer.Option("--sort", metavar="KEYS", show_default=False,
                                                   help="Order by these keys of the records (a,-b: b descending).")], None),
    "jq": (Annotated[Optional[str], typer.Option("--jq", metavar="EXPR", show_default=False,
                                                 help="Filter the JSON output with this jq expression (needs the optional jq package).")], None),
    "no_header": (Annotated[bool, typer.Option("--no-header", help="CSV and TSV without their header line.")], False),
    "jobs": (Annotated[Optional[int], typer.Option("--jobs", "-j", min=1, help="Extraction worker processes (default: one per core).", show_default=False)], None),
    "jsonl": (Annotated[bool, typer.Option("--jsonl", help="Same as --format jsonl.")], False),
    "csv": (Annotated[bool, typer.Option("--csv", help="Same as --format csv.")], False),
    "tsv": (Annotated[bool, typer.Option("--tsv", help="Same as --format tsv.")], False),
    "color": (Annotated[str, typer.Option("--color", metavar="WHEN", help="Colour on a terminal view: auto (on a terminal, unless $NO_COLOR; $FORCE_COLOR forces it), always, never.")], "auto"),
    "width": (Annotated[Optional[int], typer.Option("--width", min=20, help="Draw the terminal view this wide (else $COLUMNS, else the terminal's width, else 80).", show_default=False)], None),
    "pager": (Annotated[bool, typer.Option("--pager/--no-pager", help="On a terminal, show a view longer than the screen through $PAGER (else less -R).")], True),
}
CORPUS = ("corpus", "include", "exclude")  # which files a command reads
FILTERS = ("countries", "since", "until", "types", "search", "limit", "sort")
OUTPUT = ("format", "json", "json_fields", "jq", "jsonl", "csv", "tsv", "no_header", "color", "width", "pager")


def command(name: str, *, takes: Sequence[str]) -> Callable:
    """Declare the command `name`: its own parameters are the decorated function's (typer reads them from its
    signature, its help from its docstring), followed by the shared options `takes`.

    What runs is commands.COMMANDS[name], given the run's Environment, the shared values gathered into a `Shared`,
    and its own values by name; a failure ends as one line on stderr and an exit status.
    """
    def register(fn: Callable) -> Callable:
        own = list(inspect.signature(fn, eval_str=True).parameters.values())
        shared = [inspect.Parameter(key, inspect.Parameter.KEYWORD_ONLY, annotation=SHARED_OPTIONS[key][0],
                                    default=SHARED_OPTIONS[key][1]) for key in takes]
        context = inspect.Parameter("ctx", inspect.Parameter.KEYWORD_ONLY, annotation=typer.Context)

        @functools.wraps(fn)
        def run(ctx: typer.Context, **values: Any) -> None:
            env = _environment(ctx)
            opts = commands.shared({key: values.pop(key) for key in takes})
            _exit_if_failed(commands.guarded(env, lambda: commands.run(name, env, opts, values)))

        parameters = [*own, *shared, context]
        run.__signature__ = inspect.Signature(parameters)  # type: ignore[attr-defined]
        run.__annotations__ = {p.name: p.annotation for p in parameters}
        return app.command(name, epilog=_examples(name))(run)

    return register


def _exit_if_failed(status: ExitStatus | None) -> None:
    if status is not None:
        raise typer.Exit(status)


# Two or three real command lines per command, shown at the end of its --help (tests run each on the seeds).
EXAMPLES: dict[str, tuple[str, ...]] = {
    "list": ("bilat list --country Serbia --since 2025", "bilat list --search 'working group' --json",
             "bilat list --corpus ~/news --type exercise --csv > exercises.csv"),
    "timeline": ("bilat timeline --country Serbia --country Hungary", "bilat timeline --type agreement --since 2024-Q1 --until 2025",
                 "bilat timeline --country Turkiye --jsonl | jq -r .summary"),
    "pair": ("bilat pair Turkiye Hungary", "bilat pair RS HU --since 2025 --type agreement",
             "bilat pair Serbia Hungary --json | jq .overview"),
    "quote": ("bilat quote innovation", "bilat quote --country Turkiye --json", "bilat quote --since 2025 --csv"),
    "index": ("bilat index", "bilat index --rebuild --corpus ~/news", "bilat index --json"),
    "countries": ("bilat countries", "bilat countries --country Serbia", "bilat countries --since 2025 --type agreement --csv"),
    "people": ("bilat people", "bilat people --country Hungary", "bilat people --json | jq '.[] | {name, quote_count}'"),
    "extract": ("bilat extract --corpus ~/news > news.jsonl", "bilat extract --corpus ~/news --jobs 2 | gzip > news.jsonl.gz"),
    "show": ("bilat show 003_f264a064ad147425", "bilat show '002_e6b05a2ad52912ea#0'",
             "bilat show 000_b85290705725b330 --json | jq .events"),
}


def _examples(name: str) -> str:
    # \b keeps click from re-flowing the lines into one paragraph.
    return "Examples:\n\b\n" + "\n".join(f"  $ {line}" for line in EXAMPLES[name])


def _environment(ctx: typer.Context) -> Environment:
    """The run's Environment: set by the root callback, or read from the OS when none was handed in."""
    return ctx.obj if isinstance(ctx.obj, Environment) else Environment.from_os()


# -- the commands: their own parameters and help (what each does: commands.py) -------------------
@command("list", takes=(*CORPUS, *FILTERS, *OUTPUT))
def list_command() -> None:
    """The articles, and what each covers."""


@command("timeline", takes=(*CORPUS, *FILTERS, *OUTPUT))
def timeline_command() -> None:
    """What happened, in order: engagements by date, undated ones last."""


@command("pair", takes=(*CORPUS, "since", "until", "types", "limit", "sort", *OUTPUT))
def pair_command(first: Annotated[str, typer.Argument(help="A country (name, demonym or code).", show_default=False, autocompletion=complete_country)],
                 second: Annotated[str, typer.Argument(help="The other country.", show_default=False, autocompletion=complete_country)]) -> None:
    """Everything about one relationship: summary, timeline, people, quotes, figures, sources."""


@command("quote", takes=(*CORPUS, "countries", "since", "until", "limit", "sort", *OUTPUT))
def quote_command(words: Annotated[Optional[list[str]], typer.Argument(help="Words the quotation contains.", show_default=False)] = None,
                  speaker: Annotated[Optional[str], typer.Option("--speaker", help="Speaker's name or part of it (any spelling of diacritics).", show_default=False,
                                                               autocompletion=complete_speaker)] = None) -> None:
    """Who said what, where and when."""


@command("countries", takes=(*CORPUS, *FILTERS, *OUTPUT))
def countries_command() -> None:
    """Each country: its documents, its engagements by type, its partners; with --country, that country's partners."""


@command("people", takes=(*CORPUS, *FILTERS, *OUTPUT))
def people_command() -> None:
    """Each person named: canonical name, spellings, roles, country, documents, quotations (--country: of that country)."""


@command("show", takes=(*CORPUS, *OUTPUT))
def show_command(wanted: Annotated[str, typer.Argument(metavar="ID", help="A document id (as `list` prints it) or an event id "
                                                       "(DOC#N, as `timeline` and `pair` print it).", show_default=False,
                                                       autocompletion=complete_id)]) -> None:
    """One article as read (its text with what was recognised highlighted), or one engagement with every report."""


@command("index", takes=(*CORPUS, "jobs", *OUTPUT))
def index_command(rebuild: Annotated[bool, typer.Option("--rebuild", help="Build a fresh index and swap it in.")] = False,
                  from_extractions: Annotated[Optional[list[Path]], typer.Option(
                      "--from-extractions", metavar="FILE", show_default=False,
                      help="JSONL from `bilat extract` (repeatable): files it covers are loaded, not extracted again.")] = None) -> None:
    """Refresh the index now and report what changed (queries do this by themselves, unless $BILAT_REFRESH_EVERY trusts a recent check)."""


@command("extract", takes=(*CORPUS, "jobs"))
def extract_command(paths: Annotated[Optional[list[Path]], typer.Argument(
                        show_default=False, help="Article files or folders under the corpus folder, or JSONL files of "
                                                 "records with \"text\" (- reads standard input); default: the whole corpus.")] = None) -> None:
    """One JSONL extraction per document on standard output, for `bilat index --from-extractions` (see docs/scale-out.md)."""


# -- the root: global options, and the run as a whole -------------------------------------------
def _version(value: bool) -> None:
    if value:
        commands.version()
        raise typer.Exit(ExitStatus.OK)


@app.callback()
def _root(ctx: typer.Context,
          version: Annotated[bool, typer.Option("--version", "-V", help="Show the version and exit.", callback=_version,
                                                is_eager=True)] = False,
          rules: Annotated[Optional[Path], typer.Option("--rules", metavar="FILE", show_default=False,
                                                        help="Your extraction rules, merged over the built-in ones (else $BILAT_RULES).")] = None,
          debug: Annotated[bool, typer.Option("--debug", help="On an internal error, print the whole trace.")] = False) -> None:
    """Bilateral defence engagements in a folder of news articles: who engaged with whom, when, where, and who said what."""
    env = _environment(ctx).with_options(rules=rules, debug=debug)
    ctx.obj = env  # every command's context inherits it
    _exit_if_failed(commands.guarded(env, lambda: commands.check_rules(env, given=rules is not None)))


def program(args: Sequence[str], env: Environment) -> ExitStatus:
    """Run one command line in `env` and say how it ended; output goes to env.stdout and env.stderr.

    Typer's usage errors end as one line with a hint, Ctrl-C as "interrupted", and anything unexpected
    as an internal error. Nothing here touches the process: main() does that.
    """
    with contextlib.redirect_stdout(env.stdout), contextlib.redirect_stderr(env.stderr):
        try:
            run = _completing(app) if env.completing else app  # a TAB, not a command
            code = run(args=list(args) if env.completing else commands.json_with_fields(args, EXAMPLES), prog_name="bilat",
                       standalone_mode=False, obj=env)
        except KeyboardInterrupt:
            return commands.interrupted()
        except Exception as e:  # noqa: BLE001 - typer's usage errors, without importing its vendored click
            if commands.is_usage_error(e):
                return commands.usage_error(e)
            if type(e).__name__ == "Abort":  # click's form of a Ctrl-C
                return commands.interrupted()
            # Raised outside any command (the commands report their own): --debug may not be parsed yet.
            commands.report_internal_error(e, env.debug or "--debug" in args)
            return ExitStatus.ERROR
    return commands.status_of(code if isinstance(code, int) else ExitStatus.OK)


def main() -> None:
    """Run the command line through the app: the real environment, quiet ends in pipes, the process's exit status."""
    commands.quiet_in_pipes()
    sys.exit(program(sys.argv[1:], Environment.from_os()))


if __name__ == "__main__":
    main()
