-- connector (inside the write transaction, before the export's rows are written; said, never removed): the feedback scores
-- this $source wrote before for the clients of this file, within its first and last day, whose key the
-- file does not carry (an answer removed or edited in the survey's sheet). Per client, most first: name,
-- count, NULL (no hours), and the file's first and last day. Other sources' rows are never counted.
WITH span AS (SELECT min(day) AS first_day, max(day) AS last_day FROM src_answer_rows)
SELECT c.name, count(*) AS n, NULL::DOUBLE AS hours, any_value(span.first_day), any_value(span.last_day)
FROM feedback f
JOIN clients c USING (client_id), span
WHERE f.source = $source
  AND f.client_id IN (SELECT client_id FROM src_answer_rows)
  -- a mapped sheet is read as the whole sheet of its clients ($whole): on any day
  AND ($whole OR f.date BETWEEN span.first_day AND span.last_day)
  AND f.source_key NOT IN (SELECT source_key FROM src_answer_rows)
GROUP BY c.name
ORDER BY n DESC, c.name;
