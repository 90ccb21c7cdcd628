-- demo: monthly invoices from the time entries just written, set-based: each month's billable hours x the
-- client's rate, issued on the 1st of the next month (a departed client's last month on its end date),
-- due 30 days later, paid after the delay of the phase in force when issued. A payment dated after
-- $as_of has not happened yet (NULL); unpaid_last keeps that many of the latest past-due invoices unpaid.
INSERT INTO invoices (invoice_id, client_id, issued_on, due_on, paid_on, amount, currency, source, source_key)
WITH
months AS (
    SELECT client_id, date_trunc('month', date)::DATE AS month, sum(hours) AS billable_hours
    FROM time_entries
    WHERE billable
    GROUP BY ALL
),
issued AS (
    SELECT m.*, pr.n, pr.rate, pr.unpaid_last,
           CASE WHEN (m.month + INTERVAL 1 MONTH)::DATE <= pr.end_eff
                THEN (m.month + INTERVAL 1 MONTH)::DATE
                WHEN pr.ended_on IS NOT NULL THEN pr.ended_on
           END AS issued_on
    FROM months m
    JOIN demo_profile pr USING (client_id)
),
priced AS (
    SELECT i.*, i.issued_on + 30 AS due_on,
           (p.pay_lo + floor((p.pay_hi - p.pay_lo + 1)
               * demo_u($seed, i.n, i.issued_on - DATE '1970-01-01', 'invoice.delay')))::INTEGER AS delay
    FROM issued i
    JOIN demo_phase p ON p.n = i.n AND i.issued_on BETWEEN p.d_from AND p.d_to
),
ranked AS (
    SELECT *,
           row_number() OVER (PARTITION BY client_id, due_on < $as_of ORDER BY issued_on DESC) AS back
    FROM priced
)
SELECT printf('INV-%s-%s', substr(client_id, 4), strftime(month, '%Y%m')) AS invoice_id,
       client_id,
       issued_on,
       due_on,
       CASE WHEN due_on < $as_of AND back <= unpaid_last THEN NULL
            WHEN due_on + delay > $as_of THEN NULL
            ELSE due_on + delay END AS paid_on,
       round(billable_hours * rate, 2)::DECIMAL(14, 2) AS amount,
       'EUR' AS currency,
       'demo' AS source, client_id AS source_key
FROM ranked
ORDER BY client_id, issued_on;
