-- import (inside its transaction): the invoices this import just wrote from `source` were seen as
-- they are on `today`, the import's day (migrate_014.sql). Rows kept from an earlier import keep
-- their day.
UPDATE invoices SET seen_on = CAST($today AS DATE) WHERE source = $source AND seen_on IS NULL;
