-- connector: connector_clock's parts (h, m, s, ap as regexp_extract gives them, '' when absent) as
-- seconds after midnight: 0-23 hours without AM/PM, 1-12 with it (12 AM is midnight); NULL otherwise.
CREATE OR REPLACE TEMP MACRO connector_clock_of(p) AS
    CASE
        WHEN p.h = '' OR CAST(p.m AS INTEGER) > 59 OR coalesce(TRY_CAST(nullif(p.s, '') AS INTEGER), 0) > 59 THEN NULL
        WHEN p.ap = '' AND CAST(p.h AS INTEGER) <= 23
            THEN CAST(p.h AS INTEGER) * 3600 + CAST(p.m AS INTEGER) * 60 + coalesce(TRY_CAST(nullif(p.s, '') AS INTEGER), 0)
        WHEN p.ap <> '' AND CAST(p.h AS INTEGER) BETWEEN 1 AND 12
            THEN (CAST(p.h AS INTEGER) % 12 + CASE WHEN lower(p.ap) = 'p' THEN 12 ELSE 0 END) * 3600
                 + CAST(p.m AS INTEGER) * 60 + coalesce(TRY_CAST(nullif(p.s, '') AS INTEGER), 0)
    END;
