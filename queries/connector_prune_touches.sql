-- connector (inside the write transaction, --prune): the interactions connector_stale_touches finds go:
-- this $source's earlier rows for the clients of this file, on its first to last day, that it no
-- longer carries. The export is then the whole truth of those days for those clients.
DELETE FROM interactions
WHERE source = $source
  AND client_id IN (SELECT client_id FROM src_touch_rows)
  AND CAST("at" AS DATE) BETWEEN (SELECT CAST(min("at") AS DATE) FROM src_touch_rows)
                             AND (SELECT CAST(max("at") AS DATE) FROM src_touch_rows)
  AND source_key NOT IN (SELECT source_key FROM src_touch_rows);
