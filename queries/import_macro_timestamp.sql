-- import: an ISO timestamp ('2026-03-02 21:40', '2026-03-02T21:40:05', a date alone = midnight) as a
-- TIMESTAMP, else NULL. A trailing Z or UTC offset is accepted and dropped: the clock time as written
-- is kept, because the scoring reads local working hours. The common shapes (two-digit fields, no
-- offset: what the patterns would keep whole) skip the two patterns, which are most of the cost of
-- reading a large interactions file.
CREATE OR REPLACE TEMP MACRO import_timestamp(v) AS
    CASE WHEN v GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9][T ][0-9][0-9]:[0-9][0-9]:[0-9][0-9]'
              OR v GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9][T ][0-9][0-9]:[0-9][0-9]'
         THEN TRY_CAST(v AS TIMESTAMP)
         WHEN regexp_full_match(v, '\d{4}-\d{1,2}-\d{1,2}([T ]\d{1,2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}(:?\d{2})?)?)?')
         THEN TRY_CAST(regexp_extract(v, '^\d{4}-\d{1,2}-\d{1,2}([T ]\d{1,2}:\d{2}(:\d{2}(\.\d{1,6})?)?)?') AS TIMESTAMP)
    END;
