-- Finding a client the owner named on the command line or in the app: its id exactly, else its name
-- or one of its aliases compared as imports compare names (name_key: case, accents and spacing
-- aside), else an id it was merged under; its id in another case (NORTHWIND for northwind) only
-- when nothing else answers (`by_case`), so it never makes a name that was unique ambiguous.
-- Every match, so an ambiguous name can list them.
SELECT client_id, name, ignored, NOT named AS by_case
FROM (
    SELECT DISTINCT c.client_id, c.name, c.ignored,
           c.client_id = $text
           OR name_key(c.name) = name_key($text)
           OR c.client_id IN (SELECT client_id FROM client_aliases
                              WHERE (kind = 'name' AND alias_key = name_key($text))
                                 OR (kind = 'id' AND alias_key = $text)) AS named
    FROM clients c
)
WHERE named OR lower(client_id) = lower($text)
ORDER BY (client_id = $text) DESC, client_id;
