-- demo: the synthetic portfolio replaces whatever was in invoices (inside the caller's transaction).
DELETE FROM invoices;
