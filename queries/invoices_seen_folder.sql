-- import (inside its transaction): the invoices this folder import just wrote (those of the clients
-- its clients file lists, keyed by the folder's client_id) were seen as they are on `today`, the
-- import's day (migrate_014.sql). Other clients' rows keep theirs.
UPDATE invoices SET seen_on = CAST($today AS DATE)
WHERE source = 'folder' AND seen_on IS NULL
  AND source_key IN (SELECT folder_id FROM folder_clients);
