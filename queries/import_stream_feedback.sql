-- import (inside the write transaction): the feedback file, read through import_src, straight into
-- feedback: typed as import_insert_feedback types it, in file order, nothing kept in memory. Any
-- row import_validate_feedback would find fault with stops the statement (error()), and the caller
-- then runs the checked import, which says what is wrong. A client_id not in the clients file is
-- caught afterwards (import_streamed_feedback).
INSERT INTO feedback (client_id, "date", score, "comment", source, source_key)
WITH src AS (
    SELECT *
    FROM (SELECT NULL::VARCHAR AS client_id, NULL::VARCHAR AS "date", NULL::VARCHAR AS score,
                 NULL::VARCHAR AS "comment"
          WHERE false)
    UNION ALL BY NAME  -- a column the file lacks is NULL
    SELECT import_text(CAST(COLUMNS(lambda c: list_contains($known, c)) AS VARCHAR)) FROM import_src
),
f AS (
    SELECT *, import_date("date") AS d, import_int(score) AS sc FROM src
)
SELECT CASE WHEN client_id IS NULL OR d IS NULL OR sc IS NULL OR sc NOT BETWEEN 0 AND 10
            THEN error('import: a row to check')
            ELSE coalesce(getvariable('import_merged')[client_id], client_id) END,
       d, sc, "comment", 'folder', client_id
FROM f;
