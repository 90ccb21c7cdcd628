-- connector: the rows of a parsed time export that name a client, for connector_clients; the first
-- activity date is when a new client started.
CREATE OR REPLACE TEMP VIEW connector_client_rows AS
SELECT client_key, client, day, line FROM src_entries WHERE skip IS NULL;
