-- connector (inside the write transaction): the export's entries, typed and classified, with their
-- billable and cost amounts (NULL where the export has none), each saying it came from $source under
-- its key.
INSERT INTO time_entries (client_id, "date", hours, billable, activity, person, note, source, source_key,
                          billable_amount, cost_amount, amount_currency)
SELECT client_id, day, hours, billable, activity, person, note, $source, source_key,
       billable_amount, cost_amount, amount_currency
FROM src_rows
ORDER BY line;
