-- connector (inside the write transaction): the export's entries, typed and classified.
INSERT INTO time_entries (client_id, "date", hours, billable, activity, person, note, source_key)
SELECT client_id, day, hours, billable, activity, person, note, source_key
FROM src_rows
ORDER BY line;
