-- import: a money amount ('1250', '1250.5', '-3.00'; no thousands separators) as DECIMAL(14, 2),
-- rounded to cents, else NULL (also when it has more than 12 digits before the point).
CREATE OR REPLACE TEMP MACRO import_amount(v) AS
    CASE WHEN regexp_full_match(v, '[+-]?(\d+(\.\d*)?|\.\d+)') THEN TRY_CAST(v AS DECIMAL(14, 2)) END;
