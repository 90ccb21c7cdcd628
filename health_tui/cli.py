"""The command line: the app (default), demo, import, score, config, and keeping the record.

This is the only module that reads today's date; everything below it is given an as-of date.
"""

from __future__ import annotations

import os
import shutil
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from health_tui import __version__
from health_tui.dates import parse_date, parse_quarter
from health_tui.errors import ConfigError, HealthTuiError, ImportFailed, WouldOverwrite
from health_tui.paths import CONFIG_ENV, DB_ENV, default_config_path, default_db_path

if TYPE_CHECKING:
    from health_tui.clients import ClientRef
    from health_tui.settings import CsvStyle
    from health_tui.store import Store


# --source's choices, written out so that `--help` does not load the importers (a test holds them
# to the exports health-tui knows: Xero's was left out of it)
SOURCE_NAMES = [
    "harvest-time", "harvest-invoices", "xero-invoices", "stripe-invoices", "toggl", "clockify",
    "zendesk", "freshdesk", "native",
]  # fmt: skip


def _err(message: str) -> None:
    click.echo(f"health-tui: {message}", err=True)


# Options the top level takes and a command may take again: given before the command
# (`health-tui --db FILE score`), they are the command's as if given after it.
_SHARED = {"db": "--db", "as_of": "--as-of", "quarter": "--quarter", "config_path": "--config"}


def _inherit(ctx: click.Context) -> None:
    """Give the command the shared options written before it; refuse one it does not take, or
    one given twice with two values, rather than leave a file or a date silently unused."""
    command = ctx.command_path
    before: set[str] = set()  # the shared options taken from before the command
    for parent in (p for p in _ancestors(ctx) if p.params):
        for name, flag in _SHARED.items():
            given = parent.params.get(name)
            if given is None:
                continue
            if name not in ctx.params:
                raise click.UsageError(f"`{command}` does not take {flag}", ctx)
            mine = ctx.params[name]
            if mine is None:
                ctx.params[name] = given
                before.add(name)
            elif _same(mine) != _same(given):
                raise click.UsageError(
                    f"{flag} given twice, {given} before the command and {mine} after it; "
                    "give it once",
                    ctx,
                )
    dates = [n for n in ("as_of", "quarter") if ctx.params.get(n) is not None]
    if len(dates) == 2 and len(before & set(dates)) == 1:  # else _as_of says "not both"
        first, then = dates if dates[0] in before else dates[::-1]
        raise click.UsageError(
            f"{_SHARED[first]} given before the command and {_SHARED[then]} after it: give one "
            "of them, once",
            ctx,
        )


def _same(value: object) -> object:
    """A path as the file it names (./x.duckdb and /abs/x.duckdb are one), anything else as is."""
    return value.expanduser().resolve() if isinstance(value, Path) else value


def _ancestors(ctx: click.Context) -> Iterator[click.Context]:
    parent = ctx.parent
    while parent is not None:
        yield parent
        parent = parent.parent


class _Command(click.Command):
    def invoke(self, ctx: click.Context) -> Any:
        _inherit(ctx)
        return super().invoke(ctx)


class _Group(click.Group):
    """Turns the app's own errors into one line on stderr and an exit status, never a traceback;
    its commands take the shared options written before them (`_inherit`)."""

    command_class = _Command
    group_class = type  # a group inside (`clients`) is a _Group too

    def invoke(self, ctx: click.Context) -> Any:
        _inherit(ctx)
        try:
            return super().invoke(ctx)
        except HealthTuiError as exc:
            _err(str(exc))
            ctx.exit(exc.exit_code)
        except KeyboardInterrupt:
            _err("interrupted; nothing was half-written.")
            ctx.exit(130)


def terminal_width() -> int | None:
    """The terminal's width when the output goes to one, for a table to fit it; None for a file or
    a pipe, which get every column."""
    if not sys.stdout.isatty():
        return None
    return shutil.get_terminal_size().columns


EARLIEST, LATEST = date(1900, 1, 1), date(9998, 12, 31)  # a score reads quarters either side


def _as_of(as_of: str | None, quarter: str | None) -> date:
    if as_of and quarter:
        raise click.UsageError("give --as-of or --quarter, not both")
    today = date.today()
    try:
        day = parse_quarter(quarter) if quarter else parse_date(as_of) if as_of else today
    except ValueError as exc:
        raise click.BadParameter(str(exc)) from None
    if not EARLIEST <= day <= LATEST:  # (9999-12-31 ended in a traceback: year 10000)
        raise click.BadParameter(f"{day} is out of range: give a date from {EARLIEST} to {LATEST}")
    if day > today:  # --quarter of the quarter under way is its last day, still to come
        _err(
            f"note: {day} is after today ({today}): what falls due by then is scored as late or "
            "unpaid, as if that day had come."
        )
    return day


db_option = click.option(
    "--db",
    "db",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help=f"DuckDB file to use (default: ${DB_ENV} or {default_db_path()}).",
)
as_of_option = click.option("--as-of", "as_of", metavar="YYYY-MM-DD", help="Score as of this date.")
quarter_option = click.option(
    "--quarter", metavar="2026Q3", help="Score as of the quarter's last day."
)


