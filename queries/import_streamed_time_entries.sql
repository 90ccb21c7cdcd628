-- import (inside the write transaction, after import_stream_time_entries): how many of the rows just
-- written are for a client the folder lists (every folder row of those clients is one of them:
-- import_delete_time_entries removed the rest). Fewer than were written: a client_id not in the clients
-- file. The second figure, repeated ids, is for invoices only.
SELECT count(*), 0
FROM time_entries
WHERE source = 'folder' AND source_key IN (SELECT folder_id FROM folder_clients);
