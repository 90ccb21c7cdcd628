-- The recent timeline of one client as of a date: the interactions that say something about the
-- relationship (complaints, escalations, praise, revision/urgent requests, scope changes; routine
-- requests left out) and feedback scores, newest first. Params: $client_id, $as_of, $limit.
SELECT "at" AS happened_at, channel, kind, sentiment, note
FROM interactions
WHERE client_id = $client_id
  AND "at" < CAST($as_of AS DATE) + INTERVAL 1 DAY
  AND lower(kind) IN ('complaint', 'escalation', 'praise', 'revision_request', 'urgent_request',
                      'scope_change')
UNION ALL
SELECT CAST(date AS TIMESTAMP), 'survey', 'feedback', CAST(score AS DOUBLE), comment
FROM feedback
WHERE client_id = $client_id
  AND date <= CAST($as_of AS DATE)
ORDER BY happened_at DESC, kind, channel
LIMIT $limit;
