-- Deciding exit records the decision and its evidence: the checklist's first step, unless already settled.
INSERT INTO exit_steps (client_id, step, status, done_on, note, updated_at)
VALUES ($client_id, 'record', 'done', $done_on, 'Saved with the exit decision.', $updated_at)
ON CONFLICT (client_id, step) DO NOTHING;
