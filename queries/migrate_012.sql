-- Schema 12: a time entry from a tracker export keeps a second identity that leaves its client out
-- (`work_key`: the md5 of what the export says about the work, without the client's name, and the
-- entry's number among its twins, connector_classify_entries). Harvest and Toggl exports carry no
-- entry id, so `source_key` holds the client's name: a client renamed in the tracker came back as
-- new entries beside the old, and after the owner merged the two clients even importing the export
-- again kept both (the old keys named the old client). An entry of the same source with the same
-- work_key on the same client, imported under a name the file no longer writes, is now the same
-- entry, so once the two are merged the next import replaces both with one. Rows imported before this version have none (the parts of the work they
-- were keyed on are not stored): for them the advice stays to import everything again.
-- `source_client` keeps the name (its key) the export gave the entry's client: only the entries of a
-- name the file no longer writes, every one of them in the file's days the same work as the file's
-- on that client, are a rename; two clients both still in the tracker, merged, keep each other's
-- identical entries when an export holds one of them alone.
ALTER TABLE time_entries ADD COLUMN work_key VARCHAR;
ALTER TABLE time_entries ADD COLUMN source_client VARCHAR;
