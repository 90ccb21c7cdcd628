-- Whether the owner logged any message or feedback score in the app: without one there is nothing
-- an import's rows could repeat, and the pairing queries over its rows are skipped.
SELECT EXISTS (SELECT 1 FROM interactions WHERE source = 'app')
    OR EXISTS (SELECT 1 FROM feedback WHERE source = 'app');
