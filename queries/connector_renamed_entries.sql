-- connector (inside the write transaction, before the export's rows are written): the entries this
-- $source imported for the file's clients under a name the file no longer writes, where every one
-- of that name's entries in the file's days (two or more) is the same work (work_key) as an entry
-- the file puts on that client: a client renamed in the tracker and merged into its new name (or
-- given it as an alias). The file's entries replace them (connector_delete_time_entries); they are
-- counted as replaced (connector_existing_entries), not as stale (connector_stale_entries). A name
-- with work of its own in those days is another client in the tracker, merged by the owner: its
-- identical entries stay when an export holds only the other. One entry alike is a coincidence as
-- likely, as connector_same_work_entries says too.
CREATE OR REPLACE TEMP TABLE renamed_entries AS
WITH span AS (SELECT min(day) AS first_day, max(day) AS last_day FROM src_rows),
theirs AS (
    SELECT t.client_id, t.source_client, t.work_key,
           EXISTS (SELECT 1 FROM src_rows s
                   WHERE s.client_id = t.client_id AND s.work_key = t.work_key) AS alike
    FROM time_entries t, span
    WHERE t.source = $source
      AND t.work_key IS NOT NULL AND t.source_client IS NOT NULL
      AND t.date BETWEEN span.first_day AND span.last_day
      AND t.client_id IN (SELECT client_id FROM src_rows)
      AND t.source_client NOT IN (SELECT source_client FROM src_rows)
)
SELECT client_id, source_client, work_key
FROM theirs
QUALIFY bool_and(alike) OVER (PARTITION BY client_id, source_client)
    AND count(*) OVER (PARTITION BY client_id, source_client) >= 2;
