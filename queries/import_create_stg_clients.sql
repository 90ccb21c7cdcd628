-- import: the clients file as the user wrote it (trimmed text, '' as NULL), with its line number.
CREATE OR REPLACE TEMP TABLE stg_clients (
    line BIGINT, client_id VARCHAR, name VARCHAR, started_on VARCHAR, ended_on VARCHAR,
    referred_by VARCHAR, industry VARCHAR, notice_days VARCHAR, domain VARCHAR
);
