-- app: the day the first client (not one marked "not a client") started, for a date before it:
-- the portfolio then has nobody to score, and says when there is someone. NULL: no client at all.
SELECT min(started_on) FROM clients WHERE NOT ignored;
