-- demo: time entries, set-based: every phase crossed with its weekdays and two slots a day; a slot holds an
-- entry with the phase's probability. Hours, billability, person and note come from
-- demo_u($seed, client, day * 2 + slot, tag); presence and activity from two low-discrepancy sequences
-- over the weekdays offset by demo_u. Nothing depends on thread scheduling.
INSERT INTO time_entries (client_id, date, hours, billable, activity, person, note, source, source_key)
WITH
slots AS (
    SELECT p.*, (p.d_from + (r.i // 2)::INTEGER) AS d, (r.i % 2)::INTEGER AS slot
    FROM demo_phase p, range((p.d_to - p.d_from + 1) * 2) r(i)
),
numbered AS (
    SELECT s.*, (s.d - DATE '1970-01-01') * 2 + s.slot AS k,
           -- Weekdays numbered without gaps: weeks since the Monday of 1970-01-01's week, five a week.
           ((s.d - DATE '1970-01-01') + 3) // 7 * 5 + isodow(s.d) - 1 AS weekday_no
    FROM slots s
    WHERE isodow(s.d) <= 5
),
kept AS (
    -- Whether a slot holds an entry follows a sqrt(2) sequence over the weekdays (offset by the hash)
    -- rather than independent draws, so even a client with one entry a week has a steady volume and a
    -- quarter's hours do not halve by chance.
    SELECT *
    FROM numbered
    WHERE (weekday_no * 0.41421356237309503::DOUBLE + demo_u($seed, n, slot, 'te.on')) % 1
          < CASE WHEN slot = 0 THEN p_slot0 ELSE p_slot1 END
),
drawn AS (
    SELECT n, client_id, d, slot, weekday_no, mean_hours, rev, meet, sup, adm, rev_nb, sup_nb, meet_nb,
           lead, second, third,
           demo_u($seed, n, k, 'te.hours') AS u_hours,
           -- Activity and billability follow golden-ratio and sqrt(3) sequences over the weekdays (one
           -- per slot) rather than independent draws, so any stretch of weeks (a quarter, say) holds close
           -- to the exact shares, even for the few entries of a small client.
           (weekday_no * 0.6180339887498949::DOUBLE + demo_u($seed, n, slot, 'te.activity')) % 1 AS u_act,
           (weekday_no * 0.7320508075688772::DOUBLE + demo_u($seed, n, slot, 'te.billable')) % 1 AS u_bill,
           demo_u($seed, n, k, 'te.person') AS u_person,
           demo_u($seed, n, k, 'te.note') AS u_note
    FROM kept
),
typed AS (
    SELECT *,
           CASE WHEN u_act < rev THEN 'revision'
                WHEN u_act < rev + meet THEN 'meeting'
                WHEN u_act < rev + meet + sup THEN 'support'
                WHEN u_act < rev + meet + sup + adm THEN 'admin'
                ELSE 'delivery' END AS activity
    FROM drawn
)
SELECT client_id,
       d AS date,
       greatest(0.25, round(mean_hours * (0.4 + 1.2 * u_hours) * 4) / 4) AS hours,
       CASE activity WHEN 'admin' THEN false
                     WHEN 'revision' THEN u_bill >= rev_nb
                     WHEN 'support' THEN u_bill >= sup_nb
                     WHEN 'meeting' THEN u_bill >= meet_nb
                     ELSE true END AS billable,
       activity,
       CASE WHEN u_person < 0.6 THEN lead WHEN u_person < 0.85 THEN second ELSE third END AS person,
       CASE activity
           WHEN 'revision' THEN $te_revision[1 + floor(len($te_revision) * u_note)::BIGINT]
           WHEN 'meeting' THEN $te_meeting[1 + floor(len($te_meeting) * u_note)::BIGINT]
           WHEN 'support' THEN $te_support[1 + floor(len($te_support) * u_note)::BIGINT]
           WHEN 'admin' THEN $te_admin[1 + floor(len($te_admin) * u_note)::BIGINT]
           ELSE $te_delivery[1 + floor(len($te_delivery) * u_note)::BIGINT] END AS note,
       'demo' AS source, client_id AS source_key
FROM typed
ORDER BY n, d, slot;  -- a stable physical order: same file layout every run, clients' rows together
