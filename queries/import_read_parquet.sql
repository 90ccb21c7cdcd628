-- import: one Parquet file into the temp table import_raw, with the types it was written with
-- (the staging step turns every column to text, so a Parquet file is checked like a CSV one).
CREATE OR REPLACE TEMP TABLE import_raw AS SELECT * FROM read_parquet($path);
