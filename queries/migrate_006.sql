-- Schema 6: the money a time tracker puts on each entry (Harvest's detailed time report).
-- `cost_amount` is what the hours cost the agency (Harvest's Cost Amount: the person's cost rate x
-- the hours), `billable_amount` what they are worth to the client (Billable Amount: the billable
-- rate x the hours), both in `amount_currency` (an ISO code; NULL means the portfolio's currency,
-- as for invoices). Scoring reads a client's cost from them, and, where no invoice is on record,
-- an estimate of its revenue. Rows from before, and from sources that carry no amounts, keep NULL:
-- they score as they did.
ALTER TABLE time_entries ADD COLUMN billable_amount DECIMAL(14, 2);
ALTER TABLE time_entries ADD COLUMN cost_amount DECIMAL(14, 2);
ALTER TABLE time_entries ADD COLUMN amount_currency VARCHAR;
