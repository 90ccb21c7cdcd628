-- Invoices an earlier health-tui stored with no currency marked with the portfolio's ($home), as
-- they were counted: a later change of [money] currency converts them rather than reading them as
-- the new one.
UPDATE invoices SET currency = $home WHERE currency IS NULL;
