-- connector (inside the write transaction): the export's entries, typed and classified, with their
-- billable and cost amounts (NULL where the export has none), each saying it came from $source under
-- its keys (source_key, and work_key without the client). Amounts with no currency are in the portfolio's ($home), and say so (as invoices do).
INSERT INTO time_entries (client_id, "date", hours, billable, activity, person, note, source, source_key,
                          work_key, source_client, billable_amount, cost_amount, amount_currency,
                          cost_currency)
SELECT client_id, day, hours, billable, activity, person, note, $source, source_key, work_key, source_client,
       billable_amount, cost_amount,
       CASE WHEN billable_amount IS NOT NULL OR cost_amount IS NOT NULL
            THEN coalesce(amount_currency, $home) END,
       cost_currency
FROM src_rows
ORDER BY line;
