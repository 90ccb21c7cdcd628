-- The correction form: one client's facts as imports gave them (client_rows), with the name of the
-- referrer in force (the clients view, where the owner's facts win).
SELECT r.client_id, r.name,
       r.notice_days AS imported_notice_days, r.referred_by AS imported_referred_by,
       r.industry AS imported_industry, r.domain AS imported_domain,
       CAST(r.ended_on AS VARCHAR) AS imported_ended_on,
       -- the start imports say: a clients file's, or the first day an export shows, the earlier
       CAST(CASE WHEN r.seen_from < r.started_on THEN r.seen_from ELSE r.started_on END AS VARCHAR)
           AS imported_started_on,
       c.started_on, c.start_known,
       (SELECT x.name FROM clients x WHERE x.client_id = c.referred_by) AS referrer_name
FROM client_rows r
JOIN clients c USING (client_id)
WHERE r.client_id = $client_id;
