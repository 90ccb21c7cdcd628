-- connector (inside the write transaction): a client already in the database whose export shows work
-- (or an invoice) before its started_on starts then instead; started_on never moves later.
UPDATE clients
SET started_on = s.first_day
FROM src_clients s
WHERE s.existing AND clients.client_id = s.client_id AND s.first_day < clients.started_on;
