-- Re-pointing clients: a "referred by" the owner recorded that names a moved client names the kept one.
UPDATE client_facts SET value = m.new_id
FROM client_moves m
WHERE client_facts.fact = 'referred_by' AND client_facts.value = m.old_id;
