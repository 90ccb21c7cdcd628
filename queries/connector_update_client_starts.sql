-- connector (inside the write transaction): a client already in the database whose export shows work
-- (or an invoice) before anything seen so far starts then instead: seen_from moves earlier, never
-- later. A client an export made starts on it too; a folder's client keeps the folder's started_on,
-- and the clients view starts it at the earlier of the two, whichever import ran first.
UPDATE client_rows
SET seen_from = s.first_day,
    started_on = CASE WHEN client_rows.source = 'folder' OR client_rows.started_on <= s.first_day
                      THEN client_rows.started_on ELSE s.first_day END
FROM src_clients s
WHERE s.existing AND client_rows.client_id = s.client_id
  AND (client_rows.seen_from IS NULL OR s.first_day < client_rows.seen_from);
