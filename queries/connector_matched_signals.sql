-- connector (after connector_match_signals): how many rows of an export of interactions or feedback
-- answer to a client. None: the file would load nothing once its values are fixed (a row's client
-- does not depend on its date or score), which the refusal for those values says too.
SELECT count(*) FROM src_matches WHERE client_id IS NOT NULL;
