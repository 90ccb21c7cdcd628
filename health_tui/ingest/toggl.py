"""Toggl Track's detailed report, exported as CSV, in its older and newer layouts.

Only the header is described here; the rows are read by the shared pipeline (connector.py) and
typed by `queries/toggl_time_parse.sql`, which says what each column means and what identifies an
entry.
"""

from __future__ import annotations

import re

from health_tui.ingest.source import Source

# Reports > Detailed > Export > Download CSV. The older layout writes every column (User, Email,
# Client, Project, Task, Description, Billable, Start date, Start time, End date, End time, Duration,
# Tags, Amount); the newer one writes the columns the user picked, e.g. Description, Duration,
# Project, Start date, Start time, Stop date, Stop time, often without Client. Duration is h:mm:ss
# (1:30:00); without it, the hours come from the start and stop times. Amount is there on paid plans,
# titled with the currency ("Amount (EUR)"): the billable rate times the time, not an invoice. It is
# read as the entry's billable amount, which stands in for revenue for a client with no invoice in
# the last four quarters (as Harvest's Billable Amount does). Newer exports call it Billable amount,
# titled the same way ("Billable amount (USD)") or beside a Currency column giving each entry's
# currency; an amount whose currency the file does not name is read past, with a note.
TOGGL = Source(
    name="toggl",
    label="Toggl Track detailed report",
    target="time_entries",
    fields={
        "client": ("Client",),
        "date": ("Start date",),
        "duration": ("Duration",),
        "person": ("User", "Member"),
        "email": ("Email",),
        "project": ("Project",),
        "task": ("Task",),
        "note": ("Description",),
        "billable": ("Billable",),
        "start_time": ("Start time",),
        "end_date": ("Stop date", "End date"),
        "end_time": ("Stop time", "End time"),
        "tags": ("Tags",),
        "billable_amount": ("Billable amount",),
        "currency": ("Currency",),
    },
    required=("date",),
    one_of=(("duration",), ("start_time", "end_time")),
    parse="toggl_time_parse",
    ignored=("Amount", "Billable rate"),
    # the amounts are said by `titled` when one is not read; the rates are read past
    ignored_prefixes=("Amount (", "Billable amount (", "Billable rate ("),
    titled={"billable_amount": ("Amount (", "Billable amount (")},
    priced=("billable_amount",),
    noted={
        "Amount": "Amount has no currency in its title: read past (an Amount (EUR) column would "
        "be read)."
    },
    params={"source_name": "toggl"},
)


# Toggl's other reports export CSV too, with no date per entry, so no entry can be told from
# another: the Summary report (Project, Client, Description, Duration: totals per group) and the
# Weekly report (Project, Client, one column per day, Total). Told apart by their header, to say
# which report to export instead.
_GROUPS = {"project", "client", "description", "user", "member", "task", "tags", "email"}
_DATED = {"start date", "date", "start time", "stop date", "end date", "day"}
_DAY = re.compile(r"\d{1,4}[./-]\d{1,2}(?:[./-]\d{1,4})?\.?")


def toggl_report(header: list[str]) -> str | None:
    """'Summary' or 'Weekly' when `header` is that Toggl report's, else None."""
    keys = {" ".join(h.lower().split()) for h in header}
    if not keys & _GROUPS:
        return None
    if "total" in keys and any(_DAY.fullmatch(k) for k in keys):
        return "Weekly"
    if "duration" in keys and not keys & _DATED:
        return "Summary"
    return None


def toggl_report_reason(report: str) -> str:
    """Why a Summary or Weekly report is refused, and what to export instead."""
    return (
        f"this is Toggl's {report} report, which has no dates per entry: export the Detailed "
        "report instead (Reports › Detailed › Export › Download CSV)"
    )
