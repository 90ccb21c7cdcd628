-- The message rollup of the clients $ids (all of them when NULL), before it is filled again.
DELETE FROM rollup_interactions
WHERE CAST($ids AS VARCHAR[]) IS NULL OR list_contains(CAST($ids AS VARCHAR[]), client_id);
