-- Escalations and complaints by formal letter up to a date, per client: they call for telling the
-- client face to face.
SELECT client_id,
       count(*) FILTER (WHERE kind = 'escalation') AS escalations,
       count(*) FILTER (WHERE channel = 'letter' AND kind IN ('complaint', 'escalation')) AS letters
FROM interactions
WHERE list_contains($client_ids, client_id) AND "at" < CAST($as_of AS DATE) + INTERVAL 1 DAY
GROUP BY client_id;
