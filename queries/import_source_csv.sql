-- import: the view import_src over the CSV file named by the variable import_file (import_source_file),
-- read as import_read_csv reads it (layout from the header, every column text, malformed lines to
-- import_rejects), but streamed: a statement reading the view reads the file, nothing is kept.
CREATE OR REPLACE TEMP VIEW import_src AS
SELECT *
FROM read_csv(
    getvariable('import_file').path,
    header = true, auto_detect = false, columns = getvariable('import_file').columns,
    delim = getvariable('import_file').delim, quote = '"', escape = '"', skip = 0, comment = '',
    encoding = 'utf-8', store_rejects = true, rejects_table = 'import_rejects',
    rejects_scan = 'import_reject_scans'
);
