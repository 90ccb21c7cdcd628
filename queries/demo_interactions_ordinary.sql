-- demo: the everyday stream of interactions, set-based: on each weekday of a phase a client sends a request
-- (mostly by e-mail) or has a meeting with the phase's probability, between 09:00 and 18:00, in a tone
-- close to the phase's mean sentiment.
INSERT INTO interactions (client_id, "at", channel, kind, sentiment, note, source, source_key)
WITH
days AS (
    SELECT p.n, p.client_id, p.sent, p.p_request, (p.d_from + r.i::INTEGER) AS d
    FROM demo_phase p, range(p.d_to - p.d_from + 1) r(i)
),
kept AS (
    SELECT days.*, days.d - DATE '1970-01-01' AS k
    FROM days
    WHERE isodow(days.d) <= 5
      AND demo_u($seed, days.n, days.d - DATE '1970-01-01', 'ordinary.on') < days.p_request
),
drawn AS (
    SELECT n, client_id, d, sent,
           demo_u($seed, n, k, 'ordinary.kind') < 0.85 AS is_request,
           demo_u($seed, n, k, 'ordinary.channel') AS u_channel,
           demo_u($seed, n, k, 'ordinary.minute') AS u_minute,
           demo_u($seed, n, k, 'ordinary.sentiment') AS u_sent,
           demo_u($seed, n, k, 'ordinary.note') AS u_note
    FROM kept
)
SELECT client_id,
       d + to_minutes((540 + floor(540 * u_minute))::BIGINT) AS "at",
       CASE WHEN NOT is_request THEN 'meeting'
            WHEN u_channel < 0.80 THEN 'email'
            WHEN u_channel < 0.92 THEN 'chat'
            ELSE 'phone' END AS channel,
       CASE WHEN is_request THEN 'request' ELSE 'other' END AS kind,  -- a meeting held: channel meeting, kind other
       round(greatest(-1.0, least(1.0, sent + 0.3 * (u_sent - 0.5))), 2) AS sentiment,
       CASE WHEN is_request THEN $ia_request[1 + floor(len($ia_request) * u_note)::BIGINT]
            ELSE $ia_meeting[1 + floor(len($ia_meeting) * u_note)::BIGINT] END AS note,
       'demo' AS source, client_id AS source_key
FROM drawn
ORDER BY n, "at";  -- a stable physical order: same file layout every run
