-- demo: the clients themselves, straight from the profiles.
INSERT INTO clients (client_id, name, started_on, ended_on, referred_by, industry, notice_days)
SELECT client_id, name, started_on, ended_on, referred_by, industry, notice_days
FROM demo_profile
ORDER BY n;