config_option = click.option(
    "--config",
    "config_path",
    # a settings file named on the command line must be there: a typo would score with defaults
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    default=None,
    help=f"Settings file (TOML; default: ${CONFIG_ENV} or {default_config_path()}).",
)


@click.group(
    cls=_Group,
    invoke_without_command=True,
    context_settings={"help_option_names": ["-h", "--help"]},
)
@db_option
@as_of_option
@quarter_option
@config_option
@click.version_option(__version__, prog_name="health-tui")
@click.pass_context
def cli(
    ctx: click.Context,
    db: Path | None,
    as_of: str | None,
    quarter: str | None,
    config_path: Path | None,
) -> None:
    """Which clients to keep, mend, reprice or let go. With no command, opens the app.

    --db, --as-of, --quarter and --config may come before a command too; they are its own."""
    os.umask(0o077)  # everything health-tui writes holds clients' financials
    from health_tui.store.migrations import on_upgrade

    on_upgrade(lambda message: click.echo(f"health-tui: {message}", err=True))
    named = os.environ.get(CONFIG_ENV)
    if named and not Path(named).expanduser().exists():  # as a --config typo is refused
        raise ConfigError(
            f"${CONFIG_ENV} names {named}, which does not exist; create it, or unset "
            f"{CONFIG_ENV} to use the defaults."
        )
    if ctx.invoked_subcommand is None:
        from health_tui.app import run_app

        run_app(db or default_db_path(), as_of=_as_of(as_of, quarter), config_path=config_path)


@cli.command("import")
@click.argument("path", type=click.Path(path_type=Path))
@db_option
@click.option(
    "--replace",
    is_flag=True,
    help=(
        "First empty everything imports brought (what you recorded in the app stays; over the "
        "demo, what you recorded on it goes with it)."
    ),
)
@click.option(
    "--source",
    type=click.Choice(SOURCE_NAMES),
    default=None,
    help="Read PATH as this export instead of recognising it by its header.",
)
@click.option(
    "--mapping",
    type=click.Path(dir_okay=False, exists=True, path_type=Path),
    default=None,
    help="A TOML file saying which column of any other CSV holds what (see the README).",
)
@click.option(
    "--date-format",
    "date_format",
    metavar="FORMAT",
    default=None,
    help="day-first, month-first, or a pattern like %d.%m.%Y, for dates like 03/04/2025.",
)
@click.option(
    "--decimal-separator",
    "decimal",
    type=click.Choice([".", ","]),
    default=None,
    help="The decimal separator, for a file whose numbers are all like 1,250 or 1.250.",
)
@click.option(
    "--encoding",
    metavar="NAME",
    default=None,
    help="The file's text encoding when it is not UTF-8: windows-1252 (Excel's CSV in Western "
    "Europe), latin-1...",
)
@click.option(
    "--client-from",
    "client_from",
    type=click.Choice(["project", "client"]),
    default=None,
    help="Time exports: take each entry's client from its Project, or only from its Client "
    "(default: the Client, else the Project).",
)
@config_option
def import_cmd(
    path: Path,
    db: Path | None,
    replace: bool,
    source: str | None,
    mapping: Path | None,
    date_format: str | None,
    decimal: str | None,
    encoding: str | None,
    client_from: str | None,
    config_path: Path | None,
) -> None:
    """Load PATH: a folder in the import format, or one CSV exported by Harvest, Toggl, Clockify,
    Xero, Stripe, Zendesk or Freshdesk (or any CSV, with --mapping)."""
    from health_tui.ingest.connector import import_path
    from health_tui.ingest.models import ExportSummary
    from health_tui.settings import load_settings
    from health_tui.store import opened_store

    settings = load_settings(config_path or default_config_path())[0]
    if not path.exists():  # refuse before a database file is created for nothing
        raise ImportFailed(f"{path}:1: (path): no such file or folder\nNothing was changed.")
    # a refused import into a file that did not exist leaves no file behind
    target = (db or default_db_path()).expanduser()
    created = not target.exists()
    with _no_file_left(target, created), opened_store(target) as store:
        summary = import_path(
            store,
            path,
            source=source,
            mapping=mapping,
            date_format=date_format,
            decimal=decimal,
            encoding=encoding,
            client_from=client_from,  # type: ignore[arg-type]
            activities=settings.activities,
            money=settings.money,
            replace=replace,
            today=_now().date(),
            progress=lambda m: _err(m),
            timezone=settings.agency.timezone,
        )
    _compact(target)
    for warning in summary.warnings:
        _err(f"warning: {warning}")
    click.echo(summary.line())
    if isinstance(summary, ExportSummary) and summary.clients_new:
        # a client an export made starts on its first row (a Bristol agency's four-year client
        # read "client since 2025-07-01"): said once, where the owner can put it right
        n = summary.clients_new
        who = "The new client starts" if n == 1 else f"The {n:,} new clients start"
        click.echo(
            f'{who} on the first day this export shows for them, said "on record since" until '
            "you give the day one began: `health-tui clients start CLIENT DATE`, or c on its "
            'client screen (the letter\'s "since" and the rules that weigh how long a client has '
            "been one read it)."
        )


