-- An exit decided again after another decision had replaced an earlier exit (exit, then keep,
-- then exit) starts a fresh checklist: the contract is read again, the client told again, the
-- notice runs anew. Each step the earlier exit settled or annotated goes back to do, with what was
-- done then kept at the head of its note; the first step is this very decision, so it is done.
-- A decision that only confirms an exit in force (exit, then exit) changes nothing, nor does one
-- for a quarter before a later decision (catching up on 2026Q2 leaves 2026Q3's exit as it stands).
-- A record already closed stays closed: its end date stands until the owner reopens it.
UPDATE exit_steps
SET status = CASE WHEN step = 'record' THEN 'done' ELSE 'todo' END,
    done_on = CASE WHEN step = 'record' THEN $done_on END,
    note = 'For the earlier exit: '
        || CASE status WHEN 'done' THEN 'done ' || strftime(done_on, '%Y-%m-%d')
                       WHEN 'na' THEN 'not applicable' ELSE 'to do' END
        || coalesce('. ' || note, '')
        || CASE WHEN regexp_matches(coalesce(note, ''), '[.?!]$') THEN '' ELSE '.' END,
    updated_at = $updated_at
WHERE client_id = $client_id
  AND (status <> 'todo' OR note IS NOT NULL)
  AND NOT (step = 'close' AND status = 'done')
  AND NOT EXISTS (SELECT 1 FROM review_decisions
                  WHERE client_id = $client_id AND quarter > $quarter)
  AND coalesce((
        SELECT decision FROM review_decisions
        WHERE client_id = $client_id AND quarter <= $quarter AND decision_id <> $decision_id
        ORDER BY quarter DESC, decided_at DESC, decision_id DESC
        LIMIT 1
      ), '') <> 'exit';
