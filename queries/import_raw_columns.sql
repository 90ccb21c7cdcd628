-- import: the column names of the file just read into the temp table import_raw, in file order.
SELECT column_name
FROM duckdb_columns()
WHERE database_name = 'temp' AND table_name = 'import_raw'
ORDER BY column_index;
