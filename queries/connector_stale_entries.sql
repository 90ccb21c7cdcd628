-- connector (inside the write transaction, before the export's rows are written; said, never removed): the time entries this
-- $source wrote before for the clients of this file, dated within the file's first and last day, whose
-- key the file does not carry (nor a name it was renamed from: connector_renamed_entries): edited (hours, notes...) or deleted in the tracker since, most likely.
-- Per client, most hours first: name, entries, hours, and the file's first and last day. The app's and
-- the folder's rows are another source's: never counted here.
WITH span AS (SELECT min(day) AS first_day, max(day) AS last_day FROM src_rows)
SELECT c.name, count(*) AS n, sum(t.hours) AS hours, any_value(span.first_day), any_value(span.last_day)
FROM time_entries t
JOIN clients c USING (client_id), span
WHERE t.source = $source
  AND t.client_id IN (SELECT client_id FROM src_rows)
  -- a mapped sheet is read as the whole sheet of its clients ($whole): on any day
  AND ($whole OR t.date BETWEEN span.first_day AND span.last_day)
  AND t.source_key NOT IN (SELECT source_key FROM src_rows UNION ALL SELECT unnest(legacy_keys) FROM src_rows)
  -- the entries of a name the client was renamed from are replaced, not stale
  AND NOT EXISTS (SELECT 1 FROM renamed_entries r
                  WHERE r.client_id = t.client_id AND r.source_client = t.source_client
                    AND r.work_key = t.work_key)
GROUP BY c.name
ORDER BY hours DESC, c.name;
