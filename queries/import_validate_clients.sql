-- import: every problem in the staged clients file as (line, column, reason), in file order; none = valid.
-- $clients_file names the file in messages; with $replace false a referral may also name a client
-- already in the database (it stays there), with $replace true only one in this folder.
WITH c AS (
    SELECT *,
           import_date(started_on) AS started,
           import_date(ended_on) AS ended,
           min(line) OVER (PARTITION BY client_id) AS first_line
    FROM stg_clients
),
problems (line, k, col, reason) AS (
    SELECT line, 1, 'client_id', 'required' FROM c WHERE client_id IS NULL
    UNION ALL
    SELECT line, 2, 'client_id', 'duplicate id ' || import_show(client_id) || ' (first on line ' || first_line || ')'
    FROM c WHERE client_id IS NOT NULL AND line > first_line
    UNION ALL
    SELECT line, 3, 'name', 'required' FROM c WHERE name IS NULL
    UNION ALL
    SELECT line, 4, 'started_on', coalesce('not a date: ' || import_show(started_on), 'required')
    FROM c WHERE started IS NULL
    UNION ALL
    SELECT line, 5, 'ended_on', 'not a date: ' || import_show(ended_on)
    FROM c WHERE ended_on IS NOT NULL AND ended IS NULL
    UNION ALL
    SELECT line, 6, 'ended_on', 'before started_on (' || started || ')' FROM c WHERE ended < started
    UNION ALL
    SELECT line, 7, 'referred_by', 'a client cannot refer itself' FROM c WHERE referred_by = client_id
    UNION ALL
    SELECT line, 8, 'referred_by', 'no client ' || import_show(referred_by) || ' in ' || $clients_file
           || CASE WHEN $replace THEN '' ELSE ' or in the database' END
    FROM c
    WHERE referred_by IS NOT NULL
      AND NOT EXISTS (SELECT 1 FROM stg_clients s WHERE s.client_id = c.referred_by)
      AND ($replace OR NOT EXISTS (SELECT 1 FROM clients d WHERE d.client_id = c.referred_by))
    UNION ALL
    SELECT line, 9, 'notice_days', 'not a whole number of days >= 0: ' || import_show(notice_days)
    FROM c WHERE notice_days IS NOT NULL AND coalesce(import_int(notice_days) < 0, true)
)
SELECT line, col AS "column", reason FROM problems ORDER BY line, k;
