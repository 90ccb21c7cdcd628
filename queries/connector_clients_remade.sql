-- connector, import --replace: of the clients the export names that are not in the database as it
-- will be written (src_clients, not existing), how many were there before the replace emptied it
-- (connector_clients_before_replace), by id or by name: made again, not new.
SELECT count(DISTINCT s.client_id) AS remade  -- two names of one client are one client
FROM src_clients s
WHERE NOT s.existing
  AND EXISTS (
      SELECT 1 FROM clients_before_replace b
      WHERE b.client_id = s.client_id OR b.client_key = s.client_key
  );
