-- connector (inside the write transaction): the clients an export names that are not in the database
-- yet, with started_on (and seen_from) their first activity (or issue) date; active, notice_days the
-- default. $source (the export's) owns the row until a folder takes the client over. One row a
-- client: two names of one client in the file (its name and an alias, after import --replace
-- removed it) are one client, named as the file first writes it, started on the first date of
-- either; they made two rows of one id, a client counted twice and merged with nothing.
INSERT INTO client_rows (client_id, name, started_on, source, seen_from)
SELECT client_id, arg_min(name, first_line), min(first_day), $source, min(first_day)
FROM src_clients
WHERE NOT existing
GROUP BY client_id
ORDER BY min(first_line);
