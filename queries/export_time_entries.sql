-- export: the time_entries table in the import format, in a stable order, to $path as $fmt (csv or parquet).
COPY (
    SELECT client_id, "date", hours, billable, activity, person, note
    FROM time_entries
    ORDER BY client_id, "date", activity, hours, person, note
) TO $path (FORMAT $fmt);
