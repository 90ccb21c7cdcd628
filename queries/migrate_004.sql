-- Schema 4: every row knows where it came from, and what the owner records is kept apart from what
-- imports bring (README, "Where your data comes from").
--
-- 1. History rows carry `source` (folder, demo, harvest-time, harvest-invoices, toggl, a mapping's
--    name, app; `export` for rows an export wrote before this schema, whose tool is not known) and
--    `source_key`, their identity in that source: the folder's client_id for rows a folder brought
--    (a folder is the full history of the clients it lists), the entry's or invoice's key for an
--    export. An import replaces only rows of its own source.
-- 2. `clients` becomes a view over `client_rows` (what imports say about a client) and `client_facts`
--    (what the owner recorded: an end date, notice days, a referrer, "not a client"...), the owner's
--    value winning. No import writes client_facts.
-- 3. `client_aliases`: other names (and, after a merge, other ids) under which a client appears.
-- Every existing row is kept.

-- How names are compared wherever one client is looked for by name: accents dropped, lower case,
-- runs of white space as one space, trimmed; '' as NULL. "Café  Bleu " and "cafe bleu" are one client.
CREATE MACRO name_key(v) AS nullif(lower(trim(regexp_replace(strip_accents(v), '\s+', ' ', 'g'))), '');

-- What the owner recorded about a client, one row per fact; a fact present wins over the imported
-- value (its value may be empty: "no end date" overrides an imported one). Facts: ended_on,
-- notice_days, referred_by, industry, domain, ignored ("not a client": kept, never scored).
CREATE TABLE client_facts (
    client_id   VARCHAR NOT NULL,
    fact        VARCHAR NOT NULL,
    value       VARCHAR,
    recorded_at TIMESTAMP NOT NULL,
    PRIMARY KEY (client_id, fact)
);
-- Other names a client is known by in the trackers (kind 'name', matched as imports match names:
-- case, accents and spacing aside), and the ids of clients merged into it (kind 'id').
CREATE TABLE client_aliases (
    kind       VARCHAR NOT NULL,
    alias_key  VARCHAR NOT NULL,
    alias      VARCHAR NOT NULL,
    client_id  VARCHAR NOT NULL,
    created_at TIMESTAMP NOT NULL,
    PRIMARY KEY (kind, alias_key)
);

-- The history tables are rebuilt with their origin (DuckDB cannot add a NOT NULL column to rows
-- updated in the same transaction). Rows from before: the demo's are the demo's; the rest with a
-- key came from an export (its tool is not known: 'export'), without one from a folder (keyed by
-- their client, as a folder now keys them).
CREATE TABLE time_entries_v4 (
    client_id  VARCHAR NOT NULL,
    "date"     DATE NOT NULL,
    hours      DOUBLE NOT NULL,
    billable   BOOLEAN NOT NULL,
    activity   VARCHAR NOT NULL,
    person     VARCHAR,
    note       VARCHAR,
    source     VARCHAR NOT NULL,
    source_key VARCHAR
);
INSERT INTO time_entries_v4
SELECT client_id, "date", hours, billable, activity, person, note,
       CASE WHEN (SELECT value FROM app_settings WHERE key = 'portfolio_kind') = 'demo' THEN 'demo'
            WHEN source_key IS NOT NULL THEN 'export' ELSE 'folder' END,
       coalesce(source_key, client_id)
FROM time_entries;
DROP TABLE time_entries;
ALTER TABLE time_entries_v4 RENAME TO time_entries;

CREATE TABLE invoices_v4 (
    invoice_id VARCHAR NOT NULL,
    client_id  VARCHAR NOT NULL,
    issued_on  DATE NOT NULL,
    due_on     DATE NOT NULL,
    paid_on    DATE,
    amount     DECIMAL(14, 2) NOT NULL,
    currency   VARCHAR,
    source     VARCHAR NOT NULL,
    source_key VARCHAR
);
INSERT INTO invoices_v4
SELECT invoice_id, client_id, issued_on, due_on, paid_on, amount, currency,
       CASE WHEN (SELECT value FROM app_settings WHERE key = 'portfolio_kind') = 'demo' THEN 'demo'
            WHEN source_key IS NOT NULL THEN 'export' ELSE 'folder' END,
       coalesce(source_key, client_id)
FROM invoices;
DROP TABLE invoices;
ALTER TABLE invoices_v4 RENAME TO invoices;

CREATE TABLE interactions_v4 (
    client_id  VARCHAR NOT NULL,
    "at"       TIMESTAMP NOT NULL,
    channel    VARCHAR NOT NULL,
    kind       VARCHAR NOT NULL,
    sentiment  DOUBLE,
    note       VARCHAR,
    source     VARCHAR NOT NULL,
    source_key VARCHAR
);
INSERT INTO interactions_v4
SELECT client_id, "at", channel, kind, sentiment, note,
       CASE WHEN (SELECT value FROM app_settings WHERE key = 'portfolio_kind') = 'demo' THEN 'demo'
            ELSE 'folder' END,
       client_id
FROM interactions;
DROP TABLE interactions;
ALTER TABLE interactions_v4 RENAME TO interactions;

