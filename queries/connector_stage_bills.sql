-- connector: the known columns of import_raw into stg_bills as trimmed text ('' becomes NULL). A
-- record's line is its first line in the file: the one below the header ($header_line, 2 under
-- Excel's 'sep=;' line) for the first record, plus one for every line break inside quoted values
-- of the records before it (a note written over three lines moves the rest down by two). Columns not in $known are left behind (the caller warns).
INSERT INTO stg_bills BY NAME
SELECT rowid + $header_line + 1 + coalesce(sum(
           connector_line_breaks(concat(*COLUMNS(*)))
       ) OVER (ORDER BY rowid ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0) AS line,
       nullif(trim(COLUMNS(lambda c: list_contains($known, c))), '')
FROM import_raw;
