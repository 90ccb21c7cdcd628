-- connector: a date as an export writes it, as a DATE, else NULL. ISO (2025-03-31, 2025/3/31) always
-- reads. Day and month first (31/03/2025, 3.31.2025, 31-03-2025: a four-digit year last) read in
-- date_order, 'dmy' or 'mdy', which the caller decided from every date in the file
-- (connector_date_evidence_*); when nothing decided it, they do not read at all. With a strptime
-- pattern fmt (e.g. '%d.%m.%Y') only that pattern reads.
CREATE OR REPLACE TEMP MACRO connector_date(v, date_order, fmt) AS
    CASE
        WHEN fmt IS NOT NULL THEN CAST(try_strptime(v, fmt) AS DATE)
        WHEN regexp_full_match(v, '\d{4}[-/.]\d{1,2}[-/.]\d{1,2}')
            THEN TRY_CAST(regexp_replace(v, '[/.]', '-', 'g') AS DATE)
        WHEN regexp_full_match(v, '\d{1,2}[-/.]\d{1,2}[-/.]\d{4}') AND date_order IN ('dmy', 'mdy')
            THEN TRY_CAST(
                regexp_extract(v, '(\d{4})$', 1) || '-'
                || regexp_extract(v, CASE date_order WHEN 'dmy' THEN '^\d{1,2}[-/.](\d{1,2})' ELSE '^(\d{1,2})' END, 1)
                || '-'
                || regexp_extract(v, CASE date_order WHEN 'dmy' THEN '^(\d{1,2})' ELSE '^\d{1,2}[-/.](\d{1,2})' END, 1)
                AS DATE)
    END;
