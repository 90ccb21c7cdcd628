-- import (inside the write transaction): the rows this import wrote (source $source, keys in
-- import_keys) that look like an entry the owner logged in the app without repeating it field for
-- field: the same client, day and kind of message, or the same client, day and feedback score (a survey answer the owner had
-- typed in from an e-mail, a complaint logged by hand and then imported from the helpdesk). Both
-- count; the caller warns, with the first few. One row per match: table, client name, day, what.
WITH pairs AS (
    SELECT 'interactions' AS tbl, x.client_id, x."at"::DATE AS day,
           replace(x.kind, '_', ' ') AS what
    FROM interactions x
    WHERE x.source = $source AND x.source_key IN (SELECT source_key FROM import_keys)
      AND EXISTS (SELECT 1 FROM interactions o
                  WHERE o.source = 'app' AND o.client_id = x.client_id
                    AND o."at"::DATE = x."at"::DATE AND o.kind = x.kind)
    UNION ALL
    SELECT 'feedback', x.client_id, x."date", 'feedback ' || x.score || '/10'
    FROM feedback x
    WHERE x.source = $source AND x.source_key IN (SELECT source_key FROM import_keys)
      AND EXISTS (SELECT 1 FROM feedback o
                  WHERE o.source = 'app' AND o.client_id = x.client_id
                    AND o."date" = x."date" AND o.score = x.score)
)
SELECT p.tbl, c.name, p.day, p.what
FROM pairs p JOIN clients c USING (client_id)
ORDER BY p.day, c.name, p.what;
