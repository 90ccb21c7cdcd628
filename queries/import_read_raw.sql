-- import: the file the view import_src reads (import_source_csv or import_source_parquet) into the
-- temp table import_raw, as it is; for the small files whose checks want them whole and numbered.
CREATE OR REPLACE TEMP TABLE import_raw AS SELECT * FROM import_src;
