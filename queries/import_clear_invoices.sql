-- import --replace (first, inside the write transaction): every invoices row an import brought goes;
-- what the owner logged in the app (source 'app') stays.
DELETE FROM invoices WHERE source <> 'app';
