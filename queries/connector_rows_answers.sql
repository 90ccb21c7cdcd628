-- connector (inside the write transaction): the parsed feedback scores that have a client
-- (src_matches), ready for the feedback table. source_key: md5 of key_base and the row's number among
-- the lines with that key_base, in file order (numbered before rows without a client are dropped).
CREATE OR REPLACE TEMP TABLE src_answer_rows AS
WITH a AS (
    SELECT *, md5(key_base || chr(31) || row_number() OVER (PARTITION BY key_base ORDER BY line)) AS source_key
    FROM src_answers
    WHERE skip IS NULL
)
SELECT a.line, m.client_id, a.day, a.score, a."comment", a.source_key
FROM a
JOIN src_matches m USING (line)
WHERE m.client_id IS NOT NULL;
