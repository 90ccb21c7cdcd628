-- import: the folder's client_ids the owner merged into another client, for the summary.
SELECT folder_id, client_id FROM folder_clients WHERE merged ORDER BY line;
