-- import: every problem in the staged time_entries file as (line, column, reason), in file order; none = valid.
-- $first_line: the line of the first row (2 for CSV, whose line 1 is the header; 1 for Parquet).
-- One pass over the file: each row's checks are flags, and only a row with one set is turned into
-- its problems (a list, in the order they are listed), so nothing the size of the file is built.
WITH t AS (
    SELECT s.*,
           s.rowid + $first_line AS line,
           c.client_id IS NULL AS unlisted,
           import_date(s."date") AS d,
           import_number(s.hours) AS h,
           import_bool(s.billable) AS b,
           import_amount(s.billable_amount) AS ba,
           import_amount(s.cost_amount) AS ca
    FROM stg_time_entries s
    LEFT JOIN (SELECT DISTINCT client_id FROM stg_clients) c ON c.client_id = s.client_id
    WHERE coalesce(*COLUMNS(s.*)) <> ''  -- a row of empty fields (Excel's ',,,') is no row
),
flags AS (
    SELECT *,
           client_id IS NULL AS no_client,
           client_id IS NOT NULL AND unlisted AS bad_client,
           d IS NULL AS bad_date,
           h IS NULL OR NOT (h > 0 AND h <= 24) AS bad_hours,
           b IS NULL AS bad_billable,
           activity IS NULL
               OR lower(activity) NOT IN ('delivery', 'revision', 'meeting', 'support', 'admin') AS bad_activity,
           billable_amount IS NOT NULL AND (ba IS NULL OR ba < 0) AS bad_ba,
           cost_amount IS NOT NULL AND (ca IS NULL OR ca < 0) AS bad_ca,
           currency IS NOT NULL AND NOT regexp_full_match(currency, '[A-Za-z]{3}') AS bad_currency,
           cost_currency IS NOT NULL AND NOT regexp_full_match(cost_currency, '[A-Za-z]{3}') AS bad_cost_currency
    FROM t
),
problems AS (
    SELECT line, unnest(list_filter([
        CASE WHEN no_client THEN {'k': 1, 'col': 'client_id', 'reason': 'required'} END,
        CASE WHEN bad_client THEN {'k': 2, 'col': 'client_id',
            'reason': 'no client ' || import_show(client_id) || ' in ' || $clients_file} END,
        CASE WHEN bad_date THEN {'k': 3, 'col': 'date',
            'reason': coalesce('not a date: ' || import_show("date"), 'required')} END,
        CASE WHEN bad_hours THEN {'k': 4, 'col': 'hours',
            'reason': CASE WHEN hours IS NULL THEN 'required'
                           WHEN h IS NULL THEN 'not a number: ' || import_show(hours)
                           ELSE 'must be more than 0 and at most 24: ' || import_show(hours) END} END,
        CASE WHEN bad_billable THEN {'k': 5, 'col': 'billable',
            'reason': coalesce('not true/false/yes/no/1/0: ' || import_show(billable), 'required')} END,
        CASE WHEN bad_activity THEN {'k': 6, 'col': 'activity',
            'reason': coalesce('not one of delivery, revision, meeting, support, admin: '
                               || import_show(activity), 'required')} END,
        CASE WHEN bad_ba THEN {'k': 7, 'col': 'billable_amount',
            'reason': CASE WHEN ba IS NULL THEN 'not an amount (like 1250.00): '
                           ELSE 'must not be negative: ' END || import_show(billable_amount)} END,
        CASE WHEN bad_ca THEN {'k': 8, 'col': 'cost_amount',
            'reason': CASE WHEN ca IS NULL THEN 'not an amount (like 1250.00): '
                           ELSE 'must not be negative: ' END || import_show(cost_amount)} END,
        CASE WHEN bad_currency THEN {'k': 9, 'col': 'currency',
            'reason': 'not a 3-letter currency code: ' || import_show(currency)} END,
        CASE WHEN bad_cost_currency THEN {'k': 10, 'col': 'cost_currency',
            'reason': 'not a 3-letter currency code: ' || import_show(cost_currency)} END
    ], lambda p: p IS NOT NULL)) AS p
    FROM flags
    WHERE no_client OR bad_client OR bad_date OR bad_hours OR bad_billable OR bad_activity OR bad_ba
       OR bad_ca OR bad_currency OR bad_cost_currency
)
SELECT line, p.col AS "column", p.reason FROM problems ORDER BY line, p.k;
