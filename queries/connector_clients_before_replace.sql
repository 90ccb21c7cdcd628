-- connector, import --replace (inside the write transaction, before clear_imported): the clients
-- in the database before the replace empties what imports brought, by id and by name (their own
-- and their aliases'), so that the summary counts a client the export makes again as replaced,
-- not new (connector_clients_remade).
CREATE OR REPLACE TEMP TABLE clients_before_replace AS
SELECT client_id, name_key(name) AS client_key FROM client_rows
UNION
SELECT client_id, alias_key FROM client_aliases WHERE kind = 'name';
