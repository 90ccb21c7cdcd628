-- Schema 10: a message with a day and no time of day is no demand out of office hours. A spreadsheet
-- log or a survey export gives a date alone, which is stored as midnight (as DuckDB reads it), and
-- every such complaint or request counted as after hours: a tester's Tuesday 14 July complaint
-- moved a client from watch to at risk with no reason saying why. The rollup's `demand_hours` keeps
-- those apart: 48 for a weekday with no time, 49 for a weekend day (which counts where weekends do).
-- A time of exactly 00:00:00 reads as "no time": a real demand at that second is rare, and a date
-- alone cannot be told from it once stored. The rollup is rebuilt from the raw messages, in this
-- migration's transaction.
CREATE OR REPLACE MACRO interaction_quarters(lo, hi, ids) AS TABLE
SELECT client_id,
       year("at") * 4 + quarter("at") - 1 AS qy,
       count(*) AS n_interactions,
       -- a complaint by formal letter is serious: it counts as an escalation
       count(*) FILTER (WHERE kind = 'complaint' AND channel <> 'letter') AS complaints,
       count(*) FILTER (WHERE kind = 'escalation' OR (kind = 'complaint' AND channel = 'letter'))
           AS escalations,
       count(*) FILTER (WHERE kind IN ('complaint', 'escalation') AND channel = 'letter') AS letters,
       count(*) FILTER (WHERE kind IN ('complaint', 'escalation') AND channel = 'social') AS public_complaints,
       count(*) FILTER (WHERE kind = 'urgent_request') AS urgent,
       count(*) FILTER (WHERE kind = 'scope_change') AS scope_changes,
       count(*) FILTER (WHERE kind = 'revision_request') AS revision_requests,
       count(*) FILTER (WHERE kind = 'praise') AS praise,
       coalesce(sum(sentiment::DECIMAL(18, 6)), 0) AS sentiment_sum,
       count(sentiment) AS sentiment_n,
       -- demands by hour of the day they came in (a weekend day's hours from 24, a day with no
       -- time 48, or 49 at a weekend): the settings' office hours count the late ones; NULL for a
       -- quarter with no demand
       map_from_entries(list_filter(map_entries(
           histogram_exact(CAST(CASE WHEN "at" = date_trunc('day', "at") THEN 48 ELSE hour("at") END
                                + CASE WHEN isodow("at") >= 6 THEN CASE WHEN "at" = date_trunc('day', "at")
                                                                        THEN 1 ELSE 24 END
                                       ELSE 0 END AS UTINYINT),
                           CAST(range(50) AS UTINYINT[]))
               FILTER (WHERE kind IN ('request', 'urgent_request', 'scope_change', 'revision_request',
                                      'complaint', 'escalation'))),
           lambda e: e.value > 0 AND e.key < 50)) AS demand_hours,
       max("at") AS last_at
FROM interactions
WHERE "at" >= lo AND "at" < hi + INTERVAL 1 DAY AND (ids IS NULL OR list_contains(ids, client_id))
GROUP BY ALL;

DROP TABLE rollup_interactions;

CREATE TABLE rollup_interactions AS
SELECT * FROM interaction_quarters(DATE '0001-01-01', DATE '9999-12-30', CAST(NULL AS VARCHAR[]));
