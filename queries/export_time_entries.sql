-- export: the time_entries table in the import format, in a stable order, to $path as $fmt (csv or parquet).
-- The billable and cost amounts and their currency come last (empty where a row has none), then the
-- cost amount's own currency (empty: the same).
COPY (
    SELECT client_id, "date", hours, billable, activity, person, note,
           billable_amount, cost_amount, amount_currency AS currency, cost_currency
    FROM time_entries
    ORDER BY client_id, "date", activity, hours, person, note, billable_amount, cost_amount
) TO $path (FORMAT $fmt);
