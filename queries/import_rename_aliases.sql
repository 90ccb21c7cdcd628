-- import (inside the write transaction, before the folder's values are written): a client the folder
-- renames keeps its old name as a name alias, so that an export still naming it (a tracker renamed
-- later, or never) lands on the same client instead of making a new one that takes its entries.
-- Not where the old name is already an alias, or is the name of a client the folder lists. Returns
-- each alias made (the old name) with its client's id.
INSERT INTO client_aliases (kind, alias_key, alias, client_id, created_at)
SELECT 'name', name_key(c.name), c.name, c.client_id, $now
FROM client_rows c
JOIN folder_clients f ON f.client_id = c.client_id AND NOT f.merged
WHERE name_key(c.name) <> f.name_key
  AND NOT EXISTS (SELECT 1 FROM client_aliases a WHERE a.kind = 'name' AND a.alias_key = name_key(c.name))
  AND NOT EXISTS (SELECT 1 FROM folder_clients o WHERE o.name_key = name_key(c.name))
RETURNING alias, client_id;
