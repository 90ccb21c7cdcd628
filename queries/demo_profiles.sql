-- demo: one row per synthetic client (TEMP demo_profile): who they are, when they were a client and what
-- situation they are in. Clients 1-15 are the planted situations, always present; the rest are drawn from
-- a weighted mix and vary the planted numbers by +-20% so each stays recognisable.
-- Every pseudo-random choice is demo_u($seed, client number, index, tag): the same inputs give the same rows.
-- Dates: history starts three years before $as_of; nothing is dated after $as_of.
CREATE OR REPLACE TEMP TABLE demo_profile AS
WITH
kinds (situation, planted_no, weight, tenure_lo, tenure_hi, planted_tenure,
       rate_lo, rate_hi, planted_rate, late_days, unpaid_last, ended_lo, ended_hi, planted_ended) AS (
    -- late_days: the last phase (a changed relationship) covers the last late_days days up to $as_of.
    -- unpaid_last: that many of the latest past-due invoices are left unpaid.
    -- A dormant client's history simply stops late_days days before $as_of (no second phase).
    VALUES
    ('champion',             1, 0.12, 1000, 1095, 1080, 120, 140, 130, NULL, 0, NULL, NULL, NULL),
    ('steady',               2, 0.55,  730, 1095,  913,  90, 105,  95, NULL, 0, NULL, NULL, NULL),
    ('extreme_critic',       3, 0.05,  600,  860,  730,  95, 105, 100, NULL, 0, NULL, NULL, NULL),
    ('loyal_now_irritated',  4, 0.03, 1095, 1095, 1095, 120, 140, 130,   91, 0, NULL, NULL, NULL),
    ('active_hater',         5, 0.02,  600,  860,  730,  75,  95,  85,  455, 0, NULL, NULL, NULL),
    ('problem_client',       6, 0.03,  440,  660,  548,  75,  85,  80, NULL, 3, NULL, NULL, NULL),
    ('never_satisfied',      7, 0.03,  300,  430,  365,  85,  95,  90, NULL, 0, NULL, NULL, NULL),
    ('underpriced',          8, 0.06,  730, 1095,  913,  45,  58,  50, NULL, 0, NULL, NULL, NULL),
    ('small_referrer',       9, 0.00, 1060, 1095, 1095,  90, 100,  95, NULL, 0, NULL, NULL, NULL),
    ('struggling',          10, 0.03, 1000, 1095, 1080,  90, 110, 100,  152, 0, NULL, NULL, NULL),
    ('new',                 11, 0.04,   20,   80,   45,  85, 115, 100, NULL, 0, NULL, NULL, NULL),
    ('former',              12, 0.04,  580,  880,  730,  90, 105,  95, NULL, 0,   30,  540,  200),
    ('dormant',             13, 0.00,  900, 1095, 1000,  90, 105,  95,  240, 0, NULL, NULL, NULL),
    ('drifting',            14, 0.00,  900, 1095, 1000,  95, 110, 100,  240, 0, NULL, NULL, NULL),
    ('hard_times',          15, 0.00,  900, 1095, 1000,  95, 110, 100,  120, 1, NULL, NULL, NULL)
),
mix AS (
    -- Cumulative weights: a client whose draw falls in [w_from, w_to) gets that situation.
    SELECT situation,
           sum(weight) OVER (ORDER BY planted_no) - weight AS w_from,
           sum(weight) OVER (ORDER BY planted_no) AS w_to
    FROM kinds
    WHERE weight > 0
),
nums AS (
    SELECT (r.i + 1)::INTEGER AS n,
           r.i < (SELECT max(planted_no) FROM kinds) AS planted,
           demo_u($seed, r.i + 1, 0, 'situation') AS u_sit
    FROM range(CAST($n AS BIGINT)) r(i)
),
drawn AS (
    SELECT nums.n, nums.planted,
           coalesce(planted_kind.situation, mixed.situation, 'steady') AS situation
    FROM nums
    LEFT JOIN kinds planted_kind ON nums.planted AND planted_kind.planted_no = nums.n
    LEFT JOIN mix mixed ON NOT nums.planted AND nums.u_sit >= mixed.w_from AND nums.u_sit < mixed.w_to
),
dated AS (
    SELECT d.n, d.planted, d.situation, k.unpaid_last, k.late_days,
           ($as_of - INTERVAL 3 YEAR)::DATE AS history_start,
           CASE WHEN d.planted THEN k.planted_tenure
                ELSE round(k.tenure_lo + (k.tenure_hi - k.tenure_lo) * demo_u($seed, d.n, 0, 'tenure'))
           END::INTEGER AS tenure,
           CASE WHEN k.ended_lo IS NULL THEN NULL
                WHEN d.planted THEN $as_of - k.planted_ended::INTEGER
                ELSE $as_of - round(k.ended_lo + (k.ended_hi - k.ended_lo)
                                    * demo_u($seed, d.n, 0, 'ended'))::INTEGER
           END AS ended_on,
           CASE WHEN d.planted THEN k.planted_rate
                ELSE round(k.rate_lo + (k.rate_hi - k.rate_lo) * demo_u($seed, d.n, 0, 'rate'))
           END::DOUBLE AS rate,
           CASE WHEN d.planted THEN 1.0 ELSE 0.8 + 0.4 * demo_u($seed, d.n, 0, 'v.hours') END AS v_hours,
           CASE WHEN d.planted THEN 1.0 ELSE 0.8 + 0.4 * demo_u($seed, d.n, 0, 'v.events') END AS v_events,
           CASE WHEN d.planted THEN 1.0 ELSE 0.8 + 0.4 * demo_u($seed, d.n, 0, 'v.shares') END AS v_shares
    FROM drawn d
    JOIN kinds k USING (situation)
),
base AS (
    SELECT x.*,
           greatest(x.history_start, coalesce(x.ended_on, $as_of) - x.tenure) AS started_on,
           coalesce(x.ended_on, $as_of) AS end_eff,
           printf('CL-%04d', x.n) AS client_id,
           -- Background referrals: about one client in eight was referred by an earlier client number.
           CASE WHEN x.n IN (1, 4) THEN 9
                WHEN NOT x.planted AND demo_u($seed, x.n, 0, 'referred') < 0.12
                THEN 1 + floor((x.n - 1) * demo_u($seed, x.n, 0, 'referrer'))::INTEGER
           END AS referrer_no
    FROM dated x
),
named AS (
    SELECT b.*,
           demo_u($seed, b.n, 0, 'name.pattern') AS u_pattern,
           1 + floor(len($places) * demo_u($seed, b.n, 0, 'name.place'))::BIGINT AS i_place,
           1 + floor(len($trades) * demo_u($seed, b.n, 0, 'name.trade'))::BIGINT AS i_trade,
           1 + floor(len($firms) * demo_u($seed, b.n, 0, 'name.firm'))::BIGINT AS i_firm,
           floor(len($surnames) * demo_u($seed, b.n, 0, 'name.surname1'))::BIGINT AS i_sur1,
           floor((len($surnames) - 1) * demo_u($seed, b.n, 0, 'name.surname2'))::BIGINT AS i_sur2_step,
           floor(len($staff) * demo_u($seed, b.n, 0, 'team'))::BIGINT AS i_team,
           demo_u($seed, b.n, 0, 'notice') AS u_notice
    FROM base b
)
SELECT nm.n, nm.client_id, nm.situation, nm.planted,
       CASE WHEN nm.u_pattern < 0.45 THEN $places[nm.i_place] || ' ' || $trades[nm.i_trade]
            WHEN nm.u_pattern < 0.75
            THEN $surnames[1 + nm.i_sur1] || ' & '
                 || $surnames[1 + (nm.i_sur1 + 1 + nm.i_sur2_step) % len($surnames)]
                 || ' ' || $firms[nm.i_firm]
            ELSE $surnames[1 + nm.i_sur1] || ' ' || $trades[nm.i_trade]
       END AS name,
       CASE WHEN nm.u_pattern >= 0.45 AND nm.u_pattern < 0.75 THEN $firm_industries[nm.i_firm]
            ELSE $trade_industries[nm.i_trade]
       END AS industry,
       nm.started_on,
       nm.ended_on,
       nm.end_eff,
       CASE WHEN nm.late_days IS NOT NULL
            THEN greatest(nm.started_on, $as_of - (nm.late_days - 1)::INTEGER)
       END AS late_from,
       CASE WHEN nm.n IN (1, 4) OR ref.started_on < nm.started_on THEN ref.client_id END AS referred_by,
       CASE WHEN nm.u_notice < 0.10 THEN 14 WHEN nm.u_notice < 0.70 THEN 30
            WHEN nm.u_notice < 0.90 THEN 60 ELSE 90 END AS notice_days,
       nm.rate, nm.unpaid_last, nm.v_hours, nm.v_events, nm.v_shares,
       $staff[1 + nm.i_team] AS lead,
       $staff[1 + (nm.i_team + 1) % len($staff)] AS second,
       $staff[1 + (nm.i_team + 2) % len($staff)] AS third
FROM named nm
LEFT JOIN base ref ON ref.n = nm.referrer_no
ORDER BY nm.n;
