-- The decision in force for each client in a quarter: the latest one recorded.
SELECT decision_id, quarter, client_id, decision, note, decided_at, recommendation, health,
       effort_return, evidence
FROM review_decisions
WHERE quarter = $quarter
QUALIFY row_number() OVER (PARTITION BY client_id ORDER BY decided_at DESC, decision_id DESC) = 1
ORDER BY decided_at, decision_id;
