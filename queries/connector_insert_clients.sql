-- connector (inside the write transaction): the clients an export names that are not in the database
-- yet, with started_on (and seen_from) their first activity (or issue) date; active, notice_days the
-- default. $source (the export's) owns the row until a folder takes the client over.
INSERT INTO client_rows (client_id, name, started_on, source, seen_from)
SELECT client_id, name, first_day, $source, first_day
FROM src_clients
WHERE NOT existing
ORDER BY first_line;
