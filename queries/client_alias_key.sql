-- Clients: the key an alias would be stored under (name_key); NULL for one of spaces and invisible
-- characters only, which no name could match.
SELECT name_key($alias);
