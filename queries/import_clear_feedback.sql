-- import --replace (first, inside the write transaction): every feedback row an import brought goes;
-- what the owner logged in the app (source 'app') stays.
DELETE FROM feedback WHERE source <> 'app';
