-- export: the interactions table in the import format, in a stable order, to $path as $fmt (csv or parquet).
COPY (
    SELECT client_id, "at", channel, kind, sentiment, note
    FROM interactions
    ORDER BY client_id, "at", kind, channel, note
) TO $path (FORMAT $fmt);
