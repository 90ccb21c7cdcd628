-- import: the interactions file as the user wrote it (trimmed text, '' as NULL), in file order: a row's
-- rowid is its place in the file.
CREATE OR REPLACE TEMP TABLE stg_interactions (
    client_id VARCHAR, "at" VARCHAR, channel VARCHAR, kind VARCHAR,
    sentiment VARCHAR, note VARCHAR
);
