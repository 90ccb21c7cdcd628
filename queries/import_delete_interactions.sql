-- import (inside the write transaction): make room for the folder's rows. A folder is the full
-- history of the clients it lists, so the rows an earlier folder brought for them (source 'folder',
-- keyed by the folder's client_id) go; rows any other source brought, or the owner logged, stay.
DELETE FROM interactions
WHERE source = 'folder' AND source_key IN (SELECT folder_id FROM folder_clients);
