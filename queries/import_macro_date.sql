-- import: YYYY-MM-DD (month and day may be one digit) as a DATE, else NULL. The pattern keeps out
-- what a bare cast would let through: 'epoch', 'infinity', BC years, a date with a time after it.
-- A value that is already a date as DuckDB writes one (ten characters) needs no pattern: that
-- check is half the cost, and most values in a large file pass it.
CREATE OR REPLACE TEMP MACRO import_date(v) AS
    CASE WHEN (strlen(v) = 10 AND CAST(TRY_CAST(v AS DATE) AS VARCHAR) = v)
              OR regexp_full_match(v, '\d{4}-\d{1,2}-\d{1,2}')
         THEN TRY_CAST(v AS DATE) END;
