-- connector: how many of the clients an export names are new, and how many were already in the
-- database (matched by name), for the summary.
SELECT count(*) FILTER (WHERE NOT existing) AS new, count(*) FILTER (WHERE existing) AS matched
FROM src_clients;
