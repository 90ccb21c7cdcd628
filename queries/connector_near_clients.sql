-- connector (inside the write transaction, before the new clients are written): the export's new
-- clients whose name, read loosely (connector_loose), is a client's already there: "Acme Retail,
-- Inc." and "Acme Retail Inc", "Castell and Ross" and "Castell & Ross". Not merged: said, with the
-- command that merges them. Each new name with the existing client's, in file order.
SELECT s.name, min(c.name) AS existing
FROM src_clients s
JOIN client_rows c ON connector_loose(c.name) = connector_loose(s.client_key)
WHERE NOT s.existing AND connector_loose(s.client_key) <> ''
GROUP BY s.name, s.first_line
ORDER BY s.first_line;
