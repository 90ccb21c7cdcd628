-- `health-tui clients`: every client with where its rows came from (rows per source, over the four
-- history tables), the other names and ids it is known by, and its web domain; $all includes "not a
-- client" ones.
WITH rows_by_source AS (
    SELECT client_id, source, count(*) AS n FROM (
        SELECT client_id, source FROM time_entries
        UNION ALL SELECT client_id, source FROM invoices
        UNION ALL SELECT client_id, source FROM interactions
        UNION ALL SELECT client_id, source FROM feedback
    )
    GROUP BY ALL
),
per_client AS (
    SELECT client_id, list(struct_pack(source := source, n := n) ORDER BY source) AS sources,
           sum(n) AS total
    FROM rows_by_source
    GROUP BY client_id
),
aliases AS (
    SELECT client_id,
           list(alias ORDER BY alias) FILTER (WHERE kind = 'name') AS names,
           list(alias ORDER BY alias) FILTER (WHERE kind = 'id') AS ids
    FROM client_aliases
    GROUP BY client_id
)
SELECT c.client_id, c.name, c.source AS made_by, c.started_on, c.ended_on, c.ignored,
       coalesce(p.sources, []) AS sources, coalesce(p.total, 0) AS total_rows,
       coalesce(a.names, []) AS alias_names, coalesce(a.ids, []) AS merged_ids, c."domain"
FROM clients c
LEFT JOIN per_client p USING (client_id)
LEFT JOIN aliases a USING (client_id)
WHERE $all OR NOT c.ignored
ORDER BY name_key(c.name), c.client_id;
