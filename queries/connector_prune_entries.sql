-- connector (inside the write transaction, --prune): the entries connector_stale_entries finds go: this
-- $source's earlier entries for the clients of this file, within its first and last day, that it no
-- longer carries. The export is then the whole truth of that window for those clients.
DELETE FROM time_entries
WHERE source = $source
  AND client_id IN (SELECT client_id FROM src_rows)
  AND "date" BETWEEN (SELECT min(day) FROM src_rows) AND (SELECT max(day) FROM src_rows)
  AND source_key NOT IN (SELECT source_key FROM src_rows);
