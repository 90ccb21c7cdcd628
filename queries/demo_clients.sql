-- demo: the clients themselves, straight from the profiles.
INSERT INTO client_rows (client_id, name, started_on, ended_on, referred_by, industry, notice_days, source)
SELECT client_id, name, started_on, ended_on, referred_by, industry, notice_days, 'demo'
FROM demo_profile
ORDER BY n;
