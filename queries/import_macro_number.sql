-- import: a finite decimal number ('1.5', '.5', '-0.3', '1e3') as a DOUBLE, else NULL (so no 'nan', 'inf').
CREATE OR REPLACE TEMP MACRO import_number(v) AS
    CASE WHEN regexp_full_match(v, '[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d{1,3})?') THEN TRY_CAST(v AS DOUBLE) END;
