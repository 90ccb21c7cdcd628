-- Schema 14: `seen_on`, the day the import that wrote an invoice ran (its command line's day). An
-- invoice unpaid on record is known unpaid up to that day, not after: scored as of a later day, one
-- that fell due since is neither late nor on time (whether it was paid is not known) and one overdue
-- then is late at least to that day. A month-old invoice export scored today made a punctual client
-- "paying 22 days late", struggling. NULL: rows imported before this version, the demo's, a backup's
-- restored from an older version: known to any day, as before.
ALTER TABLE invoices ADD COLUMN seen_on DATE;
