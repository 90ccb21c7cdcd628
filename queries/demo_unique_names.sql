-- demo: one name is one client (imports find clients by name), so a name drawn twice gets a number
-- from its second client on: "Harbor Dental", "Harbor Dental (2)". Compared as imports compare names.
UPDATE demo_profile
SET name = demo_profile.name || ' (' || d.k || ')'
FROM (SELECT n, row_number() OVER (PARTITION BY name_key(name) ORDER BY n) AS k FROM demo_profile) d
WHERE demo_profile.n = d.n AND d.k > 1;
