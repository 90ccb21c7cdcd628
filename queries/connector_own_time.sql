-- connector (after the export's entries are written): the file's clients with hours on record, none
-- of them billable, no invoice and not marked "not a client": the agency's own time (admin,
-- pitches, training) often comes in under a client of its own in the tracker, and would be scored
-- as a client that pays nothing. Largest first. Not from a file with no billable entry at all (a
-- tracker the agency does not mark billable time in): every client of it would be named.
SELECT c.name, sum(t.hours) AS hours
FROM clients c
JOIN time_entries t ON t.client_id = c.client_id
WHERE c.client_id IN (SELECT client_id FROM src_rows)
  AND NOT coalesce(c.ignored, false)
  AND NOT EXISTS (SELECT 1 FROM invoices i WHERE i.client_id = c.client_id)
  AND EXISTS (SELECT 1 FROM src_rows WHERE billable)
GROUP BY c.client_id, c.name
HAVING NOT bool_or(t.billable)
ORDER BY hours DESC, c.name, c.client_id;
