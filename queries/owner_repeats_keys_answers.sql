-- connector (inside the write transaction): the keys of the feedback scores this export wrote, for
-- owner_repeats_* to look at this import's rows only.
CREATE OR REPLACE TEMP TABLE import_keys AS
SELECT DISTINCT source_key FROM src_answer_rows;
