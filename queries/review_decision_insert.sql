-- Record a decision: always a new row, so a change of mind keeps the earlier one in history.
INSERT INTO review_decisions
    (quarter, client_id, decision, note, decided_at, recommendation, health, effort_return, evidence)
VALUES ($quarter, $client_id, $decision, $note, $decided_at, $recommendation, $health, $effort_return,
        $evidence)
RETURNING decision_id;
