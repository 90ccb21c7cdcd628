-- Schema 3: where an imported row came from. Rows loaded from a Harvest, Toggl or mapped export carry
-- the identity of the entry (or invoice) they came from, so re-importing an overlapping export
-- replaces them instead of adding them twice (see health_tui/ingest/connector.py). Rows from the
-- native folder format and the demo leave it NULL: a folder is the full history of its clients.
ALTER TABLE time_entries ADD COLUMN source_key VARCHAR;
ALTER TABLE invoices ADD COLUMN source_key VARCHAR;
