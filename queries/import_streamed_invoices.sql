-- import (inside the write transaction, after import_stream_invoices): how many of the invoices just
-- written are for a client the folder lists (every folder invoice of those clients is one of them:
-- import_delete_invoices removed the rest), and how many repeat an invoice_id of another. Fewer
-- than were written: a client_id not in the clients file.
SELECT count(*), count(*) - count(DISTINCT invoice_id)
FROM invoices
WHERE source = 'folder' AND source_key IN (SELECT folder_id FROM folder_clients);
