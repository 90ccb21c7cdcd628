-- connector: an invoice export that lists line items (Xero's, QuickBooks' detail): the lines after
-- an invoice's first that repeat its own figures (number, client, dates, total, paid, open,
-- currency, status) are that invoice again, read once. A line with the same number and other
-- figures stays, for connector_validate_bills to refuse.
UPDATE src_bills SET skip = 'line item'
WHERE line IN (
    SELECT line FROM (
        SELECT line,
               row_number() OVER (PARTITION BY invoice_id, client_key, issued, due, amount, paid_amt,
                                               open_amt, currency, status ORDER BY line) AS n
        FROM src_bills
        WHERE invoice_id IS NOT NULL AND (skip IS NULL OR skip = 'written off')
    )
    WHERE n > 1
);
