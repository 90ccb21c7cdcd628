-- import: YYYY-MM-DD (month and day may be one digit) as a DATE, else NULL. The pattern keeps out
-- what a bare cast would let through: 'epoch', 'infinity', BC years, a date with a time after it.
CREATE OR REPLACE TEMP MACRO import_date(v) AS
    CASE WHEN regexp_full_match(v, '\d{4}-\d{1,2}-\d{1,2}') THEN TRY_CAST(v AS DATE) END;
