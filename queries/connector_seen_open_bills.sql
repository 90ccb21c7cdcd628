-- connector (inside the write transaction, before the invoices an earlier import of $source wrote
-- are replaced), for connector_insert_bills: the day each of them was last seen unpaid
-- (open_seen_on, schema 13), by source_key: an invoice the export now says is paid, with no
-- payment date, was paid no earlier than that day.
CREATE OR REPLACE TEMP TABLE bills_seen_open AS
SELECT source_key, max(open_seen_on) AS seen_open
FROM invoices
WHERE source IN ($source, 'export') AND paid_on IS NULL AND open_seen_on IS NOT NULL
GROUP BY source_key;
