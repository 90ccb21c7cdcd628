-- Schema 17: a time entry's cost amount may be in a currency of its own (cost_currency; NULL: the
-- billable amount's, amount_currency). Harvest keeps one cost rate a person, in the account's
-- currency, and a client's billable rates in the client's: its export's one Currency column is the
-- client's, and a Bristol agency's euro client's costs, in pounds, were converted as euros (its
-- margin read 60% where it was 53%). The time rollup keeps the cost currency as a group of its own
-- and is rebuilt from the raw entries, in this migration's transaction.
ALTER TABLE time_entries ADD COLUMN cost_currency VARCHAR;

CREATE OR REPLACE MACRO time_quarters(lo, hi, ids) AS TABLE
SELECT client_id,
       year("date") * 4 + quarter("date") - 1 AS qy,
       amount_currency,
       -- the cost amounts' own currency where it is not the billable amounts' (Harvest's)
       cost_currency,
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
       -- billable hours with no billable amount (or one of 0: no rate set in the time tracker):
       -- where a client has any, its amounts are not its revenue
       coalesce(sum(hours::DECIMAL(18, 6)) FILTER (WHERE billable AND coalesce(billable_amount, 0) = 0), 0)
           AS h_unpriced,
       max("date") AS last_date
FROM time_entries
WHERE "date" BETWEEN lo AND hi AND (ids IS NULL OR list_contains(ids, client_id))
GROUP BY ALL;

DROP TABLE rollup_time;

CREATE TABLE rollup_time AS
SELECT * FROM time_quarters(DATE '0001-01-01', DATE '9999-12-30', CAST(NULL AS VARCHAR[]));
