-- connector: a date and time of day as an export writes it (connector_when), as a TIMESTAMP: the date
-- as connector_date reads it (in date_order, or the strptime pattern fmt) plus its time of day; a date
-- alone is midnight. NULL when either part does not read.
CREATE OR REPLACE TEMP MACRO connector_timestamp(v, date_order, fmt) AS
    coalesce(
        CASE WHEN fmt IS NOT NULL THEN try_strptime(v, fmt) END,
        CAST(connector_date(v, date_order, fmt) AS TIMESTAMP)
            + to_seconds(coalesce(connector_clock(nullif(connector_when(v).t, '')), 0))
    );
