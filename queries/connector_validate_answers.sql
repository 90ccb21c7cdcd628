-- connector: every problem in the parsed export of feedback scores (src_answers) as (line, column,
-- reason), in file order; none = valid. Partial answers and lines with no client are not checked
-- (they are left out, with a warning). An id may appear once. $date_hint says which dates read.
WITH a AS (
    SELECT *, min(line) OVER (PARTITION BY response_id) AS first_line FROM src_answers WHERE skip IS NULL
),
problems (line, k, col, reason) AS (
    SELECT line, 1, 'response_id', 'duplicate id ' || import_show(response_id) || ' (first on line ' || first_line || ')'
    FROM a WHERE response_id IS NOT NULL AND line > first_line
    UNION ALL
    SELECT line, 2, 'date', 'not a date ' || $date_hint || ': ' || import_show(day_text)
    FROM a WHERE day IS NULL
    UNION ALL
    SELECT line, 3, 'score', 'not a whole number from ' || score_bottom || ' to ' || score_top
           || CASE WHEN score_top <> 10 OR score_bottom <> 0
                   THEN ' (the mapping''s score_out_of' || CASE WHEN score_bottom = 1
                        THEN '; a scale from 0: score_from = 0' ELSE '' END || ')' ELSE '' END
           || ': ' || import_show(score_text)
    FROM a WHERE score_given IS NULL OR score_given NOT BETWEEN score_bottom AND score_top
)
SELECT line, col AS "column", reason FROM problems ORDER BY line, k;
