-- Re-pointing clients, after the referrals: no client is its own referrer, whatever an import said
-- about the client merged into it.
UPDATE client_rows SET referred_by = NULL
WHERE referred_by = client_id
  AND client_id IN (SELECT new_id FROM client_moves);
