-- A second yardstick: the same scans grouped by client and calendar quarter, the least any
-- per-quarter scoring has to do (DuckDB's single-key GROUP BY over a dictionary-compressed client_id
-- is far cheaper than any two-key one).
SELECT count(*), sum(hours), sum(amount), sum(n), sum(score)
FROM (SELECT client_id, date_trunc('quarter', date) AS q, sum(hours) AS hours FROM time_entries GROUP BY ALL) t
FULL JOIN (SELECT client_id, date_trunc('quarter', issued_on) AS q, sum(amount) AS amount FROM invoices GROUP BY ALL) i
    USING (client_id, q)
FULL JOIN (SELECT client_id, date_trunc('quarter', "at") AS q, count(*) AS n FROM interactions GROUP BY ALL) x
    USING (client_id, q)
FULL JOIN (SELECT client_id, date_trunc('quarter', date) AS q, avg(score) AS score FROM feedback GROUP BY ALL) f
    USING (client_id, q);
