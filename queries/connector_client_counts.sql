-- connector: how many of the clients an export names are new, and how many were already in the
-- database (matched by name), for the summary; two names of one client count once.
SELECT count(DISTINCT client_id) FILTER (WHERE NOT existing) AS new,
       count(DISTINCT client_id) FILTER (WHERE existing) AS matched
FROM src_clients;
