-- Tables and views in the opened file, for telling an empty DuckDB file (health-tui may set it up)
-- from another program's database (refused, never changed). Temporary objects are not in the file.
SELECT CASE WHEN schema_name = 'main' THEN '' ELSE schema_name || '.' END || table_name AS name
FROM duckdb_tables()
WHERE database_name = current_database() AND NOT internal AND NOT temporary
UNION ALL
SELECT CASE WHEN schema_name = 'main' THEN '' ELSE schema_name || '.' END || view_name
FROM duckdb_views()
WHERE database_name = current_database() AND NOT internal AND NOT temporary
ORDER BY name;
