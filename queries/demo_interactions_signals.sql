-- demo: the interactions the scores key off (praise, complaints, escalations, urgent requests, scope changes,
-- revision requests), placed per 91-day quarter counted back from $as_of (quarter 0 = the review quarter,
-- the last 91 days). A rate of r per quarter gives floor(r) or ceil(r) events in every quarter, spread
-- evenly (running floor of r * quarters + a per-client offset), so "3-4 complaints a quarter" holds in each
-- one. Events land on weekdays 09:00-18:00, except after-hours urgent requests (21:00-23:30, or any time at
-- a weekend). An event outside its phase's dates is dropped.
INSERT INTO interactions (client_id, "at", channel, kind, sentiment, note, source, source_key)
WITH
kinds (kind) AS (
    VALUES ('praise'), ('complaint'), ('escalation'), ('urgent_request'), ('scope_change'),
           ('revision_request')
),
rated AS (
    SELECT p.*, t.kind,
           CASE t.kind WHEN 'praise' THEN p.praise_q
                       WHEN 'complaint' THEN p.complaint_q
                       WHEN 'escalation' THEN p.escal_q
                       WHEN 'urgent_request' THEN p.urgent_q
                       WHEN 'scope_change' THEN p.scope_q
                       ELSE p.revreq_q END AS per_q,
           demo_u($seed, p.n, 0, t.kind || '.offset') AS offset_u
    FROM demo_phase p
    CROSS JOIN kinds t
),
quarters AS (
    SELECT r.*, q.k,
           $as_of - (91 * q.k + 90)::INTEGER AS q_from,
           (floor(r.per_q * (q.k + 1) + r.offset_u) - floor(r.per_q * q.k + r.offset_u))::BIGINT AS cnt
    FROM rated r, range(13) q(k)
    WHERE r.per_q > 0
      AND $as_of - (91 * q.k + 90)::INTEGER <= r.d_to
      AND $as_of - (91 * q.k)::INTEGER >= r.d_from
),
events AS (
    SELECT qs.*, e.slot, qs.k * 100 + e.slot AS idx
    FROM quarters qs, range(qs.cnt) e(slot)
),
placed AS (
    SELECT ev.*,
           ev.q_from + floor(91 * demo_u($seed, ev.n, ev.idx, ev.kind || '.day'))::INTEGER AS raw_d,
           ev.kind = 'urgent_request'
               AND demo_u($seed, ev.n, ev.idx, 'urgent.late') < ev.after_hours AS late
    FROM events ev
),
dated AS (
    -- Weekend days move to the Monday after, or to the Friday before at the end of a quarter.
    SELECT pl.*,
           CASE WHEN pl.late OR isodow(pl.raw_d) <= 5 THEN pl.raw_d
                WHEN pl.raw_d + (8 - isodow(pl.raw_d))::INTEGER <= pl.q_from + 90
                THEN pl.raw_d + (8 - isodow(pl.raw_d))::INTEGER
                ELSE pl.raw_d - (isodow(pl.raw_d) - 5)::INTEGER END AS d
    FROM placed pl
),
drawn AS (
    SELECT dt.*,
           demo_u($seed, dt.n, dt.idx, dt.kind || '.minute') AS u_minute,
           demo_u($seed, dt.n, dt.idx, dt.kind || '.channel') AS u_channel,
           demo_u($seed, dt.n, dt.idx, dt.kind || '.sentiment') AS u_sent,
           demo_u($seed, dt.n, dt.idx, dt.kind || '.note') AS u_note
    FROM dated dt
    WHERE dt.d BETWEEN dt.d_from AND dt.d_to
),
timed AS (
    SELECT dr.*,
           dr.d + to_minutes(CASE WHEN NOT dr.late THEN 540 + floor(540 * dr.u_minute)
                                  WHEN isodow(dr.d) >= 6 THEN 600 + floor(810 * dr.u_minute)
                                  ELSE 1260 + floor(150 * dr.u_minute) END::BIGINT) AS ts
    FROM drawn dr
)
SELECT client_id,
       ts AS "at",
       CASE kind
           WHEN 'praise' THEN CASE WHEN u_channel < 0.70 THEN 'email'
                                   WHEN u_channel < 0.85 THEN 'phone' ELSE 'meeting' END
           WHEN 'complaint' THEN CASE WHEN slot < social_n THEN 'social'
                                      WHEN u_channel < 0.60 THEN 'email' ELSE 'phone' END
           WHEN 'escalation' THEN escal_ch
           WHEN 'urgent_request' THEN CASE WHEN u_channel < 0.50 THEN 'phone'
                                           WHEN u_channel < 0.80 THEN 'email' ELSE 'chat' END
           WHEN 'scope_change' THEN CASE WHEN u_channel < 0.70 THEN 'email' ELSE 'meeting' END
           ELSE 'email' END AS channel,
       kind,
       round(greatest(-1.0, least(1.0, CASE kind
           WHEN 'praise' THEN greatest(sent, 0.5) + 0.3 * u_sent
           WHEN 'complaint' THEN least(sent, -0.3) + 0.2 * (u_sent - 0.5)
           WHEN 'escalation' THEN least(sent, -0.5) - 0.3 * u_sent
           WHEN 'scope_change' THEN sent + 0.2 * (u_sent - 0.5)
           ELSE sent - 0.1 + 0.2 * (u_sent - 0.5) END)), 2) AS sentiment,
       CASE kind
           WHEN 'praise' THEN $ia_praise[1 + floor(len($ia_praise) * u_note)::BIGINT]
           WHEN 'complaint' THEN CASE
               WHEN slot < social_n THEN $ia_public[1 + floor(len($ia_public) * u_note)::BIGINT]
               WHEN slot < social_n + staff_n
               THEN replace($ia_staff[1 + floor(len($ia_staff) * u_note)::BIGINT], '{who}', lead)
               WHEN nitpick THEN $ia_nitpick[1 + floor(len($ia_nitpick) * u_note)::BIGINT]
               ELSE $ia_complaint[1 + floor(len($ia_complaint) * u_note)::BIGINT] END
           WHEN 'escalation'
           THEN CASE WHEN escal_ch = 'letter' THEN 'Formal letter. ' ELSE '' END
                || $ia_escalation[1 + floor(len($ia_escalation) * u_note)::BIGINT]
           WHEN 'urgent_request' THEN CASE
               WHEN hardship THEN $ia_hardship[1 + floor(len($ia_hardship) * u_note)::BIGINT]
               WHEN late AND u_channel < 0.50
               THEN replace($ia_urgent_call[1 + floor(len($ia_urgent_call) * u_note)::BIGINT],
                            '{time}', strftime(ts, '%H:%M'))
               WHEN late
               THEN replace($ia_urgent_written[1 + floor(len($ia_urgent_written) * u_note)::BIGINT],
                            '{time}', strftime(ts, '%H:%M'))
               ELSE $ia_urgent[1 + floor(len($ia_urgent) * u_note)::BIGINT] END
           WHEN 'scope_change' THEN $ia_scope[1 + floor(len($ia_scope) * u_note)::BIGINT]
           ELSE CASE WHEN vague THEN $ia_vague[1 + floor(len($ia_vague) * u_note)::BIGINT]
                     ELSE $ia_revision[1 + floor(len($ia_revision) * u_note)::BIGINT] END
       END AS note,
       'demo' AS source, client_id AS source_key
FROM timed
ORDER BY n, "at", kind, idx;  -- a stable physical order: same file layout every run
