-- Clients whose decision in force (in any quarter, the latest decision wins) is exit, with its date.
SELECT client_id, quarter, decided_at, note
FROM review_decisions
QUALIFY row_number() OVER (PARTITION BY client_id ORDER BY decided_at DESC, decision_id DESC) = 1
    AND decision = 'exit'
ORDER BY decided_at;