CREATE TABLE feedback_v4 (
    client_id  VARCHAR NOT NULL,
    "date"     DATE NOT NULL,
    score      INTEGER NOT NULL,
    "comment"  VARCHAR,
    source     VARCHAR NOT NULL,
    source_key VARCHAR
);
INSERT INTO feedback_v4
SELECT client_id, "date", score, "comment",
       CASE WHEN (SELECT value FROM app_settings WHERE key = 'portfolio_kind') = 'demo' THEN 'demo'
            ELSE 'folder' END,
       client_id
FROM feedback;
DROP TABLE feedback;
ALTER TABLE feedback_v4 RENAME TO feedback;

-- What imports say about each client. `source` is the import that owns the row (a folder takes over
-- a client an export made); `seen_from` is the first day any export saw work or an invoice for it,
-- so a client starts at the earlier of the two whatever order the imports ran in.
CREATE TABLE client_rows (
    client_id   VARCHAR NOT NULL,
    name        VARCHAR NOT NULL,
    started_on  DATE NOT NULL,
    ended_on    DATE,
    referred_by VARCHAR,
    industry    VARCHAR,
    notice_days INTEGER NOT NULL DEFAULT 30,
    domain      VARCHAR,
    source      VARCHAR NOT NULL,
    seen_from   DATE
);
INSERT INTO client_rows
SELECT c.client_id, c.name, c.started_on,
       -- an end date the exit checklist set is the owner's, not the import's (moved below)
       CASE WHEN s.done_on IS NOT NULL AND s.done_on = c.ended_on THEN NULL ELSE c.ended_on END,
       c.referred_by, c.industry, c.notice_days, NULL,
       CASE WHEN (SELECT value FROM app_settings WHERE key = 'portfolio_kind') = 'demo' THEN 'demo'
            -- an export named its clients slug-xxxxxx from the name (connector_client_id)
            WHEN c.client_id = rtrim(left(trim(regexp_replace(n.k, '[^a-z0-9]+', '-', 'g'), '-'), 32), '-')
                               || '-' || left(md5(n.k), 6)
                 AND NOT EXISTS (SELECT 1 FROM time_entries t WHERE t.client_id = c.client_id AND t.source = 'folder')
                 AND NOT EXISTS (SELECT 1 FROM invoices i WHERE i.client_id = c.client_id AND i.source = 'folder')
            THEN 'export'
            ELSE 'folder' END,
       least((SELECT min("date") FROM time_entries t WHERE t.client_id = c.client_id AND t.source = 'export'),
             (SELECT min(issued_on) FROM invoices i WHERE i.client_id = c.client_id AND i.source = 'export'))
FROM clients c
CROSS JOIN LATERAL (SELECT name_key(c.name) AS k) n
LEFT JOIN exit_steps s ON s.client_id = c.client_id AND s.step = 'close' AND s.status = 'done';

-- The end dates the exit checklist set become the owner's facts.
INSERT INTO client_facts
SELECT s.client_id, 'ended_on', CAST(s.done_on AS VARCHAR), s.updated_at
FROM exit_steps s
JOIN clients c ON c.client_id = s.client_id AND c.ended_on = s.done_on
WHERE s.step = 'close' AND s.status = 'done';

DROP TABLE clients;

-- The client as every reader sees it: imported values, the owner's facts winning.
CREATE VIEW clients AS
SELECT r.client_id,
       r.name,
       CASE WHEN r.seen_from < r.started_on THEN r.seen_from ELSE r.started_on END AS started_on,
       CASE WHEN f.has_ended_on THEN f.ended_on ELSE r.ended_on END AS ended_on,
       CASE WHEN f.has_referred_by THEN f.referred_by ELSE r.referred_by END AS referred_by,
       CASE WHEN f.has_industry THEN f.industry ELSE r.industry END AS industry,
       CASE WHEN f.has_notice_days THEN coalesce(f.notice_days, 30) ELSE r.notice_days END AS notice_days,
       CASE WHEN f.has_domain THEN f.domain ELSE r.domain END AS domain,
       coalesce(f.ignored, false) AS ignored,
       r.source
FROM client_rows r
LEFT JOIN (
    SELECT client_id,
           bool_or(fact = 'ended_on') AS has_ended_on,
           TRY_CAST(max(value) FILTER (WHERE fact = 'ended_on') AS DATE) AS ended_on,
           bool_or(fact = 'referred_by') AS has_referred_by,
           max(value) FILTER (WHERE fact = 'referred_by') AS referred_by,
           bool_or(fact = 'industry') AS has_industry,
           max(value) FILTER (WHERE fact = 'industry') AS industry,
           bool_or(fact = 'notice_days') AS has_notice_days,
           TRY_CAST(max(value) FILTER (WHERE fact = 'notice_days') AS INTEGER) AS notice_days,
           bool_or(fact = 'domain') AS has_domain,
           max(value) FILTER (WHERE fact = 'domain') AS domain,
           bool_or(fact = 'ignored' AND value = 'true') AS ignored
    FROM client_facts
    GROUP BY client_id
) f USING (client_id);
