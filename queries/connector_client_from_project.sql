-- connector: the projects that named the client of a time export's entries (the Client empty or
-- missing, or --client-from project), with how many entries each, most first, and whether the
-- project made a client new to the database (one that matched a client you have needs no merge,
-- nor one that matched a client import --replace removed and made again: matches counts both),
-- for the summary.
SELECT e.project, count(*) AS entries, bool_or(c.matches = 0) AS made_new
FROM src_entries e
JOIN src_clients c USING (client_key)
WHERE e.skip IS NULL AND e.from_project
GROUP BY e.project
ORDER BY count(*) DESC, e.project;
