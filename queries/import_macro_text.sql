-- import: a value as text, trimmed as trim() trims (spaces, and Unicode spaces), '' as NULL. A value
-- of plain ASCII with no space at either end is kept as it is without copying it through trim():
-- that is most values, and trimming every one was a good part of the cost of reading a large file.
CREATE OR REPLACE TEMP MACRO import_text(v) AS
    nullif(CASE WHEN starts_with(v, ' ') OR ends_with(v, ' ') OR strlen(v) <> length(v) THEN trim(v)
                ELSE v END, '');
