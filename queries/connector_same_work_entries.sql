-- connector (inside the write transaction, before the export's rows are written; said, never removed):
-- other clients whose every time entry this $source wrote within the file's days has the day, hours,
-- person and note of an entry this file puts on a client of its own. Toggl's entries without a
-- Client were put on a client named after their Project; once the client is named in Toggl, the
-- same entries come back under it with other keys, and both count. Only where all of that client's
-- entries in those days match (two or more): a weekly call logged alike for two clients does not.
-- Per client, most hours first: name, entries, hours, and whether every one of them has the work_key
-- of an entry of the file (imported since schema 12, the project and task unchanged): once the two
-- clients are merged, importing the file again replaces them (connector_renamed_entries).
WITH span AS (SELECT min(day) AS first_day, max(day) AS last_day FROM src_rows),
theirs AS (
    SELECT t.client_id, t.date, t.hours, t.person, t.note, t.work_key
    FROM time_entries t, span
    WHERE t.source = $source
      AND t.date BETWEEN span.first_day AND span.last_day
      AND t.client_id NOT IN (SELECT client_id FROM src_rows)
),
per_client AS (
    SELECT th.client_id, count(*) AS n, sum(th.hours) AS hours,
           bool_and(th.work_key IN (SELECT work_key FROM src_rows)) AS keyed,
           count(*) FILTER (WHERE EXISTS (
               SELECT 1 FROM src_rows s
               WHERE s.day = th.date AND s.hours = th.hours
                 AND s.person IS NOT DISTINCT FROM th.person AND s.note IS NOT DISTINCT FROM th.note
           )) AS alike
    FROM theirs th
    GROUP BY th.client_id
)
SELECT c.name, p.n, p.hours, p.keyed
FROM per_client p
JOIN clients c USING (client_id)
WHERE p.n >= 2 AND p.alike = p.n
ORDER BY p.hours DESC, c.name;
