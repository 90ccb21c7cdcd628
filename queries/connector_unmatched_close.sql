-- connector: for each organization an export names that no client answers to, the client whose
-- name, read loosely (connector_loose), is closest to it where it is close enough to be a typo or
-- a shortening ("Cherry Creek Yogo", "Mile Hi Realty": Jaro-Winkler 0.9 or more), for the warning
-- to name. Ties go to the name first in order, so the same file says the same every run.
SELECT u.who, arg_max(c.name, (s, c.name)) AS close
FROM (SELECT DISTINCT client AS who FROM src_matches WHERE client_id IS NULL AND client IS NOT NULL) u
CROSS JOIN (SELECT name FROM clients WHERE NOT ignored) c
CROSS JOIN LATERAL (
    SELECT jaro_winkler_similarity(connector_loose(u.who), connector_loose(c.name)) AS s
) j
WHERE j.s >= 0.9
GROUP BY u.who;
