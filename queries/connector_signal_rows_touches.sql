-- connector: the interactions of a parsed export that name a client somehow (an organization or a
-- requester domain), for connector_match_signals.
CREATE OR REPLACE TEMP VIEW connector_signal_rows AS
SELECT line, client, client_key, domain_key, domain_col, address_key FROM src_touches WHERE skip IS NULL;
