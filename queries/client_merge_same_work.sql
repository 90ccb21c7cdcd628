-- clients merge (inside its transaction, before the move): the time entries of the client merged
-- ($old_id) that the kept one ($new_id) has too from the same source with the same work_key (what
-- the export says about the work, the client left out): one piece of work imported under both
-- names, where the tracker renamed the client. Per source: those entries and their hours (alike in
-- hours, as the key holds them).
SELECT a.source, count(*) AS n, sum(a.hours) AS hours
FROM time_entries a
WHERE a.client_id = $old_id
  AND a.work_key IS NOT NULL
  AND EXISTS (SELECT 1 FROM time_entries b
              WHERE b.client_id = $new_id AND b.source = a.source AND b.work_key = a.work_key)
GROUP BY a.source
ORDER BY a.source;
