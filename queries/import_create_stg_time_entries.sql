-- import: the time_entries file as the user wrote it (trimmed text, '' as NULL), with its line number.
CREATE OR REPLACE TEMP TABLE stg_time_entries (
    line BIGINT, client_id VARCHAR, "date" VARCHAR, hours VARCHAR, billable VARCHAR,
    activity VARCHAR, person VARCHAR, note VARCHAR
);
