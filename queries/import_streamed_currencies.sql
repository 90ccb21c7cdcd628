-- import (inside the write transaction, after the streamed writes): the currencies of the folder's
-- invoices, with how many invoices each, as import_currencies counts them from the staged file.
SELECT currency, count(*) AS invoices
FROM invoices
WHERE source = 'folder' AND source_key IN (SELECT folder_id FROM folder_clients) AND currency IS NOT NULL
GROUP BY ALL
ORDER BY 1;
