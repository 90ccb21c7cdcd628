-- demo: a uniform number in [0, 1) from DuckDB's hash of (seed, client number, index, tag).
-- hash() is deterministic whatever the thread schedule, unlike random()/setseed(), so the same
-- (clients, seed, as_of) always writes the same rows.
CREATE OR REPLACE TEMP MACRO demo_u(seed, client_no, idx, tag) AS
    (hash(seed, client_no, idx, tag) % 1000000) / 1e6;
