-- connector: hours from a duration as exports write it: '1:30:00' or '1:30' (hours:minutes[:seconds],
-- as Toggl does), or decimal hours ('1.5', or '1,5' when dec is ','); NULL otherwise.
CREATE OR REPLACE TEMP MACRO connector_duration(v, dec) AS
    CASE
        WHEN regexp_full_match(v, '\d{1,5}:[0-5]\d(:[0-5]\d)?')
            THEN CAST(split_part(v, ':', 1) AS BIGINT)
                 + CAST(split_part(v, ':', 2) AS BIGINT) / 60.0
                 + coalesce(TRY_CAST(nullif(split_part(v, ':', 3), '') AS BIGINT), 0) / 3600.0
        ELSE TRY_CAST(connector_decimal_text(v, dec) AS DOUBLE)
    END;
