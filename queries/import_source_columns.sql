-- import: the column names of the file the view import_src reads, in file order.
SELECT column_name
FROM duckdb_columns()
WHERE database_name = 'temp' AND table_name = 'import_src'
ORDER BY column_index;
