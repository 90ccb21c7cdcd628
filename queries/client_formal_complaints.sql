-- Escalations and complaints by formal letter up to a date: they call for telling the client face to face.
SELECT count(*) FILTER (WHERE kind = 'escalation') AS escalations,
       count(*) FILTER (WHERE channel = 'letter' AND kind IN ('complaint', 'escalation')) AS letters
FROM interactions
WHERE client_id = $client_id AND "at" < CAST($as_of AS DATE) + INTERVAL 1 DAY;