@contextmanager
def _no_file_left(target: Path, created: bool) -> Iterator[None]:
    """A refused first import into a new file: its refusal ends by saying no database was made,
    not that nothing changed in a file the user will then look for and not find."""
    try:
        yield
    except ImportFailed as exc:
        lines = str(exc).splitlines()
        if created and lines and lines[-1].startswith("Nothing was changed"):
            lines[-1] = f"No database was made: {target} does not exist, as before."
            exc.args = ("\n".join(lines),)
        raise


@cli.command()
@click.argument("folder", type=click.Path(file_okay=False, path_type=Path))
@db_option
@click.option(
    "--format", "fmt", type=click.Choice(["csv", "parquet"]), default="csv", show_default=True
)
@click.option(
    "--import-format",
    "import_format",
    is_flag=True,
    help="Only the five files of the import format (no provenance, decisions or checklists).",
)
@click.option("--force", is_flag=True, help="Write over files of the same names in FOLDER.")
@config_option  # the settings file kept beside a backup
def export(
    folder: Path,
    db: Path | None,
    fmt: str,
    import_format: bool,
    force: bool,
    config_path: Path | None,
) -> None:
    """Back up everything to FOLDER: history with where each row came from, your decisions,
    checklists, letters, client facts and aliases. `health-tui restore FOLDER` gives it back."""
    from health_tui.store import open_store

    store = open_store(_existing_db(db))
    ignored: list[ClientRef] = []
    undated = 0
    try:
        if import_format:
            from health_tui.clients import ignored_clients
            from health_tui.ingest.export import export_import_format

            counts = export_import_format(store, folder, fmt, force=force)  # type: ignore[arg-type]
            ignored = ignored_clients(store)
            (undated,) = store.row("invoices_paid_assumed")
        else:
            from health_tui.ingest.backup import backup_folder

            counts = backup_folder(store, folder, fmt, at=datetime.now(), force=force)  # type: ignore[arg-type]
    finally:
        store.close()
    what = (
        "in the import format"
        if import_format
        else "a backup: restore it with `health-tui restore`"
    )
    click.echo(
        f"Wrote {sum(counts.values()):,} rows in {len(counts)} {fmt} files to {folder} ({what})."
    )
    if not import_format:
        _backup_settings(folder, config_path)
    from health_tui.formatting import plural

    if ignored:  # the import format has no word for it: the copy would score them as clients
        from health_tui.ingest.staging import show

        names = ", ".join(f"{show(c.name)} ({c.client_id})" for c in ignored)
        first = ignored[0].client_id
        click.echo(
            f'{plural(len(ignored), "client")} marked "not a client" here '
            f"{'is' if len(ignored) == 1 else 'are'} in clients.{fmt} as any other (the import "
            f"format cannot say so): {names}. After importing the folder, mark "
            f"{'it' if len(ignored) == 1 else 'each'} again: `health-tui clients ignore {first}`.",
            err=True,
        )
    if undated:  # nor for a payment day no export gave: the copy would read it as known
        click.echo(
            f"{plural(undated, 'invoice')} paid on a day {'its' if undated == 1 else 'their'} "
            f"export did not give {'is' if undated == 1 else 'are'} in invoices.{fmt} with the "
            "day counted as paid from (the import format cannot say it was not given): imported "
            "from this folder, how late each was paid reads as known. A backup (export without "
            "--import-format) keeps it.",
            err=True,
        )


@cli.command()
@click.argument("folder", type=click.Path(file_okay=False, path_type=Path))
@db_option
def restore(folder: Path, db: Path | None) -> None:
    """Restore a backup written by `health-tui export` into a new (or empty) database."""
    from health_tui.ingest.backup import restore_folder
    from health_tui.store import opened_store

    path = db or default_db_path()
    with opened_store(path) as store:  # a refused restore into a new path leaves no file
        counts = restore_folder(store, folder)
    click.echo(f"Restored {sum(counts.values()):,} rows from {folder} into {path}.")
    _restore_settings(folder)


# The settings a backup was made with: the currency, the rates its other currencies were converted
# at, the rules. A restore on a new machine could not score a portfolio with dollar invoices (no
# rate) and its end dates forgot the country's holidays.
BACKUP_SETTINGS = "settings.toml"


def _backup_settings(folder: Path, config: Path | None) -> None:
    """Copy the settings file in force beside the backup, as it is: its own values only, so the
    defaults a later health-tui brings still reach it. None (the defaults in force) is said."""
    path = config or default_config_path()
    if not path.is_file():
        click.echo(f"No settings file ({path}): the defaults are in force, and none is beside it.")
        return
    try:
        (folder / BACKUP_SETTINGS).write_bytes(path.read_bytes())
    except OSError as exc:
        _err(f"the settings were not copied beside the backup: {exc.strerror or exc}")
        return
    click.echo(f"The settings in force ({path}) are beside it, in {folder / BACKUP_SETTINGS}.")


