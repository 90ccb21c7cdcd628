-- demo: one feedback score every 91 days, counted back from the client's last day (so each 91-day quarter
-- before $as_of holds exactly one while the client is active), scored within the range of the phase in
-- force that day; about half carry a comment that fits the score.
INSERT INTO feedback (client_id, date, score, comment, source, source_key)
WITH
anchored AS (
    SELECT pr.n, pr.client_id, pr.started_on, pr.end_eff,
           (2 + floor(least(60, greatest(1, pr.end_eff - pr.started_on - 15))
                      * demo_u($seed, pr.n, 0, 'feedback.offset')))::INTEGER AS back
    FROM demo_profile pr
),
dates AS (
    SELECT a.n, a.client_id, a.end_eff - (a.back + 91 * q.k)::INTEGER AS d
    FROM anchored a, range(13) q(k)
    WHERE a.end_eff - (a.back + 91 * q.k)::INTEGER >= a.started_on + 14
),
scored AS (
    SELECT dt.client_id, dt.d,
           (p.fb_lo + floor((p.fb_hi - p.fb_lo + 1)
               * demo_u($seed, dt.n, dt.d - DATE '1970-01-01', 'feedback.score')))::INTEGER AS score,
           demo_u($seed, dt.n, dt.d - DATE '1970-01-01', 'feedback.comment') AS u_comment
    FROM dates dt
    JOIN demo_phase p ON p.n = dt.n AND dt.d BETWEEN p.d_from AND p.d_to
    WHERE p.fb_lo IS NOT NULL  -- a phase without feedback: no survey answered
)
SELECT client_id, d AS date, score,
       CASE WHEN u_comment >= 0.5 THEN NULL
            WHEN score >= 9 THEN $fb_high[1 + floor(len($fb_high) * u_comment * 2)::BIGINT]
            WHEN score >= 7 THEN $fb_mid[1 + floor(len($fb_mid) * u_comment * 2)::BIGINT]
            WHEN score >= 5 THEN $fb_low[1 + floor(len($fb_low) * u_comment * 2)::BIGINT]
            ELSE $fb_bad[1 + floor(len($fb_bad) * u_comment * 2)::BIGINT] END AS comment,
       'demo' AS source, client_id AS source_key
FROM scored
ORDER BY client_id, date;
