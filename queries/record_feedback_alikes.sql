-- Other feedback scores of the client on the day of one just recorded, with the same score: the
-- same answer typed twice, or one a survey's import brought already. Said, never merged.
SELECT source, count(*) AS n
FROM feedback
WHERE client_id = $client_id AND "date" = $on AND score = $score
  AND source_key IS DISTINCT FROM $key
GROUP BY source
ORDER BY source;
