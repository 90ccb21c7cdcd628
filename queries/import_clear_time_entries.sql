-- import --replace (first, inside the write transaction): every time_entries row an import brought goes;
-- what the owner logged in the app (source 'app') stays.
DELETE FROM time_entries WHERE source <> 'app';
