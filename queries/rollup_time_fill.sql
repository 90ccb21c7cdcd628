-- The time rollup of the clients $ids (all of them when NULL) from their raw time entries.
INSERT INTO rollup_time
SELECT * FROM time_quarters(DATE '0001-01-01', DATE '9999-12-30', CAST($ids AS VARCHAR[]));
