-- connector: what an invoice export left out or assumed, for the summary: drafts skipped (an invoice
-- with no client is refused: connector_validate_bills), due dates assumed, payment dates assumed,
-- invoices paid in part (split into a paid and an unpaid row), and invoices written off in whole
-- (skipped) or in part (and their first lines); and invoices with no currency (taken as the
-- portfolio's); and the lines read as line items of an invoice already read; and invoices marked
-- paid whose paid amount or balance says otherwise (counted paid in full).
SELECT count(*) FILTER (WHERE skip = 'draft') AS drafts,
       -- a credit note is settled on its issue date (connector_bill_rows): no date is assumed for it
       count(*) FILTER (WHERE skip IS NULL AND due_assumed AND amount >= 0) AS due_assumed,
       count(*) FILTER (WHERE skip IS NULL AND paid_on_assumed AND amount >= 0) AS paid_on_assumed,
       count(*) FILTER (WHERE skip IS NULL AND paid_amt > 0 AND open_amt > 0) AS partly_paid,
       count(*) FILTER (WHERE skip = 'written off' OR (skip IS NULL AND written_off > 0)) AS written_off,
       coalesce(list(line ORDER BY line)
                FILTER (WHERE skip = 'written off' OR (skip IS NULL AND written_off > 0)), [])[1:5]
           AS written_off_lines,
       count(*) FILTER (WHERE skip IS NULL AND currency IS NULL) AS no_currency,
       count(*) FILTER (WHERE skip = 'line item') AS line_items,
       count(*) FILTER (WHERE skip = 'cancellation') AS cancellations,
       coalesce(list(line ORDER BY line) FILTER (WHERE skip = 'cancellation'), [])[1:5]
           AS cancellation_lines,
       -- amounts that may be in cents (Stripe's API writes 150000 for 1,500.00): all whole, large
       coalesce(bool_and(regexp_full_match(amount_text, '\d+')) FILTER (WHERE skip IS NULL), false)
           AND median(amount) FILTER (WHERE skip IS NULL) >= 10000 AS maybe_cents,
       median(amount) FILTER (WHERE skip IS NULL) AS median_amount,
       -- marked paid in part, with no amount paid or owed: how much was paid is not in the file,
       -- and it stays wholly unpaid (a Montréal shop's FreshBooks "Partial", with a payment day; a
       -- Madrid studio's Holded "Parcialmente cobrada" mapped to partial, with none)
       count(*) FILTER (WHERE partial_unknown) AS partial_unknown,
       min(line) FILTER (WHERE partial_unknown) AS partial_line,
       -- marked paid, with an amount paid or a balance that says otherwise: paid in full
       count(*) FILTER (WHERE paid_differs) AS paid_differs,
       coalesce(list(line ORDER BY line) FILTER (WHERE paid_differs), [])[1:5] AS paid_differs_lines,
       -- marked paid, with a balance still owed: owed, as the balance says
       count(*) FILTER (WHERE skip IS NULL AND kind = 'paid' AND NOT paid_whole AND amount >= 0)
           AS paid_owing,
       min(line) FILTER (WHERE skip IS NULL AND kind = 'paid' AND NOT paid_whole AND amount >= 0)
           AS paid_owing_line,
       -- a balance above the total (Stripe's, a debt carried onto the invoice): the total owed
       count(*) FILTER (WHERE skip IS NULL AND balance_over) AS balance_over,
       coalesce(list(line ORDER BY line) FILTER (WHERE skip IS NULL AND balance_over), [])[1:5]
           AS balance_over_lines
FROM (SELECT *,
             skip IS NULL AND paid_whole AND amount >= 0 AND paid_amt_given <> gross AS paid_differs,
             skip IS NULL AND paid_amt = 0 AND paid_amount_text IS NULL AND balance_text IS NULL
                 AND said_partial AS partial_unknown
      FROM src_bills);
