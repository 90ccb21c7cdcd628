-- The exit checklist's "close the record": the owner's end date for the client, kept apart from what
-- imports say (client_facts), so no import can erase it. An end date the owner already gave (the
-- client screen's Ended on, `clients end`) stays: closing the record did not overwrite it, and
-- un-ticking, which takes back only the date the step set, then erased it.
INSERT INTO client_facts (client_id, fact, value, recorded_at)
VALUES ($client_id, 'ended_on', CAST(CAST($ended_on AS DATE) AS VARCHAR), $recorded_at)
ON CONFLICT (client_id, fact) DO UPDATE SET value = excluded.value, recorded_at = excluded.recorded_at
WHERE client_facts.value IS NULL;  -- "still a client", the owner's too, gives way to the close
