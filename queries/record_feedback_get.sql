-- One feedback score the owner recorded, as it is now, for editing.
SELECT client_id, "date" AS "on", score, "comment" AS comment
FROM feedback
WHERE source = 'app' AND source_key = $key AND client_id = $client_id;
