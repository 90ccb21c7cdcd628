-- One row per client with everything the scoring rules need, as of $as_of.
--
-- 1. Each history table is read once, grouped by client and calendar quarter (qi = 0 for the quarter
--    holding $as_of, 1 for the one before, ...); nothing dated after $as_of counts.
-- 2. A dense grid of $nq quarters per client (a quiet quarter is a zero, not a gap) with the months
--    each quarter overlapped the relationship.
-- 3. Recency windows: quarter k's health reads quarters k, k+1, ... weighted $window_quarter_weights.
--    Each quarter is read as it stood at its own end (an invoice paid later was still unpaid then),
--    so a past quarter's health is the same whatever later date the portfolio is scored as of.
-- 4. Health components 0-100 per quarter (README, "How scores are computed"), their coverage (the
--    share of the weight that has data) and health as the weighted mean of the components with
--    data; no health where coverage is below $min_coverage or the client was dormant.
-- 5. One row per client: the current quarter's components and the previous quarter's, health per
--    shown quarter (a list, newest first), the features the archetype rules read, 12-month and
--    lifetime figures, the last dates anything happened, engagement against the same quarters a
--    year earlier and the client's usual quarter, and the client's own words of a hard time; the
--    cost and billable value of the last four quarters' time where the entries carry amounts (a
--    client with no invoice in those quarters has its revenue estimated from the billable value, where
--    every billable hour has an amount).
-- Every constant of the formulas is a bound parameter from the settings (health_tui/formula.py).
WITH
p AS MATERIALIZED (
    SELECT CAST($as_of AS DATE) AS as_of,
           year(CAST($as_of AS DATE)) * 4 + quarter(CAST($as_of AS DATE)) - 1 AS q0,
           -- the first day of the oldest quarter read: older time and messages do not count
           CAST(date_trunc('quarter', CAST($as_of AS DATE)) - to_months(CAST(3 * ($nq - 1) AS INTEGER)) AS DATE)
               AS window_start,
           -- the review quarter is complete when $as_of is its last day
           CAST($as_of AS DATE) = CAST(date_trunc('quarter', CAST($as_of AS DATE)) + INTERVAL 3 MONTH
                                       - INTERVAL 1 DAY AS DATE) AS q0_complete,
           CAST($window_quarter_weights AS DOUBLE[]) AS wts,
           -- quarters before this one are read from the rollups, the rest from the raw rows
           year(CAST($live_from AS DATE)) * 4 + quarter(CAST($live_from AS DATE)) - 1 AS live_qy,
           -- the last two quarters: where the client's own words of a hard time are looked for
           CAST(date_trunc('quarter', CAST($as_of AS DATE)) - INTERVAL 3 MONTH AS DATE) AS recent_start,
           -- the first day of the last four quarters (the 12-month figures)
           CAST(date_trunc('quarter', CAST($as_of AS DATE)) - INTERVAL 9 MONTH AS DATE) AS year_start
),
-- Time and messages by client and quarter: quarters before $live_from from the rollups the writes
-- keep (queries/migrate_007.sql), the rest from the raw rows through the same macros. $live_from is
-- the start of the quarter holding $as_of when something in it is dated after $as_of, else the next
-- quarter's (queries/rollup_dated_after.sql; health_tui/scoring/facts.py live_from).
te_q AS MATERIALIZED (
    SELECT r.* FROM rollup_time r, p WHERE r.qy < p.live_qy
    UNION ALL
    SELECT * FROM time_quarters(CAST($live_from AS DATE), CAST($as_of AS DATE), CAST(NULL AS VARCHAR[]))
),
te AS MATERIALIZED (
    SELECT t.client_id,
           p.q0 - t.qy AS qi,
           sum(t.hours)::DOUBLE AS hours,
           sum(t.h_delivery)::DOUBLE AS h_delivery, sum(t.h_revision)::DOUBLE AS h_revision,
           sum(t.h_meeting)::DOUBLE AS h_meeting, sum(t.h_support)::DOUBLE AS h_support,
           sum(t.h_admin)::DOUBLE AS h_admin, sum(t.h_nonbillable)::DOUBLE AS h_nonbillable,
           -- the entries' own money (a Harvest export's Cost Amount and Billable Amount), converted
           -- like invoices; NULL where no entry has any, and the hours that have no cost amount
           sum(t.cost_amount::DOUBLE * t.cost_rate) AS cost,
           sum(t.h_uncosted)::DOUBLE AS h_uncosted,
           sum(t.h_unpriced)::DOUBLE AS h_unpriced,
           sum(t.billable_amount::DOUBLE * t.rate) AS billed_value
    FROM (SELECT *,
                 CASE WHEN amount_currency IS NULL OR amount_currency = $currency THEN 1.0
                      ELSE map_extract_value(MAP($rate_codes::VARCHAR[], $rate_values::DOUBLE[]), amount_currency)
                 END AS rate,
                 -- a cost in a currency of its own (Harvest's, in the account's): converted as such
                 CASE WHEN cost_currency IS NULL THEN rate
                      WHEN cost_currency = $currency THEN 1.0
                      ELSE map_extract_value(MAP($rate_codes::VARCHAR[], $rate_values::DOUBLE[]), cost_currency)
                 END AS cost_rate
          FROM te_q) t, p
    WHERE t.qy BETWEEN p.q0 - ($nq - 1) AND p.q0
    GROUP BY ALL
),
inv AS (
    -- Invoices in the portfolio's currency ($currency; $rate_codes/$rate_values convert the others,
    -- and scoring refuses to start while one has no rate). A credit note (a negative amount) counts
    -- against revenue in its issue quarter and is settled when issued: never due, late or unpaid.
    -- A payment its export gave no day for (assumed) counts as paid, and how late as not known;
    -- but one an earlier export showed unpaid on or after its due day (unpaid_on) was late at
    -- least until the day after: its days late are counted to its assumed day, the first it may
    -- have been paid on (bound_paid). An invoice still unpaid on record, imported before the day
    -- scored (seen_on), is as it was then (stale): overdue then, late to that day at least and
    -- unpaid as last seen; not overdue yet then, whether it was paid since is not known.
    SELECT client_id, issued_on,
           CASE WHEN amount < 0 THEN NULL ELSE due_on END AS due_on,
           CASE WHEN amount < 0 THEN issued_on ELSE paid_on END AS paid_on,
           -- (bound: paid after the day an export showed it unpaid, on or after its due day; the
           -- paid part of an invoice paid in part carries the same export's day, and was paid by it)
           amount >= 0 AND coalesce(paid_on_assumed, false)
               AND coalesce(unpaid_on >= due_on AND paid_on > unpaid_on, false) AS bound_paid,
           amount >= 0 AND coalesce(paid_on_assumed, false) AND NOT bound_paid AS assumed,
           amount >= 0 AND paid_on IS NULL AND coalesce(seen_on < CAST($as_of AS DATE), false) AS stale,
           stale AND due_on < seen_on AS seen_overdue,  -- overdue when it was last imported
           seen_on,
           -- the day its lateness is counted to: paid, or where it was overdue when last imported,
           -- that day
           CASE WHEN seen_overdue THEN seen_on WHEN amount < 0 THEN issued_on ELSE paid_on END
               AS late_to,
           -- an exact decimal, so that sums of amounts are the same whatever order they are added in
           CASE WHEN currency IS NULL OR currency = $currency THEN CAST(amount AS DECIMAL(38, 6))
                ELSE CAST(amount::DOUBLE * map_extract_value(MAP($rate_codes::VARCHAR[], $rate_values::DOUBLE[]), currency)
                          AS DECIMAL(38, 6))
           END AS amount
    FROM invoices
),
inv_raw AS MATERIALIZED (
    -- Invoices are bucketed by issue quarter (revenue), by due quarter (punctuality) and by the
    -- quarter they were paid in (NULL: not paid on as_of), so that each quarter's payment score can
    -- read them as they stood at that quarter's end.
    SELECT i.client_id,
           p.q0 - (year(i.issued_on) * 4 + quarter(i.issued_on) - 1) AS qi_issued,
           CASE WHEN i.due_on <= p.as_of
                THEN p.q0 - (year(i.due_on) * 4 + quarter(i.due_on) - 1) END AS qi_due,
           -- the quarter its lateness ends in: paid, or a stale one's last day seen
           CASE WHEN i.late_to <= p.as_of
                THEN p.q0 - (year(i.late_to) * 4 + quarter(i.late_to) - 1) END AS qi_paid,
           i.assumed,
           -- paid by as_of on a day not known: out of how late (neither late nor on time)
           i.assumed AND coalesce(i.paid_on <= p.as_of, false) AS undated,
           -- fell due since the import last showing it unpaid: out of how late, and of unpaid
           i.stale AND NOT i.seen_overdue AND i.due_on <= p.as_of AS unseen,
           -- overdue when last seen: unpaid as then, its days late counted to that day at least
           i.seen_overdue AS stale,
           (i.bound_paid AND i.paid_on <= p.as_of) OR i.seen_overdue AS bound,
           CASE WHEN i.seen_overdue THEN i.seen_on END AS seen_on,
           -- due on the last day its quarter is read to: not yet overdue at that quarter's end
           i.due_on = least(p.as_of, CAST(date_trunc('quarter', i.due_on) + INTERVAL 3 MONTH
                                          - INTERVAL 1 DAY AS DATE)) AS due_at_end,
           count(*) AS n_invoices,
           sum(i.amount) AS invoiced,
           coalesce(sum(i.amount) FILTER (WHERE i.paid_on <= p.as_of), 0) AS paid,
           count(*) FILTER (WHERE i.due_on <= p.as_of) AS n_due,
           coalesce(sum(greatest(0, date_diff('day', i.due_on,
                    CASE WHEN i.late_to <= p.as_of THEN i.late_to ELSE p.as_of END)))
                    FILTER (WHERE i.due_on <= p.as_of), 0) AS days_late_sum,
           -- days from due date to as_of: a quarter's end is a known number of days before as_of
           coalesce(sum(date_diff('day', i.due_on, p.as_of)) FILTER (WHERE i.due_on <= p.as_of), 0)
               AS due_age_sum,
           coalesce(sum(i.amount) FILTER (WHERE i.due_on <= p.as_of), 0) AS due_amount,
           coalesce(sum(i.amount) FILTER (WHERE i.due_on < p.as_of
                    AND (i.paid_on IS NULL OR i.paid_on > p.as_of)), 0) AS unpaid_overdue,
           count(*) FILTER (WHERE i.due_on < p.as_of
                    AND (i.paid_on IS NULL OR i.paid_on > p.as_of)) AS n_unpaid_overdue
    FROM inv i, p
    WHERE i.issued_on <= p.as_of
    GROUP BY ALL
),
inv_issued AS (
    SELECT client_id, qi_issued AS qi, sum(n_invoices) AS n_invoices, sum(invoiced) AS invoiced,
           sum(paid) AS paid
    FROM inv_raw GROUP BY ALL
),
-- how late an invoice was paid, where its payment has a day of its own (paid on a day not known:
-- neither late nor on time; still unpaid on as_of: late by then)
inv_due AS (
    SELECT client_id, qi_due AS qi, sum(n_due) AS n_due, sum(days_late_sum) AS days_late_sum
    FROM inv_raw WHERE qi_due IS NOT NULL AND NOT undated AND NOT unseen GROUP BY ALL
),
ia_q AS MATERIALIZED (
    SELECT r.* FROM rollup_interactions r, p WHERE r.qy < p.live_qy
    UNION ALL
    SELECT * FROM interaction_quarters(CAST($live_from AS DATE), CAST($as_of AS DATE), CAST(NULL AS VARCHAR[]))
),
-- Complaints naming the agency's staff ($staff_pattern, a setting): read from the raw complaints.
staff AS (
    SELECT x.client_id, p.q0 - (year(x."at") * 4 + quarter(x."at") - 1) AS qi, count(*) AS staff_complaints
    FROM interactions x, p
    WHERE x.kind IN ('complaint', 'escalation')
      AND x."at" >= p.window_start AND x."at" < p.as_of + INTERVAL 1 DAY
      AND regexp_matches(lower(x.note), $staff_pattern)
    GROUP BY ALL
),
ia AS MATERIALIZED (
    SELECT x.client_id, p.q0 - x.qy AS qi,
           x.n_interactions, x.complaints, x.escalations, x.letters, x.public_complaints,
           coalesce(s.staff_complaints, 0) AS staff_complaints,
           x.urgent,
           -- demands outside office hours ($friction_office_opens..closes), and at weekends if counted:
           -- demand_hours maps hour h of a weekday to its count, of a weekend day h + 24; a day
           -- with no time of day is 48 (a weekday: never late) or 49 (a weekend day)
           coalesce(list_sum(list_transform(map_entries(x.demand_hours), lambda e:
               CASE WHEN e.key = 48 THEN 0
                    WHEN e.key >= 24 AND $friction_weekends_after_hours THEN e.value
                    WHEN e.key = 49 THEN 0
                    WHEN e.key % 24 < $friction_office_opens OR e.key % 24 >= $friction_office_closes THEN e.value
                    ELSE 0 END)), 0) AS after_hours,
           x.scope_changes, x.revision_requests, x.praise, x.sentiment_sum::DOUBLE AS sentiment_sum,
           x.sentiment_n
    FROM ia_q x
    CROSS JOIN p
    LEFT JOIN staff s ON s.client_id = x.client_id AND s.qi = p.q0 - x.qy
    WHERE x.qy BETWEEN p.q0 - ($nq - 1) AND p.q0
),
fb AS MATERIALIZED (
    SELECT f.client_id,
           p.q0 - (year(f.date) * 4 + quarter(f.date) - 1) AS qi,
           sum(f.score) AS score_sum,
           count(*) AS score_n,
           max(f.date) AS fb_last
    FROM feedback f, p
    WHERE f.date BETWEEN p.window_start AND p.as_of
    GROUP BY ALL
),
grid AS (
    SELECT c.client_id, c.started_on, g.qi,
           CAST(date_trunc('quarter', p.as_of) - to_months(CAST(3 * g.qi AS INTEGER)) AS DATE) AS q_start,
           -- months of quarter qi the relationship covered (the review quarter only up to as_of), as
           -- an exact decimal: sums of them are the same whatever order the threads add them in
           CAST(greatest(0, date_diff('day',
               greatest(CAST(date_trunc('quarter', p.as_of) - to_months(CAST(3 * g.qi AS INTEGER)) AS DATE),
                        c.started_on),
               least(CAST(date_trunc('quarter', p.as_of) - to_months(CAST(3 * g.qi - 3 AS INTEGER))
                          - INTERVAL 1 DAY AS DATE),
                     coalesce(c.ended_on, p.as_of), p.as_of)) + 1) / 30.44 AS DECIMAL(18, 12)) AS months
    FROM clients c, p, range(CAST($nq AS BIGINT)) AS g(qi)
    WHERE c.started_on <= p.as_of  -- a client who has not started yet is not in this review
      AND NOT c.ignored  -- "not a client" (the agency's own time): kept, never scored
),
q AS MATERIALIZED (
    SELECT grid.client_id, grid.qi, grid.months, grid.started_on, grid.q_start,
           coalesce(te.hours, 0) AS hours, coalesce(te.h_revision, 0) AS h_revision,
           coalesce(te.h_nonbillable, 0) AS h_nonbillable,
           coalesce(ii.invoiced, 0) AS invoiced,
           coalesce(id.n_due, 0) AS n_due, coalesce(id.days_late_sum, 0) AS days_late_sum,
           coalesce(ia.n_interactions, 0) AS n_interactions,
           coalesce(ia.complaints, 0) + coalesce(ia.escalations, 0) AS complaints,
           coalesce(ia.revision_requests, 0) AS revision_requests, coalesce(ia.praise, 0) AS praise,
           coalesce(ia.sentiment_sum, 0) AS sentiment_sum, coalesce(ia.sentiment_n, 0) AS sentiment_n,
           coalesce(fb.score_sum, 0) AS score_sum, coalesce(fb.score_n, 0) AS score_n, fb.fb_last,
           -- anything at all happened: work, an invoice, a message, a feedback score
           coalesce(te.hours, 0) > 0 OR coalesce(ii.n_invoices, 0) > 0 OR coalesce(ia.n_interactions, 0) > 0
               OR coalesce(fb.score_n, 0) > 0 AS busy,
           coalesce($friction_complaint * ia.complaints + $friction_escalation * ia.escalations
                    + $friction_letter * ia.letters + $friction_public * ia.public_complaints
                    + $friction_staff * ia.staff_complaints + $friction_urgent * ia.urgent
                    + $friction_after_hours * ia.after_hours + $friction_scope_change * ia.scope_changes
                    + $friction_revision_request * ia.revision_requests, 0)::DOUBLE AS friction_points,
           -- satisfaction parts of this quarter on its own, the basis of the trend
           CASE WHEN fb.score_n > 0 THEN 10.0 * fb.score_sum / fb.score_n END AS fb_part,
           CASE WHEN ia.sentiment_n > 0 THEN 50.0 * (ia.sentiment_sum / ia.sentiment_n + 1) END AS tone_part,
           CASE WHEN ia.praise + ia.complaints + ia.escalations > 0
                THEN 100.0 * (ia.praise + 1) / (ia.praise + ia.complaints + ia.escalations + 2) END AS praise_part
    FROM grid
    LEFT JOIN te USING (client_id, qi)
    LEFT JOIN inv_issued ii USING (client_id, qi)
    LEFT JOIN inv_due id USING (client_id, qi)
    LEFT JOIN ia USING (client_id, qi)
    LEFT JOIN fb USING (client_id, qi)
),
-- The trend's baseline: the quarters before, where they hold at least $min_signals things the
-- client said of their satisfaction (one praise in a year is no baseline to move from; nor are
-- routine messages with no tone): feedback scores, and messages with a tone or praising or
-- complaining (the larger of the two counts: one message may be both). Like is compared with
-- like: each part of this quarter's satisfaction (feedback, tone, praise against complaints)
-- against the mean of the same part in the quarters before, where they hold $min_signals of its
-- kind (one complaint a year ago is no baseline for praise), weighted as satisfaction weighs
-- them, and only the parts both sides have. One mildly positive message this quarter against a
-- year of feedback scores read "trend -7": two kinds of evidence, no trend. base_kinds says
-- which kinds the quarters before hold enough of (1 feedback, 2 tone, 4 praise against
-- complaints, added), for the reason that asks for them: a small number, as a list carried
-- through every client's quarters cost the query 7%.
alone AS MATERIALIZED (
    SELECT *,
           CAST(coalesce(sum(greatest(sentiment_n, praise + complaints) + score_n) OVER earlier, 0) AS BIGINT)
               AS baseline_said,
           CASE WHEN baseline_said >= $min_signals THEN
               (coalesce($satisfaction_feedback * (fb_part - fb_base), 0)
                + coalesce($satisfaction_tone * (tone_part - tone_base), 0)
                + coalesce($satisfaction_praise * (praise_part - praise_base), 0))
               / nullif($satisfaction_feedback * (fb_part IS NOT NULL AND fb_base IS NOT NULL)::INT
                        + $satisfaction_tone * (tone_part IS NOT NULL AND tone_base IS NOT NULL)::INT
                        + $satisfaction_praise * (praise_part IS NOT NULL AND praise_base IS NOT NULL)::INT, 0)
           END AS sat_delta,
           ((fb_base IS NOT NULL)::INT + 2 * (tone_base IS NOT NULL)::INT
            + 4 * (praise_base IS NOT NULL)::INT)::UTINYINT AS base_kinds
    FROM (
    SELECT *,
           ($satisfaction_feedback * coalesce(fb_part, 0) + $satisfaction_tone * coalesce(tone_part, 0)
            + $satisfaction_praise * coalesce(praise_part, 0))
           / nullif($satisfaction_feedback * (fb_part IS NOT NULL)::INT
                    + $satisfaction_tone * (tone_part IS NOT NULL)::INT
                    + $satisfaction_praise * (praise_part IS NOT NULL)::INT, 0) AS sat_alone,
           CASE WHEN sum(score_n) OVER earlier >= $min_signals THEN avg(fb_part) OVER earlier END
               AS fb_base,
           CASE WHEN sum(sentiment_n) OVER earlier >= $min_signals THEN avg(tone_part) OVER earlier END
               AS tone_base,
           CASE WHEN sum(praise + complaints) OVER earlier >= $min_signals
                THEN avg(praise_part) OVER earlier END AS praise_base
    FROM q
    WINDOW earlier AS (PARTITION BY client_id ORDER BY qi
                       ROWS BETWEEN 1 FOLLOWING AND $window_trend_quarters FOLLOWING)
    )
    WINDOW earlier AS (PARTITION BY client_id ORDER BY qi
                       ROWS BETWEEN 1 FOLLOWING AND $window_trend_quarters FOLLOWING)
),
-- Quarter k's recency window: quarters k, k+1, ... weighted by $window_quarter_weights. Each weighted
-- figure is added as an exact decimal (DECIMAL(38, 12)): a sum of doubles depends on the order the
-- threads add them in, and the same data must give the same figures to the last digit every run.
win AS (
    SELECT k.client_id, k.qi,
           any_value(k.months) AS own_months,
           any_value(k.sat_alone) AS sat_alone,
           any_value(k.sat_delta) AS sat_delta,
           any_value(k.base_kinds) AS base_kinds,
           any_value(k.baseline_said) AS baseline_said,
           any_value(k.complaints) AS own_complaints,
           sum(w.n_interactions) AS contacts,
           -- what the client said in the window, counted: messages and feedback scores
           (sum(w.n_interactions) + sum(w.score_n))::BIGINT AS signals,
           CAST(sum(CAST(w.wt * w.months AS DECIMAL(38, 12))) AS DOUBLE) AS months,
           CAST(sum(CAST(w.wt * w.hours AS DECIMAL(38, 12))) AS DOUBLE) AS hours,
           CAST(sum(CAST(w.wt * w.h_revision AS DECIMAL(38, 12))) AS DOUBLE) AS h_revision,
           CAST(sum(CAST(w.wt * w.h_nonbillable AS DECIMAL(38, 12))) AS DOUBLE) AS h_nonbillable,
           CAST(sum(CAST(w.wt * w.invoiced AS DECIMAL(38, 12))) AS DOUBLE) AS invoiced,
           CAST(sum(CAST(w.wt * w.friction_points AS DECIMAL(38, 12))) AS DOUBLE) AS friction_points,
           CAST(sum(CAST(w.wt * w.revision_requests AS DECIMAL(38, 12))) AS DOUBLE) AS revision_requests,
           CAST(sum(CAST(w.wt * w.praise AS DECIMAL(38, 12))) AS DOUBLE) AS praise,
           CAST(sum(CAST(w.wt * w.complaints AS DECIMAL(38, 12))) AS DOUBLE) AS complaints,
           CAST(sum(CAST(w.wt * w.sentiment_sum AS DECIMAL(38, 12))) AS DOUBLE) AS sentiment_sum,
           CAST(sum(CAST(w.wt * w.sentiment_n AS DECIMAL(38, 12))) AS DOUBLE) AS sentiment_n,
           CAST(sum(CAST(w.wt * w.score_sum AS DECIMAL(38, 12))) AS DOUBLE) AS score_sum,
           CAST(sum(CAST(w.wt * w.score_n AS DECIMAL(38, 12))) AS DOUBLE) AS score_n,
           max(w.fb_last) AS fb_last
    FROM alone k
    JOIN (SELECT alone.*, d.lag, p.wts[d.lag + 1] AS wt
          FROM alone, p, range(CAST(len(CAST($window_quarter_weights AS DOUBLE[])) AS BIGINT)) AS d(lag)) w
      ON w.client_id = k.client_id AND w.qi = k.qi + w.lag
    WHERE k.qi < $shown
    GROUP BY k.client_id, k.qi
),
-- Punctuality in quarter k's window as it stood at the end of quarter k ("back_days" before as_of):
-- an invoice paid after that end was still unpaid and late by then.
ends AS (
    SELECT g.k, date_diff('day', e.end_k, p.as_of) AS back_days, e.end_k
    FROM p, range(CAST($shown AS BIGINT)) AS g(k),
         LATERAL (SELECT least(p.as_of, CAST(date_trunc('quarter', p.as_of) - to_months(CAST(3 * g.k - 3 AS INTEGER))
                                             - INTERVAL 1 DAY AS DATE)) AS end_k) e
),
pay_win AS (
    -- (an invoice paid by quarter k's end on a day not known counts in neither)
    SELECT r.client_id, e.k AS qi,
           CAST(sum(CAST(p.wts[r.qi_due - e.k + 1]
               * CASE WHEN r.assumed AND r.qi_paid >= e.k THEN 0 ELSE r.n_due END
               AS DECIMAL(38, 12))) AS DOUBLE) AS n_due,
           CAST(sum(CAST(p.wts[r.qi_due - e.k + 1]
               * CASE WHEN r.qi_paid >= e.k AND r.assumed THEN 0
                      WHEN r.qi_paid >= e.k THEN r.days_late_sum
                      ELSE r.due_age_sum - r.n_due * e.back_days END AS DECIMAL(38, 12))) AS DOUBLE) AS days_late_sum,
           CAST(sum(CAST(p.wts[r.qi_due - e.k + 1]
               * CASE WHEN (r.qi_paid IS NULL OR r.qi_paid < e.k OR r.stale) AND (r.qi_due > e.k OR NOT r.due_at_end)
                      THEN r.due_amount ELSE 0 END AS DECIMAL(38, 12))) AS DOUBLE) AS unpaid_overdue
    FROM inv_raw r, p, ends e
    WHERE r.qi_due BETWEEN e.k AND e.k + len(p.wts) - 1 AND NOT r.unseen
    GROUP BY ALL
),
-- Dormant in quarter k: nothing at all in the last $dormant_quarters full quarters up to k's end
-- (an incomplete review quarter is checked too), for a client who was already a client then.
dormancy AS (
    SELECT k.client_id, k.qi,
           bool_and(NOT w.busy) AND any_value(k.started_on) <= min(w.q_start) AS dormant
    FROM q k
    CROSS JOIN p
    JOIN q w ON w.client_id = k.client_id
            AND w.qi BETWEEN k.qi AND k.qi + $dormant_quarters - 1
                                      + CASE WHEN k.qi = 0 AND NOT p.q0_complete THEN 1 ELSE 0 END
    WHERE k.qi < $shown
    GROUP BY k.client_id, k.qi
),
parts AS (
    SELECT win.*, d.dormant,
           coalesce(pw.n_due, 0) AS n_due,
           CASE WHEN score_n > 0 THEN score_sum / score_n END AS feedback,
           -- an old score says little about today: feedback's weight halves every half-life
           pow(0.5, date_diff('day', fb_last, en.end_k) / $satisfaction_feedback_half_life_days) AS fresh,
           CASE WHEN sentiment_n > 0 THEN sentiment_sum / sentiment_n END AS tone,
           -- no contact in the window is no evidence of low friction
           CASE WHEN contacts > 0 AND months > 0 THEN friction_points / months END AS friction_rate,
           CASE WHEN pw.n_due > 0 THEN pw.days_late_sum / pw.n_due END AS days_late,
           CASE WHEN invoiced > 0 THEN least(1.0, coalesce(pw.unpaid_overdue, 0) / invoiced) ELSE 0 END
               AS unpaid_share,
           CASE WHEN hours > 0 THEN h_revision / hours END AS revision_share,
           CASE WHEN hours > 0 THEN h_nonbillable / hours END AS nonbillable_share,
           CASE WHEN months > 0 THEN revision_requests / months ELSE 0 END AS rr_per_month
    FROM win
    JOIN dormancy d USING (client_id, qi)
    JOIN ends en ON en.k = win.qi
    LEFT JOIN pay_win pw USING (client_id, qi)
),
comp AS (
    SELECT client_id, qi, own_months, dormant, sat_alone, baseline_said, base_kinds, own_complaints, signals, feedback, tone, praise, complaints,
           friction_rate, days_late, revision_share, nonbillable_share, rr_per_month,
           round(sat_delta, 4) AS trend_delta,
           -- feedback older than its half-life, with nothing else the client said, is no evidence
           -- of today's satisfaction (its halved weight cancels out when it stands alone): no data
           CASE WHEN tone IS NOT NULL OR praise + complaints > 0 OR fresh >= 0.5 THEN
           round(($satisfaction_feedback * coalesce(fresh * 10 * feedback, 0) + $satisfaction_tone * coalesce(50 * (tone + 1), 0)
                  + $satisfaction_praise
                    * CASE WHEN praise + complaints > 0 THEN 100 * (praise + 1) / (praise + complaints + 2) ELSE 0 END)
                 / nullif($satisfaction_feedback * coalesce(fresh, 0) + $satisfaction_tone * (tone IS NOT NULL)::INT
                          + $satisfaction_praise * (praise + complaints > 0)::INT, 0), 4) END AS satisfaction,
           round(100 * exp(-friction_rate / $friction_scale), 4) AS friction,
           round(CASE WHEN days_late IS NOT NULL
                      THEN $payment_late_share * 100 * exp(-days_late / $payment_late_days_scale)
                           + (1 - $payment_late_share) * 100 * (1 - unpaid_share) END, 4) AS payment,
           round(CASE WHEN hours > 0
                      THEN greatest(0, least(100,
                               100 - $scope_revision_penalty * greatest(0, revision_share - $scope_revision_allowance)
                                   - $scope_nonbillable_penalty * greatest(0, nonbillable_share - $scope_nonbillable_allowance)
                                   - $scope_revision_request_penalty * rr_per_month)) END, 4) AS scope,
           round(CASE WHEN sat_delta IS NOT NULL
                      THEN greatest(0, least(100, $trend_steady + $trend_slope * sat_delta)) END, 4)
               AS trend
    FROM parts
),
health AS (
    SELECT *,
           round(($w_satisfaction * (satisfaction IS NOT NULL)::INT + $w_friction * (friction IS NOT NULL)::INT
                  + $w_payment * (payment IS NOT NULL)::INT + $w_scope * (scope IS NOT NULL)::INT
                  + $w_trend * (trend IS NOT NULL)::INT)
                 / ($w_satisfaction + $w_friction + $w_payment + $w_scope + $w_trend), 4) AS coverage,
           CASE WHEN own_months > 0 AND NOT dormant THEN
               round(($w_satisfaction * coalesce(satisfaction, 0) + $w_friction * coalesce(friction, 0)
                      + $w_payment * coalesce(payment, 0) + $w_scope * coalesce(scope, 0)
                      + $w_trend * coalesce(trend, 0))
                     / nullif($w_satisfaction * (satisfaction IS NOT NULL)::INT
                              + $w_friction * (friction IS NOT NULL)::INT
                              + $w_payment * (payment IS NOT NULL)::INT + $w_scope * (scope IS NOT NULL)::INT
                              + $w_trend * (trend IS NOT NULL)::INT, 0), 4)
           END AS raw_health
    FROM comp
),
scored AS MATERIALIZED (
    SELECT * EXCLUDE (raw_health),
           -- a score built on one or two things the client said is a guess, not a health
           CASE WHEN coverage >= $min_coverage AND signals >= $min_signals THEN raw_health END AS health
    FROM health
),
-- The quarter "now" stands for: the review quarter, or a former client's last quarter as a client.
cur AS (
    SELECT client_id,
           coalesce(min(qi) FILTER (WHERE own_months > 0), 0) AS current_k,
           list(health ORDER BY qi) AS q_health,
           count(*) FILTER (WHERE sat_alone < $archetypes_hater_bad_quarter) AS bad_quarters,
           count(*) FILTER (WHERE own_complaints > 0) AS complaint_quarters
    FROM scored
    GROUP BY client_id
),
-- Health in the quarters before the current one, on average.
prior AS (
    SELECT o.client_id, avg(CAST(o.health AS DECIMAL(18, 4))) AS prior_health, count(o.health) AS prior_quarters
    FROM scored o JOIN cur ON o.client_id = cur.client_id AND o.qi > cur.current_k
    GROUP BY o.client_id
),
now AS (
    SELECT cur.*,
           h.health, h.coverage, h.dormant, h.satisfaction, h.friction, h.payment, h.scope, h.trend,
           h.trend_delta, h.baseline_said, h.praise AS praise_w, h.complaints AS complaints_w, h.friction_rate,
           h.days_late AS days_late_w, h.revision_share, h.rr_per_month, h.tone AS tone_w,
           h.feedback AS feedback_w, h.signals AS signals_w,
           -- something said of satisfaction in the quarter itself (a trend may still lack one of
           -- the same kind as the quarters before)
           h.sat_alone IS NOT NULL AS said_now, h.base_kinds,
           -- the quarter before, for "why it moved"
           b.health AS prev_health, b.coverage AS prev_coverage, b.satisfaction AS prev_satisfaction,
           b.friction AS prev_friction, b.payment AS prev_payment, b.scope AS prev_scope,
           b.trend AS prev_trend,
           pr.prior_health, coalesce(pr.prior_quarters, 0) AS prior_quarters
    FROM cur
    JOIN scored h ON h.client_id = cur.client_id AND h.qi = cur.current_k
    LEFT JOIN scored b ON b.client_id = cur.client_id AND b.qi = cur.current_k + 1
    LEFT JOIN prior pr ON pr.client_id = cur.client_id
),
-- Recent against before, for the hard-patch rule: the last two quarters against the same two a
-- year earlier (so a season is not a drop) and against the four before them.
recent AS (
    SELECT client_id,
           sum(days_late_sum) FILTER (WHERE qi < 2) / nullif(sum(n_due) FILTER (WHERE qi < 2), 0) AS late_recent,
           sum(days_late_sum) FILTER (WHERE qi IN (4, 5))
               / nullif(sum(n_due) FILTER (WHERE qi IN (4, 5)), 0) AS late_year_ago,
           sum(days_late_sum) FILTER (WHERE qi BETWEEN 2 AND 5)
               / nullif(sum(n_due) FILTER (WHERE qi BETWEEN 2 AND 5), 0) AS late_before,
           sum(hours) FILTER (WHERE qi < 2) / nullif(sum(months) FILTER (WHERE qi < 2), 0) AS hours_pm_recent,
           sum(hours) FILTER (WHERE qi IN (4, 5))
               / nullif(sum(months) FILTER (WHERE qi IN (4, 5)), 0) AS hours_pm_year_ago,
           sum(hours) FILTER (WHERE qi BETWEEN 2 AND 5)
               / nullif(sum(months) FILTER (WHERE qi BETWEEN 2 AND 5), 0) AS hours_pm_before,
           CAST(sum(months) FILTER (WHERE qi < 4) AS DOUBLE) AS months_12m,
           -- engagement against itself: work, revenue and contact in the last two quarters, a year
           -- earlier, and in the client's usual month (the median of the quarters before)
           sum(hours) FILTER (WHERE qi = 0) AS hours_q0,
           sum(hours) FILTER (WHERE qi = 4) AS hours_q4,
           median(hours / months) FILTER (WHERE qi >= 2 AND months > 0) AS hours_pm_usual,
           sum(invoiced) FILTER (WHERE qi < 2) / nullif(sum(months) FILTER (WHERE qi < 2), 0) AS revenue_pm_recent,
           sum(invoiced) FILTER (WHERE qi IN (4, 5))
               / nullif(sum(months) FILTER (WHERE qi IN (4, 5)), 0) AS revenue_pm_year_ago,
           median(invoiced / months) FILTER (WHERE qi >= 2 AND months > 0) AS revenue_pm_usual,
           (sum(n_interactions + score_n) FILTER (WHERE qi < 2))::BIGINT AS contacts_recent,
           (sum(n_interactions + score_n) FILTER (WHERE qi IN (4, 5)))::BIGINT AS contacts_year_ago,
           CAST(sum(months) FILTER (WHERE qi < 2) AS DOUBLE) AS months_recent,
           CAST(sum(months) FILTER (WHERE qi IN (4, 5)) AS DOUBLE) AS months_year_ago,
           (sum(complaints) FILTER (WHERE qi < 2))::BIGINT AS complaints_recent
    FROM q
    GROUP BY client_id
),
-- The client's own words of a hard time in the last two quarters (messages, call notes, feedback
-- comments), matched like the activity words; the latest is quoted.
hard AS (
    SELECT client_id, count(*) AS hard_words,
           -- the latest, then by its words and channel: one message said twice at one time (a
           -- call and its email) is quoted with the same channel every run
           arg_max(said, (said_at, said, via)) AS hard_said,
           arg_max(via, (said_at, said, via)) AS hard_via,
           CAST(max(said_at) AS DATE) AS hard_on
    FROM (
        SELECT x.client_id, x."at" AS said_at, x.note AS said, x.channel AS via
        FROM interactions x, p
        WHERE x."at" >= p.recent_start AND x."at" < p.as_of + INTERVAL 1 DAY
          -- a loose pattern first (fast), the exact one only on what it finds, in the text's words
          -- form (words_of, queries/migrate_008.sql: see words_pattern)
          AND regexp_matches(strip_accents(lower(x.note)), $hard_times_prefilter)
          AND regexp_matches(words_of(x.note), $hard_times_pattern)
        UNION ALL
        SELECT f.client_id, CAST(f.date AS TIMESTAMP), f.comment, 'feedback'
        FROM feedback f, p
        WHERE f.date BETWEEN p.recent_start AND p.as_of
          AND regexp_matches(strip_accents(lower(f.comment)), $hard_times_prefilter)
          AND regexp_matches(words_of(f.comment), $hard_times_pattern)
    )
    GROUP BY client_id
),
-- The last four quarters (review quarter and three before) and the whole history, from the same groups.
te_sum AS (
    SELECT client_id,
           sum(hours) FILTER (WHERE qi < 4) AS hours_12m,
           sum(h_delivery) FILTER (WHERE qi < 4) AS delivery_12m,
           sum(h_revision) FILTER (WHERE qi < 4) AS revision_12m,
           sum(h_meeting) FILTER (WHERE qi < 4) AS meeting_12m,
           sum(h_support) FILTER (WHERE qi < 4) AS support_12m,
           sum(h_admin) FILTER (WHERE qi < 4) AS admin_12m,
           sum(h_nonbillable) FILTER (WHERE qi < 4) AS nonbillable_12m,
           sum(cost) FILTER (WHERE qi < 4) AS cost_12m,
           sum(h_uncosted) FILTER (WHERE qi < 4) AS uncosted_12m,
           sum(billed_value) FILTER (WHERE qi < 4) AS billable_12m,
           sum(h_unpriced) FILTER (WHERE qi < 4) AS unpriced_12m
    FROM te GROUP BY client_id
),
inv_sum AS (
    SELECT client_id,
           sum(invoiced) FILTER (WHERE qi_issued < 4) AS revenue_12m,
           sum(paid) FILTER (WHERE qi_issued < 4) AS paid_12m,
           sum(invoiced) AS lifetime_value,
           (sum(n_due) FILTER (WHERE qi_due < 4 AND NOT undated AND NOT unseen))::BIGINT AS n_due_12m,
           (sum(days_late_sum) FILTER (WHERE qi_due < 4 AND NOT undated AND NOT unseen))::BIGINT AS days_late_12m,
           (sum(n_due) FILTER (WHERE qi_due < 4 AND undated))::BIGINT AS paid_undated_12m,
           (sum(n_due) FILTER (WHERE qi_due < 4 AND unseen))::BIGINT AS unseen_12m,
           (sum(n_due) FILTER (WHERE qi_due < 4 AND bound))::BIGINT AS late_bound_12m,
           sum(unpaid_overdue) FILTER (WHERE NOT unseen) AS unpaid_overdue,
           (sum(n_unpaid_overdue) FILTER (WHERE NOT unseen))::BIGINT AS n_unpaid_overdue,
           -- the day the import showing them unpaid ran, where every invoice unpaid and overdue
           -- on record stands as it then did (the latest)
           CASE WHEN sum(n_unpaid_overdue) FILTER (WHERE NOT unseen AND seen_on IS NULL) = 0
                THEN max(seen_on) FILTER (WHERE n_unpaid_overdue > 0 AND NOT unseen) END
               AS unpaid_seen_on
    FROM inv_raw GROUP BY client_id
),
ia_sum AS (
    SELECT client_id,
           (sum(complaints) FILTER (WHERE qi = 0))::BIGINT AS complaints_q0,
           (sum(escalations) FILTER (WHERE qi = 0))::BIGINT AS escalations_q0,
           (sum(letters) FILTER (WHERE qi = 0))::BIGINT AS letters_q0,
           (sum(urgent) FILTER (WHERE qi = 0))::BIGINT AS urgent_q0,
           (sum(after_hours) FILTER (WHERE qi = 0))::BIGINT AS after_hours_q0,
           (sum(scope_changes) FILTER (WHERE qi = 0))::BIGINT AS scope_changes_q0,
           (sum(revision_requests) FILTER (WHERE qi = 0))::BIGINT AS revision_requests_q0,
           (sum(public_complaints) FILTER (WHERE qi < 4))::BIGINT AS public_12m,
           (sum(staff_complaints) FILTER (WHERE qi < 4))::BIGINT AS staff_12m,
           (sum(praise) FILTER (WHERE qi < 4))::BIGINT AS praise_12m,
           (sum(complaints + escalations) FILTER (WHERE qi < 4))::BIGINT AS complaints_12m,
           (sum(urgent + after_hours + scope_changes) FILTER (WHERE qi < 4))::BIGINT AS drain_12m,
           (sum(n_interactions) FILTER (WHERE qi < 4))::BIGINT AS messages_12m
    FROM ia GROUP BY client_id
),
fb_sum AS (
    SELECT client_id, sum(score_sum) / sum(score_n) AS feedback_12m, sum(score_n)::BIGINT AS feedback_n_12m
    FROM fb WHERE qi < 4 GROUP BY client_id
),
-- The last time anything happened, over the whole history: a dormant client's last sign of life
-- may be older than the quarters read above.
last_work AS (
    SELECT client_id, max(last_date) AS last_work FROM te_q GROUP BY ALL
),
last_invoice AS (
    SELECT i.client_id, max(i.issued_on) AS last_invoice, min(i.issued_on) AS first_invoice,
           max(i.seen_on) AS invoices_seen_on  -- the day they were last imported (migrate_014)
    FROM invoices i, p WHERE i.issued_on <= p.as_of GROUP BY ALL
),
-- The portfolio's usual rate, for a first bill that has no later one to be weighed against
-- (unbilled): the owner's target rate, or the median active client's revenue over its hours
-- where they are at least $min_hours (a two-hour job's rate is no one's usual).
ref_rate AS (
    SELECT coalesce(CAST($target_rate AS DOUBLE), median(s.revenue_12m::DOUBLE / t.hours_12m)) AS rate
    FROM inv_sum s JOIN te_sum t USING (client_id) JOIN clients c USING (client_id) CROSS JOIN p
    WHERE s.revenue_12m > 0 AND t.hours_12m > 0 AND t.hours_12m >= $min_hours
      AND (c.ended_on IS NULL OR c.ended_on > p.as_of)
),
-- A relationship begun in the last four quarters, none of whose time is older, and billed after
-- the work: its time from its last bill's day on is not billed yet, and its rate and effort
-- versus return stand on the hours billed (ClientFacts.billed_hours_12m). Billed after the work:
-- its first bill (an invoice, not a credit note) came after some of its time (however little: a
-- light first month billed in arrears, 4.75 h, left a client's rate counting the month not billed
-- yet beside others billed alike) and billed about what came before it, its amount over those
-- hours at most half again the rate of
-- all its bills over the hours before the last; where it is the only bill, at most twice the
-- usual rate, with no more than four times its hours after it. A deposit or a retainer invoiced
-- ahead after a week of discovery or onboarding bills far more than the week (it read €116/h for
-- a project billed €60/h). An older client's invoices in the window also bill time from before
-- it, which evens out. Read from the raw rows of the clients begun in the window.
bills AS (
    SELECT client_id, min(issued_on) AS first_bill, max(issued_on) AS last_bill,
           arg_min(amount, issued_on)::DOUBLE AS first_amount, sum(amount)::DOUBLE AS billed_amount
    FROM (SELECT i.client_id, i.issued_on,
                 sum(CASE WHEN i.currency IS NULL OR i.currency = $currency THEN CAST(i.amount AS DECIMAL(38, 6))
                          ELSE CAST(i.amount::DOUBLE * map_extract_value(MAP($rate_codes::VARCHAR[], $rate_values::DOUBLE[]), i.currency)
                                    AS DECIMAL(38, 6)) END) AS amount  -- converted, by day
          -- as inv converts, from the raw rows: through inv the whole query cost 4% more
          FROM invoices i, p, clients c
          WHERE i.client_id = c.client_id AND c.started_on >= p.year_start
            AND i.amount > 0 AND i.issued_on BETWEEN p.year_start AND p.as_of
            -- no time of theirs before the four quarters (a start date imported later than the work)
            AND i.client_id NOT IN (SELECT o.client_id FROM te_q o, p WHERE o.qy < p.q0 - 3)
          GROUP BY ALL)
    GROUP BY ALL
),
unbilled AS (
    SELECT t.client_id, b.last_bill,
           CAST(sum(t.hours::DECIMAL(18, 6)) FILTER (WHERE t.date >= b.last_bill) AS DOUBLE) AS hours_not_billed,
           -- their hours without a cost amount (unbilled_cost: the amounts)
           CAST(coalesce(sum(t.hours::DECIMAL(18, 6)) FILTER (WHERE t.date >= b.last_bill AND t.cost_amount IS NULL), 0)
                AS DOUBLE) AS uncosted_not_billed,
           CAST(sum(t.hours::DECIMAL(18, 6)) FILTER (WHERE t.date < b.first_bill) AS DOUBLE) AS hours_before_first_bill,
           CAST(sum(t.hours::DECIMAL(18, 6)) FILTER (WHERE t.date < b.last_bill) AS DOUBLE) AS hours_billed
    FROM time_entries t
    JOIN bills b USING (client_id)
    CROSS JOIN p
    CROSS JOIN ref_rate r
    WHERE t.date BETWEEN p.year_start AND p.as_of
    GROUP BY ALL
    HAVING hours_before_first_bill > 0 AND hours_not_billed > 0
       AND any_value(b.first_amount) / hours_before_first_bill
           <= 1.5 * any_value(b.billed_amount) / hours_billed
       -- one bill alone is weighed against nothing of its own: a deposit bills far above the
       -- usual rate, or has far more time after it than before
       AND (any_value(b.first_bill) < any_value(b.last_bill)
            OR (any_value(b.first_amount) / hours_before_first_bill <= 2 * any_value(r.rate)
                AND hours_not_billed <= 4 * hours_billed))
),
-- The cost amounts of that time, summed exactly by currency and then converted, as te's are
unbilled_cost AS (
    SELECT u.client_id,
           sum(u.cost::DOUBLE
               * CASE WHEN u.cost_currency IS NULL OR u.cost_currency = $currency THEN 1.0
                      ELSE map_extract_value(MAP($rate_codes::VARCHAR[], $rate_values::DOUBLE[]), u.cost_currency)
                 END) AS cost_not_billed
    FROM (SELECT t.client_id, coalesce(t.cost_currency, t.amount_currency) AS cost_currency,
                 sum(t.cost_amount) AS cost
          FROM time_entries t JOIN unbilled ub USING (client_id) CROSS JOIN p
          WHERE t.date >= ub.last_bill AND t.date <= p.as_of AND t.cost_amount IS NOT NULL
          GROUP BY ALL) u
    GROUP BY ALL
),
last_contact AS (
    SELECT client_id, CAST(max(last_at) AS DATE) AS last_contact FROM ia_q GROUP BY ALL
),
last_feedback AS (
    SELECT f.client_id, max(f.date) AS last_feedback,
           -- the highest score of the latest day, so that two scores on one day read the same every run
           arg_max(f.score, strftime(f.date, '%Y%m%d') || lpad(CAST(f.score AS VARCHAR), 2, '0'))
               AS last_feedback_score
    FROM feedback f, p WHERE f.date <= p.as_of GROUP BY ALL
),
referral AS (
    SELECT c.referred_by AS client_id,
           sum(coalesce(s.lifetime_value, 0)) AS referral_value,
           list(c.name ORDER BY coalesce(s.lifetime_value, 0) DESC, c.name) AS referred
    FROM clients c
    CROSS JOIN p
    LEFT JOIN inv_sum s USING (client_id)
    WHERE c.referred_by IS NOT NULL AND c.started_on <= p.as_of
    GROUP BY c.referred_by
)
SELECT c.client_id, c.name, c.industry, c.started_on, c.ended_on, c.notice_days, c.referred_by,
       c.ended_on IS NULL OR c.ended_on > p.as_of AS active,
       date_diff('day', c.started_on, p.as_of) AS tenure_days,
       -- false: started_on is only the first day on record (queries/migrate_016.sql)
       c.start_known,
       coalesce(ts.hours_12m, 0) AS hours_12m,
       coalesce(ts.delivery_12m, 0) AS delivery_12m, coalesce(ts.revision_12m, 0) AS revision_12m,
       coalesce(ts.meeting_12m, 0) AS meeting_12m, coalesce(ts.support_12m, 0) AS support_12m,
       coalesce(ts.admin_12m, 0) AS admin_12m, coalesce(ts.nonbillable_12m, 0) AS nonbillable_12m,
       -- no invoice in the last four quarters: the time's billable amounts stand in (revenue_estimated)
       -- where every billable hour has one
       CASE WHEN s.revenue_12m IS NULL AND ts.billable_12m > 0 AND ts.unpriced_12m = 0 THEN ts.billable_12m
            ELSE coalesce(s.revenue_12m, 0) END AS revenue_12m,
       CAST(coalesce(s.paid_12m, 0) AS DOUBLE) AS paid_12m,
       CAST(coalesce(s.lifetime_value, 0) AS DOUBLE) AS lifetime_value,
       coalesce(s.n_due_12m, 0) AS n_due_12m, coalesce(s.days_late_12m, 0) AS days_late_12m,
       coalesce(s.paid_undated_12m, 0) AS paid_undated_12m,
       coalesce(s.unseen_12m, 0) AS unseen_12m, coalesce(s.late_bound_12m, 0) AS late_bound_12m,
       s.unpaid_seen_on,
       CAST(coalesce(s.unpaid_overdue, 0) AS DOUBLE) AS unpaid_overdue,
       coalesce(s.n_unpaid_overdue, 0) AS n_unpaid_overdue,
       CAST(coalesce(r.referral_value, 0) AS DOUBLE) AS referral_value,
       coalesce(r.referred, []) AS referred,
       coalesce(a.complaints_q0, 0) AS complaints_q0, coalesce(a.escalations_q0, 0) AS escalations_q0,
       coalesce(a.letters_q0, 0) AS letters_q0, coalesce(a.urgent_q0, 0) AS urgent_q0,
       coalesce(a.after_hours_q0, 0) AS after_hours_q0,
       coalesce(a.scope_changes_q0, 0) AS scope_changes_q0,
       coalesce(a.revision_requests_q0, 0) AS revision_requests_q0,
       coalesce(a.public_12m, 0) AS public_12m, coalesce(a.staff_12m, 0) AS staff_12m,
       coalesce(a.praise_12m, 0) AS praise_12m, coalesce(a.complaints_12m, 0) AS complaints_12m,
       coalesce(a.drain_12m, 0) AS drain_12m, coalesce(a.messages_12m, 0) AS messages_12m,
       f.feedback_12m, coalesce(f.feedback_n_12m, 0) AS feedback_n_12m,
       lw.last_work, li.last_invoice, li.first_invoice, li.invoices_seen_on, lc.last_contact, lf.last_feedback, lf.last_feedback_score,
       coalesce(h.hard_words, 0) AS hard_words, h.hard_said, h.hard_via, h.hard_on,
       n.* EXCLUDE (client_id),
       rc.* EXCLUDE (client_id),
       ts.cost_12m, coalesce(ts.uncosted_12m, 0) AS uncosted_hours_12m, ts.billable_12m,
       coalesce(ts.unpriced_12m, 0) AS unpriced_hours_12m,
       s.revenue_12m IS NULL AND coalesce(ts.billable_12m, 0) > 0 AND ts.unpriced_12m = 0 AS revenue_estimated,
       coalesce(ub.hours_not_billed, 0) AS hours_not_billed, uc.cost_not_billed,
       coalesce(ub.uncosted_not_billed, 0) AS uncosted_not_billed, ub.hours_before_first_bill,
       ub.last_bill
FROM clients c
CROSS JOIN p
JOIN now n USING (client_id)
JOIN recent rc USING (client_id)
LEFT JOIN te_sum ts USING (client_id)
LEFT JOIN inv_sum s USING (client_id)
LEFT JOIN ia_sum a USING (client_id)
LEFT JOIN fb_sum f USING (client_id)
LEFT JOIN last_work lw USING (client_id)
LEFT JOIN last_invoice li USING (client_id)
LEFT JOIN last_contact lc USING (client_id)
LEFT JOIN last_feedback lf USING (client_id)
LEFT JOIN hard h USING (client_id)
LEFT JOIN referral r USING (client_id)
LEFT JOIN unbilled ub USING (client_id)
LEFT JOIN unbilled_cost uc USING (client_id)
WHERE c.started_on <= p.as_of AND NOT c.ignored
ORDER BY c.client_id;
