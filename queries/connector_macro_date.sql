-- connector: a date as an export writes it, as a DATE, else NULL. A time of day after it is allowed
-- and not part of the date (connector_when: '2026-09-20 08:03:55 +0100' is 2026-09-20), but it must
-- be a real time. ISO (2025-03-31, 2025/3/31) always reads. Day and month first (31/03/2025,
-- 3.31.2025, 31-03-2025, 8/14/18: the year last, four digits or two for 2000-2099) read in
-- date_order, 'dmy' or 'mdy', which the caller decided from every date in the file
-- (connector_date_evidence); when nothing decided it, they do not read at all. With a strptime
-- pattern fmt (e.g. '%d.%m.%Y') only that pattern reads, on the whole value or on its date part; a
-- month named (%b, %B) in French, German, Spanish or English, whole or cut short (connector_months).
CREATE OR REPLACE TEMP MACRO connector_date(v, date_order, fmt) AS
    CASE
        WHEN fmt IS NOT NULL AND contains(lower(fmt), '%b')
            THEN CAST(coalesce(try_strptime(connector_months(v), replace(replace(fmt, '%B', '%b'), '%b.', '%b')),
                               try_strptime(connector_months(nullif(connector_when(v).d, '')),
                                            replace(replace(fmt, '%B', '%b'), '%b.', '%b'))) AS DATE)
        WHEN fmt IS NOT NULL
            THEN CAST(coalesce(try_strptime(v, fmt), try_strptime(nullif(connector_when(v).d, ''), fmt)) AS DATE)
        ELSE connector_date_of(connector_when(v), date_order)
    END;
