-- The clients a scoring as of $as_of will list (the same rows as facts_clients: started by then, not
-- ignored), with only what the clients table holds: the portfolio shows them at once while scoring.
SELECT client_id, name, ended_on IS NULL OR ended_on > $as_of AS active
FROM clients
WHERE started_on <= $as_of AND NOT ignored
ORDER BY client_id;
