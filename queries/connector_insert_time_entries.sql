-- connector (inside the write transaction): the export's entries, typed and classified, each saying
-- it came from $source under its key.
INSERT INTO time_entries (client_id, "date", hours, billable, activity, person, note, source, source_key)
SELECT client_id, day, hours, billable, activity, person, note, $source, source_key
FROM src_rows
ORDER BY line;
