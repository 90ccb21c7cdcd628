-- A fact the owner records about a client (ended_on, notice_days, referred_by, industry, domain,
-- ignored): it wins over what imports say, and no import touches it.
INSERT OR REPLACE INTO client_facts (client_id, fact, value, recorded_at)
VALUES ($client_id, $fact, $value, $recorded_at);
