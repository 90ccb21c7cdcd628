-- import (after the write transaction, on its connection): the rows the folder wrote for the clients it
-- lists dated after $today (a typo in the year, most often), per table: how many and the latest date.
-- Kept, and said.
SELECT 'time_entries' AS tbl, count(*) AS n, max("date") AS latest
FROM time_entries WHERE source = 'folder' AND source_key IN (SELECT folder_id FROM folder_clients)
  AND "date" > $today
UNION ALL
SELECT 'invoices', count(*), max(issued_on)
FROM invoices WHERE source = 'folder' AND source_key IN (SELECT folder_id FROM folder_clients)
  AND issued_on > $today
UNION ALL
SELECT 'interactions', count(*), max(CAST("at" AS DATE))
FROM interactions WHERE source = 'folder' AND source_key IN (SELECT folder_id FROM folder_clients)
  AND CAST("at" AS DATE) > $today
UNION ALL
SELECT 'feedback', count(*), max("date")
FROM feedback WHERE source = 'folder' AND source_key IN (SELECT folder_id FROM folder_clients)
  AND "date" > $today;
