-- connector: hours from a duration as exports write it: '1:30:00' or '1:30' (hours:minutes[:seconds],
-- as Toggl does), as a French sheet writes it ('1h30', '2h', '0h45', '45min', '45 min'), or decimal
-- hours ('1.5', or '1,5' when dec is ','); NULL otherwise.
CREATE OR REPLACE TEMP MACRO connector_duration(v, dec) AS
    CASE
        WHEN regexp_full_match(v, '\d{1,5}:[0-5]\d(:[0-5]\d)?')
            THEN CAST(split_part(v, ':', 1) AS BIGINT)
                 + CAST(split_part(v, ':', 2) AS BIGINT) / 60.0
                 + coalesce(TRY_CAST(nullif(split_part(v, ':', 3), '') AS BIGINT), 0) / 3600.0
        WHEN regexp_full_match(v, '\d{1,4} ?[hH] ?([0-5]\d)?( ?min)?')
            THEN CAST(regexp_extract(v, '^(\d+)', 1) AS BIGINT)
                 + coalesce(TRY_CAST(nullif(regexp_extract(v, '[hH] ?(\d+)', 1), '') AS BIGINT), 0) / 60.0
        WHEN regexp_full_match(v, '\d{1,5} ?min')
            THEN CAST(regexp_extract(v, '^(\d+)', 1) AS BIGINT) / 60.0
        ELSE TRY_CAST(connector_decimal_text(v, dec) AS DOUBLE)
    END;
