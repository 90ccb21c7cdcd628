-- connector (inside the write transaction): the clients an export names that are not in the database
-- yet, with started_on (and seen_from) their first activity (or issue) date; active, notice_days the
-- default. $source (the export's) owns the row until a folder takes the client over. One row a
-- client: two names of one client in the file (its name and an alias, after import --replace
-- removed it) are one client, started on the first date of either. A client import --replace
-- removed keeps the name it had (connector_clients_before_replace), whichever of its names the file
-- writes first: the project a merge put on it came first in a time export and renamed it; else it is
-- named as the file first writes it.
INSERT INTO client_rows (client_id, name, started_on, source, seen_from)
SELECT s.client_id, coalesce(any_value(b.own_name), arg_min(s.name, s.first_line)), min(s.first_day),
       $source, min(s.first_day)
FROM src_clients s
LEFT JOIN (SELECT client_id, min(own_name) AS own_name FROM clients_before_replace
           WHERE own_name IS NOT NULL GROUP BY client_id) b USING (client_id)
WHERE NOT s.existing
GROUP BY s.client_id
ORDER BY min(s.first_line);
