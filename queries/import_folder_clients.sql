-- import (inside the write transaction, after validation): where each client the folder lists lands,
-- as folder_clients(line, folder_id, client_id, merged, name_key). A client_id the owner merged into
-- another (client_aliases, kind 'id') lands on that client; every other on its own id.
CREATE OR REPLACE TEMP TABLE folder_clients AS
SELECT s.line, s.client_id AS folder_id,
       coalesce(a.client_id, s.client_id) AS client_id,
       a.client_id IS NOT NULL AS merged,
       name_key(s.name) AS name_key
FROM stg_clients s
LEFT JOIN client_aliases a ON a.kind = 'id' AND a.alias_key = s.client_id;
