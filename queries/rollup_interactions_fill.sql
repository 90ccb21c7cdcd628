-- The message rollup of the clients $ids (all of them when NULL) from their raw interactions.
INSERT INTO rollup_interactions
SELECT * FROM interaction_quarters(DATE '0001-01-01', DATE '9999-12-30', CAST($ids AS VARCHAR[]));