def _restore_settings(folder: Path) -> None:
    """Take a backup's settings where there are none yet; else say where they are."""
    kept = Path(folder) / BACKUP_SETTINGS
    if not kept.is_file():
        return
    mine = default_config_path()
    if mine.exists():
        click.echo(
            f"The backup's settings (currency, rates, rules) are in {kept}; yours, in {mine}, are "
            "in force: compare them with `health-tui config`."
        )
        return
    mine.parent.mkdir(parents=True, exist_ok=True)
    mine.write_text(kept.read_text(encoding="utf-8"), encoding="utf-8")
    click.echo(f"Took the backup's settings (currency, rates, rules) as yours: {mine}.")


@cli.command()
@db_option
@click.option(
    "--clients", "n_clients", type=click.IntRange(1, 200_000), default=60, show_default=True
)
@click.option("--seed", type=int, default=7, show_default=True)
@click.option(
    "--as-of", "as_of", metavar="YYYY-MM-DD", help="The last day of its history (default: today)."
)
@click.option("--replace", is_flag=True, help="Overwrite a database that holds your own data.")
def demo(db: Path | None, n_clients: int, seed: int, as_of: str | None, replace: bool) -> None:
    """Write a synthetic portfolio (three years ending at --as-of) to try the app on."""
    from health_tui.demo import generate_demo
    from health_tui.demo_reviews import PAST_REVIEWS
    from health_tui.store import opened_store

    day = _as_of(as_of, None)  # a bad date is refused before any file is created
    # a demo that fails into a file that did not exist leaves no file behind
    target = db or default_db_path()
    with opened_store(target) as store:
        summary = generate_demo(
            store,
            clients=n_clients,
            seed=seed,
            as_of=day,
            replace=replace,
            progress=lambda m: _err(m),
            past_reviews=PAST_REVIEWS,
        )
    _compact(target)  # a demo written over another leaves the old one's space free
    if summary.clients > n_clients:
        _err(
            f"--clients {n_clients} is fewer than the {summary.clients} the demo needs to hold "
            f"every situation it plants; it has {summary.clients}."
        )
    click.echo(summary.line())


csv_style_option = click.option(
    "--csv-style",
    type=click.Choice(["plain", "excel", "excel-eu"]),
    default=None,
    help="For whom a CSV is written: plain (UTF-8, commas); excel (with a byte-order mark, so "
    "Excel reads accents and €); excel-eu (Excel in French, German, Spanish...: also semicolons "
    "and decimal commas). Default: [csv] style in the settings, else plain.",
)


@cli.command()
@db_option
@as_of_option
@quarter_option
@config_option
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "json", "csv"]),
    default="table",
    show_default=True,
)
@click.option("--candidates", is_flag=True, help="Only the clients recommended for exit.")
@csv_style_option
def score(
    db: Path | None,
    as_of: str | None,
    quarter: str | None,
    config_path: Path | None,
    fmt: str,
    candidates: bool,
    csv_style: CsvStyle | None,
) -> None:
    """Score every client as of a date: health, effort versus return, verdict and reasons."""
    from health_tui.output import render_scores
    from health_tui.scoring.engine import score_portfolio
    from health_tui.settings import load_settings
    from health_tui.store import open_store

    day = _as_of(as_of, quarter)
    settings, _ = load_settings(config_path or default_config_path())
    store = open_store(_existing_db(db))
    try:
        portfolio = score_portfolio(store, day, settings)
    finally:
        store.close()
    width = terminal_width() if fmt == "table" else None
    style = csv_style or settings.csv.style
    shown = render_scores(portfolio, fmt, candidates_only=candidates, width=width, csv_style=style)
    click.echo(shown, nl=False)
    if fmt != "table" and portfolio.out_of_date_text:  # the table says it in its summary
        click.echo(f"health-tui: note: {portfolio.out_of_date_text}.", err=True)


@cli.command()
@db_option
@as_of_option
@quarter_option
@config_option
def review(
    db: Path | None, as_of: str | None, quarter: str | None, config_path: Path | None
) -> None:
    """Open the app straight into the quarterly review: exit candidates first, then those at risk."""
    from health_tui.app import run_app

    day = _as_of(as_of, quarter)
    run_app(_existing_db(db), as_of=day, config_path=config_path, start="review")


@cli.command()
@db_option
@as_of_option
@quarter_option
@config_option
@click.option(
    "--out",
    "out",
    required=True,
    type=click.Path(dir_okay=False, path_type=Path),
    help="Report file: .md, .html or .csv.",
)
@click.option("--force", is_flag=True, help="Overwrite an existing report file.")
@csv_style_option
def report(
    db: Path | None,
    as_of: str | None,
    quarter: str | None,
    config_path: Path | None,
    out: Path,
    force: bool,
    csv_style: CsvStyle | None,
) -> None:
    """Write the quarterly review report: summary, exit candidates, decisions, exit progress."""
    from health_tui.report import write_report
    from health_tui.settings import Csv, load_settings

    day = _as_of(as_of, quarter)
    if out.suffix.lower() not in (".md", ".html", ".csv"):
        raise click.BadParameter(
            "the report file must end in .md, .html or .csv", param_hint="--out"
        )
    if out.exists() and not force:
        raise WouldOverwrite(f"{out} already exists; pass --force to overwrite it.")
    settings, _ = load_settings(config_path or default_config_path())
    if csv_style is not None:
        settings = settings.model_copy(update={"csv": Csv(style=csv_style)})
    with _record_store(db, REPORT_IN_APP) as store:
        written = write_report(store, day, settings, out, today=_now().date())
    click.echo(f"Wrote {written}.")


