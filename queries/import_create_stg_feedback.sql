-- import: the feedback file as the user wrote it (trimmed text, '' as NULL), in file order: a row's
-- rowid is its place in the file.
CREATE OR REPLACE TEMP TABLE stg_feedback (
    client_id VARCHAR, "date" VARCHAR, score VARCHAR, "comment" VARCHAR
);
