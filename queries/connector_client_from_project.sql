-- connector: the projects that named the client of a time export's entries (the Client empty or
-- missing, or --client-from project), with how many entries each, most first, for the summary.
SELECT project, count(*) AS entries
FROM src_entries
WHERE skip IS NULL AND from_project
GROUP BY project
ORDER BY count(*) DESC, project;
