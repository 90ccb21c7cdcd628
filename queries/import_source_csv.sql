-- import: the view import_src over the CSV file named by the variable import_file (import_source_file),
-- every column as text; $delim is ',' for the native format, and ',', ';' or a tab for exports
-- (decided by the caller from the header); the header comes after `skip` lines (1 for Excel's
-- 'sep=;' line: DuckDB still numbers rejected lines as the file does). Nothing is read until a
-- statement reads the view, and then the file is streamed: the statement decides what is kept.
-- Columns come from the header (read by the caller) rather than DuckDB's sniffer: the sniffer
-- guesses comment characters and header rows (silently dropping lines that start with '#') and,
-- on a small malformed file, fails without saying which line is wrong. With the layout fixed,
-- each malformed line (wrong field count, bad quoting, invalid UTF-8) lands in import_rejects
-- with its line number, and the caller reports them all.
CREATE OR REPLACE TEMP VIEW import_src AS
SELECT *
FROM read_csv(
    getvariable('import_file').path,
    header = true, auto_detect = false, columns = getvariable('import_file').columns,
    delim = getvariable('import_file').delim, quote = '"', escape = '"',
    skip = getvariable('import_file').skip, comment = '',
    encoding = 'utf-8', store_rejects = true, rejects_table = 'import_rejects',
    rejects_scan = 'import_reject_scans'
);
