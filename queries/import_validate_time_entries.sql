-- import: every problem in the staged time_entries file as (line, column, reason), in file order; none = valid.
WITH t AS (
    SELECT *,
           import_date("date") AS d,
           import_number(hours) AS h,
           import_bool(billable) AS b,
           import_amount(billable_amount) AS ba,
           import_amount(cost_amount) AS ca
    FROM stg_time_entries
),
problems (line, k, col, reason) AS (
    SELECT line, 1, 'client_id', 'required' FROM t WHERE client_id IS NULL
    UNION ALL
    SELECT line, 2, 'client_id', 'no client ' || import_show(client_id) || ' in ' || $clients_file
    FROM t WHERE client_id IS NOT NULL
      AND NOT EXISTS (SELECT 1 FROM stg_clients s WHERE s.client_id = t.client_id)
    UNION ALL
    SELECT line, 3, 'date', coalesce('not a date: ' || import_show("date"), 'required') FROM t WHERE d IS NULL
    UNION ALL
    SELECT line, 4, 'hours', CASE WHEN hours IS NULL THEN 'required'
                                  WHEN h IS NULL THEN 'not a number: ' || import_show(hours)
                                  ELSE 'must be more than 0 and at most 24: ' || import_show(hours) END
    FROM t WHERE h IS NULL OR NOT (h > 0 AND h <= 24)
    UNION ALL
    SELECT line, 5, 'billable', coalesce('not true/false/yes/no/1/0: ' || import_show(billable), 'required')
    FROM t WHERE b IS NULL
    UNION ALL
    SELECT line, 6, 'activity',
           coalesce('not one of delivery, revision, meeting, support, admin: ' || import_show(activity), 'required')
    FROM t WHERE activity IS NULL
              OR lower(activity) NOT IN ('delivery', 'revision', 'meeting', 'support', 'admin')
    UNION ALL
    SELECT line, 7, 'billable_amount',
           CASE WHEN ba IS NULL THEN 'not an amount (like 1250.00): ' ELSE 'must not be negative: ' END
           || import_show(billable_amount)
    FROM t WHERE billable_amount IS NOT NULL AND (ba IS NULL OR ba < 0)
    UNION ALL
    SELECT line, 8, 'cost_amount',
           CASE WHEN ca IS NULL THEN 'not an amount (like 1250.00): ' ELSE 'must not be negative: ' END
           || import_show(cost_amount)
    FROM t WHERE cost_amount IS NOT NULL AND (ca IS NULL OR ca < 0)
    UNION ALL
    SELECT line, 9, 'currency', 'not a 3-letter currency code: ' || import_show(currency)
    FROM t WHERE currency IS NOT NULL AND NOT regexp_full_match(currency, '[A-Za-z]{3}')
)
SELECT line, col AS "column", reason FROM problems ORDER BY line, k;
