-- import --replace (after the history is cleared, inside the write transaction): the clients imports
-- made go, except those the owner logged something for in the app (or kept a journal note on), whose
-- rows must keep a client.
-- The owner's own records (decisions, checklists, letters, facts, aliases) stay and attach again to
-- a client the import brings back under the same id.
DELETE FROM client_rows
WHERE client_id NOT IN (
    SELECT client_id FROM time_entries WHERE source = 'app'
    UNION SELECT client_id FROM invoices WHERE source = 'app'
    UNION SELECT client_id FROM interactions WHERE source = 'app'
    UNION SELECT client_id FROM feedback WHERE source = 'app'
    UNION SELECT client_id FROM client_notes
);
