-- connector: connector_date's reading of a value split by connector_when (w.d the date text, w.t the
-- time text) in date_order ('dmy', 'mdy' or NULL); see connector_date.
CREATE OR REPLACE TEMP MACRO connector_date_of(w, date_order) AS
    CASE
        WHEN w.t <> '' AND connector_clock(w.t) IS NULL THEN NULL
        WHEN regexp_full_match(w.d, '\d{4}[-/.]\d{1,2}[-/.]\d{1,2}')
            THEN TRY_CAST(regexp_replace(w.d, '[/.]', '-', 'g') AS DATE)
        WHEN regexp_full_match(w.d, '\d{1,2}[-/.]\d{1,2}[-/.](\d{2}|\d{4})') AND date_order IN ('dmy', 'mdy')
            THEN TRY_CAST(
                CASE WHEN length(regexp_extract(w.d, '(\d+)$', 1)) = 2 THEN '20' ELSE '' END
                || regexp_extract(w.d, '(\d+)$', 1) || '-'
                || regexp_extract(w.d, CASE date_order WHEN 'dmy' THEN '^\d{1,2}[-/.](\d{1,2})' ELSE '^(\d{1,2})' END, 1)
                || '-'
                || regexp_extract(w.d, CASE date_order WHEN 'dmy' THEN '^(\d{1,2})' ELSE '^\d{1,2}[-/.](\d{1,2})' END, 1)
                AS DATE)
    END;
