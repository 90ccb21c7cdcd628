"""Toggl Track's detailed report, exported as CSV.

Only the header is described here; the rows are read by the shared pipeline (connector.py) and
typed by `queries/toggl_time_parse.sql`, which says what each column means and what identifies an
entry.
"""

from __future__ import annotations

from health_tui.ingest.source import Source

# Reports > Detailed > Export > Download CSV. Duration is h:mm:ss; Amount is there on paid plans,
# titled with the currency ("Amount (EUR)"): it is the billable rate times the time, not an
# invoice, and is read past.
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
        "tags": ("Tags",),
    },
    required=("client", "date", "duration"),
    parse="toggl_time_parse",
    ignored=("End date", "End time", "Amount"),
    ignored_prefixes=("Amount (",),
)
