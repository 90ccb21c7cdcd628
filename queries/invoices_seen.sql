-- import (inside its transaction): the invoices this export import just wrote (those of the source
-- keys in src_bill_rows) were seen as they are on `today`, the import's day (migrate_014.sql). Rows
-- kept from an earlier import keep their day, and rows imported before schema 14 none.
UPDATE invoices SET seen_on = CAST($today AS DATE)
WHERE source = $source AND seen_on IS NULL
  AND source_key IN (SELECT source_key FROM src_bill_rows);
