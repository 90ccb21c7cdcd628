-- Schema 5: the relationship journal. Notes the owner keeps about a client (a call, a hunch, a
-- change of contact), dated, never scored. Like the history tables, each row says where it came from
-- (`source` 'app' for what the owner wrote in the app or with `health-tui note`) and its identity
-- there (`source_key`, a uuid the app gives it), so it can be edited and deleted one by one.
-- Interactions and feedback the owner logs go into their own tables with source 'app' (schema 4).
CREATE TABLE client_notes (
    client_id  VARCHAR NOT NULL,
    noted_at   TIMESTAMP NOT NULL,
    note       VARCHAR NOT NULL,
    source     VARCHAR NOT NULL,
    source_key VARCHAR NOT NULL
);
