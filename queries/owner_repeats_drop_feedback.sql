-- import (inside the write transaction): the feedback scores this import wrote (source $source,
-- keys in import_keys) that repeat, field for field, one the owner recorded in the app: left out,
-- one for each of the owner's (two clients' people both answering 10 with no comment, one of them
-- typed in by the owner, leave one), so that the owner's score counts once; the caller says how
-- many. Only this import's own rows are touched: never the owner's, nor an earlier import's.
DELETE FROM feedback
WHERE rowid IN (
    WITH mine AS (
        SELECT rowid AS rid, client_id, "date", score, "comment",
               row_number() OVER (PARTITION BY client_id, "date", score, "comment"
                                  ORDER BY rowid) AS nth
        FROM feedback
        WHERE source = $source AND source_key IN (SELECT source_key FROM import_keys)
    ),
    owners AS (
        SELECT client_id, "date", score, "comment", count(*) AS n
        FROM feedback
        WHERE source = 'app'
        GROUP BY ALL
    )
    SELECT m.rid
    FROM mine m
    JOIN owners o
      ON o.client_id = m.client_id AND o."date" = m."date" AND o.score = m.score
     AND o."comment" IS NOT DISTINCT FROM m."comment"
    WHERE m.nth <= o.n
)
RETURNING client_id;
