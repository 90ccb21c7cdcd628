-- connector (inside the write transaction): the clients an export names that are not in the database
-- yet, with started_on their first activity (or issue) date; active, notice_days the default.
INSERT INTO clients (client_id, name, started_on)
SELECT client_id, name, first_day
FROM src_clients
WHERE NOT existing
ORDER BY first_line;
