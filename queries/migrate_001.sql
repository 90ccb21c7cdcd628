-- Schema 1: the engagement history, mirroring the import files one table each, so the file also
-- reads well in the duckdb CLI or Harlequin. Validity is checked on import, before anything lands here.
CREATE TABLE schema_version (
    version    INTEGER NOT NULL,
    applied_at TIMESTAMP NOT NULL
);

CREATE TABLE app_settings (
    key   VARCHAR PRIMARY KEY,
    value VARCHAR
);

CREATE TABLE clients (
    client_id   VARCHAR NOT NULL,
    name        VARCHAR NOT NULL,
    started_on  DATE NOT NULL,
    ended_on    DATE,
    referred_by VARCHAR,
    industry    VARCHAR,
    notice_days INTEGER NOT NULL DEFAULT 30
);

CREATE TABLE time_entries (
    client_id VARCHAR NOT NULL,
    date      DATE NOT NULL,
    hours     DOUBLE NOT NULL,
    billable  BOOLEAN NOT NULL,
    activity  VARCHAR NOT NULL,
    person    VARCHAR,
    note      VARCHAR
);

CREATE TABLE invoices (
    invoice_id VARCHAR NOT NULL,
    client_id  VARCHAR NOT NULL,
    issued_on  DATE NOT NULL,
    due_on     DATE NOT NULL,
    paid_on    DATE,
    amount     DECIMAL(14, 2) NOT NULL,
    currency   VARCHAR
);

CREATE TABLE interactions (
    client_id VARCHAR NOT NULL,
    "at"      TIMESTAMP NOT NULL,
    channel   VARCHAR NOT NULL,
    kind      VARCHAR NOT NULL,
    sentiment DOUBLE,
    note      VARCHAR
);

CREATE TABLE feedback (
    client_id VARCHAR NOT NULL,
    date      DATE NOT NULL,
    score     INTEGER NOT NULL,
    comment   VARCHAR
);
