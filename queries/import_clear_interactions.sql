-- import --replace (first, inside the write transaction): every interactions row an import brought goes;
-- what the owner logged in the app (source 'app') stays.
DELETE FROM interactions WHERE source <> 'app';
