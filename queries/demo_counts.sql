-- demo: rows per history table, for the summary line.
SELECT 'clients' AS tbl, count(*) AS n FROM clients
UNION ALL SELECT 'time_entries', count(*) FROM time_entries
UNION ALL SELECT 'invoices', count(*) FROM invoices
UNION ALL SELECT 'interactions', count(*) FROM interactions
UNION ALL SELECT 'feedback', count(*) FROM feedback;
