-- Re-pointing clients, last: the moved clients' own rows go (everything they had now belongs to the
-- kept client).
DELETE FROM client_rows WHERE client_id IN (SELECT old_id FROM client_moves);
