-- connector, for an export that makes clients (inside the write transaction, before an import
-- --replace's clear_imported): the clients in the database before the replace empties what imports
-- brought, by id and by name (their own and their aliases'), so that a client the export makes
-- again keeps its id, and the owner's records on it (connector_clients), its own name (own_name,
-- NULL on an alias's row: a client merged by the owner is named as the owner kept it, not as the
-- file first names it, connector_insert_clients), and the summary counts it as replaced, not new
-- (connector_clients_remade). Without --replace: the clients as they are.
CREATE OR REPLACE TEMP TABLE clients_before_replace AS
SELECT client_id, name_key(name) AS client_key, name AS own_name FROM client_rows
UNION
SELECT client_id, alias_key, NULL FROM client_aliases WHERE kind = 'name';
