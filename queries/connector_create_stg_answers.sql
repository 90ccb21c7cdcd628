-- connector: an export of feedback scores (survey answers, through a mapping) as the user wrote it
-- (trimmed text, '' as NULL), with its line number, under the names mapping.py gives its columns; a
-- column the export lacks stays NULL. `domain` is a respondent's email or web domain.
CREATE OR REPLACE TEMP TABLE stg_answers (
    line BIGINT, response_id VARCHAR, client VARCHAR, "domain" VARCHAR, "date" VARCHAR, score VARCHAR,
    "comment" VARCHAR
);
