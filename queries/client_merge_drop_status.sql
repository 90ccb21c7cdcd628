-- Clients, merge (inside its transaction, before the moves): OTHER's own status is not KEEP's. Marked
-- "not a client", or given an end date (or "no end date"), it would have moved to KEEP as any fact
-- does: an active client merged with one marked not a client was no longer scored. Left behind and
-- said: what goes, as (fact, value).
DELETE FROM client_facts
WHERE client_id = $old_id AND fact IN ('ignored', 'ended_on')
RETURNING fact, value;
