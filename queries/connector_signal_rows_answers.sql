-- connector: the feedback scores of a parsed export that name a client somehow (a client or a
-- respondent's domain), for connector_match_signals.
CREATE OR REPLACE TEMP VIEW connector_signal_rows AS
SELECT line, client, client_key, domain_key, domain_col, address_key FROM src_answers WHERE skip IS NULL;
