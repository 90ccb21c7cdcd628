-- import: a decimal number ('1.5', '.5', '-0.3', '1e3') as a DOUBLE, else NULL (so no 'nan', 'inf' or
-- '1_000', which a bare cast reads). An exponent past 308 ('1e400') reads as infinity,
-- which every range the checks hold a number to refuses.
CREATE OR REPLACE TEMP MACRO import_number(v) AS
    CASE WHEN regexp_full_match(v, '[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d{1,3})?') THEN TRY_CAST(v AS DOUBLE) END;
