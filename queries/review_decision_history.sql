-- Every decision ever recorded for one client, newest first.
SELECT decision_id, quarter, client_id, decision, note, decided_at, recommendation, health,
       effort_return, evidence
FROM review_decisions
WHERE client_id = $client_id
ORDER BY decided_at DESC, decision_id DESC;
