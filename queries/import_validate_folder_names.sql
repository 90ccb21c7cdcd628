-- import (inside the write transaction): names the folder would give to two clients, as (line,
-- column, reason): two clients of the folder with one name (case, accents and spacing aside), or a
-- folder client named like a client an earlier folder brought under another id (or like one of its
-- aliases). One name is one client: imports find clients by name.
WITH f AS (
    SELECT line, client_id, name, name_key(name) AS k,
           min(line) OVER (PARTITION BY name_key(name)) AS first_line
    FROM stg_clients
    WHERE name IS NOT NULL
),
listed AS (
    SELECT client_id FROM folder_clients
),
known AS (
    SELECT r.client_id, name_key(r.name) AS k, 'the name' AS what
    FROM client_rows r WHERE r.source IN ('folder', 'demo')
    UNION ALL
    SELECT a.client_id, a.alias_key, 'an alias (' || import_show(a.alias) || ')'
    FROM client_aliases a JOIN client_rows r USING (client_id)
    WHERE a.kind = 'name' AND r.source IN ('folder', 'demo')
),
problems (line, k, col, reason) AS (
    SELECT line, 1, 'name', 'same name as line ' || first_line || ': two clients cannot share a name'
    FROM f WHERE line > first_line
    UNION ALL
    SELECT f.line, 2, 'name', import_show(f.name) || ' is already ' || arg_min(n.what, (n.what <> 'the name', n.what)) || ' of client '
           || import_show(n.client_id) || ', which an earlier folder brought; list that client_id, '
           || 'or rename one of them'
    FROM f
    JOIN known n ON n.k = f.k
    JOIN folder_clients fc ON fc.folder_id = f.client_id
    WHERE n.client_id <> fc.client_id AND n.client_id NOT IN (SELECT client_id FROM listed)
    GROUP BY f.line, f.name, n.client_id
)
SELECT line, col AS "column", reason FROM problems ORDER BY line, k;
