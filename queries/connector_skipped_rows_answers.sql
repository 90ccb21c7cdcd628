-- connector: the lines of a parsed export of feedback scores that were left out, with why.
CREATE OR REPLACE TEMP VIEW connector_skipped_rows AS
SELECT line, skip FROM src_answers WHERE skip IS NOT NULL;
