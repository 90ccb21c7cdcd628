-- connector (inside the write transaction, --prune): the feedback scores connector_stale_answers finds
-- go: this $source's earlier rows for the clients of this file, within its first and last day, that it
-- no longer carries.
DELETE FROM feedback
WHERE source = $source
  AND client_id IN (SELECT client_id FROM src_answer_rows)
  AND "date" BETWEEN (SELECT min(day) FROM src_answer_rows) AND (SELECT max(day) FROM src_answer_rows)
  AND source_key NOT IN (SELECT source_key FROM src_answer_rows);
