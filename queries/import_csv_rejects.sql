-- import: the lines DuckDB could not read from the CSV file at $path, as (line, column, reason,
-- start); column is NULL when the whole line is at fault (a wrong number of fields). DuckDB's line
-- counts a value written over several lines (a note in quotes) as one; start (line_byte_position:
-- staging._lines_at says where it points) lets the caller count the file's own lines up to it. Only the latest scan of
-- the file counts: a folder's clients file is read by the one pass and again by the checked import,
-- on one connection, and DuckDB keeps the rejects of both. $not_utf8: what a line not UTF-8 is told.
-- DuckDB records a line short of several fields once per missing field (reported once, with what it
-- first found), and a line with too many once per extra field it counts, leaving out some empty
-- ones ('1,2,3,,,x' is "Found: 4"): its fields are counted from the line itself instead, each
-- delimiter outside quotes, with the delimiter the file is read with (import_source_file).
WITH latest AS (
    SELECT e.*,
           regexp_replace(e.csv_line, '"(?:[^"]|"")*"', '', 'g') AS unquoted,
           coalesce(getvariable('import_file').delim, ',') AS delim
    FROM import_rejects e
    JOIN import_reject_scans s ON s.scan_id = e.scan_id AND s.file_id = e.file_id
    WHERE s.file_path = $path
      AND e.scan_id = (SELECT max(scan_id) FROM import_reject_scans WHERE file_path = $path)
)
SELECT line,
       CASE WHEN error_type NOT IN ('MISSING COLUMNS', 'TOO MANY COLUMNS') THEN column_name END,
       CASE error_type
           WHEN 'TOO MANY COLUMNS' THEN 'more fields than the header has ('
                || (1 + length(unquoted) - length(replace(unquoted, delim, ''))) || ' instead of '
                || regexp_extract(error_message, 'Columns: (\d+)', 1) || ')'
           WHEN 'MISSING COLUMNS' THEN 'fewer fields than the header has ('
                || regexp_extract(error_message, 'Found: (\d+)', 1) || ' instead of '
                || regexp_extract(error_message, 'Columns: (\d+)', 1) || ')'
           WHEN 'UNQUOTED VALUE' THEN 'bad quoting: a quoted value must end with a quote, and a quote inside it must be doubled'
           WHEN 'INVALID ENCODING' THEN $not_utf8
           WHEN 'LINE SIZE OVER MAXIMUM' THEN 'line too long'
           ELSE lower(error_type::VARCHAR) || ': ' || error_message
       END AS reason,
       line_byte_position AS start
FROM latest
QUALIFY error_type NOT IN ('MISSING COLUMNS', 'TOO MANY COLUMNS')
     OR row_number() OVER (PARTITION BY line, error_type ORDER BY column_idx) = 1
ORDER BY line, column_idx;
