-- bench: the anchor of bench/bench_import.py, DuckDB reading time_entries.csv as it is (sniffed types)
-- into a table, with no checks: what an import costs beyond reading its files.
CREATE TABLE raw_time_entries AS SELECT * FROM read_csv($path);
