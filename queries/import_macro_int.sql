-- import: a whole number ('7', '+7', '7.0') as an INTEGER, else NULL; a bare cast would round '7.5' to 8.
CREATE OR REPLACE TEMP MACRO import_int(v) AS
    CASE WHEN regexp_full_match(v, '[+-]?\d{1,9}(\.0*)?') THEN TRY_CAST(v AS INTEGER) END;
