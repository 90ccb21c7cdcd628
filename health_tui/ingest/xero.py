"""Xero's invoice export (Business > Invoices > Export): the list UK, Australian and New Zealand
agencies keep their invoices in.

Only the header is described here; the rows are read by the shared pipeline (connector.py) and
typed by `queries/harvest_invoices_parse.sql`, as a mapped invoice sheet is. Xero writes a row per
line item, each repeating its invoice's totals (read once), and no total without tax: Total holds
the tax TaxTotal names, so the revenue is Total less TaxTotal, and InvoiceAmountPaid and
InvoiceAmountDue are read on Total. It gives no payment date: a paid invoice is paid on a day not
known (how late it was, where no earlier export showed it late, is not counted). Its statuses
(DRAFT, SUBMITTED, AUTHORISED, PAID, VOIDED, DELETED) are words the parse knows; a credit note is a
negative Total.
"""

from __future__ import annotations

from health_tui.ingest.source import Source

XERO_INVOICES = Source(
    name="xero-invoices",
    label="Xero invoice export",
    target="invoices",
    fields={
        "invoice_id": ("InvoiceNumber",),
        "client": ("ContactName",),
        "issued_on": ("InvoiceDate",),
        "due_on": ("DueDate",),
        "amount": ("Total",),
        "tax": ("TaxTotal",),
        "paid_amount": ("InvoiceAmountPaid",),
        "balance": ("InvoiceAmountDue",),
        "currency": ("Currency",),
        "status": ("Status",),
    },
    required=("invoice_id", "client", "issued_on", "amount", "tax", "balance"),
    parse="harvest_invoices_parse",
    ignored=(
        "EmailAddress",
        "POAddressLine1",
        "POAddressLine2",
        "POAddressLine3",
        "POAddressLine4",
        "POCity",
        "PORegion",
        "POPostalCode",
        "POCountry",
        "SAAddressLine1",
        "SAAddressLine2",
        "SAAddressLine3",
        "SAAddressLine4",
        "SACity",
        "SARegion",
        "SAPostalCode",
        "SACountry",
        "Reference",
        "PlannedDate",
        "InventoryItemCode",
        "Description",
        "Quantity",
        "UnitAmount",
        "Discount",
        "LineAmount",
        "AccountCode",
        "TaxType",
        "TaxAmount",
        "TrackingName1",
        "TrackingOption1",
        "TrackingName2",
        "TrackingOption2",
        "Type",
        "Sent",
        "BrandingTheme",
    ),
    params={
        "source_name": "xero-invoices",
        "status_keys": [],
        "status_values": [],
        "due_days": None,  # the settings' [money] payment_terms_days
        "cents": False,
        "balance_capped": False,
    },
)