@cli.command("whatif")
@click.option(
    "--drop",
    "drops",
    multiple=True,
    metavar="A,B",
    help="Clients to let go: ids or names, comma-separated (or --drop again for each).",
)
@click.option(
    "--reprice",
    "reprices",
    multiple=True,
    metavar="C=15",
    help="A client and a percent: the same hours at that much more (C=-10 lowers it).",
)
@db_option
@as_of_option
@quarter_option
@config_option
@click.option(
    "--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True
)
def whatif_cmd(
    drops: tuple[str, ...],
    reprices: tuple[str, ...],
    db: Path | None,
    as_of: str | None,
    quarter: str | None,
    config_path: Path | None,
    fmt: str,
) -> None:
    """What if these clients went (and those paid more): revenue lost and hours freed over 12
    months, the effective rate, the at-risk share and the largest client's share, before and after."""
    from health_tui.output import render_whatif
    from health_tui.scoring.engine import score_portfolio
    from health_tui.settings import load_settings
    from health_tui.store import open_store
    from health_tui.whatif import what_if

    if not drops and not reprices:
        raise click.UsageError("give --drop A,B or --reprice C=15 (or both)")
    day = _as_of(as_of, quarter)
    percents = [_reprice_arg(text) for text in reprices]
    settings, _ = load_settings(config_path or default_config_path())
    store = open_store(_existing_db(db))
    try:
        named = [ref for text in drops for ref in _clients_named(store, text)]
        priced = [
            (_repriced(store, who, text), pct)
            for (who, pct), text in zip(percents, reprices, strict=True)
        ]
        for ref in [*named, *(ref for ref, _pct in priced)]:
            if ref.ignored:
                raise click.BadParameter(
                    f"{ref} is marked not a client: never scored, so nothing to weigh "
                    f"(health-tui clients unignore {ref.client_id} scores it again)."
                )
        ids = [ref.client_id for ref, _pct in priced]
        twice = next((ref for ref, _pct in priced if ids.count(ref.client_id) > 1), None)
        if twice is not None:  # the later percent silently won
            raise click.BadParameter(
                f"{twice} is repriced twice: give one percent.", param_hint="--reprice"
            )
        dropped = [ref.client_id for ref in named]
        repriced = {ref.client_id: pct for ref, pct in priced}
        portfolio = score_portfolio(store, day, settings)
    finally:
        store.close()
    result = what_if(portfolio, dropped, repriced, settings=settings)
    click.echo(render_whatif(result, fmt, terminal_width()), nl=False)


def _reprice_arg(text: str) -> tuple[str, float]:
    """'fernleaf=15', 'Fernleaf Yoga Studio=+15%' -> (client, 15.0)."""
    who, sep, pct = text.rpartition("=")
    try:  # nan and inf are numbers here; what_if says they are no price
        value: float | None = float(pct.strip().rstrip("%"))
    except ValueError:
        value = None
    if not sep or not who.strip() or value is None:
        raise click.BadParameter(
            f"{text!r}: give a client and a percent, like fernleaf=15", param_hint="--reprice"
        )
    return who.strip(), value


def _repriced(store: Store, who: str, text: str) -> Any:
    """The client a --reprice names (a name may hold '='); where none is named and `who` holds an
    '=', two clients were most likely written in one --reprice."""
    from health_tui.clients import ClientNotFound, find_client

    try:
        return find_client(store, who)
    except ClientNotFound:
        if "=" not in who:
            raise
        raise click.BadParameter(
            f"{text!r}: one client and percent each time, like --reprice A=15 --reprice B=10",
            param_hint="--reprice",
        ) from None


def _clients_named(store: Store, text: str) -> list:
    """The clients `text` names: one client (a name may hold a comma), else each comma-separated
    part; an unknown one is refused as `find_client` refuses it."""
    from health_tui.clients import ClientNotFound, find_client

    parts = [p.strip() for p in text.split(",") if p.strip()]
    if not parts:
        raise click.BadParameter(f"{text!r} names no client", param_hint="--drop")
    if len(parts) > 1:
        try:
            return [find_client(store, text)]
        except ClientNotFound:
            pass
        try:
            return [find_client(store, p) for p in parts]
        except ClientNotFound as exc:  # "Smith, Jones & Co,Acme": the comma of a name, cut
            raise ClientNotFound(
                f"{exc} A name that holds a comma: give it in a --drop of its own, or by its id."
            ) from None
    return [find_client(store, p) for p in parts]


