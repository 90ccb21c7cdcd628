-- connector: the lines of a parsed export of interactions that were left out, with why.
CREATE OR REPLACE TEMP VIEW connector_skipped_rows AS
SELECT line, skip FROM src_touches WHERE skip IS NOT NULL;
