-- import: the feedback file as the user wrote it (trimmed text, '' as NULL), with its line number.
CREATE OR REPLACE TEMP TABLE stg_feedback (
    line BIGINT, client_id VARCHAR, "date" VARCHAR, score VARCHAR, "comment" VARCHAR
);
