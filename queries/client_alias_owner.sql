-- Who already goes by a name: a client of that name, with that alias, or with that client_id (which
-- the command line finds first), name_key compared.
SELECT client_id, 'name' AS how FROM client_rows WHERE name_key(name) = name_key($alias)
UNION ALL
SELECT client_id, 'alias' FROM client_aliases WHERE kind = 'name' AND alias_key = name_key($alias)
UNION ALL
SELECT client_id, 'id' FROM client_rows WHERE name_key(client_id) = name_key($alias)
UNION ALL  -- an id merged into a client still finds it
SELECT client_id, 'id' FROM client_aliases WHERE kind = 'id' AND name_key(alias_key) = name_key($alias)
ORDER BY 1;
