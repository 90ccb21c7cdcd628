-- import: the view import_src over the Parquet file named by the variable import_file
-- (import_source_file), with the types it was written with; creating it reads the file's schema.
CREATE OR REPLACE TEMP VIEW import_src AS
SELECT * FROM read_parquet(getvariable('import_file').path);
