"""Stripe's invoice export (Dashboard > Invoices > Export, invoices.csv): where a freelancer who
bills through Stripe keeps their invoices.

Only the header is described here; the rows are read by the shared pipeline (connector.py) and
typed by `queries/harvest_invoices_parse.sql`, as Xero's export and a mapped invoice sheet are.
What Stripe's columns mean, and so how they are read:
- Total is with tax and after discounts, Tax its tax: the revenue is Total less Tax (Subtotal is
  before discounts, so not read).
- Amount Remaining is what is still owed. Amount Due is not: it is the Total less a credit
  balance the customer had (or plus a debt), billed in full however much is paid, and a drafted
  mapping that read it as the balance refused a Sanne's (an Amsterdam designer's) whole file.
- What was paid is Total less Amount Remaining: a credit balance the customer had pays its part
  (Amount Paid counts only money, and left an open invoice's credited part written off). A
  remaining above the Total is a debt carried onto the invoice: only the Total is owed on it.
  A paid invoice is paid in full.
- A customer with no name is the client its email address names (Customer Email).
- The invoice is issued when it is finalized (Finalized At): Date (UTC) is when its draft was
  made, days or weeks earlier, and put one invoice in the quarter before (a client read
  "reprice" instead of "keep"). Drafts have neither a number nor a finalized day: left out.
- Statuses: draft (left out), open, paid, void (written off), uncollectible (written off: the
  agency gave up on it, neither revenue nor owed).
- Due Date is empty on an invoice Stripe charges automatically: due [money] payment_terms_days
  after issue, as any invoice without one.
"""

from __future__ import annotations

from health_tui.ingest.source import Source

STRIPE_INVOICES = Source(
    name="stripe-invoices",
    label="Stripe invoice export",
    target="invoices",
    fields={
        "invoice_id": ("Number",),
        "client": ("Customer Name",),
        # a customer with no name is known by their address (a file was refused whole for one)
        "client_email": ("Customer Email",),
        "issued_on": ("Finalized At (UTC)",),
        "due_on": ("Due Date (UTC)",),
        "paid_on": ("Paid At (UTC)",),
        "amount": ("Total",),
        "tax": ("Tax",),
        "balance": ("Amount Remaining",),
        "currency": ("Currency",),
        "status": ("Status",),
    },
    required=("invoice_id", "client", "issued_on", "amount", "balance", "status"),
    parse="harvest_invoices_parse",
    ignored=(
        "id",
        "Customer",
        "Customer Description",
        "Customer Phone",
        "Customer Tax Exempt",
        "Amount Due",
        "Amount Paid",
        "Subtotal",
        "Paid",
        "Date (UTC)",
        "Collection Method",
        "Description",
        "Attempt Count",
        "Attempted",
        "Auto Advance",
        "Billing",
        "Billing Reason",
        "Charge",
        "Closed",
        "Ending Balance",
        "Starting Balance",
        "Footer",
        "Forgiven",
        "Marked Uncollectible At (UTC)",
        "Voided At (UTC)",
        "Period End (UTC)",
        "Period Start (UTC)",
        "Receipt Number",
        "Statement Descriptor",
        "Subscription",
        "Tax Percent",
        "Application Fee",
        "Discount",
        "Total Discount Amount",
        "Hosted Invoice URL",
        "Invoice PDF",
        "Payment Intent",
    ),
    params={
        "source_name": "stripe-invoices",
        "status_keys": [],
        "status_values": [],
        "due_days": None,  # the settings' [money] payment_terms_days
        "cents": False,
        # Amount Remaining holds a debt the customer carried onto the invoice: owed, not this
        # invoice's (a remaining of 1,200 on a total of 1,000 refused the whole file)
        "balance_capped": True,
    },
)
