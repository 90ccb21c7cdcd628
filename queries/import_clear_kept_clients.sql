-- import --replace (after import_clear_client_rows, inside the write transaction): the clients left
-- standing, each for what the owner logged about it in the app or a journal note: the summary says
-- so beside the clients removed, or "removed 7 clients" reads wrong beside "loaded 8".
SELECT count(*) FROM client_rows;