@cli.group(invoke_without_command=True)
@db_option
@click.option("--all", "show_all", is_flag=True, help='Include clients marked "not a client".')
@click.pass_context
def clients(ctx: click.Context, db: Path | None, show_all: bool) -> None:
    """List clients with where their rows came from; merge, alias, ignore one or give it its web
    domain (see the subcommands). A CLIENT is a client_id or a name (case, accents and spacing
    aside)."""
    if ctx.invoked_subcommand is not None:  # its --db is the subcommand's (`_inherit`)
        if show_all:
            raise click.UsageError(
                f"--all is for the list; `clients {ctx.invoked_subcommand}` does not take it", ctx
            )
        return
    from health_tui.clients import list_clients
    from health_tui.output import render_clients
    from health_tui.store import open_store

    store = open_store(_existing_db(db))
    try:
        listing = list_clients(store, include_ignored=show_all)
    finally:
        store.close()
    click.echo(render_clients(listing, terminal_width()), nl=False)


@clients.command("merge")
@click.argument("keep")
@click.argument("other")
@db_option
def clients_merge(keep: str, other: str, db: Path | None) -> None:
    """Make OTHER part of KEEP: its rows, decisions and checklist move to KEEP, and its name and id
    become KEEP's aliases, so later imports under them land on KEEP. It cannot be undone."""
    from health_tui.clients import merge_clients, merge_note
    from health_tui.store import open_store
    from health_tui.text import safe_text

    store = open_store(_existing_db(db))
    try:
        done = merge_clients(store, keep, other, at=datetime.now())
    finally:
        store.close()
    kept, merged, left, _ = done
    click.echo(f"Merged {merged} into {kept}; imports naming {merged.name!r} now land on it.")
    if left:
        click.echo(
            f"{safe_text(merged.name)} was {' and '.join(left)}: that stays behind, and "
            f"{safe_text(kept.name)} keeps its own status."
        )
    if note := merge_note(done):
        click.echo(note)


@clients.command("alias")
@click.argument("client")
@click.argument("name")
@db_option
def clients_alias(client: str, name: str, db: Path | None) -> None:
    """Let imports find CLIENT under NAME too (the name a tracker gives it)."""
    from health_tui.clients import add_alias
    from health_tui.store import open_store

    store = open_store(_existing_db(db))
    try:
        ref = add_alias(store, client, name, at=datetime.now())
    finally:
        store.close()
    click.echo(f"Imports naming {name!r} now land on {ref}.")


@clients.command("domain")
@click.argument("client")
@click.argument("domain", required=False)
@click.option("--clear", is_flag=True, help="Take back the domain you gave CLIENT.")
@db_option
def clients_domain(client: str, domain: str | None, clear: bool, db: Path | None) -> None:
    """Give CLIENT its web domain (acme.com): helpdesk tickets and survey answers from people who
    write from it land on CLIENT."""
    from health_tui.clients import clear_domain, set_domain
    from health_tui.store import open_store

    if clear == (domain is not None):
        raise click.UsageError("give a DOMAIN, or --clear to take it back")
    store = open_store(_existing_db(db))
    try:
        if clear:
            ref = clear_domain(store, client)
            click.echo(f"{ref} has no domain of yours any more.")
            return
        ref, value = set_domain(store, client, domain or "", at=datetime.now())
    finally:
        store.close()
    click.echo(f"{ref} has the domain {value}: tickets and answers from it land on it.")


@clients.command("start")
@click.argument("client")
@click.argument("day", metavar="DATE", required=False)
@click.option("--clear", is_flag=True, help="Take back the start date you gave CLIENT.")
@db_option
def clients_start(client: str, day: str | None, clear: bool, db: Path | None) -> None:
    """CLIENT began on DATE (YYYY-MM-DD): an export shows only the work it holds, and a client it
    made starts on its first row; the termination letter's "since" and the rules that weigh how
    long a client has been one (loyal, struggling) read the day you give."""
    from health_tui.clients import clear_fact, client_profile, find_client, set_start
    from health_tui.store import open_store

    if clear == (day is not None):
        raise click.UsageError("give a DATE, or --clear to take back the one you gave")
    store = open_store(_existing_db(db))
    try:
        if clear:
            ref = find_client(store, client)
            clear_fact(store, ref.client_id, "started_on")
            began = client_profile(store, ref.client_id).started_on
            click.echo(f"{ref} has no start date of yours: it starts on {began}, as imported.")
            return
        ref, began = set_start(store, client, day or "", at=datetime.now())
    finally:
        store.close()
    click.echo(f"{ref} began on {began} (`clients start --clear` undoes it).")


