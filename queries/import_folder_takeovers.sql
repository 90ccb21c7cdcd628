-- import (inside the write transaction): the clients an export made (or the app) that the folder now
-- names under its own client_id, found by name (or an alias of theirs), as client_moves(old_id,
-- new_id): the folder takes each over, its rows re-pointed to the folder's id (client_move_*).
-- Clients a folder brought are never taken over (two folder clients of one name are refused by
-- import_validate_folder_names), nor is a client the folder lists itself.
CREATE OR REPLACE TEMP TABLE client_moves AS
WITH known AS (
    SELECT client_id, name_key(name) AS name_key FROM client_rows
    UNION
    SELECT client_id, alias_key FROM client_aliases WHERE kind = 'name'
)
SELECT DISTINCT k.client_id AS old_id, f.client_id AS new_id
FROM folder_clients f
JOIN known k ON k.name_key = f.name_key
JOIN client_rows r ON r.client_id = k.client_id
WHERE r.source NOT IN ('folder', 'demo')
  AND k.client_id <> f.client_id
  AND k.client_id NOT IN (SELECT client_id FROM folder_clients)
ORDER BY old_id;
