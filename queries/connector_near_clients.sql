-- connector (inside the write transaction, before the new clients are written): the export's new
-- clients whose name, read loosely (connector_loose), is a client's already there: "Acme Retail,
-- Inc." and "Acme Retail Inc", "Castell and Ross" and "Castell & Ross"; or begins with it, or it
-- with the new one, word for word (connector_loose_words: "Brightside Dental" and "Brightside
-- Dental Practice", where the shorter has two words at least: "Acme" and "Acme Retail" may be two
-- clients). Not merged: said, with the command that merges them. Each new name with the existing
-- client's, in file order. Compared within the same first letters, so a large import is no cross
-- join.
WITH s AS (
    SELECT name, first_line, connector_loose(client_key) AS k,
           connector_loose_words(client_key) AS w
    FROM src_clients
    WHERE NOT existing AND connector_loose(client_key) <> ''
),
c AS (
    SELECT name, connector_loose(name) AS k, connector_loose_words(name) AS w FROM client_rows
)
SELECT s.name, min(c.name) AS existing
FROM s
JOIN c ON left(c.k, 3) = left(s.k, 3)
WHERE c.k = s.k
   OR (starts_with(s.w, c.w || ' ') AND c.w LIKE '% %')
   OR (starts_with(c.w, s.w || ' ') AND s.w LIKE '% %')
GROUP BY s.name, s.first_line
ORDER BY s.first_line;
