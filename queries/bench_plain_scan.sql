-- The yardstick for the scoring benchmark: one plain GROUP BY client_id over each history table.
SELECT
    (SELECT count(*) FROM (SELECT client_id, sum(hours) FROM time_entries GROUP BY client_id)),
    (SELECT count(*) FROM (SELECT client_id, sum(amount) FROM invoices GROUP BY client_id)),
    (SELECT count(*) FROM (SELECT client_id, count(*) FROM interactions GROUP BY client_id)),
    (SELECT count(*) FROM (SELECT client_id, avg(score) FROM feedback GROUP BY client_id));
