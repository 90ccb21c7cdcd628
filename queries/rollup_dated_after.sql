-- Whether a time entry or message of the quarter holding $as_of is dated after it (the rollups keep
-- each client's last date in each quarter). When none is, that quarter's rollup rows hold exactly
-- what reading its raw rows up to $as_of gives, and scoring reads them instead: scoring as of today
-- reads no raw time entry, and raw messages only for the settings' patterns, unless something is
-- dated after today.
WITH p AS (SELECT year(CAST($as_of AS DATE)) * 4 + quarter(CAST($as_of AS DATE)) - 1 AS qy)
SELECT EXISTS (SELECT 1 FROM rollup_time r, p WHERE r.qy = p.qy AND r.last_date > CAST($as_of AS DATE))
       OR EXISTS (SELECT 1 FROM rollup_interactions r, p
                  WHERE r.qy = p.qy AND r.last_at >= CAST($as_of AS DATE) + INTERVAL 1 DAY) AS dated_after;
