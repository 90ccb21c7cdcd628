-- demo: the synthetic portfolio replaces whatever was in clients (inside the caller's transaction).
DELETE FROM clients;
