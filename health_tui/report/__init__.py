"""The quarterly review report: one model, written as Markdown, HTML or CSV by the file's suffix.

`write_report` is what `health-tui report` calls. The file is written atomically (a temporary file
in the same folder, then renamed over the target), so a crash or a full disk never leaves half a
report where the last good one was. The content depends only on the database, the as-of date and
`today` (the caller's clock): the earliest end date of an exit whose client is not told yet runs from
today, and the report says so beside it.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from datetime import date
from pathlib import Path

import duckdb

from health_tui.errors import HealthTuiError
from health_tui.report.csv import render_csv
from health_tui.report.format import plural
from health_tui.report.html import render_html
from health_tui.report.markdown import render_markdown
from health_tui.report.model import ReviewReport, build_report
from health_tui.settings import Settings
from health_tui.store import Store

__all__ = ["RENDERERS", "ReportError", "ReviewReport", "build_report", "write_report"]

# Each writes the report as its file's suffix says; the CSV for the spreadsheet the settings name
RENDERERS: dict[str, Callable[[ReviewReport, Settings], str]] = {
    ".md": lambda report, _settings: render_markdown(report),
    ".html": lambda report, _settings: render_html(report),
    ".csv": lambda report, settings: render_csv(report, settings.csv.style),
}


class ReportError(HealthTuiError):
    """The report could not be written where asked (bad suffix, missing folder, no permission)."""

    exit_code = 2


def write_report(
    store: Store,
    as_of: date,
    settings: Settings,
    out: Path,
    *,
    today: date,
    con: duckdb.DuckDBPyConnection | None = None,
) -> str:
    """Build the report as of `as_of` and write it to `out`; returns what was written, in words.

    Overwrites `out` if it exists: refusing without --force is the command line's (and the app's)
    job. `con`: a cursor of the worker thread's own, when the app writes it.
    """
    render = RENDERERS.get(out.suffix.lower())
    if render is None:
        raise ReportError(f"{out}: the report file must end in .md, .html or .csv")
    report = build_report(store, as_of, settings, today=today, con=con)
    _write_atomically(out, render(report, settings))
    return (
        f"the {report.quarter} review report as of {report.as_of} "
        f"({plural(len(report.active), 'active client')}, "
        f"{plural(len(report.candidates), 'exit candidate')}) to {out}"
    )


def _write_atomically(out: Path, text: str) -> None:
    """Write `text` (UTF-8, LF line ends) to a temporary sibling, sync it, then rename it over."""
    folder = out.parent
    try:
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=f".{out.name}.", suffix=".tmp")
    except OSError as exc:
        raise ReportError(f"cannot write in {folder}: {exc.strerror}") from None
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(text.encode("utf-8"))
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, out)
    except BaseException as exc:
        Path(tmp).unlink(missing_ok=True)
        if isinstance(exc, OSError):
            raise ReportError(f"cannot write {out}: {exc.strerror}") from None
        raise
