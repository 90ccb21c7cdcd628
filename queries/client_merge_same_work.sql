-- clients merge (inside its transaction, after the move): the time entries of the kept client $client_id
-- that another entry of the same source holds again with the same work_key (what the export says
-- about the work, the client left out): the two clients' copies of one entry, where the tracker
-- renamed the client and both names were imported. Per source: the extra copies and their hours
-- (alike in hours, as the key holds them). Twins of one client are numbered apart and never meet here.
SELECT source, sum(n - 1) AS extra, sum((n - 1) * hours) AS extra_hours
FROM (SELECT source, count(*) AS n, any_value(hours) AS hours
      FROM time_entries
      WHERE client_id = $client_id AND work_key IS NOT NULL
      GROUP BY source, work_key
      HAVING count(*) > 1)
GROUP BY source
ORDER BY source;
