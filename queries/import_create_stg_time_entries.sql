-- import: the time_entries file as the user wrote it (trimmed text, '' as NULL), in file order: a row's
-- rowid is its place in the file.
-- billable_amount, cost_amount, currency and cost_currency are optional: a file without them has none.
CREATE OR REPLACE TEMP TABLE stg_time_entries (
    client_id VARCHAR, "date" VARCHAR, hours VARCHAR, billable VARCHAR,
    activity VARCHAR, person VARCHAR, note VARCHAR, billable_amount VARCHAR, cost_amount VARCHAR,
    currency VARCHAR, cost_currency VARCHAR
);
