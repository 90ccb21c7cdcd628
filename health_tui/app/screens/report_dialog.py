"""Writing the review report from the app: a format, a path, then the file written in a worker.

While the app is open it holds the database, so `health-tui report` cannot read it; the app writes the
same report (`health_tui.report.write_report`) on a cursor of its own connection, in a worker thread,
and a notification says where it went or why it could not.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, RadioButton, RadioSet, Static

from health_tui.app import format as fmt
from health_tui.app.screens.base import DismissOnce
from health_tui.app.screens.review_modals import Confirm
from health_tui.app.styles import HEADING, MUTED
from health_tui.app.text import safe_text
from health_tui.app.widgets.fitted import Fitted
from health_tui.app.widgets.ordered_input import OrderedInput
from health_tui.dates import quarter_label, quarter_of
from health_tui.report import write_report

if TYPE_CHECKING:
    from health_tui.app.app import HealthApp

FORMATS = ((".md", "Markdown"), (".html", "HTML"), (".csv", "CSV"))


HINT = ("Enter writes", "Tab, then ← → and space: the format", "Escape cancels")


def _hint(width: int) -> Content:
    """The dialog's keys, a line broken between two of them where the box is narrow (at 80
    columns it read "· Escape / cancels")."""
    return Content.assemble(*fmt.packed([[part] for part in HINT], width, " · "))


@dataclass(frozen=True)
class ReportRequest:
    out: Path
    as_of: date


def default_path(db: Path | None, quarter: str, suffix: str = ".md") -> Path:
    """review-2026Q3.md next to the database (in the working folder for an in-memory one)."""
    folder = db.parent if db is not None else Path()
    return folder / f"review-{quarter}{suffix}"


class ReportDialog(DismissOnce[ReportRequest | None], ModalScreen[ReportRequest | None]):
    """Choose Markdown, HTML or CSV and where; Enter in the path writes, Escape cancels."""

    CSS_PATH = "review_modals.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Cancel")]
    DEFAULT_CSS = """
    ReportDialog { align: center middle; background: $background 60%; }
    ReportDialog RadioSet { layout: horizontal; width: 100%; margin: 1 0; }
    ReportDialog RadioButton { width: auto; margin-right: 2; }
    ReportDialog #report-path { background: $boost; }
    ReportDialog .modal-question { color: $text-muted; }
    ReportDialog #report-error { color: $text-error; height: auto; display: none; }
    ReportDialog #report-error.-shown { display: block; }
    """

    def __init__(self, quarter: str, as_of: date, path: Path) -> None:
        super().__init__()
        self.quarter = quarter
        self.as_of = as_of
        self.path = path

    def compose(self) -> ComposeResult:
        with Vertical(classes="modal-box"):
            yield Static(
                Content.assemble(
                    (f"Write the {self.quarter} review report", HEADING),
                    (f"  as of {self.as_of.isoformat()}", MUTED),
                )
            )
            with RadioSet(id="report-format"):
                for suffix, label in FORMATS:
                    yield RadioButton(label, value=suffix == self.path.suffix, name=suffix)
            yield Static(Content.styled("File (next to the database unless you change it)", MUTED))
            yield OrderedInput(value=str(self.path), id="report-path", compact=True)
            yield Static(id="report-error")
            yield Fitted(_hint, id="report-hint", classes="modal-question")

    def on_mount(self) -> None:
        self.query_one("#report-path", Input).focus()

    @on(RadioSet.Changed)
    def _format(self, event: RadioSet.Changed) -> None:
        suffix = event.pressed.name or ".md"
        box = self.query_one("#report-path", Input)
        path = Path(box.value.strip() or str(self.path))
        if path.suffix.lower() in (s for s, _ in FORMATS) or not path.suffix:
            box.value = str(path.with_suffix(suffix))
        box.focus()  # Enter now writes

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        text = event.value.strip()
        out = Path(text).expanduser() if text else None
        error = self.query_one("#report-error", Static)
        if out is None or out.suffix.lower() not in (s for s, _ in FORMATS):
            error.update(Content("The file must end in .md, .html or .csv."))
            error.add_class("-shown")
            return
        if out.is_dir():
            error.update(Content(f"{safe_text(str(out))} is a folder: give a file name."))
            error.add_class("-shown")
            return
        request = ReportRequest(out, self.as_of)
        if not out.exists():
            self.dismiss(request)
            return

        def overwrite(yes: bool | None) -> None:
            if yes:
                self.dismiss(request)

        body = Content(f"{safe_text(str(out))} already exists.")
        self.app.push_screen(Confirm(body, "Overwrite it?", "Overwrite", "Keep it"), overwrite)

    def action_cancel(self) -> None:
        self.dismiss(None)


def ask_and_write_report(app: HealthApp) -> None:
    """The app's `R`: the dialog for the quarter on screen, then the report written in a worker."""
    if isinstance(app.screen, ReportDialog):
        return
    portfolio = app.portfolio
    as_of = portfolio.as_of if portfolio is not None else app.requested
    quarter = portfolio.quarter if portfolio is not None else quarter_label(*quarter_of(as_of))

    def chosen(request: ReportRequest | None) -> None:
        if request is not None:
            write_in_worker(app, request)

    app.push_screen(ReportDialog(quarter, as_of, default_path(app.store.path, quarter)), chosen)


def write_in_worker(app: HealthApp, request: ReportRequest) -> None:
    """Write the report on a cursor of the app's own connection, off the event loop."""
    app.run_worker(_write(app, request), group="report", exit_on_error=False)


async def _write(app: HealthApp, request: ReportRequest) -> None:
    from health_tui.app.app import JOB_ERRORS

    app.notify(safe_text(f"Writing the report to {request.out}…"), markup=False, timeout=3)

    today = app.clock().date()

    def job() -> str:
        cursor = app.store.cursor()  # DuckDB connections are not shared across threads
        try:
            return write_report(
                app.store, request.as_of, app.settings, request.out, today=today, con=cursor
            )
        finally:
            cursor.close()

    try:
        written = await asyncio.to_thread(job)
    except JOB_ERRORS as exc:
        app.notify(
            safe_text(f"Could not write the report: {exc}"),
            title="Report not written",
            severity="error",
            markup=False,
            timeout=10,
        )
        return
    app.notify(safe_text(f"Wrote {written}."), title="Report written", markup=False, timeout=10)
