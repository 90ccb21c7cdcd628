-- import (inside the write transaction): how many invoices this folder wrote, and how many of them
-- have a paid_on. None paid at all (no paid_on column, or an empty one) is said: every invoice then
-- counts as unpaid, and as overdue once due, the trap a single invoice export is refused for.
SELECT count(*) AS invoices, count(paid_on) AS paid
FROM invoices
WHERE source = 'folder' AND source_key IN (SELECT folder_id FROM folder_clients);
