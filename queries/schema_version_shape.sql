-- The type of schema_version.version, or NULL when the table has no such column: a table of that
-- name that health-tui did not write must be refused before its values are read.
SELECT any_value(data_type)
FROM duckdb_columns()
WHERE database_name = current_database() AND schema_name = 'main'
  AND table_name = 'schema_version' AND column_name = 'version';
