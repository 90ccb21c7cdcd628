-- The clients the owner marked "not a client" (kept, never scored), by name: the app lists them so
-- one can be scored again.
SELECT client_id, name
FROM clients
WHERE ignored
ORDER BY name, client_id;
