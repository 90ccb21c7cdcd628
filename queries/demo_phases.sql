-- demo: one or two rows per client (TEMP demo_phase): the behaviour parameters in force over a date range.
-- Phase 1 runs from started_on; phase 2, for situations whose relationship changed recently (loyal then
-- irritated in the review quarter, the hater's last five quarters, the struggling client's last five
-- months, the drifter's last eight, the last four of the client in hard times), runs from the
-- profile's late_from to the end. A dormant client has no phase 2: nothing
-- happens after late_from. The event queries cross these rows with days.
--   hpm: hours per month; rev/meet/sup/adm: share of entries (hence of hours) per activity, the rest is
--   delivery; *_nb: chance such an entry is non-billable (admin never is billable); sent: mean sentiment;
--   fb_lo..fb_hi: quarterly feedback score; pay_lo..pay_hi: days paid after the due date (negative: early);
--   *_q: events per 91-day quarter; social_n/staff_n: how many of a quarter's complaints are public /
--   name a member of staff; nitpick: complaints are exact small defects; after_hours: share of urgent
--   requests sent 21:00-23:30 or at weekends; vague: revision requests say nothing actionable;
--   contact: how much of the usual everyday contact there is (the drifter goes quiet); hardship:
--   urgent requests say the client is going through a hard time (the words the scoring looks for);
--   fb_lo NULL: no feedback answered.
CREATE OR REPLACE TEMP TABLE demo_phase AS
WITH
params (situation, phase, hpm, rev, meet, sup, adm, rev_nb, sup_nb, meet_nb, sent, fb_lo, fb_hi,
        pay_lo, pay_hi, complaint_q, social_n, staff_n, nitpick, praise_q, escal_q, escal_ch,
        urgent_q, after_hours, scope_q, revreq_q, vague, contact, hardship) AS (
    VALUES
    ('champion',            1, 60, 0.05, 0.10, 0.05, 0.03, 0.3, 0.5, 0.0,  0.75, 9, 10,  0,  3,
     0.20, 0, 0, false, 3.0, 0.00, 'letter', 0.25, 0.0, 0.25, 0.5, false, 1.0, false),
    ('steady',              1, 40, 0.08, 0.10, 0.05, 0.03, 0.3, 0.5, 0.0,  0.20, 7,  8,  0, 10,
     0.25, 0, 0, false, 0.5, 0.00, 'letter', 0.25, 0.0, 0.25, 1.0, false, 1.0, false),
    ('extreme_critic',      1, 40, 0.12, 0.10, 0.05, 0.03, 0.3, 0.5, 0.0,  0.05, 6,  7, -5,  0,
     3.50, 0, 0, true,  1.0, 0.00, 'letter', 0.25, 0.0, 0.50, 2.0, false, 1.0, false),
    ('loyal_now_irritated', 1, 70, 0.05, 0.10, 0.05, 0.03, 0.3, 0.5, 0.0,  0.70, 9,  9, -5,  0,
     0.20, 0, 0, false, 2.0, 0.00, 'letter', 0.25, 0.0, 0.25, 0.5, false, 1.0, false),
    ('loyal_now_irritated', 2, 70, 0.25, 0.10, 0.05, 0.03, 0.3, 0.5, 0.0, -0.50, 4,  4, -5,  0,
     2.00, 0, 0, false, 0.0, 1.00, 'letter', 0.50, 0.0, 0.50, 3.0, false, 1.0, false),
    ('active_hater',        1, 25, 0.10, 0.10, 0.05, 0.03, 0.3, 0.5, 0.0, -0.10, 5,  6, 10, 25,
     1.00, 0, 0, false, 0.0, 0.00, 'email',  0.50, 0.0, 0.50, 1.0, false, 1.0, false),
    ('active_hater',        2, 25, 0.12, 0.10, 0.05, 0.03, 0.3, 0.5, 0.0, -0.70, 1,  3, 20, 40,
     3.00, 1, 1, false, 0.0, 1.00, 'email',  0.50, 0.0, 0.50, 1.0, false, 1.0, false),
    ('problem_client',      1, 35, 0.15, 0.12, 0.22, 0.08, 0.6, 1.0, 0.0, -0.20, 4,  6, 45, 60,
     1.50, 0, 0, false, 0.0, 0.25, 'email',  7.00, 1.0, 3.00, 2.0, false, 1.0, false),
    ('never_satisfied',     1, 30, 0.52, 0.10, 0.05, 0.03, 0.5, 0.5, 0.0, -0.20, 4,  5, -5,  0,
     1.50, 0, 0, false, 0.0, 0.00, 'letter', 0.25, 0.0, 0.50, 7.0, true, 1.0, false),
    ('underpriced',         1, 60, 0.06, 0.10, 0.05, 0.03, 0.3, 0.5, 0.0,  0.70, 9,  9, -5,  0,
     0.25, 0, 0, false, 2.0, 0.00, 'letter', 0.25, 0.0, 0.50, 0.5, false, 1.0, false),
    ('small_referrer',      1,  7, 0.06, 0.10, 0.05, 0.03, 0.3, 0.5, 0.0,  0.40, 8,  8,  0,  5,
     0.10, 0, 0, false, 1.0, 0.00, 'letter', 0.00, 0.0, 0.00, 0.25, false, 1.0, false),
    ('struggling',          1, 45, 0.07, 0.10, 0.05, 0.03, 0.3, 0.5, 0.0,  0.30, 8,  8,  0,  5,
     0.00, 0, 0, false, 0.5, 0.00, 'letter', 0.10, 0.0, 0.25, 0.5, false, 1.0, false),
    ('struggling',          2, 22, 0.07, 0.10, 0.05, 0.03, 0.3, 0.5, 0.0,  0.00, 7,  7, 30, 50,
     0.00, 0, 0, false, 0.0, 0.00, 'letter', 1.00, 0.0, 0.00, 0.5, false, 1.0, false),
    ('new',                 1, 20, 0.05, 0.10, 0.05, 0.03, 0.3, 0.5, 0.0,  0.50, 8,  8,  0,  5,
     0.00, 0, 0, false, 0.5, 0.00, 'letter', 0.00, 0.0, 0.25, 0.5, false, 1.0, false),
    ('former',              1, 40, 0.08, 0.10, 0.05, 0.03, 0.3, 0.5, 0.0,  0.20, 7,  8,  0, 10,
     0.25, 0, 0, false, 0.5, 0.00, 'letter', 0.25, 0.0, 0.25, 1.0, false, 1.0, false),
    ('dormant',             1, 30, 0.08, 0.10, 0.05, 0.03, 0.3, 0.5, 0.0,  0.30, 7,  8,  0, 10,
     0.25, 0, 0, false, 0.5, 0.00, 'letter', 0.25, 0.0, 0.25, 1.0, false, 1.0, false),
    ('drifting',            1, 30, 0.06, 0.10, 0.05, 0.03, 0.3, 0.5, 0.0,  0.50, 8, 10,  0,  5,
     0.00, 0, 0, false, 1.0, 0.00, 'letter', 0.25, 0.0, 0.25, 0.5, false, 1.0, false),
    ('drifting',            2,  4, 0.06, 0.10, 0.05, 0.03, 0.3, 0.5, 0.0,  0.40, NULL, NULL, 0, 5,
     0.00, 0, 0, false, 0.0, 0.00, 'letter', 0.00, 0.0, 0.00, 0.0, false, 0.1, false),
    ('hard_times',          1, 40, 0.06, 0.10, 0.05, 0.03, 0.3, 0.5, 0.0,  0.50, 9,  9,  0,  3,
     0.00, 0, 0, false, 1.0, 0.00, 'letter', 0.25, 0.0, 0.25, 0.5, false, 1.0, false),
    ('hard_times',          2, 35, 0.06, 0.10, 0.05, 0.03, 0.3, 0.5, 0.0,  0.20, 6,  7, 30, 50,
     0.00, 0, 0, false, 0.0, 0.00, 'letter', 2.00, 0.0, 0.00, 0.5, false, 1.0, true)
),
ranged AS (
    SELECT pr.n, pr.client_id, pr.situation, pr.rate, pr.lead, pr.second, pr.third,
           pr.v_hours, pr.v_events, pr.v_shares, ph.*  EXCLUDE (situation),
           CASE WHEN ph.phase = 1 THEN pr.started_on ELSE pr.late_from END AS d_from,
           CASE WHEN ph.phase = 1 AND pr.late_from IS NOT NULL THEN pr.late_from - 1
                ELSE pr.end_eff END AS d_to
    FROM demo_profile pr
    JOIN params ph ON ph.situation = pr.situation AND (ph.phase = 1 OR pr.late_from IS NOT NULL)
),
scaled AS (
    SELECT * REPLACE (
               hpm * v_hours AS hpm,
               least(0.7, rev * v_shares) AS rev,
               meet::DOUBLE AS meet, sup::DOUBLE AS sup, adm::DOUBLE AS adm,
               rev_nb::DOUBLE AS rev_nb, sup_nb::DOUBLE AS sup_nb, meet_nb::DOUBLE AS meet_nb,
               sent::DOUBLE AS sent, escal_q::DOUBLE AS escal_q, after_hours::DOUBLE AS after_hours,
               complaint_q * v_events AS complaint_q,
               praise_q * v_events AS praise_q,
               urgent_q * v_events AS urgent_q,
               scope_q * v_events AS scope_q,
               revreq_q * v_events AS revreq_q),
           -- Expected time entries per weekday (two slots a day at most) and the mean hours of one.
           least(1.6, greatest(0.12, hpm * v_hours / 36.0)) AS per_day
    FROM ranged
    WHERE d_from <= d_to
)
SELECT *,
       least(per_day, 0.97) AS p_slot0,
       greatest(per_day - 0.97, 0) AS p_slot1,
       hpm / (21.74 * per_day) AS mean_hours,
       -- Ordinary requests and calls per weekday: about 1.6 a week for a 40 h/month client.
       contact * (0.8 + hpm / 50.0) / 5.0 AS p_request
FROM scaled
ORDER BY n, phase;
