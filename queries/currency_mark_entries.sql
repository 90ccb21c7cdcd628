-- Time entries whose amounts an earlier health-tui stored with no currency marked with the
-- portfolio's ($home), as they were counted (see currency_mark_invoices).
UPDATE time_entries SET amount_currency = $home
WHERE amount_currency IS NULL AND (billable_amount IS NOT NULL OR cost_amount IS NOT NULL);
