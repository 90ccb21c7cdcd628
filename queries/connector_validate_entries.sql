-- connector: every problem in the parsed time export (src_entries) as (line, column, reason), in file
-- order; none = valid. Columns are the names the export modules use (the caller shows them as the
-- header wrote them). Skipped lines (no client, no time) are not checked. Hours taken from start and
-- end times are named at the one that does not read. $date_hint says which
-- dates read (e.g. 'like 2025-03-31 or 31/03/2025'). Amounts (Harvest's Billable Amount and Cost
-- Amount) must read and not be negative; a currency must give an ISO code. $billable_hint: where
-- a mapping can give a sheet's own words for billable ('' for an export's own column).
WITH problems (line, k, col, reason) AS (
    SELECT line, 1, 'date', coalesce('not a date ' || $date_hint || ': ' || import_show(day_text), 'required')
    FROM src_entries WHERE skip IS NULL AND day IS NULL
    UNION ALL
    SELECT line, 2, hours_col,
           CASE WHEN hours_text IS NULL THEN 'required'
                WHEN hours IS NULL AND hours_col IN ('start_time', 'end_time')
                    THEN 'not a time of day (like 14:05 or 2:05 PM): ' || import_show(hours_text)
                WHEN hours IS NULL AND hours_col = 'duration' THEN 'not a duration (like 1:30:00): ' || import_show(hours_text)
                WHEN hours IS NULL THEN 'not a number of hours (like 1.5, 1:30 or 1h30): ' || import_show(hours_text)
                ELSE 'must be more than 0 and at most 24 hours: ' || import_show(hours_text) END
    FROM src_entries WHERE skip IS NULL AND (hours IS NULL OR hours < 0 OR hours > 24)
    UNION ALL
    SELECT line, 3, 'billable',
           CASE WHEN billable_text IS NULL THEN 'required (yes or no)' || $billable_hint
                ELSE 'not yes/no' || $billable_hint || ': ' || import_show(billable_text) END
    FROM src_entries WHERE skip IS NULL AND billable IS NULL
    UNION ALL
    SELECT line, 4, 'billable_amount',
           CASE WHEN billable_amt IS NULL THEN 'not an amount (like 1250.00): ' ELSE 'must not be negative: ' END
           || import_show(billable_amount_text)
    FROM src_entries
    WHERE skip IS NULL AND billable_amount_text IS NOT NULL AND (billable_amt IS NULL OR billable_amt < 0)
    UNION ALL
    SELECT line, 5, 'cost_amount',
           CASE WHEN cost_amt IS NULL THEN 'not an amount (like 1250.00): ' ELSE 'must not be negative: ' END
           || import_show(cost_amount_text)
    FROM src_entries
    WHERE skip IS NULL AND cost_amount_text IS NOT NULL AND (cost_amt IS NULL OR cost_amt < 0)
    UNION ALL
    SELECT line, 6, 'currency', 'not a currency (like EUR or Euro - EUR): ' || import_show(currency_text)
    FROM src_entries WHERE skip IS NULL AND currency_text IS NOT NULL AND currency IS NULL
)
SELECT line, col AS "column", reason FROM problems ORDER BY line, k;
