-- demo: an exit decided in a past review has its checklist's first step done, as the app records it.
INSERT INTO exit_steps (client_id, step, status, done_on, note, updated_at)
SELECT client_id, 'record', 'done', CAST(decided_at AS DATE), 'Saved with the exit decision.', decided_at
FROM review_decisions
WHERE quarter = $quarter AND decision = 'exit'
ON CONFLICT (client_id, step) DO NOTHING;
