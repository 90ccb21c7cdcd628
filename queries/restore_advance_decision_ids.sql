-- restore (last, inside its transaction): move the decision-id sequence past the restored ids, so the
-- next decision recorded gets a new one.
SELECT count(nextval('review_decision_seq'))
FROM range((SELECT coalesce(max(decision_id), 0) FROM review_decisions));
