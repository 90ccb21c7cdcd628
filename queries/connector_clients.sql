-- connector (inside the write transaction): the clients the parsed export (connector_client_rows)
-- names, one row per normalised name: the name as first written, the first date (started_on for a
-- new client), and its client_id: the client of that name or alias in the database (or before an
-- import --replace emptied it: connector_clients_before_replace), else the id
-- derived from the name (connector_client_id). matches > 1 means the name is ambiguous in the
-- database; id_taken means the derived id belongs to a client of another name
-- (connector_validate_clients).
CREATE OR REPLACE TEMP TABLE src_clients AS
WITH named AS (
    SELECT client_key, arg_min(client, line) AS name, min(day) AS first_day, min(line) AS first_line
    FROM connector_client_rows
    GROUP BY client_key
),
now_known AS (
    SELECT name_key(name) AS client_key, client_id FROM client_rows
    UNION
    SELECT alias_key, client_id FROM client_aliases WHERE kind = 'name'
),
-- a client import --replace removed, named again by the export: made again under its own id,
-- where the owner's decisions, checklist, letter and facts wait for it; only a name one client
-- had and none has now (two of one name made a client of its own before the replace too)
known AS (
    SELECT * FROM now_known
    UNION ALL
    SELECT client_key, min(client_id)
    FROM clients_before_replace
    WHERE client_key NOT IN (SELECT client_key FROM now_known WHERE client_key IS NOT NULL)
    GROUP BY client_key
    HAVING count(DISTINCT client_id) = 1
),
existing AS (
    SELECT client_key, min(client_id) AS client_id, count(*) AS matches,
           string_agg(client_id, ', ' ORDER BY client_id) AS ids
    FROM known
    GROUP BY ALL
)
SELECT n.client_key, n.name, n.first_day, n.first_line,
       coalesce(x.client_id, connector_client_id(n.client_key)) AS client_id,
       -- an alias outlives its client (the owner's, kept through a --replace that removed the
       -- client): its rows bring the client back under the alias's id, never land on no client
       x.client_id IS NOT NULL AND x.client_id IN (SELECT client_id FROM client_rows) AS existing,
       coalesce(x.matches, 0) AS matches,
       x.ids,
       x.client_id IS NULL
           AND EXISTS (SELECT 1 FROM client_rows c WHERE c.client_id = connector_client_id(n.client_key)) AS id_taken
FROM named n
LEFT JOIN existing x USING (client_key);
