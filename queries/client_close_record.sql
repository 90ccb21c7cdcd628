-- The exit checklist's "close the record": the owner's end date for the client, kept apart from what
-- imports say (client_facts), so no import can erase it.
INSERT OR REPLACE INTO client_facts (client_id, fact, value, recorded_at)
VALUES ($client_id, 'ended_on', CAST(CAST($ended_on AS DATE) AS VARCHAR), $recorded_at);
