-- Whether the file has been initialised by health-tui at all.
SELECT count(*) > 0
FROM duckdb_tables()
WHERE schema_name = 'main' AND table_name = 'schema_version';
