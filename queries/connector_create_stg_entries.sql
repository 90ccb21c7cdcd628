-- connector: a time export as the user wrote it (trimmed text, '' as NULL), with its line number, under
-- the names the export modules give its columns (harvest.py, toggl.py, clockify.py, mapping.py); a
-- column the export lacks stays NULL. billable_amount, cost_amount and currency are Harvest's money
-- columns (Billable Amount, Cost Amount, Currency).
CREATE OR REPLACE TEMP TABLE stg_entries (
    line BIGINT, client VARCHAR, "date" VARCHAR, hours VARCHAR, duration VARCHAR, billable VARCHAR,
    activity VARCHAR, project VARCHAR, task VARCHAR, tags VARCHAR, note VARCHAR, person VARCHAR,
    first_name VARCHAR, last_name VARCHAR, email VARCHAR, start_time VARCHAR, end_time VARCHAR,
    end_date VARCHAR, billable_amount VARCHAR, cost_amount VARCHAR, currency VARCHAR
);
