-- connector (inside the write transaction, before the export's rows are written; said, never removed): the interactions this
-- $source wrote before for the clients of this file, on the file's first to last day, whose key the
-- file does not carry: a line removed or edited in the sheet (a mapped row without an id is known by
-- its content), or a ticket deleted in the helpdesk. Per client, most first: name, count, NULL (no
-- hours), and the file's first and last day. Other sources' rows (the app's) are never counted.
WITH span AS (SELECT CAST(min("at") AS DATE) AS first_day, CAST(max("at") AS DATE) AS last_day
              FROM src_touch_rows)
SELECT c.name, count(*) AS n, NULL::DOUBLE AS hours, any_value(span.first_day), any_value(span.last_day)
FROM interactions x
JOIN clients c USING (client_id), span
WHERE x.source = $source
  AND x.client_id IN (SELECT client_id FROM src_touch_rows)
  -- a mapped sheet is read as the whole sheet of its clients ($whole): on any day
  AND ($whole OR CAST(x."at" AS DATE) BETWEEN span.first_day AND span.last_day)
  AND x.source_key NOT IN (SELECT source_key FROM src_touch_rows)
GROUP BY c.name
ORDER BY n DESC, c.name;
