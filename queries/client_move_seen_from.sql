-- Re-pointing clients: the kept client starts no later than the work seen for the moved one (a
-- client an export made started on its first activity; one a folder brought, on its started_on).
UPDATE client_rows
SET seen_from = CASE WHEN client_rows.seen_from < o.first_day THEN client_rows.seen_from ELSE o.first_day END
FROM (
    SELECT m.new_id, min(CASE WHEN r.seen_from < r.started_on THEN r.seen_from ELSE r.started_on END) AS first_day
    FROM client_moves m JOIN client_rows r ON r.client_id = m.old_id
    GROUP BY m.new_id
) o
WHERE client_rows.client_id = o.new_id;
