-- connector: the known columns of import_raw as trimmed text ('' becomes NULL), into the temp table
-- staged_rows that connector_stage_<kind> copies into its stg_<kind>. A record's line is its first
-- line in the file: the one below the header ($header_line, 2 under Excel's 'sep=;' line) for the
-- first record, plus one for every line break inside quoted values of the records before it (a
-- note written over three lines moves the rest down by two). Columns not in $known are left
-- behind (the caller warns). A row whose every field is empty (the ,,,, a spreadsheet leaves
-- where cells were once formatted) is read past, as the import format's are; the lines after it
-- keep their numbers.
CREATE OR REPLACE TEMP TABLE staged_rows AS
WITH r AS (
    SELECT rowid AS rid, connector_line_breaks(concat(*COLUMNS(*))) AS breaks,
           trim(concat(*COLUMNS(*))) <> '' AS filled, *
    FROM import_raw
),
n AS (
    SELECT *, rid + $header_line + 1 + coalesce(sum(breaks)
               OVER (ORDER BY rid ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0) AS line
    FROM r
)
SELECT line, nullif(trim(COLUMNS(lambda c: list_contains($known, c))), '')
FROM n
WHERE filled;
