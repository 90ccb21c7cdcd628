-- import (inside the write transaction): the interactions file, read through import_src, straight
-- into interactions: typed as import_insert_interactions types it, in file order, nothing kept in
-- memory. Any row import_validate_interactions would find fault with stops the statement (error()),
-- and the caller then runs the checked import, which says what is wrong. A client_id not in the
-- clients file is caught afterwards (import_streamed_interactions).
INSERT INTO interactions (client_id, "at", channel, kind, sentiment, note, source, source_key)
WITH src AS (
    SELECT *
    FROM (SELECT NULL::VARCHAR AS client_id, NULL::VARCHAR AS "at", NULL::VARCHAR AS channel,
                 NULL::VARCHAR AS kind, NULL::VARCHAR AS sentiment, NULL::VARCHAR AS note
          WHERE false)
    UNION ALL BY NAME  -- a column the file lacks is NULL
    SELECT import_text(CAST(COLUMNS(lambda c: list_contains($known, c)) AS VARCHAR)) FROM import_src
),
x AS (
    SELECT *, import_timestamp("at") AS ts, lower(channel) AS ch, lower(kind) AS k,
           import_number(sentiment) AS s
    FROM src
)
SELECT CASE WHEN client_id IS NULL OR ts IS NULL
                 OR ch IS NULL OR ch NOT IN ('email', 'phone', 'meeting', 'chat', 'letter', 'sms', 'social')
                 OR k IS NULL OR k NOT IN ('request', 'urgent_request', 'revision_request', 'scope_change',
                                           'complaint', 'escalation', 'praise', 'other')
                 OR (sentiment IS NOT NULL AND (s IS NULL OR s < -1 OR s > 1))
            THEN error('import: a row to check')
            ELSE coalesce(getvariable('import_merged')[client_id], client_id) END,
       ts, ch, k, s, note, 'folder', client_id
FROM x;
