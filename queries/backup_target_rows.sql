-- restore: how much the database already holds, as its clients and the owner's records (facts,
-- aliases, decisions, checklist steps, letters, notes); a restore goes only into a database that
-- holds none of it (or just the demo).
SELECT (SELECT count(*) FROM client_rows) AS clients,
       (SELECT count(*) FROM client_facts) + (SELECT count(*) FROM client_aliases)
     + (SELECT count(*) FROM review_decisions) + (SELECT count(*) FROM exit_steps)
     + (SELECT count(*) FROM exit_letters) + (SELECT count(*) FROM client_notes) AS records;
