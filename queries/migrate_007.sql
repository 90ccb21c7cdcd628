-- Schema 7: client x quarter rollups of the two big history tables, so that scoring reads a few
-- rows per client and quarter instead of every time entry and message.
--
-- `time_quarters` and `interaction_quarters` group the raw rows dated lo..hi (of the clients `ids`,
-- or all when NULL) by client and calendar quarter (qy = year * 4 + quarter - 1). The rollup tables
-- hold them for all history; the facts query reads complete quarters from the tables and the
-- quarter it is scored in from the raw rows through the same macro, so both read alike.
--
-- Only what does not depend on the settings is kept: hours per activity, counts per kind and
-- channel, and the hours of the day (weekdays and weekends apart) demanding messages came in, from
-- which the office hours of the settings count the after-hours ones. Complaints naming staff (a
-- pattern of the settings) are read from the raw rows, which are few.
--
-- Every write to time_entries or interactions refreshes the rollups of the clients it touched in
-- the same transaction (health_tui/store/rollups.py).
CREATE MACRO time_quarters(lo, hi, ids) AS TABLE
SELECT client_id,
       year("date") * 4 + quarter("date") - 1 AS qy,
       amount_currency,
       -- sums of exact decimals: the same whatever order the rows are added in, so the same data
       -- gives the same figures to the last digit every run
       sum(hours::DECIMAL(18, 6)) AS hours,
       coalesce(sum(hours::DECIMAL(18, 6)) FILTER (WHERE activity = 'delivery'), 0) AS h_delivery,
       coalesce(sum(hours::DECIMAL(18, 6)) FILTER (WHERE activity = 'revision'), 0) AS h_revision,
       coalesce(sum(hours::DECIMAL(18, 6)) FILTER (WHERE activity = 'meeting'), 0) AS h_meeting,
       coalesce(sum(hours::DECIMAL(18, 6)) FILTER (WHERE activity = 'support'), 0) AS h_support,
       coalesce(sum(hours::DECIMAL(18, 6)) FILTER (WHERE activity = 'admin'), 0) AS h_admin,
       coalesce(sum(hours::DECIMAL(18, 6)) FILTER (WHERE NOT billable), 0) AS h_nonbillable,
       -- the entries' own money in their own currency (exact decimals; converted when read)
       sum(cost_amount) AS cost_amount,
       coalesce(sum(hours::DECIMAL(18, 6)) FILTER (WHERE cost_amount IS NULL), 0) AS h_uncosted,
       sum(billable_amount) AS billable_amount,
       max("date") AS last_date
FROM time_entries
WHERE "date" BETWEEN lo AND hi AND (ids IS NULL OR list_contains(ids, client_id))
GROUP BY ALL;

CREATE MACRO interaction_quarters(lo, hi, ids) AS TABLE
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
       -- demands by hour of the day they came in: the settings' office hours count the late ones
       histogram(hour("at")) FILTER (WHERE kind IN ('request', 'urgent_request', 'scope_change',
                                                    'revision_request', 'complaint', 'escalation')
                                       AND isodow("at") < 6) AS weekday_hours,
       histogram(hour("at")) FILTER (WHERE kind IN ('request', 'urgent_request', 'scope_change',
                                                    'revision_request', 'complaint', 'escalation')
                                       AND isodow("at") >= 6) AS weekend_hours,
       max("at") AS last_at
FROM interactions
WHERE "at" >= lo AND "at" < hi + INTERVAL 1 DAY AND (ids IS NULL OR list_contains(ids, client_id))
GROUP BY ALL;

CREATE TABLE rollup_time AS
SELECT * FROM time_quarters(DATE '0001-01-01', DATE '9999-12-30', CAST(NULL AS VARCHAR[]));

CREATE TABLE rollup_interactions AS
SELECT * FROM interaction_quarters(DATE '0001-01-01', DATE '9999-12-30', CAST(NULL AS VARCHAR[]));
