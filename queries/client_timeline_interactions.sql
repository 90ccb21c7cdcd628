-- The recent timeline of one client as of a date, newest first: the interactions that say something
-- about the relationship (complaints, escalations, praise, revision/urgent requests, scope changes;
-- routine requests left out unless the owner logged them or a survey rated them ±1, or the client has
-- no more than $limit messages in all, when every one is shown), feedback scores, and the owner's journal
-- notes. `entry_key` is set only on what the owner logged (source 'app'): those alone can be edited.
-- Params: $client_id, $as_of, $limit.
SELECT "at" AS happened_at, 'interaction' AS entry, channel, kind, sentiment, NULL AS score, note,
       source, CASE WHEN source = 'app' THEN source_key END AS entry_key
FROM interactions
WHERE client_id = $client_id
  AND "at" < CAST($as_of AS DATE) + INTERVAL 1 DAY
  AND ((SELECT count(*) FROM interactions
        WHERE client_id = $client_id AND "at" < CAST($as_of AS DATE) + INTERVAL 1 DAY) <= $limit
       OR source = 'app'
       OR lower(kind) IN ('complaint', 'escalation', 'praise', 'revision_request', 'urgent_request',
                          'scope_change')
       -- a routine ticket rated at an end of the scale (a helpdesk survey's "Awesome" or "Bad"):
       -- it weighs in satisfaction as praise or a complaint does, so the owner sees what moved it
       OR abs(sentiment) >= 1)
UNION ALL
SELECT CAST("date" AS TIMESTAMP), 'feedback', 'survey', 'feedback', NULL, score, "comment",
       source, CASE WHEN source = 'app' THEN source_key END
FROM feedback
WHERE client_id = $client_id
  AND "date" <= CAST($as_of AS DATE)
UNION ALL
SELECT noted_at, 'note', 'journal', 'note', NULL, NULL, note, source, source_key
FROM client_notes
WHERE client_id = $client_id
  AND noted_at < CAST($as_of AS DATE) + INTERVAL 1 DAY
-- what was logged at one minute in one way is in the order of its words, the same every time
ORDER BY happened_at DESC, kind, channel, entry_key, note, sentiment, score, source
LIMIT $limit;
