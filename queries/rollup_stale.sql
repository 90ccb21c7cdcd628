-- Rows in which the rollups and a fresh build from the raw rows differ (0 and 0 when in step):
-- what tests/test_rollups.py reads to prove every write path kept them in step.
WITH fresh_time AS (
    SELECT * FROM time_quarters(DATE '0001-01-01', DATE '9999-12-30', CAST(NULL AS VARCHAR[]))
),
fresh_messages AS (
    SELECT * FROM interaction_quarters(DATE '0001-01-01', DATE '9999-12-30', CAST(NULL AS VARCHAR[]))
)
SELECT (SELECT count(*) FROM ((FROM rollup_time EXCEPT ALL FROM fresh_time)
                              UNION ALL (FROM fresh_time EXCEPT ALL FROM rollup_time))) AS time_rows,
       (SELECT count(*) FROM ((FROM rollup_interactions EXCEPT ALL FROM fresh_messages)
                              UNION ALL (FROM fresh_messages EXCEPT ALL FROM rollup_interactions))) AS message_rows;
