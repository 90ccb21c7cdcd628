-- Other messages of the client on the day of one just logged, of the same kind: the same call
-- logged twice, or one the helpdesk's import brought already. Said, never merged: two complaints
-- on one day may be two. Per source: 'app' (the owner's own) or the import's.
SELECT source, count(*) AS n
FROM interactions
WHERE client_id = $client_id AND "at"::DATE = $happened_at::DATE AND kind = $kind
  AND source_key IS DISTINCT FROM $key
GROUP BY source
ORDER BY source;
