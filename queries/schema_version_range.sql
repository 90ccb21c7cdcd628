-- What schema_version holds: health-tui writes one positive version per applied migration.
SELECT count(*) AS n, count(*) - count(version) AS missing, min(version) AS lowest,
       max(version) AS highest
FROM schema_version;
