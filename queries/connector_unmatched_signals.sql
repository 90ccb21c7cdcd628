-- connector: the organizations (or, without one, the domains) of an export's rows that no client
-- answers to, with how many rows and their first line, most first, for the warning that lists them.
SELECT coalesce(client, domain_key) AS who, client IS NULL AS is_domain, count(*) AS n, min(line) AS line
FROM src_matches
WHERE client_id IS NULL
GROUP BY ALL
ORDER BY n DESC, who;
