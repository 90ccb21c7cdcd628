-- Re-pointing clients, after the referrals: a client merged into the one that referred it would now
-- name itself as its referrer (its referral value would be its own revenue); that fact goes.
DELETE FROM client_facts
WHERE fact = 'referred_by' AND value = client_id
  AND client_id IN (SELECT new_id FROM client_moves);
