-- import: the interactions file as the user wrote it (trimmed text, '' as NULL), with its line number.
CREATE OR REPLACE TEMP TABLE stg_interactions (
    line BIGINT, client_id VARCHAR, "at" VARCHAR, channel VARCHAR, kind VARCHAR,
    sentiment VARCHAR, note VARCHAR
);
