-- The yardstick for the scoring benchmark: one plain GROUP BY client_id over each history table,
-- each returning its sums (so the optimizer cannot prune the aggregates away).
SELECT client_id, t.hours, i.amount, x.n_interactions, f.score
FROM (SELECT client_id, sum(hours) AS hours FROM time_entries GROUP BY client_id) t
FULL JOIN (SELECT client_id, sum(amount) AS amount FROM invoices GROUP BY client_id) i USING (client_id)
FULL JOIN (SELECT client_id, count(*) AS n_interactions FROM interactions GROUP BY client_id) x USING (client_id)
FULL JOIN (SELECT client_id, avg(score) AS score FROM feedback GROUP BY client_id) f USING (client_id);
