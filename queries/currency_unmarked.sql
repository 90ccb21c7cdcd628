-- How many invoices, and time entries with amounts, an earlier health-tui stored with no currency
-- (then: "the portfolio's, whatever it is"), for an import to mark them with the portfolio's
-- currency of the day, as they were counted (currency_mark_*).
SELECT (SELECT count(*) FROM invoices WHERE currency IS NULL) AS invoices,
       (SELECT count(*) FROM time_entries
        WHERE amount_currency IS NULL AND (billable_amount IS NOT NULL OR cost_amount IS NOT NULL))
           AS entries;
