-- import: the lines DuckDB could not read from the CSV file at $path, as (line, column, reason);
-- column is NULL when the whole line is at fault (a wrong number of fields). DuckDB records a line
-- short of several fields once per missing field, and one with several too many once per extra
-- field ('Found: 4', 'Found: 5', ...): each is reported once, with what it first found for the one
-- and the whole count (the last record) for the other.
SELECT e.line,
       CASE WHEN e.error_type NOT IN ('MISSING COLUMNS', 'TOO MANY COLUMNS') THEN e.column_name END,
       CASE e.error_type
           WHEN 'TOO MANY COLUMNS' THEN 'more fields than the header has ('
                || regexp_extract(e.error_message, 'Found: (\d+)', 1) || ' instead of '
                || regexp_extract(e.error_message, 'Columns: (\d+)', 1) || ')'
           WHEN 'MISSING COLUMNS' THEN 'fewer fields than the header has ('
                || regexp_extract(e.error_message, 'Found: (\d+)', 1) || ' instead of '
                || regexp_extract(e.error_message, 'Columns: (\d+)', 1) || ')'
           WHEN 'UNQUOTED VALUE' THEN 'bad quoting: a quoted value must end with a quote, and a quote inside it must be doubled'
           WHEN 'INVALID ENCODING' THEN 'not UTF-8 text; save the file as UTF-8'
           WHEN 'LINE SIZE OVER MAXIMUM' THEN 'line too long'
           ELSE lower(e.error_type::VARCHAR) || ': ' || e.error_message
       END AS reason
FROM import_rejects e
JOIN import_reject_scans s ON s.scan_id = e.scan_id AND s.file_id = e.file_id
WHERE s.file_path = $path
QUALIFY e.error_type NOT IN ('MISSING COLUMNS', 'TOO MANY COLUMNS')
     OR row_number() OVER (
            PARTITION BY e.line, e.error_type
            ORDER BY CASE WHEN e.error_type = 'MISSING COLUMNS' THEN e.column_idx END, e.column_idx DESC
        ) = 1
ORDER BY e.line, e.column_idx;
