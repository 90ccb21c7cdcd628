-- connector (inside the write transaction): the parsed interactions that have a client (src_matches),
-- ready for the interactions table. source_key: md5 of key_base and the row's number among the lines
-- with that key_base, in file order (numbered before rows without a client are dropped, so adding a
-- client later keeps every key).
CREATE OR REPLACE TEMP TABLE src_touch_rows AS
WITH t AS (
    SELECT *, md5(key_base || chr(31) || row_number() OVER (PARTITION BY key_base ORDER BY line)) AS source_key
    FROM src_touches
    WHERE skip IS NULL
)
SELECT t.line, m.client_id, t."at", t.channel, t.kind, t.kind_from, t.channel_assumed, t.sentiment,
       t.rating_text, t.note, t.source_key
FROM t
JOIN src_matches m USING (line)
WHERE m.client_id IS NOT NULL;
