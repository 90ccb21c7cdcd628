-- demo and restore: what the owner recorded on the demo portfolio, which a new demo or a restore would
-- replace. `never_demo`: what the demo never writes (notes, facts, aliases, letters, entries logged
-- in the app); `decided`: review decisions and checklist steps, some of which the demo writes (the
-- caller compares with the count the demo left, the setting demo_decided).
SELECT (SELECT count(*) FROM client_notes) + (SELECT count(*) FROM client_facts)
     + (SELECT count(*) FROM client_aliases) + (SELECT count(*) FROM exit_letters)
     + (SELECT count(*) FROM interactions WHERE source = 'app')
     + (SELECT count(*) FROM feedback WHERE source = 'app') AS never_demo,
       (SELECT count(*) FROM review_decisions) + (SELECT count(*) FROM exit_steps) AS decided;
