-- bench: the anchor of bench/bench_import.py, DuckDB reading clients.csv as it is (sniffed types)
-- into a table, with no checks: what an import costs beyond reading its files.
CREATE TABLE raw_clients AS SELECT * FROM read_csv($path);
