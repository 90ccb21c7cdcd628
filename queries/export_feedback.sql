-- export: the feedback table in the import format, in a stable order, to $path as $fmt (csv or parquet).
COPY (
    SELECT client_id, "date", score, "comment"
    FROM feedback
    ORDER BY client_id, "date", score, "comment"
) TO $path (FORMAT $fmt);
