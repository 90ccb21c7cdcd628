-- bench: the anchor of bench/bench_import.py, DuckDB reading interactions.csv as it is (sniffed types)
-- into a table, with no checks: what an import costs beyond reading its files.
CREATE TABLE raw_interactions AS SELECT * FROM read_csv($path);