@clients.command("end")
@click.argument("client")
@click.argument("day", metavar="DATE", required=False)
@click.option("--clear", is_flag=True, help="Take back the end date you gave CLIENT.")
@db_option
def clients_end(client: str, day: str | None, clear: bool, db: Path | None) -> None:
    """CLIENT left on DATE (YYYY-MM-DD) of their own accord: a former client from then, out of the
    counts and the median rate (an exit's checklist sets it when you close the record)."""
    from health_tui.clients import Correction, client_profile, correct_client, find_client
    from health_tui.store import open_store

    if clear == (day is not None):
        raise click.UsageError("give a DATE, or --clear to take back the one you gave")
    store = open_store(_existing_db(db))
    try:
        ref = find_client(store, client)
        if clear:
            gone = "ended_on" in client_profile(store, ref.client_id).owner
            plan = [Correction(fact="ended_on", clear=True)]
        else:
            plan = [Correction(fact="ended_on", value=day)]
        profile = correct_client(store, ref.client_id, plan, at=datetime.now())
    finally:
        store.close()
    ended = profile.value("ended_on")
    if clear:
        lead = f"{ref} has no end date of yours" + ("" if gone else " (it had none)")
        tail = f"; the import's is {ended}" if ended else ": a client"
        click.echo(lead + tail + ".")
    else:
        click.echo(
            f"{ref} ended on {ended}: a former client from then (`clients end --clear` undoes it)."
        )


@clients.command("ignore")
@click.argument("client")
@db_option
def clients_ignore(client: str, db: Path | None) -> None:
    """Mark CLIENT "not a client" (the agency's own time): kept, never scored, hidden from lists."""
    from health_tui.clients import set_ignored
    from health_tui.store import open_store

    store = open_store(_existing_db(db))
    try:
        ref = set_ignored(store, client, True, at=datetime.now())
    finally:
        store.close()
    click.echo(f"{ref} is marked not a client: kept, never scored (`clients unignore` undoes it).")


@clients.command("unignore")
@click.argument("client")
@db_option
def clients_unignore(client: str, db: Path | None) -> None:
    """Undo `clients ignore`: CLIENT is scored again."""
    from health_tui.clients import set_ignored
    from health_tui.store import open_store

    store = open_store(_existing_db(db))
    try:
        ref = set_ignored(store, client, False, at=datetime.now())
    finally:
        store.close()
    click.echo(f"{ref} is a client again and will be scored.")


# -- keeping the record: what happened with a client, from a script or right after a call ----------

KIND_HELP = (
    "request, urgent_request, revision_request, scope_change, complaint, escalation, praise, other"
)
CHANNEL_HELP = "email, phone, meeting, chat, letter, sms, social (call, e-mail, video call read as phone, email, meeting)"


LOG_IN_APP = "If it is the health-tui app, log it there: i, f or n on the client's screen."
REPORT_IN_APP = (
    "If it is the health-tui app, write the report from there: R (or ctrl+p, Write the report)."
)


@contextmanager
def _record_store(db: Path | None, in_app: str = LOG_IN_APP) -> Iterator[Store]:
    """The store to log into (or read); if the app holds it, say how to do it from the app."""
    from health_tui.errors import StoreLocked
    from health_tui.store import open_store

    try:
        store = open_store(_existing_db(db))
    except StoreLocked as exc:
        raise StoreLocked(f"{exc} {in_app}") from exc
    try:
        yield store
    finally:
        store.close()


def _now() -> datetime:
    return datetime.now().replace(second=0, microsecond=0)


@cli.command("log")
@click.argument("client")
@click.option("--kind", required=True, help=f"What happened: {KIND_HELP}.")
@click.option("--channel", required=True, help=f"How: {CHANNEL_HELP}.")
@click.option(
    "--tone",
    default=None,
    metavar="-2..2",
    help="-2 very negative, -1 negative, 0 neutral, 1 positive, 2 very positive (default: none).",
)
@click.option(
    "--at",
    "at_text",
    metavar="DATETIME",
    default=None,
    help="When: 2026-09-20 14:30 or 2:30 PM (default today; a date alone is noon: only a time you give "
    "can make it after hours).",
)
@click.option("--note", default=None, help="What was said or done, in a line.")
@db_option
def log_cmd(
    client: str,
    kind: str,
    channel: str,
    tone: str | None,
    at_text: str | None,
    note: str | None,
    db: Path | None,
) -> None:
    """Log an interaction with CLIENT (its id or name): a complaint, praise, an urgent request...
    It counts in the next score; no import ever replaces it."""
    from health_tui import record
    from health_tui.clients import find_client

    now = _now()
    # Not the minute the owner types this (in the evening, say): that would read as an
    # after-hours demand. Today, at noon, as a date given alone.
    when = record.when_of(at_text, now) if at_text else datetime.combine(now.date(), record.NOON)
    fields = {
        "kind": record.parse_kind(kind),
        "channel": record.parse_channel(channel),
        "tone": record.parse_tone(tone) if tone is not None else None,
        "happened_at": when,
        "note": note,
    }
    oldest = _oldest_scored(now)
    with _record_store(db) as store:
        ref = find_client(store, client)
        entry = record.build_entry(record.InteractionEntry, client_id=ref.client_id, **fields)
        logged = record.log_entry(store, entry)
    click.echo(
        f"Saved: {entry.label()} with {ref} at {when:%Y-%m-%d %H:%M}. {_counts(when, oldest, ref)}"
    )
    if logged.alike:
        click.echo(logged.alike)


