-- import (inside the write transaction): the messages this import wrote (source $source, keys in
-- import_keys) that repeat, field for field, one the owner logged in the app (an `export
-- --import-format` of this database read back): left out, one for each of the owner's, so that
-- the owner's entry counts once and a second real message alike is kept; the caller says how many.
-- Only this import's own rows are touched: never the owner's, nor an earlier import's.
DELETE FROM interactions
WHERE rowid IN (
    WITH mine AS (
        SELECT rowid AS rid, client_id, "at", kind, channel, sentiment, note,
               row_number() OVER (PARTITION BY client_id, "at", kind, channel, sentiment, note
                                  ORDER BY rowid) AS nth
        FROM interactions
        WHERE source = $source AND source_key IN (SELECT source_key FROM import_keys)
    ),
    owners AS (
        SELECT client_id, "at", kind, channel, sentiment, note, count(*) AS n
        FROM interactions
        WHERE source = 'app'
        GROUP BY ALL
    )
    SELECT m.rid
    FROM mine m
    JOIN owners o
      ON o.client_id = m.client_id AND o."at" = m."at" AND o.kind = m.kind
     AND o.channel = m.channel AND o.sentiment IS NOT DISTINCT FROM m.sentiment
     AND o.note IS NOT DISTINCT FROM m.note
    WHERE m.nth <= o.n
)
RETURNING client_id;
