-- restore: one backup CSV file into the temp table restore_raw with the table's own column types
-- ($columns); a quoted empty value is an empty text, an unquoted one NULL, as COPY wrote them.
CREATE OR REPLACE TEMP TABLE restore_raw AS
SELECT *
FROM read_csv(
    $path,
    header = true, auto_detect = false, columns = $columns, delim = ',', quote = '"', escape = '"',
    allow_quoted_nulls = false, comment = '', encoding = 'utf-8'
);