# a negative SCORE (-1) reaches the score's own check ("a whole number from 0 to 10") instead of
# click's "No such option"
@cli.command("feedback", context_settings={"ignore_unknown_options": True})
@click.argument("client")
@click.argument("score", metavar="SCORE")
@click.option("--date", "day", metavar="YYYY-MM-DD", default=None, help="When (default today).")
@click.option("--comment", default=None, help="What they said.")
@db_option
def feedback_cmd(
    client: str, score: str, day: str | None, comment: str | None, db: Path | None
) -> None:
    """Record a feedback score (0 to 10) CLIENT gave, with what they said."""
    from health_tui import record
    from health_tui.clients import find_client

    now = _now()
    on = record.parse_day(day) if day else now.date()
    record.check_day_not_future(on, now)
    value = record.parse_score(score)
    oldest = _oldest_scored(now)
    with _record_store(db) as store:
        ref = find_client(store, client)
        entry = record.build_entry(
            record.FeedbackEntry, client_id=ref.client_id, on=on, score=value, comment=comment
        )
        logged = record.log_entry(store, entry)
    click.echo(f"Saved: {entry.label()} from {ref} on {on.isoformat()}. {_counts(on, oldest, ref)}")
    if logged.alike:
        click.echo(logged.alike)


def _oldest_scored(now: datetime) -> date | None:
    """The oldest day a score as of today weighs, read before anything is saved; None when the
    settings cannot be read (the entry is saved all the same, and `score` says what is wrong)."""
    from health_tui.errors import ConfigError
    from health_tui.scoring.facts import first_day_read
    from health_tui.settings import load_settings

    try:
        return first_day_read(now.date(), load_settings(default_config_path())[0])
    except ConfigError:
        return None


def _counts(when: date, oldest: date | None, ref: ClientRef) -> str:
    """Whether an entry dated `when` counts in a score as of today: one dated before every quarter
    a score reads is kept, but weighs in none of them (often a typo in the year); one for a client
    marked not a client counts in none either."""
    day = when.date() if isinstance(when, datetime) else when
    if ref.ignored:
        return (
            f"It is kept, but {ref} is marked not a client and is never scored "
            f"(health-tui clients unignore {ref.client_id} scores it again)."
        )
    if oldest is None or day >= oldest:
        return "It counts in the next score."
    return (
        f"It is dated before {oldest}, older than every quarter a score as of today weighs: "
        "check the year."
    )


@cli.command("note")
@click.argument("client")
@click.argument("text")
@db_option
def note_cmd(client: str, text: str, db: Path | None) -> None:
    """Add a dated note to CLIENT's journal: kept and shown in the timeline, never scored."""
    from health_tui import record
    from health_tui.clients import find_client

    now = _now()
    with _record_store(db) as store:
        ref = find_client(store, client)
        entry = record.build_entry(
            record.NoteEntry, client_id=ref.client_id, noted_at=now, text=text
        )
        record.log_entry(store, entry)
    click.echo(f"Saved: a note on {ref}, {now:%Y-%m-%d %H:%M}. Notes are kept, never scored.")


@cli.command()
@click.option(
    "--config",
    "config_path",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help=f"Settings file (TOML; default: ${CONFIG_ENV} or {default_config_path()}).",
)
@click.option(
    "--write",
    is_flag=True,
    help="Write the settings in force to the settings file, to edit: every key, its value and "
    "what it means.",
)
@click.option("--force", is_flag=True, help="With --write: replace a settings file already there.")
def config(config_path: Path | None, write: bool, force: bool) -> None:
    """Print the settings in force and where each came from; --write makes the settings file."""
    from health_tui.settings import describe, load_settings, settings_file

    path = config_path or default_config_path()
    if config_path is not None and not write and not path.is_file():
        # a settings file named on the command line must be there: a typo would show defaults
        raise click.BadParameter(f"{path} does not exist.", param_hint="'--config'")
    settings, sources = load_settings(path)
    if not write:
        state = "found" if path.exists() else "not found, using defaults"
        click.echo(f"# settings file: {path} ({state})")
        click.echo(describe(settings, sources, terminal_width()), nl=False)
        return
    if path.exists() and not force:
        raise WouldOverwrite(
            f"{path} exists already: edit it, or pass --force to write it again with every "
            "setting (its values are kept, its own comments are not)."
        )
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(settings_file(settings), encoding="utf-8")
    click.echo(
        f"Wrote {path}: every setting with its value and what it means. Change a value and save; "
        "delete a line to go back to its default. `health-tui config` shows what is in force."
    )


def _compact(path: Path) -> None:
    """After rows were replaced, give the space the old ones took back to the disk."""
    from health_tui.store.compact import compact_if_sparse

    sizes = compact_if_sparse(path)
    if sizes:
        _err(f"compacted {path}: {sizes[0] / 1e6:,.0f} MB -> {sizes[1] / 1e6:,.0f} MB")


def _existing_db(db: Path | None) -> Path:
    path = db or default_db_path()
    if not path.exists():
        raise HealthTuiError(
            f"{path} does not exist yet: run `health-tui demo` or `health-tui import DIR` first."
        )
    return path


def main() -> None:
    cli(prog_name="health-tui")


if __name__ == "__main__":
    main()
