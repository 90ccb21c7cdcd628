-- export (a backup): one whole table, every column, in a stable order, to the file $path as $fmt
-- ('csv' with a header line, or 'parquet'). $table is one of the store's tables, named by the caller.
COPY (SELECT * FROM query_table($table) ORDER BY ALL) TO $path (FORMAT $fmt);
