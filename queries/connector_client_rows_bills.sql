-- connector: the rows of a parsed invoice export that name a client, for connector_clients; the first
-- issue date is when a new client started.
CREATE OR REPLACE TEMP VIEW connector_client_rows AS
SELECT client_key, client, issued AS day, line FROM src_bills WHERE skip IS NULL;
