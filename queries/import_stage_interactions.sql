-- import: the known columns of the file import_src reads into stg_interactions as trimmed text ('' becomes
-- NULL), in file order: nothing else is kept of the file. Columns the file lacks stay NULL;
-- columns not in $known are left behind (the caller warns).
INSERT INTO stg_interactions BY NAME
SELECT import_text(CAST(COLUMNS(lambda c: list_contains($known, c)) AS VARCHAR))
FROM import_src;
