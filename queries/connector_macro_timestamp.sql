-- connector: a date and time of day as an export writes it (connector_when), as a TIMESTAMP: the date
-- as connector_date reads it (in date_order, or the strptime pattern fmt) plus its time of day; a date
-- alone is midnight. NULL when either part does not read. A time written with its zone
-- (2026-10-30T01:50:00Z, ...+02:00) is read at the agency's clock where the settings name it (tz,
-- [agency] timezone: a Montréal shop's UTC export read a 16:30 request as 20:30, after hours); with
-- none, at the clock it shows, its zone dropped (the same on every machine).
CREATE OR REPLACE TEMP MACRO connector_timestamp(v, date_order, fmt, tz) AS
    coalesce(
        CASE WHEN tz IS NOT NULL AND connector_zone(v) <> ''
             THEN timezone(CAST(tz AS VARCHAR), TRY_CAST(v AS TIMESTAMPTZ))
        END,
        CASE WHEN fmt IS NOT NULL THEN try_strptime(v, fmt) END,
        CAST(connector_date(v, date_order, fmt) AS TIMESTAMP)
            + to_seconds(coalesce(connector_clock(nullif(connector_when(v).t, '')), 0))
    );
