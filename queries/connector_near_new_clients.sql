-- connector (inside the write transaction, before the new clients are written): the export's new
-- clients whose name, read loosely (connector_loose), is another new client's of the same file,
-- written first: "Acme Retail, Inc." on one line and "Acme Retail Inc" on another made two clients
-- with half the hours each (connector_near_clients compares with the clients already there). Not
-- merged: said, with the command that merges them. Each later name with the first, in file order.
SELECT s.name, arg_min(o.name, o.first_line) AS first
FROM src_clients s
JOIN src_clients o
  ON connector_loose(o.client_key) = connector_loose(s.client_key) AND o.first_line < s.first_line
 -- two names of one client already (a name and its alias) are no news
 AND o.client_id <> s.client_id
WHERE NOT s.existing AND NOT o.existing AND connector_loose(s.client_key) <> ''
GROUP BY s.name, s.first_line
ORDER BY s.first_line;
