-- import (inside the write transaction): the time_entries file, read through import_src, straight into
-- time_entries: typed as import_insert_time_entries types it, in file order, nothing kept in memory.
-- Any row import_validate_time_entries would find fault with stops the statement (error()), and
-- the caller then runs the checked import, which says what is wrong. A client_id not in the clients
-- file is caught afterwards (import_streamed_time_entries). $known: the columns the file has.
-- A row of empty fields (Excel's ',,,') stops it too, and the checked import reads past it: a filter
-- for it here cost every import 5% (7.4 -> 7.9 s at 10,000 clients).
INSERT INTO time_entries (client_id, "date", hours, billable, activity, person, note, source, source_key,
                          billable_amount, cost_amount, amount_currency, cost_currency)
WITH src AS (
    SELECT *
    FROM (SELECT NULL::VARCHAR AS client_id, NULL::VARCHAR AS "date", NULL::VARCHAR AS hours,
                 NULL::VARCHAR AS billable, NULL::VARCHAR AS activity, NULL::VARCHAR AS person,
                 NULL::VARCHAR AS note, NULL::VARCHAR AS billable_amount, NULL::VARCHAR AS cost_amount,
                 NULL::VARCHAR AS currency, NULL::VARCHAR AS cost_currency
          WHERE false)
    UNION ALL BY NAME  -- a column the file lacks is NULL
    SELECT import_text(CAST(COLUMNS(lambda c: list_contains($known, c)) AS VARCHAR)) FROM import_src
),
t AS (
    SELECT *, import_date("date") AS d, import_number(hours) AS h, import_bool(billable) AS b,
           lower(activity) AS act, import_amount(billable_amount) AS ba, import_amount(cost_amount) AS ca
    FROM src
)
SELECT CASE WHEN client_id IS NULL OR d IS NULL OR h IS NULL OR NOT (h > 0 AND h <= 24) OR b IS NULL
                 OR act IS NULL OR act NOT IN ('delivery', 'revision', 'meeting', 'support', 'admin')
                 OR (billable_amount IS NOT NULL AND (ba IS NULL OR ba < 0))
                 OR (cost_amount IS NOT NULL AND (ca IS NULL OR ca < 0))
                 OR (currency IS NOT NULL AND NOT regexp_full_match(currency, '[A-Za-z]{3}'))
                 OR (cost_currency IS NOT NULL AND NOT regexp_full_match(cost_currency, '[A-Za-z]{3}'))
            THEN error('import: a row to check')
            ELSE coalesce(getvariable('import_merged')[client_id], client_id) END,
       d, h, b, act, person, note, 'folder', client_id, ba, ca,
       CASE WHEN ba IS NOT NULL OR ca IS NOT NULL THEN coalesce(upper(currency), $home) END,
       -- the cost's own currency, where it is not the amounts' (import_insert_time_entries)
       CASE WHEN ca IS NOT NULL AND upper(cost_currency) <> coalesce(upper(currency), $home)
            THEN upper(cost_currency) END
FROM t;
