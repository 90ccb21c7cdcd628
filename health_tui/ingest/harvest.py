"""Harvest's two CSV exports: the detailed time report and the invoice report.

Only the header is described here; the rows are read by the shared pipeline (connector.py) and
typed by `queries/harvest_time_parse.sql` and `queries/harvest_invoices_parse.sql`, which also say
what each column means and what is assumed where the export is silent.

The time report's money is used: Cost Amount is the agency's real cost of each entry (each
client's margin, without [money] cost_per_hour), Billable Amount its value to the client (an
estimate of revenue for a client with no invoice in the last four quarters), both in Currency.
"""

from __future__ import annotations

from health_tui.ingest.source import Source

# Reports > Detailed time > Export (CSV). Some exports leave columns out; Date, Client and Hours
# are enough.
HARVEST_TIME = Source(
    name="harvest-time",
    label="Harvest detailed time report",
    target="time_entries",
    fields={
        "date": ("Date",),
        "client": ("Client",),
        "hours": ("Hours",),
        "project": ("Project",),
        "task": ("Task",),
        "note": ("Notes",),
        "billable": ("Billable?", "Billable"),
        "first_name": ("First Name",),
        "last_name": ("Last Name",),
        "billable_amount": ("Billable Amount",),
        "cost_amount": ("Cost Amount",),
        "currency": ("Currency",),
    },
    required=("date", "client", "hours"),
    parse="harvest_time_parse",
    ignored=(
        "Project Code",
        "Hours Rounded",
        "Invoiced?",
        "Approved?",
        "Roles",
        "Employee?",
        "Billable Rate",
        "Cost Rate",
        "External Reference URL",
    ),
)

# Reports > Invoices (or Invoices > Export). Harvest names the same thing differently across
# versions of the report, so each field lists the spellings seen, preferred first. Its own export
# (Issue Date, Last Payment Date, ID, PO Number, Client, Subject, Invoice Amount, Paid Amount,
# Balance, Subtotal, Discount, Tax, Tax2, Currency, Currency Symbol, Document Type, Client Address)
# has no Status and no Due Date: Paid Amount and Balance say what was paid and what is owed.
HARVEST_INVOICES = Source(
    name="harvest-invoices",
    label="Harvest invoice report",
    target="invoices",
    fields={
        "invoice_id": ("ID", "Invoice ID", "Number", "Invoice Number"),
        "client": ("Client",),
        "issued_on": ("Issue Date", "Issued Date", "Issued"),
        "amount": ("Invoice Amount", "Amount", "Total"),
        "status": ("Status",),
        "due_on": ("Due Date", "Due"),
        "paid_on": ("Paid Date", "Paid At", "Last Payment Date", "Payment Date"),
        "paid_amount": ("Paid Amount",),
        "balance": ("Balance", "Due Amount"),
        "currency": ("Currency",),
    },
    required=("invoice_id", "client", "issued_on", "amount"),
    parse="harvest_invoices_parse",
    ignored=(
        "Subject",
        "PO Number",
        "Tax",
        "Tax 2",
        "Tax2",
        "Tax Amount",
        "Tax 2 Amount",
        "Discount",
        "Subtotal",
        "Currency Symbol",
        "Document Type",
        "Client Address",
    ),
    params={
        "source_name": "harvest-invoices",
        "status_keys": [],
        "status_values": [],
        "due_days": None,  # the settings' [money] payment_terms_days
        "cents": False,
        "balance_capped": False,
    },
)
