-- restore: one backup Parquet file into the temp table restore_raw, with the types it was written with.
CREATE OR REPLACE TEMP TABLE restore_raw AS SELECT * FROM read_parquet($path);
