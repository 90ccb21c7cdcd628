-- bench: the anchor of bench/bench_import.py, DuckDB reading feedback.csv as it is (sniffed types)
-- into a table, with no checks: what an import costs beyond reading its files.
CREATE TABLE raw_feedback AS SELECT * FROM read_csv($path);
