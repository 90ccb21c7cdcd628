-- import: the known columns of import_raw into stg_clients as trimmed text ('' becomes NULL), with the
-- line each row came from: $first_line is 2 for CSV (line 1 is the header), 1 for Parquet (row number).
-- Columns the file lacks stay NULL; columns not in $known are left behind (the caller warns).
INSERT INTO stg_clients BY NAME
SELECT *
FROM (SELECT rowid + $first_line AS line,
             import_text(CAST(COLUMNS(lambda c: list_contains($known, c)) AS VARCHAR))
      FROM import_raw)
-- a row of empty fields (Excel's ',,,') is no row
WHERE coalesce(*COLUMNS(* EXCLUDE (line))) <> '';
